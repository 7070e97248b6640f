"""Generic institution names are different bodies in different countries: مجلس النواب is Tunisia's in one
article and Jordan's in another, وزارة الخارجية and مجلس الأمن likewise.

A *generic* name is an institution head (``GENERIC_HEADS``) plus one definite common noun and nothing that
names a country (مجلس النواب، وزارة الخارجية، المخابرات العامة; not مجلس النواب الأردني). Its key gets the
article's country — the place the article names most often among the gazetteer's countries — so it links
across articles only where their country agrees; an article that names no country keeps it to itself. A
name the registry lists keeps its plain key (the editor's alias decides, as for «مجلس النواب» on the seeds).
"""

from __future__ import annotations

from collections import Counter

from annotate.arabic import fold
from annotate.resolve.gazetteer import is_nationality
from annotate.resolve.names import Key, core, is_nisba
from annotate.resolve.spans import Candidate

GENERIC_HEADS = frozenset(
    core(fold(w)) for w in "مجلس وزارة الوزارة حكومة الحكومة برلمان البرلمان جيش الجيش قوات شرطة محكمة المحكمة المخابرات مخابرات رئاسة الرئاسة الديوان ديوان".split()
)
CONTEXT_MARK = "@"


def is_generic(c: Candidate) -> bool:
    if c.label != "ORG" or len(c.folded) != 2:
        return False
    head, noun = c.folded
    return core(head) in GENERIC_HEADS and noun.startswith("ال") and not is_nisba(noun) and not is_nationality(noun)


def article_country(cands: list[Candidate], countries: dict[Key, str]) -> str | None:
    """The country the article names most often (ties: the one named first)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for c in cands:
        code = countries.get(c.key) if c.label == "LOC" else None
        if code:
            counts[code] += 1
            first.setdefault(code, c.start)
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], first[code]))


def contextual_keys(cands: dict[str, list[Candidate]], countries: dict[Key, str], registry_keys: set[Key]) -> None:
    """Give each generic institution mention its article's country (in place)."""
    for aid, cs in sorted(cands.items()):
        country = None
        for c in cs:
            if is_generic(c) and c.key not in registry_keys:
                country = country or article_country(cs, countries) or f"article:{aid}"
                c.key = (*c.key, f"{CONTEXT_MARK}{country}")
