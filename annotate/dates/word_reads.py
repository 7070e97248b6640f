"""The date reader's word-led forms: weekdays, deictics (أمس، اليوم), months led by a word, ordinal days,
«قبل شهرين», periods, decades and centuries. ``rules.Reader`` mixes them in; they read the same tokens
with its helpers (``word``, ``bare``, ``number``, ``adjacent`` …)."""

from __future__ import annotations

from dataclasses import replace

from annotate.dates import lexicon as L
from annotate.dates.forms import (
    DECADE_WORDS, FRIDAY_NAMES, FUTURE_FORMS, NOT_TODAY, STARTERS, UNTIL, Read,
)
from annotate.dates.normalize import NUMBER, PUNCT
from annotate.dates.values import When


class WordReads:
    """Methods of ``rules.Reader`` for expressions led by a word rather than a number."""

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
