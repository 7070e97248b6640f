"""Time the render stage alone, on the resolution of a real build, before and after one change.

    python bench/render_steps.py resolve --corpus C --cache K --to STATE/after.pkl   # stages 1–4 of a build, pickled
    python bench/render_steps.py render --cache K --resolved STATE/before.pkl       # a render into K/site (a full one first)
    python bench/render_steps.py snapshot --cache K --to STATE/render-before        # keep K/site's render state
    python bench/render_steps.py render --cache K --resolved STATE/after.pkl --restore STATE/render-before [--profile P]

The render that is timed is the pipeline's own (``pipeline._render``): the same memo files, docs folder
and search index, without resolving again, so each try of a change to the render code costs a render.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate import pipeline  # noqa: E402

STATE = ("docs", "fragments", ".docs-docs-state.json", ".docs-pieces", "search-index-state.pkl")  # and the memo files (memo*)


def state(folder: Path) -> list[str]:
    return [*STATE, *sorted(p.name for p in folder.glob("memo*"))]


def resolve(corpus: Path, cache: Path, to: Path) -> None:
    options = pipeline.BuildOptions(corpus=corpus, out=cache.parent / "unused-site", cache=cache)
    report = pipeline.BuildReport()
    articles, annotations, resolution = pipeline.resolve_corpus(options, report)
    pipeline.drop_tokens(annotations)
    to.parent.mkdir(parents=True, exist_ok=True)
    with to.open("wb") as file:
        pickle.dump((articles, annotations, resolution), file, protocol=pickle.HIGHEST_PROTOCOL)
    print("resolved:", report.seconds)


def snapshot(cache: Path, to: Path) -> None:
    shutil.rmtree(to, ignore_errors=True)
    to.mkdir(parents=True)
    for name in state(cache / "site"):
        source = cache / "site" / name
        if source.is_dir():
            shutil.copytree(source, to / name)
        elif source.exists():
            shutil.copy2(source, to / name)


def restore(cache: Path, source: Path) -> None:
    for name in sorted(set(state(cache / "site")) | set(state(source))):
        target = cache / "site" / name
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
        if (source / name).is_dir():
            shutil.copytree(source / name, target)
        elif (source / name).exists():
            shutil.copy2(source / name, target)


def render(cache: Path, resolved: Path, profile: Path | None) -> None:
    with resolved.open("rb") as file:
        articles, annotations, resolution = pickle.load(file)
    report = pipeline.BuildReport()
    started, cpu = time.perf_counter(), os.times()
    if profile is None:
        pipeline._render(articles, annotations, resolution, report, None, cache / "site")
    else:
        import cProfile

        cProfile.runctx("pipeline._render(articles, annotations, resolution, report, None, cache / 'site')", globals(), locals(), str(profile))
    now = os.times()
    own, children = now.user + now.system - cpu.user - cpu.system, now.children_user + now.children_system - cpu.children_user - cpu.children_system
    print(f"render: {time.perf_counter() - started:.2f} s wall; CPU {own:.2f} s in this process, {children:.2f} s in the forked child", report.seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=("resolve", "snapshot", "render"))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--to", type=Path)
    parser.add_argument("--resolved", type=Path)
    parser.add_argument("--restore", type=Path)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--no-fork", action="store_true", help="the article pages in this process (a profile then sees them)")
    args = parser.parse_args()
    if args.no_fork:
        from annotate import forked

        def inline(work):
            result = work()
            return lambda: result

        forked.start = inline
    if args.step == "resolve":
        resolve(args.corpus, args.cache, args.to)
    elif args.step == "snapshot":
        snapshot(args.cache, args.to)
    else:
        if args.restore:
            restore(args.cache, args.restore)
        render(args.cache, args.resolved, args.profile)


if __name__ == "__main__":
    main()
