"""Acronyms spelled in Arabic letter names joined by dots: «(سي.إن.إن ترك)», «شبكة (إن.بي.سي)»,
«تلفزيون ام.اس.ان.بي.سي».

The tokenizer cuts at each dot, and the tagger, which learned spelled acronyms with spaces (إن بي سي), tags
one letter of the run or none. A run of two or more letter names (``spans.LETTER_NAMES``) with nothing but a
dot between them is one name; it is an organization, as the spelled acronyms of news almost always are
(networks, agencies), and it keys like the same acronym spelled with spaces.
"""

from __future__ import annotations

from annotate.arabic import fold
from annotate.resolve.names import Evidence
from annotate.resolve.spans import LETTER_NAMES, ArticleView, Candidate, make_candidate


def dotted_acronyms(view: ArticleView, evidence: Evidence) -> list[Candidate]:
    """An ORG candidate for each dotted run of letter names in the body."""
    toks, text = view.tokens, view.article.text
    out = []
    i = 0
    while i < len(toks):
        j, letters = i, 0
        while j < len(toks) and fold(toks[j].text) in LETTER_NAMES:
            letters += 1
            joined = j + 2 < len(toks) and toks[j + 1].text == "." and toks[j].end == toks[j + 1].start and toks[j + 1].end == toks[j + 2].start
            if not joined:
                j += 1
                break
            j += 2
        dotted = letters >= 2 and "." in text[toks[i].start : toks[j - 1].end]
        if dotted and view.in_body(toks[i].start, toks[j - 1].end) and (cand := make_candidate(view, i, j, "ORG", "phrase", evidence)) is not None:
            out.append(cand)
        i = max(j, i + 1)
    return out
