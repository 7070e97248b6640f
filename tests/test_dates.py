"""The date tagger: gold evaluation, one test per case of issue 5, and offsets that always hold."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotate.dates import find_dates, lexicon, parse_publication_date
from annotate.dates.evaluate import evaluate, table, total
from annotate.dates.normalize import matching_copy

ROOT = Path(__file__).resolve().parents[1]
REF = "2024-03-14"  # a Thursday


def values(text: str, reference: str | None = REF) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, reference)]


# -- gold ---------------------------------------------------------------------------------------------
def test_gold_precision_and_recall():
    scores = evaluate()
    print("\n" + table(scores))
    for name, score in [*scores.items(), ("all", total(scores))]:
        assert score.precision >= 0.95, f"{name}: precision {score.precision:.3f}\n{table(scores)}"
        assert score.recall >= 0.95, f"{name}: recall {score.recall:.3f}\n{table(scores)}"


# -- month names --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("في 5 يناير 2020", ("5 يناير 2020", "2020-01-05")),
        ("في 12 ابريل 2022", ("12 ابريل 2022", "2022-04-12")),
        ("في 12 إبريل 2022", ("12 إبريل 2022", "2022-04-12")),
        ("في 30 يونيه 2023", ("30 يونيه 2023", "2023-06-30")),
        ("في 1 يوليه 2023", ("1 يوليه 2023", "2023-07-01")),
        ("في كانون الثاني 2017", ("كانون الثاني 2017", "2017-01")),
        ("في كانون الأول 2010", ("كانون الأول 2010", "2010-12")),
        ("في تشرين الأول 2019", ("تشرين الأول 2019", "2019-10")),
        ("في شباط 2021", ("شباط 2021", "2021-02")),
        ("في آذار 2011", ("آذار 2011", "2011-03")),
        ("في نيسان 2019", ("نيسان 2019", "2019-04")),
        ("في أيار 2011", ("أيار 2011", "2011-05")),
        ("في حزيران 2014", ("حزيران 2014", "2014-06")),
        ("في تموز 2018", ("تموز 2018", "2018-07")),
        ("في آب 2015", ("آب 2015", "2015-08")),
        ("في أيلول 2015", ("أيلول 2015", "2015-09")),
        ("في جانفي 2020", ("جانفي 2020", "2020-01")),
        ("في فيفري 2019", ("فيفري 2019", "2019-02")),
        ("في أفريل 2017", ("أفريل 2017", "2017-04")),
        ("في ماي 2018", ("ماي 2018", "2018-05")),
        ("في جوان 2021", ("جوان 2021", "2021-06")),
        ("في جويلية 2021", ("جويلية 2021", "2021-07")),
        ("في أوت 2022", ("أوت 2022", "2022-08")),
    ],
)
def test_month_names(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["كانون الثاني/ يناير 2017", "يناير/كانون الثاني 2017", "كانون الثاني - يناير 2017", "يناير (كانون الثاني) 2017",
     "كانون الثاني /يناير 2017", "كانون الثاني/يناير 2017"],
)
def test_month_pairs_in_either_order(text):
    assert values("في " + text) == [(text, "2017-01")]


def test_two_different_months_are_not_a_pair():
    assert values("في أبريل/يونيو 2020", None) == [("أبريل", None), ("يونيو 2020", "2020-06")]
    assert values("في أبريل - يونيو 2020", None) == [("أبريل - يونيو 2020", "2020-04/2020-06")]


# -- day names, clitics, digits, datelines ------------------------------------------------------------
def test_day_names_resolve_to_the_latest_such_day():
    assert values("أعلن الجيش الثلاثاء أنه") == [("الثلاثاء", "2024-03-12")]
    assert values("أعلن الجيش الخميس أنه") == [("الخميس", "2024-03-14")]  # the reference day itself
    assert values("أعلن الجيش الخميس الماضي أنه") == [("الخميس الماضي", "2024-03-07")]
    assert values("يصل الوفد الخميس المقبل") == [("الخميس المقبل", "2024-03-21")]
    assert values("يصل الوفد السبت القادم") == [("السبت القادم", "2024-03-16")]


def test_day_names_without_reference_are_unresolved():
    assert values("أعلن الجيش الثلاثاء أنه", None) == [("الثلاثاء", None)]


def test_day_name_with_a_date_takes_the_date():
    assert values("الإثنين 15 أبريل/نيسان 2024") == [("الإثنين 15 أبريل/نيسان 2024", "2024-04-15")]
    assert values("الأحد، 5 مايو 2019", None) == [("الأحد، 5 مايو 2019", "2019-05-05")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("والأربعاء، أعلن", ("الأربعاء", "2024-03-13")),
        ("وحزيران/يونيو 2020", ("حزيران/يونيو 2020", "2020-06")),
        ("بسبتمبر 2020", ("سبتمبر 2020", "2020-09")),
        ("لعام 2024", ("عام 2024", "2024")),
        ("وفي 2017 زار", ("2017", "2017")),
        ("وعام 1983", ("عام 1983", "1983")),
    ],
)
def test_attached_clitics_stay_outside_the_span(text, expected):
    assert values(text) == [expected]


def test_arabic_indic_digits():
    assert values("في ١٥ أكتوبر ٢٠٢٣") == [("١٥ أكتوبر ٢٠٢٣", "2023-10-15")]
    assert values("منذ ۲۰۱۱") == [("۲۰۱۱", "2011")]


def test_marks_and_tatweel_inside_words():
    assert values("في سبـتمـبر 2020") == [("سبـتمـبر 2020", "2020-09")]
    assert values("وَصَلَ غَداً الجُمُعَةَ") == [("غَداً الجُمُعَةَ", "2024-03-15")]


@pytest.mark.parametrize(
    "line, iso",
    [
        ("29-سبتمبر-2023", "2023-09-29"),
        ("16 أبريل 2024, 10:12:02 ص", "2024-04-16"),
        ("- 10 يناير 2025", "2025-01-10"),
        ("• الجمعة 29 سبتمبر 2023", "2023-09-29"),
        ("2023-09-29", "2023-09-29"),
        ("١٠ يناير ٢٠٢٥", "2025-01-10"),
    ],
)
def test_parse_publication_date(line, iso):
    assert parse_publication_date(line) == iso


@pytest.mark.parametrize(
    "line",
    ["- ℃ 11 تركيا", "نشر في 29 سبتمبر 2023 على الموقع", "سبتمبر 2023", "الخميس", "", "   ", "2019- 2020", "أمس"],
)
def test_parse_publication_date_rejects_what_is_not_just_a_date(line):
    assert parse_publication_date(line) is None


# -- years, eras, Hijri -------------------------------------------------------------------------------
def test_years_with_words_and_eras():
    assert values("في العام 1943م") == [("العام 1943م", "1943")]
    assert values("سنة 2010 م") == [("سنة 2010 م", "2010")]
    assert values("منذ عام 622 م") == [("عام 622 م", "0622")]
    assert values("وفي 2020م انتهت") == [("2020م", "2020")]


def test_hijri_dates_become_gregorian():
    assert values("يوافق 1 شوال 1445 هـ") == [("1 شوال 1445 هـ", "2024-04-10")]
    assert values("في رمضان 1445") == [("رمضان 1445", "2024-03-11/2024-04-09")]
    assert values("سنة 1420 هـ") == [("سنة 1420 هـ", "1999-04-17/2000-04-05")]
    assert values("في 1441هـ") == [("1441هـ", "2019-08-31/2020-08-19")]


# -- ranges, decades ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("بالفترة ما بين 2019- 2020", ("2019- 2020", "2019/2020")),
        ("خلال الفترة 1977-1978", ("1977-1978", "1977/1978")),
        ("ما بين نيسان/أبريل 2019 وحزيران/يونيو 2020", ("نيسان/أبريل 2019 وحزيران/يونيو 2020", "2019-04/2020-06")),
        ("من 2011 إلى 2014", ("2011 إلى 2014", "2011/2014")),
        ("منذ 2016 وحتى 2020", ("2016 وحتى 2020", "2016/2020")),
        ("من ديسمبر إلى فبراير 2020", ("ديسمبر إلى فبراير 2020", "2019-12/2020-02")),
        ("بين 5 و8 أبريل 2024", ("5 و8 أبريل 2024", "2024-04-05/2024-04-08")),
        ("في 5-8 أبريل 2024", ("5-8 أبريل 2024", "2024-04-05/2024-04-08")),
    ],
)
def test_ranges_are_intervals(text, expected):
    assert values(text, None) == [expected]


def test_two_dates_joined_by_wa_without_bayna_stay_two():
    assert values("في 2019 و2020", None) == [("2019", "2019"), ("2020", "2020")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("سبعينيات القرن الماضي", "1970/1979"),
        ("تسعينات القرن الماضي", "1990/1999"),
        ("الثمانينيات", "1980/1989"),
        ("ستينيات القرن التاسع عشر", "1860/1869"),
        ("القرن الماضي", "1900/1999"),
        ("القرن الحادي والعشرين", "2000/2099"),
    ],
)
def test_decades_and_centuries(text, value):
    assert values("في " + text, None) == [(text, value)]


def test_the_past_century_follows_the_reference():
    assert values("في سبعينيات القرن الماضي", "1995-01-01") == [("سبعينيات القرن الماضي", "1870/1879")]


# -- relative expressions -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value",
    [
        ("أمس", "2024-03-13"),
        ("أمس الخميس", "2024-03-13"),  # أمس wins over a day name that does not fit
        ("أمس الأول", "2024-03-12"),
        ("أول أمس", "2024-03-12"),
        ("اليوم", "2024-03-14"),
        ("غدا", "2024-03-15"),
        ("بعد غد", "2024-03-16"),
        ("الأسبوع الماضي", "2024-W10"),
        ("الأسبوع المقبل", "2024-W12"),
        ("الشهر الماضي", "2024-02"),
        ("الشهر المقبل", "2024-04"),
        ("الشهر الجاري", "2024-03"),
        ("العام الماضي", "2023"),
        ("السنة الماضية", "2023"),
        ("العام المقبل", "2025"),
        ("هذا العام", "2024"),
        ("17 أيلول/سبتمبر الماضي", "2023-09-17"),
        ("10 مارس الماضي", "2024-03-10"),
        ("14 مارس الماضي", "2023-03-14"),  # strictly before the reference
        ("تشرين الأول/أكتوبر القادم", "2024-10"),
        ("مارس المقبل", "2025-03"),
        ("منتصف ليل الأحد", "2024-03-10"),
        ("مساء الجمعة", "2024-03-08"),
    ],
)
def test_relative_expressions(text, value):
    assert values("وقال " + text + " إن") == [(text, value)]


def test_relative_expressions_without_reference_stay_unresolved():
    for text in ("أمس الخميس", "الأسبوع الماضي", "الشهر المقبل", "العام الماضي", "منتصف ليل الأحد"):
        assert values("وقال " + text + " إن", None) == [(text, None)], text
    assert values("في 17 أيلول/سبتمبر الماضي", None) == [("17 أيلول/سبتمبر الماضي", None)]


def test_future_verb_moves_a_day_name_forward():
    assert values("يبدأ وقف إطلاق النار منتصف ليل الأحد.", "2020-01-08") == [("منتصف ليل الأحد", "2020-01-12")]
    assert values("وقع الهجوم منتصف ليل الأحد.", "2020-01-08") == [("منتصف ليل الأحد", "2020-01-05")]


# -- no false positives -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "أن حوالي 1200 من عناصر فاغنر",
        "شارك 1200 عنصر",
        "وأفرغت ما يصل إلى 6000 طن من المعدات",
        "قتل فيها 2.500 شخص وشُرد 150.000 شخص",
        "القرار 2254",
        "مارس الجيش ضغوطا",
        "ومارس الضغط على الحكومة",
        "الأحد عشر لاعبا",
        "من 300 إلى نحو 400",
        "عدد المشاركين 2019 مشاركا",
        "موقع عربي21",
        "مروحيات أم أي-17 ومقاتلات ميغ-23",
        "صلاة الجمعة",
        "رجب طيب أردوغان",
        "سيارة نيسان",
        "الأمين العام",
        "لمدة عام كامل",
        "ذات يوم",
        "في اليوم التالي",
        "بين الاثنين معا",
        "تبلغ النسبة 2020 %",
        "في 2000 منزل",
    ],
)
def test_no_false_positives(text):
    assert find_dates(text, REF) == []


# -- spans and offsets --------------------------------------------------------------------------------
def test_spans_limit_the_search():
    text = "29-سبتمبر-2023\n\nوصل أمس الخميس إلى موسكو."
    body = [(16, len(text))]
    assert [(m.text, m.value) for m in find_dates(text, "2023-09-29", body)] == [("أمس الخميس", "2023-09-28")]
    assert find_dates(text, None, []) == []


def test_mentions_are_sorted_and_do_not_overlap():
    text = (ROOT / "corpus" / "putin-haftar-new-assad.txt").read_text(encoding="utf-8")
    mentions = find_dates(text)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_a_bad_reference_resolves_nothing():
    assert values("أمس", "not a date") == [("أمس", None)]


def test_lexicon_is_written_in_matching_form():
    """Every lexicon word must look as the matching copy shows it (ى → ي، أ → ا …), or it never matches."""
    tables = [lexicon.MONTHS, lexicon.WEEKDAYS, lexicon.DEICTIC, lexicon.UNITS, lexicon.MARKERS, lexicon.HIJRI_MONTHS,
              lexicon.YEAR_WORDS, lexicon.MODIFIERS, lexicon.TIMES_OF_DAY, lexicon.SEASONS, lexicon.CUES,
              lexicon.FUTURE_CUES, lexicon.QUANTITY_NOUNS, lexicon.CENTURIES, lexicon.DECADE_STEMS]
    for table_ in tables:
        for word in table_:
            assert matching_copy(word) == word, word
    for table_ in (lexicon.TWO_WORD_MONTHS, lexicon.TWO_WORD_HIJRI):
        for first, seconds in table_.items():
            assert matching_copy(first) == first and all(matching_copy(s) == s for s in seconds)


ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
PIECES = st.sampled_from(
    ["أمس", "الخميس", "يناير", "كانون", "الثاني", "/", "-", " ", "2019", "٢٠٢٠", "عام", "و", "ب", "(", ")", "17",
     "الماضي", "القادم", "بين", "من", "إلى", "منتصف", "ليل", "سبعينيات", "القرن", "هـ", "رمضان", "1445", "،", ":",
     "10:12", "ص", "\u0640", "\u064e", "\u200f", "\n", "مارس", "اليوم", "هذا", "الشهر", "شوال", "الأحد", "عشر"]
)
TEXT = st.lists(st.one_of(PIECES, st.text(ARABIC, max_size=4), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=TEXT, reference=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_random_text_never_raises_and_offsets_hold(text, reference):
    mentions = find_dates(text, reference)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end


@settings(max_examples=100, deadline=None)
@given(text=TEXT, cuts=st.lists(st.integers(0, 200), max_size=6))
def test_random_spans_keep_mentions_inside(text, cuts):
    points = sorted(min(c, len(text)) for c in cuts)
    spans = list(zip(points[::2], points[1::2]))
    for m in find_dates(text, REF, spans):
        assert any(s <= m.start and m.end <= e for s, e in spans)
        assert text[m.start : m.end] == m.text


def test_speed_is_reported_not_asserted():
    """Timings belong in bench/; this only prints one so a slowdown is visible in ``pytest -s``."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    text = (text * 2)[:10_000]
    start = time.perf_counter()
    for _ in range(20):
        find_dates(text, "2024-01-01")
    print(f"\nfind_dates on 10,000 characters: {(time.perf_counter() - start) / 20 * 1000:.2f} ms")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("في الرابع من تموز/يوليو 2019", ("الرابع من تموز/يوليو 2019", "2019-07-04")),
        ("في الحادي والعشرين من أيار 2020", ("الحادي والعشرين من أيار 2020", "2020-05-21")),
        ("في الـ25 من يناير 2011", ("الـ25 من يناير 2011", "2011-01-25")),
        ("وقع قبل يومين", ("قبل يومين", "2024-03-12")),
        ("وقع قبل عامين", ("قبل عامين", "2022")),
        ("إلى شهر رمضان الماضي", ("شهر رمضان الماضي", "2023-03-23/2023-04-20")),
        ("في صيف العام الماضي", ("صيف العام الماضي", "2023-06/2023-08")),
        ("وتجري الأحد 10 مارس", ("الأحد 10 مارس", "2024-03-10")),
    ],
)
def test_ordinals_ago_hijri_markers_and_day_names_that_fix_the_year(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize("text", ["اللقاء الأول من نوعه", "قبل يومين من الانتخابات", "الفصل الثاني من الكتاب"])
def test_ordinals_and_ago_need_their_context(text):
    assert find_dates(text, REF) == []
