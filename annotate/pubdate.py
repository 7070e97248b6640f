"""The publication date of a scraped page, found in what real pages carry, and where it came from.

Without it every relative date of the article (أمس، اليوم الأربعاء، الشهر الماضي) is lost, and real pages
seldom have front matter. Candidates, best first (``date_source``):

* ``header line``: a crawl/export header, `` date 2025-12-06 https://…`` (sometimes only a month);
* ``stamp``: the page's own stamp near the top: ``تاريخ النشر: 6th, April 2025 GMT``, ``نشر بتاريخ: ٢٥
  تشرين الأول ٢٠٢٥``, ``آخر تحديث: …`` (used only without a publication stamp), a line that is only a
  date (``٦ أبريل ٢٠٢٥``, ``27-09-2025 | 02:08``), a header line ending in a date and a clock time;
* ``dateline``: a byline or dateline, ``كتب: بسام رمضان الإثنين 04-01-2021 20:26``,
  ``بوابة أوكرانيا – كييف–25 سبتمبر 2022- قال …``;
* ``inferred``: what the prose ties to the day of writing: ``اليوم الأربعاء 11 أوت 2021`` (the first
  such), else the latest date of an embedded post (``— Reuters (@Reuters) September 3, 2025``), else a
  day name said of today or yesterday right after a dated day name (``منذ يوم الجمعة 9 افريل 2021 …
  يوم امس السبت`` → 11 April). An inferred date that contradicts a day name the text gives today
  (``اليوم الثلاثاء``) is dropped.

Front matter (decided in ingest) and the editor's ``dates.yml`` (``apply_editor_dates``) win over all.
A date quoted inside the story (``في 19 نوفمبر 2015``) is never a candidate; where nothing is certain
the date stays empty and ``why`` says so for the build report: a wrong date is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from annotate.dates import find_dates
from annotate.dates.lexicon import WEEKDAYS
from annotate.dates.normalize import matching_copy
from annotate.models import DateMention

TOP_LINES = 15  # the page's own stamps sit above the story: only these lines are read for them
HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])", re.IGNORECASE)
LABEL = re.compile(
    r"(?P<label>تاريخ\s+النشر|تاريخ\s+الإضافة|تاريخ\s+الاضافة|نشر\s+بتاريخ|نُشر\s+بتاريخ|نشر\s+في|نُشر\s+في|تم\s+النشر"
    r"|آخر\s+تحديث|اخر\s+تحديث|تاريخ\s+التحديث|تم\s+التحديث|published|updated|last\s+updated)\s*[:：]?",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير)\s*[:：]")
CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|صباحا|صباحاً|مساء|مساءً|AM|PM|am|pm)?")
# What may stand around a date on a stamp line: bullets, bars, commas, a clock, a time zone.
STAMP_REST = re.compile(r"^(?:[\s\-–—|,،.•·*:()]|GMT|UTC|بتوقيت\s+\S+|توقيت\s+\S+|" + CLOCK.pattern + ")*$")
# A dateline opening a paragraph: up to six words (outlet, city) and dashes, then the date, then a dash.
DATELINE_HEAD = re.compile(r"^[^\n.!?؟]{0,60}[-–—ـ،,]\s*$")  # بيروت ـ، دمشق، القاهرة - (أ ش أ) -
DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—ـ:]")  # - قال، (سانا)- قال
POST_SIGNATURE = re.compile(r"[—–-]\s*[^\n—]{1,80}\(@\w+\)\s*$")
DEICTIC_TODAY = {"اليوم": 0, "امس": -1, "الامس": -1, "غدا": 1}
QUOTING = frozenset({"في", "يوم", "منذ", "بتاريخ", "حتى", "قبل", "بعد", "من", "إلى", "الى"})  # في 12 مارس 2024: a story's date
RELATED = re.compile(r"^(?:إقرأ|اقرأ)\s+(?:أيضا|أيضاً|ايضا|المزيد)|^كلمات\s+دلالية|^مواضيع\s+ذات\s+صلة")


@dataclass(frozen=True)
class PublicationDate:
    """The chosen date (ISO ``YYYY-MM-DD``, or ``YYYY-MM`` from a month-only header), where it came from,
    its span in the text, and why (what decided it, or why it was left empty)."""

    value: str | None
    source: str | None
    span: tuple[int, int] | None
    why: str


@dataclass(frozen=True)
class _Candidate:
    value: str
    source: str
    start: int
    end: int
    rank: int  # lower is better among candidates of one tier
    note: str


def find_publication_date(text: str, title_at: int | None = None) -> PublicationDate:
    """The publication date of ``text``; ``title_at`` is where the headline line starts, if known."""
    lines = _lines(text)
    top = _top_lines(lines)
    stamps = _header(text, lines) + _stamps(text, top, title_at)
    if stamps:
        best = min(stamps, key=lambda c: (c.rank, c.start))
        return PublicationDate(best.value, best.source, (best.start, best.end), best.note)
    inferred, why_not = _inferred(text)
    if inferred is not None:
        return PublicationDate(inferred.value, inferred.source, (inferred.start, inferred.end), inferred.note)
    return PublicationDate(None, None, None, why_not)


def is_date_stamp(line: str) -> bool:
    """Is this line only a date stamp (furniture, not prose): ``29-سبتمبر-2023``, ``- 16 أبريل 2024, 10:12:02 ص``,
    ``27-09-2025 | 02:08``, ``الجمعة، 29 أغسطس 2025``, ``تاريخ النشر: 6th, April 2025 GMT``?"""
    if HEADER.match(line) and len(line.split()) <= 4:
        return True
    label = LABEL.match(line.strip())
    body = line.strip()[label.end() :] if label else line
    return _stamp_value(body) is not None


# --- tier 1 and 2: the page's own stamps -------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


def _top_lines(lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return lines[:TOP_LINES]


def _header(text: str, lines: list[tuple[int, int]]) -> list[_Candidate]:
    for start, end in lines[:3]:
        match = HEADER.match(text, start, end)
        if match and _valid(match.group(1)):
            return [_Candidate(match.group(1), "header line", match.start(1), match.end(1), 0, f"crawl header line {match.group(0).strip()!r}")]
    return []


def _stamps(text: str, top: list[tuple[int, int]], title_at: int | None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for index, (start, end) in enumerate(top):
        line = text[start:end]
        if RELATED.match(line.strip()):
            break  # related headlines follow: their dates are theirs
        label = LABEL.search(line)
        if label:
            found = _first_day(text, start + label.end(), end)
            if found:
                updated = "حديث" in label.group("label") or "updated" in label.group("label").lower()
                out.append(_Candidate(found.value, "stamp", found.start, found.end, 2 if updated else 1, f"{'update' if updated else 'publication'} stamp {line.strip()!r}"))
            continue
        if BYLINE.match(line):
            found = _first_day(text, start, end)
            if found:
                out.append(_Candidate(found.value, "dateline", found.start, found.end, 1, f"byline {line.strip()!r}"))
            continue
        value = _stamp_value(line)
        if value is not None:
            after_title = title_at is not None and start > title_at
            timed = CLOCK.search(line) is not None or _next_is_clock(text, top, index)
            rank = 3 if after_title else 4 if timed else 5
            out.append(_Candidate(value, "stamp", start + len(line) - len(line.lstrip()), end, rank, f"date line {line.strip()!r}"))
            continue
        stamp = _trailing_stamp(text, start, end) if index < 5 else None
        if stamp is not None:
            out.append(stamp)
            continue
        dateline = _dateline(text, start, end)
        if dateline is not None:
            out.append(dateline)
    return out


def _stamp_value(line: str) -> str | None:
    """The day of a line that is only a date (plus a day name, a clock, bullets, a time zone)."""
    body = line.strip()
    if not body or len(body) > 80:
        return None
    mentions = [m for m in find_dates(body) if m.value is not None or m.known]
    days = [m for m in mentions if m.value and len(m.value) == 10]
    if len(days) != 1:
        return None
    rest = "".join(body[i] for i in range(len(body)) if not any(m.start <= i < m.end for m in mentions))
    return days[0].value if STAMP_REST.match(rest) else None


def _next_is_clock(text: str, top: list[tuple[int, int]], index: int) -> bool:
    """``الجمعة، 29 أغسطس 2025`` with ``08:05 ص`` on the next line."""
    if index + 1 >= len(top):
        return False
    start, end = top[index + 1]
    return CLOCK.fullmatch(text[start:end].strip()) is not None


def _trailing_stamp(text: str, start: int, end: int) -> _Candidate | None:
    """A header line that ends in a date and a clock time, ``… - إقرأ نيوز الأن, اليوم السبت 26 أبريل 2025 08:10 مساءً``,
    or an outlet's name and its stamp, ``Lebanon 24 27-09-2025 | 02:08``."""
    days = [m for m in find_dates(text, None, [(start, end)]) if m.value and len(m.value) == 10]
    if not days:
        return None
    last = days[-1]
    after, head = text[last.end : end], text[start : last.start].split()
    if not STAMP_REST.match(after) or POST_SIGNATURE.search(text, start, last.start):
        return None  # an embedded post's date is the post's (see _from_posts)
    timed = CLOCK.search(last.text) or CLOCK.search(after)
    outlet = len(head) <= 3 and not (head and head[-1] in QUOTING)
    if not (timed or outlet):
        return None
    return _Candidate(last.value, "stamp", last.start, last.end, 4, f"stamp at the end of {text[start:end].strip()[:60]!r}")


def _dateline(text: str, start: int, end: int) -> _Candidate | None:
    """``بوابة أوكرانيا – كييف–25 سبتمبر 2022- قال …``, ``دمشق، 6 ديسمبر 2025 (سانا)- قال``: outlet or city,
    a dash or comma, a full date, (an agency,) a dash."""
    for mention in find_dates(text, None, [(start, min(end, start + 120))]):
        if not (mention.value and len(mention.value) == 10):
            continue
        head = text[start : mention.start]
        if DATELINE_HEAD.match(head) and len(head.split()) <= 7 and DATELINE_TAIL.match(text, mention.end):
            return _Candidate(mention.value, "dateline", mention.start, mention.end, 1, f"dateline {text[start : mention.end + 1].strip()!r}")
        break  # only the first date of the paragraph can be its dateline
    return None


def _first_day(text: str, start: int, end: int) -> DateMention | None:
    for mention in find_dates(text, None, [(start, end)]):
        if mention.value and len(mention.value) == 10:
            return mention
    return None


def _valid(value: str) -> bool:
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
        return True
    except ValueError:
        return False


# --- tier 3: inferred from the prose ------------------------------------------------------------------


def _inferred(text: str) -> tuple[_Candidate | None, str]:
    """A date the prose ties to the day of writing, checked against the day names it gives today."""
    mentions = find_dates(text)
    copy = matching_copy(text)
    today = [_today_of(copy, m) for m in mentions]
    candidates = [c for c in (_from_today(m, t) for m, t in zip(mentions, today, strict=True)) if c][:1]
    if not candidates:
        posts = sorted(_from_posts(text, mentions), key=lambda c: c.value)
        candidates = posts[-1:]
    if not candidates:
        candidates = _from_day_names(mentions, today)[:1]
    if not candidates:
        return None, "no header line, stamp or dateline in the page, and no full date the text gives as the day of writing"
    chosen = candidates[0]
    weekday = dt.date.fromisoformat(chosen.value).weekday()
    for mention, offset_and_day in zip(mentions, today, strict=True):
        if offset_and_day and offset_and_day[1] is not None and (weekday + offset_and_day[0]) % 7 != offset_and_day[1]:
            return None, f"{chosen.note} gives {chosen.value}, but the text says {mention.text!r}: left undated"
    return chosen, chosen.note


def _today_of(copy: str, mention: DateMention) -> tuple[int, int | None] | None:
    """For ``اليوم الثلاثاء`` / ``أمس السبت`` (with or without a date after it): (days from the day of writing,
    the day name's weekday or None)."""
    words = copy[mention.start : mention.end].replace("\u0640", "").split()
    if not words:
        return None
    first = words[0][1:] if words[0].startswith("ب") and words[0][1:] in DEICTIC_TODAY else words[0]
    if first == "يوم" and len(words) > 1:
        words = words[1:]
        first = words[0]
    if first not in DEICTIC_TODAY:
        return None
    offset = DEICTIC_TODAY[first]
    day = WEEKDAYS.get(words[1]) if len(words) > 1 else None
    return offset, day


def _from_today(mention: DateMention, today: tuple[int, int | None] | None) -> _Candidate | None:
    """``اليوم الأربعاء 11 أوت 2021`` → that day; ``أمس الأحد 30 نوفمبر 2025`` → the day after."""
    if today is None or not mention.value or len(mention.value) != 10:
        return None
    day = dt.date.fromisoformat(mention.value) - dt.timedelta(days=today[0])
    return _Candidate(day.isoformat(), "inferred", mention.start, mention.end, 0, f"the text dates its own day: {mention.text!r}")


def _from_posts(text: str, mentions: list[DateMention]) -> list[_Candidate]:
    """Dates that sign an embedded post: ``— Reuters (@Reuters) September 3, 2025``."""
    out = []
    for mention in mentions:
        line_start = text.rfind("\n", 0, mention.start) + 1
        if mention.value and len(mention.value) == 10 and POST_SIGNATURE.search(text[line_start : mention.start]):
            out.append(_Candidate(mention.value, "inferred", mention.start, mention.end, 0, f"the date of an embedded post {mention.text!r}"))
    return out


def _from_day_names(mentions: list[DateMention], today: list[tuple[int, int | None] | None]) -> list[_Candidate]:
    """``منذ يوم الجمعة 9 افريل 2021 … يوم امس السبت``: a full date with its day name and its year written
    (news names the day only of recent days), then a day name said of today or yesterday within the week
    after it: the day of writing follows."""
    out = []
    anchor: dt.date | None = None
    for mention, said in zip(mentions, today, strict=True):
        if mention.value and len(mention.value) == 10 and _has_day_name(mention.text) and re.search(r"[\d٠-٩]{4}", mention.text):
            anchor = dt.date.fromisoformat(mention.value)
            continue
        if anchor is None or said is None or said[1] is None or mention.value is not None and len(mention.value or "") == 10:
            continue
        offset, weekday = said
        named = anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
        written = named - dt.timedelta(days=offset)
        out.append(_Candidate(written.isoformat(), "inferred", mention.start, mention.end, 0, f"{mention.text!r} after a dated day name ({anchor.isoformat()})"))
    return out


def _has_day_name(text: str) -> bool:
    return any(word in WEEKDAYS for word in matching_copy(text).replace("\u0640", "").split())
