"""Character language models (forward and backward) on unlabeled Arabic news, for the entity tagger.

The tagger's weak point is words it never saw in training (a fifth of test entities, found half as often
as the others). stanza's contextual character embeddings, read from a character LM trained on millions
of words of news, give those words a representation from their spelling in context. The two directions
train in parallel, one process and one core each, with stanza's own trainer (``stanza.models.charlm``);
both keep a checkpoint, so a run cut short resumes. ``max_batches`` stops a run early at an evaluation
(the best model so far is kept): a whole epoch of the ANT text takes about an hour per direction here.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

from annotate.ner import vectors

log = logging.getLogger(__name__)

DIRECTIONS = ("forward", "backward")
DEV_EVERY = 200  # one line in 200 is held out to pick the best checkpoint
DEV_LINES = 300


def charlm_file(folder: Path, direction: str) -> Path:
    return folder / f"ar_ant_charlm_{direction}.pt"


def write_text(config: dict, data_dir: Path, work: Path, unlabeled_lines: int | None) -> tuple[Path, Path]:
    """The tagger's view of the unlabeled text (our tokens, normalized), one line per paragraph."""
    train, dev = work / "charlm-train.txt", work / "charlm-dev.txt"
    if train.exists() and dev.exists():
        return train, dev
    lines = vectors.clean_lines([data_dir / p for p in config["data"]["unlabeled"]])
    if unlabeled_lines:
        lines = islice(lines, unlabeled_lines)
    held: list[str] = []
    with (work / "charlm-train.tmp").open("w", encoding="utf-8") as out:
        for i, words in enumerate(vectors.tokenized_lines(lines)):
            if i % DEV_EVERY == 0:  # held out of training; the first DEV_LINES of them are the dev set
                if len(held) < DEV_LINES:
                    held.append(" ".join(words))
            else:
                out.write(" ".join(words) + "\n")
    dev.write_text("".join(line + "\n" for line in held), encoding="utf-8")
    (work / "charlm-train.tmp").replace(train)
    return train, dev


def arguments(settings: dict, direction: str, train: Path, dev: Path, work: Path, seed: int) -> list[str]:
    args = [
        "--train_file", str(train), "--eval_file", str(dev), "--shorthand", "ar_ant", "--direction", direction,
        "--save_dir", str(work), "--save_name", charlm_file(work, direction).name,
        "--checkpoint_save_name", str(work / f"ar_ant_charlm_{direction}_checkpoint.pt"), "--seed", str(seed),
    ]  # fmt: skip
    for key in ("char_hidden_dim", "char_emb_dim", "batch_size", "bptt_size", "epochs", "eval_steps", "report_steps", "cutoff"):
        if key in settings:
            args += [f"--{key}", str(settings[key])]
    return args


def _finished_batches(log_file: Path) -> int:
    """The step of the last checkpoint a charlm log reports (0 before the first one)."""
    if not log_file.exists():
        return 0
    steps = re.findall(r"new checkpoint saved at step\s+(\d+)", log_file.read_text(encoding="utf-8", errors="replace"))
    return int(steps[-1]) if steps else 0


def train_charlms(config: dict, data_dir: Path, work: Path, unlabeled_lines: int | None = None) -> tuple[Path, Path]:
    """Train (or resume, or reuse) both directions; return the forward and backward model files."""
    settings = config["charlm"]
    work.mkdir(parents=True, exist_ok=True)
    done = work / "charlm-done"
    if done.exists() and all(charlm_file(work, d).exists() for d in DIRECTIONS):
        log.info("charlm: reusing %s", work)
        return charlm_file(work, "forward"), charlm_file(work, "backward")
    train, dev = write_text(config, data_dir, work, unlabeled_lines)
    environment = dict(os.environ, OMP_NUM_THREADS="1")
    started = time.time()
    running = {}
    for direction in DIRECTIONS:
        log_file = work / f"charlm-{direction}.log"
        handle = log_file.open("a", encoding="utf-8")
        command = [sys.executable, "-m", "stanza.models.charlm", *arguments(settings, direction, train, dev, work, config["seed"])]
        running[direction] = (subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=environment), log_file, handle)
    limit = settings.get("max_batches")
    try:
        while any(process.poll() is None for process, _, _ in running.values()):
            time.sleep(10)
            for process, log_file, _ in running.values():
                if limit and process.poll() is None and _finished_batches(log_file) >= limit:
                    process.terminate()  # stopped at an evaluation: its best model is saved
    finally:
        for process, _, handle in running.values():
            if process.poll() is None:
                process.terminate()
            process.wait()
            handle.close()
    for direction, (process, log_file, _) in running.items():
        if process.returncode not in (0, -15) or not charlm_file(work, direction).exists():
            raise RuntimeError(f"charlm {direction} failed (exit {process.returncode}); see {log_file}")
    done.write_text(f"{time.time() - started:.0f} s\n", encoding="utf-8")
    log.info("charlm: both directions trained in %.0f s", time.time() - started)
    return charlm_file(work, "forward"), charlm_file(work, "backward")
