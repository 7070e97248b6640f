"""What the resolve stage costs, step by step: a full resolve, and rebuilds with the memo of map results.

    python bench/resolve_steps.py --corpus CORPUS --cache CACHE [--articles N] [--dask WORKERS]

CACHE must hold the corpus' annotations (a copy of a build's --cache: the changed article's are added to
it); the memo goes to a temporary folder.
Prints wall and CPU seconds (this process': less sensitive to a loaded machine) per map and reduce step
for: a full resolve (no memo), the first build with a memo (it
writes it), a rebuild with nothing changed, one article changed (the sentence bench/scale.py appends,
tagged by the model), and a registry edit (the ignore bench/scale.py adds). Every rebuild's resolution is
checked equal to a full resolve of the same input. With --dask, the full resolve also runs its map steps
on a local Dask cluster of that many worker processes.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.ingest import read_article  # noqa: E402
from annotate.pipeline import BuildOptions, BuildReport, annotate_corpus, ingest_corpus  # noqa: E402
from annotate.resolve import Registry, load_registry, resolve  # noqa: E402
from annotate.resolve.memo import FILE, ResolveMemo  # noqa: E402

CPU = " [cpu]"  # this process' CPU seconds of a step, beside its wall seconds (``resolve``'s laps)
SENTENCE = "\nوأضاف خليفة حفتر أن الاجتماع سيعقد في روما.\n"


def same(a, b) -> bool:
    return (a.actors, a.mentions, a.slugs, a.redirects, a.stale, a.review) == (b.actors, b.mentions, b.slugs, b.redirects, b.stale, b.review)


def timed(label: str, docs, registry, memo_folder: Path | None = None, runner=None, ahead=None) -> tuple:
    """``ahead``: the articles a build reads ahead while a worker tags the changed ones (timed apart: in a
    build that step overlaps the tagging)."""
    seconds: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    memo = ResolveMemo(memo_folder) if memo_folder is not None else None
    seconds["memo: load"], seconds["memo: load" + CPU] = time.perf_counter() - started, time.process_time() - cpu
    if ahead is not None:
        at, at_cpu = time.perf_counter(), time.process_time()
        memo.read_ahead(ahead)
        seconds["memo: read ahead (beside tagging)"] = time.perf_counter() - at
        seconds["memo: read ahead (beside tagging)" + CPU] = time.process_time() - at_cpu
    extra = {"runner": runner} if runner is not None else {}
    resolution = resolve(docs, registry, memo=memo, seconds=seconds, **extra)
    if memo is not None:
        at = time.perf_counter()
        at_cpu = time.process_time()
        memo.save()
        seconds["memo: save"], seconds["memo: save" + CPU] = time.perf_counter() - at, time.process_time() - at_cpu
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    n = len(docs)
    mapped = f"first pass {n - len(memo.first_loaded)}, recognizing chain {len(memo.chain_mapped)}, propagation {n - len(memo.found_loaded)}, last steps {len(memo.finished)}" if memo else ""
    kept = f"  (articles mapped again: {mapped})" if memo is not None else ""
    files = [memo_folder / FILE, *memo_folder.glob("resolve-memo-*.blobs")] if memo_folder is not None else []
    size = sum(f.stat().st_size for f in files if f.exists()) / 1e6  # the index and the results file
    print(f"\n{label}: {total:.2f} s, CPU {cpu:.2f} s{kept}" + (f", memo {size:.0f} MB" if size else ""), flush=True)
    print(f"  {'step':36s} {'wall':>6s} {'CPU':>6s}")
    for step, s in seconds.items():
        if not step.endswith(CPU):
            print(f"  {step:36s} {s:6.2f} {seconds.get(step + CPU, float('nan')):6.2f}")
    return resolution, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--dask", type=int, default=0, help="also run the map steps on N local Dask workers")
    args = parser.parse_args()
    options = BuildOptions(corpus=args.corpus, cache=args.cache)
    report = BuildReport()
    articles = ingest_corpus(args.corpus, False, report, cache=args.cache)
    if args.articles:
        articles = articles[: args.articles]
    annotations = annotate_corpus(articles, options, report)
    docs = list(zip(articles, annotations, strict=True))
    registry_file = args.corpus / "actors.yml"
    registry = load_registry(registry_file) if registry_file.exists() else Registry()
    print(f"{len(docs)} articles ({report.tagged} tagged)")
    memo_folder = Path(tempfile.mkdtemp(prefix="resolve-memo-"))
    try:
        full, _ = timed("full resolve, no memo", docs, registry)
        if args.dask:
            from distributed import Client, LocalCluster

            from annotate.resolve.on_dask import DaskRunner

            with LocalCluster(n_workers=args.dask, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
                on_dask, _ = timed(f"full resolve, map steps on {args.dask} Dask workers", docs, registry, runner=DaskRunner(client))
            assert same(on_dask, full)
        assert same(timed("first build with a memo", docs, registry, memo_folder)[0], full)
        assert same(timed("rebuild, nothing changed", docs, registry, memo_folder)[0], full)
        article, _ = docs[0]
        copied = memo_folder / "corpus" / article.path
        copied.parent.mkdir(parents=True, exist_ok=True)
        copied.write_text((args.corpus / article.path).read_text(encoding="utf-8") + SENTENCE, encoding="utf-8")
        changed = read_article(copied, memo_folder / "corpus")
        docs = [(changed, annotate_corpus([changed], options, BuildReport())[0]), *docs[1:]]
        one, _ = timed("rebuild, one article changed", docs, registry, memo_folder, ahead=docs[1:])
        assert same(one, resolve(docs, registry))
        edited = memo_folder / "actors.yml"
        edited.write_text("actors: []\nignore:\n  - name: الجفرة\n", encoding="utf-8")
        registry = load_registry(edited)
        reg, _ = timed("rebuild, registry edit (ignore الجفرة)", docs, registry, memo_folder)
        assert same(reg, resolve(docs, registry))
        print("\nevery rebuild's resolution equals the full resolve of its input")
    finally:
        shutil.rmtree(memo_folder, ignore_errors=True)


if __name__ == "__main__":
    main()
