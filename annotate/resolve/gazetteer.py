"""Places the model misses, from CLDR (via Babel): Arabic names of countries, territories, regions and the
exemplar cities of time zones (موسكو، طرابلس، القاهرة), each with its English name for the slug.

No hand-typed place lists: the only local knowledge is which CLDR codes are not places (العالم, the euro
zone) or are organizations (الأمم المتحدة، الاتحاد الأوروبي).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from babel import Locale

from annotate.arabic import fold

NOT_PLACES = frozenset({"001", "EZ", "ZZ", "QO"})  # the world, the euro zone, unknown region, outlying Oceania
ORGANIZATIONS = {"EU": "ORG", "UN": "ORG"}
# Single-word names that are also common words: tagged only after a preposition or with a clitic (في مالي).
# Which names are ambiguous is decided by shape, not by a list: an indefinite word ending in ي reads as a nisba
# adjective (دعم مالي).


@dataclass(frozen=True)
class Place:
    name: str  # Arabic, as CLDR writes it
    name_en: str
    label: str  # LOC, or ORG for EU/UN
    code: str  # CLDR territory code or time zone id

    @property
    def guarded(self) -> bool:
        """Needs a preposition or clitic before it to count (مالي، جيبوتي)."""
        return " " not in self.name and self.name.endswith("ي") and not self.name.startswith("ال")


@functools.lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every CLDR place with an Arabic name, sorted by code (deterministic)."""
    ar, en = Locale("ar"), Locale("en")
    out: list[Place] = []
    for code in sorted(ar.territories):
        if code in NOT_PLACES:
            continue
        if "-" in code or code not in en.territories:
            continue
        out.append(Place(ar.territories[code], en.territories[code], ORGANIZATIONS.get(code, "LOC"), code))
    for zone in sorted(ar.time_zones):
        city = ar.time_zones[zone].get("city")
        if not city or zone.startswith("Etc/"):
            continue
        english = en.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        out.append(Place(city, english, "LOC", zone))
    seen: set[str] = set()
    unique = []
    for place in out:  # a country and its capital may share a name (جيبوتي): the country comes first
        if place.name not in seen:
            seen.add(place.name)
            unique.append(place)
    return tuple(unique)


def _stem(word: str) -> str:
    from annotate.arabic import fold

    w = fold(word)
    w = w[2:] if w.startswith("ال") else w
    for ending in ("يا", "ا", "ه"):
        if w.endswith(ending) and len(w) - len(ending) >= 2:
            return w[: -len(ending)]
    return w


@functools.lru_cache(maxsize=1)
def two_word_places() -> frozenset[tuple[str, str]]:
    """Folded word pairs of the two-word places (بوركينا فاسو), to join a place the model split in two."""
    from annotate.arabic import fold

    return frozenset((fold(a), fold(b)) for p in places() if len(words := p.name.split()) == 2 for a, b in [words])


@functools.lru_cache(maxsize=1)
def nationality_stems() -> frozenset[str]:
    """Stems of place names (روسيا → روس), to tell الروسي (a title's adjective) from الحرشاوي (a name); the
    known short forms count too (بريطانيا → البريطانية, which CLDR calls المملكة المتحدة)."""
    from annotate.resolve.link.forms import short_form_rows

    names = [p.name.split()[0] for p in places()]
    for label, forms in short_form_rows():
        if label == "LOC":
            names += [form for form in forms if " " not in form]
    return frozenset(_stem(name) for name in names)


def is_nationality(folded: str) -> bool:
    """الروسي، الليبية، المصري: a nisba adjective made from a place name."""
    w = folded[2:] if folded.startswith("ال") else folded
    for ending in ("يه", "ي"):
        if w.endswith(ending):
            return w[: -len(ending)] in nationality_stems()
    return False


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every place's name, folded (الرياض، كييف)."""
    return frozenset(fold(p.name) for p in places() if p.label == "LOC")
