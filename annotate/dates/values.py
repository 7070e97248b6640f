"""What a found date expression means (``When``), and its value against a reference date.

Values are always complete ISO 8601 (docs/dates.md): ``2023``, ``2023-09``, ``2023-09-29``, ``2023-W38``
(ISO week), or an interval ``start/end`` of those: a season ``2014-06/2014-08``, a decade ``1970/1979``, a
century ``1900/1999``, a Hijri month as its Gregorian days. ``None`` when the expression cannot be
resolved (relative, and no reference date; a day and month with no year); ``known_of`` then says what
the expression does fix (``XXXX-09-17``, ``XXXX-WXX-7``), for the ``unresolved_dates`` list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from hijridate import Gregorian, Hijri

# A reference in the 21st century is assumed when an article has no date and says "the last century":
# every article of a news corpus was written after 2000, so this is knowledge, not a guess.
ASSUMED_CENTURY = 21


@dataclass(frozen=True, slots=True)
class When:
    """The meaning of one date expression, before it is resolved against a reference date.

    kind: date | hijri | weekday | deictic | unit | ago | decade | century | season.
    ``rel`` is the marker after a day, a month or a unit: -1 الماضي, 0 الجاري, +1 المقبل, None none.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0  # deictic: days from the reference; unit and century: periods from the reference
    rel: int | None = None
    unit: str | None = None  # day | week | month | year
    decade: int | None = None
    century: int | None = None
    season: str | None = None
    future: bool = False  # a future verb before a day name or a month (يبدأ منتصف ليل الأحد، ستفتتح في سبتمبر)


@dataclass(frozen=True, slots=True)
class Span:
    """An interval between two expressions (2019- 2020, ما بين نيسان/أبريل 2019 وحزيران/يونيو 2020)."""

    first: When
    last: When


def value_of(when: When | Span, reference: dt.date | None) -> str | None:
    """The value of a found expression, resolved against ``reference`` where it is relative."""
    if isinstance(when, Span):
        first, last = fill_interval(when.first, when.last)
        a, b = value_of(first, reference), value_of(last, reference)
        return f"{a}/{b}" if a and b else None
    return _VALUES[when.kind](when, reference)


def fill_interval(first: When, last: When) -> tuple[When, When]:
    """Give the first end what it leaves to the second: 5 – 8 أبريل 2024, بين يناير ومارس 2020."""
    if first.kind != last.kind or first.kind not in ("date", "hijri"):
        return first, last
    if first.month is None and first.day is not None:
        first = replace(first, month=last.month)
    if first.year is None and last.year is not None and first.month is not None:
        late = last.month is not None and first.month > last.month  # من ديسمبر إلى فبراير 2020
        first = replace(first, year=last.year - 1 if late else last.year)
    if first.year is None and last.year is None and last.rel is not None:
        first = replace(first, rel=last.rel)
    return first, last


def _date(w: When, ref: dt.date | None) -> str | None:
    if w.year is not None:
        return _iso(w.year, w.month, w.day)
    if w.month is None:
        return None
    if ref is None:
        return None  # the year is unknown: known_of keeps the month and day
    if w.weekday is not None and w.day is not None:  # الأحد 10 مارس: the year in which that day is a Sunday
        fits = [y for y in (ref.year, ref.year + 1, ref.year - 1) if _weekday_of(y, w.month, w.day) == w.weekday]
        if fits:
            return _iso(fits[0], w.month, w.day)
    return _iso(_resolve_year(w, ref), w.month, w.day)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _resolve_year(w: When, ref: dt.date) -> int:
    """The year of a day-month or a month with no year: strictly before the reference with الماضي,
    strictly after with المقبل, this year with الجاري, on or after with a future verb; else the nearest
    one, the past preferred (news reports the past): the next one only when it is less than half as far
    as the last one (في 26 تشرين الأول written on 23 October is this year's; في مارس in October last year's)."""
    if w.rel == 0:
        return ref.year
    here = (w.month, w.day or 0) if w.day else (w.month, 0)
    now = (ref.month, ref.day) if w.day else (ref.month, 0)
    if w.rel == 1:
        return ref.year if here > now else ref.year + 1
    if w.rel == -1:
        return ref.year if here < now else ref.year - 1
    if w.future:
        return ref.year if here >= now else ref.year + 1
    if here <= now:
        return ref.year
    past, coming = _distance(w, ref, ref.year - 1), _distance(w, ref, ref.year)
    return ref.year if 2 * coming < past else ref.year - 1


def _distance(w: When, ref: dt.date, year: int) -> int:
    """How far (in days, or months for a month) that day or month of ``year`` lies from the reference."""
    if w.day is None:
        return abs((year * 12 + w.month) - (ref.year * 12 + ref.month))
    try:
        return abs((dt.date(year, w.month, w.day) - ref).days)
    except ValueError:  # 29 February of a common year
        return abs((dt.date(year, w.month, 28) - ref).days)


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _hijri(w: When, ref: dt.date | None) -> str | None:
    """Hijri dates become Gregorian: a day is a day, a month or a year an interval of days."""
    try:
        if w.year is None:  # رمضان الماضي: the Hijri year from the reference
            if ref is None or w.month is None:
                return None
            w = replace(w, year=_hijri_year(w, Gregorian.fromdate(ref).to_hijri()))
        if w.day is not None:
            return Hijri(w.year, w.month, w.day).to_gregorian().isoformat()
        first_month, last_month = (w.month, w.month) if w.month else (1, 12)
        first = Hijri(w.year, first_month, 1)
        last = Hijri(w.year, last_month, 1)
        last = Hijri(w.year, last_month, last.month_length())
        return f"{first.to_gregorian().isoformat()}/{last.to_gregorian().isoformat()}"
    except (ValueError, OverflowError):
        return None  # outside the Umm al-Qura tables (1343–1500 AH) or not a real day


def _hijri_year(w: When, now: Hijri) -> int:
    """Latest such month on or before the reference's Hijri month; strictly before/after with a marker."""
    if w.rel == 1:
        return now.year if w.month > now.month else now.year + 1
    if w.rel == -1:
        return now.year if w.month < now.month else now.year - 1
    return now.year if w.month <= now.month else now.year - 1


def _weekday(w: When, ref: dt.date | None) -> str | None:
    """The latest such day on or before the reference; strictly before with الماضي; after with المقبل
    (strictly) or a future verb before it (on or after)."""
    if ref is None or w.weekday is None:
        return None
    delta = (w.weekday - ref.weekday()) % 7
    if w.rel == 1:
        return (ref + dt.timedelta(days=delta or 7)).isoformat()
    if w.future:
        return (ref + dt.timedelta(days=delta)).isoformat()
    back = (ref.weekday() - w.weekday) % 7
    if w.rel == -1 and back == 0:
        back = 7
    return (ref - dt.timedelta(days=back)).isoformat()


def _deictic(w: When, ref: dt.date | None) -> str | None:
    return None if ref is None else (ref + dt.timedelta(days=w.offset)).isoformat()


def _unit(w: When, ref: dt.date | None) -> str | None:
    if ref is None:
        return None
    if w.unit == "year":
        return f"{ref.year + w.offset:04d}"
    if w.unit == "month":
        index = ref.year * 12 + ref.month - 1 + w.offset
        return _iso(index // 12, index % 12 + 1, w.day)  # 8 من الشهر الجاري: a day of that month
    year, week, _ = (ref + dt.timedelta(weeks=w.offset)).isocalendar()
    return f"{year:04d}-W{week:02d}"


def _century_number(w: When, ref: dt.date | None) -> int:
    if w.century is not None:
        return w.century
    now = (ref.year - 1) // 100 + 1 if ref else ASSUMED_CENTURY
    return now + w.offset


def _decade(w: When, ref: dt.date | None) -> str | None:
    first = (_century_number(w, ref) - 1) * 100 + w.decade * 10
    return f"{first:04d}/{first + 9:04d}"


def _century(w: When, ref: dt.date | None) -> str | None:
    first = (_century_number(w, ref) - 1) * 100
    return f"{first:04d}/{first + 99:04d}"


# Meteorological seasons as month intervals; a winter runs from December into the next year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season(w: When, ref: dt.date | None) -> str | None:
    if w.year is not None:
        year = w.year
    elif ref is not None and w.unit == "year":
        year = ref.year + w.offset
    else:
        return None
    first, last = SEASON_MONTHS[w.season]
    return f"{year:04d}-{first:02d}/{year + (last < first):04d}-{last:02d}"


def _same_day(w: When, ref: dt.date | None) -> str | None:
    return None  # اليوم نفسه: the day just mentioned, filled in by annotate.dates.discourse


def _ago(w: When, ref: dt.date | None) -> str | None:
    """قبل يومين → the day two days before the reference; قبل عامين → the year; and so on."""
    if ref is None:
        return None
    if w.unit == "day":
        return (ref + dt.timedelta(days=w.offset)).isoformat()
    return _unit(replace(w, kind="unit"), ref)


_VALUES = {
    "date": _date,
    "hijri": _hijri,
    "weekday": _weekday,
    "deictic": _deictic,
    "unit": _unit,
    "decade": _decade,
    "century": _century,
    "season": _season,
    "ago": _ago,
    "same_day": _same_day,
}

WEEKDAY_NUMBERS = "1234567"  # ISO: Monday = 1


def known_of(when: When | Span) -> str | None:
    """What an unresolved expression does fix, TIMEX3-style: ``XXXX-09-17``, ``XXXX-09``, ``XXXX-WXX-7``."""
    if isinstance(when, Span):
        a, b = known_of(when.first), known_of(when.last)
        return f"{a}/{b}" if a and b else None
    if when.kind == "date" and when.month is not None:
        known = f"XXXX-{when.month:02d}" + (f"-{when.day:02d}" if when.day else "")
        return known
    if when.kind == "weekday" and when.weekday is not None:
        return f"XXXX-WXX-{WEEKDAY_NUMBERS[when.weekday]}"
    return None
