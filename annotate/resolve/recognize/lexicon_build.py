"""Build the shipped news lexicon from ANT as tagged by the shipped model (``mine.tag_ant``).

    python -m annotate.resolve.recognize.lexicon_build --data ../shared/data --work /tmp/lexicon --tokens 2000000

Why: the tagger finds a name in one sentence and misses it in the next; over millions of tokens of real
news, a name it tags consistently and often is a name. For every span the tagger tagged, the build counts
how often it was tagged (per label) and how often the same words occur outside a longer tagged span; it keeps spans tagged at
least ``min_tagged`` times (``min_tagged_one_word`` for one word), in at least ``min_rate`` of their occurrences, with one label in ``min_purity``
of its tags. It also lists the *common words*: words seen ``common_seen`` times or more and inside an
entity in at most ``common_rate`` of them (ضاحكا، دولار، الثاني), which are never a one-word name.

The thresholds are chosen on ANERcorp dev (the last 10 % of the train split, which the tagger never
trained on; the test split is never read): the model's tags on dev, plus lexicon matches where it tagged
nothing, minus one-word spans of common words, scored by exact span and label; the grid point with the
best F1 is kept and written into the data files' headers with the counts.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotate.arabic import fold
from annotate.resolve.names import lil_stems

HERE = Path(__file__).resolve().parent
LEXICON = HERE / "news_lexicon.tsv"
WORD_RATES = HERE / "word_rates.tsv"
NAME_RATE = 0.5  # a word inside entities in fewer than half of its occurrences is not mostly a name
MAX_WORDS = 6
CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class Thresholds:
    min_tagged: int
    min_rate: float
    min_purity: float
    min_tagged_one_word: int  # one-word names are more often common words: they may need more evidence
    common_seen: int
    common_rate: float


def read_tagged(path: Path) -> list[tuple[list[str], list[str]]]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            try:
                words, tags = json.loads(line)
            except json.JSONDecodeError:
                break
            out.append(([fold(w) for w in words], tags))
    return out


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    from annotate.ner.data import entity_spans

    return sorted(entity_spans(tags))


def _stems(word: str) -> list[str]:
    """A first word's readings without a clitic (وبوتين → بوتين, للقاهرة → القاهرة, والقاهرة → القاهرة)."""
    out = list(lil_stems(word[2:])) if word.startswith("لل") and len(word) >= 5 else []
    return out + [word[len(p) :] for p in CLITICS if word.startswith(p) and len(word) - len(p) >= 3]




def _bare(key: tuple[str, ...], known) -> tuple[str, ...]:
    for stem in _stems(key[0]):
        if (stem, *key[1:]) in known:
            return (stem, *key[1:])
    return key


@dataclass
class SpanCounts:
    tagged: dict[tuple[str, ...], Counter]
    seen: Counter
    word_seen: Counter
    word_inside: Counter


def count_spans(windows: list[tuple[list[str], list[str]]]) -> SpanCounts:
    raw: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    word_seen: Counter = Counter()
    word_inside: Counter = Counter()
    for words, tags in windows:
        word_seen.update(words)
        for n, tag in enumerate(tags):
            if tag != "O":
                word_inside[words[n]] += 1
        for i, j, label in spans_of(tags):
            if j - i <= MAX_WORDS:
                raw[tuple(words[i:j])][label] += 1
    # A clitic form counts for its bare form when the bare form is tagged too (ولروسيا for روسيا).
    merged: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for key, labels in raw.items():
        merged[_bare(key, raw)].update(labels)
    # Seen: every occurrence, tagged or not, except inside a longer tagged span (بوتين in «فلاديمير بوتين» is
    # not a miss of بوتين).
    seen: Counter = Counter()
    lengths = sorted({len(k) for k in merged})
    for words, tags in windows:
        spans = spans_of(tags)
        for i in range(len(words)):
            for n in lengths:
                if i + n > len(words):
                    break
                if any(a <= i and i + n <= b and b - a > n for a, b, _ in spans):
                    continue
                key = tuple(words[i : i + n])
                key = key if key in merged else _bare(key, merged)
                if key in merged:
                    seen[key] += 1
    return SpanCounts(dict(merged), seen, word_seen, word_inside)


def lexicon(counts: SpanCounts, t: Thresholds) -> dict[tuple[str, ...], tuple[str, int, int]]:
    out = {}
    for key, labels in counts.tagged.items():
        tagged = sum(labels.values())
        label, top = min(labels.items(), key=lambda kv: (-kv[1], kv[0]))
        seen = max(tagged, counts.seen[key])
        if tagged >= (t.min_tagged_one_word if len(key) == 1 else t.min_tagged) and tagged / seen >= t.min_rate and top / tagged >= t.min_purity and any(len(w) >= 3 for w in key) and all(any(ch.isalpha() for ch in w) for w in key):
            out[key] = (label, tagged, seen)
    return out


def common_words(counts: SpanCounts, t: Thresholds) -> set[str]:
    return {w for w, n in counts.word_seen.items() if n >= t.common_seen and counts.word_inside[w] / n <= t.common_rate}


def weak_words(counts: SpanCounts, t: Thresholds) -> dict[str, float]:
    """Words seen ``common_seen`` times or more and inside an entity in under half of them, with that rate."""
    return {w: counts.word_inside[w] / n for w, n in counts.word_seen.items() if n >= t.common_seen and counts.word_inside[w] / n < NAME_RATE and any(ch.isalpha() for ch in w)}


def apply(sentences: list[list[str]], predicted: list[set[tuple[int, int, str]]], lex: dict, common: set[str]) -> list[set[tuple[int, int, str]]]:
    """The model's spans, plus longest lexicon matches that overlap none, minus one-word spans of common words."""
    lengths = sorted({len(k) for k in lex}, reverse=True)
    out = []
    for words, spans in zip(sentences, predicted, strict=True):
        taken = [False] * len(words)
        for i, j, _ in spans:
            for n in range(i, j):
                taken[n] = True
        found = set(spans)
        i = 0
        while i < len(words):
            hit = None
            for n in lengths:
                if i + n > len(words) or any(taken[i : i + n]):
                    continue
                key = tuple(words[i : i + n])
                entry = lex.get(key) or lex.get(_bare(key, lex))
                if entry:
                    hit = (i, i + n, entry[0])
                    break
            if hit:
                found.add(hit)
                i = hit[1]
            else:
                i += 1
        out.append({s for s in found if not (s[1] - s[0] == 1 and words[s[0]] in common)})
    return out


def f1(gold: list[set], pred: list[set]) -> tuple[float, float, float]:
    ok = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_pred, n_gold = sum(map(len, pred)), sum(map(len, gold))
    p, r = ok / max(1, n_pred), ok / max(1, n_gold)
    return 2 * p * r / max(1e-9, p + r), p, r


GRID = {
    "min_tagged": (3, 5, 10, 20),
    "min_rate": (0.5, 0.7, 0.85),
    "min_purity": (0.8, 0.95),
    "min_tagged_one_word": (3, 5, 10, 20),
    "common_seen": (20, 50, 200),
    "common_rate": (0.01, 0.03, 0.1),
}


def choose(counts: SpanCounts, data_dir: Path) -> tuple[Thresholds, dict]:
    """The grid point with the best F1 on ANERcorp dev (see the module docstring)."""
    from annotate.ner.data import read_conll, split_dev
    from annotate.ner.tagger import get_tagger

    _, dev = split_dev(read_conll(data_dir / "anercorp" / "ANERCorp_CamelLab_train.txt"), 0.10)
    words = [[w for w, _ in s] for s in dev]
    gold = [set(spans_of([t for _, t in s])) for s in dev]
    predicted = [set(spans_of(t)) for t in get_tagger("shipped").tag_words(words)]
    folded = [[fold(w) for w in s] for s in words]
    results = {"model alone": f1(gold, predicted)}
    best = None
    lexicons, commons = {}, {}
    for values in itertools.product(*GRID.values()):
        t = Thresholds(*values)
        lex = lexicons.get(values[:4]) or lexicons.setdefault(values[:4], lexicon(counts, t))
        common = commons.get(values[4:]) or commons.setdefault(values[4:], common_words(counts, t))
        score = f1(gold, apply(folded, predicted, lex, common))
        if best is None or score[0] > best[1][0]:
            best = (t, score)
    results["model + lexicon − common words"] = best[1]
    return best[0], results


def write(counts: SpanCounts, t: Thresholds, results: dict, tokens: int, command: str) -> tuple[int, int]:
    lex = lexicon(counts, t)
    weak = weak_words(counts, t)
    common = common_words(counts, t)
    head = [
        f"# Built by: {command}",
        f"# From {tokens} tokens of ANT tagged by the shipped model; thresholds chosen on ANERcorp dev: {t}",
        *(f"# ANERcorp dev, {name}: F1 {s[0]:.3f} P {s[1]:.3f} R {s[2]:.3f}" for name, s in results.items()),
    ]
    rows = sorted(lex.items(), key=lambda kv: (kv[1][0], " ".join(kv[0])))
    LEXICON.write_text("\n".join([*head, f"# {len(rows)} names: label, times tagged, times seen, folded words", *(f"{v[0]}\t{v[1]}\t{v[2]}\t{' '.join(k)}" for k, v in rows)]) + "\n", encoding="utf-8")
    rows_w = [f"{w}\t{r:.3f}" for w, r in sorted(weak.items())]
    head_w = [*head, f"# common_rate: {t.common_rate}", f"# {len(weak)} words seen {t.common_seen}+ times, inside an entity in under {NAME_RATE} of them (the rate); {len(common)} at or under common_rate"]
    WORD_RATES.write_text("\n".join([*head_w, *rows_w]) + "\n", encoding="utf-8")
    return len(rows), len(common)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build annotate/resolve/recognize/news_lexicon.tsv and word_rates.tsv from ANT.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--work", type=Path, default=Path("build/lexicon"))
    parser.add_argument("--tokens", type=int, default=2_000_000, help="ANT tokens to tag (every 4th clean line)")
    args = parser.parse_args(argv)
    from annotate.resolve.recognize.mine import tag_ant

    args.work.mkdir(parents=True, exist_ok=True)
    tagged = args.work / "ant-tagged.jsonl.gz"
    tokens = tag_ant(args.data, tagged, args.tokens)
    counts = count_spans(read_tagged(tagged))
    t, results = choose(counts, args.data)
    command = f"python -m annotate.resolve.recognize.lexicon_build --tokens {args.tokens}"
    names, common = write(counts, t, results, tokens, command)
    print(f"{names} names, {common} common words; {t}; " + "; ".join(f"{k}: F1 {v[0]:.3f}" for k, v in results.items()))


if __name__ == "__main__":
    main()
