"""English-format dates inside Arabic pages: ``6th, April 2025``, ``March 4, 2025``, ``Sept. 3 2025``.

Scraped Arabic pages carry them in publication stamps (``تاريخ النشر: 6th, April 2025 GMT``) and in the
signatures of embedded posts (``— Reuters (@Reuters) September 3, 2025``). They are read by one regular
expression over the matching copy (Latin letters and digits are the same in it), apart from the Arabic
reader, and only with a day, a month name and a four-digit year: an English month alone is not a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from annotate.dates.rules import Found
from annotate.dates.values import When

MONTHS_EN: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS_EN, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# 6th, April 2025 | 6 April 2025 | March 4, 2025 | Sept. 3 2025
ENGLISH_DATE = re.compile(
    rf"(?<![\w.])(?:{_DAY},?\s+{_MONTH},?\s+{_YEAR}|{_MONTH.replace('month', 'month2')}\s+"
    rf"{_DAY.replace('day', 'day2')},?\s+{_YEAR.replace('year', 'year2')})(?![\w])",
    re.IGNORECASE,
)


def english_dates(copy: str, start: int, end: int) -> Iterator[Found]:
    """Every English-format full date in ``copy[start:end]``."""
    for match in ENGLISH_DATE.finditer(copy, start, end):
        groups = match.groupdict()
        day = int(groups["day"] or groups["day2"])
        month = MONTHS_EN[(groups["month"] or groups["month2"]).lower()]
        year = int(groups["year"] or groups["year2"])
        if 1 <= day <= 31:
            yield Found(match.start(), match.end(), When("date", year, month, day))
