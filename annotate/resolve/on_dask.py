"""Resolve's map steps on a Dask cluster (``resolve(..., runner=DaskRunner(client))``).

The global facts a step needs (the vocabulary, the name index) are sent to every worker once per step
(``scatter(broadcast=True)``); articles go in batches, and results come back in input order, so the
resolution is the one this process would make (tested on two local worker processes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotate.resolve.mapreduce import Runner

BATCH = 64  # articles per task: enough work to pay for a task's round trip


def run_batch(step: Callable, batch: Sequence[tuple], shared: dict) -> list:
    """Worker entry point: one map step over a batch of articles."""
    return [step(*item, **shared) for item in batch]


class DaskRunner(Runner):
    def __init__(self, client, batch: int = BATCH) -> None:
        self.client, self.batch = client, batch

    def map(self, step: Callable, inputs: Sequence[tuple], **shared) -> list:
        if not inputs:
            return []
        facts = self.client.scatter([shared], broadcast=True)[0]  # a list of one: scatter sends it whole
        batches = [list(inputs[at : at + self.batch]) for at in range(0, len(inputs), self.batch)]
        futures = self.client.map(run_batch, [step] * len(batches), batches, [facts] * len(batches), pure=False)
        return [result for future in futures for result in future.result()]
