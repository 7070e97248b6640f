"""Exact-span, entity-level evaluation of the tagger on ANERcorp test and AQMAR (out of domain).

A predicted entity counts only if its start, end and type all match a gold entity. Scores are micro
averages over entities, and per type. AQMAR is reported with and without MISC (its MIS0–MIS3 classes
are broader than ANERcorp's MISC).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from annotate.ner.data import TaggedSentence, entity_spans, read_conll, split_dev
from annotate.ner.tagger import EntityTagger

TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass
class Scores:
    tp: Counter
    fp: Counter
    fn: Counter

    def prf(self, types: tuple[str, ...] | None = None) -> tuple[float, float, float]:
        keys = types or tuple(set(self.tp) | set(self.fp) | set(self.fn))
        tp, fp, fn = (sum(c[k] for k in keys) for c in (self.tp, self.fp, self.fn))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[list[str]], predicted: list[list[str]]) -> Scores:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = entity_spans(g), entity_spans(p)
        for span in gs & ps:
            tp[span[2]] += 1
        for span in ps - gs:
            fp[span[2]] += 1
        for span in gs - ps:
            fn[span[2]] += 1
    return Scores(tp, fp, fn)


def evaluate(tagger: EntityTagger, sentences: list[TaggedSentence]) -> Scores:
    words = [[w for w, _ in s] for s in sentences]
    gold = [[t for _, t in s] for s in sentences]
    return score(gold, tagger.tag_words(words))


def datasets(data_dir: Path) -> dict[str, list[TaggedSentence]]:
    aqmar = [s for f in sorted((data_dir / "aqmar").glob("*.txt")) for s in read_conll(f)]
    return {"ANERcorp test": read_conll(data_dir / "anercorp" / "ANERCorp_CamelLab_test.txt"), "AQMAR": aqmar}


def dev_dataset(data_dir: Path) -> dict[str, list[TaggedSentence]]:
    """The shipped recipe's dev split (``train.yaml``: the last 10 % of ANERcorp train), for choosing."""
    from annotate.ner.train import load_config

    config = load_config()
    sentences = read_conll(data_dir / config["data"]["anercorp_train"])
    return {"ANERcorp dev": split_dev(sentences, config["data"]["dev_fraction"])[1]}


def table(results: dict[str, Scores]) -> str:
    """A Markdown table: P/R/F1 micro (all types; AQMAR also without MISC) and F1 per type."""
    lines = ["| data | P | R | F1 | F1 PER | F1 ORG | F1 LOC | F1 MISC |", "|---|---|---|---|---|---|---|---|"]
    for name, scores in results.items():
        rows = [(name, None)] + ([(f"{name} without MISC", ("PER", "ORG", "LOC"))] if name == "AQMAR" else [])
        for label, types in rows:
            p, r, f = scores.prf(types)
            per_type = [f"{scores.prf((t,))[2]:.3f}" for t in TYPES]
            lines.append(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | " + " | ".join(per_type) + " |")
    return "\n".join(lines)
