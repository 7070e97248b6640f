"""The annotation cache's pack: a cached article's annotation is the freshly tagged one, sentences and tokens as
resolve sees them, and a damaged pack (or an edited entry file) is never trusted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotate.cache import AnnotationCache
from annotate.cache_pack import FILE, HEADER, Pack
from annotate.ingest import read_article
from annotate.models import Annotation, Sentence
from annotate.pipeline import BuildOptions, BuildReport, annotate_corpus, ingest_corpus
from annotate.resolve.spans import ArticleView
from annotate.tokenize import sentences_in
from tests.conftest import CORPUS, MODEL, ROOT

REALNEWS = ROOT.parent / "shared" / "realnews" / "articles"
needs_model = pytest.mark.skipif(not MODEL.exists(), reason="the shipped model is needed")

ODD_TEXTS = [
    "قال: \"انتهى.\" ثم مضى.\n\n- بند أول\n- بند ثان؟ نعم!",
    "عربي21 و150 2.500 10:12:02 O'Brien G20 لـ\u200cحفتر «اقتباس».",
    "عنوان قصير\nسطر طويل جدا فيه كلمات كثيرة تتجاوز الثماني كلمات بلا شك هنا.\n",
    "…؟!.\n\n\n",
    "",
]


def _texts() -> list[tuple[str, list[tuple[int, int]]]]:
    paths = sorted(CORPUS.glob("*.txt")) + (sorted(REALNEWS.glob("*"))[:60] if REALNEWS.is_dir() else [])
    out = []
    for path in paths:
        article = read_article(path, path.parent)
        out.append((article.text, article.body or [(0, len(article.text))]))
    return out + [(t, [(0, len(t))]) for t in ODD_TEXTS]


def test_a_sentence_made_from_its_span_has_the_tokens_of_the_tokenized_text():
    texts = _texts()
    assert len(texts) > len(ODD_TEXTS)
    for text, body in texts:
        fresh = list(sentences_in(text, body))
        lazy = [Sentence(s.start, s.end, text=text) for s in fresh]
        assert all(s._text is not None for s in lazy)  # nothing tokenized until read
        assert [s.tokens for s in lazy] == [s.tokens for s in fresh]
        assert lazy == fresh


def _copy_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in CORPUS.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    return folder


def _as_resolve_sees(articles, annotations: list[Annotation]) -> list:
    views = [ArticleView.of(a, ann) for a, ann in zip(articles, annotations, strict=True)]
    return [
        (ann.article_id, [(s.start, s.end, s.tokens) for s in ann.sentences], ann.mentions, ann.dates, v.tokens, v.sentence, v.starts)
        for ann, v in zip(annotations, views, strict=True)
    ]


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    """The seed corpus tagged once by the model: its articles, annotations and cache folder."""
    tmp = tmp_path_factory.mktemp("pack")
    corpus = _copy_corpus(tmp)
    articles = ingest_corpus(corpus, False, BuildReport())
    report = BuildReport()
    fresh = annotate_corpus(articles, BuildOptions(corpus=corpus, cache=tmp / "cache"), report)
    assert report.tagged == len(articles) > 3
    return corpus, articles, _as_resolve_sees(articles, fresh), tmp / "cache"


def _cached(tagged, cache: Path) -> tuple[BuildReport, list]:
    corpus, articles, _, _ = tagged
    report = BuildReport()
    annotations = annotate_corpus(articles, BuildOptions(corpus=corpus, cache=cache), report)
    return report, annotations


@needs_model
def test_a_cached_annotation_is_the_freshly_tagged_one(tagged, tmp_path):
    _, articles, fresh, folder = tagged
    cache = tmp_path / "cache"
    shutil.copytree(folder, cache)
    pack = Pack(cache / "annotations")
    assert len(pack.known) == len(articles) and not pack.damaged
    report, annotations = _cached(tagged, cache)
    assert (report.cached, report.tagged) == (len(articles), 0)
    assert all(s._text is not None for a in annotations for s in a.sentences)  # from the pack: not tokenized
    assert _as_resolve_sees(articles, annotations) == fresh

    (cache / "annotations" / FILE).unlink()  # a cache of entry files only (an older build's): read, and packed
    report, annotations = _cached(tagged, cache)
    assert (report.cached, report.tagged) == (len(articles), 0)
    assert _as_resolve_sees(articles, annotations) == fresh
    assert len(Pack(cache / "annotations").known) == len(articles)


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "flipped byte":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif how == "cut short":
        path.write_bytes(data[: len(data) - 7])
    elif how == "garbage":
        path.write_bytes(b"\x00\xffnot a pack at all" * 50)
    elif how == "garbage appended":
        path.write_bytes(data + b"\x07\x00\x00\x00\x01\x02\x03\x04abc")
    elif how == "wrong version":
        path.write_bytes(data.replace(HEADER, b"annotate annotation pack 0\n", 1))


@needs_model
@pytest.mark.parametrize("how", ["flipped byte", "cut short", "garbage", "garbage appended", "wrong version"])
def test_a_damaged_pack_is_ignored_and_rewritten(tagged, tmp_path, how):
    _, articles, fresh, folder = tagged
    cache = tmp_path / "cache"
    shutil.copytree(folder, cache)
    _damage(cache / "annotations" / FILE, how)
    assert Pack(cache / "annotations").damaged
    report, annotations = _cached(tagged, cache)
    assert (report.cached, report.tagged) == (len(articles), 0)  # the entry files are still good
    assert _as_resolve_sees(articles, annotations) == fresh
    again = Pack(cache / "annotations")
    assert not again.damaged and len(again.known) == len(articles)


@needs_model
def test_an_edited_entry_file_wins_over_its_packed_copy(tagged, tmp_path):
    _, articles, fresh, folder = tagged
    cache = tmp_path / "cache"
    shutil.copytree(folder, cache)
    entries = sorted((cache / "annotations").rglob("*.json"))
    for entry in entries:
        entry.write_text('{"entities": [], "dates": []}', encoding="utf-8")
    report, annotations = _cached(tagged, cache)
    assert report.cached == len(articles)
    assert not any(a.mentions for a in annotations)  # what the files say now, not what was packed

    for entry in entries:
        entry.write_text("{damaged", encoding="utf-8")
    report, annotations = _cached(tagged, cache)
    assert report.tagged == len(articles)  # a damaged file is not trusted, even with a packed copy
    assert _as_resolve_sees(articles, annotations) == fresh


def test_an_unwritable_pack_only_costs_speed(tmp_path):
    folder = tmp_path / "annotations"
    folder.mkdir()
    (folder / FILE).mkdir()  # a folder where the pack should be: neither read nor written
    pack = Pack(folder)
    entry = folder / "x.json"
    entry.write_text("{}", encoding="utf-8")
    pack.put("k", entry, (), (), (0, 1))
    pack.save()
    assert AnnotationCache(tmp_path).annotation("nothing", read_article(sorted(CORPUS.glob("*.txt"))[0], CORPUS)) is None
