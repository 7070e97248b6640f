"""Arabic counted nouns (issue 21, item 3): one helper for pages, charts and the search box, on 0–1,000.

The wrong forms the issue found on the seed site: «5 مقالاً», «— 5 مقال», «82 في 5 مقال», «6 إشارة», «3 إشارة».
"""

from __future__ import annotations

import re

import pytest

from annotate.render.counted import NOUNS, counted
from tests.browser import needs_chromium
from tests.conftest import ROOT
from tests.sitecheck import visible_text

HAND_CHECKED = {
    ("article", 0): "لا مقالات", ("article", 1): "مقال واحد", ("article", 2): "مقالان", ("article", 3): "3 مقالات",
    ("article", 5): "5 مقالات", ("article", 10): "10 مقالات", ("article", 11): "11 مقالاً", ("article", 82): "82 مقالاً",
    ("article", 99): "99 مقالاً", ("article", 100): "100 مقال", ("article", 101): "101 مقال", ("article", 102): "102 مقال",
    ("article", 103): "103 مقالات", ("article", 110): "110 مقالات", ("article", 111): "111 مقالاً", ("article", 200): "200 مقال",
    ("article", 1000): "1000 مقال", ("mention", 1): "إشارة واحدة", ("mention", 2): "إشارتان", ("mention", 3): "3 إشارات",
    ("mention", 6): "6 إشارات", ("mention", 82): "82 إشارة", ("mention", 412): "412 إشارة", ("mention", 305): "305 إشارات",
    ("person", 26): "26 شخصاً", ("person", 7): "7 أشخاص", ("place", 40): "40 مكاناً", ("place", 4): "4 أماكن",
    ("organization", 27): "27 منظمة", ("date", 37): "37 تاريخاً", ("date", 9): "9 تواريخ", ("result", 0): "لا نتائج",
    ("result", 1): "نتيجة واحدة", ("result", 2): "نتيجتان", ("result", 103): "103 نتائج", ("sentence", 4): "4 جمل",
}


@pytest.mark.parametrize(("key", "expected"), sorted(HAND_CHECKED.items()))
def test_hand_checked_forms(key, expected):
    assert counted(key[1], key[0]) == expected


def test_the_dual_after_a_preposition_is_genitive():
    assert f"في {counted(2, 'article', genitive=True)}" == "في مقالين"
    assert counted(2, "mention", genitive=True) == "إشارتين"


@pytest.mark.parametrize("noun", sorted(NOUNS))
def test_every_count_from_0_to_1000_takes_the_form_its_last_two_digits_call_for(noun):
    word = NOUNS[noun]
    for n in range(0, 1001):
        text = counted(n, noun)
        rest = n % 100 if n >= 100 else n
        if n in (0, 1, 2):
            assert str(n) not in text, text  # spelled out: لا / واحد / the dual
        elif n >= 100 and rest <= 2:
            assert text == f"{n} {word.singular}"
        elif 3 <= rest <= 10:
            assert text == f"{n} {word.plural}"
        else:
            assert text == f"{n} {word.accusative}"


@needs_chromium
def test_the_browser_copy_agrees_on_0_to_1000(browser):
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset='utf-8'><title>t</title>")
        page.add_script_tag(path=str(ROOT / "docs" / "assets" / "counted.js"))
        assert sorted(page.evaluate("window.arCountedNouns")) == sorted(NOUNS)
        got = page.evaluate("() => window.arCountedNouns.map(k => [k, [...Array(1001).keys()].map(n => window.arCounted(n, k)), window.arCounted(2, k, true)])")
        for noun, forms, dual_genitive in got:
            assert forms == [counted(n, noun) for n in range(1001)], noun
            assert dual_genitive == counted(2, noun, genitive=True)
    finally:
        page.close()


WRONG = re.compile(r"(?<![\d.])(?:(?:[3-9]|10) (?:مقالاً|مقال|إشارة|شخصاً|مكاناً|تاريخاً)|(?:1[1-9]|[2-9]\d) (?:مقال|مقالات|إشارات|أشخاص|أماكن|تواريخ))(?![\w])")


def test_no_seed_page_miscounts(seed_site):
    for page in sorted(seed_site.rglob("*.html")):
        found = WRONG.findall(visible_text(page))
        assert not found, (page.relative_to(seed_site).as_posix(), found[:5])
