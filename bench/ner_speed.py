"""Entity tagger speed: model load time and sentences per second (batched, one process).

    python bench/ner_speed.py [--repeat N] [--threads T] [--float32] [--member FILE ...]

Tags every sentence of the seed corpus N times in one batched call, after a warm-up, with the shipped
model as the build runs it (int8 LSTMs, see annotate/ner/inference.py); ``--float32`` measures the
unquantized model instead; ``--member`` measures an ensemble of the shipped tagger and those
members (annotate/ner/ensemble.py; default: the members installed beside the model; ``--alone``: none). Each measurement runs in a fresh process, so import and load times are real.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(repeat: int, threads: int, int8: bool, members: list[str] | None) -> None:
    """One measurement, printed (runs in its own process: torch's thread count is set once).
    ``members``: None for the installed ones, [] for the shipped tagger alone."""
    os.environ["OMP_NUM_THREADS"] = str(threads)
    import dataclasses

    from annotate.ingest import corpus_files, read_article
    from annotate.tokenize import sentences_in

    corpus = ROOT / "corpus"
    articles = [read_article(p, corpus) for p in corpus_files(corpus)]
    documents = [(a.text, list(sentences_in(a.text, a.body))) for a in articles] * repeat
    sentences = sum(len(s) for _, s in documents)
    tokens = sum(len(s.tokens) for _, doc in documents for s in doc)

    started = time.perf_counter()
    import stanza  # noqa: F401  (import time is part of what a user waits for)

    imported = time.perf_counter()
    from annotate.ner.tagger import EntityTagger, model_spec

    spec = model_spec("shipped", members=members)
    tagger = EntityTagger(dataclasses.replace(spec, int8=int8))
    loaded = time.perf_counter()
    tagger.tag(documents[:1])  # warm-up
    begin, cpu = time.perf_counter(), time.process_time()
    tagger.tag(documents)
    elapsed, cpu = time.perf_counter() - begin, time.process_time() - cpu
    mode = ("int8" if int8 else "float32") + (f", {1 + len(spec.members)} taggers" if spec.members else "")
    print(f"import stanza/torch: {imported - started:.2f} s; model load ({mode}): {loaded - imported:.2f} s")
    print(
        f"tagging ({mode}, {threads} thread{'s' if threads > 1 else ''}): {sentences} sentences ({tokens / sentences:.0f} tokens each) "
        f"in {elapsed:.2f} s = {sentences / elapsed:.0f} sentences/s ({sentences / cpu:.0f} per CPU second: less sensitive to other load)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--threads", type=int, default=0, help="torch threads; 0 measures 1 and 2")
    parser.add_argument("--float32", action="store_true", help="also measure the unquantized model")
    parser.add_argument("--member", action="append", default=[], help="an ensemble member file (repeat)")
    parser.add_argument("--alone", action="store_true", help="the shipped tagger without its installed members")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a single measurement (child process)
    args = parser.parse_args()
    if args.one:
        measure(args.repeat, args.threads, not args.float32, [] if args.alone else args.member or None)
        return
    for int8 in (True, False) if args.float32 else (True,):
        for threads in (args.threads,) if args.threads else (1, 2):
            command = [sys.executable, __file__, "--one", "--repeat", str(args.repeat), "--threads", str(threads)]
            command += [f"--member={member}" for member in args.member] + (["--alone"] if args.alone else [])
            subprocess.run(command + ([] if int8 else ["--float32"]), check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
