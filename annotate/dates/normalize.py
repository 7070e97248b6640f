"""A same-length matching copy of the text, and its tokens.

The rules never see the original text, only a copy in which every character is replaced by exactly
one character: marks, tatweel and invisible controls become ``PAD`` (absorbed inside words), hamza
forms of alef become ا, ى becomes ي, Arabic-Indic digits become 0-9. Because the copy has the same
length, every offset found in it is an offset into the original: nothing needs mapping back.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from annotate.dates.lexicon import CLITICS

PAD = "\u0640"  # tatweel stands in for every removed character

_TABLE: dict[int, str] = {}
for _lo, _hi in ((0x0610, 0x061A), (0x064B, 0x065F), (0x06D6, 0x06ED), (0x200B, 0x200F), (0x202A, 0x202E),
                 (0x2066, 0x2069)):
    for _c in range(_lo, _hi + 1):
        _TABLE[_c] = PAD
for _c in (0x0670, 0xFEFF, 0x00AD):
    _TABLE[_c] = PAD
_TABLE.update({ord(a): b for a, b in zip("أإٱىیکۀ", "اااييكه")})
_TABLE.update({ord(d): str(i % 10) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")})
_TABLE.update({ord("٫"): ".", ord("٬"): ",", ord("\u2013"): "-", ord("\u2014"): "-", ord("\u2212"): "-"})
del _lo, _hi, _c

LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5"
TOKEN = re.compile(
    rf"(\d+(?:[.,:]\d+)*)"  # 1: number (2.500, 10:12:02, 15.04.2024)
    rf"|([{LETTERS}][{LETTERS}{PAD}]*)"  # 2: Arabic word, marks absorbed
    rf"|([A-Za-z]+)"  # 3: Latin word (AM/PM, names)
    rf"|([^\s{PAD}])"  # 4: any other mark, one at a time
)
NUMBER, WORD, LATIN, PUNCT = 1, 2, 3, 4


def matching_copy(text: str) -> str:
    """The same-length copy the rules match on."""
    return text.translate(_TABLE)


class Tok(NamedTuple):
    """A token of the matching copy; ``word`` is its text without PAD."""

    start: int
    end: int
    kind: int
    word: str
    glued: bool  # a number glued to a preceding letter (عربي21): never a date


def tokenize(copy: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``copy[start:end]``."""
    toks = []
    append = toks.append
    for m in TOKEN.finditer(copy, start, end):
        kind = m.lastindex
        s, e = m.span()
        word = m.group()
        glued = False
        if kind == WORD:
            if PAD in word:
                word = word.replace(PAD, "")
        elif kind == NUMBER and s > 1 and copy[s - 1] != PAD and copy[s - 1].isalpha():  # الـ25 is not glued
            glued = copy[s - 2].isalpha() or copy[s - 2] == PAD  # عربي21 is a name; و2020 a clitic and a year
        append(Tok(s, e, kind, word, glued))
    return toks


def with_clitics(known) -> dict[str, tuple[str, int]]:
    """Every word of ``known`` with and without a prefix clitic (و، ف، ب، ل and pairs) → (the word, clitic length).

    Built once per word list, so that looking a token up is one dict access.
    """
    forms = {clitic + word: (word, len(clitic)) for word in known for clitic in CLITICS}
    forms.update((word, (word, 0)) for word in known)  # a word that is itself known never loses a letter
    return forms


def skip_letters(copy: str, start: int, letters: int) -> int:
    """Offset after ``letters`` letters from ``start``, stepping over PAD (a mark on the clitic: وَالأحد)."""
    pos = start
    while letters:
        if copy[pos] != PAD:
            letters -= 1
        pos += 1
    while pos < len(copy) and copy[pos] == PAD:
        pos += 1
    return pos
