"""Keep pre-rendered HTML out of Python-Markdown, which spends most of a build re-parsing it.

Pages are written with their raw HTML blocks (annotated article text, mention contexts, the timeline,
charts) replaced by placeholders ``<!--annotate:N-->``; the blocks go to a JSON file per page outside the
docs folder, and the MkDocs hook in ``annotate.mkdocs_hooks`` puts them back into the rendered page.
Measured on 300 synthetic articles: Markdown conversion was 83 % of MkDocs' time before this.

A raw block is a run of lines that start with ``<`` (our own markup: article text is always escaped, so it
can never start a line with ``<`` nor forge a placeholder).
"""

from __future__ import annotations

import re
from pathlib import Path

PLACEHOLDER = "<!--annotate:{}-->"
PLACEHOLDER_RE = re.compile(r"<!--annotate:(\d+)-->")


def lift(markdown: str) -> tuple[str, list[str]]:
    """Split a page into Markdown with placeholders and the raw HTML blocks they stand for."""
    out: list[str] = []
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.extend(["", PLACEHOLDER.format(len(blocks)), ""])
            blocks.append("\n".join(current))
            current.clear()

    for line in markdown.split("\n"):
        if line.startswith("<"):
            current.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out), blocks


_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)<a class="headerlink"')


def page_toc(markdown: str, blocks: list[str]) -> list[dict] | None:
    """The table of contents of a page that is nothing but raw HTML blocks (else ``None``).

    Such a page needs no Markdown conversion at all: the MkDocs hook gives MkDocs its content (the
    placeholders) and this table of contents, built from the headings ``pages.heading`` wrote, nested
    as Python-Markdown's ``toc`` extension nests them.
    """
    body = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    if PLACEHOLDER_RE.sub("", body).strip():
        return None
    root: list[dict] = []
    stack: list[dict] = []
    for block in blocks:
        for level, anchor, name in _HEADING.findall(block):
            token = {"level": int(level), "id": anchor, "name": name, "children": []}
            while stack and stack[-1]["level"] >= token["level"]:
                stack.pop()
            (stack[-1]["children"] if stack else root).append(token)
            stack.append(token)
    return root


def fragment_file(folder: Path, page: str) -> Path:
    return folder / f"{page}.json"


def restore(html: str, blocks: list[str]) -> str:
    """Put the blocks back in place of their placeholders."""
    return PLACEHOLDER_RE.sub(lambda m: blocks[int(m.group(1))], html)
