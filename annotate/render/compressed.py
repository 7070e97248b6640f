"""The large downloads are published gzip-compressed: ``data/annotations.jsonl.gz``, ``data/mentions.csv.gz``
and ``data/corpus.db.gz``.

At 10,000 articles the last two were 170 MB of a 860 MB site (a sixth of GitHub Pages' 1 GB for one corpus
of that size); compressed they are about 24 MB, and a reader downloads them once, not page by page.
``annotations.jsonl`` (DESIGN.md's contract, 54 MB) followed: its lines are the same, gzipped.
``actors.json`` and the two small spreadsheets stay as they are: the first is read by the site's scripts
and other tools, the others open in Excel with a double click. gzip is read
by every tool that reads these files (``gzip.open``, pandas, DuckDB, ``zcat``, ``gunzip``, 7-Zip and
Windows' Explorer). The bytes are a function of the data and zlib: no name and no time in the header.

A file is compressed as a series of gzip members, one per block (RFC 1952: members concatenate, and every
reader above reads them as one stream). Blocks are cut where the data says (``annotations.jsonl``, ``mentions.csv``: after the
articles whose id hashes to a boundary; ``corpus.db``: every ``DB_BLOCK`` bytes), never by what the last
build did, so a rebuild's file is byte-identical to a clean build's; a rebuild compresses only the blocks
whose bytes changed and copies the others' members from the last build's file (``Members``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from annotate.render.pieces import file_key

log = logging.getLogger(__name__)

GZIPPED = ("data/annotations.jsonl", "data/mentions.csv", "data/corpus.db")
# zlib's level, measured on corpus.db at 10,000 articles (103 MB) on a loaded 2-core machine: 1 gives 21.8 MB
# in 2.6 s, 5 gives 18.1 MB in 2.0 s, 6 gives 17.2 MB in 5.5 s. The file is rebuilt whenever an article changes.
LEVEL = 5
DB_BLOCK = 1 << 20  # a gzip member per MiB of the database: a thousandth of the ratio, members reusable
ARTICLES_PER_BLOCK = 64  # on average, in mentions.csv: a block ends after an article whose id hashes to 0 modulo this
VERSION = f"zlib {zlib.ZLIB_RUNTIME_VERSION}; level {LEVEL}; members {DB_BLOCK} {ARTICLES_PER_BLOCK}"  # part of the files' key


def published_name(name: str) -> str:
    """The name a data file is published under: ``data/corpus.db`` → ``data/corpus.db.gz``."""
    return name + ".gz" if name in GZIPPED else name


def member(data: bytes) -> bytes:
    """One gzip member: no file name, time 0."""
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)


def ends_block(article_id: str) -> bool:
    """Whether a block of ``mentions.csv`` ends after this article: decided by the id alone, so that adding or
    editing an article changes its own block and no other."""
    return int.from_bytes(hashlib.sha256(article_id.encode("utf-8")).digest()[:4], "little") % ARTICLES_PER_BLOCK == 0


class Members:
    """The members of a gzip file the last build wrote, by the key of the block each compresses; an index
    beside it (in the build's work folder) records them. Trusted only when the file has the size and the
    key (a digest of its bytes) recorded."""

    def __init__(self, index: Path | None, previous: Path):
        self.index, self.previous = index, previous  # without an index: nothing kept (a plain folder, tests)
        self.known: dict[str, tuple[int, int]] = {}
        self.written: dict = {}
        if index is None:
            return
        try:
            stored = json.loads(index.read_text(encoding="utf-8"))
            if stored["version"] == VERSION and os.path.getsize(previous) == stored["size"] and file_key(previous) == stored["key"]:
                self.known = {key: (offset, size) for key, offset, size in stored["members"]}
        except (OSError, ValueError, KeyError, TypeError) as error:
            if index.exists():
                log.info("%s: unusable index of gzip members ignored (%s)", index, error)

    def write(self, target: Path, blocks: Iterable[tuple[str, Callable[[], bytes]]]) -> int:
        """Write one member per ``(key, block's bytes)`` into ``target``; return how many were compressed."""
        made, entries, size = 0, [], 0
        if self.index is not None:
            self.index.unlink(missing_ok=True)
        source = self.previous.open("rb") if self.known else None
        try:
            with target.open("wb") as out:
                for key, data in blocks:
                    known = self.known.get(key)
                    compressed = None
                    if known is not None and source is not None:
                        source.seek(known[0])
                        compressed = source.read(known[1])
                        if len(compressed) != known[1]:
                            compressed = None
                    if compressed is None:
                        compressed = member(data())
                        made += 1
                    out.write(compressed)
                    entries.append((key, size, len(compressed)))
                    size += len(compressed)
        finally:
            if source is not None:
                source.close()
        self.written = {"version": VERSION, "size": size, "members": entries}
        return made

    def save(self, key: str) -> None:
        """Record the members ``write`` wrote, once its file (of key ``key``) took the place of ``previous``."""
        if self.index is None:
            return
        self.written["key"] = key
        temporary = self.index.with_name(self.index.name + ".tmp")
        temporary.write_text(json.dumps(self.written), encoding="utf-8")
        temporary.replace(self.index)
