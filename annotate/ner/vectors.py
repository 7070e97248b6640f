"""Word vectors for the tagger: fastText on unlabeled Arabic news, shipped as a trimmed stanza pretrain.

fastText (gensim) is used rather than word2vec because its subword n-grams give useful vectors to rare
words and spelling variants, which are exactly the names the tagger misses. The shipped pretrain keeps
the most frequent words plus every training word, in half precision to stay within the size budget.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotate.arabic import normalize_token
from annotate.tokenize import tokenize

log = logging.getLogger(__name__)

# ANT boilerplate lines (app promos, disclaimers, separators, "نقلا عن" credits).
_BOILERPLATE = re.compile(r"جميع المقالات المنشورة|حمل تطبيق|لتحميل تطبيق|^نقلا? ?عن|^نقلاً عن|^[-_=*.•\s]+$")


def clean_lines(paths: Iterable[Path]) -> Iterator[str]:
    """Unique, non-boilerplate lines of gzip'd (or plain) text files."""
    seen: set[int] = set()
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                line = line.strip()
                if len(line) < 20 or _BOILERPLATE.search(line):
                    continue
                key = hash(line)
                if key in seen:
                    continue
                seen.add(key)
                yield line


def tokenized_lines(lines: Iterable[str]) -> Iterator[list[str]]:
    """Each line as the tagger sees it: our tokenizer, then per-token normalization."""
    for line in lines:
        yield [normalize_token(t.text) for t in tokenize(line)]




def write_corpus(sentences: Iterable[list[str]], out: Path) -> Counter:
    """Write one tokenized sentence per line (gensim's corpus_file format); return the word counts."""
    counts: Counter = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for words in sentences:
            counts.update(words)
            handle.write(" ".join(words) + "\n")
    return counts


def train_fasttext(corpus: Path, settings: dict, seed: int):
    """Train fastText vectors on the corpus file (``settings["workers"]`` threads, 1 for a repeatable run)."""
    from gensim.models import FastText

    return FastText(
        corpus_file=str(corpus),
        vector_size=settings["dim"],
        window=settings["window"],
        min_count=settings["min_count"],
        epochs=settings["epochs"],
        min_n=settings["min_n"],
        max_n=settings["max_n"],
        bucket=settings["bucket"],
        workers=settings.get("workers", 1),
        seed=seed,
    )


def pretrain_vocabulary(counts: Counter, required: Iterable[str], size: int) -> list[str]:
    """The ``size`` most frequent words, then every required (training) word not yet included."""
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]]
    known = set(words)
    words += sorted({w for w in required if w not in known})
    return words


def save_pretrain(vectors, words: list[str], out: Path, half: bool) -> None:
    """Write a stanza pretrain file (``{'vocab', 'emb'}``) for ``words`` from fastText vectors."""
    import numpy as np
    import torch
    from stanza.models.common.pretrain import Pretrain, PretrainedWordVocab
    from stanza.models.common.vocab import VOCAB_PREFIX

    matrix = np.zeros((len(words) + len(VOCAB_PREFIX), vectors.vector_size), dtype=np.float32)
    for i, word in enumerate(words):
        matrix[i + len(VOCAB_PREFIX)] = vectors[word]  # fastText composes unseen words from subwords
    emb = torch.from_numpy(matrix.astype(np.float16) if half else matrix)
    pretrain = Pretrain(str(out), None, -1, save_to_file=False)
    pretrain._vocab = PretrainedWordVocab(words)
    pretrain._emb = emb
    out.parent.mkdir(parents=True, exist_ok=True)
    pretrain.save(str(out))
    log.info("pretrain: %d words x %d dims -> %s", len(words), vectors.vector_size, out)
