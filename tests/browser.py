"""Chromium for tests: Debian's /usr/bin/chromium driven by Playwright (never `playwright install`).

Tests import the fixtures they need (``browser``, ``recording_page``) and serve sites with ``serve``.
Every page records its requests and dialogs; leaving localhost fails the test.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, handler: type = _Quiet) -> Iterator[str]:
    """Serve ``folder`` at http://127.0.0.1:PORT/ in a thread (with ``handler``, a request handler class
    taking ``directory``); yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (Python) installed; not its browsers")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, width: int = 1280, height: int = 900, **context_options):
    """A new page that records every request (``page.requests``) and dialog (``page.dialogs``)."""
    context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    page = context.new_page()
    page.requests, page.dialogs = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def close_page(page) -> None:
    """Close the page's context and fail if any request left localhost."""
    outside = [u for u in page.requests if urlsplit(u).hostname != "127.0.0.1"]
    page.context.close()
    assert not outside, f"requests left localhost: {outside}"


@pytest.fixture
def recording_page(browser):
    page = open_page(browser)
    yield page
    close_page(page)
