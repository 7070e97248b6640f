"""The annotation cache's entries packed in one file, so that a rebuild reads one file, not one per article.

At 10,000 articles, opening and parsing 10,000 small JSON files took seconds, and every cached article was
tokenized again for its sentences: most of a one-article rebuild's tag stage. The pack holds, per cache key,
what the entry file holds plus the article's sentence spans, so a hit needs neither the file's JSON nor the
tokenizer (tokens are made from the spans when someone reads them: ``models.Sentence``).

The per-key JSON files stay the cache's truth: a pack entry records its file's size and modification time
and is used only while the file is still that one (an edited, damaged or deleted entry file is read, or
missed, as before). The file is a header and then one frame per entry (its length and CRC-32, then the entry
in ``marshal`` form, which reads faster than JSON or pickle); a build appends the
entries it made or read from JSON, and rewrites the pack without the dead ones once they outnumber the
live ones. A damaged pack is read up to the damage and rewritten; it never stops a build.
"""

from __future__ import annotations

import logging
import marshal
import os
import struct
import zlib
from pathlib import Path

log = logging.getLogger(__name__)

FILE = "annotations.pack"
HEADER = b"annotate annotation pack 1\n"
FRAME = struct.Struct("<II")  # payload length, CRC-32 of the payload

# key → (entry file size, entry file mtime_ns, mentions, dates, sentence spans)
#   mentions: ((start, end, text, label), ...); dates: ((start, end, text, value, known), ...);
#   sentence spans: (start, end, start, end, ...)
Record = tuple[int, int, tuple, tuple, tuple]


class Pack:
    """The packed entries of one cache folder (``folder / FILE``): ``get`` on read, ``put``, then ``save``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE
        self.known: dict[str, Record] = {}
        self.frames = 0  # entries in the file, dead ones included
        self.damaged = False
        self.used: set[str] = set()
        self.added: dict[str, Record] = {}
        self._load()

    def _load(self) -> None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return  # no pack yet: every entry comes from its JSON file
        if not data.startswith(HEADER):
            self.damaged = True
            return
        view, at = memoryview(data), len(HEADER)
        try:
            while at < len(data):
                size, crc = FRAME.unpack_from(data, at)
                payload = view[at + FRAME.size : at + FRAME.size + size]
                if len(payload) != size or zlib.crc32(payload) != crc:
                    raise ValueError("a frame is cut short or its checksum does not match")
                frame = marshal.loads(payload)
                if not (isinstance(frame, tuple) and len(frame) == 2 and isinstance(frame[0], str) and _is_record(frame[1])):
                    raise ValueError("a frame is not an entry")
                self.known[frame[0]] = frame[1]
                self.frames += 1
                at += FRAME.size + size
        except (ValueError, TypeError, EOFError, struct.error) as error:
            log.warning("%s: damaged annotation pack read up to the damage and rewritten (%s)", self.path, error)
            self.damaged = True

    def get(self, key: str, entry: str | Path) -> Record | None:
        """The record of ``key`` when ``entry`` (its JSON file) is the file it was packed from."""
        record = self.known.get(key)
        if record is None:
            return None
        try:
            st = os.stat(entry)
        except OSError:
            return None
        if (st.st_size, st.st_mtime_ns) != record[:2]:
            return None
        self.used.add(key)
        return record

    def put(self, key: str, entry: str | Path, mentions: tuple, dates: tuple, spans: tuple) -> None:
        """Pack what ``entry`` (just written or read) holds, with the article's sentence spans."""
        try:
            st = os.stat(entry)
        except OSError:
            return
        record = (st.st_size, st.st_mtime_ns, mentions, dates, spans)
        self.added[key] = record
        self.known[key] = record
        self.used.add(key)

    def save(self) -> None:
        """Append the new entries; rewrite the whole pack when it is damaged or mostly dead entries."""
        if not self.added and not self.damaged:
            return
        live = {key: self.known[key] for key in sorted(self.used)}
        rewrite = self.damaged or not self.path.exists() or self.frames + len(self.added) > 2 * len(live) + 64
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if rewrite:
                tmp = self.path.with_suffix(".tmp")
                with tmp.open("wb") as f:
                    f.write(HEADER)
                    f.writelines(_frame(key, record) for key, record in live.items())
                tmp.replace(self.path)
            else:
                with self.path.open("ab") as f:
                    f.writelines(_frame(key, self.added[key]) for key in sorted(self.added))
        except OSError as error:  # a cache that cannot be written only costs the next build its speed
            log.warning("%s: annotation pack not written (%s)", self.path, error)
        self.added, self.damaged = {}, False


def _frame(key: str, record: Record) -> bytes:
    payload = marshal.dumps((key, record))
    return FRAME.pack(len(payload), zlib.crc32(payload)) + payload


def _is_record(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 5
        and isinstance(value[0], int)
        and isinstance(value[1], int)
        and all(isinstance(part, tuple) for part in value[2:])
    )
