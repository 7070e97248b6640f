"""The site's own scripts as one file, ``assets/site.js``, which every page loads (``overrides/main.html``).

counted.js, the six files of the search (each adds to ``window.arSearchParts``; search.js wires the box)
and reader.js were eight ``<script>`` tags a page (350 bytes). The MkDocs hooks join them here, in the
order they run, each as it is; the files stay beside it (tests load them one by one).
"""

from __future__ import annotations

from pathlib import Path

SCRIPTS = ("counted", "search-fold", "search-index", "search-rank", "search-results", "search-arrive", "search", "reader")
BUNDLE = "assets/site.js"


def bundle(assets: Path) -> str:
    """``assets/site.js``: the scripts of ``assets`` (the docs folder's) one after the other, each as it is."""
    head = "/* The site's scripts in one file (annotate/site_scripts.py joins docs/assets/{%s}.js). */\n" % ",".join(SCRIPTS)
    return head + "".join(f"/* {name}.js */\n" + (assets / f"{name}.js").read_text(encoding="utf-8").rstrip() + "\n;\n" for name in SCRIPTS)


def write_bundle(site: Path, assets: Path) -> None:
    text = bundle(assets)
    path = site / BUNDLE
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

