"""The outlet an article credits on a line of its own («المصدر: السومرية العراقية», «المصدر: موقع 24») or
names in its dateline or masthead by a dash («الوكيل الإخباري- يفتتح…», «زاد الاردن الاخباري -»).

Scraped pages end (or begin) with the outlet they took the story from; the tagger, trained on running
prose, rarely tags a name standing alone after a label. The name is the line after «المصدر:», up to four
words, without a trailing nationality adjective (السومرية العراقية: the channel is السومرية) and not a
generic credit (وكالات، متابعات، مواقع التواصل: words real news uses often and almost never in a name).
A number belongs to the name (موقع 24، عربي 21).

A dateline or masthead outlet is a name of two to four words ending with «الإخباري» (news: the outlet's
own word for itself) at the start of a line before a dash, or after a dash at its end; «الموقع الإخباري»
alone is a generic «news site».

A dateline opens a paragraph with the place and the outlet, and perhaps the day, set apart by dashes and
closed by a colon or a dash («الرياض - مباشر: قال…», «بوابة أوكرانيا – كييف–25 سبتمبر 2022- قال…»): when
one part is a place (the gazetteer, or the tagger's place span) and another is neither a place, a date,
a person the tagger found (the reporter: «غزة - أحمد سالم:») nor a generic credit (خاص، وكالات), that part
is the outlet, whatever the word means elsewhere (مباشر: live).
"""

from __future__ import annotations

import dataclasses
import re

from annotate.arabic import fold
from annotate.dates.lexicon import MONTHS
from annotate.resolve import gazetteer
from annotate.resolve.gazetteer import is_nationality
from annotate.resolve.names import Evidence, is_word
from annotate.resolve.recognize.lexicon import is_common
from annotate.resolve.spans import ArticleView, Candidate, make_candidate

LABELS = frozenset(fold(w) for w in ("المصدر",))
GENERIC = frozenset(fold(w) for w in "وكالات متابعات مواقع مصادر خاص وسائل صحف منصات الإنترنت".split())
MAX_WORDS = 4
_NEWS_NAME = r"[^\s\-–—]+(?:\s+[^\s\-–—]+){0,2}\s+ال[إا]خباري[ةه]?"
MASTHEAD = re.compile(rf"^\s*(?P<a>{_NEWS_NAME})\s*[-–—]|[-–—]\s*(?P<b>{_NEWS_NAME})\s*$", re.M)
GENERIC_NEWS = frozenset(fold(w) for w in "الموقع موقع الشبكة شبكة المركز مركز الموجز النشرة التقرير البيان المصدر".split())


def source_credits(view: ArticleView, evidence: Evidence) -> list[Candidate]:
    """An ORG candidate for each outlet credited as «المصدر: NAME» alone on its line, in the body."""
    text, toks = view.article.text, view.tokens
    out = []
    for k in range(len(toks) - 2):
        if fold(toks[k].text) not in LABELS or toks[k + 1].text not in (":", "：") or text[text.rfind("\n", 0, toks[k].start) + 1 : toks[k].start].strip():
            continue
        line_end = text.find("\n", toks[k].end)
        line_end = len(text) if line_end < 0 else line_end
        j = k + 2
        while j < len(toks) and toks[j].end <= line_end:
            j += 1
        names = toks[k + 2 : j]
        while names and not is_word(names[-1].text) and not names[-1].text.isdigit():
            names = names[:-1]  # a closing full stop
        if not 1 <= len(names) <= MAX_WORDS or not all(is_word(t.text) or t.text.isdigit() for t in names):
            continue  # a sentence, or punctuation inside: not a bare credit
        if len(names) >= 2 and is_nationality(fold(names[-1].text)):
            names = names[:-1]
        number = names[-1] if names[-1].text.isdigit() else None
        words = [t for t in names if is_word(t.text)]
        if not words or number is None and all(fold(t.text) in GENERIC or is_common(fold(t.text)) for t in words):
            continue
        if not view.in_body(names[0].start, names[-1].end):
            continue
        cand = make_candidate(view, k + 2, k + 2 + len(names) - (number is not None), "ORG", "phrase", evidence)
        if cand is not None and number is not None:
            grown = {"end": number.end, "outer": (cand.outer[0], number.end), "key": ()}
            cand = dataclasses.replace(cand, words=(*cand.words, number.text), folded=(*cand.folded, number.text), **grown)
        if cand is not None:
            out.append(cand)
    return out


def masthead_outlets(view: ArticleView, evidence: Evidence) -> list[Candidate]:
    """An ORG candidate for each «X الإخباري» named by a dash at a line's edge, in the body."""
    text = view.article.text
    out = []
    for match in MASTHEAD.finditer(text):
        group = "a" if match.group("a") else "b"
        start, end = match.span(group)
        words = match.group(group).split()
        if len(words) == 2 and fold(words[0]) in GENERIC_NEWS or not view.in_body(start, end):
            continue
        i, j = view.token_range(start, end)
        if i < j and (cand := make_candidate(view, i, j, "ORG", "phrase", evidence)) is not None:
            out.append(cand)
    return out


_PART = r"[^\s\-–—:،.\d][^\-–—:\n،.]{0,40}?"
DATELINE = re.compile(rf"^[ \t]*(?P<a>{_PART})\s*[-–—]\s*(?P<b>[^\-–—:\n،.]{{1,40}}?)\s*(?:[-–—]\s*(?P<c>[^\-–—:\n،.]{{1,30}}?)\s*)?[-–—:]\s*(?=\S+\s+\S+\s+\S)", re.M)
MONTH_WORDS = frozenset(fold(m) for m in MONTHS)


def dateline_outlets(view: ArticleView, cands: list[Candidate], evidence: Evidence) -> list[Candidate]:
    """An ORG candidate for the outlet of each paragraph's dateline (see the module's docstring)."""
    text = view.article.text
    out = []
    for match in DATELINE.finditer(text):
        parts = [match.span(g) for g in "abc" if match.group(g)]
        if not view.in_body(parts[0][0], parts[-1][1]):
            continue
        kinds = [_kind(text[s:e], s, e, cands) for s, e in parts]
        outlets = [span for span, kind in zip(parts, kinds) if kind == "name"]
        if kinds.count("place") != 1 or len(outlets) != 1 or kinds.count("date") > 1 or "person" in kinds or "generic" in kinds:
            continue
        i, j = view.token_range(*outlets[0])
        if i < j and (cand := make_candidate(view, i, j, "ORG", "dateline", evidence)) is not None:
            out.append(cand)
    return out


def _kind(part: str, start: int, end: int, cands: list[Candidate]) -> str:
    words = [fold(w) for w in part.split()]
    if any(w.isdigit() or w in MONTH_WORDS for w in words):
        return "date"
    inside = [c for c in cands if start <= c.start and c.end <= end]
    if any(c.label == "PER" for c in inside):
        return "person"
    if " ".join(words) in gazetteer.place_names() or any(c.label == "LOC" and (c.start, c.end) == (start, end) for c in inside):
        return "place"
    if not 1 <= len(words) <= MAX_WORDS or any(not is_word(w) for w in part.split()):
        return "other"
    return "generic" if all(w in GENERIC for w in words) else "name"
