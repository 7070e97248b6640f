"""Files made of one piece per article, rebuilt by copying the unchanged pieces from the last build's file.

``annotations.jsonl``, ``mentions.csv`` and ``articles.csv`` are each one piece of text per article, in
the order of the articles' ids. At 10,000 articles keeping every piece in the render memo made it hundreds
of MB, read and written again by every rebuild. Here the last build's file itself is the memo: an index
beside it (in the build's work folder) records each article's key, and where its piece lies in the file.
A rebuild makes the pieces of the articles whose key changed and copies the others' bytes from the old
file, so a one-article commit costs one piece and a file copy.

The index is trusted only when it was written by the same code and the file it describes is there with
the size and the key (a digest of its bytes) it recorded; otherwise every piece is made again (the same
bytes either way).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

_COPY = 1 << 20  # bytes read at a time when a file is hashed


class PieceIndex:
    """Where each article's piece lies in a file written by the last build: ``{id: (key, offset, size)}``."""

    def __init__(self, path: Path | None, version: str):
        self.path, self.version = path, version  # without a path: nothing kept (a plain folder, tests)
        self.pieces: dict[str, tuple[str, int, int]] = {}
        self.written: tuple[list, int] = ([], 0)

    def load(self, file: Path) -> PieceIndex:
        """Read the index, when it describes ``file`` as it is (same code, size and bytes); else stay empty."""
        if self.path is None:
            return self
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored["version"] != self.version or os.path.getsize(file) != stored["size"] or file_key(file) != stored["key"]:
                return self  # another code's pieces, or a file that is not the one indexed: every piece made again
            self.pieces = {entry[0]: (entry[1], entry[2], entry[3]) for entry in stored["pieces"]}
        except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
            if self.path.exists():
                log.info("%s: unusable piece index ignored (%s)", self.path, error)
            self.pieces = {}
        return self

    def save(self, key: str) -> None:
        """Record the pieces ``assemble`` wrote, once its file (of key ``key``) took the place of the last build's."""
        entries, size = self.written
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"version": self.version, "size": size, "key": key, "pieces": entries}), encoding="utf-8")
        temporary.replace(self.path)

    def forget(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def file_key(path: Path) -> str:
    """``annotate.digest.digest`` of the file's bytes (as ``DocsFolder.write`` keys its files), read in blocks."""
    h = hashlib.sha256(os.path.getsize(path).to_bytes(8, "little"))
    with path.open("rb") as file:
        while block := file.read(_COPY):
            h.update(block)
    h.update((0).to_bytes(8, "little"))
    return h.hexdigest()


def assemble(target: Path, head: str, ids: Iterable[tuple[str, str]], piece: Callable[[str], str], previous: Path, index: PieceIndex) -> int:
    """Write ``head`` then one piece per ``(article id, key)`` into ``target``; return the number of pieces
    made. A piece whose article key is the one ``index`` recorded is copied from ``previous`` (the last
    build's file, which ``index`` describes). ``index.save`` records ``target``'s pieces once it replaced
    ``previous``."""
    old = index.pieces if index.pieces and previous.exists() else {}
    old_size = os.path.getsize(previous) if old else 0
    index.forget()
    made, entries = 0, []
    target.parent.mkdir(parents=True, exist_ok=True)
    source = previous.open("rb") if old else None
    run: list[int] = []  # a run of kept pieces lying end to end in ``previous``: [offset, size], copied in one read
    try:
        with target.open("wb") as out:

            def copy_run() -> None:
                """Copy the pending run (``previous`` holds it: the index was checked against its size and bytes)."""
                if run:
                    source.seek(run[0])  # type: ignore[union-attr]
                    out.write(source.read(run[1]))  # type: ignore[union-attr]
                    run.clear()

            out.write(head.encode("utf-8"))
            size = out.tell()
            for article_id, key in ids:
                known = old.get(article_id)
                if known is not None and known[0] == key and source is not None and known[1] + known[2] <= old_size:
                    if run and run[0] + run[1] == known[1]:
                        run[1] += known[2]
                    else:
                        copy_run()
                        run[:] = [known[1], known[2]]
                    entries.append((article_id, key, size, known[2]))
                    size += known[2]
                    continue
                copy_run()
                data = piece(article_id).encode("utf-8")
                made += 1
                out.write(data)
                entries.append((article_id, key, size, len(data)))
                size += len(data)
            copy_run()
    finally:
        if source is not None:
            source.close()
    index.written = (entries, size)
    return made
