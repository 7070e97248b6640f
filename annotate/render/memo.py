"""Per-article results of render steps, kept across builds in the build cache, keyed by their inputs.

Some outputs are made of one piece per article (a timeline row, a search record's keys, the sentences an
article's actors share): at 10,000 articles, making every piece again cost seconds on a rebuild that
changed one article. A ``Memo`` wraps such a step: ``memo.wrap(kind, step, key)`` returns a function that
computes ``step(item)`` only when ``key(item)`` (a digest of everything the piece is made of) was not seen
in this build or the last one. The steps stay plain functions of their inputs; the memo is only a lookup
around them, so a build without one (tests, tools) computes every piece and gets the same bytes.

Each kind of piece has its own file (``memo.<kind>.pkl`` beside ``path``), read the first time this
build asks for that kind: a rebuild that renders no actor page never reads the actor pages' pieces, and
leaves their file as it is. A file holds pieces with the rendering code's digest (another version of the
code starts from nothing); the few pieces a rebuild computes are appended beside it (``.more``) rather
than the file written again. A damaged or unreadable file is ignored (its pieces are computed again).
"""

from __future__ import annotations

import logging
import pickle
import re
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from annotate.memory import records_kept

log = logging.getLogger(__name__)

APPEND_AT_LEAST, APPEND_SHARE = 64, 8  # pieces appended to a kind's file, up to an eighth of it (at least 64)
K = TypeVar("K")
V = TypeVar("V")


class _Kind:
    """The pieces of one kind: those the files held (``known``; ``appended`` of them from the appended
    file) and those this build used."""

    def __init__(self) -> None:
        self.known: dict[Hashable, object] = {}
        self.used: dict[Hashable, object] = {}
        self.computed = 0
        self.appended = 0


class Memo:
    """Pieces by (kind, key), each kind loaded from its file when it was written by the same ``version``."""

    def __init__(self, path: Path | None = None, version: str = ""):
        self.path, self.version = path, version
        self.kinds: dict[str, _Kind] = {}

    @property
    def computed(self) -> int:
        return sum(kind.computed for kind in self.kinds.values())

    def file(self, kind: str) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{self.path.stem}.{re.sub(r'[^A-Za-z0-9_-]', '_', kind)}.pkl")

    def _load(self, name: str) -> _Kind:
        """The kind's pieces, read on first use: in the process that uses them (a forked child reads its own).
        The file, then the pieces appended to it since it was written (``save``)."""
        kind = self.kinds[name] = _Kind()
        path = self.file(name)
        if not path.exists():
            return kind
        with records_kept():  # hundreds of thousands of objects, kept to the end: no collector's passes over them
            return self._read(name, path, kind)

    def _read(self, name: str, path: Path, kind: _Kind) -> _Kind:
        try:
            with path.open("rb") as file:
                stored_version, known = pickle.load(file)
            if stored_version != self.version or not isinstance(known, dict):
                return kind
            kind.known = known
        except Exception as error:  # noqa: BLE001 - a damaged cache file is never fatal
            log.warning("%s: unusable render cache ignored (%s)", path, error)
            return kind
        added: dict[Hashable, object] = {}
        try:
            with self._appended(name).open("rb") as file:
                while True:
                    try:
                        stored_version, more = pickle.load(file)
                    except EOFError:
                        break
                    if stored_version != self.version or not isinstance(more, dict):
                        raise ValueError("another version's pieces")
                    added.update(more)
        except FileNotFoundError:
            pass
        except Exception as error:  # noqa: BLE001 - the appended pieces are dropped, the file's kept
            log.warning("%s: unusable render cache ignored (%s)", self._appended(name), error)
            added = {}
            self._appended(name).unlink(missing_ok=True)  # appending after a damaged record would lose the new ones too
        kind.known.update(added)
        kind.appended = len(added)
        return kind

    def _appended(self, name: str) -> Path:
        return self.file(name).with_suffix(".more")

    def wrap(self, name: str, step: Callable[[K], V], key: Callable[[K], Hashable]) -> Callable[[K], V]:
        """``step``, looked up by ``(name, key(item))`` before it is computed (``step`` itself without a file)."""
        if self.path is None:
            return step
        kind = self.kinds.get(name) or self._load(name)
        known, used = kind.known, kind.used

        def cached(item: K) -> V:
            k = key(item)
            if k in used:
                return used[k]  # type: ignore[return-value]
            if k in known:
                value = known[k]
            else:
                value = step(item)
                kind.computed += 1
            used[k] = value
            return value  # type: ignore[return-value]

        return cached

    def save(self) -> None:
        """Keep what this build computed. A kind that computed a few pieces appends them to its file (a
        one-article commit does not write 20 MB of pieces again); otherwise the file is written anew with
        the pieces this build used (the stale ones go), and the pieces it did not use when it used few of
        them (an actor page's pieces for the actors not rendered again). Kinds nothing computed for are
        left as they are."""
        if self.path is None:
            return
        self.path.unlink(missing_ok=True)  # the one file of earlier versions
        for name, kind in self.kinds.items():
            if not kind.computed:
                continue
            path = self.file(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            new = {k: v for k, v in kind.used.items() if k not in kind.known}
            if kind.known and kind.appended + len(new) <= max(APPEND_AT_LEAST, len(kind.known) // APPEND_SHARE):
                with self._appended(name).open("ab") as file:
                    pickle.dump((self.version, new), file, protocol=pickle.HIGHEST_PROTOCOL)
                continue
            kept = kind.used if len(kind.used) * 2 >= len(kind.known) else {**kind.known, **kind.used}
            temporary = path.with_suffix(".tmp")
            with temporary.open("wb") as file:
                pickle.dump((self.version, kept), file, protocol=pickle.HIGHEST_PROTOCOL)
            self._appended(name).unlink(missing_ok=True)
            temporary.replace(path)
