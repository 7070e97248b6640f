"""Train the shipped tagger's last stage again: another seed, or k-fold cross-validation of the recipe.

The shipped recipe ends with one ``stanza.models.ner_tagger`` run on the shipped pretrain (fastText
vectors plus the type-rate columns) and the shipped character LMs (``train.py`` builds those in hours).
Re-running only that stage, with those files fixed, is what an ensemble's extra seeds and a
cross-validated comparison of tagger settings need; it takes about 43 minutes on one thread.

Every unit of work (one seed, one fold) has its own folder with a ``finished`` mark and a
``scores.json``; ``resume`` skips finished units. stanza keeps no optimizer state or step count
between its best-dev checkpoints, so an unfinished unit starts again from its first step (same seed).
"""

from __future__ import annotations

import json
import logging
import os
import random
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from annotate.errors import ModelError
from annotate.ner import data
from annotate.ner.evaluate import TYPES, evaluate
from annotate.ner.train import CONFIG, MODEL_FILE, Limits, load_config, logging_to, stanza_arguments

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShippedInputs:
    """The files the last stage reads and does not change: pretrain (with rates) and character LMs."""

    pretrain: Path
    charlms: tuple[Path, Path]

    @classmethod
    def from_package(cls) -> ShippedInputs:
        from annotate.ner.tagger import CHARLM_FILES, PRETRAIN_FILE

        for path in (PRETRAIN_FILE, *CHARLM_FILES):
            if not path.exists():
                raise ModelError(f"{path}: shipped model file missing; restore it with `git checkout -- annotate/ner/model`")
        return cls(PRETRAIN_FILE, CHARLM_FILES)

    def digests(self) -> dict[str, str]:
        from annotate.ner.tagger import _file_digest, _stat_key

        return {path.name: _file_digest(path, *_stat_key(path)) for path in (self.pretrain, *self.charlms)}


def train_final_stage(
    data_dir: Path, work: Path, seed: int | None = None, limits: Limits | None = None, resume: bool = False, config_path: Path = CONFIG
) -> Path:
    """One last-stage tagger on the shipped split (train / the last 10 % as dev), scored on dev."""
    limits = limits or Limits()
    config = seeded_config(config_path, seed)
    sentences = train_sentences(config, data_dir, limits)
    train, dev = data.split_dev(sentences, config["data"]["dev_fraction"])
    with logging_to(work):
        _train_unit(config, work, train, dev, {"dev": dev}, limits, resume)
    return work / MODEL_FILE


def install_member(model: Path) -> Path:
    """Ship a last-stage tagger as an ensemble member beside the shipped model (``annotate.ner.ensemble``:
    its own layers, int8 rows), named by its seed; the build then averages it with the shipped tagger."""
    import torch

    from annotate.ner.ensemble import write_member
    from annotate.ner.tagger import MODEL_DIR

    seed = torch.load(model, map_location="cpu", weights_only=False)["config"]["seed"]
    target = MODEL_DIR / f"ar_ner_anercorp.member-seed{seed}.pt"
    write_member(model, target)
    return target


@dataclass
class FoldScores:
    """One held-out fold: its size and entity scores (int8, as the build tags)."""

    fold: int
    sentences: int
    scores: dict  # {"f1", "p", "r", "PER", "ORG", "LOC", "MISC"}


def cross_validate(
    data_dir: Path,
    work: Path,
    folds: int,
    seed: int | None = None,
    limits: Limits | None = None,
    resume: bool = False,
    config_path: Path = CONFIG,
    only: set[int] | None = None,
    kept: Path | None = None,
) -> list[FoldScores]:
    """k-fold cross-validation of the last stage on ANERcorp *train* (train + dev; test is never read).

    The training split is cut into ``folds`` contiguous blocks (ANERcorp runs document by document, so
    a block keeps its documents together, as the shipped dev split does). For each block a tagger trains
    on the other blocks, choosing its checkpoint on their last 10 % (as the shipped recipe chooses on
    its dev), and is scored on the block it never saw. Writes ``cv.json`` and ``cv.md`` in ``work``.

    With ``only``, trains those folds alone (one process per fold, in parallel on a GPU machine:
    bench/device_train.sh); the summary then holds them and any other fold already finished in ``work``.

    With ``kept`` (a folder in the repository, e.g. ``annotate/ner/cv/baseline``), each finished fold's
    scores are also written there as ``fold<K>.json``, and a fold found there for the same recipe (the
    settings, seed, fold count and limits: ``recipe_digest``) and the same shipped inputs is not trained
    again. A fold takes about 45 minutes on one CPU thread and a session's machine may be wiped: committed,
    the folds of a CV add up over sessions.
    """
    if folds < 2:
        raise ValueError(f"--cv {folds}: cross-validation needs at least 2 folds")
    limits = limits or Limits()
    config = seeded_config(config_path, seed)
    sentences = train_sentences(config, data_dir, limits)
    results = []
    recipe = recipe_digest(config, folds, limits)
    for fold, (rest, held) in enumerate(fold_splits(sentences, folds), 1):
        train, dev = data.split_dev(rest, config["data"]["dev_fraction"])
        unit = work / f"fold{fold}"
        if kept is not None:
            _take_kept(kept / f"fold{fold}.json", unit, recipe)
        if only and fold not in only:
            if (unit / "finished").exists() and (unit / "scores.json").exists():
                results.append(FoldScores(fold, len(held), json.loads((unit / "scores.json").read_text(encoding="utf-8"))["held"]["int8"]))
            continue
        with logging_to(unit):
            scores = _train_unit(config, unit, train, dev, {"held": held}, limits, resume or kept is not None)
        if kept is not None:
            kept.mkdir(parents=True, exist_ok=True)
            (kept / f"fold{fold}.json").write_text(json.dumps(dict(scores, recipe=recipe), indent=1) + "\n", encoding="utf-8")
        results.append(FoldScores(fold, len(held), scores["held"]["int8"]))
    write_summary(work, results, config["seed"])
    return results


def recipe_digest(config: dict, folds: int, limits: Limits) -> str:
    """What a fold's scores are a function of, besides the shipped inputs: every setting (seed included),
    the number of folds and the limits of a smoke run."""
    from annotate.digest import json_digest

    return json_digest([config, folds, [limits.sentences, limits.unlabeled_lines, limits.max_steps]])[:16]


def kept_record(path: Path, recipe: str) -> dict | None:
    """A kept fold's record, when it is of this recipe and of the shipped inputs as they are now."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("recipe") != recipe or record.get("inputs") != ShippedInputs.from_package().digests():
        log.info("%s: of another recipe or other shipped files, made again", path)
        return None
    return record


def _take_kept(path: Path, unit: Path, recipe: str) -> None:
    """A kept fold's scores into its unit folder (as ``_train_unit`` leaves a finished one)."""
    record = kept_record(path, recipe)
    if record is None:
        return
    unit.mkdir(parents=True, exist_ok=True)
    (unit / "scores.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    (unit / "finished").write_text("")


def fold_splits(sentences: list, folds: int) -> list[tuple[list, list]]:
    """(the other folds, this fold) for each of ``folds`` contiguous blocks of about equal size."""
    cuts = [len(sentences) * i // folds for i in range(folds + 1)]
    return [(sentences[: cuts[i]] + sentences[cuts[i + 1] :], sentences[cuts[i] : cuts[i + 1]]) for i in range(folds)]


def summary_table(results: list[FoldScores]) -> str:
    """A Markdown table of the folds' F1 (micro and per label), with mean ± sd (sample) below."""
    columns = ("f1", "p", "r", *TYPES)
    lines = ["| fold | sentences | F1 | P | R | " + " | ".join(f"F1 {t}" for t in TYPES) + " |", "|---" * (len(columns) + 2) + "|"]
    for result in results:
        lines.append(f"| {result.fold} | {result.sentences} | " + " | ".join(f"{result.scores[c]:.3f}" for c in columns) + " |")
    lines.append("| mean ± sd | " + str(sum(r.sentences for r in results)) + " | " + " | ".join(_mean_sd([r.scores[c] for r in results]) for c in columns) + " |")
    return "\n".join(lines)


def write_summary(work: Path, results: list[FoldScores], seed: int) -> None:
    f1 = [r.scores["f1"] for r in results]
    record = {
        "seed": seed,
        "folds": [vars(r) for r in results],
        "mean_f1": statistics.fmean(f1),
        "sd_f1": statistics.stdev(f1) if len(f1) > 1 else 0.0,
    }
    (work / "cv.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    (work / "cv.md").write_text(summary_table(results) + "\n", encoding="utf-8")


def _mean_sd(values: list[float]) -> str:
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.fmean(values):.3f} ± {sd:.3f}"


def seeded_config(config_path: Path, seed: int | None) -> dict:
    config = load_config(config_path)
    return config if seed is None else dict(config, seed=seed)


def train_sentences(config: dict, data_dir: Path, limits: Limits) -> list:
    sentences = data.read_conll(data_dir / config["data"]["anercorp_train"])
    return sentences[: limits.sentences] if limits.sentences else sentences


def _train_unit(config: dict, unit: Path, train: list, dev: list, scored: dict[str, list], limits: Limits, resume: bool) -> dict:
    """Train one tagger in ``unit`` (best checkpoint on ``dev``), score it on each of ``scored``; reuse a
    finished one when resuming."""
    finished, scores_file = unit / "finished", unit / "scores.json"
    if resume and finished.exists() and scores_file.exists():
        log.info("%s: finished earlier, reused", unit)
        return json.loads(scores_file.read_text(encoding="utf-8"))
    import torch
    from stanza.models import ner_tagger

    torch.set_num_threads(max(1, int(os.environ.get("OMP_NUM_THREADS", "1") or 1)))
    torch.set_flush_denormal(True)  # tiny gradients as denormals slow CPU training tenfold
    finished.unlink(missing_ok=True)
    (unit / MODEL_FILE).unlink(missing_ok=True)  # a cut run's checkpoint: its step count and optimizer are lost
    inputs = ShippedInputs.from_package()
    data.write_stanza_json(train, unit / "train.json")
    data.write_stanza_json(dev, unit / "dev.json")
    log.info("unit %s: %d train / %d dev sentences, seed %s", unit, len(train), len(dev), config["seed"])
    random.seed(config["seed"])
    started = time.time()
    ner_tagger.main(stanza_arguments(config, unit / "train.json", unit / "dev.json", inputs.pretrain, unit, limits, charlms=inputs.charlms))
    scores = {name: unit_scores(unit / MODEL_FILE, inputs, sentences) for name, sentences in scored.items()}
    record = dict(scores, seed=config["seed"], seconds=round(time.time() - started), inputs=inputs.digests())
    scores_file.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    finished.write_text("")
    log.info("unit %s: %s", unit, json.dumps(scores))
    return record


def unit_scores(model: Path, inputs: ShippedInputs, sentences: list) -> dict:
    """Entity scores of a trained tagger on ``sentences``, int8 (as the build tags) and float32."""
    import torch

    from annotate.ner.tagger import EntityTagger, ModelSpec

    threads = torch.get_num_threads()  # loading a tagger sets torch's threads for tagging
    try:
        out = {}
        for mode, int8 in (("int8", True), ("float32", False)):
            tagger = EntityTagger(ModelSpec("unit", model, inputs.pretrain, normalize=True, charlm_paths=inputs.charlms, int8=int8))
            out[mode] = score_record(evaluate(tagger, sentences))
        return out
    finally:
        torch.set_num_threads(threads)


def score_record(scores) -> dict:
    p, r, f = scores.prf()
    return {"f1": round(f, 4), "p": round(p, 4), "r": round(r, 4), **{t: round(scores.prf((t,))[2], 4) for t in TYPES}}
