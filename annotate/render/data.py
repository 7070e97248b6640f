"""The published data files: DESIGN.md's contract (annotations.jsonl, actors.json), the spreadsheets and the
SQLite database made from the same records (``exports``, ``corpus_db``), and the Atom feeds (``feeds``).

Everything is written through the docs folder, so a file whose bytes did not change is not written again
and MkDocs does not copy it; the database and the feeds are not even rebuilt while their inputs' key is
unchanged (``DocsFolder.reuse``). ``annotations.jsonl`` and the spreadsheets are assembled from one piece
per article, the unchanged ones copied from the last build's file (``pieces``), and the gzip files from
members of which only the changed blocks are compressed again (``compressed.Members``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from annotate import forked
from annotate.digest import digest
from annotate.models import DateMention, date_record, entity_record
from annotate.render import compressed, corpus_db, exports, feeds, urls
from annotate.resolve.latin import latin_name
from annotate.render.docs_folder import DocsFolder
from annotate.render.pieces import PieceIndex, assemble, file_key
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


def json_lines_array(records: list[dict]) -> str:
    """A JSON array with one compact record per line: a fifth fewer bytes than ``indent=1`` (whose article ids
    took a line each), and still a line per actor for ``diff`` and ``grep``."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "\n]\n"


def _line(data: SiteData, article_id: str) -> str:
    """One record of ``annotations.jsonl``, without the spaces after separators (the same JSON, 6 % fewer bytes)."""
    return json.dumps(annotation_record(data, article_id), ensure_ascii=False, separators=(",", ":")) + "\n"


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


ANNOTATIONS = "data/annotations.jsonl"
DATABASE = "data/corpus.db"
MENTIONS = "data/mentions.csv"


def piece_keys(data: SiteData, ids: list[str]) -> list[tuple[str, str]]:
    """Each article's id and the key of its pieces of the data files: what ``SiteData.article_key`` covers,
    and the record's fields it does not (the source file's path, where the date came from, the mentions'
    and dates' text as recorded)."""
    out = []
    for article_id in ids:
        article = data.article_by_id[article_id]
        texts = [m.text for m in data.mentions.get(article_id, [])] + [d.text for d in data.annotations[article_id].dates]
        tail = "\0".join([str(article.path), str(article.date_source), *texts]).encode()
        out.append((article_id, hashlib.sha256(data.article_key(article_id).encode() + tail).hexdigest()))
    return out


def write_data(data: SiteData, docs: DocsFolder | Path, fork: bool = False) -> tuple[list[str], Callable[[], None]]:
    """Write the data files and the feeds; return their docs paths, and what completes the database.

    The database is rebuilt whole whenever an article changes (a SQLite file cannot be patched and stay
    byte-identical): about 10 s at 10,000 articles. With ``fork`` a child process builds and compresses it
    while this one renders the other pages; the returned function waits for it and puts the file in place
    (call it before the folder is finished). Without ``fork`` it is built here, and the function does nothing."""
    folder = DocsFolder.of(docs)
    ids = sorted(a.id for a in data.articles)
    keyed = piece_keys(data, ids)
    version = data.memo.version if data.memo is not None and folder.pieces is not None else None
    actors = actor_records(data)
    records_key, records = _assembled_index(folder, ANNOTATIONS, "", keyed, lambda article_id: _line(data, article_id), version)
    # Published as it is (DESIGN.md's contract: tools and the real-news scorer read site/data/annotations.jsonl)
    # and gzipped beside it, the download the home page offers (a fifth of the bytes).
    gz_key = digest(records_key.encode(), compressed.VERSION.encode())
    if not folder.reuse(compressed.published_name(ANNOTATIONS), gz_key):
        _gzipped_by_article(folder, ANNOTATIONS, folder / ANNOTATIONS, records, "", version, gz_key)
    actors_text = json_lines_array(actors)
    folder.write("data/actors.json", actors_text)
    folder.write("data/slugs.json", json.dumps(dict(sorted(data.slugs.items())), ensure_ascii=False, indent=1) + "\n")
    written = [ANNOTATIONS, compressed.published_name(ANNOTATIONS), "data/actors.json", "data/slugs.json"]
    feed_paths = feeds.write_feeds(data, folder)
    # The spreadsheets and the database are made of the same records: one key for all four.
    articles_key = hashlib.sha256("".join(key for _, key in keyed).encode()).hexdigest()
    parts = (corpus_db.database_key(records_key, actors_text, articles_key), exports.CODE, json.dumps(feed_paths, sort_keys=True), compressed.VERSION)
    key = digest(*(part.encode() for part in parts))
    tables = [compressed.published_name(name) for name in (*exports.COLUMNS, DATABASE)]
    database_done: Callable[[], None] = lambda: None  # noqa: E731
    if not all(folder.reuse(name, key) for name in tables):
        database_done = _database(data, folder, actors, feed_paths, key, fork)
        columns = exports.COLUMNS
        head = exports.BOM + exports.header(MENTIONS)
        _mentions(folder, head, keyed, lambda article_id: _mention_rows(data, article_id), version, key)
        folder.inputs["data/articles.csv"] = key
        _assembled(folder, "data/articles.csv", exports.BOM + exports.header("data/articles.csv"), keyed, lambda article_id: _article_row(data, article_id), version)
        folder.inputs["data/actors.csv"] = key
        folder.write("data/actors.csv", exports.table(list(columns["data/actors.csv"]), exports.actor_rows(actors, feed_paths)))
        if not fork:
            database_done()
            database_done = lambda: None  # noqa: E731
    return written + tables + [feeds.CORPUS_FEED, *sorted(set(feed_paths.values()))], database_done


def _database(data: SiteData, folder: DocsFolder, actors: list[dict], feed_paths: dict[str, str], key: str, fork: bool) -> Callable[[], None]:
    """Build ``corpus.db`` and compress it into its published file's temporary (in a forked child with
    ``fork``); return what waits for that and puts the file in place."""
    uri = compressed.published_name(DATABASE)
    members = compressed.Members(_members_index(folder, uri), folder / uri)
    temporary, plain = folder.temporary(uri), folder.temporary(DATABASE)

    def build() -> dict:
        corpus_db.build_database(data, actors, feed_paths, plain)
        try:
            with plain.open("rb") as file:
                members.write(temporary, _blocks(file))
        finally:
            plain.unlink(missing_ok=True)
        return members.written

    wait = forked.start(build) if fork else (lambda result: (lambda: result))(build())

    def done() -> None:
        members.written = wait()
        folder.inputs[uri] = key
        members.save(folder.place(uri, temporary))

    return done


def _index(folder: DocsFolder, name: str, version: str | None) -> PieceIndex:
    path = folder.pieces / f"{name.replace('/', '-')}.json" if folder.pieces is not None and version is not None else None
    return PieceIndex(path, version or "")


def _assembled(folder: DocsFolder, uri: str, head: str, keyed: list[tuple[str, str]], piece, version: str | None) -> str:
    """Write docs file ``uri`` from one piece per article (``pieces.assemble``); return its key."""
    return _assembled_index(folder, uri, head, keyed, piece, version)[0]


def _assembled_index(folder: DocsFolder, uri: str, head: str, keyed: list[tuple[str, str]], piece, version: str | None) -> tuple[str, PieceIndex]:
    index = _index(folder, uri, version).load(folder / uri)
    temporary = folder.temporary(uri)
    assemble(temporary, head, keyed, piece, folder / uri, index)
    key = folder.place(uri, temporary)
    index.save(key)
    return key, index


def _mentions(folder: DocsFolder, head: str, keyed: list[tuple[str, str]], piece, version: str | None, key: str) -> None:
    """``mentions.csv.gz``: the table is assembled from its pieces in the work folder (kept for the next
    build), then compressed a block of articles at a time (``compressed.ends_block``)."""
    kept = folder.pieces / "mentions.csv" if folder.pieces is not None and version is not None else None
    plain = kept if kept is not None else folder.temporary(MENTIONS)
    index = _index(folder, MENTIONS, version).load(plain)
    temporary = plain.with_name(plain.name + ".new")
    assemble(temporary, head, keyed, piece, plain, index)
    temporary.replace(plain)
    index.save(file_key(plain) if index.path is not None else "")
    _gzipped_by_article(folder, MENTIONS, plain, index, head, version, key)
    if kept is None:
        plain.unlink()


def _gzipped_by_article(folder: DocsFolder, name: str, plain: Path, index: PieceIndex, head: str, version: str | None, key: str) -> None:
    """Docs file ``name``.gz from ``plain`` (assembled by ``index``), a gzip member per block of articles
    (``compressed.ends_block``), so that a rebuild compresses only the blocks whose articles changed."""
    entries, size = index.written
    blocks, start, piece_keys_of_block = [], 0, [head]
    for number, (article_id, piece_key, offset, length) in enumerate(entries):
        piece_keys_of_block.append(piece_key)
        if compressed.ends_block(article_id) or number == len(entries) - 1:
            end = offset + length
            block_key = hashlib.sha256("\0".join([version or "", *piece_keys_of_block]).encode()).hexdigest()
            blocks.append((block_key, start, end))
            start, piece_keys_of_block = end, []
    if not blocks:  # no article: the header alone
        blocks.append((hashlib.sha256(f"{version}\0{head}".encode()).hexdigest(), 0, size))
    with plain.open("rb") as file:

        def read(start: int, end: int) -> bytes:
            file.seek(start)
            return file.read(end - start)

        keyed_blocks = [(block_key if version else "", lambda s=s, e=e: read(s, e)) for block_key, s, e in blocks]
        _gzipped(folder, compressed.published_name(name), keyed_blocks, key)


def _blocks(file) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """The database's blocks of ``DB_BLOCK`` bytes, read one at a time (at least one, empty)."""
    block = file.read(compressed.DB_BLOCK)
    while True:
        yield hashlib.sha256(block).hexdigest(), lambda block=block: block
        block = file.read(compressed.DB_BLOCK)
        if not block:
            return


def _members_index(folder: DocsFolder, uri: str) -> Path | None:
    return folder.pieces / f"{uri.replace('/', '-')}.json" if folder.pieces is not None else None


def _gzipped(folder: DocsFolder, uri: str, blocks, key: str) -> None:
    """Docs file ``uri``: one gzip member per ``(key, bytes)`` block, copied from the last build's file
    where it holds the block's member (``compressed.Members``)."""
    members = compressed.Members(_members_index(folder, uri), folder / uri)
    temporary = folder.temporary(uri)
    members.write(temporary, blocks)
    folder.inputs[uri] = key
    members.save(folder.place(uri, temporary))
