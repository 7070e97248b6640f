"""Build synthetic corpora end to end and print what users wait for and what the site weighs.

    python bench/scale.py --articles 1000 10000 [--jobs-throughput 200]
    python bench/scale.py --articles 10000 --corpus /work/scale/c10k/corpus --cache /work/scale/c10k/cache

For each size: full build (tagging included, unless ``--cache`` gives a tag cache to start from),
rebuild with nothing changed, after one article changes, after one article is added (the commit users
make most), after a registry edit that touches one actor;
peak memory (max RSS of the build process and its workers); MkDocs time per page; site size; search
index size (gzip) per article; search in Chromium (time to the first results, when Chromium is
installed). Then annotation throughput with --jobs 1 and --jobs 2 on a fresh cache. Every build runs the
real CLI in a subprocess. ``--corpus`` and ``--cache`` are copied first (only the first N articles of the
corpus, and the cache's annotations), so the originals are never written.

The last lines compare the figures with the targets of issue 22 and say which are missed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_ready import search_ready  # noqa: E402
from bench.synthetic import article, write_corpus  # noqa: E402


def run_build(corpus: Path, out: Path, cache: Path, *extra: str) -> dict:
    """One CLI build; returns wall time, peak RSS (MB, via /usr/bin/time) and the CLI's stage times."""
    command = [sys.executable, "-m", "annotate", "site", "--corpus", str(corpus), "--out", str(out), "--cache", str(cache), *extra]
    timed = ["/usr/bin/time", "-f", "MAXRSS %M", *command] if Path("/usr/bin/time").exists() else command
    started = time.perf_counter()
    result = subprocess.run(timed, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    rss = re.search(r"MAXRSS (\d+)", result.stderr)
    stages = dict(re.findall(r"(\w+) ([\d.]+)s", result.stdout.split("time:", 1)[-1].splitlines()[0]))
    rendered = re.search(r"^mkdocs: (.*)$", result.stdout, re.M)
    return {
        "wall": wall,
        "rss_mb": int(rss.group(1)) / 1024 if rss else float("nan"),
        "stages": {k: float(v) for k, v in stages.items()},
        "rendered": rendered.group(1) if rendered else "",
    }


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def search_index_gzip(site: Path) -> int:
    """meta.json and the key shards (what queries fetch from; the per-page records are the text itself)."""
    files = [site / "search" / "meta.json", *sorted((site / "search" / "s").glob("*.json"))]
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files if f.exists())


# Issue 22's targets: (what, figure name, limit, unit, size it applies to or None for every size)
TARGETS = [
    ("rebuild, nothing changed", "nothing", 3.0, "s", 10000),
    ("rebuild, one article changed", "one", 10.0, "s", 10000),
    ("rebuild, one article added", "added", 10.0, "s", 10000),
    ("rebuild, registry edit touching one actor", "registry", 15.0, "s", 10000),
    ("peak memory", "peak_mb", 1024.0, "MB", 10000),
    ("peak memory", "peak_mb", 4096.0, "MB", 100000),
    ("site size per article", "kb_per_article", 25.0, "KB", 10000),
    ("MkDocs per page (full build)", "ms_per_page", 2.0, "ms", 10000),
]


def copy_inputs(articles: int, work: Path, corpus: Path | None, cache: Path | None) -> tuple[Path, Path]:
    """The corpus (synthetic, or the first ``articles`` files of ``corpus``) and a cache to start from."""
    if corpus is None:
        folder = write_corpus(work / "corpus", articles)
        (folder / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    else:
        folder = work / "corpus"
        folder.mkdir(parents=True)
        for path in sorted(corpus.glob("*.txt"))[:articles]:
            shutil.copy2(path, folder / path.name)
        registry = corpus / "actors.yml"
        (folder / "actors.yml").write_text(registry.read_text(encoding="utf-8") if registry.exists() else "actors: []\n", encoding="utf-8")
    if cache is not None and (cache / "annotations").is_dir():
        shutil.copytree(cache / "annotations", work / "cache" / "annotations")
    return folder, work / "cache"


def scale(articles: int, work: Path, corpus_from: Path | None = None, cache_from: Path | None = None) -> dict:
    corpus, cache = copy_inputs(articles, work, corpus_from, cache_from)
    out = work / "site"
    say = functools.partial(print, flush=True)
    say(f"\n## {articles} articles")
    full = run_build(corpus, out, cache)
    pages = sum(1 for _ in out.rglob("index.html"))
    tagged = " (tags from the given cache)" if cache_from else ""
    say(f"full build:            {full['wall']:7.1f} s  (stages: {full['stages']}), {pages} pages{tagged}")
    mkdocs = full["stages"].get("mkdocs", float("nan"))
    say(f"mkdocs:                {mkdocs:7.1f} s = {1000 * mkdocs / pages:.2f} ms per page")
    size = folder_size(out)
    say(f"site size:             {size / 1e6:7.1f} MB = {size / articles / 1e3:.1f} KB per article")
    files = sum(1 for p in out.rglob("*") if p.is_file())
    say(f"site files:            {files:7d} = {files / articles:.2f} per article (by kind of file: bench/site_size.py)")
    index = search_index_gzip(out)
    say(f"search index (gzip):   {index / 1e3:7.1f} KB = {index / articles:.0f} bytes per article")
    ready = search_ready(out)
    if ready:
        say(f"search in Chromium:    index loaded in {ready['load_ms']:.0f} ms; click to {ready['results']} results in {ready['results_ms']:.0f} ms")
    nothing = run_build(corpus, out, cache)
    say(f"rebuild, nothing:      {nothing['wall']:7.1f} s  = {100 * nothing['wall'] / full['wall']:.1f} % of the full build  (stages: {nothing['stages']}; mkdocs: {nothing['rendered']})")
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nوأضاف خليفة حفتر أن الاجتماع سيعقد في روما.\n", encoding="utf-8")
    one = run_build(corpus, out, cache)
    say(f"rebuild, one article:  {one['wall']:7.1f} s  = {100 * one['wall'] / full['wall']:.1f} % of the full build  (stages: {one['stages']}; mkdocs: {one['rendered']})")
    (corpus / f"article-{articles:05d}.txt").write_text(article(random.Random(articles), articles), encoding="utf-8")  # the commit users make most
    added = run_build(corpus, out, cache)
    say(f"rebuild, one added:    {added['wall']:7.1f} s  = {100 * added['wall'] / full['wall']:.1f} % of the full build  (stages: {added['stages']}; mkdocs: {added['rendered']})")
    (corpus / "actors.yml").write_text("actors: []\nignore:\n  - name: مصراتة\n", encoding="utf-8")  # a place the corpus names (الجفرة matched no mention)
    registry = run_build(corpus, out, cache)
    say(f"rebuild, registry:     {registry['wall']:7.1f} s  = {100 * registry['wall'] / full['wall']:.1f} % of the full build  (stages: {registry['stages']}; mkdocs: {registry['rendered']})")
    peak = max(r["rss_mb"] for r in (full, nothing, one, added, registry))
    say(f"peak memory:           {peak:7.0f} MB (max RSS of one build)")
    return {"nothing": nothing["wall"], "one": one["wall"], "added": added["wall"], "registry": registry["wall"], "peak_mb": peak,
            "kb_per_article": size / articles / 1e3, "ms_per_page": 1000 * mkdocs / pages}


def verdicts(results: dict[int, dict]) -> list[str]:
    """One line per target that applies to a measured size, and the growth target when 1k and 10k ran."""
    lines = []
    for what, name, limit, unit, size in TARGETS:
        if size in results:
            value = results[size][name]
            lines.append(f"{'met   ' if value <= limit else 'MISSED'}  {what} at {size}: {value:.1f} {unit} (target ≤ {limit:g} {unit})")
    if 1000 in results and 10000 in results:
        ratio = results[10000]["one"] / results[1000]["one"]
        lines.append(f"{'met   ' if ratio <= 2 else 'MISSED'}  one-article rebuild at 10000 / at 1000: {ratio:.2f}x (target ≤ 2x)")
    return lines


def throughput(articles: int, work: Path) -> None:
    corpus = write_corpus(work / "throughput", articles)
    print(f"\n## annotation throughput ({articles} articles, fresh cache each)")
    rates = {}
    for jobs in (1, 2):
        result = run_build(corpus, work / f"site-j{jobs}", work / f"cache-j{jobs}", "--jobs", str(jobs))
        rates[jobs] = articles / result["stages"]["tag"]
        print(f"--jobs {jobs}: tag stage {result['stages']['tag']:.1f} s = {rates[jobs]:.1f} articles/s", flush=True)
    print(f"speed-up --jobs 2 / --jobs 1: {rates[2] / rates[1]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--jobs-throughput", type=int, default=200, help="articles for the --jobs comparison (0: skip)")
    parser.add_argument("--corpus", type=Path, help="take the first N articles of this folder instead of writing a synthetic corpus")
    parser.add_argument("--cache", type=Path, help="start from this build cache's annotations (copied), so the full build does not tag")
    args = parser.parse_args()
    results = {}
    for size in args.articles:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp:
            results[size] = scale(size, Path(tmp), args.corpus, args.cache)
    if args.jobs_throughput:
        with tempfile.TemporaryDirectory(prefix="bench-jobs-") as tmp:
            throughput(args.jobs_throughput, Path(tmp))
    lines = verdicts(results)
    if lines:
        print("\n## targets (issue 22)", *lines, sep="\n")


if __name__ == "__main__":
    main()
