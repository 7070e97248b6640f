"""Recognizing mentions the tagger's spans do not give, and dropping spans that are not names.

The resolve stage has two jobs: *recognize* the mentions of an article (the model's spans trimmed by
``resolve.spans``, then this package: ``filters`` for precision, ``phrases`` for institution and site names
read from their shape, ``credits`` for the outlet credited on a line of its own, ``quoted`` for a name in quotes after its head noun, ``spelled`` for acronyms spelled with dots, ``latin`` for acronyms and credits in capitals, ``lexicon`` for names mined from real news, which ``resolve.propagate`` then finds
everywhere) and *link* mentions into actors (``resolve.rules``, ``resolve.variants``, ``resolve.link``).
"""

from __future__ import annotations

from annotate.resolve.names import Evidence
from annotate.resolve.recognize import lexicon
from annotate.resolve.recognize.credits import dateline_outlets, masthead_outlets, source_credits
from annotate.resolve.recognize.quoted import quoted_names
from annotate.resolve.recognize.spelled import dotted_acronyms
from annotate.resolve.recognize.filters import keep_names
from annotate.resolve.recognize.latin import find_latin
from annotate.resolve.recognize.phrases import KnownNames, find_phrases, media_names, ministry_names
from annotate.resolve.spans import ArticleView, Candidate

__all__ = ["KnownNames", "lexicon", "recognize_more", "keep_names"]


def recognize_more(view: ArticleView, cands: list[Candidate], known: KnownNames, evidence: Evidence, registry: KnownNames | None = None) -> list[Candidate]:
    """An article's candidates without non-names, plus its institution and site phrases, each phrase
    replacing the spans inside it (القاهرة in مطار القاهرة الدولي) whatever their label."""
    cands = keep_names(cands, view.article.text)
    phrases = find_phrases(view, known, evidence, registry) + media_names(view, evidence) + ministry_names(view, evidence) + source_credits(view, evidence) + masthead_outlets(view, evidence) + dateline_outlets(view, cands, evidence) + quoted_names(view, evidence) + dotted_acronyms(view, evidence)
    latin = [c for c in find_latin(view, evidence) if not any(o.outer[0] < c.end and c.start < o.outer[1] for o in cands)]  # (outer: the tagger's span, Latin spelling after the name included)
    return replace_inside(cands, phrases + latin)


def replace_inside(existing: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """Add each found span that crosses no existing span and lies inside none; drop the spans it contains."""
    kept = list(existing)
    for cand in found:
        inside = [c for c in kept if cand.start <= c.outer[0] and c.outer[1] <= cand.end or cand.start <= c.start and c.end <= cand.end]
        others = [c for c in kept if c not in inside]
        if any(c.start < cand.end and cand.start < c.end for c in others):
            continue  # crosses a span, or lies inside a longer one: the existing span stays
        kept = others + [cand]
    return sorted(kept, key=lambda c: (c.start, c.end))
