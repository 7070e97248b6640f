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
    """Paths (relative to ``root``), sizes and modification times: a cheap sign that a folder was touched.

    Paths under ``root`` are cut by prefix: ``os.path.relpath`` made the fingerprint of a 10,000-article
    site take seconds."""
    prefix = os.path.join(str(root), "")
    entries = []
    for file in files:
        name = str(file)
        stat = os.stat(name)
        relative = name[len(prefix) :] if name.startswith(prefix) else os.path.relpath(name, root)
        entries.append(f"{relative}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return digest("\n".join(entries).encode())


def tree_listing_digest(folder: Path) -> str:
    """``listing_digest`` of every file under ``folder`` (sorted by path, links not followed): one
    ``scandir`` walk, without a path object or a second ``stat`` per file."""
    entries: list[str] = []

    def walk(path: str, relative: str) -> None:
        with os.scandir(path) as it:
            found = sorted(it, key=lambda e: e.name)
        for entry in found:
            name = relative + entry.name
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, name + "/")
            else:
                stat = entry.stat()
                entries.append(f"{name}\t{stat.st_size}\t{stat.st_mtime_ns}")

    if os.path.isdir(folder):
        walk(str(folder), "")
    return digest("\n".join(entries).encode())
