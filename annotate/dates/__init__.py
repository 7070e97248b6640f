"""The date tagger: every date expression of an Arabic news text, with its ISO 8601 / TIMEX3-style value.

Spans are found by the project's own rules (``rules.py``, over the word lists of ``lexicon.py``), on a
same-length matching copy of the text (``normalize.py``), so offsets are offsets into the original.
English-format stamps (``March 4, 2025``) are read by ``latin.py``. Values are computed in ``values.py``
(``discourse.py`` for those that need the rest of the article); hijridate converts Hijri dates.
Conventions: docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from annotate.dates.discourse import resolve
from annotate.dates.latin import english_dates
from annotate.dates.normalize import LETTERS, matching_copy, tokenize
from annotate.dates.rules import CORE_WORDS, Found, Reader
from annotate.dates.windows import trigger_regex, windows
from annotate.models import DateMention

__all__ = ["find_dates", "parse_publication_date"]

BULLETS = "-*•–—·▪●"
TRIGGERS = trigger_regex(CORE_WORDS, LETTERS)
URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|html?|php|aspx?)\S*", re.IGNORECASE)


def find_dates(
    text: str, reference: str | None = None, spans: Iterable[tuple[int, int]] | None = None
) -> list[DateMention]:
    """All date expressions in ``text`` (or only inside the given (start, end) spans), sorted by start,
    non-overlapping. ``reference`` is the article's publication date (ISO 'YYYY-MM-DD'); without it
    relative expressions (أمس، الأسبوع الماضي، الثلاثاء) get the value ``None``."""
    copy = matching_copy(text)
    bounds = [(0, len(text))] if spans is None else sorted((max(0, s), min(len(text), e)) for s, e in spans)
    founds: list[Found] = []
    for start, end in bounds:
        for found in _found_in(copy, start, end):
            if founds and found.start < founds[-1].end:
                continue  # overlapping spans were given: keep the first reading
            founds.append(found)
    return resolve(text, founds, _reference(reference))


def _found_in(copy: str, start: int, end: int) -> list[Found]:
    """The expressions of one stretch: Arabic and English ones, longest first where they overlap,
    none inside a web address (…/2025/12/06/…)."""
    arabic = [f for lo, hi in windows(copy, TRIGGERS, start, end) for f in Reader(copy, tokenize(copy, lo, hi)).read_all()]
    english = list(english_dates(copy, start, end)) if _has_latin(copy, start, end) else []
    if english:
        arabic = [a for a in arabic if not any(a.start < e.end and e.start < a.end for e in english)]
    urls = [m.span() for m in URL.finditer(copy, start, end)] if "." in copy[start:end] or "/" in copy[start:end] else []
    found = sorted(arabic + english, key=lambda f: f.start)
    return [f for f in found if not any(u0 <= f.start < u1 for u0, u1 in urls)]


def _has_latin(copy: str, start: int, end: int) -> bool:
    return re.search("[A-Za-z]", copy[start:end]) is not None


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
    if rest or value is None or len(value) != 10:
        return None
    return value


def _reference(reference: str | None) -> dt.date | None:
    if not reference:
        return None
    try:
        return dt.date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None  # an unusable reference resolves nothing rather than failing the article
