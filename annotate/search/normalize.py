"""Search normalization: one definition, mirrored in ``docs/assets/search-fold.js`` (kept equal by a parity test).

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


# --- spelling-tolerant keys (names only) ----------------------------------------------------------------
# A key is a skeleton that spellings of one name share; the index stores it for actor names, marked with
# KEY_MARK (never inside a term, which is letters and digits only) so that it cannot meet an ordinary term.
KEY_MARK = "~"
ARABIC_CLASSES = (("ج", "ك"), ("غ", "ك"), ("ق", "ك"))  # after fold: گ/ک→ك, ى/ئ→ي, ؤ→و, ة→ه already
ARABIC_LONG_VOWELS = "اوي" + "ء"
MIN_ARABIC_KEY = 3
LATIN_DIGRAPHS = (("kh", "x"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"))
LATIN_CLASSES = str.maketrans({"q": "k", "g": "k", "c": "k", "j": "k", "v": "f", "p": "b", "z": "s"})
LATIN_VOWELS = "aeiouyw"
MIN_LATIN_KEY = 1  # "Eye" → "a": looked up exactly only (prefixes need three letters)
_ARABIC_TERM = re.compile(r"[\u0621-\u064a]+")
_LATIN_TERM = re.compile(r"[a-z]+")


def _collapse(text: str) -> str:
    """Doubled letters once (الكتّاب written with two ت, Gaddafi with two d)."""
    return re.sub(r"(.)\1+", r"\1", text)


def name_key(term: str) -> str | None:
    """A folded term's spelling skeleton, or None: Arabic — ج/غ/ق/ك one letter, long vowels and hamza
    after the first letter dropped, doubles collapsed (فاجنر, فاغنر → فكنر); Latin — accents dropped,
    kh/gh/sh/th/dh/ph one letter, q/g/c/j/k, v/f, p/b, z/s pooled, vowels after the first letter dropped
    (Gaddafi, Qadhafi → kdf; Erdogan, Ardughan → ardkn)."""
    if _ARABIC_TERM.fullmatch(term):
        key = term
        for old, new in ARABIC_CLASSES:
            key = key.replace(old, new)
        key = _collapse(key[0] + "".join(c for c in key[1:] if c not in ARABIC_LONG_VOWELS))
        return KEY_MARK + key if len(key) >= MIN_ARABIC_KEY else None
    plain = "".join(c for c in unicodedata.normalize("NFD", term) if not unicodedata.combining(c))
    if not _LATIN_TERM.fullmatch(plain):
        return None
    for old, new in LATIN_DIGRAPHS:
        plain = plain.replace(old, new)
    plain = plain.translate(LATIN_CLASSES)
    if len(plain) > 2 and plain.endswith("h") and plain[-2] in LATIN_VOWELS:
        plain = plain[:-1]  # Fatimah, Fatima
    head = "a" if plain[0] in LATIN_VOWELS else plain[0]
    key = _collapse(head + "".join(c for c in plain[1:] if c not in LATIN_VOWELS))
    return KEY_MARK + key if len(key) >= MIN_LATIN_KEY else None


def name_keys(term: str) -> list[str]:
    """The keys of a term and of its stems (لفاغنر → the key of فاغنر too), distinct, in order."""
    out = []
    for variant in query_variants(term):
        key = name_key(variant)
        if key and key not in out:
            out.append(key)
    return out
