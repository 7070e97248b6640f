"""Annotate the articles the cache does not have: in this process, in N local workers, or on Dask.

Every worker process loads the entity model once (``get_tagger`` is cached per process) and sends
back plain ``Annotation`` records; results come back in input order whatever the engine.

* ``jobs == 1`` and no scheduler: batches in this process.
* ``jobs > 1``: a local process pool (spawned, one torch thread per worker: one core each).
* ``scheduler``: a Dask distributed cluster (``tcp://host:8786``), or ``local`` / ``local:N`` to start
  a throwaway local cluster of N worker processes (for testing).
"""

from __future__ import annotations

import logging
import os
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


def annotate_missing(articles: list[Article], options: "BuildOptions") -> Iterator[list[Annotation]]:
    """Annotations for ``articles``, batch by batch in input order (so callers can cache as they go)."""
    from tqdm import tqdm

    work = list(batches(articles))
    with tqdm(total=len(articles), unit="article", desc="tagging", disable=not options.progress) as bar:
        if options.scheduler:
            results = _on_dask(work, options)
        elif options.jobs > 1:
            results = _on_pool(work, options)
        else:
            results = (annotate_batch(batch, options.ner_model) for batch in work)
        for batch, annotations in zip(work, results, strict=True):
            bar.update(len(batch))
            yield annotations


def _on_pool(work: list[list[Article]], options: "BuildOptions") -> Iterator[list[Annotation]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # fork after torch has threads can deadlock
    with ProcessPoolExecutor(max_workers=options.jobs, mp_context=context, initializer=_single_thread_worker) as pool:
        futures = [pool.submit(annotate_batch, batch, options.ner_model) for batch in work]
        for future in futures:
            yield future.result()


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
