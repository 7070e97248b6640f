"""Corpus-wide entity-type rates per word, appended to the word vectors for the tagger's next stage.

Why: the tagger misses names it never saw in training (under half of them are found), yet most such
names occur many times in the unlabeled news, often in contexts where even a first tagger recognizes
them (قال الرئيس الأمريكي دونالد ترامب). Tagging the unlabeled text once with an earlier stage's tagger
and keeping, for each word, how often it was inside a PER/ORG/LOC/MISC entity and how often it began one
hands that corpus-level evidence to the next tagger through the one input stanza gives every word: its
pretrained vector. Nothing changes at tagging time: the rates are five more columns of the
shipped pretrain, computed once at training.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

TYPES = ("PER", "ORG", "LOC", "MISC")
COLUMNS = len(TYPES) + 1  # one rate per type, then the rate of beginning an entity
SENTENCE_END = frozenset({".", "؟", "!", "?"})

TagWords = Callable[[list[list[str]]], list[list[str]]]


@dataclass
class TypeCounts:
    """How often each word occurred, was inside an entity of each type, and began an entity."""

    occurrences: Counter = field(default_factory=Counter)
    inside: dict[str, Counter] = field(default_factory=dict)  # word -> type -> count
    begins: Counter = field(default_factory=Counter)
    tokens: int = 0

    def add(self, words: Sequence[str], tags: Sequence[str]) -> None:
        """Count one tagged window (BIOES or BIO tags)."""
        for word, tag in zip(words, tags, strict=True):
            self.occurrences[word] += 1
            if tag == "O":
                continue
            self.inside.setdefault(word, Counter())[tag[2:]] += 1
            if tag[0] in "BS":
                self.begins[word] += 1
        self.tokens += len(words)

    def rates(self, word: str, smoothing: float) -> list[float]:
        """The word's rates: inside each type, then beginning an entity. A word seen once counts
        1 / (1 + smoothing) at most, so one lucky tag is not taken for a name."""
        seen = self.occurrences.get(word, 0)
        if not seen:
            return [0.0] * COLUMNS
        inside = self.inside.get(word, Counter())
        return [count / (seen + smoothing) for count in (*(inside[t] for t in TYPES), self.begins[word])]


def windows(lines: Iterable[list[str]], max_tokens: int = 60, min_tokens: int = 8) -> Iterator[list[str]]:
    """Tokenized paragraphs cut into sentence-sized windows (at a sentence end once ``min_tokens`` long,
    always at ``max_tokens``): ANT lines are whole paragraphs, the tagger was trained on sentences."""
    for tokens in lines:
        window: list[str] = []
        for token in tokens:
            window.append(token)
            if len(window) >= max_tokens or (token in SENTENCE_END and len(window) >= min_tokens):
                yield window
                window = []
        if window:
            yield window


def count_types(tag_words: TagWords, texts: Iterable[list[str]], token_budget: int, batch: int = 2000) -> TypeCounts:
    """Tag windows of ``texts`` (``batch`` at a time) until ``token_budget`` tokens are counted."""
    counts = TypeCounts()
    started = time.time()
    pending: list[list[str]] = []

    def flush() -> None:
        for words, tags in zip(pending, tag_words(pending), strict=True):
            counts.add(words, tags)
        pending.clear()
        log.info("type rates: %d tokens tagged, %.0f s", counts.tokens, time.time() - started)

    for window in windows(texts):
        pending.append(window)
        if len(pending) >= batch:
            flush()
            if counts.tokens >= token_budget:
                break
    if pending:
        flush()
    return counts


def append_rates(pretrain_file: Path, counts: TypeCounts, out: Path, scale: float, smoothing: float) -> None:
    """Write ``pretrain_file`` with the rates (times ``scale``) as extra columns to ``out``.

    ``scale`` brings rates in [0, 1] to the size of the vectors' own values (about 1)."""
    import torch

    pretrain = torch.load(pretrain_file, map_location="cpu", weights_only=False)
    words = pretrain["vocab"]["_id2unit"]
    rates = torch.tensor([counts.rates(word, smoothing) for word in words], dtype=torch.float32) * scale
    emb = pretrain["emb"]
    pretrain["emb"] = torch.cat([emb.float(), rates], dim=1).to(emb.dtype)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(pretrain, out, _use_new_zipfile_serialization=False)
    known = sum(1 for word in words if counts.occurrences.get(word))
    log.info("type rates: %d of %d pretrain words seen in %d tagged tokens", known, len(words), counts.tokens)
