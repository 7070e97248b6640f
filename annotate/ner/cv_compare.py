"""Recipes compared by cross-validation: ensembles of the folds' taggers, and paired differences.

``train-ner --cv`` leaves one tagger per fold in its work folder (``fold<K>/ar_ner_anercorp.pt``). Two
such CV runs of the shipped recipe with other seeds give, fold by fold, the taggers of a two-seed
ensemble: scoring that ensemble on each fold's held-out block measures what the shipped ensemble adds,
on the same five blocks as the single tagger (``score_ensembles``).

Folds differ far more from each other than recipes do (the baseline's folds span 11.6 points of F1),
so recipes are compared fold by fold: the difference on each block, then the mean of the differences
and their spread (``paired_table``), where the blocks' difficulty cancels.
"""

from __future__ import annotations

import json
import logging
import statistics
from pathlib import Path

from annotate.errors import ModelError
from annotate.ner.evaluate import TYPES, evaluate
from annotate.ner.final_stage import FoldScores, ShippedInputs, seeded_config, train_sentences, fold_splits, kept_record, recipe_digest, score_record
from annotate.ner.train import CONFIG, MODEL_FILE, Limits

log = logging.getLogger(__name__)

COLUMNS = ("f1", "p", "r", *TYPES)


def score_ensembles(
    data_dir: Path, works: list[Path], folds: int, limits: Limits | None = None, kept: Path | None = None, only: set[int] | None = None, config_path: Path = CONFIG
) -> list[FoldScores]:
    """Score, on each fold's held-out block, the ensemble of that fold's taggers in ``works`` (CV folders
    of the same recipe with other seeds; the first is the base, the others its members), int8 as the
    build tags. A fold missing from any of them is left out. With ``kept``, each fold's scores are written
    there as ``fold<K>.json`` and read back instead of scored when the members' recipes are the same
    (also when the folds' taggers are gone: they are outside git, the kept scores are not)."""
    if len(works) < 2:
        raise ModelError("an ensemble needs the CV folders of at least two seeds (--work twice or more)")
    limits = limits or Limits()
    config = seeded_config(config_path, None)
    sentences = train_sentences(config, data_dir, limits)
    results = []
    for fold, (_, held) in enumerate(fold_splits(sentences, folds), 1):
        if only and fold not in only:
            continue
        units = [work / f"fold{fold}" for work in works]
        trained = all((unit / "finished").exists() and (unit / MODEL_FILE).exists() for unit in units)
        seeds = [json.loads((unit / "scores.json").read_text(encoding="utf-8"))["seed"] for unit in units] if trained else None
        record = _kept(kept / f"fold{fold}.json", config_path, folds, limits, seeds, len(works)) if kept is not None else None
        if record is None:
            if not trained:
                log.info("fold %d: not every CV folder has its tagger, left out", fold)
                continue
            recipe = ensemble_recipe(config_path, seeds, folds, limits)
            inputs = ShippedInputs.from_package()
            record = {"held": {"int8": _ensemble_scores(units, inputs, held)}, "seeds": seeds, "inputs": inputs.digests(), "recipe": recipe}
            if kept is not None:
                kept.mkdir(parents=True, exist_ok=True)
                (kept / f"fold{fold}.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        results.append(FoldScores(fold, len(held), record["held"]["int8"]))
    return results


def ensemble_recipe(config_path: Path, seeds: list[int], folds: int, limits: Limits) -> str:
    """What an ensemble's fold scores are a function of: each member's recipe, in order."""
    from annotate.digest import json_digest

    return json_digest([recipe_digest(seeded_config(config_path, seed), folds, limits) for seed in seeds])[:16]


def _kept(path: Path, config_path: Path, folds: int, limits: Limits, seeds: list[int] | None, members: int) -> dict | None:
    """A kept fold of this ensemble: of these seeds, or (its taggers gone, a later session) of the seeds
    it names, with the settings and shipped inputs as they are now."""
    try:
        named = json.loads(path.read_text(encoding="utf-8")).get("seeds")
    except (OSError, ValueError):
        return None
    seeds = seeds if seeds is not None else named
    if not isinstance(seeds, list) or len(seeds) != members:
        return None
    return kept_record(path, ensemble_recipe(config_path, seeds, folds, limits))


def _ensemble_scores(units: list[Path], inputs: ShippedInputs, held: list) -> dict:
    from annotate.ner.tagger import EntityTagger, ModelSpec

    spec = ModelSpec("unit", units[0] / MODEL_FILE, inputs.pretrain, normalize=True, charlm_paths=inputs.charlms, int8=True, members=tuple(u / MODEL_FILE for u in units[1:]))
    return score_record(evaluate(EntityTagger(spec), held))


def read_kept(folder: Path) -> dict[int, dict]:
    """{fold: int8 held-out scores} of a kept CV folder (``annotate/ner/cv/<recipe>/fold<K>.json``)."""
    folds = {}
    for path in sorted(folder.glob("fold*.json")):
        try:
            folds[int(path.stem[4:])] = json.loads(path.read_text(encoding="utf-8"))["held"]["int8"]
        except (ValueError, KeyError) as error:
            raise ModelError(f"{path}: not a kept CV fold ({type(error).__name__}: {error}); delete it or run the fold again") from error
    if not folds:
        raise ModelError(f"{folder}: no kept folds (fold<K>.json); run `train-ner --cv` with --kept {folder}")
    return folds


def paired_table(baseline: dict[int, dict], other: dict[int, dict], names: tuple[str, str] = ("baseline", "other")) -> str:
    """Markdown: each fold both recipes hold, the other's F1 minus the baseline's (micro, P, R, per
    label), then the mean difference ± its sd (sample) and how many folds it won."""
    common = sorted(set(baseline) & set(other))
    if not common:
        raise ModelError(f"{names[0]} and {names[1]} hold no fold in common; train the same folds of both")
    lines = [
        f"| fold | F1 {names[0]} | F1 {names[1]} | " + " | ".join(f"Δ {c if c in TYPES else c.upper()}" for c in COLUMNS) + " |",
        "|---" * (len(COLUMNS) + 3) + "|",
    ]
    differences = {c: [other[k][c] - baseline[k][c] for k in common] for c in COLUMNS}
    for i, fold in enumerate(common):
        cells = " | ".join(f"{differences[c][i]:+.3f}" for c in COLUMNS)
        lines.append(f"| {fold} | {baseline[fold]['f1']:.3f} | {other[fold]['f1']:.3f} | {cells} |")
    summary = " | ".join(_mean_sd_signed(differences[c]) for c in COLUMNS)
    wins = sum(d > 0 for d in differences["f1"])
    lines.append(f"| mean Δ ± sd ({len(common)} folds; F1 up in {wins}) | {_mean(baseline, common):.3f} | {_mean(other, common):.3f} | {summary} |")
    return "\n".join(lines)


def _mean(scores: dict[int, dict], folds: list[int]) -> float:
    return statistics.fmean(scores[k]["f1"] for k in folds)


def _mean_sd_signed(values: list[float]) -> str:
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.fmean(values):+.3f} ± {sd:.3f}"
