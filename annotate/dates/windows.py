"""Where to read: stretches of the matching copy around the words a date must contain.

Every date expression contains a number or a core date word (a month, a day name, أمس, العام …).
One regular expression (a trie of those words, tolerant of marks) finds them at C speed; the reader
then tokenizes only a window around each, wide enough to hold any expression and the cue words before
it. Most of an article is never tokenized. Windows that touch are merged, so no expression is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from annotate.dates.normalize import PAD

BEFORE = 80  # characters kept before a trigger: cue words (a future verb 6 words back), modifiers, signals
AFTER = 100  # characters kept after it: the rest of the longest expression (a range of month pairs ≈ 40)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (marks allowed between letters), as a trie: one branch per letter."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + f"{PAD}*" + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def trigger_regex(words: Iterable[str], letters: str) -> re.Pattern[str]:
    """Numbers, and whole words of ``words`` behind at most two clitic letters (وحزيران، بالأمس)."""
    word = f"(?<![{letters}{PAD}])(?:[وفبل]{PAD}*){{0,2}}" + trie_pattern(words) + f"(?![{letters}])"
    return re.compile(r"\d+|" + word)


def windows(copy: str, triggers: re.Pattern[str], start: int, end: int) -> Iterator[tuple[int, int]]:
    """Disjoint (start, end) stretches of ``copy[start:end]`` around each trigger, cut at white space."""
    lo = hi = -1
    for match in triggers.finditer(copy, start, end):
        new_lo, new_hi = max(start, match.start() - BEFORE), min(end, match.end() + AFTER)
        if hi >= 0 and new_lo <= hi:
            hi = new_hi
            continue
        new_lo = _back_to_space(copy, new_lo, start)
        if hi >= 0:
            hi = _on_to_space(copy, hi, end)
            if new_lo <= hi:  # the two windows meet inside a word: one window
                hi = new_hi
                continue
            yield lo, hi
        lo, hi = new_lo, new_hi
    if hi >= 0:
        yield lo, _on_to_space(copy, hi, end)


def _back_to_space(copy: str, pos: int, start: int) -> int:
    while pos > start and not copy[pos - 1].isspace():
        pos -= 1
    return pos


def _on_to_space(copy: str, pos: int, end: int) -> int:
    while pos < end and not copy[pos].isspace():
        pos += 1
    return pos
