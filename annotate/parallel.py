"""Annotate the articles the cache does not have: in this process, in N local workers, or on Dask.

Each worker loads the entity model once and returns plain annotation records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from annotate.models import Annotation, Article

if TYPE_CHECKING:
    from annotate.pipeline import BuildOptions

BATCH = 16  # articles per tagger call


def batches(items: Sequence, size: int) -> Iterator[Sequence]:
    for at in range(0, len(items), size):
        yield items[at : at + size]


def annotate_batch(articles: Sequence[Article], ner_model: str) -> list[Annotation]:
    from annotate.tag import annotate_articles

    return annotate_articles(articles, ner_model)


def annotate_missing(articles: list[Article], options: "BuildOptions") -> list[Annotation]:
    """Annotations for ``articles`` in order, with a progress bar for long runs."""
    from tqdm import tqdm

    out: list[Annotation] = []
    with tqdm(total=len(articles), unit="article", desc="tagging", disable=not options.progress) as bar:
        for batch in batches(articles, BATCH):
            out.extend(annotate_batch(batch, options.ner_model))
            bar.update(len(batch))
    return out
