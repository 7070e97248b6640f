"""Parts of the theme every page carries alike, written once per site (``assets/parts.js``).

Material writes into every page the colour-scheme toggles (0.9 KB), the header's search dialog (1.6 KB)
and, in the drawer, the navigation (2.7 KB): 5 KB a page, about 55 MB on a corpus of 10,000 articles. None
of them is seen before a script runs: the toggles are ``hidden`` until Material's bundle shows one, the
search works only with its scripts, and for the generated pages (not in the navigation, ``navigation.tabs``)
the drawer's list is shown only on a phone, once opened. The templates (``overrides/``) mark each part
``<!--part:NAME-->…<!--/part-->``; here, on each finished page, a marked part is replaced by
``<script src="…/assets/parts.js" data-part="NAME"></script>``, a blocking script that writes the same
HTML in the same place (``insertAdjacentHTML``) before the page is shown, so the page a browser builds is
the one Material wrote (``tests/test_page_chrome.py`` compares them in Chromium). A part's links are
stored relative to the site's root and made relative to the page again by the script, as MkDocs writes them.

The generated pages' tabs (0.9 KB; none of them is in the navigation, so no tab is marked as theirs) are
shared the same way: with scripts, the page is the same; without, a generated page has the header's link
home, as it had no drawer navigation before. (A table of contents, the same on pages with the same
headings, is not shared: a partial build would keep the parts of pages gone, which a full build has not.)

A part is shared only when its HTML is the same on every page (the templates mark only such parts); a
page whose part differs keeps it inline. The file depends on the config and templates alone, which make a
full build when they change (``annotate.site_manifest``); a partial build adds what it saw to the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

FILE = "assets/parts.js"
_MARKED = re.compile(r"<!--part:(?P<name>[a-z]+)-->(?P<html>.*?)<!--/part-->", re.S)
_URL = re.compile(r'\b(href|action|data-ar-base)="([^"#:]*)(#[^"]*)?"')
_JSON = re.compile(r"^var PARTS = (.*);$", re.M)
SCRIPT = """/* The theme's parts every page shares (annotate/shared_parts.py writes this file): each
 * <script data-part="NAME"> is replaced, where it stands, by that part's HTML, its links made relative to the page. */
var PARTS = %s;
(function () {
  var script = document.currentScript, part = PARTS[script.getAttribute("data-part")];
  var depth = location.pathname.split("/").length - new URL("..", script.src).pathname.split("/").length;
  var base = depth > 0 ? Array(depth).fill("..").join("/") : ".", prefix = depth > 0 ? base + "/" : "";
  if (part) script.insertAdjacentHTML("beforebegin", part.split("@B@/").join(base + "/").split("@B@").join(base).split("@P@").join(prefix));
})();
"""


def _normal(html: str, base: str) -> str | None:
    """``html`` with each relative link written from the root (``@B@``: the root as MkDocs writes it from
    the page, ``@P@``: what precedes a path); ``None`` when a link does not start at the root."""
    prefix = "" if base == "." else base + "/"
    failed = False

    def root_relative(found: re.Match) -> str:
        nonlocal failed
        value, fragment = found.group(2), found.group(3) or ""
        if not value and fragment:
            out = value
        elif value == base:
            out = "@B@"
        elif value in (base + "/", "./" if base == "." else None):
            out = "@B@/"
        elif value and base == "." and not value.startswith(("../", "./", "/")):
            out = "@P@" + value
        elif base != "." and value.startswith(prefix):
            out = "@P@" + value[len(prefix) :]
        else:
            failed = True
            out = value
        return f'{found.group(1)}="{out}{fragment}"'

    text = _URL.sub(root_relative, html)
    return None if failed or "@B@" in html or "@P@" in html else text


def share(page_html: str, base: str, parts: dict[str, str]) -> str:
    """``page_html`` with each marked part replaced by its script (and recorded in ``parts``), or left
    inline, unmarked, where it differs from the part already recorded. ``base`` is the root from the page
    (``../..``), ``parts`` this build's, filled as pages come."""
    script = (base + "/" if base != "." else "") + FILE

    def replace(found: re.Match) -> str:
        name, html = found.group("name"), found.group("html")
        normal = _normal(html, base)
        if normal is None or parts.setdefault(name, normal) != normal:
            return html
        return f'<script src="{script}" data-part="{name}"></script>'

    return _MARKED.sub(replace, page_html) if "<!--part:" in page_html else page_html


def unmarked(page_html: str) -> str:
    """``page_html`` with the parts left inline and the marks removed (Material's own page)."""
    return _MARKED.sub(lambda found: found.group("html"), page_html)


def inline(page_html: str, base: str, parts: dict[str, str]) -> str:
    """The page as Material wrote it: each part's script replaced by the part (what the script does)."""
    prefix = base + "/" if base != "." else ""

    def back(found: re.Match) -> str:
        return parts[found.group(1)].replace("@B@/", base + "/").replace("@B@", base).replace("@P@", prefix)

    return re.sub(r'<script src="[^"]*' + re.escape(FILE) + r'" data-part="([a-z]+)"></script>', back, page_html)


def read(site: Path) -> dict[str, str]:
    """The parts in ``site``'s file; empty when it is missing or not one this module wrote."""
    try:
        found = _JSON.search((site / FILE).read_text(encoding="utf-8"))
        parts = json.loads(found.group(1)) if found else {}
    except (OSError, ValueError):
        return {}
    return parts if isinstance(parts, dict) and all(isinstance(v, str) for v in parts.values()) else {}


def write(site: Path, parts: dict[str, str], partial: bool) -> None:
    """``assets/parts.js`` with ``parts`` (and, in a partial build, those the last build wrote)."""
    if partial:
        parts = {**read(site), **parts}
    text = SCRIPT % json.dumps(parts, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    path = site / FILE
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
