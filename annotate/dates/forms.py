"""The words and word forms the date reader starts from, leads with and stops at (clitic forms spelled out)."""

from __future__ import annotations

from annotate.dates import lexicon as L
from annotate.dates.normalize import with_clitics
from annotate.dates.values import When

DECADE_WORDS: dict[str, int] = {
    article + stem + suffix: digit
    for stem, digit in L.DECADE_STEMS.items()
    for suffix in L.DECADE_SUFFIXES
    for article in ("", "ال")
}
STARTERS = frozenset(
    {*L.MONTHS, *L.TWO_WORD_MONTHS, *L.HIJRI_MONTHS, *L.TWO_WORD_HIJRI, *L.WEEKDAYS, *L.DEICTIC, *L.UNITS,
     *L.YEAR_WORDS, *L.MODIFIERS, *L.TIMES_OF_DAY, *L.SEASONS, *DECADE_WORDS,
     *L.ORDINAL_FIRST_WORDS, *L.SAME_DAY_BEFORE, "يوم", "شهر", "هذا", "هذه", "بعد", "قبل", "اول", "القرن", "عقد"}
)
# The words a date expression is built around; the rest (modifiers, يوم، هذا …) only lead into one of these.
CORE_WORDS = frozenset(
    {*L.MONTHS, *L.TWO_WORD_MONTHS, *L.HIJRI_MONTHS, *L.TWO_WORD_HIJRI, *L.WEEKDAYS, *L.DEICTIC, *L.UNITS,
     *L.YEAR_WORDS, *L.SEASONS, *DECADE_WORDS, *L.AGO, *L.AGO_PLURALS, "القرن"}
)
SIGNALS = frozenset({"بين", "من", "منذ"})  # before the first end of an interval; never inside the span
TO_WORDS = frozenset({"الي", "حتي", "لغاية"})  # من/منذ X إلى Y
# Lookup tables with the clitic forms spelled out (وحزيران → حزيران, 1).
_STARTER_FORMS = with_clitics(STARTERS)
SIGNAL_FORMS, TO_FORMS = with_clitics(SIGNALS), with_clitics(TO_WORDS)
CUE_FORMS, FUTURE_FORMS = with_clitics(L.CUES), with_clitics(L.FUTURE_CUES)
YEAR_NOUN_FORMS, MIN_FORMS = with_clitics(L.YEAR_NOUNS), with_clitics({"من"})
TIME_SUFFIXES = frozenset({"ص", "م", "صباحا", "مساء", "ظهرا", "AM", "PM", "am", "pm"})
UNTIL = frozenset({"حتي", "الي", "لغاية", "وحتي", "والي"})
NOT_TODAY = frozenset({"ذات", "ذلك", "ذاك", "نفس", "طوال", "طيلة"})  # ذات اليوم, طوال اليوم: not a date
FRIDAY_NAMES = frozenset({"صلاة", "صلاه", "خطبة", "خطبه", "خطيب", "مسجد", "جامع"})  # صلاة الجمعة

# (index after the expression, meaning, needs a cue word before it to count)
Read = tuple[int, When, bool]
