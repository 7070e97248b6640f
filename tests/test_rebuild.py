"""Rebuilds: cache keyed by content and version, byte-identical output, parallel and Dask annotation."""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
from pathlib import Path

import pytest

from annotate import unchanged as unchanged_stamp
from annotate.cache import AnnotationCache, CorpusListing, article_key, tagger_version
from annotate.ner.tagger import model_spec
from annotate.parallel import WarmTagger
from annotate.pipeline import BuildOptions, BuildReport, annotate_corpus, build, ingest_corpus
from tests.conftest import CORPUS, MODEL

pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="the shipped model is needed")


def files(folder: Path, suffixes: tuple[str, ...]) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in suffixes
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    return folder


def test_two_builds_are_byte_identical(tmp_path, corpus):
    reports = []
    for run in ("one", "two"):
        reports.append(build(BuildOptions(corpus=corpus, out=tmp_path / run / "site", cache=tmp_path / run / "cache")))
    docs = [files(tmp_path / run / "cache" / "site" / "docs", (".md", ".json", ".jsonl")) for run in ("one", "two")]
    assert docs[0] == docs[1] and len(docs[0]) > 20
    sites = [files(tmp_path / run / "site", (".html", ".json", ".jsonl", ".xml")) for run in ("one", "two")]
    assert sites[0] == sites[1]
    assert reports[0].tagged == 5 and reports[1].tagged == 5  # separate caches: both tagged from scratch


def test_cache_retags_only_what_changed(tmp_path, corpus):
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    options = BuildOptions(corpus=work, out=tmp_path / "site", cache=tmp_path / "cache")
    first = build(options)
    assert (first.cached, first.tagged) == (0, 5)
    again = build(options)
    assert (again.cached, again.tagged) == (5, 0)
    (work / "new-article.txt").write_text("وصل عبد الحميد الدبيبة إلى روما يوم الإثنين.\n", encoding="utf-8")
    edited = build(options)
    assert (edited.cached, edited.tagged) == (5, 1)
    (work / "actors.yml").write_text((work / "actors.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    registry = build(options)
    assert registry.tagged == 0  # a registry edit re-resolves without re-tagging


def test_cache_from_another_version_is_ignored(tmp_path, corpus):
    report = BuildReport()
    articles = ingest_corpus(corpus, False, report)
    cache = AnnotationCache(tmp_path)
    current = article_key(articles[0], tagger_version(model_spec("shipped").version))
    assert article_key(articles[0], tagger_version("another-model")) != current
    corrupt = cache._path(current)
    corrupt.parent.mkdir(parents=True, exist_ok=True)
    corrupt.write_text("{not json", encoding="utf-8")
    annotations = annotate_corpus(articles[:1], BuildOptions(corpus=corpus, cache=tmp_path), report)
    assert report.tagged == 1 and annotations[0].mentions  # the unreadable entry was ignored and rewritten


def test_a_changed_corpus_starts_a_warm_tagger_that_tags_like_this_process(tmp_path, corpus):
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    listing = CorpusListing(work, tmp_path / "cache")
    assert listing.changed  # never built
    listing.save()
    assert not CorpusListing(work, tmp_path / "cache").changed
    (work / "new-article.txt").write_text("وصل عبد الحميد الدبيبة إلى روما يوم الإثنين.\n", encoding="utf-8")
    assert CorpusListing(work, tmp_path / "cache").changed

    articles = ingest_corpus(work, False, BuildReport())
    here = annotate_corpus(articles, BuildOptions(corpus=work, cache=tmp_path / "here"), BuildReport())
    report = BuildReport()
    warm = annotate_corpus(articles, BuildOptions(corpus=work, cache=tmp_path / "warm"), report, WarmTagger("shipped"))
    assert report.tagged == len(articles) == 6

    def spans(annotations):
        return [(a.article_id, [(m.start, m.end, m.label) for m in a.mentions], [(d.start, d.end, d.value) for d in a.dates]) for a in annotations]

    assert spans(warm) == spans(here)
    unused = BuildReport()
    annotate_corpus(articles, BuildOptions(corpus=work, cache=tmp_path / "warm"), unused, WarmTagger("shipped"))
    assert unused.tagged == 0 and not multiprocessing.active_children()  # an unneeded worker is ended at once

    def failing(cached):  # the work done while the worker tags fails: the worker, already sent its articles, ends
        raise RuntimeError("meanwhile failed")

    (work / "new-article.txt").write_text("وصل خليفة حفتر إلى روما يوم الإثنين.\n", encoding="utf-8")
    changed = ingest_corpus(work, False, BuildReport())
    with pytest.raises(RuntimeError, match="meanwhile failed"):
        annotate_corpus(changed, BuildOptions(corpus=work, cache=tmp_path / "warm"), BuildReport(), WarmTagger("shipped"), meanwhile=failing)
    assert not multiprocessing.active_children()


@pytest.mark.slow
def test_jobs_and_dask_give_the_same_annotations(tmp_path, corpus):
    report = BuildReport()
    articles = ingest_corpus(corpus, False, report)
    results = {}
    for name, extra in {"single": {}, "jobs": {"jobs": 2}, "dask": {"scheduler": "local:2"}}.items():
        options = BuildOptions(corpus=corpus, cache=tmp_path / name, **extra)
        annotations = annotate_corpus(articles, options, BuildReport())
        results[name] = [(a.article_id, [(m.start, m.end, m.label) for m in a.mentions], [(d.start, d.end, d.value) for d in a.dates]) for a in annotations]
    assert results["jobs"] == results["single"]
    assert results["dask"] == results["single"]


def test_renamed_actor_keeps_its_old_address(tmp_path):
    """Publish, record slugs, rename an actor in the registry: the old URL redirects to the new page."""
    from click.testing import CliRunner

    from annotate.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("التقى خيري التميمي مدير مكتب خليفة حفتر بمسؤولين روس في موسكو.\n", encoding="utf-8")
    common = ["--corpus", str(corpus), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache")]
    assert CliRunner().invoke(main, ["site", *common]).exit_code == 0
    result = CliRunner().invoke(main, ["actors", "--record-slugs", *common])
    assert result.exit_code == 0, result.output
    ledger = (corpus / "slugs.yml").read_text(encoding="utf-8")
    old = next(line.split(":")[0] for line in ledger.splitlines() if "التميمي" in line and not line.startswith("#"))
    actor_id = next(line.split(": ")[1] for line in ledger.splitlines() if line.startswith(old + ":"))
    (corpus / "actors.yml").write_text(
        f"rename:\n  - actor: {actor_id}\n    name: خيري التميمي\n    slug: khairi-al-tamimi\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["site", *common])
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    assert (site / "actors" / "khairi-al-tamimi" / "index.html").exists()
    redirect = (site / "actors" / old / "index.html").read_text(encoding="utf-8")
    assert "khairi-al-tamimi" in redirect and "refresh" in redirect.lower()


def test_incremental_site_equals_a_full_build(tmp_path, corpus):
    """After an edit, a removal and an addition, rendering only the changed pages gives the full build's bytes."""
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    options = BuildOptions(corpus=work, out=tmp_path / "site", cache=tmp_path / "cache")
    first = build(options)
    assert first.pages_rendered.startswith("full build")
    for _ in range(2):  # the second starts from the spare (the first's output); no "nothing changed" shortcut
        unchanged_stamp.forget(options)
        build(options)
    unchanged_stamp.forget(options)
    unchanged = build(options)
    assert unchanged.pages_rendered.startswith("0 changed files")
    articles = sorted(p for p in work.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    removed = articles[0]
    removed_page = options.out / "articles" / removed.stem / "index.html"
    assert removed_page.exists()
    removed.unlink()
    articles[1].write_text(articles[1].read_text(encoding="utf-8") + "\nوقال خليفة حفتر إن الاجتماع سيعقد في روما.\n", encoding="utf-8")
    (work / "new-article.txt").write_text("وصل عبد الحميد الدبيبة إلى روما يوم الإثنين.\n", encoding="utf-8")
    # The reference: the same previous site (same published slugs), but no record of it, so a full build.
    reference = BuildOptions(corpus=work, out=tmp_path / "reference", cache=tmp_path / "reference-cache")
    shutil.copytree(options.out, reference.out)
    shutil.copytree(options.cache, reference.cache)
    for name in ("site-manifest.json", "spare-manifest.json"):
        (reference.cache / "site" / name).unlink(missing_ok=True)
    incremental = build(options)
    full = build(reference)
    assert full.pages_rendered.startswith("full build (no manifest")
    assert incremental.pages_rendered[0].isdigit(), incremental.pages_rendered
    changed = int(incremental.pages_rendered.split()[0])
    assert 0 < changed < len(list((options.cache / "site" / "docs").rglob("*.md")))
    suffixes = (".html", ".json", ".jsonl", ".xml", ".css", ".js")
    assert files(options.out, suffixes) == files(reference.out, suffixes)
    assert not removed_page.exists() and (options.out / "articles" / "new-article" / "index.html").exists()


def test_a_touched_site_is_rebuilt_in_full(tmp_path, corpus):
    """A hand-edited published folder is never carried over: the next build starts from the untouched copy
    of the last build (the spare a full build leaves), or, when that copy was edited too, builds in full."""
    options = BuildOptions(corpus=corpus, out=tmp_path / "site", cache=tmp_path / "cache")
    build(options)
    page = options.out / "about" / "index.html"
    published = page.read_bytes()
    page.write_text("edited by hand", encoding="utf-8")
    again = build(options)
    assert again.pages_rendered.startswith("0 changed files"), again.pages_rendered  # from the spare copy
    assert page.read_bytes() == published
    page.write_text("edited by hand", encoding="utf-8")
    spare_page = options.cache / "site" / "site-spare" / "about" / "index.html"
    spare_page.write_text("edited by hand too", encoding="utf-8")
    third = build(options)
    assert third.pages_rendered.startswith("full build") and "changed since the last build" in third.pages_rendered
    assert page.read_bytes() == published


def test_rebuilds_are_byte_identical_to_a_clean_build(tmp_path, corpus):
    """The published site is a function of (corpus, registry, slug ledger, code) only: builds in a row,
    with and without edits between them (an article added, edited so that it names another actor, deleted;
    a registry edit), each equal byte for byte (sitemap, slugs.json, review, data files, search index
    included) to a clean build of the same corpus with a fresh cache. Before, build 2 read the previous
    site's slugs back and build 4 gave the Articles tab a different state than a clean build. The rebuilds
    reuse the pieces the render stage keeps per article (``annotate.render.memo``): an edit must reach
    every page, row and index entry that shows the article or its actors (the new article opens a year on
    the timeline: a page more, and the parts every page shares, ``assets/parts.js``, written alike)."""
    from tests.test_robustness import digest

    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    options = BuildOptions(corpus=work, out=tmp_path / "site", cache=tmp_path / "cache")
    registry = work / "actors.yml"
    articles = sorted(p for p in work.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    edits = [
        None,
        None,
        lambda: (work / "new-article.txt").write_text("وصل عبد الحميد الدبيبة إلى روما يوم الإثنين. وكان قد زارها في 5 يناير 1987.\n", encoding="utf-8"),
        None,
        lambda: registry.write_text(registry.read_text(encoding="utf-8") + "ignore:\n  - name: روما\n", encoding="utf-8")
        if "ignore:" not in registry.read_text(encoding="utf-8")
        else registry.write_text(registry.read_text(encoding="utf-8").replace("ignore:\n", "ignore:\n  - name: روما\n", 1), encoding="utf-8"),
        lambda: articles[1].write_text(articles[1].read_text(encoding="utf-8") + "\nوقال عبد الحميد الدبيبة إن الاجتماع سيعقد في جنيف في 3 مايو 2024.\n", encoding="utf-8"),
        lambda: articles[0].unlink(),
    ]
    for n, edit in enumerate(edits, 1):
        if edit is not None:
            edit()
        unchanged_stamp.forget(options)  # every build a real one (resolve, render, MkDocs), not the no-op shortcut
        build(options)
        clean = BuildOptions(corpus=work, out=tmp_path / f"clean{n}" / "site", cache=tmp_path / f"clean{n}" / "cache")
        build(clean)
        assert digest(options.out) == digest(clean.out), f"build {n} differs from a clean build"
        assert (options.out / "timeline" / "1987" / "index.html").exists() == (n >= 3)  # the new article's year has its page


def test_a_build_with_nothing_changed_touches_nothing(tmp_path, corpus, monkeypatch):
    """A commit that changes no input of the site (corpus bytes, registry, ledger, code, config) is a no-op
    that says so; any changed input, or a hand-edited site, makes it a real build again."""
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    options = BuildOptions(corpus=work, out=tmp_path / "site", cache=tmp_path / "cache")
    first = build(options)
    times = {p: p.stat().st_mtime_ns for p in options.out.rglob("*")}
    again = build(options)
    assert again.pages_rendered.startswith("nothing changed") and (again.articles, again.cached, again.tagged) == (first.articles, 5, 0)
    assert again.actors == first.actors and again.lines()[0] == first.lines()[0].replace("0 from cache, 5 tagged", "5 from cache, 0 tagged")
    assert {p: p.stat().st_mtime_ns for p in options.out.rglob("*")} == times
    registry = work / "actors.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same mtime-free content check
    assert not build(options).pages_rendered.startswith("nothing changed")
    assert build(options).pages_rendered.startswith("nothing changed")
    monkeypatch.setenv("SITE_URL", "https://example.org/corpus/")  # another address: every canonical link changes
    assert not build(options).pages_rendered.startswith("nothing changed")


def test_a_damaged_render_memo_is_ignored(tmp_path, corpus):
    """The per-article pieces the render stage keeps (``build/site/memo*.pkl``) are a cache: a damaged file
    is ignored and the site is the same as a clean build's."""
    from tests.test_robustness import digest

    options = BuildOptions(corpus=corpus, out=tmp_path / "site", cache=tmp_path / "cache")
    build(options)
    memos = sorted((options.cache / "site").glob("memo*.pkl"))
    assert memos, "the build keeps its per-article pieces"
    for memo in memos:
        memo.write_bytes(b"not a pickle")
    unchanged_stamp.forget(options)
    build(options)
    clean = BuildOptions(corpus=corpus, out=tmp_path / "clean" / "site", cache=tmp_path / "clean" / "cache")
    build(clean)
    assert digest(options.out) == digest(clean.out)


def test_damaged_data_pieces_are_ignored(tmp_path, corpus):
    """The data files are assembled from the last build's pieces (``annotate.render.pieces``) and gzip
    members (``annotate.render.compressed.Members``), found through indexes in the work folder: a damaged
    index, or a kept file whose bytes are not the ones indexed (same size), is ignored, and the site is the
    same as a clean build's. An edited article between the builds makes the pieces matter."""
    from tests.test_robustness import digest

    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    options = BuildOptions(corpus=work, out=tmp_path / "site", cache=tmp_path / "cache")
    build(options)
    pieces = options.cache / "site" / ".docs-pieces"
    indexes = sorted(pieces.glob("*.json"))
    assert {p.name for p in indexes} >= {"data-annotations.jsonl.json", "data-mentions.csv.json", "data-mentions.csv.gz.json", "data-corpus.db.gz.json"}
    kept = pieces / "mentions.csv"
    before = kept.read_bytes()
    kept.write_bytes(before.replace("ا".encode(), "أ".encode()))  # same size, other bytes
    assert kept.read_bytes() != before and kept.stat().st_size == len(before)
    indexes[0].write_text("{not json", encoding="utf-8")
    article = sorted(p for p in work.iterdir() if p.suffix == ".txt")[1]
    article.write_text(article.read_text(encoding="utf-8") + "\nوقال عبد الحميد الدبيبة إن الاجتماع سيعقد في جنيف.\n", encoding="utf-8")
    unchanged_stamp.forget(options)
    build(options)
    clean = BuildOptions(corpus=work, out=tmp_path / "clean" / "site", cache=tmp_path / "clean" / "cache")
    build(clean)
    assert digest(options.out) == digest(clean.out)


def test_gzip_members_and_pieces_reused_across_rebuilds(tmp_path, corpus, monkeypatch):
    """With blocks of a few articles and a few KB, the gzip files are several members; a rebuild after an
    edit and an added article copies the unchanged members and pieces from the last build's files (the
    indexes say how many were made again), and its site equals a clean build's byte for byte."""
    import gzip
    import json

    from annotate.render import compressed
    from tests.test_robustness import digest

    monkeypatch.setattr(compressed, "ARTICLES_PER_BLOCK", 2)
    monkeypatch.setattr(compressed, "DB_BLOCK", 4096)
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    options = BuildOptions(corpus=work, out=tmp_path / "site", cache=tmp_path / "cache")
    build(options)
    pieces = options.cache / "site" / ".docs-pieces"
    members = json.loads((pieces / "data-corpus.db.gz.json").read_text(encoding="utf-8"))["members"]
    assert len(members) > 3
    before = {key for key, _, _ in members}
    articles = sorted(p for p in work.iterdir() if p.suffix == ".txt")
    articles[-1].write_text(articles[-1].read_text(encoding="utf-8") + "\nوقال عبد الحميد الدبيبة إن الاجتماع سيعقد في جنيف.\n", encoding="utf-8")
    (work / "zz-new-article.txt").write_text("وصل عبد الحميد الدبيبة إلى روما يوم الإثنين.\n", encoding="utf-8")
    unchanged_stamp.forget(options)
    build(options)
    after = json.loads((pieces / "data-corpus.db.gz.json").read_text(encoding="utf-8"))["members"]
    assert before & {key for key, _, _ in after}, "no member of the database was reused"
    lines = json.loads((pieces / "data-annotations.jsonl.json").read_text(encoding="utf-8"))["pieces"]
    assert [entry[0] for entry in lines] == sorted(entry[0] for entry in lines) and len(lines) == len(articles) + 1
    published = (options.out / "data" / "mentions.csv.gz").read_bytes()
    assert published.count(b"\x1f\x8b\x08") > 1 and gzip.decompress(published).startswith("\ufeffarticle_id".encode())
    clean = BuildOptions(corpus=work, out=tmp_path / "clean" / "site", cache=tmp_path / "clean" / "cache")
    build(clean)
    assert digest(options.out) == digest(clean.out)


def test_search_index_patched_across_builds_equals_a_fresh_one(tmp_path, monkeypatch):
    """The search index keeps its last state in the work folder (``render.search_step.IndexState``): a
    rebuild whose docs keep their numbers (articles edited: words gained, lost, moved into the title)
    patches only the posting lists those docs changed, and its files are byte-identical to an index built
    from scratch; an added article renumbers the docs and the lists are made again, identical too."""
    import dataclasses

    from annotate.render import search_step
    from annotate.render.docs_folder import DocsFolder
    from annotate.render.memo import Memo
    from annotate.search.index import build_index
    from tests.test_search import synthetic_articles

    articles = synthetic_articles(40, words=120)
    work = tmp_path / "work"
    calls = []
    real_patch = search_step.patched
    monkeypatch.setattr(search_step, "patched", lambda *a: calls.append(a[2]) or real_patch(*a))

    def build_with_state(entries):
        folder = DocsFolder(work / "docs")
        (folder.path / "data").mkdir(parents=True, exist_ok=True)
        (folder.path / "data" / "actors.json").write_text("[]\n", encoding="utf-8")
        monkeypatch.setattr(search_step, "article_entries", lambda data: list(entries))
        search_step.write_search_index(folder, Memo(work / "memo.pkl", "v1"), data=object())
        folder.finish()
        return {p.relative_to(folder.path).as_posix(): p.read_text(encoding="utf-8") for p in sorted((folder.path / "search").rglob("*.json"))}

    def fresh(entries):
        return build_index(list(entries))

    assert build_with_state(articles) == fresh(articles) and calls == []
    edited = list(articles)
    edited[3] = dataclasses.replace(edited[3], text=edited[3].text + " كلمةجديدة " + edited[5].title)
    edited[7] = dataclasses.replace(edited[7], title="عنوان جديد تماما", text=" ".join(edited[7].text.split()[40:]))
    assert build_with_state(edited) == fresh(edited) and calls == [[3, 7]]
    added = [*edited, dataclasses.replace(articles[0], url="articles/a0000x/")]
    assert build_with_state(added) == fresh(added) and len(calls) == 1  # renumbered: made again
    assert build_with_state(added) == fresh(added) and calls[-1] == []  # nothing changed: the same lists


def test_the_code_digest_ignores_what_only_training_reads(tmp_path, monkeypatch):
    """A cross-validation fold committed (``train-ner --kept``) or MODEL.md edited changes no build input:
    the next build must still find nothing changed. A source file or a data file the build reads does."""
    package = tmp_path / "annotate"
    for name, text in {"tag.py": "x = 1\n", "resolve/lexicon.tsv": "a\tb\n", "ner/MODEL.md": "# model\n", "ner/train.yaml": "seed: 1\n", "ner/cv/baseline/fold1.json": "{}\n"}.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(unchanged_stamp, "PACKAGE", package)
    before = unchanged_stamp.code_digest()
    (package / "ner/cv/baseline/fold2.json").write_text("{}\n", encoding="utf-8")
    (package / "ner/MODEL.md").write_text("# model, fold 2 landed\n", encoding="utf-8")
    (package / "ner/train.yaml").write_text("seed: 2\n", encoding="utf-8")
    assert unchanged_stamp.code_digest() == before
    (package / "resolve/lexicon.tsv").write_text("a\tc\n", encoding="utf-8")
    assert unchanged_stamp.code_digest() != before
