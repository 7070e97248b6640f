"""The large downloads are published gzip-compressed: ``data/mentions.csv.gz`` and ``data/corpus.db.gz``.

At 10,000 articles these two were 170 MB of a 860 MB site (a sixth of GitHub Pages' 1 GB for one corpus
of that size); compressed they are about 24 MB, and a reader downloads them once, not page by page.
``annotations.jsonl``, ``actors.json`` and the two small spreadsheets stay as they are: the first two are
the data contract other tools read (DESIGN.md), the others open in Excel with a double click. gzip is read
by every tool that reads these files (``gzip.open``, pandas, DuckDB, ``zcat``, ``gunzip``, 7-Zip and
Windows' Explorer). The bytes are a function of the data and zlib: no name and no time in the header.
"""

from __future__ import annotations

import gzip
import zlib

GZIPPED = ("data/mentions.csv", "data/corpus.db")
# zlib's level, measured on corpus.db at 10,000 articles (103 MB) on a loaded 2-core machine: 1 gives 21.8 MB
# in 2.6 s, 5 gives 18.1 MB in 2.0 s, 6 gives 17.2 MB in 5.5 s. The file is rebuilt whenever an article changes.
LEVEL = 5
VERSION = f"zlib {zlib.ZLIB_RUNTIME_VERSION}; level {LEVEL}"  # part of the files' key: other bytes, other key


def published_name(name: str) -> str:
    """The name a data file is published under: ``data/corpus.db`` → ``data/corpus.db.gz``."""
    return name + ".gz" if name in GZIPPED else name


def published_bytes(name: str, data: bytes) -> bytes:
    """The bytes published for ``name``: gzip (no file name, time 0) for the large ones, else ``data``."""
    return gzip.compress(data, compresslevel=LEVEL, mtime=0) if name in GZIPPED else data
