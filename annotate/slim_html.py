"""Make the theme's part of every page smaller, without changing what a browser shows.

**Indentation.** A theme page is about a tenth line breaks and indentation (Jinja blocks, nested
includes): on a corpus of 10,000 articles that is tens of megabytes of spaces. In HTML a line break followed by white space
renders as the line break alone (one space), so each such run becomes one ``\\n``. Left as they are: the
contents of ``pre``, ``code``, ``kbd``, ``textarea``, ``script`` and ``style``, where spaces can matter,
and a no-break space (not white space to HTML). A line break inside an attribute value loses the spaces
after it, as in any HTML minifier: MkDocs, Material and this project write none (``tests/test_page_chrome.py``).
Measured at 0.2 ms for a 50 KB page: one regular expression for the kept elements, one for the runs.
The elements are found in lower case, as MkDocs, Material and Markdown write them (a case-blind search
took four times as long; raw ``<PRE>`` in a hand-written page would lose its indentation).

**Unused translations.** Material's bundle reads its configuration from ``<script id="__config">``, with
the words of its own search box (``search.*``) and of a version selector, as ``\\uXXXX`` escapes: a kilobyte
of every page here, where neither exists (``overrides/partials/search.html`` is the site's own search). They
are left out of pages without Material's search component, and the words of its copy button for code
(``clipboard.*``, 260 bytes) out of pages without a code block.
"""

from __future__ import annotations

import json
import re

_TAGS = ("pre", "code", "kbd", "textarea", "script", "style")
_KEPT = re.compile(rf"<(?P<tag>{'|'.join(_TAGS)})\b.*?</(?P=tag)\s*>", re.S)
_RUN = re.compile(r"\n[ \t\n\r\f]+")  # not \s, which takes no-break spaces too


def slim(html: str) -> str:
    """``html`` with every line break plus the white space after it (outside kept elements) one ``\\n``."""
    out, at = [], 0
    for kept in _KEPT.finditer(html):
        out += [_RUN.sub("\n", html[at : kept.start()]), kept.group(0)]
        at = kept.end()
    out.append(_RUN.sub("\n", html[at:]))
    return "".join(out)


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
UNUSED = ("search.", "select.")  # Material's search box (not on these pages) and version selector (not configured)


def without_unused_translations(html: str, code: bool | None = None) -> str:
    """``html`` with the unused words left out of Material's configuration (written as Jinja's ``tojson``).
    ``code``: whether the finished page has a code block (default: whether ``html`` has one)."""
    start = html.rfind('<script id="__config"')  # near the end: found from there, not by reading the page
    found = _CONFIG.match(html, start) if start >= 0 else None
    if found is None or html.find('data-md-component="search"', 0, html.find("</header>")) >= 0:  # Material's box: in the header
        return html
    config = json.loads(found.group(2))
    translations = config.get("translations") or {}
    unused = UNUSED if (code if code is not None else "<pre" in html) else (*UNUSED, "clipboard.")
    kept = {key: text for key, text in translations.items() if not key.startswith(unused)}
    if kept == translations:
        return html
    config["translations"] = kept
    text = json.dumps(config, sort_keys=True)  # as jinja2.utils.htmlsafe_json_dumps writes it
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
    return html[: found.start(2)] + text + html[found.end(2) :]
