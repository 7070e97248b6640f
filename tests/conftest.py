"""Shared fixtures: the seed corpus, the shared data folder, and skips with a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED_DATA = ROOT.parent / "shared" / "data"
MODEL = ROOT / "annotate" / "ner" / "model" / "ar_anercorp_nertagger.pt"

needs_shared_data = pytest.mark.skipif(
    not (SHARED_DATA / "anercorp").is_dir(),
    reason=f"needs the training data in {SHARED_DATA} (present in CI, absent in a user's fresh clone)",
)


def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
