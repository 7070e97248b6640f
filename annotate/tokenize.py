"""Split Arabic news text into tokens and sentences, keeping character offsets into the original text.

Rules, in order of the regular expression below: numbers (with inner . , : / separators), words
(Arabic letters with their marks and tatweel, Latin letters, apostrophes inside Latin words), and any
other non-space character as a token of its own (، ؛ ؟ « » " ( ) . : - and the rest).
Clitics stay attached (لحفتر): the resolver, not the tokenizer, decides what a clitic is.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

from annotate.models import Sentence, Token

_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_ARABIC = r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
_MARK = r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
_LATIN = r"[A-Za-z\u00c0-\u024f]"
_JOINER = r"[\u200c\u200d]"  # zero-width (non-)joiners stay inside a word

TOKEN = re.compile(
    rf"{_DIGIT}+(?:[.,:/]{_DIGIT}+)*"  # 2.500, 150.000, 10:12:02, 2019/2020
    rf"|(?:{_ARABIC}|{_MARK})(?:{_ARABIC}|{_MARK}|{_JOINER})*"  # Arabic word with marks and tatweel (لـ)
    rf"(?:(?<={_ARABIC}{_ARABIC}){_DIGIT}+)?"  # a name with digits (عربي21), but و150 is و + 150
    rf"|{_LATIN}+(?:['’]{_LATIN}+)*{_DIGIT}*"  # Latin word (O'Brien, G20)
    r"|[^\s]",  # anything else: one punctuation mark or symbol
)
TERMINAL = frozenset(".!?؟…")
QUOTES = frozenset('"«»“”')
BULLETS = frozenset("-*•–—")
# One int object per offset, shared by the tokens of every article: an int above 256 is a 28-byte object,
# and each token held two of its own (about 110 MB of a 10,000-article resolve, while every view is held).
_OFFSETS = tuple(range(1 << 16))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into the whole ``text``."""
    end = len(text) if end is None else end
    # Interned: a corpus repeats few distinct words millions of times (tens of MB at 5,000 articles).
    offsets = _OFFSETS if end < len(_OFFSETS) else range(end + 1)  # a longer text: its own ints, as before
    return [Token(offsets[m.start()], offsets[m.end()], sys.intern(m.group())) for m in TOKEN.finditer(text, start, end)]


def _boundary_after(text: str, tokens: list[Token], i: int) -> bool:
    """Does a sentence end after token ``i``?"""
    token, nxt = tokens[i], tokens[i + 1]
    gap = text[token.end : nxt.start]
    if "\n" in gap:
        if gap.count("\n") >= 2:  # blank line: paragraph
            return True
        # A single newline is a soft wrap unless the line looks finished, is a list item or a heading.
        return (
            token.text in TERMINAL
            or token.text == ":"
            or nxt.text in BULLETS
            or _line_starts_with_bullet(text, token)
            or _line_is_heading(text, token)
        )
    if token.text in TERMINAL and nxt.text not in TERMINAL:
        # «قال: "... انتهى."» keeps its closing quote in the sentence.
        return nxt.text not in QUOTES or i + 2 == len(tokens) or "\n" in text[nxt.end : tokens[i + 2].start]
    return token.text in QUOTES and i > 0 and tokens[i - 1].text in TERMINAL


def _line_starts_with_bullet(text: str, token: Token) -> bool:
    line_start = text.rfind("\n", max(0, token.start - 400), token.start) + 1
    return text[line_start:token.end].lstrip()[:1] in BULLETS


def _newline_between(text: str, a: Token, b: Token | None) -> bool:
    return b is None or "\n" in text[a.end : b.start]


def _line_is_heading(text: str, token: Token) -> bool:
    """A short line with balanced quotes is a heading or a caption, not a wrapped sentence."""
    line_start = text.rfind("\n", max(0, token.start - 400), token.start) + 1
    line = text[line_start : token.end]
    short = len(line.split()) <= 8 and line.count('"') % 2 == 0 and len(line) < 60
    return short and _starts_block(text, line_start) and _next_line_is_long(text, token.end)


def _starts_block(text: str, line_start: int) -> bool:
    """Is the line the first of its block (start of text, after a blank line or a finished line)?"""
    before = text[max(0, line_start - 400) : line_start]  # bounded look-back: no quadratic scans
    stripped = before.rstrip(" \t\r")
    if line_start <= len(before) and not stripped.strip():
        return True
    if stripped.endswith("\n\n") or stripped.rstrip().endswith(tuple(TERMINAL) + (":",)):
        return True
    previous = stripped[:-1].rstrip(" \t\r")
    return not previous or previous.endswith("\n")


def _next_line_is_long(text: str, pos: int) -> bool:
    nl = text.find("\n", pos)
    if nl < 0:
        return False
    end = text.find("\n", nl + 1, nl + 400)
    return len(text[nl + 1 : end if end >= 0 else nl + 400].split()) > 8


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Group tokens into sentences at terminal punctuation, blank lines and finished lines."""
    sentences: list[Sentence] = []
    current: list[Token] = []
    for i, token in enumerate(tokens):
        current.append(token)
        if i + 1 == len(tokens) or _boundary_after(text, tokens, i):
            sentences.append(Sentence(current[0].start, current[-1].end, tuple(current)))
            current = []
    return sentences


def sentences_in(text: str, spans: Iterable[tuple[int, int]] | None = None) -> Iterator[Sentence]:
    """Sentences of ``text``, or of each (start, end) span of it (e.g. an article's body blocks)."""
    for start, end in spans if spans is not None else [(0, len(text))]:
        yield from split_sentences(text, tokenize(text, start, end))
