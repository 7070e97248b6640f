"""Read the labeled NER corpora (ANERcorp, AQMAR) into sentences of (word, BIO tag) with our label set.

Both corpora use one ``token TAG`` pair per line and a blank line between sentences. Tags are mapped
to PER/ORG/LOC/MISC; AQMAR's MIS0–MIS3 become MISC and its dozen misspelled tags are repaired.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotate.arabic import normalize_token

TaggedSentence = list[tuple[str, str]]

_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_MISC = re.compile(r"^MISS?-?\d?`?$")  # MIS0..MIS3, MIS, MIS-1, MISS1, MIS1`


def clean_tag(tag: str) -> str:
    """Map a raw corpus tag to ``O`` or ``B-/I-`` + PER/ORG/LOC/MISC (unknown types become ``O``)."""
    tag = tag.strip()
    if tag in {"O", "OO", "IO", ""}:
        return "O"
    prefix, _, kind = tag.partition("-")
    if prefix not in {"B", "I"}:
        return "O"
    kind = kind.lstrip("-")
    if kind in _TYPES:
        return f"{prefix}-{_TYPES[kind]}"
    if _MISC.match(kind):
        return f"{prefix}-MISC"
    return "O"  # B-ENGLISH, B-SPANISH: language markers, not entities


def read_conll(path: Path) -> list[TaggedSentence]:
    """Sentences of (word, cleaned tag) from a ``token TAG`` file; an I- after O is repaired to B-."""
    sentences: list[TaggedSentence] = []
    current: TaggedSentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        word, tag = parts[0], clean_tag(parts[-1] if len(parts) > 1 else "O")
        if tag.startswith("I-") and (not current or current[-1][1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        current.append((word, tag))
    if current:
        sentences.append(current)
    return sentences


def split_dev(sentences: list[TaggedSentence], dev_fraction: float) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """Hold out the *last* fraction as dev (ANERcorp is split sequentially; so is our dev)."""
    cut = len(sentences) - max(1, round(len(sentences) * dev_fraction))
    return sentences[:cut], sentences[cut:]


def write_stanza_json(sentences: list[TaggedSentence], path: Path) -> None:
    """Stanza's NER training format, with the words normalized exactly as at tagging time."""
    doc = [[{"text": normalize_token(w), "ner": t} for w, t in sent] for sent in sentences]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact (start, end, type) spans from a BIO (or BIOES) tag sequence."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix in {"I", "E"} and label == kind and start is not None
        if not continues:
            if start is not None:
                spans.add((start, i, kind))
            start, kind = (i, label) if prefix in {"B", "S", "I", "E"} else (None, None)
        if prefix in {"E", "S"} and start is not None:
            spans.add((start, i + 1, kind))
            start, kind = None, None
    return spans
