"""Shared fixtures: the seed corpus, the shared data folder, and skips with a clear reason."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import browser, recording_page  # noqa: F401  (fixtures shared by the browser tests)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED_DATA = ROOT.parent / "shared" / "data"
MODEL = ROOT / "annotate" / "ner" / "model" / "ar_ner_anercorp.pt"

needs_shared_data = pytest.mark.skipif(
    not (SHARED_DATA / "anercorp").is_dir(),
    reason=f"needs the training data in {SHARED_DATA} (present in CI, absent in a user's fresh clone)",
)


def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


def corpus_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file():
            digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> subprocess.CompletedProcess:
    """The seed corpus published once per test session through the real CLI (the corpus must not change)."""
    if not MODEL.exists():
        pytest.skip("the shipped model is needed to build the site")
    out = tmp_path_factory.mktemp("published") / "site"
    cache = tmp_path_factory.mktemp("cache")
    before = corpus_digest()
    command = [sys.executable, "-m", "annotate", "site", "--corpus", str(CORPUS), "--out", str(out), "--cache", str(cache)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert corpus_digest() == before, "the build modified the corpus"
    result.site = out
    return result


@pytest.fixture(scope="session")
def seed_site(seed_build) -> Path:
    return seed_build.site
