"""Annotate the articles the cache does not have: in this process, in N local workers, or on Dask.

Every worker process loads the entity model once (``get_tagger`` is cached per process) and sends
back plain ``Annotation`` records; results come back in input order whatever the engine.

* ``jobs == 1`` and no scheduler: batches in this process, or in a ``WarmTagger``: one worker process
  started with the build, before anyone knows whether a model is needed (a rebuild after a commit reads
  its corpus and cached annotations while the worker imports torch and loads the model: seconds that were
  a third of a one-article rebuild).
* ``jobs > 1``: a local process pool (forked, or spawned once torch is loaded here; one torch thread per
  worker: one core each).
* ``scheduler``: a Dask distributed cluster (``tcp://host:8786``), or ``local`` / ``local:N`` to start
  a throwaway local cluster of N worker processes (for testing).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from annotate.models import Annotation, Article

if TYPE_CHECKING:
    from annotate.pipeline import BuildOptions

log = logging.getLogger(__name__)

BATCH = 16  # articles per tagger call: fills stanza's batches without holding much text


def batches(items: Sequence, size: int = BATCH) -> Iterator[list]:
    for at in range(0, len(items), size):
        yield list(items[at : at + size])


def annotate_batch(articles: Sequence[Article], ner_model: str) -> list[Annotation]:
    """Worker entry point (also used in-process): tag a batch with the process's cached model."""
    from annotate.tag import annotate_articles

    return annotate_articles(articles, ner_model)


def _single_thread_worker() -> None:
    """One core per worker: N workers on N cores beat N workers fighting over 2N threads."""
    os.environ["OMP_NUM_THREADS"] = "1"


def annotate_missing(articles: list[Article], options: "BuildOptions", warm: WarmTagger | None = None) -> Iterator[list[Annotation]]:
    """Annotations for ``articles``, batch by batch in input order (so callers can cache as they go)."""
    work = list(batches(articles))
    if options.scheduler:
        results = _on_dask(work, options)
    elif options.jobs > 1:
        results = _on_pool(work, options.ner_model, workers=options.jobs)
    elif warm is not None:
        results = warm.run(work)
    else:
        results = (annotate_batch(batch, options.ner_model) for batch in work)
    return _counted(work, results, options.progress)


def _counted(work: list[list[Article]], results: Iterator[list[Annotation]], progress: bool) -> Iterator[list[Annotation]]:
    from tqdm import tqdm

    with tqdm(total=sum(map(len, work)), unit="article", desc="tagging", disable=not progress) as bar:
        for batch, annotations in zip(work, results, strict=True):
            bar.update(len(batch))
            yield annotations


def _on_pool(work: list[list[Article]], ner_model: str, workers: int) -> Iterator[list[Annotation]]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_single_thread_worker) as pool:
        futures = [pool.submit(annotate_batch, batch, ner_model) for batch in work]
        for future in futures:
            yield future.result()


def _context():
    """Fork while torch is not loaded here (a worker then starts at once, with everything this process has
    imported); spawn otherwise, since forking after torch has started its threads can deadlock."""
    import multiprocessing

    return multiprocessing.get_context("spawn" if "torch" in sys.modules else "fork")


def _load_model(ner_model: str) -> None:
    from annotate.ner.tagger import get_tagger

    try:
        get_tagger(ner_model)
    except Exception as error:  # noqa: BLE001 - a pool whose initializer raises restarts its worker forever;
        log.debug("model not loaded in advance: %s", error)  # the first batch meets the error again, and reports it


class WarmTagger:
    """One worker process that loads the entity model as soon as it starts, ready for ``run``.

    Loading torch and the model takes seconds; the build starts this worker first thing when the corpus
    changed, reads its corpus and cache meanwhile, and ``close`` ends it unused when every article was
    cached after all.
    """

    def __init__(self, ner_model: str):
        self.ner_model = ner_model
        self.pool = _context().Pool(1, initializer=_load_model, initargs=(ner_model,))

    def run(self, work: list[list[Article]]) -> Iterator[list[Annotation]]:
        """Send ``work`` to the worker now (it tags as soon as its model is loaded, while this process
        goes on with other work: sent only when first iterated, it waited 1.4 s of a one-article rebuild
        at 10,000 articles); the results come batch by batch, in order, and the worker ends after them."""
        return self._results(self.pool.imap(functools.partial(annotate_batch, ner_model=self.ner_model), work))

    def _results(self, results: Iterator[list[Annotation]]) -> Iterator[list[Annotation]]:
        try:
            yield from results
        finally:
            self.close()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def _on_dask(work: list[list[Article]], options: "BuildOptions") -> Iterator[list[Annotation]]:
    from distributed import Client, LocalCluster

    address = options.scheduler or ""
    cluster = None
    if address.startswith("local"):
        workers = int(address.partition(":")[2] or max(1, options.jobs))
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        address = cluster.scheduler_address
    try:
        with Client(address, timeout="30s") as client:
            client.run(_single_thread_worker)
            futures = client.map(annotate_batch, work, ner_model=options.ner_model, pure=False)
            for future in futures:
                yield future.result()
    finally:
        if cluster is not None:
            cluster.close()
