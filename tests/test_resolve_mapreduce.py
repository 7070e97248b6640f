"""Resolve as map/reduce: the map steps on two Dask worker processes, and rebuilds from the memo of the last
build's map results, each give exactly the single-process full resolve (seed corpus and real news, tagged by
the shipped model; real news skipped when ../shared is absent)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from annotate.pipeline import BuildOptions, BuildReport, annotate_corpus, ingest_corpus
from annotate.resolve import Registry, load_registry, resolve
from annotate.resolve.memo import FILE, ResolveMemo
from tests.conftest import CORPUS, MODEL, ROOT
from tests.test_resolve import doc

REALNEWS = ROOT.parent / "shared" / "realnews" / "articles"
needs_model = pytest.mark.skipif(not MODEL.exists(), reason="needs the shipped entity model")


def same(a, b) -> bool:
    return (a.actors, a.mentions, a.slugs, a.redirects, a.stale, a.review) == (b.actors, b.mentions, b.slugs, b.redirects, b.stale, b.review)


def tagged(corpus: Path, cache: Path) -> list:
    report = BuildReport()
    articles = ingest_corpus(corpus, False, report, cache=cache)
    return list(zip(articles, annotate_corpus(articles, BuildOptions(corpus=corpus, cache=cache), report), strict=True))


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, tuple[list, Registry]]:
    if not MODEL.exists():
        pytest.skip("needs the shipped entity model")
    out = {"seed": (tagged(CORPUS, tmp_path_factory.mktemp("seed")), load_registry(CORPUS / "actors.yml"))}
    if REALNEWS.is_dir():
        out["realnews"] = (tagged(REALNEWS, tmp_path_factory.mktemp("realnews")), Registry())
    return out


def with_memo(folder: Path, docs, registry) -> tuple:
    memo = ResolveMemo(folder)
    resolution = resolve(copy.deepcopy(docs), registry, memo=memo)  # fresh objects, as a new build has
    memo.save()
    return resolution, memo


@needs_model
def test_the_map_steps_on_two_dask_workers_give_the_single_process_resolution(corpora):
    from distributed import Client, LocalCluster

    from annotate.resolve.on_dask import DaskRunner

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        runner = DaskRunner(client, batch=2)  # several tasks per step, so both workers map articles
        for name, (docs, registry) in corpora.items():
            assert same(resolve(copy.deepcopy(docs), registry, runner=runner), resolve(copy.deepcopy(docs), registry)), name
        assert len(client.scheduler_info()["workers"]) == 2


@needs_model
@pytest.mark.parametrize("name", ["seed", "realnews"])
def test_rebuilds_from_the_memo_equal_a_full_resolve(corpora, name, tmp_path):
    if name not in corpora:
        pytest.skip(f"needs the real-news dev set in {REALNEWS} (absent in a user's fresh clone)")
    docs, registry = corpora[name]
    full = resolve(copy.deepcopy(docs), registry)
    first, memo = with_memo(tmp_path, docs, registry)
    assert same(first, full) and (tmp_path / FILE).exists()
    again, memo = with_memo(tmp_path, docs, registry)
    assert same(again, full)
    assert memo.first_loaded == memo.found_loaded == {a.id for a, _ in docs}  # nothing mapped again
    # One article left, then came back; then a registry edit that drops a name everywhere.
    assert same(with_memo(tmp_path, docs[1:], registry)[0], resolve(copy.deepcopy(docs[1:]), registry))
    assert same(with_memo(tmp_path, docs, registry)[0], full)
    edited = tmp_path / "actors.yml"
    base = (CORPUS / "actors.yml").read_text(encoding="utf-8") if name == "seed" else "actors: []\n"
    edited.write_text(base + "\nignore:\n  - name: موسكو\n" if "ignore:" not in base else base.replace("ignore:\n", "ignore:\n  - name: موسكو\n"), encoding="utf-8")
    ignoring = load_registry(edited)
    assert same(with_memo(tmp_path, docs, ignoring)[0], resolve(copy.deepcopy(docs), ignoring))


# Sentences of the seed corpus (corpus/putin-haftar-new-assad.txt, corpus/haftar-office-director-moscow.txt).
FAR = "كما وثقت العديد من التقارير علاقات تعاون بين حفتر والمرتزقة الروس ومن يقودون عملياتهم."
NEAR = 'ويزور مدير مكتب "حفتر"، خيري التميمي العاصمة الروسية موسكو، ويشارك في مؤتمر حول "الأمن الدولي" ينظمه الجيش الروسي.'


def test_a_newly_seen_name_maps_again_only_the_articles_that_contain_it(tmp_path):
    """The model tags «خيري التميمي» in a new article: propagation must find it in the article that names him
    untagged, and need not look again in one that does not contain his name."""
    far = doc("far", FAR, [("حفتر", "PER")])
    near = doc("near", NEAR, [("حفتر", "PER"), ("موسكو", "LOC")])
    new = doc("new", NEAR, [("حفتر", "PER"), ("خيري التميمي", "PER"), ("موسكو", "LOC")])
    registry = Registry()
    with_memo(tmp_path, [far, near], registry)
    resolution, memo = with_memo(tmp_path, [far, near, new], registry)
    assert same(resolution, resolve([far, near, new], registry))
    assert "خيري التميمي" in [m.text for m in resolution.mentions["near"]]
    assert memo.found_loaded == {"far"}


def test_an_unreadable_memo_is_ignored(tmp_path):
    (tmp_path / FILE).write_bytes(b"not a memo")
    docs = [doc("far", FAR, [("حفتر", "PER")]), doc("near", NEAR, [("حفتر", "PER"), ("موسكو", "LOC")])]
    resolution, memo = with_memo(tmp_path, docs, Registry())
    assert same(resolution, resolve(docs, Registry())) and not memo.first_loaded
    assert same(with_memo(tmp_path, docs, Registry())[0], resolution)
