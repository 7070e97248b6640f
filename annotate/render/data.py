"""The published data files, exactly as DESIGN.md's contract says."""

from __future__ import annotations

import json
from pathlib import Path

from annotate.models import date_record, entity_record
from annotate.render import urls
from annotate.resolve.latin import latin_name
from annotate.render.docs_folder import DocsFolder
from annotate.render.site_data import SiteData


def annotation_records(data: SiteData) -> list[dict]:
    """One record per article (corpus order by id), offsets are Python string indices into ``text``."""
    records = []
    for article in sorted(data.articles, key=lambda a: a.id):
        mentions = data.mentions.get(article.id, [])
        records.append(
            {
                "id": article.id,
                "path": article.path,
                "title": article.title,
                "date": article.date,
                "source": article.source,
                "url": urls.url_of(urls.article_file(article.id)),
                "text": article.text,
                "entities": [entity_record(m, with_actor=True) for m in mentions],
                "dates": [date_record(d) for d in data.annotations[article.id].dates],
            }
        )
    return records


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


def write_data(data: SiteData, docs: DocsFolder | Path) -> list[str]:
    """Write data/annotations.jsonl, data/actors.json and data/slugs.json; return their docs paths."""
    folder = DocsFolder.of(docs)
    lines = [json.dumps(r, ensure_ascii=False) for r in annotation_records(data)]
    folder.write("data/annotations.jsonl", "".join(line + "\n" for line in lines))
    folder.write("data/actors.json", json.dumps(actor_records(data), ensure_ascii=False, indent=1) + "\n")
    folder.write("data/slugs.json", json.dumps(dict(sorted(data.slugs.items())), ensure_ascii=False, indent=1) + "\n")
    return ["data/annotations.jsonl", "data/actors.json", "data/slugs.json"]
