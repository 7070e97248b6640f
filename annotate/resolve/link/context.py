"""Generic institution names are different bodies in different countries: مجلس النواب is Tunisia's in one
article and Jordan's in another, وزارة الخارجية and مجلس الأمن likewise.

A *generic* name is an institution head (``GENERIC_HEADS``) plus one of the chambers, ministries or services
every country has (``GENERIC_NOUNS``) and nothing that names a country (مجلس النواب، وزارة الخارجية، المخابرات العامة; not مجلس النواب الأردني). Its key gets the
article's country — the country the article names most often, by name or by its adjective (الأردن،
الأردني) — so it links
across articles only where their country agrees; an article that names no country keeps it to itself. A
name the registry lists keeps its plain key (the editor's alias decides, as for «مجلس النواب» on the seeds).
A country-keyed actor shows its country in its name: «مجلس النواب (تونس)», «مجلس النواب (الأردن)».
"""

from __future__ import annotations

import functools
from collections import Counter

from annotate.arabic import fold
from annotate.resolve.names import Key, core
from annotate.resolve.spans import Candidate

GENERIC_HEADS = frozenset(
    core(fold(w)) for w in "مجلس وزارة الوزارة حكومة الحكومة برلمان البرلمان جيش الجيش قوات شرطة محكمة المحكمة المخابرات مخابرات رئاسة الرئاسة الديوان ديوان".split()
)
CONTEXT_MARK = "@"


# What every country has one of: chambers, ministries, services (مجلس النواب، وزارة الخارجية، المخابرات العامة).
# Not الأمن: «مجلس الأمن» unqualified is the UN's in news; a country's is «مجلس الأمن القومي».
GENERIC_NOUNS = frozenset(
    core(fold(w))
    for w in """النواب الشيوخ الأمة الشعب الوزراء الأعيان الشورى المستشارين الدفاع الخارجية الداخلية العدل
    المالية الاقتصاد الصحة التعليم التربية الإعلام الثقافة الزراعة الطاقة النفط العمل النقل الاتصالات السياحة
    الرئاسة العامة العليا الدستورية القضاء""".split()
)


def is_generic(c: Candidate) -> bool:
    if c.label != "ORG" or len(c.folded) != 2:
        return False
    head, noun = c.folded
    return core(head) in GENERIC_HEADS and noun.startswith("ال") and core(noun) in GENERIC_NOUNS


def article_country(cands: list[Candidate], countries: dict[Key, str], view=None, adjectives: dict[str, str] | None = None) -> str | None:
    """The country the article names most often, by name or adjective (ties: the one named first)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for c in cands:
        code = countries.get(c.key) if c.label == "LOC" else None
        if code:
            counts[code] += 1
            first.setdefault(code, c.start)
    adjectives = adjectives if adjectives is not None else _adjective_countries(frozenset(countries.items()))
    for t in view.tokens if view is not None else ():
        code = adjectives.get(_adjective_stem(fold(t.text)))
        if code:
            counts[code] += 1
            first.setdefault(code, t.start)
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], first[code]))


def contextual_keys(cands: dict[str, list[Candidate]], countries: dict[Key, str], registry_keys: set[Key], views=None) -> dict[str, str]:
    """Give each generic institution mention its article's country (in place); return every article's mark."""
    marks = {}
    adjectives = _adjective_countries(frozenset(countries.items()))
    for aid, cs in sorted(cands.items()):
        view = views.get(aid) if views is not None else None
        marks[aid] = f"{CONTEXT_MARK}{article_country(cs, countries, view, adjectives) or f'article:{aid}'}"
        for c in cs:
            if is_generic(c) and c.key not in registry_keys:
                c.key = (*c.key, marks[aid])
    return marks


def unmarked(key: Key) -> tuple[Key, str | None]:
    """A key without its country mark, and the mark."""
    if key and key[-1].startswith(CONTEXT_MARK):
        return key[:-1], key[-1]
    return key, None


@functools.lru_cache(maxsize=1 << 17)
def _adjective_stem(word: str) -> str | None:
    """الأردني، الأردنية، أردنية → أردن (the stem a nationality adjective is made from), else None."""
    w = word[2:] if word.startswith("ال") else word
    for ending in ("يه", "ي", "يين", "يون"):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[: -len(ending)]
    return None


@functools.lru_cache(maxsize=4)
def _adjective_countries(countries: frozenset) -> dict[str, str]:
    """Stem of each country's adjective → its code (أردن → JO, تونس → TN), from the countries' names."""
    from annotate.resolve.gazetteer import _stem

    out: dict[str, str] = {}
    for key, code in sorted(countries, key=lambda kv: kv[1]):
        if len(key) == 1:
            out.setdefault(_stem(key[0]), code)
    return out


def country_of(key: Key) -> str | None:
    """The Arabic name of the country a generic institution's key is marked with (none for an article mark)."""
    _, mark = unmarked(key)
    if not mark or mark.startswith(f"{CONTEXT_MARK}article:"):
        return None
    from annotate.resolve.gazetteer import places

    return next((p.name for p in places() if p.code == mark[1:]), None)
