"""The theme's icons once per site (``assets/icons.svg``), not inlined in every page.

Material writes each icon of its header, drawer and buttons (logo twice, menu, palette toggles, search,
back to top) as inline SVG into every page: 3.3 KB a page, 38 MB on a corpus of 10,000 articles. The
MkDocs hooks (``annotate.mkdocs_hooks``) write those icons once, as the symbols of ``assets/icons.svg``,
and give each page ``<svg viewBox="…"><use href="…/assets/icons.svg#material-menu"/></svg>`` instead:
same size, same colour (``currentColor``, as the theme's CSS sets it), one cached file. Only the icons
this config shows are listed (``icon_names``); any other inline SVG is left as it is.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from pathlib import Path

import material

ICONS = Path(material.__file__).resolve().parent / "templates" / ".icons"
SPRITE = "assets/icons.svg"
_SIMPLE = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="([0-9. ]+)">(.*)</svg>', re.S)


def icon_names(theme: Mapping) -> tuple[str, ...]:
    """The icons Material's partials (and ``overrides/``) put on every page with this theme config."""
    icon = theme.get("icon") or {}
    names = {icon.get("menu") or "material/menu", icon.get("top") or "material/arrow-up", "material/magnify", "material/arrow-left", "material/close"}
    if not theme.get("logo"):
        names.add(icon.get("logo") or "material/library")
    palette = theme.get("palette") or []
    for option in palette if isinstance(palette, list) else [palette]:
        toggle = (option or {}).get("toggle") or {}
        if toggle.get("icon"):
            names.add(toggle["icon"])
    return tuple(sorted(names))


@functools.lru_cache(maxsize=4)
def _icons(names: tuple[str, ...]) -> tuple[tuple[str, str, str, str], ...]:
    """(inline SVG as Material includes it, symbol id, viewBox, inner markup) of each icon that exists."""
    found = []
    for name in names:
        path = ICONS / f"{name}.svg"
        if not path.is_file():
            continue
        svg = path.read_text(encoding="utf-8")
        simple = _SIMPLE.fullmatch(svg)
        if simple:  # a plain 'xmlns + viewBox' icon, as every Material icon is
            found.append((svg, name.replace("/", "-"), simple.group(1), simple.group(2)))
    return tuple(found)


def sprite(names: tuple[str, ...]) -> str:
    """The contents of ``assets/icons.svg``: one ``<symbol>`` per icon."""
    symbols = "".join(f'<symbol id="{ident}" viewBox="{box}">{inner}</symbol>' for _, ident, box, inner in _icons(names))
    return f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n'


_INLINE = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="[0-9. ]+">.*?</svg>', re.S)


def refer(page_html: str, names: tuple[str, ...], href: str) -> str:
    """``page_html`` with each inline icon replaced by a reference to its symbol in the sprite at ``href``
    (one pass over the page: a search per icon cost twice as much on Arabic pages)."""
    known = _references(names, href)
    return _INLINE.sub(lambda inline: known.get(inline.group(0), inline.group(0)), page_html)


@functools.lru_cache(maxsize=64)  # one per folder depth
def _references(names: tuple[str, ...], href: str) -> dict[str, str]:
    return {svg: f'<svg viewBox="{box}"><use href="{html.escape(href)}#{ident}"/></svg>' for svg, ident, box, _ in _icons(names)}
