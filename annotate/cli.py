"""The command line: one thin click command per job, each calling into its stage."""

from __future__ import annotations

import logging
from pathlib import Path

import click

DEFAULT_DATA = Path("../shared/data")


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
def main(verbose: bool) -> None:
    """Annotate an Arabic news corpus and publish it as a static site."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command("train-ner")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True, help="Folder with anercorp/ and ant/.")
@click.option("--work", type=click.Path(path_type=Path), default=Path("build/ner"), show_default=True, help="Work folder: data, vectors, log, model.")
@click.option("--install", is_flag=True, help="Copy the trained model and pretrain into annotate/ner/model/.")
@click.option("--limit-sentences", type=int, default=None, help="Train on the first N sentences only (smoke tests).")
@click.option("--limit-unlabeled", type=int, default=None, help="Use the first N unlabeled lines only.")
@click.option("--max-steps", type=int, default=None, help="Override the configured number of steps.")
def train_ner_command(data_dir: Path, work: Path, install: bool, limit_sentences, limit_unlabeled, max_steps) -> None:
    """Train the Arabic entity tagger (settings: annotate/ner/train.yaml)."""
    from annotate.ner.train import Limits, train_ner

    _require_data(data_dir)
    model = train_ner(data_dir, work, install=install, limits=Limits(limit_sentences, limit_unlabeled, max_steps))
    click.echo(f"model: {model}")


def _require_data(data_dir: Path) -> None:
    if not (data_dir / "anercorp").is_dir():
        raise click.UsageError(f"{data_dir}/anercorp not found: pass --data with the folder that holds anercorp/, aqmar/ and ant/.")
