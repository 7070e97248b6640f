"""One build at a time per cache folder and per output folder (``fcntl`` locks, released by the kernel
when a build ends or is killed).

Two builds into the same ``--out`` or ``--cache`` would rename and remove each other's folders. The second
build says what it waits for, then waits. The cache's lock file lives in the cache; the output's lives in
the temporary folder of the system, keyed by the output's real path, so nothing is added beside a user's
folders and two builds into one output are serialised whatever caches they use.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from annotate.errors import ConfigError

CACHE_LOCK = "build.lock"


@contextmanager
def build_locks(cache: Path, out: Path | None) -> Iterator[None]:
    """Hold the cache's lock, then the output's (always in this order, so two builds never deadlock)."""
    with ExitStack() as stack:
        try:
            cache.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigError(f"--cache {cache}: cannot be created ({error.strerror}); choose a --cache folder you can write") from None
        stack.enter_context(_locked(cache / CACHE_LOCK, f"cache {cache}", "--cache"))
        if out is not None:
            key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24]
            folder = Path(tempfile.gettempdir()) / f"annotate-locks-{os.getuid()}"
            folder.mkdir(mode=0o700, exist_ok=True)
            stack.enter_context(_locked(folder / f"{key}.lock", f"site folder {out}", "--out"))
        yield


@contextmanager
def _locked(path: Path, what: str, option: str) -> Iterator[None]:
    try:
        handle = open(path, "a+", encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{option} {path.parent}: cannot write its lock file ({error.strerror}); choose a folder you can write") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            print(f"waiting: another build ({holder}) is using the {what}…", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
