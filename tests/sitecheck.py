"""Read a built site like a browser would: pages, their links, anchors and visible text."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def published_records(site: Path) -> list[dict]:
    """The records of a built site's ``data/annotations.jsonl.gz`` (published gzipped), one per line."""
    import gzip
    import json

    return [json.loads(line) for line in gzip.decompress((site / "data" / "annotations.jsonl.gz").read_bytes()).decode("utf-8").split("\n") if line.strip()]


@dataclass
class Page:
    links: list[tuple[str, dict]] = field(default_factory=list)  # (href, attributes)
    ids: set[str] = field(default_factory=set)
    text: list[str] = field(default_factory=list)
    h1: str = ""
    scripts: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_h1 = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.page.links.append((attributes["href"], attributes))
        if tag in ("link",) and "href" in attributes:
            self.page.links.append((attributes["href"], attributes))
        if tag in ("script", "img") and attributes.get("src"):
            self.page.links.append((attributes["src"], attributes))
        if tag == "script":
            self.page.scripts.append(attributes.get("src", "inline"))
        if tag in ("script", "style") or (tag == "a" and "headerlink" in (attributes.get("class") or "")):
            self._skip += 1
        if tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag in ("script", "style") or (tag == "a" and self._skip):
            self._skip -= 1
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._skip:
            return
        self.page.text.append(data)
        if self._in_h1:
            self.page.h1 += data


@lru_cache(maxsize=4096)
def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def page_file(site: Path, url: str) -> Path:
    """The file served for a site-relative URL (directory URLs serve index.html)."""
    path = site / unquote(url)
    return path / "index.html" if url.endswith("/") or url == "" else path


def resolve_link(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """(target file, fragment) of a relative link on ``page``; None for external/special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    page_url = page.relative_to(site).as_posix()
    base = posixpath.dirname(page_url)
    if not parts.path:
        return page, parts.fragment
    joined = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    target = site / joined
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def visible_text(path: Path) -> str:
    return " ".join(" ".join(parse(path).text).split())
