"""Counted nouns in Arabic: «مقال واحد», «مقالان», «3 مقالات», «11 مقالاً», «100 مقال», «103 مقالات».

Arabic agrees the noun with the number: 1 takes the singular (with واحد/واحدة after it), 2 the dual, 3–10
the plural, 11–99 the singular accusative (tanween: «مقالاً»), 100, 1,000 and their round multiples the
singular genitive. Past 100 the last two digits decide (101 and 102 as 100, 103–110 as 3–10, 111–199 as
11–99). After a preposition the dual is genitive («في مقالين»). Every page, chart and the search box use
this one table; ``docs/assets/counted.js`` holds the same rules for the browser (tested on 0–1,000 in both).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Noun:
    singular: str
    dual: str  # nominative; the genitive/accusative ends in ـين
    plural: str
    accusative: str  # after 11–99: «مقالاً», «إشارة»
    feminine: bool

    @property
    def dual_genitive(self) -> str:
        return self.dual[:-2] + "ين"


NOUNS = {
    "article": Noun("مقال", "مقالان", "مقالات", "مقالاً", False),
    "mention": Noun("إشارة", "إشارتان", "إشارات", "إشارة", True),
    "person": Noun("شخص", "شخصان", "أشخاص", "شخصاً", False),
    "organization": Noun("منظمة", "منظمتان", "منظمات", "منظمة", True),
    "place": Noun("مكان", "مكانان", "أماكن", "مكاناً", False),
    "date": Noun("تاريخ", "تاريخان", "تواريخ", "تاريخاً", False),
    "actor": Noun("فاعل", "فاعلان", "فاعلين", "فاعلاً", False),
    "sentence": Noun("جملة", "جملتان", "جمل", "جملة", True),
    "result": Noun("نتيجة", "نتيجتان", "نتائج", "نتيجة", True),
    "spelling": Noun("صيغة", "صيغتان", "صيغ", "صيغة", True),
    "time": Noun("مرة", "مرتان", "مرات", "مرة", True),
    "page": Noun("صفحة", "صفحتان", "صفحات", "صفحة", True),
    "link": Noun("رابط", "رابطان", "روابط", "رابطاً", False),
}
LABEL_NOUNS = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "actor"}


def counted(n: int, noun: str, genitive: bool = False) -> str:
    """``n`` and the noun in the form the number calls for; 0 reads «لا مقالات» (no number)."""
    word = NOUNS[noun]
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if n == 0:
        return f"لا {word.plural}"
    if n == 1:
        return f"{word.singular} {'واحدة' if word.feminine else 'واحد'}"
    if n == 2:
        return word.dual_genitive if genitive else word.dual
    rest = n % 100 if n >= 100 else n
    if n >= 100 and rest in (0, 1, 2):
        return f"{n} {word.singular}"
    if 3 <= rest <= 10:
        return f"{n} {word.plural}"
    return f"{n} {word.accusative}"


def and_more(total: int, shown: int, noun: str) -> str:
    """« وغيرها (N …)» after the first ``shown`` of ``total`` items listed, or nothing when all are."""
    more = total - shown
    return f" وغيرها ({counted(more, noun)})" if more > 0 else ""
