"""Markup a scraper leaves in raw text: headings, bullets, emphasis and rules, read as structure.

Scraped pages keep Markdown-ish markers as plain characters: a subheading written «**علاقاته مع روسيا»,
a list item «– حفتر والاتحاد السوفيتي», ``# عنوان``, a rule ``---``. Shown as text they are junk, and the
tagger reads them as words. Ingest keeps the markers out of the body spans (``trim``, ``starts_block``), so
they are never tokenized, tagged or quoted; the render stage asks ``block_kind`` what a body block was and
``is_rule``/``emphasis`` for the rest, and draws an ``<h3>``, a list item, ``<strong>`` or ``<hr>``.
The text itself is never changed: every offset still points into it.
"""

from __future__ import annotations

import re

# A marker at the start of a line, then the block's first word. The em dash «—» is not a bullet: it opens
# the attribution line of an embedded tweet («— Reuters (@Reuters) September 3, 2025»).
_HEADING = re.compile(r"(#{1,6}[ \t]+|\*\*(?=\S)|__(?=\S))")
_BULLET = re.compile(r"([-–•*][ \t]+)(?=\S)")
_CLOSING = re.compile(r"(?<=\S)(\*\*|__)$")
_RULE = re.compile(r"([-*_–—=•])(?:[ \t]*\1){2,}")
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def leading_marker(line: str) -> tuple[str, int]:
    """(kind, length) of the marker a stripped line starts with: ``heading``, ``bullet`` or ``""``."""
    if is_rule(line):
        return "", 0
    for kind, pattern in (("heading", _HEADING), ("bullet", _BULLET)):
        match = pattern.match(line)
        if match:
            return kind, match.end()
    return "", 0


def starts_block(line: str) -> bool:
    """A line that opens a heading or a list item never continues the paragraph above it."""
    return bool(leading_marker(line)[0])


def continues(text: str, block_start: int, line: str) -> bool:
    """Whether a wrapped ``line`` may join the block that starts at ``block_start``: not when the line opens
    a heading or an item, nor when the block is a heading (a heading is one line) or a short dashed line
    with no final stop (a subheading: «– حفتر والاتحاد السوفيتي» above its paragraph)."""
    kind = block_kind(text, block_start)
    if starts_block(line) or kind == "heading":
        return False
    return kind != "bullet" or not _short_title(text[block_start : _line_end(text, block_start)])


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def _short_title(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line.split()) <= 10 and line[-1] not in ".!?؟…:،؛"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a body line (``text[start:end]``, stripped) without its leading marker and closing ``**``."""
    line = text[start:end]
    _, length = leading_marker(line)
    start += length
    closing = _CLOSING.search(text[start:end])
    if closing and length and text[start - length] in "*_":
        end -= len(closing.group(1))
    return start, end


def block_kind(text: str, start: int) -> str:
    """What the body block starting at ``start`` was marked as: ``heading``, ``bullet`` or ``""``."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].lstrip()
    if not before:
        return ""
    line_end = text.find("\n", start)
    kind, length = leading_marker(before + text[start : line_end if line_end >= 0 else len(text)])
    return kind if length == len(before) else ""


def block_kinds(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """``block_kind`` of each block; a lone short "item" with no final stop («– حفتر والاتحاد السوفيتي»,
    between paragraphs) is a subheading written with a dash, not a one-item list."""
    kinds = [block_kind(text, start) for start, _ in spans]
    for i, (start, end) in enumerate(spans):
        alone = (i == 0 or kinds[i - 1] != "bullet") and (i + 1 == len(spans) or kinds[i + 1] != "bullet")
        if kinds[i] == "bullet" and alone and _short_title(text[start:end]):
            kinds[i] = "heading"
    return kinds


def is_rule(line: str) -> bool:
    """A line that is only a rule: ``---``, ``***``, ``___``, ``===``, ``• • •``."""
    return bool(_RULE.fullmatch(line.strip()))


def rule_between(text: str, start: int, end: int) -> bool:
    """Whether a rule line lies in ``text[start:end]`` (the gap between two blocks)."""
    return any(is_rule(line) for line in text[start:end].split("\n"))


def emphasis(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Inline ``**…**`` in ``text[start:end]`` on one line: (open start, inner start, inner end, close end)."""
    out = []
    for match in _EMPHASIS.finditer(text, start, end):
        if "\n" not in match.group(0):
            out.append((match.start(), match.start(1), match.end(1), match.end()))
    return out


def plain(line: str) -> str:
    """A one-line text (a headline) without its markers."""
    line = line.strip()
    _, length = leading_marker(line)
    line = line[length:]
    line = _CLOSING.sub("", line) if length else line
    return _EMPHASIS.sub(r"\1", line).strip()
