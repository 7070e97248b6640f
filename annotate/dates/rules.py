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
from annotate.dates.normalize import NUMBER, PUNCT, WORD, Tok, skip_letters
from annotate.dates.forms import (  # noqa: F401  (CORE_WORDS is read by annotate.dates)
    CORE_WORDS, CUE_FORMS, DECADE_WORDS, MIN_FORMS, SIGNAL_FORMS, STARTERS, TIME_SUFFIXES, TO_FORMS, TO_WORDS, YEAR_NOUN_FORMS,
    _STARTER_FORMS, Read,
)
from annotate.dates.values import Span, When
from annotate.dates.word_reads import WordReads



@dataclass(frozen=True, slots=True)
class Found:
    """A date expression: character offsets into the text and its meaning."""

    start: int
    end: int
    when: When | Span




class Reader(WordReads):
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
