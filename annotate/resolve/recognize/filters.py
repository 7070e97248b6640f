"""Precision: spans that are not names whatever the tagger or propagation said.

* A one-word span found only by propagation must not be a word that real news mostly uses as a word
  (``lexicon.is_weak``: صباح، رمضان).
* A one-word span needs evidence that the word is a name: a word real news uses often and almost never
  inside an entity (``lexicon.is_common``: نوفمبر، الموالية), an ordinal, a month (أوت، رمضان: the date
  rules' month names), an adverb written with
  tanween (وتاريخيًا) or a one-word MISC (a currency, a religion, an element: دولار، الله، اليورانيوم) is not.
* Nor is a word with the shape of an adverb made from a common relational adjective (هاتفيا: هاتفي + ا),
  unless the lexicon or the gazetteer knows it (روسيا، إيطاليا). (A past plural verb, سئموا، has the shape
  of too many foreign names to be told by it: فرانسوا، جانوا.)
* Nor is a masculine relational adjective alone a place (السعودي، الأفريقي), unless the lexicon or the
  gazetteer knows it.
* A title of two words or a rank (حافظ الأختام، أمين سر، برتبة عقيد) is a role, not a name.
* Latin text gets Latin rules: every word capitalized (DW, AFP, KEMAL ASLAN, Lebanon 24), at most five words,
  no handles or links, more than one letter — so an embedded English tweet is not an entity.
The editor's registry wins: a registry name is always kept, and so is a dateline's outlet (``credits``).
"""

from __future__ import annotations

import re

from annotate.arabic import fold
from annotate.dates.lexicon import HIJRI_MONTHS, MONTHS as DATE_MONTHS
from annotate.resolve.names import core, is_nisba, title_stem
from annotate.resolve.gazetteer import is_nationality, place_names
from annotate.resolve.recognize.lexicon import is_common, is_weak, name_rate, one_word_names
from annotate.resolve.spans import NOT_NAMES, Candidate

ORDINALS = frozenset(
    fold(w)
    for w in """أول الأول ثاني الثاني ثالث الثالث رابع الرابع خامس الخامس سادس السادس سابع السابع ثامن الثامن تاسع
    التاسع عاشر العاشر أولى الأولى ثانية الثانية ثالثة الثالثة""".split()
)
# Titles that are two words, or a rank after برتبة: a role, never a name (حافظ الأختام، أمين سر، برتبة عقيد).
TITLE_PHRASES = frozenset(tuple(fold(w) for w in t.split()) for t in ("حافظ الأختام", "أمين سر", "أمين عام", "الأمين العام", "ولي العهد", "رئيس الوزراء", "شاهد عيان", "شاهدة عيان", "شهود عيان"))
RANK_CUE = fold("برتبة")
TANWEEN = "\u064b"
DEMONSTRATIVES = frozenset(fold(w) for w in "هذا هذه ذلك تلك هؤلاء أولئك هذان هاتان هذين هاتين".split())  # «إذا جاء أولئك الحمقى»
GOD = fold("الله")  # alone, never an actor (بإذن الله), whatever a compound (عبد الله، عب الله) left behind
# A nisba adjective in the dual (إرادتان ملكيتان، دولتين عربيتين): two of something, never a name.
DUAL_NISBA = tuple(fold(e) for e in ("يتان", "يتين"))
MONTHS = frozenset(fold(m) for m in (*DATE_MONTHS, *HIJRI_MONTHS))  # fathatan: an adverb or an accusative indefinite noun (تاريخيًا، ضاحكاً)
LATIN_WORD = re.compile(r"^(?:[A-Z][A-Za-z'’.&-]*|\d+[A-Za-z]*)$")
MAX_LATIN_WORDS = 5


def is_latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in text) and all(ord(ch) < 0x600 for ch in text)


def latin_name(text: str) -> bool:
    """Capitalized words only (or digits), at most five, not one letter, no handle or address."""
    words = text.split()
    if not words or len(words) > MAX_LATIN_WORDS or len(text.replace(" ", "")) < 2:
        return False
    if any(mark in text for mark in ("@", "http", "://", "#")):
        return False
    return all(LATIN_WORD.match(w) for w in words) and any(w[0].isalpha() for w in words)


def is_name(c: Candidate, raw: str) -> bool:
    """Is candidate ``c`` (``raw``: its text as written) possibly a name?"""
    if c.source in ("registry", "dateline"):
        return True  # the editor's word; the outlet's place in a dateline (الرياض - مباشر:) is the evidence
    if is_latin(raw):
        return latin_name(raw)
    if c.folded in TITLE_PHRASES or (len(c.folded) == 2 and c.folded[0] == RANK_CUE and title_stem(c.folded[1])):
        return False
    if len(c.folded) != 1:
        return True
    word = c.folded[0]
    if c.label == "MISC" and c.source != "registry":
        return False
    if word in ORDINALS or word in MONTHS or word == GOD or word in DEMONSTRATIVES or TANWEEN in raw or is_common(word) or word.endswith(DUAL_NISBA):
        return False
    if is_adverb(word) and word not in one_word_names() and word not in place_names():
        return False
    if word.endswith("ا") and title_stem(word[:-1]) is not None:
        return False  # «المولدي الجندوبي نائبا ثانيا»: a title in the accusative, «as deputy»
    if c.label == "LOC" and _adjective(word) and word not in one_word_names() and word not in place_names():
        return False  # «السعودي»، «الأفريقي»، «السوريات»: an adjective alone is no place (السعودية is)
    if c.label == "PER" and (_nationality(word) or word in NOT_NAMES):
        return False  # «فنزويلي»، «الكيني»؛ «شقيقه»: a nationality or a relation alone is no person
    if c.source not in ("model", "gazetteer", "quoted") and is_weak(word):
        return False  # propagation alone is no evidence for a word that news mostly uses as a word (quotes after «قناة» are)
    return True


def _nationality(word: str) -> bool:
    """A nationality adjective of a stem of four letters or more (فنزويلي، الإندونيسي; not آبي, whose stem
    آب the gazetteer's short city names also give)."""
    return len(core(word)) >= 5 and is_nationality(word)


def _adjective(word: str) -> bool:
    """A definite relational adjective other than the feminine singular (which names countries: السعودية):
    السعودي، السوريات، الفلسطينيين، الليبيون."""
    return word.startswith("ال") and len(word) >= 5 and (word.endswith(("يات", "يين", "يون")) or is_nisba(word) and not word.endswith("يه"))


def is_adverb(word: str) -> bool:
    """Folded ``word`` shaped like an adverb (or accusative adjective) of a common nisba: هاتفيا، سياسيا."""
    return len(word) >= 5 and word.endswith("يا") and name_rate(word[:-1]) is not None


def keep_names(cands: list[Candidate], text: str) -> list[Candidate]:
    return [c for c in cands if is_name(c, text[c.start : c.end])]
