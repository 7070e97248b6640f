"""``data/corpus.db``: the corpus as one SQLite database, for ``datasette data/corpus.db`` or any SQL client.

Tables ``articles``, ``actors``, ``sentences`` (every sentence of every article, with full-text search
in ``sentences_fts``), ``mentions`` and ``dates``, linked by foreign keys (checked while the file is
written). Built with sqlite-utils into a file of the build's work folder, without a journal (at 10,000
articles the database is 100 MB: built in memory and serialized, it was held twice in the process that
built it): the same records inserted in the same order give the same bytes, so two builds of a corpus
publish the same file. The bytes do depend
on the SQLite library (its version is written in the file's header), so a build on another machine may
differ in a few header bytes; the key below includes that version, so such a file is rebuilt.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from annotate.digest import digest, files_digest
from annotate.render.site_data import SiteData

# Every sentence where two given actors appear together (README, "Published data"; tested).
TOGETHER_SQL = """\
select articles.date, articles.title, sentences.text
from sentences
join articles on articles.id = sentences.article_id
where sentences.id in (select sentence_id from mentions where actor_id = :first)
  and sentences.id in (select sentence_id from mentions where actor_id = :second)
order by articles.date desc, sentences.article_id, sentences.start"""

CODE = files_digest([Path(__file__)])


def database_key(records_key: str, actors_text: str, articles_key: str) -> str:
    """What the file is made of: the published records (``records_key``: annotations.jsonl's key), the
    articles' keys (``articles_key``: they cover the sentence spans), this code, the libraries."""
    versions = f"sqlite {sqlite3.sqlite_version}; sqlite-utils {metadata.version('sqlite-utils')}"
    return digest(CODE.encode(), versions.encode(), records_key.encode(), actors_text.encode(), articles_key.encode())


def build_database(data: SiteData, actors: list[dict], feeds: dict[str, str], path: Path) -> None:
    """Write the database file at ``path`` (replaced): the articles as ``annotations.jsonl`` publishes them
    (the rows are made from ``data`` one at a time, never all at once), the actor records
    (``annotate.render.data``)."""
    import sqlite_utils

    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode = off")  # a half-written file is never published: it is rebuilt
    conn.execute("pragma synchronous = off")
    db = sqlite_utils.Database(conn)
    db.execute("pragma foreign_keys = on")  # an inconsistent record fails the build instead of publishing
    db["articles"].create(
        {"id": str, "title": str, "date": str, "source": str, "path": str, "url": str, "text": str}, pk="id", not_null=["text"]
    )
    db["actors"].create(
        {
            "id": str, "slug": str, "name": str, "label": str, "name_en": str, "description": str,
            "aliases": str, "url": str, "feed": str, "articles": int, "mentions": int,
        },
        pk="id",
    )
    db["sentences"].create(
        {"id": int, "article_id": str, "number": int, "start": int, "end": int, "text": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    db["mentions"].create(
        {
            "id": int, "article_id": str, "number": int, "actor_id": str, "sentence_id": int,
            "label": str, "start": int, "end": int, "text": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("actor_id", "actors", "id"), ("sentence_id", "sentences", "id")],
    )
    db["dates"].create(
        {"id": int, "article_id": str, "number": int, "start": int, "end": int, "text": str, "value": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    ids = sorted(a.id for a in data.articles)
    _insert(db, "articles", ("id", "title", "date", "source", "path", "url", "text"), _article_rows(data, ids))
    _insert(db, "actors", ("id", "slug", "name", "label", "name_en", "description", "url", "mentions", "aliases", "articles", "feed"), (
        [*(a[k] for k in ("id", "slug", "name", "label", "name_en", "description", "url", "mentions")),
         json.dumps(a["aliases"], ensure_ascii=False), len(a["articles"]), feeds.get(a["id"])]
        for a in actors
    ))
    first_sentence: dict[str, int] = {}  # article id → id of its first sentence
    _insert(db, "sentences", ("id", "article_id", "number", "start", "end", "text"), _sentence_rows(data, ids, first_sentence))
    _insert(db, "mentions", ("id", "article_id", "number", "actor_id", "sentence_id", "label", "start", "end", "text"), _mention_rows(data, ids, first_sentence))
    _insert(db, "dates", ("id", "article_id", "number", "start", "end", "text", "value"), _date_rows(data, ids))
    for table, column in (("mentions", "actor_id"), ("mentions", "sentence_id"), ("mentions", "article_id"), ("dates", "article_id"),
                          ("sentences", "article_id")):
        db[table].create_index([column])
    db["sentences"].enable_fts(["text"])
    conn.close()


def _insert(db, table: str, columns: tuple[str, ...], rows) -> None:
    """Rows in the order given, with one prepared statement (sqlite-utils' ``insert_all`` spent seconds per
    10,000 articles building its statements; the same rows in the same order give the same file)."""
    names = ", ".join(f"[{c}]" for c in columns)
    with db.conn:
        db.conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})", rows)


def _article_rows(data: SiteData, ids: list[str]) -> Iterator[tuple]:
    from annotate.render.urls import article_file, url_of

    for article_id in ids:
        a = data.article_by_id[article_id]
        yield a.id, a.title, a.date, a.source, a.path, url_of(article_file(a.id)), a.text


def _sentence_rows(data: SiteData, ids: list[str], first_sentence: dict[str, int]) -> Iterator[tuple]:
    number_of_rows = 0
    for article_id in ids:
        text = data.article_by_id[article_id].text
        first_sentence[article_id] = number_of_rows + 1
        for number, s in enumerate(data.annotations[article_id].sentences):
            number_of_rows += 1
            yield number_of_rows, article_id, number, s.start, s.end, text[s.start : s.end]


def _mention_rows(data: SiteData, ids: list[str], first_sentence: dict[str, int]) -> Iterator[tuple]:
    row = 0
    for article_id in ids:
        numbers = {s.start: first_sentence[article_id] + n for n, s in enumerate(data.annotations[article_id].sentences)}
        for number, m in enumerate(data.mentions.get(article_id, [])):
            row += 1
            sentence = data.sentence_of(article_id, m.start)
            yield row, article_id, number, m.actor, numbers[sentence.start] if sentence else None, m.label, m.start, m.end, m.text


def _date_rows(data: SiteData, ids: list[str]) -> Iterator[tuple]:
    row = 0
    for article_id in ids:
        for number, d in enumerate(d for d in data.annotations[article_id].dates if d.value is not None):
            row += 1
            yield row, article_id, number, d.start, d.end, d.text, d.value
