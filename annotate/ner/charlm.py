"""Character language models (forward and backward) on unlabeled Arabic news, for the entity tagger.

The tagger's weak point is words it never saw in training (a fifth of test entities, found half as often
as the others). stanza's contextual character embeddings, read from a character LM trained on millions
of words of news, give those words a representation from their spelling in context. The two directions
train in parallel, one process and one core each, with stanza's own trainer (``stanza.models.charlm``);
both keep a checkpoint, so a run cut short resumes. ``max_batches`` stops a run at the evaluation of
that global step (the best model so far is kept): a whole epoch of the ANT text is 8,128 batches, about
half an hour per direction here.

stanza restarts a resumed run at the beginning of its epoch (the position in the text is not saved), so
a run cut short would read the same text again. stanza reads the text as ``batch_size`` parallel
streams (``batchify``); before resuming, each stream is rotated so that it starts where the checkpoint
stopped reading (``rotated_for_resume``), and the run goes on through the text it has not seen yet.
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
        "--checkpoint_save_name", str(checkpoint_file(work, direction)), "--seed", str(seed),
    ]  # fmt: skip
    for key in ("char_hidden_dim", "char_emb_dim", "batch_size", "bptt_size", "epochs", "eval_steps", "report_steps", "cutoff"):
        if key in settings:
            args += [f"--{key}", str(settings[key])]
    return args


def rotated_for_resume(text: str, streams: int, done: int) -> str:
    """``text`` with each of stanza's ``streams`` parallel streams rotated to start ``done`` characters in.

    stanza cuts the characters into ``streams`` equal rows and reads them left to right; a checkpoint
    that has read ``done`` characters of each row resumes on the unread rest first, then the read part.
    The backward model reads the reversed text, whose rows are the reversed rows in reverse order, so the
    same rotation puts its unread part first as well.
    """
    width = len(text) // streams
    done %= max(width, 1)
    if not done:
        return text
    rows = (text[i * width : (i + 1) * width] for i in range(streams))
    return "".join(row[done:] + row[:done] for row in rows) + text[streams * width :]


def _resume_position(checkpoint: Path, settings: dict, characters: int) -> int:
    """Characters of each stream a checkpoint has read in its current epoch (0 without a checkpoint)."""
    if not checkpoint.exists():
        return 0
    import torch

    step = torch.load(checkpoint, map_location="cpu", weights_only=False).get("global_step", 0)
    per_epoch = -(-(characters // settings["batch_size"] - 1) // settings["bptt_size"])
    return (step % per_epoch) * settings["bptt_size"]


def checkpoint_file(folder: Path, direction: str) -> Path:
    return folder / f"ar_ant_charlm_{direction}_checkpoint.pt"


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
    text = None
    for direction in DIRECTIONS:
        log_file = work / f"charlm-{direction}.log"
        handle = log_file.open("a", encoding="utf-8")
        source = train
        if checkpoint_file(work, direction).exists():
            text = text if text is not None else train.read_text(encoding="utf-8")
            done = _resume_position(checkpoint_file(work, direction), settings, len(text))
            source = work / f"charlm-train-{direction}-resume.txt"
            source.write_text(rotated_for_resume(text, settings["batch_size"], done), encoding="utf-8")
            log.info("charlm %s: resuming with each stream %d characters in", direction, done)
        command = [sys.executable, "-m", "stanza.models.charlm", *arguments(settings, direction, source, dev, work, config["seed"])]
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
