"""Actor quality on a gold-annotated corpus: publish it to a temporary folder, then run the gold's scorer.

    python -m annotate eval-actors --corpus ../shared/realnews/articles --gold ../shared/realnews/gold.yml

The build is the real one (``pipeline.build``: ingest, tag, resolve, render, MkDocs) into a folder of its
own, so the checkout and its ``site/`` and ``build/`` are never touched; only ``--cache`` (when given) is
reused, so a second run re-resolves without re-tagging. The scorer is the gold's own ``score.py`` (kept
beside ``gold.yml``, unchanged, as the dev set ships it): the figures are the ones anyone scoring an export
of the site would get.
"""

from __future__ import annotations

import importlib.util
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from annotate.errors import AnnotateError
from annotate.models import jsonl_records

SUMMARY = "actor F1 {actor_f1} (P {actor_precision} R {actor_recall}) label {label_acc} linked {linked} merged {merged_count}"


@dataclass
class ActorScores:
    """The scorer's output (its ``--json`` fields) for one build."""

    figures: dict

    def summary(self) -> str:
        return SUMMARY.format(merged_count=len(self.figures["merged"]), **self.figures)

    def details(self) -> list[str]:
        lines = []
        for key in ("missed", "spurious", "split", "merged", "unmatched_articles"):
            value = self.figures[key]
            items = [f"{k}: {v}" for k, v in value.items()] if isinstance(value, dict) else list(value)
            if key == "missed":
                items = [i for i in items if ": date " not in i]  # dates are scored by the date rules' own tests
            lines.append(f"{key} ({len(items)}):")
            lines += [f"    {item}" for item in items]
        return lines


def load_scorer(path: Path) -> ModuleType:
    if not path.is_file():
        raise AnnotateError(f"{path}: scorer not found; pass --scorer with the gold's score.py")
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate_actors(corpus: Path, gold: Path, cache: Path | None = None, scorer: Path | None = None, ner_model: str = "shipped") -> ActorScores:
    """Publish ``corpus`` into a temporary folder and score its ``data/annotations.jsonl`` against ``gold``."""
    import yaml

    from annotate.pipeline import BuildOptions, build

    if not gold.is_file():
        raise AnnotateError(f"{gold}: gold file not found")
    module = load_scorer(scorer or gold.parent / "score.py")
    try:
        gold_data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise AnnotateError(f"{gold}: not valid YAML ({error.__class__.__name__}); fix the file") from error
    with tempfile.TemporaryDirectory(prefix="eval-actors-") as work:
        out = Path(work) / "site"
        build(BuildOptions(corpus=corpus, out=out, cache=cache or Path(work) / "cache", ner_model=ner_model))
        articles = jsonl_records((out / "data" / "annotations.jsonl").read_text(encoding="utf-8"))
    return ActorScores(module.score(gold_data, articles, str(corpus)))
