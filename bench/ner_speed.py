"""Entity tagger speed: model load time and sentences per second (batched, one process).

    python bench/ner_speed.py [--repeat N]

Tags every sentence of the seed corpus N times in one batched call, after a warm-up.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (the build uses 1 per process)")
    args = parser.parse_args()
    import os

    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    from annotate.ingest import corpus_files, read_article
    from annotate.tokenize import sentences_in

    corpus = ROOT / "corpus"
    articles = [read_article(p, corpus) for p in corpus_files(corpus)]
    documents = [(a.text, list(sentences_in(a.text, a.body))) for a in articles] * args.repeat
    sentences = sum(len(s) for _, s in documents)

    started = time.perf_counter()
    import stanza  # noqa: F401  (import time is part of what a user waits for)

    imported = time.perf_counter()
    from annotate.ner.tagger import EntityTagger, model_spec

    tagger = EntityTagger(model_spec("shipped"))
    loaded = time.perf_counter()
    tagger.tag(documents[:1])  # warm-up
    begin = time.perf_counter()
    tagger.tag(documents)
    elapsed = time.perf_counter() - begin
    print(f"import stanza/torch: {imported - started:.2f} s")
    print(f"model load: {loaded - imported:.2f} s")
    print(f"tagging ({args.threads} thread{'s' if args.threads > 1 else ''}): {sentences} sentences in {elapsed:.2f} s = {sentences / elapsed:.0f} sentences/s")


if __name__ == "__main__":
    main()
