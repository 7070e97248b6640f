"""The 404 page (issue 21, item 10): Arabic, a way home and a search box, styled at any base path.

It was English with no way out, and under a project sub-path (GitHub Pages /<repo>/, as the README
recommends) it loaded no styles. The site is served here as GitHub Pages serves it: at / and at /repo/,
with 404.html (status 404) for every missing address.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
from pathlib import Path

import pytest

from tests.browser import close_page, needs_chromium, open_page, serve

pytestmark = needs_chromium


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing one gets the site's 404.html with status 404."""

    not_found: Path

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def pages_server(root: Path, site: Path):
    with serve(root, type("Handler", (_Pages,), {"not_found": site / "404.html"})) as base:
        yield base.rstrip("/")


@pytest.fixture(scope="module")
def mounted(seed_site, tmp_path_factory):
    """The seed site at / and at /repo/ (a copy), like a user site and a project site."""
    root = tmp_path_factory.mktemp("pages")
    shutil.copytree(seed_site, root / "repo")
    return root


@pytest.mark.parametrize(("base", "missing"), [("/", "actors/nobody/"), ("/repo/", "actors/nobody/deeper/still/"), ("/repo/", "typo")])
def test_not_found_is_arabic_styled_and_leads_home_and_to_search(seed_site, mounted, browser, base, missing):
    root = seed_site if base == "/" else mounted
    with pages_server(root, seed_site) as host:
        page = open_page(browser, 390, 800)
        try:
            response = page.goto(host + base + missing)
            assert response.status == 404
            assert page.locator("h1").first.inner_text() == "الصفحة غير موجودة"
            assert page.locator("html").get_attribute("lang") == "ar"
            header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
            assert header not in ("rgba(0, 0, 0, 0)", "transparent")  # the theme's stylesheet loaded
            assert page.locator("body").evaluate("e => getComputedStyle(e).direction") == "rtl"
            page.get_by_role("link", name="العودة إلى الصفحة الرئيسية").click()
            page.wait_for_url(host + base)
            assert page.locator("h1").first.inner_text().startswith("مرصد الفاعلين")
            page.go_back()
            page.fill("#not-found-q", "حفتر")
            page.press("#not-found-q", "Enter")
            page.wait_for_url(host + base + "?q=*")
            first = page.locator(".md-search-result__link").first
            first.wait_for()
            assert first.get_attribute("href").startswith(host + base)
        finally:
            close_page(page)
