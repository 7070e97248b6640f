"""Search entries from the published data files (DESIGN.md's contract), for the pipeline's convenience:

    write_search_index(entries_from_data(docs), docs)    # after render_pages has written docs/data/

Articles: title + text. Actors: name, aliases, English name and description, boosted so that an actor's page
ranks first for its name or an alias. Hand-written pages (docs/*.md of the checkout, not the home page): their
first heading and their Markdown text.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotate.search.index import SearchEntry

ACTOR_BOOST = 3.0


def article_entries(annotations: Path) -> list[SearchEntry]:
    out = []
    for line in annotations.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out.append(SearchEntry(record["url"], record.get("title") or record["id"], record.get("text") or "", "article"))
    return out


def actor_entries(actors: Path) -> list[SearchEntry]:
    out = []
    for record in json.loads(actors.read_text(encoding="utf-8")):
        names = [*(record.get("aliases") or []), *([record["name_en"]] if record.get("name_en") else [])]
        text = "\n".join([record["name"], *names, record.get("description") or ""])
        out.append(SearchEntry(record["url"], record["name"], text, "actor", record.get("label"), ACTOR_BOOST, names))
    return out


def page_entries(docs: Path, names: list[str]) -> list[SearchEntry]:
    """Entries for the given docs-relative Markdown pages (``about.md`` → ``about/``)."""
    out = []
    for name in names:
        text = (docs / name).read_text(encoding="utf-8")
        heading = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), name[:-3])
        url = "" if name == "index.md" else (name[: -len("index.md")] if name.endswith("/index.md") else name[:-3] + "/")
        out.append(SearchEntry(url, heading, text, "page"))
    return out


def entries_from_data(docs: Path) -> list[SearchEntry]:
    """Every article and actor of docs/data/, plus the checkout's hand-written pages other than the home page."""
    from annotate.site import HAND_WRITTEN

    docs = Path(docs)
    hand_written = sorted(p.name for p in HAND_WRITTEN.glob("*.md") if p.name != "index.md" and (docs / p.name).is_file())
    return [
        *article_entries(docs / "data" / "annotations.jsonl"),
        *actor_entries(docs / "data" / "actors.json"),
        *page_entries(docs, hand_written),
    ]
