"""What a published site weighs, by kind of file, and what an HTML page is made of.

    python bench/site_size.py SITE [SITE ...] [--articles N]

For each site folder: bytes and files per kind (article pages, actor pages, their numbered pages, index
pages, timeline, search, data exports, feeds, assets, redirects, the rest), per article and in all, with the
largest file of each kind (Cloudflare Pages serves files up to 25 MiB); then,
for article and actor pages, the average bytes of each part of a page (head, header, tabs, navigation
sidebar, table of contents, content, footer, scripts) and how much of it is inline SVG and indentation.
Static hosts count raw bytes and files (GitHub Pages: 1 GB a site; Cloudflare Pages: 20,000 files), so
those are what this prints; gzip is what a reader downloads.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import defaultdict
from pathlib import Path

INDEXES = {"index.html", "people/index.html", "organizations/index.html", "places/index.html", "articles/index.html", "review/index.html"}
SECTIONS = [  # (part, start marker, end marker), in page order
    ("head", "<head>", "</head>"),
    ("header", "<header", "</header>"),
    ("tabs", '<nav class="md-tabs"', "</nav>"),
    ("nav sidebar", '<div class="md-sidebar md-sidebar--primary"', '<div class="md-sidebar md-sidebar--secondary"'),
    ("toc sidebar", '<div class="md-sidebar md-sidebar--secondary"', '<div class="md-content"'),
    ("content", "<article", "</article>"),
    ("footer", "<footer", "</footer>"),
]
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
INDENT = re.compile(r"\n[ \t\n]+")  # indentation and blank lines: what a line break plus spaces costs
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def kind_of(relative: str, head: bytes) -> str:
    """The kind of one published file, from its path (and, for HTML, whether it only redirects)."""
    if relative.endswith(".html") and b'http-equiv="refresh"' in head:
        return "redirects"
    top = relative.split("/", 1)[0]
    if relative in INDEXES:
        return "index pages"
    if top == "articles":
        return "article pages"
    if top == "actors":
        return "actor pages (first)" if relative.count("/") == 2 else "actor pages (numbered)"
    if top == "timeline":
        return "timeline"
    if top == "search":
        return "search"
    if top == "data":
        return f"data: {relative.split('/', 1)[1]}"
    if top in ("feeds", "feed.xml"):
        return "feeds"
    if top == "assets":
        return "assets"
    return "other"


def page_parts(html: str) -> dict[str, int]:
    """Bytes of each part of one Material page, plus the inline SVG and indentation it contains."""
    sizes: dict[str, int] = {}
    at = 0
    for part, start, end in SECTIONS:
        i = html.find(start, at)
        if i < 0:
            continue
        j = html.find(end, i + len(start))
        j = j + (len(end) if not end.startswith("<div") else 0)
        sizes[part] = len(html[i:j].encode())
        at = j
    body_end = html.find("</article>")
    tail = html[body_end:] if body_end >= 0 else ""
    sizes["scripts"] = sum(len(m.encode()) for m in SCRIPT.findall(tail))
    total = len(html.encode())
    sizes["other"] = total - sum(sizes.values())
    sizes["total"] = total
    sizes["of which inline SVG"] = sum(len(m.encode()) for m in SVG.findall(html))
    sizes["of which indentation"] = sum(len(m) - 1 for m in INDENT.findall(html))
    return sizes


def measure(site: Path, articles: int | None, sample: int) -> None:
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # files, bytes, largest file
    parts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        data = path.read_bytes()
        kind = kind_of(relative, data[:2000])
        entry = kinds[kind]
        entry[0] += 1
        entry[1] += len(data)
        entry[2] = max(entry[2], len(data))
        if kind in ("article pages", "actor pages (first)", "actor pages (numbered)") and len(parts[kind]["total"]) < sample:
            for part, size in page_parts(data.decode("utf-8")).items():
                parts[kind][part].append(size)
            parts[kind]["gzip"].append(len(gzip.compress(data, 6)))
    if articles is None:
        articles = kinds["article pages"][0] or 1
    total_files = sum(e[0] for e in kinds.values())
    total_bytes = sum(e[1] for e in kinds.values())
    print(f"\n## {site} ({articles} articles)\n")
    print("| kind | files | MB | KB per article | share | largest file (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, (files, size, largest) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f"| {kind} | {files} | {size / 1e6:.1f} | {size / articles / 1e3:.2f} | {100 * size / total_bytes:.1f} % | {largest / 1e6:.2f} |")
    biggest = max(e[2] for e in kinds.values())
    print(f"| **all** | {total_files} | {total_bytes / 1e6:.1f} | **{total_bytes / articles / 1e3:.2f}** | {total_files / articles:.2f} files per article | {biggest / 1e6:.2f} |")
    for kind, sizes in parts.items():
        count = len(sizes["total"])
        print(f"\n{kind}: average of {count} pages\n")
        print("| part | bytes | share |")
        print("|---|---:|---:|")
        total = sum(sizes["total"]) / count
        for part, values in sizes.items():
            mean = sum(values) / count
            print(f"| {part} | {mean:.0f} | {100 * mean / total:.0f} % |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sites", type=Path, nargs="+")
    parser.add_argument("--articles", type=int, help="articles in the corpus (default: the article pages found)")
    parser.add_argument("--sample", type=int, default=300, help="pages of each kind whose parts are measured")
    args = parser.parse_args()
    for site in args.sites:
        measure(site, args.articles, args.sample)


if __name__ == "__main__":
    main()
