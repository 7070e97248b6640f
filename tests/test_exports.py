"""The spreadsheet and SQLite exports, read back with the standard readers (csv, sqlite3) and checked
against data/annotations.jsonl; site_url, canonical links, the sitemap and link previews."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest

from annotate.errors import ConfigError
from annotate.pipeline import BuildOptions, build
from annotate.render import compressed, corpus_db, exports
from annotate.site_url import normalized
from tests.conftest import CORPUS, MODEL, ROOT
from tests.sitecheck import page_file
from tests.sitecheck import published_records

pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="the shipped model is needed to build the site")

SITE_URL = "https://example.github.io/corpus/"


@pytest.fixture(scope="module")
def published(tmp_path_factory, monkeypatch_module) -> Path:
    """The seed corpus built as the workflow builds it: with $SITE_URL set."""
    monkeypatch_module.setenv("SITE_URL", SITE_URL.rstrip("/"))  # as actions/configure-pages gives it
    folder = tmp_path_factory.mktemp("exports")
    build(BuildOptions(corpus=CORPUS, out=folder / "site", cache=folder / "cache"))
    return folder / "site"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def records(published) -> list[dict]:
    return published_records(published)


@pytest.fixture(scope="module")
def actors(published) -> dict[str, dict]:
    return {a["id"]: a for a in json.loads((published / "data" / "actors.json").read_text(encoding="utf-8"))}


def unpacked(site: Path, name: str) -> bytes:
    """A data file as a reader gets it after ``gunzip``: the large ones are published as ``<name>.gz``."""
    path = site / compressed.published_name(name)
    assert path.exists(), f"{path.name} is not published"
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def read_csv(site: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(unpacked(site, name).decode("utf-8-sig"), newline="")))


def test_the_large_downloads_are_gzipped_and_linked_from_the_home_page(published):
    """annotations.jsonl, mentions.csv and corpus.db are published compressed (the rest as they are), linked
    by their real names; annotations.jsonl is also published as it is (DESIGN.md's contract), linked too."""
    home = page_file(published, "").read_text(encoding="utf-8")
    for name in (*exports.COLUMNS, "data/corpus.db", "data/annotations.jsonl", "data/actors.json"):
        gzipped = name in ("data/annotations.jsonl", "data/mentions.csv", "data/corpus.db")
        plain = not gzipped or name == "data/annotations.jsonl"
        assert (published / (name + ".gz")).exists() == gzipped and (published / name).exists() == plain, name
        assert f'href="{compressed.published_name(name)}"' in home, name
    assert (published / "data" / "annotations.jsonl").read_bytes() == gzip.decompress((published / "data" / "annotations.jsonl.gz").read_bytes())
    assert 'href="data/annotations.jsonl"' in home
    assert gzip.decompress((published / "data" / "corpus.db.gz").read_bytes()).startswith(b"SQLite format 3\x00")


def test_json_data_files_are_compact_with_a_record_a_line(published):
    """annotations.jsonl and actors.json carry no indentation or spaces after separators (6 % and a fifth of
    their bytes), and actors.json keeps one actor a line, so ``grep`` and ``diff`` still read it."""
    lines = (published / "data" / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line) and line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":")) for line in lines)
    text = (published / "data" / "actors.json").read_text(encoding="utf-8")
    rows = text.splitlines()
    assert rows[0] == "[" and rows[-1] == "]" and len(rows) == len(json.loads(text)) + 2
    assert [json.loads(row.rstrip(",")) for row in rows[1:-1]] == json.loads(text)


def blank(value) -> str:
    return "" if value is None else str(value)


# --- spreadsheets -------------------------------------------------------------------------------------


def test_csv_files_open_in_excel_as_utf8(published):
    for name in exports.COLUMNS:
        data = unpacked(published, name)
        assert data.startswith(b"\xef\xbb\xbf"), f"{name}: no byte-order mark, Excel would read the Arabic as Latin-1"
        assert data.split(b"\n", 1)[0].endswith(b"\r") and data.endswith(b"\r\n"), f"{name}: rows end in CRLF"
        header = next(csv.reader(data.decode("utf-8-sig").splitlines()))
        assert header == list(exports.COLUMNS[name])


def test_mentions_csv_is_every_entity_of_annotations_jsonl(published, records, actors):
    rows = read_csv(published, "data/mentions.csv")
    entities = [(r, e) for r in records for e in r["entities"]]
    assert len(rows) == len(entities) > 300
    with_sentence = 0
    for row, (record, entity) in zip(rows, entities, strict=True):
        assert row["article_id"] == record["id"] and row["article_date"] == blank(record["date"])
        assert (int(row["start"]), int(row["end"])) == (entity["start"], entity["end"])
        assert (row["mention"], row["label"]) == (entity["text"], entity["label"])
        assert row["actor_id"] == blank(entity["actor"])
        assert row["actor_name"] == (actors[entity["actor"]]["name"] if entity["actor"] else "")
        if row["sentence"]:
            start, end = int(row["sentence_start"]), int(row["sentence_end"])
            assert record["text"][start:end] == row["sentence"]
            assert start <= entity["start"] < entity["end"] <= end
            with_sentence += 1
    assert with_sentence >= 0.95 * len(rows)
    # A real sentence of the seed corpus (haftar-putin-moscow-visit.txt), found by its mention.
    putin = [r for r in rows if r["article_id"] == "haftar-putin-moscow-visit" and r["mention"] == "فلاديمير بوتين"]
    assert putin and "استقبل الرئيس الروسي فلاديمير بوتين" in putin[0]["sentence"]


def test_actors_and_articles_csv_match_the_json(published, records, actors):
    rows = read_csv(published, "data/actors.csv")
    assert [r["id"] for r in rows] == list(actors)
    for row in rows:
        actor = actors[row["id"]]
        assert (row["name"], row["label"], row["url"], row["slug"]) == (actor["name"], actor["label"], actor["url"], actor["slug"])
        assert row["aliases"].split(exports.ALIAS_SEPARATOR) == actor["aliases"] or (row["aliases"] == "" and actor["aliases"] == [])
        assert (int(row["articles"]), int(row["mentions"])) == (len(actor["articles"]), actor["mentions"])
        assert (published / row["feed"]).is_file() and page_file(published, row["url"]).is_file()
    rows = read_csv(published, "data/articles.csv")
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, record in zip(rows, records, strict=True):
        for key in ("title", "date", "source", "path", "url"):
            assert row[key] == blank(record[key]), key
        assert (int(row["entities"]), int(row["dates"])) == (len(record["entities"]), len(record["dates"]))
        assert int(row["actors"]) == len({e["actor"] for e in record["entities"] if e["actor"]})


# --- SQLite --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(published, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "corpus.db"  # gunzip corpus.db.gz, as a reader does
    path.write_bytes(unpacked(published, "data/corpus.db"))
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def test_database_holds_the_records_with_foreign_keys(db, records, actors):
    tables = {r["name"] for r in db.execute("select name from sqlite_master where type = 'table'")}
    assert {"articles", "actors", "sentences", "mentions", "dates", "sentences_fts"} <= tables
    assert db.execute("pragma foreign_key_check").fetchall() == []
    links = {(r["from"], r["table"]) for r in db.execute("pragma foreign_key_list(mentions)")}
    assert links == {("article_id", "articles"), ("actor_id", "actors"), ("sentence_id", "sentences")}
    assert {(r["from"], r["table"]) for r in db.execute("pragma foreign_key_list(dates)")} == {("article_id", "articles")}
    by_id = {r["id"]: r for r in records}
    assert [tuple(r) for r in db.execute("select id, title, date, text from articles order by id")] == [
        (r["id"], r["title"], r["date"], r["text"]) for r in sorted(records, key=lambda r: r["id"])
    ]
    mentions = db.execute("select article_id, number, actor_id, label, start, end, text from mentions order by id").fetchall()
    assert [tuple(m) for m in mentions] == [
        (r["id"], n, e["actor"], e["label"], e["start"], e["end"], e["text"]) for r in records for n, e in enumerate(r["entities"])
    ]
    dates = db.execute("select article_id, start, end, text, value from dates order by id").fetchall()
    assert [tuple(d) for d in dates] == [(r["id"], d["start"], d["end"], d["text"], d["value"]) for r in records for d in r["dates"]]
    for row in db.execute("select id, name, label, articles, mentions, aliases from actors"):
        actor = actors[row["id"]]
        assert (row["name"], row["label"]) == (actor["name"], actor["label"])
        assert (row["articles"], row["mentions"]) == (len(actor["articles"]), actor["mentions"])
        assert json.loads(row["aliases"]) == actor["aliases"]
    for row in db.execute("select article_id, start, end, text from sentences"):
        assert by_id[row["article_id"]]["text"][row["start"] : row["end"]] == row["text"]
    inside = db.execute(
        "select count(*) from mentions join sentences on sentences.id = mentions.sentence_id "
        "where mentions.start >= sentences.start and mentions.start < sentences.end"
    ).fetchone()[0]
    assert inside == db.execute("select count(*) from mentions where sentence_id is not null").fetchone()[0] >= 0.95 * len(mentions)


def test_full_text_search_finds_every_sentence_with_the_word(db):
    word = "حفتر"
    hits = {r[0] for r in db.execute("select rowid from sentences_fts where sentences_fts match ?", [word])}
    expected = {r["id"] for r in db.execute("select id, text from sentences") if re.search(rf"(?<!\w){word}(?!\w)", r["text"])}
    assert hits == expected and len(hits) > 10


def test_documented_query_gives_every_sentence_naming_both_actors(db, records):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert corpus_db.TOGETHER_SQL in readme, "README's example query differs from the tested one"
    first, second = "per-khalifa-haftar", "loc-russia"
    spans = {}
    for row in db.execute("select article_id, start, end, text from sentences"):
        spans.setdefault(row["article_id"], []).append((row["start"], row["end"], row["text"]))
    expected = []
    for record in sorted(records, key=lambda r: (r["date"] or "", r["id"]), reverse=True):
        for start, end, text in sorted(spans.get(record["id"], [])):
            inside = {e["actor"] for e in record["entities"] if start <= e["start"] < end}
            if {first, second} <= inside:
                expected.append((record["date"], record["title"], text))
    found = [tuple(r) for r in db.execute(corpus_db.TOGETHER_SQL, {"first": first, "second": second})]
    assert len(found) >= 5
    assert sorted(found, key=repr) == sorted(expected, key=repr)


def test_exports_are_byte_identical_across_builds_and_after_an_incremental_one(tmp_path, published):
    """A second build from scratch (annotations from the cache, everything else rendered again) and a rebuild
    after adding an article that then loses it give the same data files and feeds."""
    cache = published.parent / "cache"
    again = tmp_path / "cache"
    shutil.copytree(cache, again, ignore=shutil.ignore_patterns("site"))
    build(BuildOptions(corpus=CORPUS, out=tmp_path / "site", cache=again))
    names = [compressed.published_name(n) for n in ("data/corpus.db", *exports.COLUMNS)] + ["feed.xml", *(f"feeds/{p.name}" for p in (published / "feeds").iterdir())]
    for name in names:
        assert (tmp_path / "site" / name).read_bytes() == (published / name).read_bytes(), name
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    new = "---\ntitle: خبر\ndate: 2025-01-02\n---\nزار خليفة حفتر موسكو والتقى فلاديمير بوتين.\n"
    (corpus / "new.md").write_text(new, encoding="utf-8")
    options = BuildOptions(corpus=corpus, out=tmp_path / "site", cache=again)
    build(options)
    (tmp_path / "corpus.db").write_bytes(unpacked(tmp_path / "site", "data/corpus.db"))
    db = sqlite3.connect(tmp_path / "corpus.db")
    assert db.execute("select title from articles where id = 'new'").fetchone() == ("خبر",)
    db.close()
    (corpus / "new.md").unlink()
    build(options)
    for name in names:
        assert (tmp_path / "site" / name).read_bytes() == (published / name).read_bytes(), name


# --- shareable links ---------------------------------------------------------------------------------


def test_site_url_is_checked_and_normalized():
    assert normalized("https://user.github.io/repo", "mkdocs.yml: 'site_url'") == "https://user.github.io/repo/"
    assert normalized("", "mkdocs.yml: 'site_url'") is None
    with pytest.raises(ConfigError, match="mkdocs.yml: 'site_url': 'user.github.io/repo' is not a web address"):
        normalized("user.github.io/repo", "mkdocs.yml: 'site_url'")


def test_a_bad_site_url_stops_the_build_with_one_line(tmp_path):
    import os
    import subprocess
    import sys

    out, cache = tmp_path / "site", tmp_path / "cache"
    command = [sys.executable, "-m", "annotate", "site", "--corpus", str(CORPUS), "--out", str(out), "--cache", str(cache)]
    env = {**os.environ, "SITE_URL": "example.org/corpus"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "$SITE_URL (mkdocs.yml's site_url): 'example.org/corpus' is not a web address" in result.stderr + result.stdout
    assert not out.exists()


def test_sitemap_lists_every_page_by_its_canonical_address(published):
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    pages = [p for p in published.rglob("index.html") if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")[:2000]]
    canonical = set()
    for page in pages:
        found = re.search(r'<link rel="canonical" href="([^"]+)">', page.read_text(encoding="utf-8"))
        assert found, f"{page}: no canonical link"
        folder = page.parent.relative_to(published).as_posix()
        expected = SITE_URL + ("" if folder == "." else quote(folder) + "/")  # Arabic slugs are percent-encoded
        assert found.group(1) == expected
        canonical.add(found.group(1))
    assert listed == canonical and len(listed) > 100


def meta(html: str) -> dict[str, str]:
    tags = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)
    return {name: value for name, value in tags}


def test_actor_and_article_pages_have_link_previews(published, actors):
    import html

    haftar = actors["per-khalifa-haftar"]
    page = page_file(published, haftar["url"]).read_text(encoding="utf-8")
    tags = meta(page)
    assert tags["og:type"] == "profile" and html.unescape(tags["og:title"]) == haftar["name"]
    assert tags["og:url"] == SITE_URL + haftar["url"]
    assert tags["og:description"] == tags["description"] and haftar["name"] in html.unescape(tags["og:description"])
    assert f"{haftar['mentions']} إشارة في {len(haftar['articles'])} مقال" in html.unescape(tags["og:description"])
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="../../feeds/khalifa-haftar.xml">', page)
    article = page_file(published, "articles/haftar-putin-moscow-visit/").read_text(encoding="utf-8")
    tags = meta(article)
    assert tags["og:type"] == "article" and "بوتين" in tags["og:description"]
    home = (published / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="feed.xml"' in home


def test_every_page_has_its_own_arabic_description(published):
    seen: dict[str, str] = {}
    for page in sorted(published.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text[:2000]:
            continue  # a redirect of a renamed actor
        description = meta(text).get("description", "")
        assert re.search("[\u0600-\u06ff]{3}", description), f"{page}: no Arabic description"
        assert description not in seen, f"{page} and {seen.get(description)} share a description"
        seen[description] = str(page)
    assert len(seen) > 100
