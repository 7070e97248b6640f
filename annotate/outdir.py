"""The output folder: replaced only when it is ours, never a user's project, articles or cache.

``--out`` can be any path a user types (``--out .``, ``--out corpus``). The build replaces it only when it is
absent, empty, or a site this tool published, recognised by the marker file ``.annotate-site`` that every
published site carries. The corpus, the cache and the output must be three separate folders: none may be,
contain or sit inside another. Temporary folders beside the output (``.<out>-building-*`` while MkDocs runs,
``.<out>-old-*`` during the swap) carry the marker too, so a later build can tell which stale ones it owns.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from annotate.errors import ConfigError

MARKER = ".annotate-site"
MARKER_TEXT = "This folder is a site published by `python -m annotate site`; the next build replaces it.\n"


def check_folders(corpus: Path, out: Path, cache: Path) -> None:
    """Refuse folders that overlap, and an output folder that is not ours to replace."""
    named = {"--corpus": corpus.resolve(), "--out": out.resolve(), "--cache": cache.resolve()}
    for a, b in (("--out", "--corpus"), ("--out", "--cache"), ("--cache", "--corpus")):
        pa, pb = named[a], named[b]
        if pa == pb:
            relation = "is the same folder as"
        elif pa.is_relative_to(pb):
            relation = "is inside"
        elif pb.is_relative_to(pa):
            relation = "contains"
        else:
            continue
        raise ConfigError(f"{a} {pa}: {relation} {b} {pb}; give {a} a folder of its own (defaults: --out site, --cache build)")
    check_replaceable(out)


def check_replaceable(out: Path) -> None:
    if not out.exists() and not out.is_symlink():
        ancestor = out.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if not ancestor.is_dir() or not os.access(ancestor, os.W_OK):
            why = "is a file" if not ancestor.is_dir() else "is not writable"
            raise ConfigError(f"--out {out}: cannot be created ({ancestor} {why}); choose an --out in a folder you can write")
        return
    if out.is_symlink() or not out.is_dir():
        raise ConfigError(f"--out {out}: is {'a link' if out.is_symlink() else 'a file'}, not a site folder; choose another --out")
    if (out / MARKER).is_file() or not any(out.iterdir()):
        return
    raise ConfigError(
        f"--out {out}: the folder holds files and is not a site published by this tool (no {MARKER} file); "
        "choose an empty or new --out folder (or move its files away yourself)"
    )


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def owned(folder: Path) -> bool:
    return (folder / MARKER).is_file() and not folder.is_symlink()


def staging_folder(out: Path) -> Path:
    """A new, marked, empty folder beside ``out`` for the next build, with the user's umask (``mkdtemp``
    makes 0700, and a web server running as another user could not read the published site)."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    except OSError as error:
        raise ConfigError(f"--out {out}: cannot create a folder in {out.parent} ({error.strerror}); choose an --out in a folder you can write") from None
    folder.chmod(0o777 & ~_umask())
    mark(folder)
    return folder


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def clean_stale(out: Path) -> None:
    """Remove what a killed build of ``out`` left beside it (only folders carrying our marker); if the
    kill came between the two renames of the swap, put the last good site back first."""
    leftovers = sorted(p for p in out.parent.glob(f".{out.name}-*") if p.is_dir() and owned(p))
    old = [p for p in leftovers if p.name.startswith(f".{out.name}-old-")]
    if old and not out.exists():
        old[-1].rename(out)
        leftovers.remove(old[-1])
    for folder in leftovers:
        if folder.name.startswith((f".{out.name}-building-", f".{out.name}-old-")):
            shutil.rmtree(folder, ignore_errors=True)
