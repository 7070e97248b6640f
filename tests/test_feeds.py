"""Atom feeds read back with feedparser (and the RFC 4287 required elements with ElementTree), checked
against data/annotations.jsonl and data/actors.json."""

from __future__ import annotations

import html
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from annotate.models import Actor, Annotation, Article, Mention, Sentence
from annotate.render import feeds
from annotate.render.site_data import SiteData
from annotate.site_url import site_name
from tests.conftest import MODEL
from tests.sitecheck import page_file
from tests.sitecheck import published_records

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
needs_model = pytest.mark.skipif(not MODEL.exists(), reason="the shipped model is needed to build the site")


@pytest.fixture(scope="module")
def records(seed_site) -> list[dict]:
    return published_records(seed_site)


@pytest.fixture(scope="module")
def actors(seed_site) -> list[dict]:
    return json.loads((seed_site / "data" / "actors.json").read_text(encoding="utf-8"))


def parse(path: Path):
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10", path
    return parsed


def check_required_elements(path: Path) -> None:
    """RFC 4287: a feed has id, title, updated and an author (or every entry has one); an entry has id,
    title, updated and an alternate link or content; dates are RFC 3339."""
    root = ET.fromstring(path.read_bytes())
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.iter(f"{ATOM}entry")):
        for child in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{child}")) == 1, f"{path}: {element.tag} needs one {child}"
        assert RFC3339.match(element.findtext(f"{ATOM}updated")), path
        assert re.match(r"^(urn:uuid:[0-9a-f-]{36}|https?://)", element.findtext(f"{ATOM}id")), "ids are absolute IRIs"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None


def resolves(site: Path, feed_file: str, href: str) -> bool:
    """A relative link of a feed, resolved against the feed's address, names a page of the site."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(feed_file), href)) + "/"
    return page_file(site, target).is_file()


@needs_model
def test_every_feed_is_valid_atom(seed_site):
    paths = [seed_site / feeds.CORPUS_FEED, *sorted((seed_site / "feeds").glob("*.xml"))]
    assert len(paths) > 50
    for path in paths:
        parse(path)
        check_required_elements(path)


@needs_model
def test_corpus_feed_lists_the_newest_articles_first(seed_site, records):
    parsed = parse(seed_site / feeds.CORPUS_FEED)
    dated = sorted((r for r in records if r["date"]), key=lambda r: (r["date"], r["id"]), reverse=True)
    undated = sorted((r for r in records if not r["date"]), key=lambda r: r["id"])
    expected = (dated + undated)[: feeds.FEED_ENTRIES]
    assert [e.title for e in parsed.entries] == [r["title"] for r in expected]
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)
    for entry, record in zip(parsed.entries, expected, strict=True):
        assert resolves(seed_site, feeds.CORPUS_FEED, entry.link), entry.link
        assert entry.link == record["url"]
        if record["date"]:
            assert entry.updated.startswith(record["date"])
    assert parsed.feed.links[0].rel == "alternate" and parsed.feed.language == "ar"
    assert parsed.feed.title == f"{site_name()}: أحدث المقالات", "titled with mkdocs.yml's site_name"


@needs_model
def test_actor_feed_has_its_articles_with_the_sentences_that_name_it(seed_site, records, actors):
    by_id = {r["id"]: r for r in records}
    for actor in actors:
        path = seed_site / feeds.actor_feed(actor["slug"])
        parsed = parse(path)
        assert actor["name"] in parsed.feed.title
        assert resolves(seed_site, feeds.actor_feed(actor["slug"]), parsed.feed.link)
        assert [e.link for e in parsed.entries] == ["../" + by_id[a]["url"] for a in actor["articles"][: feeds.FEED_ENTRIES]]
        for entry, article_id in zip(parsed.entries, actor["articles"], strict=False):
            record = by_id[article_id]
            assert entry.title == record["title"]
            named = [e for e in record["entities"] if e["actor"] == actor["id"]]
            content = entry.content[0].value
            marks = re.findall(r"<strong>([^<]*)</strong>", content)
            assert len(marks) == len(named), (actor["id"], article_id)
            assert sorted(html.unescape(m) for m in marks) == sorted(e["text"].replace("\n", " ") for e in named)
            assert entry.tags[0].term == actor["slug"]


@needs_model
def test_entry_ids_differ_between_feeds_and_between_articles(seed_site):
    ids: dict[str, str] = {}
    for path in [seed_site / feeds.CORPUS_FEED, *sorted((seed_site / "feeds").glob("*.xml"))]:
        for entry in parse(path).entries:
            assert entry.id not in ids, f"{entry.id} in {path} and {ids.get(entry.id)}"
            ids[entry.id] = str(path)


@needs_model
def test_feeds_are_linked_from_the_home_and_actor_pages(seed_site, actors):
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="feed.xml">', home)
    for actor in actors:
        page = page_file(seed_site, actor["url"]).read_text(encoding="utf-8")
        found = re.search(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">', page)
        assert found, actor["url"]
        target = posixpath.normpath(posixpath.join(actor["url"], found.group(2)))
        assert target == feeds.actor_feed(actor["slug"]) and (seed_site / target).is_file()


def small_corpus(site_url: str | None) -> SiteData:
    """One real sentence (seed corpus, times-russia-arms-haftar.txt) with its two actors."""
    text = "نقلت موسكو أطناناً من الأسلحة إلى ليبيا، في إطار التحالف بين خليفة حفتر وروسيا."
    article = Article(id="times", path="times.txt", title="كيف تدعم روسيا حفتر", text=text, date="2024-04-16", source="التايمز")
    start = text.index("خليفة حفتر")
    mentions = [Mention(start, start + len("خليفة حفتر"), "خليفة حفتر", "PER", "per-haftar"),
                Mention(text.index("وروسيا") + 1, len(text) - 1, "روسيا", "LOC", "loc-russia")]
    haftar = Actor(id="per-haftar", slug="khalifa-haftar", name="خليفة حفتر", label="PER")
    russia = Actor(id="loc-russia", slug="russia", name="روسيا", label="LOC")
    annotation = Annotation("times", [Sentence(0, len(text), ())], mentions, [])
    return SiteData([article], {"times": annotation}, {"times": mentions}, [haftar, russia], redirects={"haftar": "khalifa-haftar"},
                    site_url=site_url)


def test_with_a_site_url_every_link_is_absolute_and_ids_do_not_depend_on_content():
    data = small_corpus("https://example.org/corpus/")
    written = {paths[0]: (feed, paths) for feed, paths in feeds.feeds(data)}
    feed, paths = written["feeds/khalifa-haftar.xml"]
    assert paths == ["feeds/khalifa-haftar.xml", "feeds/haftar.xml"], "a renamed actor's old feed address keeps working"
    parsed = feedparser.parse(feeds.atom(feed))
    assert not parsed.bozo
    assert {link.rel: link.href for link in parsed.feed.links} == {
        "alternate": "https://example.org/corpus/actors/khalifa-haftar/", "self": "https://example.org/corpus/feeds/khalifa-haftar.xml"}
    assert parsed.entries[0].link == "https://example.org/corpus/articles/times/"
    assert parsed.feed.title == "خليفة حفتر — مرصد الفاعلين" and parsed.feed.author == "مرصد الفاعلين"
    assert "<strong>خليفة حفتر</strong>" in parsed.entries[0].content[0].value and parsed.entries[0].published.startswith("2024-04-16")
    again = small_corpus("https://example.org/corpus/")
    again.articles[0].title = "عنوان جديد"
    assert feeds.actor_feed_view(again, again.actors[0]).entries[0].id == feed.entries[0].id
    again.articles[0].title = "عنوان\x0bبحرف تحكم\x0c"  # scraped text carries control characters XML cannot hold
    assert feedparser.parse(feeds.atom(feeds.actor_feed_view(again, again.actors[0]))).entries[0].title == "عنوانبحرف تحكم"
    again.articles[0].title = "\x0c "  # a headline of nothing visible (found by tests/test_robustness.py's fuzzing)
    assert feedparser.parse(feeds.atom(feeds.actor_feed_view(again, again.actors[0]))).entries[0].title == "times"
    elsewhere = small_corpus("https://other.example/")
    assert feeds.actor_feed_view(elsewhere, elsewhere.actors[0]).entries[0].id != feed.entries[0].id
