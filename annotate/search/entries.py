"""Search entries from the published data files (DESIGN.md's contract), for the pipeline's convenience:

    write_search_index(entries_from_data(docs), docs)    # after render_pages has written docs/data/

Articles: title + text, with date and source. Actors: name, aliases, English and Latin names (their
description is the only text: what articles quote about an actor ranks the articles, not the actor's
page), with kind and counts. Hand-written pages (docs/*.md of the checkout, not the home page): first
heading and Markdown text, marked English when their front matter says ``lang: en`` or most of their
letters are Latin.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotate.resolve.latin import latin_name
from annotate.models import jsonl_records
from annotate.search.index import SearchEntry

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_LANG = re.compile(r"^lang:\s*['\"]?([a-z]{2})['\"]?\s*$", re.M)
_WRAPPED = re.compile(r"(?<=\S)\n(?=[^\n#|>*-])")
_MARKUP = re.compile(r"\*\*|`|^#+ ", re.M)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def article_entries(annotations: Path) -> list[SearchEntry]:
    out = []
    for record in jsonl_records(annotations.read_text(encoding="utf-8")):
        out.append(SearchEntry(record["url"], record.get("title") or record["id"], record.get("text") or "", "article",
                               date=record.get("date"), source=record.get("source")))
    return out


def actor_names(record: dict) -> list[str]:
    """Aliases, then the English name, then the Latin name (each once, never the name itself)."""
    latin = record.get("name_latin") or latin_name(record["name"], record.get("label") or "MISC", record.get("name_en"))
    out: list[str] = []
    for name in [*(record.get("aliases") or []), record.get("name_en"), latin]:
        if name and name != record["name"] and name not in out:
            out.append(name)
    return out


def actor_entries(actors: Path) -> list[SearchEntry]:
    out = []
    for record in json.loads(actors.read_text(encoding="utf-8")):
        counts = (len(record.get("articles") or []), int(record.get("mentions") or 0))
        out.append(SearchEntry(record["url"], record["name"], record.get("description") or "", "actor", record.get("label"),
                               actor_names(record), counts=counts))
    return out


def page_language(markdown: str) -> str:
    """``lang`` of the front matter, else "en" when Latin letters outnumber Arabic ones."""
    front = _FRONT_MATTER.match(markdown)
    declared = _LANG.search(front.group(1)) if front else None
    if declared:
        return "en" if declared.group(1) == "en" else "ar"
    return "en" if len(_LATIN_LETTER.findall(markdown)) > len(_ARABIC_LETTER.findall(markdown)) else "ar"


def page_entries(docs: Path, names: list[str]) -> list[SearchEntry]:
    """Entries for the given docs-relative Markdown pages (``about.md`` → ``about/``)."""
    out = []
    for name in names:
        markdown = (docs / name).read_text(encoding="utf-8")
        text = _FRONT_MATTER.sub("", markdown, count=1)
        heading = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), name[:-3])
        text = _MARKUP.sub("", _WRAPPED.sub(" ", text))  # paragraphs, not source lines, become sentences
        url = "" if name == "index.md" else (name[: -len("index.md")] if name.endswith("/index.md") else name[:-3] + "/")
        out.append(SearchEntry(url, heading, text, "page", lang=page_language(markdown)))
    return out


def entries_from_data(docs: Path, articles: list[SearchEntry] | None = None) -> list[SearchEntry]:
    """Every article and actor of docs/data/, plus the checkout's hand-written pages other than the home page.
    ``articles``: the articles' entries when the caller has them (the same as read from ``annotations.jsonl``)."""
    from annotate.site import HAND_WRITTEN

    docs = Path(docs)
    hand_written = sorted(p.name for p in HAND_WRITTEN.glob("*.md") if p.name != "index.md" and (docs / p.name).is_file())
    return [
        *(article_entries(docs / "data" / "annotations.jsonl") if articles is None else articles),
        *actor_entries(docs / "data" / "actors.json"),
        *page_entries(docs, hand_written),
    ]
