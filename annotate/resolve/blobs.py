"""The resolve memo's per-article results, in one append-only file beside the memo's index.

A rebuild reads back the results of the few articles it maps again, and writes only the results it made:
loading and saving cost what changed, not what the corpus holds. The index (the memo's pickle) keeps a
``Blob`` (offset, size, digest) for each stored result; a result made this build is plain ``bytes`` until
``BlobFile.store`` appends it. When more than half the file is results no longer referenced, ``store``
copies the live ones to a new file (a new generation) and removes the old file, which the memo made.

Caches are caches: a blob whose bytes are missing or differ from its digest raises ``DamagedMemo``, and
``resolve`` starts again without the memo.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from pathlib import Path

PREFIX = "resolve-memo-"
SUFFIX = ".blobs"


class DamagedMemo(Exception):
    """A stored result is not what the index says it is."""


Blob = tuple[int, int, bytes]  # offset, size (compressed), digest (of the result): a plain tuple, the cheapest thing to unpickle


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


Stored = bytes | Blob  # a result made this build, or one in the blob file


class BlobFile:
    """The blob file of one generation (``PREFIX + generation + SUFFIX`` in the memo's folder)."""

    def __init__(self, folder: Path, generation: int) -> None:
        self.folder, self.generation = folder, generation
        self.path = folder / f"{PREFIX}{generation}{SUFFIX}"
        self._reader = None

    def read(self, stored: Stored) -> bytes:
        if isinstance(stored, bytes):
            return stored
        try:
            if self._reader is None:
                self._reader = self.path.open("rb")
            offset, size, expected = stored
            self._reader.seek(offset)
            data = zlib.decompress(self._reader.read(size))
        except (OSError, ValueError, TypeError, zlib.error) as error:
            raise DamagedMemo(f"{self.path}: {error}") from error
        if digest(data) != expected:
            raise DamagedMemo(f"{self.path}: a stored result at {offset} is damaged")
        return data

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def size(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0


def digest_of(stored: Stored) -> bytes:
    return digest(stored) if isinstance(stored, bytes) else stored[2]


def store(blobs: BlobFile, values: Iterable[tuple[object, str, Stored]], slack: int = 16 << 20, compact: bool = True) -> BlobFile:
    """Append every ``bytes`` value to the file, setting ``setattr(owner, name, Blob)`` or
    ``owner[name] = Blob``; copy the live blobs to a new generation first when most of the file is dead
    (only with ``compact``: ``values`` must then be every live value). Returns the file the index must now name.
    Appending never moves what the last index names, so a build that stops after it leaves that index valid."""
    values = list(values)
    live = sum(v[1] for _, _, v in values if not isinstance(v, bytes))
    target = blobs
    if compact and blobs.size() > 2 * live + slack:
        target = BlobFile(blobs.folder, blobs.generation + 1)
        if target.path.exists():
            target.path.unlink()
    with target.path.open("ab") as out:
        offset = out.tell()
        for owner, name, value in values:
            if not isinstance(value, bytes) and target is blobs:
                continue
            data = blobs.read(value)
            packed = zlib.compress(data, 1)  # pickled candidates shrink fourfold; level 1 costs little
            blob = (offset, len(packed), digest_of(value) if not isinstance(value, bytes) else digest(data))
            out.write(packed)
            offset += len(packed)
            if isinstance(owner, dict):
                owner[name] = blob
            else:
                setattr(owner, name, blob)
    if target is not blobs:
        blobs.close()
    return target


def remove_older(folder: Path, generation: int) -> None:
    """Remove the memo's blob files of earlier generations (files this module named, nothing else)."""
    for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
        number = path.name[len(PREFIX) : -len(SUFFIX)]
        if number.isdigit() and int(number) < generation:
            path.unlink(missing_ok=True)
