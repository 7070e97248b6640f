"""Time a rebuild's ingest and tag stages alone, with every annotation cached (nothing is tagged).

    python bench/tag_stage.py --corpus CORPUS --cache CACHE [--repeat 2] [--tokens]

Each round prints wall seconds and, after a slash, this process' CPU seconds (less sensitive to a loaded
machine's other jobs). Each round: the corpus listing (the warm tagger's hint), ingest (through the ingest cache), and the tag stage
(cache keys, cache reads); with ``--tokens``, the time to make every cached article's tokens as resolve's
views do. The first round writes the annotation pack when the cache has none, so run it twice. The cache
folder is written (its pack, ingest cache, listing): give it a copy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def one_round(corpus: Path, cache: Path, tokens: bool) -> dict[str, str]:
    from annotate.cache import CorpusListing
    from annotate.pipeline import BuildOptions, BuildReport, annotate_corpus, ingest_corpus

    seconds: dict[str, str] = {}
    clock = _Clock()
    CorpusListing(corpus, cache)
    seconds["listing"] = clock.lap()
    report = BuildReport()
    articles = ingest_corpus(corpus, False, report, cache=cache)
    seconds["ingest"] = clock.lap()
    annotations = annotate_corpus(articles, BuildOptions(corpus=corpus, cache=cache), report)
    seconds["tag"] = clock.lap()
    if report.tagged:
        print(f"note: {report.tagged} article(s) were tagged: the cache was not complete")
    if tokens:
        count = sum(len(s.tokens) for a in annotations for s in a.sentences)
        seconds["tokens"] = clock.lap()
        print(f"{count} tokens")
    seconds["rss MB"] = f"{rss_mb():.0f}"
    return seconds


class _Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> str:
        wall, cpu = time.perf_counter(), time.process_time()
        out = f"{wall - self.wall:.2f}/{cpu - self.cpu:.2f}"
        self.wall, self.cpu = wall, cpu
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--tokens", action="store_true", help="also make every cached article's tokens")
    args = parser.parse_args()
    for n in range(args.repeat):
        seconds = one_round(args.corpus, args.cache, args.tokens)
        print(f"round {n + 1}: " + ", ".join(f"{k} {v}" for k, v in seconds.items()))


if __name__ == "__main__":
    main()
