"""Finding date expressions: a small reader over the tokens of the matching copy.

At each token that can begin a date (a number, or a word of the lexicon, possibly behind a clitic) the
reader tries the forms below, longest first, and returns what the expression *means* (a ``When``);
``values.py`` turns that into a value. Words that are dates only in context (a lone year, مارس) need
a cue before them; quantities (1200 عنصر), resolution numbers (القرار 2254) and numbers glued to a
name (عربي21) never have one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from annotate.dates import lexicon as L
from annotate.dates.normalize import NUMBER, PUNCT, WORD, Tok, skip_letters, with_clitics
from annotate.dates.values import Span, When

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


@dataclass(frozen=True, slots=True)
class Found:
    """A date expression: character offsets into the text and its meaning."""

    start: int
    end: int
    when: When | Span


# (index after the expression, meaning, needs a cue word before it to count)
Read = tuple[int, When, bool]


class Reader:
    """Reads the date expressions of one run of tokens. One instance per call: no state survives it."""

    def __init__(self, copy: str, toks: list[Tok]):
        self.copy, self.toks, self.n = copy, toks, len(toks)

    # -- token access -------------------------------------------------------------------------------
    def word(self, i: int) -> str:
        return self.toks[i].word if 0 <= i < self.n and self.toks[i].kind == WORD else ""

    def bare(self, i: int) -> str:
        """The word without a prefix clitic, when that makes it a date word (وحزيران → حزيران)."""
        return self._split(i)[0]

    def _split(self, i: int) -> tuple[str, int]:
        if not 0 <= i < self.n or self.toks[i].kind != WORD:
            return "", 0
        return _STARTER_FORMS.get(self.toks[i].word, ("", 0))

    def cue(self, i: int, forms: dict[str, tuple[str, int]]) -> str:
        """The word at ``i`` if it is in ``forms`` (one of the *_FORMS tables), with or without a clitic; else ''."""
        return forms.get(self.word(i), ("", 0))[0]

    def punct(self, i: int) -> str:
        return self.toks[i].word if 0 <= i < self.n and self.toks[i].kind == PUNCT else ""

    def number(self, i: int, digits: tuple[int, int] = (1, 4)) -> int | None:
        """A plain whole number at ``i`` (no separators, not glued to a name), of that many digits."""
        if not 0 <= i < self.n:
            return None
        tok = self.toks[i]
        if tok.kind != NUMBER or tok.glued or not tok.word.isdigit():
            return None
        return int(tok.word) if digits[0] <= len(tok.word) <= digits[1] else None

    def adjacent(self, i: int, j: int) -> bool:
        return 0 <= i < j < self.n and self.toks[i].end == self.toks[j].start

    # -- the top level ----------------------------------------------------------------------------
    def read_all(self) -> list[Found]:
        found, i, toks, starters = [], 0, self.toks, _STARTER_FORMS
        while i < self.n:
            tok = toks[i]
            hit = self.read(i) if tok.kind == NUMBER or (tok.kind == WORD and tok.word in starters) else None
            if hit is None:
                i += 1
            else:
                found.append(hit[0])
                i = hit[1]
        return found

    def read(self, i: int) -> tuple[Found, int] | None:
        """The date expression that begins at token ``i``, and the index after it."""
        tok = self.toks[i]
        if tok.kind == NUMBER:
            got = self.numeric_date(i) or self.full_date(i) or self.lone_year(i) or self.day_range(i)
        elif tok.kind == WORD and self.bare(i) in STARTERS:
            got = self.word_led(i)
        else:
            return None
        if got is None:
            return None
        j, when, needs_cue = got
        if isinstance(when, When):
            span = self.interval(i, j, when)
            if span is not None:
                j, when, needs_cue = span[0], span[1], False
        if needs_cue:
            return None
        if isinstance(when, When) and self.future_before(i) and (
            when.kind == "weekday" or (when.kind == "date" and when.year is None and when.rel is None)):
            when = replace(when, future=True)  # سيزور … الأحد، ستفتتح السد في سبتمبر
        clitic = self._split(i)[1]
        start = skip_letters(self.copy, tok.start, clitic) if clitic else tok.start
        if tok.kind == NUMBER and self.word(i - 1) == "ال" and self.adjacent(i - 1, i):
            start = self.toks[i - 1].start  # الـ25 من يناير
        return Found(start, self.toks[j - 1].end, when), j

    # -- number-led forms -------------------------------------------------------------------------
    def numeric_date(self, i: int) -> Read | None:
        """15.04.2024, 15/04/2024, 15-4-2024, 2024-04-15 (day first, as Arabic writes it)."""
        word = self.toks[i].word
        if self.toks[i].glued:
            return None
        if word.count(".") == 2:
            parts = word.split(".")
            j = i + 1
        elif (self.punct(i + 1) in ("/", "-") and self.punct(i + 3) == self.punct(i + 1)
              and all(self.adjacent(k, k + 1) for k in range(i, i + 4))
              and self.number(i + 2) is not None and self.number(i + 4) is not None):
            parts = [word, self.toks[i + 2].word, self.toks[i + 4].word]
            j = i + 5
        else:
            return None
        if len(parts[0]) == 4:
            parts.reverse()
        if len(parts[2]) != 4 or not all(p.isdigit() for p in parts) or len(parts[0]) > 2 or len(parts[1]) > 2:
            return None
        day, month, year = (int(p) for p in parts)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return self.time_after(j), When("date", year, month, day), False

    def day_number(self, i: int) -> int | None:
        day = self.number(i, (1, 2))
        return day if day is not None and 1 <= day <= 31 else None

    def full_date(self, i: int) -> Read | None:
        """A day number and a month: 29-سبتمبر-2023, 17 أيلول/سبتمبر الماضي, 1 شوال 1445 هـ, 8 من الشهر الجاري."""
        day = self.day_number(i)
        if day is None:
            return None
        return self.day_and_month(i + 1, day)

    def day_and_month(self, k: int, day: int) -> Read | None:
        """What follows a day number or an ordinal day: the month, the year, a marker, a clock time."""
        i = k - 1
        if self.punct(k) in ("-", "/") and self.adjacent(i, k):
            k += 1
        elif self.word(k) == "من" and (self.one_month(k + 1) or self.hijri_month(k + 1)):
            k += 1  # 25 من يناير
        month = self.month(k)
        if month is not None:
            j, number, _, _ = month
            year, j = self.year_after(j)
            rel, j = self.marker(j)
            return self.time_after(j), When("date", year, number, day, rel=None if year else rel), False
        hijri = self.hijri_month(k)
        if hijri is not None:
            j, number = hijri
            year = self.year(j)
            if year is not None:
                return year[0], When("hijri", year[1], number, day), False
        if self.word(i + 1) == "من" and self.bare(i + 2) == "الشهر":
            rel, j = self.marker(i + 3)
            if rel is not None:
                return j, When("unit", unit="month", offset=rel, day=day), False
        return None

    def year(self, i: int, digits: tuple[int, int] = (4, 4)) -> tuple[int, int, bool | None] | None:
        """A year and its era if written (م or هـ): (index after, year, is Hijri or None)."""
        year = self.number(i, digits)
        if year is None:
            return None
        era = self.word(i + 1)
        if era in L.HIJRI_ERA:
            return i + 2, year, True
        if era in L.GREGORIAN_ERA:
            return i + 2, year, False
        return i + 1, year, None

    def year_after(self, j: int) -> tuple[int | None, int]:
        """The year after a month, if any (أبريل 2024, سبتمبر-2023, أبريل، 2024)."""
        k = j + 1 if self.punct(j) in ("-", "/", ",", "،") else j
        year = self.year(k)
        return (year[1], year[0]) if year else (None, j)

    def time_after(self, j: int) -> int:
        """Step over a clock time after a date (16 أبريل 2024, 10:12:02 ص)."""
        k = j + 1 if self.punct(j) in (",", "،", "-") else j
        if self.word(k) == "الساعة":
            k += 1
        if 0 <= k < self.n and self.toks[k].kind == NUMBER and ":" in self.toks[k].word:
            k += 1
            if self.word(k) in TIME_SUFFIXES or (k < self.n and self.toks[k].word in TIME_SUFFIXES):
                k += 1
            return k
        return j

    def marker(self, j: int) -> tuple[int | None, int]:
        rel = L.MARKERS.get(self.word(j))
        return (rel, j + 1) if rel is not None else (None, j)

    def lone_year(self, i: int, in_interval: bool = False) -> Read | None:
        """2017 after a cue word (في، منذ، حتى …), or with its era (2020م، 1441هـ); never a quantity."""
        year = self.year(i)
        if year is None:
            return None
        j, number, hijri = year
        if hijri:
            return j, When("hijri", number), False
        if hijri is False:
            return j, When("date", number), False
        if not 1800 <= number <= 2100 or self.word(j) in L.QUANTITY_NOUNS or self.punct(j) == "%":
            return None
        return j, When("date", number), not (in_interval or self.cued(i))

    def cued(self, i: int) -> bool:
        """Is the token before ``i`` a word that introduces a date (في، منذ، خلال، مطلع …), or و after
        a year (في 2019 و2020)?"""
        if self.word(i - 1) == "و" and i >= 2 and self.toks[i - 2].kind == NUMBER:
            year = self.number(i - 2, (4, 4))  # the year before must be a date itself (not نوع 1900 و1949)
            return year is not None and 1800 <= year <= 2100 and (self.cued(i - 2) or self.bare(i - 3) in L.YEAR_WORDS)
        if self.cue(i - 1, MIN_FORMS):  # من 2019 عندما …, but not أكثر من 2000
            return self.word(i - 2) not in L.QUANTITY_BEFORE_MIN
        return bool(self.cue(i - 1, CUE_FORMS) or self.cue(i - 1, YEAR_NOUN_FORMS))

    def day_range(self, i: int) -> Read | None:
        """A bare day number that opens an interval: 5-8 أبريل 2024, من 5 إلى 8 أبريل, بين 5 و8 أبريل."""
        day = self.day_number(i)
        if day is None:
            return None
        k = i + 1
        signal = self.signal(i)
        if self.punct(k) == "-" or (signal in ("من", "منذ") and self.word(k) in TO_WORDS) or (
            signal == "بين" and self.word(k) == "و"):
            last = self.full_date(k + 1)
            if last is not None and last[1].kind == "date" and last[1].day is not None:
                return last[0], Span(When("date", day=day), last[1]), False  # type: ignore[return-value]
        return None

    # -- intervals --------------------------------------------------------------------------------
    def signal(self, i: int) -> str:
        return self.cue(i - 1, SIGNAL_FORMS)

    def interval(self, i: int, j: int, first: When) -> tuple[int, Span] | None:
        """``first`` (tokens i..j) followed by a second end: 2019- 2020, من 2011 إلى 2014, بين X وY."""
        if first.kind not in ("date", "hijri") or first.rel is not None:
            return None
        signal = self.signal(i)
        k = j
        last: Read | None = None
        if self.punct(k) in ("-", "/"):
            last = self.absolute(k + 1)
            if last and self.punct(k) == "/" and not (first.month is None and last[1].month is None):
                last = None  # a slash joins years only (2019/2020); month pairs were read already
        else:
            if self.punct(k) in (",", "،"):
                k += 1
            if self.cue(k, TO_FORMS) and signal in ("من", "منذ", "بين"):  # ما بين 1993 الى 1997
                last = self.absolute(k + 1)
            elif signal == "بين" and self.word(k) == "و":
                last = self.absolute(k + 1)
            elif signal == "بين" and self.word(k).startswith("و") and self.toks[k].kind == WORD:
                last = self.absolute(k)
        if last is None or last[1].kind != first.kind:
            return None
        if first.month is None and last[1].month is None and first.year and last[1].year:
            if not first.year < last[1].year <= first.year + 100:
                return None
        return last[0], Span(first, last[1])

    def absolute(self, i: int) -> Read | None:
        """The second end of an interval: a date, a month or a year, never a relative expression."""
        if not 0 <= i < self.n:
            return None
        tok = self.toks[i]
        if tok.kind == NUMBER:
            got = self.numeric_date(i) or self.full_date(i) or self.lone_year(i, in_interval=True)
        elif tok.kind == WORD:
            got = self.word_led(i)
        else:
            return None
        if got is None or got[1].kind not in ("date", "hijri"):
            return None
        return got[0], got[1], False

    # -- word-led forms ---------------------------------------------------------------------------
    def word_led(self, i: int) -> Read | None:
        b = self.bare(i)
        nxt = self.word(i + 1)
        if b == "منتصف" and nxt in ("ليل", "ليلة"):
            return self.day_like(i + 2)
        if b in L.TIMES_OF_DAY:
            return self.day_like(i + 1)
        if b in L.MODIFIERS:
            return self.period(i + 1)
        if b == "يوم":
            return self.day_like(i + 1, after_yawm=True) or self.full_date(i + 1)
        if b == "شهر":
            return self.month_led(i + 1, cued=True) or self.hijri_month_led(i + 1)
        if b in ("هذا", "هذه"):
            unit = L.UNITS.get(nxt)
            return (i + 2, When("unit", unit=unit, offset=0), False) if unit else None
        if b == "بعد":
            return (i + 2, When("deictic", offset=2), False) if nxt == "غد" else None
        if b in L.SAME_DAY_BEFORE:  # نفس اليوم، ذات اليوم
            return (i + 2, When("same_day"), False) if nxt == "اليوم" else None
        if b == "اول":
            if nxt == "امس":
                return i + 2, When("deictic", offset=-2), False
            if nxt == "من" and self.word(i + 2) == "امس":
                return i + 3, When("deictic", offset=-2), False
            return None
        if b in L.YEAR_WORDS:
            return self.year_word(i)
        if b in L.UNITS:
            rel, j = self.marker(i + 1)
            return (j, When("unit", unit=L.UNITS[b], offset=rel), False) if rel is not None else None
        if b in L.WEEKDAYS or b in L.DEICTIC:
            return self.day_like(i)
        if b in L.TWO_WORD_HIJRI or b in L.HIJRI_MONTHS:
            got = self.hijri_month_led(i)
            if got or b not in L.SEASONS:
                return got
        if b in L.MONTHS or b in L.TWO_WORD_MONTHS:
            return self.month_led(i, cued=self.cued(i))
        if b in DECADE_WORDS or b == "عقد":
            return self.decade(i + 1 if b == "عقد" else i)
        if b == "القرن":
            return self.century(i + 1)
        if b in L.SEASONS:
            year = self.year(i + 1)
            if year is not None:
                return year[0], When("season", year[1], season=L.SEASONS[b]), False
            rel = self.year_word(i + 1) if self.bare(i + 1) in L.UNITS else None  # صيف العام الماضي
            if rel is not None and rel[1].unit == "year":
                return rel[0], When("season", offset=rel[1].offset, season=L.SEASONS[b], unit="year"), False
            return None
        if b in L.ORDINAL_FIRST_WORDS:
            return self.ordinal_day(i)
        if b == "قبل":
            return self.ago(i)
        return None

    def ordinal_day(self, i: int) -> Read | None:
        """الرابع من تموز/يوليو 2019، الحادي والعشرين من أيار: an ordinal counts only before من + a month."""
        one, two = self.bare(i), f"{self.bare(i)} {self.word(i + 1)}"
        day, k = (L.ORDINAL_DAYS[two], i + 2) if two in L.ORDINAL_DAYS else (L.ORDINAL_DAYS.get(one), i + 1)
        if day is None or self.word(k) != "من" or not (self.one_month(k + 1) or self.hijri_month(k + 1)):
            return None
        return self.day_and_month(k, day)

    def ago(self, i: int) -> Read | None:
        """قبل يومين، قبل أسبوع، قبل عامين: counted back from the reference; not قبل يومين من الانتخابات."""
        unit, j = L.AGO.get(self.word(i + 1)), i + 2
        if unit is None:  # قبل ثلاثة أيام، قبل 10 سنوات
            count = L.COUNT_WORDS.get(self.word(i + 1)) or self.number(i + 1, (1, 2))
            plural = L.AGO_PLURALS.get(self.word(i + 2))
            unit, j = ((plural, count), i + 3) if count and plural else (None, j)
        if unit is not None and self.word(j) in ("واحد", "واحدة", "تماما", "تقريبا"):
            j += 1  # قبل يوم واحد، قبل شهر تماما
        if unit is None or self.word(j) in ("من", "علي", "فقط") or self.word(i - 1) in ("ما", "من"):
            return None  # قبل يوم واحد من طرحه: before something, not before today
        return j, When("ago", unit=unit[0], offset=-unit[1]), False

    def year_word(self, i: int) -> Read | None:
        """عام 2019، العام 1943م، سنة 1420 هـ; العام الماضي when a marker follows."""
        year = self.year(i + 1, (3, 4))
        if year is not None:
            j, number, hijri = year
            return j, When("hijri" if hijri else "date", number), False
        unit = L.UNITS.get(self.bare(i))
        rel, j = self.marker(i + 1)
        if unit and rel is not None:
            return j, When("unit", unit=unit, offset=rel), False
        return None

    def period(self, i: int) -> Read | None:
        """What a modifier (مطلع، أواخر، منتصف …) narrows: a month, a year, a unit, a decade."""
        if 0 <= i < self.n and self.toks[i].kind == NUMBER:
            got = self.full_date(i) or self.lone_year(i, in_interval=True)
        elif self.bare(i) in STARTERS and self.bare(i) not in L.MODIFIERS:
            got = self.word_led(i)  # a month here is cued by the modifier
        else:
            return None
        return got

    def day_like(self, i: int, after_yawm: bool = False) -> Read | None:
        b = self.bare(i)
        if b in L.WEEKDAYS:
            return self.weekday(i)
        if b in L.DEICTIC and (b != "غد" or after_yawm):
            return self.deictic(i)
        return None

    def weekday(self, i: int) -> Read | None:
        """الثلاثاء، الثلاثاء الماضي، الإثنين 15 أبريل/نيسان 2024, not الأحد عشر nor صلاة الجمعة."""
        day = L.WEEKDAYS[self.bare(i)]
        before, after = self.word(i - 1), self.word(i + 1)
        if after in ("عشر", "عشرة"):
            return None
        if day == 0 and (before in ("بين", "كلا") or after in ("معا", "منهما")):
            return None  # الاثنين "the two"
        if day == 4 and before in FRIDAY_NAMES:
            return None
        rel, j = self.marker(i + 1)
        k = j + 1 if self.punct(j) in (",", "،") else j
        if self.word(k) == "الموافق":
            k += 1
        if 0 <= k < self.n and self.toks[k].kind == NUMBER:
            dated = self.numeric_date(k) or self.full_date(k)
            if dated is not None:  # the day name picks the year when none is written (الأحد 10 مارس)
                return dated[0], replace(dated[1], weekday=day), False
            number = self.day_number(k)
            if number is not None and self.word(k + 1) not in L.QUANTITY_NOUNS:  # الأربعاء 26 ن… (cut): a date
                return k + 1, When("date", day=number, weekday=day), False  # without its month: unresolved
        return j, When("weekday", weekday=day, rel=rel), False

    def deictic(self, i: int) -> Read | None:
        """أمس، أمس الخميس، أمس الأول، اليوم، غداً الجمعة."""
        b = self.bare(i)
        offset, j = L.DEICTIC[b], i + 1
        if b == "اليوم":
            if self.word(i - 1) in NOT_TODAY:
                return None
            if self.word(i - 1) in UNTIL and self.word(j) not in L.WEEKDAYS:
                return None  # حتى اليوم، إلى اليوم: "to this day", not a day
            after = self.word(j)
            if after.startswith("ال") and after not in L.WEEKDAYS and after not in L.DEICTIC:
                return None  # اليوم الأول، اليوم العالمي
        if b == "اليوم" and self.word(j) in L.SAME_DAY_AFTER:
            return j + 1, When("same_day"), False  # صباح اليوم نفسه
        if b == "امس" and self.word(j) == "الاول":
            offset, j = -2, j + 1
        if self.word(j) in L.WEEKDAYS:
            dated = self.weekday(j)  # اليوم الإثنين 13 شتنبر الجاري، أمس الأحد 30 نوفمبر: the date says it
            if dated is not None and dated[1].kind == "date":
                return dated
            j += 1
        return j, When("deictic", offset=offset), False

    # -- months -----------------------------------------------------------------------------------
    def one_month(self, i: int) -> tuple[int, int, str] | None:
        """(index after, month, its word) for one month name (كانون الثاني is one name)."""
        b = self.bare(i)
        if b in L.MONTHS:
            return i + 1, L.MONTHS[b], b
        second = L.TWO_WORD_MONTHS.get(b)
        if second and self.word(i + 1) in second:
            return i + 2, second[self.word(i + 1)], b
        return None

    def month(self, i: int) -> tuple[int, int, bool, str] | None:
        """A month or a pair naming it twice: أيلول/سبتمبر، كانون الثاني/ يناير، شباط (فبراير)."""
        one = self.one_month(i)
        if one is None:
            return None
        j, number, word = one
        sep = self.punct(j)
        if sep in ("/", "-", "("):
            other = self.one_month(j + 1)
            if other is None and number in L.TWO_WORD_MONTHS.get(self.bare(j + 1), {}).values():
                other = (j + 2, number, self.bare(j + 1))  # يناير/ كانون: the second word dropped
            if other is not None and other[1] == number:
                if sep != "(":
                    return other[0], number, True, word
                if self.punct(other[0]) == ")":
                    return other[0] + 1, number, True, word
        return j, number, False, word

    def month_led(self, i: int, cued: bool) -> Read | None:
        """A month (or pair) with an optional year and marker: نيسان/أبريل 2019، تشرين الأول/أكتوبر القادم."""
        month = self.month(i)
        if month is None:
            return None
        j, number, paired, word = month
        year, j = self.year_after(j)
        rel, j = self.marker(j)
        if rel is not None and not paired and self.punct(j) == "/":  # تشرين الأول الماضي/ أكتوبر
            other = self.one_month(j + 1)
            if other is not None and other[1] == number:
                j, paired = other[0], True
        weak = word in L.WEAK_MONTHS and not (paired or year or rel is not None or cued)
        return j, When("date", year, number, rel=None if year else rel), weak

    def hijri_month(self, i: int) -> tuple[int, int] | None:
        b = self.bare(i)
        if b in L.HIJRI_MONTHS:
            return i + 1, L.HIJRI_MONTHS[b]
        second = L.TWO_WORD_HIJRI.get(b)
        if second and self.word(i + 1) in second:
            return i + 2, second[self.word(i + 1)]
        return None

    def hijri_month_led(self, i: int) -> Read | None:
        """رمضان 1445 هـ: a Hijri month counts only with its year (رجب is also a name)."""
        month = self.hijri_month(i)
        if month is None:
            return None
        year = self.year(month[0], (3, 4))
        if year is not None and year[2] is None and year[1] > 1600:  # رمضان 2025: a Gregorian year
            return year[0], When("date", year[1]), False
        if year is not None:
            return year[0], When("hijri", year[1], month[1]), False
        rel, j = self.marker(month[0])  # رمضان الماضي: resolved against the reference
        return (j, When("hijri", None, month[1], rel=rel), False) if rel is not None else None

    # -- decades and centuries --------------------------------------------------------------------
    def decade(self, i: int) -> Read | None:
        """سبعينيات القرن الماضي → 197X; a decade with no century is in the 20th (الثمانينيات → 198X)."""
        digit = DECADE_WORDS.get(self.bare(i))
        if digit is None:
            return None
        k = i + 2 if self.word(i + 1) == "من" else i + 1  # التسعينيات من القرن الماضي
        if self.word(k) == "القرن":
            century = self.century(k + 1)
            if century is not None:
                j, when, _ = century
                return j, replace(when, kind="decade", decade=digit), False
        return i + 1, When("decade", decade=digit, century=20), False

    def century(self, i: int) -> Read | None:
        """القرن الماضي، القرن العشرين، القرن التاسع عشر، القرن الحادي والعشرين."""
        one, two = self.word(i), f"{self.word(i)} {self.word(i + 1)}"
        if two in L.CENTURIES:
            return i + 2, When("century", century=L.CENTURIES[two]), False
        if one in L.CENTURIES:
            return i + 1, When("century", century=L.CENTURIES[one]), False
        if one in L.CENTURY_RELATIVE:
            return i + 1, When("century", offset=L.CENTURY_RELATIVE[one]), False
        return None

    def future_before(self, i: int, reach: int = 6) -> bool:
        """A future verb earlier in the clause (يبدأ وقف إطلاق النار منتصف ليل الأحد، اعتبارا من السبت)."""
        for k in range(i - 1, max(-1, i - 1 - reach), -1):
            if self.toks[k].kind == PUNCT:
                return False
            if self.cue(k, FUTURE_FORMS):
                return True
        return False
