"""Search index: normalization (parity cases), clitic stems, posting lists, determinism, size per article."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from annotate.search import SearchEntry, build_index, stems, terms, write_search_index
from annotate.search.index import INDEX_PATH, decode_postings, dumps, encode_postings, front_code, front_decode
from annotate.search.normalize import MAX_TERM, query_variants, term_set

from annotate.arabic import fold
from tests.conftest import SHARED_DATA

CASES = json.loads((Path(__file__).parent / "js_parity" / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: repr(c["input"][:20]))
def test_python_matches_parity_cases(case):
    # A failure here means the normalization changed: update docs/assets/search.js to match, then
    # regenerate the cases with `python tests/js_parity/make_cases.py` (the browser test checks the JS).
    assert fold(case["input"]) == case["fold"]
    assert terms(case["input"]) == case["terms"]
    assert [stems(t) for t in case["terms"]] == case["stems"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: repr(c["input"][:20]))
def test_the_index_terms_are_the_distinct_terms(case):
    """``term_set`` (what the index stores, checked word by word once) is exactly ``set(terms(...))``."""
    assert term_set(case["input"]) == set(terms(case["input"]))


@pytest.mark.parametrize(
    ("query", "indexed"),
    [
        ("أحمد", "احمد"), ("احمد", "أحمد"), ("إيطاليا", "ايطاليا"), ("ايطاليا", "إيطاليا"),
        ("الكتاب", "الكتّاب"), ("الكتّاب", "الكتاب"), ("موسكو", "«موسكو»،"), ("بنغازي", "بنغازي؟"),
    ],
)
def test_spelling_variants_share_a_term(query, indexed):
    assert terms(query) == terms(indexed)


@pytest.mark.parametrize(
    ("query", "indexed"),
    [("موسكو", "وموسكو"), ("موسكو", "بموسكو"), ("رئيس", "للرئيس"), ("الرئيس", "للرئيس"), ("وموسكو", "موسكو"),
     ("كتاب", "وبالكتاب"), ("القاهرة", "فللقاهرة"), ("لبنان", "للبنان")],
)
def test_clitics_meet_in_a_variant(query, indexed):
    """Some variant of the query (itself or a stem) equals the indexed term or one of its stems."""
    [q], [t] = terms(query), terms(indexed)
    assert set(query_variants(q)) & {t, *stems(t)}


def test_stems_keep_enough_letters():
    assert stems("وال") == []
    assert stems("بري") == []  # ب + 2 letters: a name, not a clitic
    assert stems("الصف") == ["صف"]
    assert stems("للرييس")[0] == "رييس"  # longest run first


def test_long_words_are_cut():
    assert terms("ب" * 5000) == ["ب" * MAX_TERM]


def test_postings_round_trip():
    rng = random.Random(6)
    for _ in range(300):
        numbers = sorted(rng.sample(range(200_000), rng.randint(1, 40)))
        encoded = encode_postings(numbers)
        assert " " not in encoded and decode_postings(encoded) == numbers


def test_front_coding_round_trip():
    vocabulary = sorted(["ا", "اب", "ابت", "ابتث", "ب", "بب", "𝐀𝐁", "𝐀𝐂", "中文", "a", "ab"], key=lambda t: t.encode("utf-16-be"))
    assert front_decode(front_code(vocabulary)) == vocabulary
    assert front_decode("") == []


def entries() -> list[SearchEntry]:
    return [
        SearchEntry("articles/b/", "زيارة إلى موسكو", "وصل أحمد إلى موسكو والتقى للرئيس.", "article"),
        SearchEntry("actors/khalifa-haftar/", "خليفة حفتر", "قائد", "actor", "PER", 3.0, ["المشير حفتر", "Khalifa Haftar"]),
        SearchEntry("articles/a/", "<script>x</script>", "نص\u200b عادي", "article"),
    ]


def test_index_is_deterministic_and_order_free(tmp_path):
    first = dumps(build_index(entries()))
    assert dumps(build_index(list(reversed(entries())))) == first
    written = write_search_index(entries(), tmp_path)
    assert written == [INDEX_PATH]
    assert (tmp_path / INDEX_PATH).read_text(encoding="utf-8") == first


def test_index_layout():
    index = build_index(entries())
    assert [d[0] for d in index["docs"]] == ["actors/khalifa-haftar/", "articles/a/", "articles/b/"]
    assert index["docs"][0] == ["actors/khalifa-haftar/", "خليفة حفتر", "actor", "PER", 3.0, ["Khalifa Haftar", "المشير حفتر"]]
    assert index["docs"][1] == ["articles/a/", "<script>x</script>", "article", None, 1.0]
    vocabulary = front_decode(index["terms"])
    postings = dict(zip(vocabulary, map(decode_postings, index["postings"].split(" "))))
    assert postings["حفتر"] == [0]
    assert postings["khalifa"] == postings["المشير"] == [0]  # names are searchable
    assert postings["موسكو"] == [2]
    assert postings["script"] == [1]  # titles are indexed; markup is just words
    assert vocabulary == sorted(vocabulary, key=lambda t: t.encode("utf-16-be"))


@pytest.mark.parametrize(
    "bad",
    [
        SearchEntry("javascript:alert(1)", "x", "", "page"),
        SearchEntry("/actors/x/", "x", "", "actor"),
        SearchEntry("actors/x/", "x", "", "person"),
        SearchEntry("actors/x/", "x", "", "actor", "PERS"),
        SearchEntry("actors/x/", "x", "", "actor", "PER", 0),
    ],
)
def test_bad_entries_are_refused_with_the_url(bad):
    with pytest.raises(ValueError, match="search entry"):
        build_index([bad])


def synthetic_articles(n: int, words: int = 450, seed: int = 1) -> list[SearchEntry]:
    """Articles with a news-like vocabulary: a Zipf-distributed shared vocabulary with clitics, plus new
    names and rare words in every article (the part of an index that grows with the corpus)."""
    rng = random.Random(seed)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    word = lambda: "".join(rng.choice(letters) for _ in range(rng.randint(3, 8)))  # noqa: E731
    shared = [word() for _ in range(15_000)]
    weights = [1 / (r + 1) for r in range(len(shared))]
    clitics = ["", "", "", "ال", "و", "وال", "ب", "بال", "لل", "ل"]
    out = []
    for i in range(n):
        own = [word() for _ in range(12)]
        body = [rng.choice(clitics) + w for w in rng.choices(shared, weights, k=words - 50)]
        body += [rng.choice(clitics) + rng.choice(own) for _ in range(50)]
        rng.shuffle(body)
        out.append(SearchEntry(f"articles/a{i:04d}/", " ".join(body[:8]), " ".join(body), "article"))
    return out


def gzip_per_article(articles: list[SearchEntry]) -> float:
    return len(gzip.compress(dumps(build_index(articles)).encode("utf-8"), 6)) / len(articles)


def test_index_size_per_article():
    """Issue 6 target: ≤ 1 KB of gzip'd index per article (300 synthetic articles of 450 words)."""
    per_article = gzip_per_article(synthetic_articles(300))
    assert per_article <= 1024, f"{per_article:.0f} bytes of gzip'd index per article"


ANT = SHARED_DATA / "ant" / "ant_multisource_2018.txt.gz"


@pytest.mark.skipif(not ANT.is_file(), reason=f"needs the ANT news corpus at {ANT} (present in CI, not in a fresh clone)")
def test_index_size_per_article_on_real_news():
    """The same target on 300 chunks of 450 words of real Arabic news (ANT corpus)."""
    articles, lines, count = [], [], 0
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            lines.append(line.strip())
            count += len(line.split())
            if count >= 450:
                articles.append(SearchEntry(f"articles/a{len(articles):04d}/", lines[0][:80], "\n".join(lines), "article"))
                lines, count = [], 0
                if len(articles) == 300:
                    break
    assert gzip_per_article(articles) <= 1024


def test_entries_from_published_data(tmp_path):
    from annotate.search import entries_from_data

    data = tmp_path / "data"
    data.mkdir()
    record = {"id": "a1", "title": "زيارة", "url": "articles/a1/", "text": "وصل حفتر إلى موسكو."}
    (data / "annotations.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    actor = {"id": "p1", "name": "خليفة حفتر", "label": "PER", "aliases": ["المشير حفتر"], "url": "actors/khalifa-haftar/",
             "name_en": "Khalifa Haftar", "description": "قائد عسكري"}
    (data / "actors.json").write_text(json.dumps([actor], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "about.md").write_text("# عن الموقع\n\nنص الصفحة.\n", encoding="utf-8")
    by_url = {e.url: e for e in entries_from_data(tmp_path)}
    assert by_url["articles/a1/"].kind == "article" and "موسكو" in by_url["articles/a1/"].text
    haftar = by_url["actors/khalifa-haftar/"]
    assert (haftar.kind, haftar.label, haftar.boost > 1) == ("actor", "PER", True)
    assert haftar.names == ["المشير حفتر", "Khalifa Haftar"]
    assert {"المشير", "khalifa", "قايد"} <= set(terms(haftar.text))
    assert by_url["about/"].title == "عن الموقع"
    build_index(list(by_url.values()))  # valid entries
