"""Fingerprints, one way each: of bytes, of JSON-able values, of source files and of folder listings.

Every cache and incremental step keys its work with these (annotations, parsed articles, docs pages,
pages MkDocs renders, the published folder), so equal inputs give equal keys across modules.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path


def digest(*parts: bytes) -> str:
    """SHA-256 of the parts, each length-prefixed (``(b"ab", b"c")`` and ``(b"a", b"bc")`` differ)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def json_digest(value: object) -> str:
    """SHA-256 of a JSON-able value (lists keep their order: callers sort what has none)."""
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode("utf-8")).hexdigest()


def files_digest(files: Iterable[Path], extra: str = "") -> str:
    """SHA-256 of ``extra`` and each file's name and bytes: a version of some source code."""
    h = hashlib.sha256(extra.encode())
    for file in files:
        if file.exists():
            h.update(file.name.encode() + file.read_bytes())
    return h.hexdigest()


def listing_digest(root: Path, files: Iterable[Path]) -> str:
    """Paths (relative to ``root``), sizes and modification times: a cheap sign that a folder was touched."""
    entries = []
    for file in files:
        stat = os.stat(file)
        entries.append(f"{os.path.relpath(file, root)}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return digest("\n".join(entries).encode())
