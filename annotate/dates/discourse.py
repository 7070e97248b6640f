"""Values that need the rest of the article, not only the publication date.

Most expressions are resolved alone (``values.value_of``). A few take their value from what the article
says elsewhere, as a reader would:

* ``اليوم نفسه`` / ``نفس اليوم`` is the day mentioned just before it;
* a day and month with a day name and no year (``الخميس 27 حزيران الجاري``), in an article without a
  publication date, is in the latest year the article names in which that day falls on that day name;
* a month named alone (``في يناير``) takes the year of the same month named with a year or a marker in
  the same article (``21 يناير/ كانون المقبل``).

What stays unresolved keeps ``known`` (``XXXX-09-17``) for the ``unresolved_dates`` list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from annotate.dates.rules import Found
from annotate.dates.values import Span, When, known_of, value_of
from annotate.models import DateMention


def resolve(text: str, founds: list[Found], ref: dt.date | None) -> list[DateMention]:
    """The mentions of ``founds`` (in text order) with their values and, where unresolved, what is known."""
    years = sorted(_named_years(founds))
    values = [_value(f.when, ref, years) for f in founds]
    values = _months_from_the_article(founds, values)
    out: list[DateMention] = []
    last_day: str | None = None
    for found, value in zip(founds, values, strict=True):
        if isinstance(found.when, When) and found.when.kind == "same_day":
            value = last_day
        if value is not None and len(value) == 10 and "/" not in value:
            last_day = value
        known = None if value is not None else known_of(found.when)
        out.append(DateMention(found.start, found.end, text[found.start : found.end], value, known))
    return out


def _value(when: When | Span, ref: dt.date | None, years: list[int]) -> str | None:
    value = value_of(when, ref)
    if value is None and ref is None and isinstance(when, When) and when.kind == "date":
        year = _year_by_weekday(when, years)
        if year is not None:
            value = value_of(replace(when, year=year), None)
    return value


def _named_years(founds: list[Found]) -> set[int]:
    """Years the article writes out (in full dates, months, years and intervals)."""
    out: set[int] = set()
    for found in founds:
        for when in (found.when.first, found.when.last) if isinstance(found.when, Span) else (found.when,):
            if when.kind == "date" and when.year is not None:
                out.add(when.year)
    return out


def _year_by_weekday(when: When, years: list[int]) -> int | None:
    """الخميس 27 حزيران: the latest named year in which 27 June is a Thursday (None if no year fits)."""
    if when.weekday is None or when.day is None or when.month is None or when.year is not None:
        return None
    for year in reversed(years):
        try:
            if dt.date(year, when.month, when.day).weekday() == when.weekday:
                return year
        except ValueError:
            continue
    return None


def _months_from_the_article(founds: list[Found], values: list[str | None]) -> list[str | None]:
    """A month named alone takes the year the article gives the same month elsewhere (one reading per article)."""
    year_of_month: dict[int, str] = {}
    for found, value in zip(founds, values, strict=True):
        when = found.when
        if isinstance(when, When) and when.kind == "date" and when.month and value and (when.year or when.rel is not None):
            year_of_month.setdefault(when.month, value[:4])
    out = []
    for found, value in zip(founds, values, strict=True):
        when = found.when
        bare = isinstance(when, When) and when.kind == "date" and when.month and not when.year and when.rel is None
        if bare and value and when.month in year_of_month and not when.future:
            value = year_of_month[when.month] + value[4:]
        out.append(value)
    return out
