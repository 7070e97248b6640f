"""Arabic orthographic normalization, shared by the tagger, the resolver and the search index.

Normalized forms are for *matching* only; displayed text and offsets always come from the original.
Each function maps one string to one string and never changes the number of tokens.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
# Zero-width and bidi controls that scrapers leave in text.
INVISIBLES = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")

# Letter forms pooled for matching, and Arabic-Indic / Persian digits. Applied with str.replace: CPython's
# str.translate looks every character up in a dict, 30x slower on the long texts the search index folds.
# No replacement is itself replaced (targets are never sources), so the order does not matter.
_LETTERS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ؤ", "و"), ("ئ", "ي"), ("ک", "ك"), ("ی", "ي"), ("گ", "ك"))
_DIGITS = tuple(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


@functools.lru_cache(maxsize=1 << 18)  # called for every word of every name, many times per build
def strip_marks(text: str) -> str:
    """Remove diacritics, tatweel and invisible controls (keeps letters as written)."""
    return INVISIBLES.sub("", DIACRITICS.sub("", text.replace(TATWEEL, "")))


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to 0-9."""
    return _replace_all(text, _DIGITS)


@functools.lru_cache(maxsize=1 << 18)
def normalize_token(token: str) -> str:
    """The tagger's view of a token: marks stripped, alef/ya forms unified, digits western.

    Light enough to keep names apart (ة and ه stay distinct) while pooling spelling variants
    so that they share one word vector. Falls back to the token itself if nothing would remain.
    """
    out = _replace_all(western_digits(strip_marks(unicodedata.normalize("NFC", token))), _LETTERS)
    return out or token


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Aggressive matching key for names and search: also ة→ه, lowercase Latin."""
    return normalize_token(text).replace("ة", "ه").lower()
