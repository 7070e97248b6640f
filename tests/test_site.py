"""End to end: the seed corpus becomes a site with resolving links and data that match the contract."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CORPUS, MODEL
from tests.sitecheck import page_file, parse, published_records, resolve_link, visible_text

pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="the shipped model is needed to build the site")

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LABELS = {"PER", "ORG", "LOC", "MISC"}


@pytest.fixture(scope="session")
def built(seed_site, seed_build) -> tuple[Path, subprocess.CompletedProcess]:
    return seed_site, seed_build


@pytest.fixture(scope="session")
def records(built) -> list[dict]:
    site, _ = built
    return published_records(site)


@pytest.fixture(scope="session")
def actors(built) -> list[dict]:
    site, _ = built
    return json.loads((site / "data" / "actors.json").read_text(encoding="utf-8"))


def test_every_article_page_exists(built, records):
    site, _ = built
    assert len(records) == len(list(CORPUS.glob("*.txt"))) == 5
    for record in records:
        assert page_file(site, record["url"]).exists(), record["url"]


def test_annotations_match_the_contract(records, actors):
    actor_ids = {a["id"] for a in actors}
    for record in records:
        assert list(record)[:9] == ["id", "path", "title", "date", "source", "url", "text", "entities", "dates"]
        assert (CORPUS / record["path"]).exists()
        assert record["date"] is None or ISO.match(record["date"])
        assert record["entities"], record["id"]
        previous_end = -1
        for entity in record["entities"]:
            assert set(entity) == {"start", "end", "text", "label", "actor"}
            assert record["text"][entity["start"] : entity["end"]] == entity["text"]
            assert entity["label"] in LABELS
            assert entity["actor"] in actor_ids
            assert entity["start"] >= previous_end, "entities overlap or are unsorted"
            previous_end = entity["end"]
        for found in record["dates"]:
            assert set(found) == {"start", "end", "text", "value"}
            assert record["text"][found["start"] : found["end"]] == found["text"]


def test_actors_match_the_contract(built, actors, records):
    site, _ = built
    article_ids = {r["id"] for r in records}
    for actor in actors:
        assert {"id", "name", "label", "aliases", "url", "articles", "mentions"} <= set(actor)
        assert actor["label"] in LABELS
        assert set(actor["articles"]) <= article_ids and actor["articles"]
        assert actor["mentions"] >= len(actor["articles"])
        assert page_file(site, actor["url"]).exists(), actor["url"]


def test_every_internal_link_and_anchor_resolves(built):
    site, _ = built
    checked = 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served at any depth, so MkDocs gives it root-absolute links
            continue
        for href, _ in parse(page).links:
            target = resolve_link(site, page, href)
            if target is None:
                continue
            file, fragment = target
            assert file.exists(), f"{page.relative_to(site)} links to missing {href}"
            if fragment and file.suffix == ".html":
                assert fragment in parse(file).ids, f"{page.relative_to(site)} links to missing anchor {href}"
            checked += 1
    assert checked > 200


def test_article_entities_link_to_actor_pages(built, records):
    site, _ = built
    for record in records:
        page = page_file(site, record["url"])
        entity_links = [href for href, attrs in parse(page).links if "ent" in attrs.get("class", "").split()]
        assert len(entity_links) == sum(1 for e in record["entities"] if e["actor"]), record["id"]
        for href in entity_links:
            file, _ = resolve_link(site, page, href)
            assert file.exists() and "/actors/" in file.as_posix()


def test_metadata_is_what_a_reader_sees(built, records):
    site, _ = built
    for record in records:
        page = page_file(site, record["url"])
        assert " ".join(parse(page).h1.split()) == " ".join(record["title"].split())
        text = visible_text(page)
        if record["date"]:  # shown in Arabic («29 سبتمبر 2023»), the ISO value in the <time> element
            assert f'datetime="{record["date"]}"' in page.read_text(encoding="utf-8")
        if record["source"]:
            assert record["source"] in text
    by_id = {r["id"]: r for r in records}
    assert by_id["haftar-putin-moscow-visit"]["date"] == "2023-09-29"
    assert by_id["times-russia-arms-haftar"]["date"] == "2024-04-16"
    assert by_id["putin-haftar-new-assad"]["source"] == "الأناضول ووكالات"


def test_home_links_the_data_files_and_indexes(built):
    site, _ = built
    home = site / "index.html"
    hrefs = [href for href, _ in parse(home).links]
    for needed in ("data/annotations.jsonl.gz", "data/actors.json", "people/", "organizations/", "places/"):
        assert any(h.rstrip("/").endswith(needed.rstrip("/")) for h in hrefs), needed


def test_generated_pages_stay_out_of_the_sidebar(built, records):
    site, _ = built
    home = site / "index.html"
    nav_links = [href for href, attrs in parse(home).links if "md-nav__link" in attrs.get("class", "")]
    assert nav_links and not any("articles/" in h and h.rstrip("/") != "articles" and not h.endswith("articles/") for h in nav_links)
    assert not any("/actors/" in h or h.startswith("actors/") for h in nav_links)


def test_no_external_fonts_or_scripts(built):
    site, _ = built
    for page in [site / "index.html", *sorted((site / "articles").glob("*/index.html"))[:2]]:
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        for src in parse(page).scripts:
            assert not src.startswith(("http://", "https://", "//")), src
