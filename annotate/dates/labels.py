"""Date values in Arabic words, for readers: ``1970/1979`` → السبعينيات, ``2019-04`` → أبريل 2019.

The published data keeps the ISO value; pages show this label (the timeline, charts), so that a reader
sees «السبعينيات» rather than ``197X`` or ``1970/1979``, and an interval as one period.
"""

from __future__ import annotations

import re

MONTH_NAMES = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
DECADES = {2: "العشرينيات", 3: "الثلاثينيات", 4: "الأربعينيات", 5: "الخمسينيات", 6: "الستينيات", 7: "السبعينيات",
           8: "الثمانينيات", 9: "التسعينيات"}
ORDINAL_DECADES = {0: "العقد الأول", 1: "العقد الثاني"}
CENTURIES = {15: "الخامس عشر", 16: "السادس عشر", 17: "السابع عشر", 18: "الثامن عشر", 19: "التاسع عشر",
             20: "العشرين", 21: "الحادي والعشرين"}
CENTURY_TITLES = {20: "العشرون", 21: "الحادي والعشرون"}
SEASONS = {(3, 5): "ربيع", (6, 8): "صيف", (9, 11): "خريف", (12, 2): "شتاء"}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


def period_label(value: str) -> str:
    """The Arabic words for a complete ISO value or interval (the value itself if it has no words)."""
    if "/" in value:
        first, last = value.split("/", 1)
        return _interval(first, last) or f"{period_label(first)} – {period_label(last)}"
    if match := _DAY.match(value):
        year, month, day = (int(g) for g in match.groups())
        return f"{day} {MONTH_NAMES[month - 1]} {year}" if 1 <= month <= 12 else value
    if match := _MONTH.match(value):
        year, month = (int(g) for g in match.groups())
        return f"{MONTH_NAMES[month - 1]} {year}" if 1 <= month <= 12 else value
    if match := _WEEK.match(value):
        return f"الأسبوع {int(match.group(2))} من {match.group(1)}"
    return value


def _interval(first: str, last: str) -> str | None:
    """A decade, a century or a season written as an interval."""
    if _YEAR.match(first) and _YEAR.match(last):
        a, b = int(first), int(last)
        if a % 10 == 0 and b == a + 9:
            return _decade(a)
        if a % 100 == 0 and b == a + 99:
            century = a // 100 + 1
            return "القرن " + CENTURY_TITLES.get(century, CENTURIES.get(century, str(century)))
        return None
    one, two = _MONTH.match(first), _MONTH.match(last)
    if one and two:
        months = (int(one.group(2)), int(two.group(2)))
        years = (int(one.group(1)), int(two.group(1)))
        season = SEASONS.get(months)
        if season and years[1] == years[0] + (months[1] < months[0]):
            return f"{season} {years[0]}"
    return None


def _decade(first: int) -> str:
    century, digit = first // 100 + 1, first % 100 // 10
    name = CENTURIES.get(century, str(century))
    if century == 20 and digit in DECADES:
        return DECADES[digit]
    if digit in ORDINAL_DECADES:
        return f"{ORDINAL_DECADES[digit]} من القرن {name}"
    return f"{DECADES[digit][2:-3]}يات القرن {name}"
