"""Latin names for actors: the registry's English name where there is one, else a transliteration.

``latin_name(name, label)`` turns an Arabic name into Latin letters that a reader can search by and
recognise: ``رجب طيب أردوغان`` → ``Rajab Tayyib Ardughan``, ``معمر القذافي`` → ``Muammar al-Qadhafi``.
It is not a scholarly romanization. Common given names and name parts take their usual English form
(``محمد`` → Mohammed); other words are spelled letter by letter, with a short vowel guessed between two
consonants. Search does not need the guess to be right: it compares Latin words by their consonant
skeleton (``annotate.search.normalize.latin_key``: Erdogan, Ardughan → ``ardkn``; Gaddafi, Qaddafi,
Qadhafi → ``kdf``), so any common English spelling finds the actor.
"""

from __future__ import annotations

import re

from annotate.arabic import strip_marks

# Usual English forms of frequent name words (keys as written, without marks).
COMMON = {
    "محمد": "Mohammed", "أحمد": "Ahmed", "احمد": "Ahmed", "محمود": "Mahmoud", "مصطفى": "Mustafa", "علي": "Ali",
    "حسن": "Hassan", "حسين": "Hussein", "عمر": "Omar", "عثمان": "Othman", "إبراهيم": "Ibrahim", "ابراهيم": "Ibrahim",
    "يوسف": "Youssef", "خالد": "Khaled", "سعيد": "Saeed", "صالح": "Saleh", "خليفة": "Khalifa", "عبد": "Abd",
    "الله": "Allah", "عبدالله": "Abdullah", "الدين": "al-Din", "إسماعيل": "Ismail", "اسماعيل": "Ismail",
    "عيسى": "Issa", "موسى": "Moussa", "يونس": "Younes", "سليمان": "Suleiman", "فاطمة": "Fatima", "عائشة": "Aisha",
    "مريم": "Maryam", "نور": "Nour", "جمال": "Jamal", "كمال": "Kamal", "سيف": "Saif", "الإسلام": "al-Islam",
    "فلاديمير": "Vladimir", "سيرغي": "Sergei", "سيرجي": "Sergei", "ميخائيل": "Mikhail", "بوتين": "Putin",
    "أسد": "Assad", "الأسد": "al-Assad", "بشار": "Bashar", "معمر": "Muammar", "القذافي": "al-Qadhafi",
    "روسيا": "Russia", "ليبيا": "Libya", "مصر": "Egypt", "تركيا": "Turkey", "سوريا": "Syria", "تونس": "Tunisia",
}  # fmt: skip

CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k",
}  # fmt: skip
SEATS = {"أ": "a", "إ": "i", "آ": "a", "ٱ": "a"}  # alef forms: a vowel at the start, nothing after one
SILENT = "ءئؤ"  # hamza on its own or on a seat inside a word: not written in common English spellings
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")


def _units(word: str) -> list[tuple[str, bool]]:
    """The word as (Latin, is_vowel) units, before short vowels are guessed."""
    out: list[tuple[str, bool]] = []
    n = len(word)
    for i, ch in enumerate(word):
        before = out[-1] if out else None
        after = word[i + 1] if i + 1 < n else ""
        if ch in CONSONANTS:
            out.append((CONSONANTS[ch], False))
        elif ch in SEATS:
            if i == 0 or after == "":
                out.append((SEATS[ch], True))
            elif before and not before[1]:
                out.append(("a", True))
        elif ch == "ا":
            if not (before and before[1]):
                out.append(("a", True))
        elif ch == "ع":
            if after != "ا" and not (before and before[1]):
                out.append(("a", True))
        elif ch in "وي":
            consonant, vowel = ("w", "u") if ch == "و" else ("y", "i")
            if i == 0 or (after and after in "اى"):
                out.append((consonant, False))
            elif before and before[1]:
                if before[0].endswith(vowel):
                    continue  # إي, أو: one long vowel
                out.append((consonant, False) if before[0].endswith("a") else (vowel, True))
            else:
                out.append((vowel, True))
        elif ch in "ىة":
            out.append(("a", True))
        elif ch in SILENT:
            continue
    return out


def _fill(core: list[str]) -> str:
    """A consonant cluster with the short vowels Arabic leaves unwritten: CaC, CaCaC, CaCCaC."""
    out = []
    for i, c in enumerate(core):
        out.append(c)
        if i < len(core) - 1 and (i == 0 or i == len(core) - 2):
            out.append("a")
    return "".join(out)


def transliterate_word(word: str) -> str:
    """One Arabic word in Latin letters, lowercase (حفتر → haftar, فرنسا → faransa, بنغازي → banghazi):
    in each run of consonants, the first closes the syllable before when a vowel precedes, the last opens
    the syllable after when a vowel follows, and the rest get a short "a" as ``_fill`` says."""
    units = _units(word)
    out, i = [], 0
    while i < len(units):
        if units[i][1]:
            out.append(units[i][0])
            i += 1
            continue
        j = i
        while j < len(units) and not units[j][1]:
            j += 1
        run = [u[0] for u in units[i:j]]
        coda = [run.pop(0)] if i > 0 and run else []
        onset = [run.pop()] if j < len(units) and run else []
        link = "a" if len(run) == 1 and onset and not coda else ""  # no word starts with two consonants
        out.append("".join(coda) + _fill(run) + link + "".join(onset))
        i = j
    return "".join(out)


def _word(word: str) -> str:
    bare = strip_marks(word)
    if bare in COMMON:
        return COMMON[bare]
    if bare.startswith("ال") and len(bare) > 3:
        rest = bare[2:]
        return "al-" + (COMMON.get(rest) or transliterate_word(rest).capitalize())
    if bare.startswith("عبد") and len(bare) > 4 and bare[3:5] == "ال":  # عبدالرحمن
        return "Abdel" + _word(bare[5:]).lower()
    return transliterate_word(bare).capitalize() or word


def latin_name(name: str, label: str = "PER", name_en: str | None = None) -> str:
    """The actor's Latin name: ``name_en`` when the registry gives one, the name itself when it is already
    Latin, else a transliteration of each Arabic word (other characters, digits included, kept)."""
    if name_en:
        return name_en
    words = _ARABIC_WORD.sub(lambda m: _word(m.group()), name)
    if words.startswith("al-"):
        words = "Al-" + words[3:]
    return re.sub(r"\s+", " ", words).strip()
