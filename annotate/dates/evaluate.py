"""Score the date tagger against the hand-made gold (tests/dates_gold.py): ``python -m annotate.dates.evaluate``.

A found mention is a true positive when its span and its value both equal a gold one. Prints, per source
(seed articles, written sentences), TP/FP/FN, precision and recall, then every failure.
"""

from __future__ import annotations

import argparse
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from annotate.dates import find_dates

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "dates_gold.py"
CORPUS = ROOT / "corpus"

Item = tuple[int, int, str, str | None]  # start, end, text, value


@dataclass
class Score:
    """Counts for one source, and the failures behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_gold(path: Path = GOLD) -> ModuleType:
    """The gold module, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("dates_gold", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"{path}: no gold file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def locate(text: str, entries: list[tuple], where: str) -> list[Item]:
    """Gold entries → spans, searching in order (with the entry's context where it gives one)."""
    items, cursor = [], 0
    for entry in entries:
        expr, value = entry[0], entry[1]
        context = entry[2] if len(entry) > 2 else expr
        at = text.find(context, cursor)
        if at < 0:
            raise ValueError(f"{where}: gold {context!r} not found after offset {cursor}")
        start = at + context.index(expr)
        items.append((start, start + len(expr), expr, value))
        cursor = start + len(expr)
    return items


def compare(text: str, reference: str | None, gold: list[Item], score: Score, where: str) -> None:
    found = {(m.start, m.end, m.text, m.value) for m in find_dates(text, reference)}
    expected = set(gold)
    score.tp += len(found & expected)
    for start, end, expr, value in sorted(found - expected):
        score.fp += 1
        score.failures.append(f"FP {where}@{start}: {expr!r} = {value}")
    for start, end, expr, value in sorted(expected - found):
        score.fn += 1
        score.failures.append(f"FN {where}@{start}: {expr!r} = {value}")


def evaluate(gold: ModuleType | None = None, corpus: Path = CORPUS) -> dict[str, Score]:
    """Scores per source: ``seed`` (the corpus articles), ``written`` (sentences per case) and ``held-out``
    (sentences written after the rules, never tuned on)."""
    gold = gold or load_gold()
    scores = {"seed": Score(), "written": Score(), "held-out": Score()}
    for name, article in gold.SEED.items():
        text = (corpus / name).read_text(encoding="utf-8")
        compare(text, article["reference"], locate(text, article["dates"], name), scores["seed"], name)
    for source, sentences in (("written", gold.WRITTEN), ("held-out", getattr(gold, "HELD_OUT", []))):
        for n, sentence in enumerate(sentences):
            where = f"{source}[{n}] ({sentence['case']})"
            items = locate(sentence["text"], sentence["dates"], where)
            compare(sentence["text"], sentence["reference"], items, scores[source], where)
    return scores


def total(scores: dict[str, Score]) -> Score:
    out = Score()
    for score in scores.values():
        out.tp, out.fp, out.fn = out.tp + score.tp, out.fp + score.fp, out.fn + score.fn
        out.failures += score.failures
    return out


def table(scores: dict[str, Score]) -> str:
    rows = [f"{'source':<10}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>8}{'R':>8}"]
    for name, score in [*scores.items(), ("all", total(scores))]:
        rows.append(f"{name:<10}{score.tp:>5}{score.fp:>5}{score.fn:>5}{score.precision:>8.3f}{score.recall:>8.3f}")
    failures = total(scores).failures
    rows.append("")
    rows.append(f"failures ({len(failures)}):" if failures else "failures: none")
    rows.extend(f"  {line}" for line in failures)
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotate.dates.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file (default: tests/dates_gold.py)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the seed articles (default: corpus/)")
    args = parser.parse_args(argv)
    print(table(evaluate(load_gold(args.gold), args.corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
