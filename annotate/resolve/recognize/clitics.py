"""Clitics on names the corpus has not seen bare: «لبيسكوف», «ودونيتسك», «لجامعة الدول العربية».

``names.split_clitic`` strips a clitic when the vocabulary prefers the stem word by word; a name seen only
with its clitic, or one whose stem is rare as a word, keeps it, and becomes an actor of its own beside the
bare name. Here the whole name decides: when the name without the clitic is a known name (a span elsewhere
in the corpus, a surname of a full name, the registry, a place, the lexicon) and the name with it is not,
the clitic is cut and the label follows the known name by the usual vote.
"""

from __future__ import annotations

import functools

from annotate.arabic import fold
from annotate.resolve.names import AL_PREFIXES, NAME_PREFIXES, Evidence, lil_stems
from annotate.resolve.spans import ArticleView, Candidate, make_candidate


@functools.lru_cache(maxsize=1 << 16)
def stems(word: str) -> tuple[str, ...]:
    """A folded word's readings without a proclitic (ولروسيا → لروسيا? no: روسيا; للجنة → اللجنة)."""
    out = []
    for p in AL_PREFIXES:
        if word.startswith(p + "ال") and len(word) - len(p) >= 4:
            out.append(word[len(p) :])
    if word.startswith("لل") and len(word) >= 5:
        out.extend(lil_stems(word[2:]))
    for p in NAME_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            out.append(word[len(p) :])
    return tuple(out)


class _Stem(Evidence):
    def __init__(self, stem: str) -> None:
        self.stem = stem

    def prefer_stem(self, word: str, stem: str) -> bool:
        return stem == self.stem


def repair_clitics(view: ArticleView, cands: list[Candidate], spans: set[tuple[str, ...]], strong: set[tuple[str, ...]], shared=None) -> list[Candidate]:
    """``cands`` with a clitic cut where only the bare name is known (``spans``: folded names of the corpus'
    spans and surnames; ``strong``: the registry's, the places' and the lexicon's, which also keep a name
    that starts like a clitic, such as لبنان or وهران, as it is; ``shared``: ``shared_stems(spans)``, when
    the caller has it)."""
    out = []
    shared = shared_stems(frozenset(spans)) if shared is None else shared
    for c in cands:
        i, j = view.token_range(c.start, c.end)
        first = fold(view.tokens[i].text) if i < j else ""
        fixed = None
        if c.folded and c.folded[0] == first and c.source != "registry":
            for stem in stems(first):
                bare = (stem, *c.folded[1:])
                if (bare in spans or bare in strong or bare in shared) and c.folded not in strong:
                    fixed = make_candidate(view, i, j, c.label, c.source, _Stem(stem), outer=c.outer)
                    break
        if fixed is not None:
            fixed.role = c.role
            out.append(fixed)
        else:
            out.append(c)
    return out


@functools.lru_cache(maxsize=2)  # one corpus' spans, asked for by each of its articles
def shared_stems(spans: frozenset[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Names the corpus writes only with clitics, but with two different ones (ودونيتسك، لدونيتسك → دونيتسك)."""
    forms: dict[tuple[str, ...], set[str]] = {}
    for name in spans:
        if name:
            for stem in stems(name[0]):
                forms.setdefault((stem, *name[1:]), set()).add(name[0])
    return frozenset(stem for stem, words in forms.items() if len(words) >= 2)
