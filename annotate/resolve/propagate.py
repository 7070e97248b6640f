"""Recall beyond the model: once a string is a name somewhere, tag its other occurrences too.

Names (from the model, the registry and the gazetteer) go into one index keyed by their first word; every
body token is looked up once (with its clitic stripped if the bare form is not a name), so the cost is linear
in the corpus. Matches never overlap a model mention, except to extend one that a longer known name contains
(خليفة حفتر over a model span of حفتر); a registry name also replaces model spans of another label inside it
(the editor's يونس- بك يفكوروف over the model's place يونس).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass

from annotate.arabic import fold, strip_marks
from annotate.resolve.recognize.phrases import describes_the_word_before
from annotate.resolve.names import Evidence, AL_PREFIXES, LIL_PREFIXES, NAME_PREFIXES, core, is_portfolio_name, is_word, lil_stems
from annotate.resolve.spans import ArticleView, Candidate, is_verb, make_candidate
from annotate.resolve.variants import variant_word

# Before a guarded place (مالي): a preposition or a conjunction makes it a place, not an adjective.
PREPOSITIONS = frozenset(fold(w) for w in "في من إلى الى مع عن على بين و أو حتى نحو داخل خارج شمال جنوب شرق غرب وسط".split())
FUNCTION_WORDS = frozenset("على إلى الى حتى لدى متى عن من في مع أن إن".split())
MIN_RATIO = 0.2  # a one-word name tagged by the model in fewer than 1 of 5 occurrences is a common word
MIN_WORD = 3


@dataclass(frozen=True)
class Entry:
    """A known name: its key words (``names.core``), label and where it comes from."""

    words: tuple[str, ...]
    label: str
    source: str  # propagated | gazetteer | registry
    guarded: bool = False


class NameIndex:
    """Known names by their spelling buckets (``variants``): a dict lookup per length, never a scan."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], Entry] = {}
        self.lengths: dict[str, set[int]] = defaultdict(set)  # first bucket → lengths of names starting with it

    def add(self, entry: Entry) -> None:
        if not entry.words or (len(entry.words) == 1 and len(entry.words[0]) < MIN_WORD):
            return
        key = tuple(variant_word(w) for w in entry.words)
        old = self.names.get(key)
        if old is None or _rank(entry) < _rank(old):
            self.names[key] = entry
        self.lengths[key[0]].add(len(key))

    def remove(self, words: tuple[str, ...]) -> None:
        if words:
            self.names.pop(tuple(variant_word(w) for w in words), None)


def _rank(entry: Entry) -> int:
    return {"registry": 0, "propagated": 1, "gazetteer": 2, "lexicon": 3}.get(entry.source, 4)


@functools.lru_cache(maxsize=500_000)
def _stems(token: str) -> tuple[tuple[int, str], ...]:
    """(prefix letters, key word) readings of a token: as written first, then without a clitic."""
    f = fold(token)
    out = [(0, core(f))]
    for p in AL_PREFIXES:
        if f.startswith(p + "ال") and len(f) - len(p) >= 4:
            out.append((len(p), core(f[len(p):])))
    for p in LIL_PREFIXES:
        if f.startswith(p + "لل") and len(f) - len(p) >= 4:
            out.extend((len(p), core(w)) for w in lil_stems(f[len(p) + 2 :]))
    for p in NAME_PREFIXES:
        if f.startswith(p) and len(f) - len(p) >= 2:
            out.append((len(p), core(f[len(p):])))
    return tuple(out)


def find_names(view: ArticleView, index: NameIndex, first_names: frozenset[str] = frozenset(), evidence: Evidence | None = None) -> list[tuple[Candidate, Entry]]:
    """Every longest match of a known name at token boundaries, left to right.

    A person's surname found alone takes the word before it when that word is a first name the corpus has
    seen in a full name (سيرغي before شويغو), so a full name the model missed is still tagged whole.
    """
    toks = view.tokens
    found: list[tuple[Candidate, Entry]] = []
    i = 0
    while i < len(toks):
        best: tuple[int, int, Entry] | None = None
        if is_word(toks[i].text) and not is_verb(toks[i].text):  # كانوا is not a spelling of كينيا
            for n, stem in _stems(toks[i].text):
                first = variant_word(stem)
                lengths = index.lengths.get(first)
                if not lengths:
                    continue
                for length in sorted(lengths, reverse=True):
                    rest, j = _next_words(view, i + 1, length - 1)
                    entry = index.names.get((first, *rest)) if rest is not None else None
                    if entry is None or (entry.guarded and not n and not _after_preposition(view, i)):
                        continue
                    if is_portfolio_name(entry.words) and describes_the_word_before(view, i):
                        continue  # السياسة الخارجية الأمريكية: a policy, where الخارجية الأمريكية is the ministry
                    best = (j, n, entry)
                    break
                if best is not None:
                    break  # the reading as written wins over a clitic reading
        if best is None:
            i += 1
            continue
        j, n, entry = best
        if entry.label == "PER" and len(entry.words) == 1 and not n and evidence is not None and _first_name_before(view, i, first_names):
            candidate = make_candidate(view, i - 1, j, entry.label, entry.source, evidence)
            if found and found[-1][0].outer[1] > view.tokens[i - 1].start:
                candidate = None
        else:
            candidate = make_candidate(view, i, j, entry.label, entry.source, _Forced(entry.words[0]))
        if candidate is not None:
            found.append((candidate, entry))
        i = j
    return found


class _Forced(Evidence):
    """Evidence that makes ``split_clitic`` pick the reading the index matched."""

    def __init__(self, matched: str) -> None:
        self.matched = variant_word(matched)

    def prefer_stem(self, word: str, stem: str) -> bool:
        return variant_word(core(stem)) == self.matched and variant_word(core(word)) != self.matched


def _next_words(view: ArticleView, i: int, count: int) -> tuple[tuple[str, ...] | None, int]:
    """Spelling buckets of the next ``count`` words in the sentence (skipping a hyphen: يونس- بك), and the end index."""
    toks = view.tokens
    out = []
    for _ in range(count):
        while i < len(toks) and toks[i].text in "-–" and view.sentence[i] == view.sentence[i - 1]:
            i += 1
        if i >= len(toks) or view.sentence[i] != view.sentence[i - 1]:
            return None, i
        out.append(variant_word(core(toks[i].text)))
        i += 1
    return tuple(out), i


def _first_name_before(view: ArticleView, i: int, first_names: frozenset[str]) -> bool:
    if i == 0 or view.sentence[i - 1] != view.sentence[i] or not is_word(view.tokens[i - 1].text):
        return False
    if strip_marks(view.tokens[i - 1].text) in FUNCTION_WORDS:  # على folds to علي, a first name
        return False
    return variant_word(core(view.tokens[i - 1].text)) in first_names


def _after_preposition(view: ArticleView, i: int) -> bool:
    return i > 0 and fold(view.tokens[i - 1].text) in PREPOSITIONS


def merge_found(existing: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """Add matches that overlap nothing; let a longer match replace the model spans it contains (of its own
    label, or of any label when the match is a registry name)."""
    existing = sorted(existing, key=lambda c: (c.start, c.end))
    starts = [c.start for c in existing]
    drop: set[int] = set()
    added: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (c.start, -c.end)):
        lo, hi = cand.start, cand.end
        if any(a < hi and lo < b for a, b in taken):
            continue
        k = bisect.bisect_left(starts, hi)
        overlapping = [x for x in range(max(0, bisect.bisect_left(starts, lo) - 1), k) if existing[x].start < hi and lo < existing[x].end]
        if overlapping:
            inside = all(lo <= existing[x].start and existing[x].end <= hi and (existing[x].label == cand.label or cand.source == "registry") for x in overlapping)
            longer = all(len(existing[x].key) < len(cand.key) for x in overlapping)
            if not (inside and longer):
                continue
            drop.update(overlapping)
            cand.source = "propagated" if cand.source == "gazetteer" else cand.source
        added.append(cand)
        taken.append((lo, hi))
    kept = [c for x, c in enumerate(existing) if x not in drop]
    return sorted(kept + added, key=lambda c: (c.start, c.end))


def rare_keys(model_counts: Counter, found_counts: Counter) -> set[tuple[str, ...]]:
    """One-word names the model tagged too rarely for propagation to be safe (common words)."""
    out = set()
    for key, found in found_counts.items():
        tagged = model_counts.get(key, 0)
        if len(key) == 1 and found >= 4 and tagged / (tagged + found) < MIN_RATIO:
            out.add(key)
    return out
