"""Latin names of actors (annotate/resolve/latin.py): a transliteration that the usual English spelling finds.

Every pair is (the name as an Arabic article writes it, the spelling an English reader would type). The
first 17 are seed actors without an English name in the registry (corpus/, data/actors.json of the seed
build); the last 7 are people of the real-news development set (../shared/realnews/gold.yml, whose actor ids
are English slugs: rached-ghannouchi, kais-saied, ...). bench/latin_names.py measures all of the dev set's
people (76 of 83 found by their surname).
"""

from __future__ import annotations

import pytest

from annotate.resolve.latin import latin_name, transliterate_word
from annotate.search.normalize import name_key, terms

PAIRS = [
    # seed actors (corpus/*.txt)
    ("رجب طيب أردوغان", "Erdogan"), ("معمر القذافي", "Gaddafi"), ("معمر القذافي", "Qaddafi"), ("بشار أسد", "Assad"),
    ("الكرملين", "Kremlin"), ("بنغازي", "Benghazi"), ("ميدل إيست آي", "Middle East Eye"), ("فاليري غراسيموف", "Valery Gerasimov"),
    ("ويليام بيرنز", "William Burns"), ("ميخائيل بوغدانوف", "Mikhail Bogdanov"), ("درنة", "Derna"), ("مصراتة", "Misrata"),
    ("سرت", "Sirte"), ("طبرق", "Tobruk"), ("صمويل رماني", "Samuel Ramani"), ("شون ماثيوز", "Sean Mathews"),
    ("خيري التميمي", "Khairi al-Tamimi"),
    # real-news development set (gold ids)
    ("راشد الغنوشي", "Rached Ghannouchi"), ("قيس سعيد", "Kais Saied"), ("نيكولا ساركوزي", "Sarkozy"),
    ("فرحات حشاد", "Farhat Hached"), ("ماهر مذيوب", "Maher Medhioub"), ("نور الدين الطبوبي", "Taboubi"),
    ("عبد اللطيف المكي", "Mekki"),
]  # fmt: skip


def found_by(query: str, name: str) -> bool:
    """What the browser does for an actor's names: every query word's key equals a key of the name's words
    (or starts one, from three letters on)."""
    keys = {name_key(t) for t in terms(name)} - {None}
    for word in terms(query):
        key = name_key(word)
        if key is None or not (key in keys or (len(key) >= 4 and any(k.startswith(key) for k in keys))):
            return False
    return True


@pytest.mark.parametrize(("arabic", "english"), PAIRS, ids=[e for _, e in PAIRS])
def test_the_usual_english_spelling_finds_the_latin_name(arabic, english):
    latin = latin_name(arabic, "PER")
    assert latin.isascii() and latin != arabic
    assert found_by(english, latin), f"{english!r} does not find {latin!r}"


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("حفتر", "haftar"), ("فرنسا", "faransa"), ("بنغازي", "banghazi"), ("قطر", "qatar"), ("مصراتة", "masrata"),
     ("ستيفاني", "satifani"), ("القاهرة", "alqahra")],
)
def test_transliteration_guesses_short_vowels(arabic, latin):
    assert transliterate_word(arabic) == latin


def test_registry_names_and_latin_names_are_kept():
    assert latin_name("خليفة حفتر", "PER", "Khalifa Haftar") == "Khalifa Haftar"
    assert latin_name("Radio Radicale", "ORG") == "Radio Radicale"
    assert latin_name("عربي21", "ORG") == "Arbi21"
    assert latin_name("معمر القذافي", "PER") == "Muammar al-Qadhafi"
    assert latin_name("الكرملين", "ORG") == "Al-Karamlin"


def test_different_names_stay_apart():
    assert not found_by("Putin", latin_name("لافروف"))
    assert not found_by("Haftar", latin_name("بوتين"))
