"""Which articles hold a key (a folded word, a vocabulary question): the resolve memo's reverse indexes.

A rebuild asks them which articles a changed fact touches. Kept as Python sets of article ids they cost
about 40 bytes an entry (the set's table and its slack): at 10,000 articles the word indexes held
1.9 million entries, about 110 MB of the resolve's peak. Here each key has a sorted array of article
numbers (4 bytes an entry), and the numbers stand for article ids in one table.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Hashable, Iterable


class Postings:
    """key → the set of articles that hold it, stored as sorted arrays of article numbers."""

    def __init__(self) -> None:
        self.ids: list[str] = []  # number → article id; a number is never given to another article
        self.numbers: dict[str, int] = {}
        self.lists: dict[Hashable, array] = {}

    def _number(self, aid: str) -> int:
        number = self.numbers.get(aid)
        if number is None:
            number = self.numbers[aid] = len(self.ids)
            self.ids.append(aid)
        return number

    def add(self, keys: Iterable[Hashable], aid: str) -> None:
        """Note that ``aid`` holds each of ``keys``."""
        number = self._number(aid)
        for key in keys:
            numbers = self.lists.get(key)
            if numbers is None:
                self.lists[key] = array("I", (number,))
                continue
            at = bisect_left(numbers, number)
            if at == len(numbers) or numbers[at] != number:
                numbers.insert(at, number)

    def discard(self, keys: Iterable[Hashable], aid: str) -> None:
        """Note that ``aid`` no longer holds ``keys``; a key that nobody holds is forgotten."""
        number = self.numbers.get(aid)
        if number is None:
            return
        for key in keys:
            numbers = self.lists.get(key)
            if numbers is None:
                continue
            at = bisect_left(numbers, number)
            if at < len(numbers) and numbers[at] == number:
                del numbers[at]
                if not numbers:
                    del self.lists[key]

    def holders(self, keys: Iterable[Hashable]) -> set[str]:
        """The articles that hold any of ``keys``."""
        ids = self.ids
        found: set[int] = set()
        for key in keys:
            found.update(self.lists.get(key, ()))
        return {ids[n] for n in found}

    def keys(self):
        return self.lists.keys()
