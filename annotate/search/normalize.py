"""Search normalization: one definition, mirrored in ``docs/assets/search.js`` (kept equal by a parity test).

A text becomes *terms*: ``annotate.arabic.fold`` (marks, tatweel and invisible controls removed, alef/ya/
hamza-seat forms unified, ة→ه, Arabic-Indic digits western, Latin lowercase), then runs of Unicode letters and
digits (everything else, « » ، ؟ " and the rest, separates terms), each cut to ``MAX_TERM`` characters.

A term also has *stems*: the term with a proclitic run removed (conjunction و/ف, then preposition ب/ل/ك,
then the article ال, with ل+ال written لل), kept when enough letters remain. The index stores terms only;
the browser derives the stems of every index term and of every query term with the same function, so
رئيس finds للرئيس, موسكو finds بموسكو and وموسكو finds موسكو.
"""

from __future__ import annotations

import re
import unicodedata

from annotate.arabic import fold

MAX_TERM = 40  # longer words are cut (a 5,000-letter "word" costs 40 letters in the index)
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")
ARTICLES = ("", "ال")
MIN_STEM = 3  # letters left after removing a proclitic run without the article
MIN_STEM_AFTER_ARTICLE = 2  # ... and after one ending in the article (الصف → صف)

_WORD = re.compile(r"[^\W_]+")  # letters and digits (Python's \w without "_")
_PLAIN = re.compile(r"[0-9a-z\u0621-\u064a\u0660-\u0669\u066e-\u06d3]+")  # common case: no check needed


def _prefixes() -> tuple[tuple[str, bool], ...]:
    """Every proclitic run, longest first, with whether it ends in the article."""
    runs = set()
    for conj in CONJUNCTIONS:
        for prep in PREPOSITIONS:
            for art in ARTICLES:
                run = conj + ("لل" if prep == "ل" and art else prep + art)
                if run:
                    runs.add((run, bool(art)))
    return tuple(sorted(runs, key=lambda r: (-len(r[0]), r[0])))


PREFIXES = _prefixes()


def _letters_and_digits(token: str) -> list[str]:
    """Split a \\w run further at anything that is not a Unicode letter (L*) or number (N*), as JS's
    ``[\\p{L}\\p{N}]+`` does (Python's \\w also admits a few numeric symbols such as ㈠)."""
    if _PLAIN.fullmatch(token):
        return [token]
    out, current = [], []
    for ch in token:
        if unicodedata.category(ch)[0] in "LN":
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def terms(text: str) -> list[str]:
    """The search terms of ``text``, in order (with repeats)."""
    out = []
    for run in _WORD.findall(fold(text)):
        for term in _letters_and_digits(run):
            out.append(term[:MAX_TERM])
    return out


def term_set(text: str) -> set[str]:
    """The distinct search terms of ``text`` (what the index needs; each word is checked once)."""
    out: set[str] = set()
    for run in set(_WORD.findall(fold(text))):
        if _PLAIN.fullmatch(run):
            out.add(run[:MAX_TERM])
        else:
            out.update(term[:MAX_TERM] for term in _letters_and_digits(run))
    return out


def stems(term: str) -> list[str]:
    """The term without each proclitic run it starts with (longest run first), when enough remains."""
    out = []
    for run, article in PREFIXES:
        if term.startswith(run):
            rest = term[len(run):]
            if len(rest) >= (MIN_STEM_AFTER_ARTICLE if article else MIN_STEM) and rest not in out:
                out.append(rest)
    return out


def query_variants(term: str) -> list[str]:
    """What a query term looks for: itself, then its stems."""
    return [term, *stems(term)]
