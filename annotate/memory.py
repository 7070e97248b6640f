"""The build's memory habits: no cyclic collection while it makes the records it keeps, full collections
rare while the stages run, and freed heap given back to the system before a fork and before MkDocs."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def records_kept() -> Iterator[None]:
    """No cyclic garbage collection while a stage makes the records the build keeps to its end: each
    collection would only walk them again (a third of reading 10,000 cached annotations)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def rare_full_collections() -> Iterator[None]:
    """Full cyclic collections only now and then while the stages build the corpus' records. Python walks
    every tracked object each time the long-lived ones have grown by a quarter, and a rebuild loads
    millions (cached annotations, memos): 9 full collections, 1.0 s of a 12 s one-article rebuild at
    10,000 articles. Young cycles are still collected as usual, and the build collects once before MkDocs
    (measured: the same peak memory, full build and rebuild)."""
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], max(before[2], 1000))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def give_back_memory() -> None:
    """Return freed heap pages to the system. glibc keeps what Python freed for later allocations: after
    the resolve memo (150 MB of pickles at 10,000 articles) is freed, 180 MB of it stayed resident, and a
    forked render child and MkDocs then counted them again. Where there is no glibc, nothing happens."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
