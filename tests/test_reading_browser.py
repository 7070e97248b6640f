"""The reading experience in Chromium on the real seed site: navigation, anchors, layout, dark mode.

Screenshots of an article and an actor page at desktop and phone width are written to
build/screenshots/ (look at them: they are what a reader sees).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser import close_page, needs_chromium, open_page, serve
from tests.conftest import ROOT

pytestmark = needs_chromium
SHOTS = ROOT / "build" / "screenshots"
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth + 1"


@pytest.fixture(scope="module")
def site_url(seed_site):
    with serve(seed_site) as url:
        yield url


def top_actor(seed_site: Path) -> dict:
    actors = json.loads((seed_site / "data" / "actors.json").read_text(encoding="utf-8"))
    return max((a for a in actors if a["label"] == "PER"), key=lambda a: (len(a["articles"]), a["mentions"]))


def test_home_to_actor_to_sentence_and_back(seed_site, site_url, recording_page):
    page = recording_page
    actor = top_actor(seed_site)
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().startswith("مرصد الفاعلين في الصحافة العربية")
    page.get_by_role("link", name=actor["name"], exact=True).first.click()
    page.wait_for_url(site_url + actor["url"])
    assert actor["name"] in page.locator("h1").first.inner_text()
    context = page.locator("a.context").first
    highlighted = context.locator("mark.ent").first.inner_text()
    href = context.get_attribute("href")
    assert "#at-" in href  # a character offset, not a running number
    context.click()
    page.wait_for_url("**/articles/**#at-*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert target.inner_text() == highlighted  # the mention the actor page showed
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }")
    assert target.evaluate("e => e.matches(':target')")
    page.go_back()
    page.wait_for_url(site_url + actor["url"])
    assert not page.dialogs


def test_article_page_shows_meta_legend_dates_and_related(seed_site, site_url, recording_page):
    page = recording_page
    page.goto(site_url + "articles/haftar-putin-moscow-visit/")
    meta = page.locator(".article-meta time.when")
    assert meta.inner_text() == "29 سبتمبر 2023" and meta.get_attribute("datetime") == "2023-09-29"
    assert page.locator(".legend .ent").count() == 4
    date = page.locator("time.date").first
    date.focus()
    assert date.get_attribute("title")  # the value shows on hover or focus
    assert page.locator("a.ent.ent-per").count() > 5 and page.locator("a.ent.ent-loc").count() > 3
    # each entity link's tooltip names its actor and kind (reader.js, from the page's list of actors)
    page.wait_for_function("() => [...document.querySelectorAll('.article-text a.ent-per')].every(a => a.title.endsWith(' — شخص'))")
    assert "خليفة حفتر — شخص" in page.eval_on_selector_all(".article-text a.ent", "els => els.map(e => e.title)")
    headings = page.locator("h2").all_inner_texts()
    assert any("الفاعلون" in h for h in headings) and any("ذات صلة" in h for h in headings)


def test_indexes_timeline_and_dark_mode(site_url, browser):
    page = open_page(browser, color_scheme="dark")
    try:
        for path, heading in [("people/", "الأشخاص"), ("organizations/", "المنظمات"), ("places/", "الأماكن"), ("timeline/", "الخط الزمني")]:
            page.goto(site_url + path)
            assert page.locator("h1").first.inner_text().startswith(heading)
            assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        assert page.locator(".timeline-years li").count() > 3
        page.locator(".timeline-years a").first.click()
        page.wait_for_url("**/timeline/*/")
        assert page.locator("ul.timeline > li").count() > 0 and page.get_attribute("body", "data-md-color-scheme") == "slate"
        assert page.locator("body").get_attribute("dir") == "rtl" and page.locator("html").get_attribute("lang") == "ar"
    finally:
        close_page(page)


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_and_no_sideways_scroll(seed_site, site_url, browser, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    actor = top_actor(seed_site)
    page = open_page(browser, width, 900)
    try:
        for name, path in [("article", "articles/haftar-putin-moscow-visit/"), ("actor", actor["url"]), ("home", "")]:
            page.goto(site_url + path)
            assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{path} scrolls sideways at {width}px"
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"))
    finally:
        close_page(page)


# The elements whose boxes lie on more than one line (bidi runs of one line share their top).
ONE_LINE = "els => els.filter(e => new Set([...e.getClientRects()].map(r => Math.round(r.top / 4))).size !== 1).map(e => e.textContent)"


@pytest.mark.parametrize("width", [1400, 390])
def test_dates_never_break_across_lines(seed_site, site_url, browser, width):
    """Issue 21, item 4: «(2023-09-29)» wrapped as «(-2023 / 09-29)» on the home and actor pages."""
    page = open_page(browser, width, 900)
    try:
        for path in ["", top_actor(seed_site)["url"], "articles/"]:
            page.goto(site_url + path)
            dates = page.locator("time.when")
            assert dates.count() >= 2, path  # the seed has two dated articles
            assert page.eval_on_selector_all("time.when", ONE_LINE) == [], path
            assert dates.first.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    finally:
        close_page(page)


def test_old_numbered_anchors_still_find_their_mention_and_sentences_copy_their_link(seed_site, site_url, browser):
    """Issue 21, item 7: #m-37 (the 38th mention) keeps working; «نسخ الرابط» copies a sentence's address."""
    page = open_page(browser, permissions=["clipboard-read", "clipboard-write"])
    try:
        page.goto(site_url + "articles/haftar-putin-moscow-visit/#m-3")
        page.wait_for_url("**#at-*")
        fourth = page.locator(".article-text .ent").nth(3)
        assert page.url.endswith("#" + fourth.get_attribute("id"))
        assert fourth.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }")
        page.goto(site_url + top_actor(seed_site)["url"])
        pairs = page.eval_on_selector_all(
            "a.context", "els => els.map(e => [e.href, e.nextElementSibling && e.nextElementSibling.matches('a.copy-link') ? e.nextElementSibling.href : null])"
        )
        assert pairs and all(context == copy and "#at-" in copy for context, copy in pairs)  # one per sentence, its address
        copy = page.locator("a.copy-link").first
        assert copy.is_visible() and copy.inner_text().endswith("نسخ الرابط")
        copy.click()
        assert page.evaluate("navigator.clipboard.readText()") == copy.evaluate("e => e.href")
        assert "#at-" in page.evaluate("navigator.clipboard.readText()")
    finally:
        close_page(page)


def test_the_timeline_filtered_to_one_actor(seed_site, site_url, recording_page):
    """Issue 21, item 8: the actor page's link shows that actor's dated sentences only; issue 22: across the
    year pages, through the index of years (timeline/actors.json)."""
    page = recording_page
    page.goto(site_url + top_actor(seed_site)["url"])
    page.locator("a.to-timeline").click()
    page.wait_for_url("**/timeline/?actor=*")
    page.locator(".timeline-filter").wait_for()
    years = page.locator("ul.timeline-years > li:visible")
    assert 0 < years.count() < page.locator("ul.timeline-years > li").count()
    note = page.locator(".timeline-filter").inner_text()
    assert "«خليفة حفتر»" in note and f"({years.count()} من" in note
    year = years.first.get_attribute("data-year")
    years.first.locator("a").click()
    page.wait_for_url(f"**/timeline/{year}/?actor=khalifa-haftar")
    page.locator(".timeline-filter").wait_for()  # applied once timeline/actors.json is read (it names the actor)
    shown = page.locator("ul.timeline > li:visible")
    assert 0 < shown.count() <= page.locator("ul.timeline > li").count()
    slugs = "els => els.map(e => [...e.querySelectorAll('a.ent')].map(a => decodeURIComponent(a.pathname).split('/').at(-2)))"
    assert all("khalifa-haftar" in found for found in shown.evaluate_all(slugs))
    note = page.locator(".timeline-filter").inner_text()
    assert "«خليفة حفتر»" in note and f"({shown.count()} من" in note
    page.get_by_role("link", name="عرض الكل").click()
    page.wait_for_url(f"**/timeline/{year}/")
    assert page.locator("ul.timeline > li:visible").count() == page.locator("ul.timeline > li").count()
    page.go_back()
    page.get_by_role("link", name="سنواته الأخرى").click()
    page.wait_for_url("**/timeline/?actor=khalifa-haftar")
    page.locator(".timeline-filter").wait_for()
    assert page.locator("ul.timeline-years > li:visible").count() == years.count()


def test_english_pages_read_left_to_right(site_url, recording_page):
    """Issue 21, item 9: /registry/ put full stops on the wrong side and set Arabic code in monospace."""
    page = recording_page
    page.goto(site_url + "registry/")
    paragraph = page.locator(".page-lang p").first
    assert paragraph.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert paragraph.evaluate("e => e.closest('[lang]').lang") == "en"
    code = page.locator("code", has_text="الرئيس الروسي").first
    assert code.evaluate("e => getComputedStyle(e).fontFamily").split(',')[0].strip('\"') == "annotate-arabic"
    assert code.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"


def test_the_type_glyph_never_sits_between_a_clitic_and_its_noun(site_url, recording_page):
    """Issue 21, item 12: «ب▲روسيا». The glyph is drawn after the name; nothing is drawn before it."""
    page = recording_page
    page.goto(site_url + "articles/mee-haftar-egypt-russia-cables/")
    mentions = page.locator(".article-text .ent")
    styles = mentions.evaluate_all("els => els.map(e => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::after').content, getComputedStyle(e).paddingRight])")
    assert styles and all(before in ("none", "normal") and after not in ("none", "normal") and right == "0px" for before, after, right in styles)
    after_clitic = mentions.evaluate_all("els => els.filter(e => /[لبوف]$/.test(e.previousSibling && e.previousSibling.textContent || '')).length")
    assert after_clitic > 0  # there are names right after a clitic, and they start clean
