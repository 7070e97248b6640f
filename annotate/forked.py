"""Run part of a stage in a forked child process while this process does the rest.

Rendering is single-threaded Python; on a machine with two cores, a rebuild spent a second writing pages
that a second process could write at the same time. A fork shares everything this process computed
(resolved actors, site data) without pickling it; only the child's small result comes back, pickled.
Where ``os.fork`` does not exist (Windows), the work simply runs here.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def start(work: Callable[[], T]) -> Callable[[], T]:
    """Start ``work`` in a forked child; return a function that waits for it and returns its result
    (or raises its exception). The child writes nothing to stdout and never runs this process' exit code."""
    if not hasattr(os, "fork"):
        result = work()
        return lambda: result
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        code = 0
        try:
            try:
                payload = pickle.dumps((True, work()))
            except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
                code = 1
                payload = pickle.dumps((False, RuntimeError(f"forked worker failed: {type(error).__name__}: {error}")))
            with os.fdopen(write, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(code)
    os.close(write)

    def wait() -> T:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        if not data:
            raise RuntimeError("forked worker died without a result")
        ok, value = pickle.loads(data)
        if not ok:
            raise value
        return value

    return wait
