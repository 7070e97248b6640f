"""Per-article results of render steps, kept across builds in the build cache, keyed by their inputs.

Some outputs are made of one piece per article (a timeline row, a line of annotations.jsonl, the rows of
mentions.csv, a search record's keys): at 10,000 articles, making every piece again cost seconds on a
rebuild that changed one article. A ``Memo`` wraps such a step: ``memo.wrap(kind, step, key)`` returns a
function that computes ``step(item)`` only when ``key(item)`` (a digest of everything the piece is made of)
was not seen in this build or the last one. The steps stay plain functions of their inputs; the memo is
only a lookup around them, so a build without one (tests, tools) computes every piece and gets the same
bytes.

The file holds the pieces the last build used, with the rendering code's digest: another version of the
code starts from nothing. A damaged or unreadable file is ignored (everything is computed again).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

K = TypeVar("K")
V = TypeVar("V")


class Memo:
    """Pieces by (kind, key), loaded from ``path`` when it was written by the same ``version`` of the code."""

    def __init__(self, path: Path | None = None, version: str = ""):
        self.path, self.version = path, version
        self.known: dict[tuple[str, Hashable], object] = {}
        self.used: dict[tuple[str, Hashable], object] = {}
        self.computed = 0
        self.loaded = False  # read on first use: in the process that uses it (a forked child loads its own)

    def _load(self) -> None:
        self.loaded = True
        if self.path is None or not self.path.exists():
            return
        try:
            with self.path.open("rb") as file:
                stored_version, known = pickle.load(file)
            if stored_version == self.version and isinstance(known, dict):
                self.known = known
        except Exception as error:  # noqa: BLE001 - a damaged cache file is never fatal
            log.warning("%s: unusable render cache ignored (%s)", self.path, error)

    def wrap(self, kind: str, step: Callable[[K], V], key: Callable[[K], Hashable]) -> Callable[[K], V]:
        """``step``, looked up by ``(kind, key(item))`` before it is computed (``step`` itself without a file)."""
        if self.path is None:
            return step
        if not self.loaded:
            self._load()

        def cached(item: K) -> V:
            k = (kind, key(item))
            if k in self.used:
                return self.used[k]  # type: ignore[return-value]
            if k in self.known:
                value = self.known[k]
            else:
                value = step(item)
                self.computed += 1
            self.used[k] = value
            return value  # type: ignore[return-value]

        return cached

    def save(self) -> None:
        """Keep the pieces this build used (and only those), when they differ from the file's."""
        if self.path is None or not self.loaded or (not self.computed and self.used.keys() == self.known.keys()):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        with temporary.open("wb") as file:
            pickle.dump((self.version, self.used), file, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(self.path)


