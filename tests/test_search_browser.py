"""The search in Chromium: issue 6's cases, actor ranking, hostile text, JS/Python parity, no outside request
(issue 20's cases on the seed site are in test_search_ranking_browser.py).

Builds a small site (hand-written docs + a few pages + the search index) with MkDocs, serves it on
127.0.0.1 and drives Debian's Chromium through Playwright (never `playwright install`).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from annotate.search import SearchEntry, write_search_index

from tests.browser import close_page, needs_chromium, open_page, serve

pytestmark = needs_chromium

CASES = json.loads((Path(__file__).parent / "js_parity" / "cases.json").read_text(encoding="utf-8"))
LONG_WORD = "ب" * 5000
HOSTILE_TITLE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> \u202eمقلوب\u202c"

# url, title, kind, label, text (an actor's text is its description; its names are NAMES)
ENTRIES = [
    ("actors/khalifa-haftar/", "خليفة حفتر", "actor", "PER", "قائد قوات شرق ليبيا"),
    ("actors/moscow/", "موسكو", "actor", "LOC", "عاصمة روسيا"),
    ("actors/lna/", "الجيش الوطني الليبي", "actor", "ORG", "قوات حفتر في شرق ليبيا"),
    ("articles/haftar-visit/", "حفتر في زيارة لحفتر", "article", None,
     "زار حفتر القاهرة. وقال مكتب حفتر إن لحفتر وحفتر وبحفتر دوراً. المشير حفتر يصل."),
    ("articles/ahmad-hamza/", "لقاء سياسي", "article", None, "التقى أحمد شفيق بالوفد."),
    ("articles/ahmad-plain/", "اجتماع", "article", None, "وصل احمد الى الاجتماع."),
    ("articles/italy-hamza/", "روما", "article", None, "أعلنت إيطاليا موقفها."),
    ("articles/italy-plain/", "مؤتمر", "article", None, "قالت ايطاليا إن المؤتمر انتهى."),
    ("articles/moscow-clitic/", "رحلة", "article", None, "سافر الوفد إلى القاهرة وموسكو، ثم عاد بموسكو مرة أخرى."),
    ("articles/moscow-plain/", "عاصمة", "article", None, "وصل الوفد الروسي اليوم إلى موسكو."),
    ("articles/president/", "تصريح", "article", None, "نُسب التصريح للرئيس في الجلسة."),
    ("articles/writers-shadda/", "أدب", "article", None, "اجتمع الكتّاب في المعرض."),
    ("articles/book-plain/", "معرض", "article", None, "صدر الكتاب الجديد."),
    ("articles/punctuation/", "علامات", "article", None, "قال: «طرابلس»، وسأل: بنغازي؟ ثم (سرت)."),
    ("articles/hostile/", HOSTILE_TITLE, "article", None,
     "نص\u200b عادي\u200d <script>window.__pwned=3</script> <img src=x onerror=window.__pwned=4> \u202eمعكوس\u202c " + LONG_WORD),
    ("about/", "عن الموقع", "page", None, "عن الموقع"),
    ("actors/east/", "شرق", "actor", "LOC", "شرق الشرق"),
    ("actors/eastern-libya/", "الشرق الليبي", "actor", "LOC", "الشرق الليبي"),
    ("actors/mikhail/", "ميخائيل", "actor", "PER", "ميخائيل"),
    ("actors/mikhail-bogdanov/", "ميخائيل بوغدانوف", "actor", "PER", "ميخائيل بوغدانوف"),
]
NAMES = {"actors/khalifa-haftar/": ["المشير حفتر", "Khalifa Haftar"], "actors/east/": ["الشرق"], "actors/moscow/": ["Moscow"],
         "actors/lna/": ["Libyan National Army"]}

# query → a page that must be among the results (issue 6, both ways)
FINDS = [
    ("أحمد", "articles/ahmad-plain/"), ("احمد", "articles/ahmad-hamza/"),
    ("إيطاليا", "articles/italy-plain/"), ("ايطاليا", "articles/italy-hamza/"),
    ("موسكو", "articles/moscow-clitic/"), ("وموسكو", "articles/moscow-plain/"), ("بموسكو", "articles/moscow-plain/"),
    ("رئيس", "articles/president/"), ("الرئيس", "articles/president/"),
    ("الكتاب", "articles/writers-shadda/"), ("الكتّاب", "articles/book-plain/"),
    ("طرابلس", "articles/punctuation/"), ("«بنغازي»؟", "articles/punctuation/"), ("سرت،", "articles/punctuation/"),
    ("مقلوب", "articles/hostile/"), (LONG_WORD[:30], "articles/hostile/"),
]

# query → the page that must rank first (an actor's page for its name or alias)
FIRST = [
    ("حفتر", "actors/khalifa-haftar/"), ("خليفة حفتر", "actors/khalifa-haftar/"), ("المشير حفتر", "actors/khalifa-haftar/"),
    ("لحفتر", "actors/khalifa-haftar/"), ("Khalifa Haftar", "actors/khalifa-haftar/"), ("موسكو", "actors/moscow/"),
    ("الجيش الوطني الليبي", "actors/lna/"),
    ("الشرق", "actors/east/"), ("الشرق الليبي", "actors/eastern-libya/"), ("ميخائيل", "actors/mikhail/"),
    ("ميخائيل بوغدانوف", "actors/mikhail-bogdanov/"),
]



def nav_files() -> list[str]:
    """The Markdown files mkdocs.yml's nav names (the test site gives each a stub unless docs/ has it)."""
    import yaml

    from annotate.site import BASE_CONFIG

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python tags
    found = []

    def walk(item):
        if isinstance(item, str) and item.endswith(".md"):
            found.append(item)
        elif isinstance(item, dict):
            [walk(v) for v in item.values()]
        elif isinstance(item, list):
            [walk(v) for v in item]

    walk(yaml.load(BASE_CONFIG.read_text(encoding="utf-8"), Loader=Loader).get("nav", []))
    return found


def build(work: Path) -> Path:
    from annotate.render.docs_folder import DocsFolder
    from annotate.site import HAND_WRITTEN, build_site

    docs = work / "docs"
    DocsFolder.of(docs).copy_tree(HAND_WRITTEN)
    pages = {name: "# صفحة\n" for name in nav_files() if not (docs / name).exists()}
    for url, title, *_ in ENTRIES:
        if url != "about/":
            pages[url.rstrip("/") + ".md"] = "# صفحة\n\nنص.\n"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    entries = [SearchEntry(url, title, text, kind, label, NAMES.get(url, [])) for url, title, kind, label, text in ENTRIES]
    write_search_index(entries, docs)
    build_site(work, docs, work / "site")
    return work / "site"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site served at http://127.0.0.1:PORT/ (and its parent folder, for a base path test)."""
    site = build(tmp_path_factory.mktemp("search-site"))
    with serve(site) as root, serve(site.parent) as parent:
        yield root, parent


@pytest.fixture
def page(recording_page):
    return recording_page


FITS = """() => {
  const w = window.innerWidth;
  for (const x of [-10000, 10000]) { window.scrollTo(x, 0); if (window.scrollX !== 0) return "page scrolls sideways"; }
  for (const e of document.querySelectorAll(".md-search-result__item, .ar-search__title, .md-search__form")) {
    const r = e.getBoundingClientRect();
    if (r.left < -1 || r.right > w + 1) return e.className + " spans " + r.left + ".." + r.right;
  }
  return "ok";
}"""


def search(pg, query: str) -> list[str]:
    return pg.evaluate("q => arSearch.search(q).then(rs => rs.map(r => r.url))", query)


def test_parity_with_python(served, page):
    page.goto(served[0])
    got = page.evaluate(
        """cases => cases.map(c => {
             const t = arSearch.terms(c.input);
             return {input: c.input, fold: arSearch.fold(c.input), terms: t, stems: t.map(arSearch.stems), keys: t.map(arSearch.nameKey)};
           })""",
        CASES,
    )
    mismatches = [(c["input"][:40], g, c) for c, g in zip(CASES, got) if g != c]
    assert not mismatches, f"search-fold.js and annotate.search.normalize disagree: {mismatches[:3]}"


@pytest.mark.parametrize(("query", "expected"), FINDS, ids=[q[:12] for q, _ in FINDS])
def test_finds(served, page, query, expected):
    page.goto(served[0] + "articles/president/")
    assert expected in search(page, query)


@pytest.mark.parametrize(("query", "expected"), FIRST, ids=[q for q, _ in FIRST])
def test_actor_ranks_first(served, page, query, expected):
    page.goto(served[0])
    assert search(page, query)[0] == expected


def test_exact_match_ranks_before_prefix(served, page):
    page.goto(served[0])
    results = search(page, "الكتاب")
    assert results.index("articles/book-plain/") < 2  # الكتاب itself, before words that merely start with it


def test_search_box_ui_mobile_dark(served, browser):
    """The header box at 390 px in dark mode: labels in Arabic, result kinds, links that resolve, no overflow."""
    pg = open_page(browser, 390, 800, color_scheme="dark")
    try:
        pg.goto(served[0] + "articles/president/")
        assert pg.get_attribute("body", "data-md-color-scheme") == "slate"
        pg.click("label.md-header__button[for=__search]")
        box = pg.locator("input.md-search__input")
        assert box.is_visible()
        box.fill("حفتر")
        pg.wait_for_selector("div[data-ar-search][data-ar-results]", state="attached")  # the complete list
        pg.wait_for_selector(".md-search-result__item")
        pg.wait_for_selector("body[data-md-scrolllock]", state="attached")  # Material locks the page under the box
        first = pg.locator(".md-search-result__item").first
        assert first.locator(".ar-search__title").inner_text() == "خليفة حفتر"
        assert first.locator(".ar-search__kind").inner_text().startswith("شخص")
        kinds = pg.locator(".ar-search__kind").all_inner_texts()
        assert any(k.startswith("مقال") for k in kinds) and any(k.startswith("منظمة") for k in kinds)
        assert pg.evaluate(FITS) == "ok"
        first.locator("a").click()
        pg.wait_for_url(served[0] + "actors/khalifa-haftar/?hl=" + "%D8%AD%D9%81%D8%AA%D8%B1")
        pg.goto(served[0] + "?q=" + "زززقق")
        pg.wait_for_function("document.querySelector('.md-search-result__meta').textContent === 'لا نتائج'")
        assert pg.locator("input.md-search__input").get_attribute("placeholder") == "بحث"
    finally:
        close_page(pg)


def test_hostile_text_renders_literally(served, browser):
    pg = open_page(browser, 390, 800)
    try:
        for query in ("مقلوب", "script", "معكوس", LONG_WORD[:50]):
            pg.goto(served[0] + "?q=" + query)
            pg.wait_for_selector(".md-search-result__item")
            pg.wait_for_selector("body[data-md-scrolllock]", state="attached")
            titles = pg.locator(".ar-search__title").all_text_contents()
            assert HOSTILE_TITLE in titles
            assert pg.locator(".md-search-result__list img, .md-search-result__list script").count() == 0
            assert pg.evaluate("window.__pwned") is None
            assert pg.evaluate(FITS) == "ok"
        assert not pg.dialogs
        assert all(urlsplit(u).path != "/x" for u in pg.requests), "an <img src=x> from the index was loaded"
    finally:
        close_page(pg)


def test_works_under_a_base_path(served, page):
    """The same site one folder down (http://127.0.0.1:PORT/site/): index and result links follow the page."""
    base = served[1] + "site/"
    page.goto(base + "articles/president/")
    page.fill("input.md-search__input", "حفتر")
    page.wait_for_selector(".md-search-result__item")
    href = page.locator(".md-search-result__link").first.get_attribute("href")
    assert href.split("?")[0] == base + "actors/khalifa-haftar/"
    assert base + "search/meta.json" in page.requests


def test_the_box_loads_meta_and_tables_first_then_a_query_its_shards_and_records(served, page):
    """Clicking the box fetches meta.json and the number → name tables (so a query's records are one fetch
    after its shards); typing fetches the query's shards and its candidates' records, never every record."""
    page.goto(served[0])
    page.click("input.md-search__input")
    page.wait_for_function("document.documentElement.getAttribute('data-ar-search') === 'ready'")
    page.wait_for_function("performance.getEntriesByType('resource').some(r => r.name.endsWith('/search/m/0.json'))")
    search_files = lambda: [urlsplit(u).path for u in page.requests if "/search/" in u]  # noqa: E731
    before = search_files()
    assert "/search/meta.json" in before and "/search/m/0.json" in before
    assert not [p for p in before if p.startswith(("/search/s/", "/search/d/"))]
    page.keyboard.type("حفتر")
    page.wait_for_selector("div[data-ar-search][data-ar-results]", state="attached")
    assert page.locator(".ar-search__title").first.inner_text() == "خليفة حفتر"
    after = search_files()[len(before):]
    assert any(p.startswith("/search/s/") for p in after) and any(p.startswith("/search/d/") for p in after)
    assert not [p for p in after if p.startswith("/search/m/")]  # the table came with meta.json
    records = {p for p in after if p.startswith("/search/d/")}
    assert len(records) < len(ENTRIES)  # the candidates' records, not the index


def test_does_not_load_materials_search(served, page):
    page.goto(served[0])
    page.fill("input.md-search__input", "موسكو")
    page.wait_for_selector(".md-search-result__item")
    assert not [u for u in page.requests if "search_index" in u or "workers/search" in u]


def test_built_site_actors_rank_first(seed_site, browser):
    """On the real seed build: every actor's page ranks first for its name and for each alias."""
    actors = json.loads((seed_site / "data" / "actors.json").read_text(encoding="utf-8"))
    pg = open_page(browser)
    try:
        with serve(seed_site) as root:
            pg.goto(root)
            queries = [(q, a["url"]) for a in actors for q in [a["name"], *a["aliases"]]]
            firsts = pg.evaluate(
                "qs => Promise.all(qs.map(q => arSearch.search(q).then(rs => rs.length ? rs[0].url : null)))",
                [q for q, _ in queries],
            )
    finally:
        close_page(pg)
    wrong = [(q, url, got) for (q, url), got in zip(queries, firsts) if got != url]
    assert not wrong, f"{len(wrong)} of {len(queries)} names/aliases do not rank their actor first: {wrong[:5]}"
