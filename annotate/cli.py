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
@click.option("--install", is_flag=True, help="Copy the trained model and pretrain into annotate/ner/model/ (with --final-stage: add it as an ensemble member).")
@click.option("--limit-sentences", type=int, default=None, help="Train on the first N sentences only (smoke tests).")
@click.option("--limit-unlabeled", type=int, default=None, help="Use the first N unlabeled lines only.")
@click.option("--max-steps", type=int, default=None, help="Override the configured number of steps.")
@click.option("--resume", is_flag=True, help="Continue from the best checkpoint in --work (e.g. after a session ended).")
@click.option("--final-stage", is_flag=True, help="Train only the last tagger, on the shipped pretrain and character LMs.")
@click.option("--cv", "folds", type=click.IntRange(min=2), default=None, help="K-fold cross-validation of the last stage on ANERcorp train.")
@click.option("--seed", type=int, default=None, help="Seed of the last stage (with --final-stage or --cv; default: train.yaml's).")
@click.option("--fold", "only", type=click.IntRange(min=1), multiple=True, help="With --cv: train only this fold (repeatable), e.g. one process per fold.")
@click.option("--kept", type=click.Path(file_okay=False, path_type=Path), default=None, help="With --cv: keep each finished fold's scores in this folder (commit it) and reuse those of the same recipe.")
def train_ner_command(data_dir: Path, work: Path, install: bool, limit_sentences, limit_unlabeled, max_steps, resume: bool, final_stage: bool, folds, seed, only, kept) -> None:
    """Train the Arabic entity tagger (settings: annotate/ner/train.yaml)."""
    from annotate.ner.train import Limits, train_ner

    _require_data(data_dir)
    limits = Limits(limit_sentences, limit_unlabeled, max_steps)
    if final_stage or folds:
        from annotate.ner import final_stage as stage

        if folds:
            if install:
                raise click.UsageError("--install ships a trained tagger; --cv only scores the recipe (see annotate/ner/MODEL.md)")
            if any(k > folds for k in only):
                raise click.UsageError(f"--fold {max(only)}: there are only {folds} folds")
            results = _run(lambda: stage.cross_validate(data_dir, work, folds, seed, limits, resume, only=set(only), kept=kept))
            click.echo(stage.summary_table(results))
            return
        model = _run(lambda: stage.train_final_stage(data_dir, work, seed, limits, resume))
        click.echo(f"model: {model}")
        if install:  # the new tagger joins the shipped one as an ensemble member
            click.echo(f"installed ensemble member: {_run(lambda: stage.install_member(model))}")
        return
    if only:
        raise click.UsageError("--fold applies to --cv")
    if kept is not None:
        raise click.UsageError("--kept applies to --cv")
    if seed is not None:
        raise click.UsageError("--seed applies to --final-stage or --cv; the whole run's seed is train.yaml's")
    model = train_ner(data_dir, work, install=install, limits=limits, resume=resume)
    click.echo(f"model: {model}")


def _require_data(data_dir: Path) -> None:
    if not (data_dir / "anercorp").is_dir():
        raise click.UsageError(f"{data_dir}/anercorp not found: pass --data with the folder that holds anercorp/, aqmar/ and ant/.")


def _annotation_json(annotation, text: str) -> dict:
    from annotate.models import date_record, entity_record

    return {
        "text": text,
        "entities": [entity_record(m) for m in annotation.mentions],
        "dates": [date_record(d) for d in annotation.dates],
    }


@main.command("tag")
@click.argument("source", type=click.File("rb"), default="-")
@click.option("--lines", is_flag=True, help="Each input line is one document; print JSON Lines, one object per line, in order.")
@click.option("--ner-model", type=click.Choice(["shipped", "stanza"]), default=None, help="Entity model (default: config, else shipped).")
def tag_command(source, lines: bool, ner_model: str | None) -> None:
    """Tag one text (FILE or - for stdin) and print its entities and dates as JSON."""
    import json

    from annotate.config import load_settings
    from annotate.models import Article
    from annotate.tag import annotate_articles

    from annotate.decoding import decode

    model = ner_model or load_settings().ner_model
    name = getattr(source, "name", "-")
    name = "standard input" if name in ("<stdin>", "-") or not isinstance(name, str) else name
    text = _run(lambda: decode(source.read(), name))
    documents = text.split("\n") if lines else [text]
    if lines and documents and documents[-1] == "":
        documents.pop()  # the newline that ends the last line is not one more document
    articles = [Article(id=str(i), path="-", title="", text=doc) for i, doc in enumerate(documents)]
    annotations = _run(lambda: annotate_articles(articles, model))
    for article, annotation in zip(articles, annotations, strict=True):
        record = _annotation_json(annotation, article.text)
        click.echo(json.dumps(record, ensure_ascii=False, indent=None if lines else 1))


def _run(job):
    """Run a job: the one place where every expected failure becomes ``Error: <where>: <what>; <fix>``
    and exit status 1 (an interrupted build says so and leaves the last good site in place)."""
    from annotate.errors import AnnotateError

    try:
        return job()
    except AnnotateError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:  # a folder that cannot be written, a disk that is full
        where = error.filename or "a file"
        raise click.ClickException(f"{where}: {error.strerror or error}; check that it exists, that you can write to it and that the disk has room") from None
    except KeyboardInterrupt:
        click.echo("interrupted: nothing was published; the last good site is untouched", err=True)
        raise SystemExit(130) from None


def _build_options(func):
    """Options shared by the commands that build a site."""
    options = [
        click.option("--corpus", type=click.Path(path_type=Path), default=Path("corpus"), show_default=True, help="Corpus folder (articles and actors.yml)."),
        click.option("--out", type=click.Path(path_type=Path), default=Path("site"), show_default=True, help="Output folder for the site (replaced only on success)."),
        click.option("--cache", type=click.Path(path_type=Path), default=Path("build"), show_default=True, help="Cache and work folder."),
        click.option("--ner-model", type=click.Choice(["shipped", "stanza"]), default=None, help="Entity model (default: annotate.yml, else shipped)."),
        click.option("--keep-going", is_flag=True, help="Skip unreadable articles (reported) instead of stopping."),
        click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Local annotation worker processes (1 or more)."),
        click.option("--scheduler", default=None, help="Dask scheduler address (tcp://host:8786) to annotate on a cluster."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options(**kwargs):
    from annotate.config import load_settings
    from annotate.pipeline import BuildOptions

    kwargs["ner_model"] = kwargs["ner_model"] or load_settings().ner_model
    return BuildOptions(progress=True, **kwargs)


@main.command("site")
@_build_options
def site_command(**kwargs) -> None:
    """Annotate the corpus and publish it as a static site in --out."""
    import time

    from annotate.pipeline import build

    started = time.perf_counter()
    options = _options(**kwargs)
    report = _run(lambda: build(options))
    for line in report.lines():
        click.echo(line)
    click.echo(f"site: {options.out} ({time.perf_counter() - started:.1f}s)")


@main.command("serve")
@_build_options
@click.option("--port", type=int, default=8000, show_default=True)
def serve_command(port: int, **kwargs) -> None:
    """Build the site, then preview it at http://127.0.0.1:PORT/."""
    import functools
    import http.server

    from annotate.pipeline import build

    options = _options(**kwargs)
    for line in _run(lambda: build(options)).lines():
        click.echo(line)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(options.out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        click.echo(f"serving {options.out} at http://127.0.0.1:{port}/ (Ctrl-C stops)")
        server.serve_forever()


@main.command("eval-ner")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True, help="Folder with anercorp/ and aqmar/.")
@click.option("--model", "model_path", type=click.Path(path_type=Path), default=None, help="Model file (default: the shipped one).")
@click.option("--pretrain", "pretrain_path", type=click.Path(path_type=Path), default=None, help="Pretrain file (default: the shipped one).")
@click.option("--float32", is_flag=True, help="Run the model unquantized (the build uses int8 LSTMs).")
@click.option("--member", "members", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Another tagger of the ensemble (repeat; default: the installed members of the shipped model).")
@click.option("--dev", is_flag=True, help="Score on the dev split (the last 10 % of ANERcorp train) instead of test and AQMAR.")
def eval_ner_command(data_dir: Path, model_path, pretrain_path, float32: bool, members, dev: bool) -> None:
    """Exact-span P/R/F1 on ANERcorp test and AQMAR, as the build tags; prints a Markdown table."""
    import dataclasses

    from annotate.ner.evaluate import datasets, dev_dataset, evaluate, table
    from annotate.ner.tagger import EntityTagger, model_spec

    _require_data(data_dir)
    spec = model_spec("shipped", model_path, pretrain_path, members=members or None)
    tagger = _run(lambda: EntityTagger(dataclasses.replace(spec, int8=spec.int8 and not float32)))
    data = dev_dataset(data_dir) if dev else datasets(data_dir)
    click.echo(table({name: evaluate(tagger, sentences) for name, sentences in data.items()}))


@main.command("cv-ensemble")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True, help="Folder with anercorp/.")
@click.option("--cv", "folds", type=click.IntRange(min=2), required=True, help="The number of folds the CV runs were made with.")
@click.option("--work", "works", multiple=True, required=True, type=click.Path(path_type=Path, file_okay=False), help="A `train-ner --cv` work folder of one seed (repeat: the first is the base).")
@click.option("--fold", "only", type=click.IntRange(min=1), multiple=True, help="Score only this fold (repeatable).")
@click.option("--kept", type=click.Path(file_okay=False, path_type=Path), default=None, help="Keep each fold's scores in this folder (commit it) and reuse them.")
def cv_ensemble_command(data_dir: Path, folds: int, works, only, kept) -> None:
    """Score the ensemble of each fold's taggers of several CV runs on that fold's held-out block."""
    from annotate.ner.cv_compare import score_ensembles
    from annotate.ner.final_stage import summary_table

    _require_data(data_dir)
    results = _run(lambda: score_ensembles(data_dir, list(works), folds, kept=kept, only=set(only)))
    if not results:
        raise click.ClickException("no fold has a finished tagger in every --work folder; train them with `train-ner --cv` first")
    click.echo(summary_table(results))


@main.command("cv-compare")
@click.argument("baseline", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("other", type=click.Path(path_type=Path, exists=True, file_okay=False))
def cv_compare_command(baseline: Path, other: Path) -> None:
    """Compare two recipes' kept CV folds fold by fold (e.g. annotate/ner/cv/baseline and another)."""
    from annotate.ner.cv_compare import paired_table, read_kept

    click.echo(_run(lambda: paired_table(read_kept(baseline), read_kept(other), (baseline.name, other.name))))


@main.command("eval-actors")
@click.option("--corpus", type=click.Path(path_type=Path, exists=True, file_okay=False), required=True, help="Corpus folder whose file stems are the gold's keys.")
@click.option("--gold", type=click.Path(path_type=Path), required=True, help="Gold actors (gold.yml); its score.py scores the build.")
@click.option("--cache", type=click.Path(path_type=Path), default=None, help="Annotation cache to reuse (default: a temporary one).")
@click.option("--scorer", type=click.Path(path_type=Path), default=None, help="Scorer script (default: score.py beside --gold).")
@click.option("--details", is_flag=True, help="Also list missed and spurious actors, splits and merges.")
def eval_actors_command(corpus: Path, gold: Path, cache, scorer, details: bool) -> None:
    """Publish --corpus to a temporary folder (the checkout is untouched) and print the gold scorer's summary."""
    from annotate.config import load_settings
    from annotate.eval_actors import evaluate_actors

    scores = _run(lambda: evaluate_actors(corpus, gold, cache, scorer, load_settings().ner_model))
    if details:
        for line in scores.details():
            click.echo(line)
    click.echo(scores.summary())


@main.command("actors")
@_build_options
@click.option("--review", is_flag=True, help="List new actors, actors seen once and low-confidence merges and splits.")
@click.option("--record-slugs", is_flag=True, help="Record this build's actor slugs in CORPUS/slugs.yml (commit it).")
def actors_command(review: bool, record_slugs: bool, **kwargs) -> None:
    """Resolve the corpus' actors and print them (or the review list); optionally record their slugs."""
    from annotate.pipeline import SLUG_LEDGER, BuildReport, resolve_corpus
    from annotate.resolve import format_review, write_slug_ledger

    from annotate.locks import build_locks

    options = _options(**kwargs)

    def resolved():
        with build_locks(options.cache, None):
            return resolve_corpus(options, BuildReport())

    _, _, resolution = _run(resolved)
    if review:
        click.echo(format_review(resolution))
    else:
        for actor in resolution.actors:
            click.echo(f"{actor.label}\t{actor.slug}\t{actor.name}\t{'، '.join(a for a in actor.aliases if a != actor.name)}")
    for line in resolution.stale:
        click.echo(f"registry: {line}", err=True)
    if record_slugs:
        _run(lambda: write_slug_ledger(resolution, options.corpus / SLUG_LEDGER))
        click.echo(f"recorded {len(resolution.slugs)} slugs in {options.corpus / SLUG_LEDGER}")
