"""The published data files: DESIGN.md's contract (annotations.jsonl, actors.json), the spreadsheets and the
SQLite database made from the same records (``exports``, ``corpus_db``), and the Atom feeds (``feeds``).

Everything is written through the docs folder, so a file whose bytes did not change is not written again
and MkDocs does not copy it; the database and the feeds are not even rebuilt while their inputs' key is
unchanged (``DocsFolder.reuse``).
"""

from __future__ import annotations

import json
from pathlib import Path

from annotate.digest import digest
from annotate.models import DateMention, date_record, entity_record
from annotate.render import compressed, corpus_db, exports, feeds, urls
from annotate.resolve.latin import latin_name
from annotate.render.docs_folder import DocsFolder
from annotate.render.site_data import SiteData


def annotation_records(data: SiteData) -> list[dict]:
    """One record per article (corpus order by id), offsets are Python string indices into ``text``."""
    return [annotation_record(data, article.id) for article in sorted(data.articles, key=lambda a: a.id)]


def annotation_record(data: SiteData, article_id: str) -> dict:
    article = data.article_by_id[article_id]
    mentions = data.mentions.get(article.id, [])
    dates = data.annotations[article.id].dates
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": urls.url_of(urls.article_file(article.id)),
        "text": article.text,
        "entities": [entity_record(m, with_actor=True) for m in mentions],
        "dates": [date_record(d) for d in dates if d.value is not None],
        "unresolved_dates": [unresolved_record(d) for d in dates if d.value is None],
        "date_source": article.date_source,
    }


def _line(data: SiteData, article_id: str) -> str:
    return json.dumps(annotation_record(data, article_id), ensure_ascii=False) + "\n"


def _mention_rows(data: SiteData, article_id: str) -> str:
    return exports.rows_text("data/mentions.csv", exports.mention_rows(data, [annotation_record(data, article_id)]))


def _article_row(data: SiteData, article_id: str) -> str:
    return exports.rows_text("data/articles.csv", exports.article_rows([annotation_record(data, article_id)]))


def unresolved_record(mention: DateMention) -> dict:
    """A date expression without a value: its span, and what it fixes (``XXXX-09-17``) or ``None``."""
    return {"start": mention.start, "end": mention.end, "text": mention.text, "known": mention.known}


def actor_records(data: SiteData) -> list[dict]:
    records = []
    for actor in sorted(data.actors, key=lambda a: a.id):
        if actor.id not in data.actor_articles:
            continue
        records.append(
            {
                "id": actor.id,
                "name": actor.name,
                "label": actor.label,
                "aliases": actor.aliases,
                "url": urls.url_of(urls.actor_file(actor.slug)),
                "articles": data.actor_articles[actor.id],
                "mentions": len(data.actor_mentions[actor.id]),
                "name_en": actor.name_en,
                "name_latin": latin_name(actor.name, actor.label, actor.name_en),
                "description": actor.description,
                "slug": actor.slug,
            }
        )
    return records


DATABASE = "data/corpus.db"


def write_data(data: SiteData, docs: DocsFolder | Path) -> list[str]:
    """Write the data files and the feeds; return their docs paths."""
    folder = DocsFolder.of(docs)
    ids = sorted(a.id for a in data.articles)
    actors = actor_records(data)
    line = data.per_article("annotations.jsonl", _line)  # per article, kept across builds
    records_key = folder.write_parts("data/annotations.jsonl", (line(article_id) for article_id in ids))
    actors_text = json.dumps(actors, ensure_ascii=False, indent=1) + "\n"
    folder.write("data/actors.json", actors_text)
    folder.write("data/slugs.json", json.dumps(dict(sorted(data.slugs.items())), ensure_ascii=False, indent=1) + "\n")
    written = ["data/annotations.jsonl", "data/actors.json", "data/slugs.json"]
    feed_paths = feeds.write_feeds(data, folder)
    # The spreadsheets and the database are made of the same records: one key for all four.
    parts = (corpus_db.database_key(records_key, actors_text, data), exports.CODE, json.dumps(feed_paths, sort_keys=True), compressed.VERSION)
    key = digest(*(part.encode() for part in parts))
    tables = [compressed.published_name(name) for name in (*exports.COLUMNS, DATABASE)]
    if not all(folder.reuse(name, key) for name in tables):
        per_article = {"data/mentions.csv": data.per_article("mentions.csv", _mention_rows), "data/articles.csv": data.per_article("articles.csv", _article_row)}
        for name, pieces in exports.spreadsheets(data, ids, actors, feed_paths, per_article).items():
            if name in compressed.GZIPPED:  # joined once to be compressed; the others stream to disk
                _publish(folder, name, "".join(pieces).encode("utf-8"), key)
            else:
                folder.inputs[name] = key
                folder.write_parts(name, pieces)
        _publish(folder, DATABASE, corpus_db.build_database(data, actors, feed_paths), key)
    return written + tables + [feeds.CORPUS_FEED, *sorted(set(feed_paths.values()))]


def _publish(folder: DocsFolder, name: str, content: bytes, key: str) -> None:
    """Write one table under its published name (gzipped where ``compressed`` says), with its input key."""
    published = compressed.published_name(name)
    folder.inputs[published] = key
    folder.write(published, compressed.published_bytes(name, content))
