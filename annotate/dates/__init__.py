"""The date tagger: every date expression of an Arabic news text, with its ISO 8601 / TIMEX3-style value.

Spans are found by the project's own rules (``rules.py``, over the word lists of ``lexicon.py``), on a
same-length matching copy of the text (``normalize.py``), so offsets are offsets into the original.
Values are computed in ``values.py``; hijridate converts Hijri dates. Conventions: docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from annotate.dates.normalize import LETTERS, matching_copy, tokenize
from annotate.dates.rules import CORE_WORDS, Found, Reader
from annotate.dates.values import value_of
from annotate.dates.windows import trigger_regex, windows
from annotate.models import DateMention

__all__ = ["find_dates", "parse_publication_date"]

BULLETS = "-*•–—·▪●"
TRIGGERS = trigger_regex(CORE_WORDS, LETTERS)


def find_dates(
    text: str, reference: str | None = None, spans: Iterable[tuple[int, int]] | None = None
) -> list[DateMention]:
    """All date expressions in ``text`` (or only inside the given (start, end) spans), sorted by start,
    non-overlapping. ``reference`` is the article's publication date (ISO 'YYYY-MM-DD'); without it
    relative expressions (أمس، الأسبوع الماضي، الثلاثاء) get the value ``None``."""
    ref = _reference(reference)
    copy = matching_copy(text)
    bounds = [(0, len(text))] if spans is None else sorted((max(0, s), min(len(text), e)) for s, e in spans)
    mentions: list[DateMention] = []
    for start, end in bounds:
        for lo, hi in windows(copy, TRIGGERS, start, end):
            for found in Reader(copy, tokenize(copy, lo, hi)).read_all():
                if mentions and found.start < mentions[-1].end:
                    continue  # overlapping spans were given: keep the first reading
                mentions.append(_mention(text, found, ref))
    return mentions


def parse_publication_date(line: str) -> str | None:
    """A dateline as found on news pages → ISO date: '29-سبتمبر-2023' → '2023-09-29',
    '16 أبريل 2024, 10:12:02 ص' → '2024-04-16', '- 10 يناير 2025' → '2025-01-10'.
    ``None`` if the line is not just a date (plus an optional time, day name or bullet)."""
    body = line.strip().lstrip(BULLETS).strip()
    if not body:
        return None
    mentions = find_dates(body)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    rest = (body[: mention.start] + body[mention.end :]).strip(" \t.,،|")
    value = mention.value
    if rest or value is None or len(value) != 10 or "X" in value:
        return None
    return value


def _mention(text: str, found: Found, ref: dt.date | None) -> DateMention:
    return DateMention(found.start, found.end, text[found.start : found.end], value_of(found.when, ref))


def _reference(reference: str | None) -> dt.date | None:
    if not reference:
        return None
    try:
        return dt.date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None  # an unusable reference resolves nothing rather than failing the article
