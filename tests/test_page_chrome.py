"""What every page carries of the theme, made smaller without changing what a reader sees: the indentation
goes (annotate.slim_html; spaces that matter are kept) and the icons are referred to in one file
(annotate.svg_sprite). Checked in Chromium against the pages Material renders without our hooks."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import pytest

from annotate import svg_sprite
from annotate.slim_html import slim, without_unused_translations
from tests.browser import close_page, needs_chromium, open_page, serve

HAND_WRITTEN = """# صفحة للتجربة

نص عربي فيه [رابط](#x) و`رمز   بمسافات` و<kbd>Ctrl</kbd>&nbsp;&nbsp;و**خط عريض**.

```python
def f():
        return "  indented  "
```

- بند أول
- بند ثان فيه *مائل*

| أ | ب |
|---|---|
| 1 | 2 |

<textarea>سطر
    بمسافات</textarea>
"""


def test_runs_of_white_space_after_a_line_break_become_one_line_break():
    assert slim("<ul>\n    <li>\n      أ\n    </li>\n\n  </ul>") == "<ul>\n<li>\nأ\n</li>\n</ul>"
    assert slim("<p>a \n  b</p>") == "<p>a \nb</p>"  # a space before the break is left: it renders the same


def test_spaces_that_matter_are_kept():
    kept = '<pre><code>x\n    y</code></pre>\n  <textarea>\n  t</textarea>\n <script>\n  var a = 1;\n</script>\n <style>\n  p {}</style>'
    assert slim(kept) == kept.replace("</pre>\n  <textarea>", "</pre>\n<textarea>").replace("</textarea>\n <script>", "</textarea>\n<script>").replace("</script>\n <style>", "</script>\n<style>")
    assert slim("<p><code>a  b</code>\n  <kbd>\n  k</kbd></p>") == "<p><code>a  b</code>\n<kbd>\n  k</kbd></p>"
    assert slim("<p>\n\u00a0\u00a0أ</p>") == "<p>\n\u00a0\u00a0أ</p>"  # no-break spaces are not white space to HTML


@pytest.fixture(scope="module")
def material_pages(tmp_path_factory) -> Path:
    """Two pages as Material renders them (this project's mkdocs.yml and overrides), without our hooks."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from annotate import site

    work = tmp_path_factory.mktemp("material")
    docs = work / "docs"
    (docs / "assets").mkdir(parents=True)
    for asset in (site.HAND_WRITTEN / "assets").iterdir():
        (docs / "assets" / asset.name).write_bytes(asset.read_bytes())
    (docs / "index.md").write_text(HAND_WRITTEN, encoding="utf-8")
    for page in ("about.md", "dates.md", "registry.md"):
        (docs / page).write_text((site.HAND_WRITTEN / page).read_text(encoding="utf-8"), encoding="utf-8")
    config = site.site_config(work, docs, work / "site", {})
    config.pop("hooks")
    config["extra"] = {}
    config["nav"] = [{"الرئيسية": "index.md"}, {"عن الموقع": ["about.md", "dates.md", "registry.md"]}]
    config["not_in_nav"] = ""
    config["validation"] = {"links": {"not_found": "ignore", "anchors": "ignore", "unrecognized_links": "ignore", "absolute_links": "ignore"}}
    build(load_config(config_file=str(site.write_config(work, config)), strict=False))
    return work / "site"


LAYOUT = """() => [document.body.innerText, [...document.querySelectorAll('body *')].map(e => {
    const r = e.getBoundingClientRect();
    return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
})]"""


STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def settled_layout(page, url: str, script: str = LAYOUT) -> list:
    """The layout of the page at ``url`` once it stops changing.

    Material's scripts, web fonts and the page's own scripts may move boxes after ``load``; measuring once
    compared a page mid-way through that with one after it (a flaky 919 against 474 pixels in the header).
    Transitions are switched off (both pages of a comparison alike) and three readings 100 ms apart must agree:
    on a loaded CI machine two equal readings could fall inside one slow transition."""
    page.goto(url, wait_until="networkidle")
    page.add_style_tag(content=STILL)
    page.evaluate("document.fonts.ready.then(() => true)")
    readings = [page.evaluate(script)]
    for _ in range(30):
        page.wait_for_timeout(100)
        readings.append(page.evaluate(script))
        if len(readings) >= 3 and readings[-1] == readings[-2] == readings[-3]:
            break
    return readings[-1]


def layout_difference(after: list, before: list) -> str:
    """What differs between two layouts, in a few lines (the whole lists run to thousands of lines)."""
    if after[0] != before[0]:
        at = next((i for i, (a, b) in enumerate(zip(after[0], before[0])) if a != b), min(len(after[0]), len(before[0])))
        return f"text differs at {at}: {after[0][at - 40:at + 40]!r} against {before[0][at - 40:at + 40]!r}"
    if len(after[1]) != len(before[1]):
        return f"{len(after[1])} elements against {len(before[1])}"
    differing = [(i, a, b) for i, (a, b) in enumerate(zip(after[1], before[1])) if a != b]
    return f"{len(differing)} boxes differ: " + "; ".join(f"#{i} {a} against {b}" for i, a, b in differing[:8])


def assert_same_layout(page, url: str, reference_url: str, script: str = LAYOUT) -> None:
    """The page at ``url`` lays out as the one at ``reference_url``; a difference must survive a second
    measurement of both (a real one does; a box caught moving on a loaded machine does not)."""
    difference = ""
    for _ in range(2):
        after, before = settled_layout(page, url, script), settled_layout(page, reference_url, script)
        if after == before:
            return
        difference = layout_difference(after, before)
    raise AssertionError(f"{url} against {reference_url}: {difference}")


@needs_chromium
@pytest.mark.parametrize("width", [1280, 390])  # the desktop layout and a phone's (drawer navigation)
def test_a_slimmed_page_renders_exactly_as_materials_own(material_pages, browser, width):
    pages = [material_pages / "index.html", material_pages / "about" / "index.html"]
    for path in pages:
        original = path.read_text(encoding="utf-8")
        slimmed = slim(without_unused_translations(original))
        assert len(slimmed) < 0.9 * len(original) - 800, path  # the indentation is a tenth of a page; the words ~1 KB
        path.with_name("slim.html").write_text(slimmed, encoding="utf-8")
    with serve(material_pages) as url:
        page = open_page(browser, width=width)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            for path in pages:
                folder = path.parent.relative_to(material_pages).as_posix()
                folder = "" if folder == "." else folder + "/"
                assert_same_layout(page, url + folder + "slim.html", url + folder + "index.html")
            page.goto(url + "slim.html")
            copy = page.locator("button.md-code__button, button.md-clipboard").first  # Material's copy button on a code block
            copy.wait_for()
            assert copy.get_attribute("title") == "نسخ إلى الحافظة"  # its words survive (translations kept: clipboard.*)
            assert errors == []
        finally:
            close_page(page)


def test_the_published_pages_carry_no_tag_across_lines(seed_site):
    """The one place a line break's spaces would matter and are not kept: inside a tag (an attribute value)."""
    for path in sorted(seed_site.rglob("*.html")):
        html = re.sub(r"<(pre|code|kbd|script|style|textarea)\b.*?</\1>", "<kept/>", path.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"<[a-zA-Z][^<>]*\n", html), path
        assert "\n " not in html, path  # every page slimmed, the theme's own (404.html) included


def theme_of_the_project() -> dict:
    from annotate import site

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and python tags: not needed here
    return yaml.load(site.BASE_CONFIG.read_text(encoding="utf-8"), Loader=Loader)["theme"]


def test_the_sprite_holds_every_icon_the_header_and_drawer_show():
    names = svg_sprite.icon_names(theme_of_the_project())
    assert {"material/account-search", "material/menu", "material/weather-night", "material/weather-sunny", "material/magnify"} <= set(names)
    sprite = svg_sprite.sprite(names)
    assert sorted(re.findall(r'<symbol id="([^"]+)"', sprite)) == sorted(n.replace("/", "-") for n in names)


@needs_chromium
def test_icons_from_the_sprite_look_exactly_as_inline_ones(material_pages, browser):
    """Pixel for pixel, light and dark scheme, desktop and phone: the header's and drawer's icons."""
    names = svg_sprite.icon_names(theme_of_the_project())
    (material_pages / svg_sprite.SPRITE).write_text(svg_sprite.sprite(names), encoding="utf-8")
    original = (material_pages / "index.html").read_text(encoding="utf-8")
    referred = svg_sprite.refer(original, names, svg_sprite.SPRITE)
    assert "<use href=" in referred and len(re.findall("<svg", referred)) == len(re.findall("<svg", original))
    (material_pages / "sprite.html").write_text(referred, encoding="utf-8")
    with serve(material_pages) as url:
        for width, scheme in ((1280, "light"), (390, "dark")):
            page = open_page(browser, width=width, color_scheme=scheme)
            try:
                shots = []
                for name in ("index.html", "sprite.html"):
                    page.goto(url + name)
                    page.wait_for_load_state("networkidle")
                    if width < 600:
                        page.locator("label.md-header__button[for=__drawer]").click()  # the drawer, its logo
                        page.wait_for_timeout(400)
                    shots.append(page.screenshot())
                assert shots[0] == shots[1], (width, scheme)
            finally:
                close_page(page)


def test_published_pages_refer_to_icons_that_exist(seed_site):
    names = svg_sprite.icon_names(theme_of_the_project())
    sprite = (seed_site / svg_sprite.SPRITE).read_text(encoding="utf-8")
    symbols = set(re.findall(r'<symbol id="([^"]+)"', sprite))
    inline = [svg for svg, *_ in svg_sprite._icons(names)]
    for path in sorted(seed_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html or path.name == "404.html":
            continue  # redirect pages have no theme; the 404 page keeps its icons inline (its base is found by script)
        refs = re.findall(r'<use href="([^"#]+)#([^"]+)"', html)
        assert refs and all(svg not in html for svg in inline), path
        for href, symbol in refs:
            assert (path.parent / href).resolve() == (seed_site / svg_sprite.SPRITE).resolve() and symbol in symbols, (path, href)


@needs_chromium
def test_the_readers_colour_scheme_follows_from_page_to_page(seed_site, browser):
    """Material's helpers and scheme restore come from shared files (assets/md-base.js, md-palette.js): the
    scheme chosen on the home page is the one a page two folders down opens in, stored under the site's root."""
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert "__md_scope" not in home and 'src="assets/md-base.js"' in home and 'src="assets/md-palette.js"' in home
    with serve(seed_site) as url:
        page = open_page(browser)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(url)
            assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
            page.locator("label[for=__palette_1]").click()
            assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
            assert page.evaluate("Object.keys(localStorage)") == ["/.__palette"]  # the scope is the site's root
            page.goto(url + "articles/haftar-putin-moscow-visit/")
            assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
            page.locator("label[for=__palette_0]").click()
            page.goto(url + "actors/khalifa-haftar/")
            assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
            assert errors == []
        finally:
            close_page(page)


# --- the parts every page shares (annotate/shared_parts.py) ------------------------------------------

SHARED_PAGES = ["index.html", "about/index.html", "articles/haftar-putin-moscow-visit/index.html", "actors/khalifa-haftar/index.html"]
LAYOUT_NO_SCRIPTS = LAYOUT.replace("document.querySelectorAll('body *')", "document.querySelectorAll('body *:not(script)')")


def test_the_shared_parts_are_written_once_and_each_page_refers_to_them(seed_site):
    from annotate import shared_parts

    parts = shared_parts.read(seed_site)
    assert set(parts) == {"nav", "palette", "search", "tabs"} and all("@B@" in html or "@P@" in html for html in parts.values())
    article = (seed_site / SHARED_PAGES[2]).read_text(encoding="utf-8")
    for name in parts:
        assert article.count(f'<script src="../../assets/parts.js" data-part="{name}"></script>') == 1
    assert 'class="md-tabs"' not in article
    assert "<!--part" not in article and 'data-md-component="palette"' not in article and "md-nav--primary" not in article
    about = (seed_site / SHARED_PAGES[1]).read_text(encoding="utf-8")
    assert 'data-part="nav"' not in about and "md-nav--primary" in about  # a page in the navigation shows itself in it: inline
    assert "<!--part" not in (seed_site / "404.html").read_text(encoding="utf-8")


@needs_chromium
@pytest.mark.parametrize("width", [1280, 390])  # the desktop layout and a phone's (drawer navigation)
def test_a_page_with_shared_parts_lays_out_as_with_them_inline(seed_site, browser, width, tmp_path):
    """The page the browser builds from the parts' scripts is the one Material wrote, element for element."""
    import shutil

    from annotate import shared_parts

    site = tmp_path / "site"
    shutil.copytree(seed_site, site)
    parts = shared_parts.read(site)
    for name in SHARED_PAGES:
        path = site / name
        depth = name.count("/")
        inline = shared_parts.inline(path.read_text(encoding="utf-8"), "/".join([".."] * depth) or ".", parts)
        assert "data-part" not in inline
        path.with_name("inline.html").write_text(inline, encoding="utf-8")
    with serve(site) as url:
        page = open_page(browser, width=width)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            for name in SHARED_PAGES:
                assert_same_layout(page, url + name, url + name.replace("index.html", "inline.html"), LAYOUT_NO_SCRIPTS)
            page.goto(url + SHARED_PAGES[2])
            if width < 500:  # the drawer opens on the shared navigation, its links working from this page
                page.locator("label.md-header__button[for=__drawer]").click()
                link = page.locator(".md-nav--primary a.md-nav__link", has_text="الخط الزمني")
                link.click()
                page.wait_for_url(url + "timeline/")
            else:  # the search box, written by its part's script, finds and links from this page
                page.locator("input.md-search__input").fill("حفتر")
                page.locator(".md-search-result__link").first.wait_for()
                href = page.locator(".md-search-result__link").first.get_attribute("href")
                assert href.startswith((url + "actors/", url + "articles/")), href  # the site's root, from two folders down
            assert errors == []
        finally:
            close_page(page)


def test_pages_without_code_leave_out_the_copy_buttons_words(seed_site):
    """Material's configuration keeps the words of its copy button only where a code block has one."""
    import json

    for name, code in [("articles/haftar-putin-moscow-visit/index.html", False), ("registry/index.html", True)]:
        html = (seed_site / name).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
        assert ("<pre" in html) == code and any(k.startswith("clipboard.") for k in config["translations"]) == code, name



def test_the_sites_scripts_load_as_one_file(seed_site):
    """assets/site.js is the site's scripts joined in order; a page loads it once and none of them alone."""
    from annotate import site, site_scripts

    joined = (seed_site / site_scripts.BUNDLE).read_text(encoding="utf-8")
    assert joined == site_scripts.bundle(site.HAND_WRITTEN / "assets")
    at = [joined.index(f"/* {name}.js */\n") for name in site_scripts.SCRIPTS]
    assert at == sorted(at)
    page = (seed_site / "articles" / "haftar-putin-moscow-visit" / "index.html").read_text(encoding="utf-8")
    assert page.count('<script src="../../assets/site.js"></script>') == 1
    assert not [name for name in site_scripts.SCRIPTS if f"assets/{name}.js" in page]
