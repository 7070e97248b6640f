"""Tag a spread-out part of ANT (real Arabic news) with the shipped tagger, checkpointed, for the news lexicon.

Why a checkpoint: tagging millions of tokens on one CPU core takes tens of minutes, and a session may be cut;
``tag_ant`` appends each batch's windows (words and BIOES tags) to a gzip'd JSON Lines file and, run again,
skips the windows already there. ``annotate.resolve.recognize.lexicon_build`` turns that file into the
shipped lexicon.
"""

from __future__ import annotations

import gzip
import json
import logging
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

log = logging.getLogger(__name__)

ANT_FILES = ("ant/ant_multisource_2018.txt.gz", "ant/ant_jawharafm.txt.gz")


def ant_windows(data_dir: Path, every: int) -> Iterator[list[str]]:
    """Every ``every``-th clean ANT line (both sources, spread over all topics), as tagger windows."""
    from annotate.ner import vectors
    from annotate.ner.type_rates import windows

    lines = (line for n, line in enumerate(vectors.clean_lines([data_dir / p for p in ANT_FILES])) if n % every == 0)
    return windows(vectors.tokenized_lines(lines))


def tag_ant(data_dir: Path, out: Path, token_budget: int, every: int = 4, batch: int = 1000) -> int:
    """Append tagged windows to ``out`` until it holds ``token_budget`` tokens; returns the tokens held."""
    from annotate.ner.tagger import get_tagger

    done_windows, done_tokens = 0, 0
    if out.exists():
        with gzip.open(out, "rt", encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    break  # a batch cut mid-write: tagged again
                done_windows += 1
                done_tokens += len(record[0])
    if done_tokens >= token_budget:
        return done_tokens
    source = islice(ant_windows(data_dir, every), done_windows, None)
    tagger = get_tagger("shipped")
    started = time.time()
    while done_tokens < token_budget:
        pending = list(islice(source, batch))
        if not pending:
            break
        tags = tagger.tag_words(pending)
        with gzip.open(out, "at", encoding="utf-8") as handle:
            for words, t in zip(pending, tags, strict=True):
                handle.write(json.dumps([words, t], ensure_ascii=False) + "\n")
        done_tokens += sum(len(w) for w in pending)
        log.warning("mined %d tokens (%.0f s)", done_tokens, time.time() - started)
    return done_tokens


if __name__ == "__main__":
    import sys

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    data, target, budget = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    print(tag_ant(data, target, budget))
