"""Bytes → text, one path for every input the tool reads (corpus files, the registry, ``annotate tag``).

Decided by evidence, never by the first failure:
- a UTF-16 byte-order mark means UTF-16; otherwise a NUL byte anywhere means a binary file;
- UTF-8 (with or without its BOM) when it decodes, or when it decodes except for a few stray bytes
  (replaced by U+FFFD, with a warning naming the file and line): one ``\\xe9`` appended to a UTF-8 article
  must not turn the whole article into Windows-1256 mojibake;
- Windows-1256 (Arabic archives) only when the bytes are not UTF-8 at all and decode fully as cp1256
  into mostly Arabic letters.
Line endings become ``\\n`` and the text is NFC-normalized, so offsets mean the same thing everywhere.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

from annotate.errors import InputError

log = logging.getLogger(__name__)

STRAY_BYTES_SHARE = 0.02  # undecodable bytes per decoded non-ASCII character that still count as "a few"
STRAY_BYTES_MIN = 3  # … and this many are always "a few" when the rest is UTF-8


def decode(raw: bytes, where: str, *, legacy: bool = True) -> str:
    """Decode ``raw`` (the contents of ``where``); raise InputError with a fix when it is not text."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normal(raw.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise InputError(f"{where}: broken UTF-16 (byte offset {error.start}); re-save the file as UTF-8") from None
    if b"\0" in raw:
        raise InputError(f"{where}: binary file (NUL byte at offset {raw.index(bytes(1))}), not text; expected UTF-8 text")
    try:
        return _normal(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        first = error
    text, stray = _utf8_with_stray_bytes(raw)
    non_ascii = sum(not c.isascii() for c in text) - stray
    if stray <= max(STRAY_BYTES_MIN, STRAY_BYTES_SHARE * non_ascii) and non_ascii > stray:
        line = raw[: first.start].count(b"\n") + 1
        log.warning("%s:%d: %d byte(s) that are not UTF-8 replaced by \ufffd; re-save the file as UTF-8", where, line, stray)
        return _normal(text)
    if legacy and (legacy_text := _cp1256_arabic(raw)) is not None:
        log.warning("%s: not UTF-8; decoded as Windows-1256 (re-save it as UTF-8 to silence this)", where)
        return _normal(legacy_text)
    line = raw[: first.start].count(b"\n") + 1
    raise InputError(
        f"{where}:{line}: not valid UTF-8 (byte 0x{raw[first.start]:02x} at offset {first.start})"
        + (" nor Windows-1256 Arabic" if legacy else "")
        + "; re-save the file as UTF-8"
    )


def _utf8_with_stray_bytes(raw: bytes) -> tuple[str, int]:
    """UTF-8 with each undecodable byte replaced; the number of bytes replaced."""
    stray = 0

    def count(error: UnicodeDecodeError):
        nonlocal stray
        stray += error.end - error.start
        return "\ufffd" * (error.end - error.start), error.end

    codecs.register_error("annotate-count", count)
    text = raw.decode("utf-8-sig", errors="annotate-count")
    return text, stray


def _cp1256_arabic(raw: bytes) -> str | None:
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha() and not c.isascii()]  # YAML keys and Latin words do not count
    arabic = sum("\u0600" <= c <= "\u06ff" for c in letters)
    return text if letters and arabic / len(letters) > 0.5 else None


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
