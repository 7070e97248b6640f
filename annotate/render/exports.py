"""Spreadsheet exports: ``data/mentions.csv``, ``data/actors.csv``, ``data/articles.csv``.

Researchers open these in Excel or LibreOffice: UTF-8 with a byte-order mark (without it Excel reads the
Arabic as Latin-1), CRLF line ends and every field quoted where needed (``csv`` module). The rows are
the same records as ``annotations.jsonl`` and ``actors.json`` (``annotate.render.data``), one row per
mention, actor or article, in the same order, so a file can be checked against the JSON line by line.
Columns are documented in ``COLUMNS`` (and in the README's "Published data").
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from annotate.digest import files_digest
from annotate.render.site_data import SiteData

CODE = files_digest([Path(__file__)])  # part of the tables' key (annotate.render.data)
BOM = "\ufeff"

# Each file's columns, with what they hold (the README lists the same).
COLUMNS: dict[str, dict[str, str]] = {
    "data/mentions.csv": {
        "article_id": "the article's id (annotations.jsonl `id`)",
        "article_date": "its publication date (ISO), empty when unknown",
        "actor_id": "the actor the mention was resolved to (actors.csv `id`), empty when none",
        "actor_name": "that actor's name",
        "label": "PER, ORG, LOC or MISC",
        "mention": "the mention as written, exactly text[start:end]",
        "start": "character offset of the mention in the article text (Python string index)",
        "end": "offset just after it",
        "sentence_start": "offset of the sentence that contains the mention (empty if in none)",
        "sentence_end": "offset just after that sentence",
        "sentence": "the sentence, exactly text[sentence_start:sentence_end]",
    },
    "data/actors.csv": {
        "id": "stable actor id",
        "slug": "the page address part: actors/<slug>/",
        "name": "display name",
        "label": "PER, ORG, LOC or MISC",
        "name_en": "English name from the registry, if any",
        "description": "the registry's description, if any",
        "aliases": "other spellings, separated by ' | '",
        "articles": "number of articles that mention the actor",
        "mentions": "number of mentions",
        "url": "the actor's page, relative to the site's address",
        "feed": "the actor's Atom feed, relative to the site's address",
    },
    "data/articles.csv": {
        "id": "the article's id (annotations.jsonl `id`)",
        "title": "headline",
        "date": "publication date (ISO), empty when unknown",
        "source": "outlet",
        "path": "source file, relative to the corpus folder",
        "url": "the article's page, relative to the site's address",
        "entities": "number of entity mentions",
        "actors": "number of distinct actors",
        "dates": "number of date expressions",
    },
}
ALIAS_SEPARATOR = " | "


def table(columns: list[str], rows: list[dict]) -> str:
    """CSV text with a BOM and a header row; ``None`` becomes an empty field."""
    return BOM + _csv([columns]) + _csv(["" if row.get(c) is None else row[c] for c in columns] for row in rows)


def header(name: str) -> str:
    """The header row of file ``name`` (a table is its BOM, this, and its rows' ``rows_text``)."""
    return _csv([list(COLUMNS[name])])


def rows_text(name: str, rows: list[dict]) -> str:
    """The lines of ``rows`` in file ``name`` (no BOM, no header): a table is its header and these, joined."""
    columns = list(COLUMNS[name])
    return _csv(["" if row.get(c) is None else row[c] for c in columns] for row in rows)


def _csv(rows) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def mention_rows(data: SiteData, records: list[dict]) -> list[dict]:
    """One row per entity of ``records`` (annotation records, in their order) with its sentence."""
    names = {a.id: a.name for a in data.actors}
    rows = []
    for record in records:
        text = record["text"]
        for entity in record["entities"]:
            sentence = data.sentence_of(record["id"], entity["start"])
            inside = sentence is not None and entity["end"] <= sentence.end
            rows.append(
                {
                    "article_id": record["id"],
                    "article_date": record["date"],
                    "actor_id": entity["actor"],
                    "actor_name": names.get(entity["actor"] or ""),
                    "label": entity["label"],
                    "mention": entity["text"],
                    "start": entity["start"],
                    "end": entity["end"],
                    "sentence_start": sentence.start if inside else None,
                    "sentence_end": sentence.end if inside else None,
                    "sentence": text[sentence.start : sentence.end] if inside else None,
                }
            )
    return rows


def actor_rows(actors: list[dict], feeds: dict[str, str]) -> list[dict]:
    """Rows of ``actors.json`` records; ``feeds`` maps actor id → feed path."""
    return [
        {**actor, "aliases": ALIAS_SEPARATOR.join(actor["aliases"]), "articles": len(actor["articles"]), "feed": feeds.get(actor["id"])}
        for actor in actors
    ]


def article_rows(records: list[dict]) -> list[dict]:
    return [
        {
            **{k: record[k] for k in ("id", "title", "date", "source", "path", "url")},
            "entities": len(record["entities"]),
            "actors": len({e["actor"] for e in record["entities"] if e["actor"]}),
            "dates": len(record["dates"]),
        }
        for record in records
    ]
