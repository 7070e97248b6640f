"""Search in the browser: time from a click in the search box to the first results, on a built site.

    python bench/search_ready.py SITE_DIR [--query "حفتر"]

Serves SITE_DIR on localhost, opens the home page in Debian's Chromium (Playwright, headless), focuses
the search box, types the query and waits for the results list; prints the index download + parse time
that the page itself measured (``arSearch.loadMs``) and the click-to-results time. Imported by scale.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, LAUNCH_ARGS, serve  # noqa: E402


def search_ready(site: Path, query: str = "حفتر") -> dict | None:
    """``{"load_ms", "results_ms", "results"}`` or ``None`` when Chromium or Playwright is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    with serve(site) as root, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(root, wait_until="load")
            started = time.perf_counter()
            page.click("input.md-search__input")
            page.keyboard.type(query)
            page.wait_for_selector(".md-search-result__link", timeout=30_000)
            results_ms = 1000 * (time.perf_counter() - started)
            load_ms = page.evaluate("window.arSearch.loadMs")
            count = page.eval_on_selector_all(".md-search-result__link", "links => links.length")
        finally:
            browser.close()
    return {"load_ms": load_ms, "results_ms": results_ms, "results": count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default="حفتر")
    args = parser.parse_args()
    measured = search_ready(args.site, args.query)
    if measured is None:
        raise SystemExit(f"needs Playwright for Python and Chromium at {CHROMIUM}")
    print(f"search index loaded in {measured['load_ms']:.0f} ms; click to {measured['results']} results in {measured['results_ms']:.0f} ms")


if __name__ == "__main__":
    main()
