"""Nothing changed since the last build of this output: say so and stop, before anything else runs.

A commit that touches nothing the site depends on (a README edit, a CI re-run) used to re-read, re-resolve
and re-render the whole corpus: 52 s at 10,000 articles. The stamp is a digest of every input of the
published output — the corpus files' bytes (articles, registry, ledger), the package's code, the model's
version, the site's config (``$SITE_URL`` included), theme and hand-written pages with package versions, and
the build options —
recorded with the output folder's fingerprint after a successful build. A build whose stamp matches and
whose output folder is untouched since is a no-op that replays the last report.

The stamp wraps the pipeline instead of weaving through it: a wrong "changed" costs one ordinary build,
and "unchanged" is only ever said when every input is byte-identical.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from annotate.digest import digest, files_digest

if TYPE_CHECKING:
    from annotate.pipeline import BuildOptions

STAMP = "last-build.json"
PACKAGE = Path(__file__).resolve().parent


def inputs_digest(options: "BuildOptions") -> str:
    """Every input of the published site, by content."""
    from annotate import site
    from annotate.ner.tagger import model_spec
    from annotate.site_manifest import site_key, tree_digest

    corpus_part = tree_digest(options.corpus)  # articles, registry, ledger, editor dates: every file's bytes
    code = code_digest()
    config = {"out": str(options.out.resolve()), "ner_model": options.ner_model, "keep_going": options.keep_going, "site_url": os.environ.get("SITE_URL", "")}
    theme = site_key(config, site.SITE_INPUTS)
    return digest(corpus_part.encode(), code.encode(), model_spec(options.ner_model).version.encode(), theme.encode())


# What a build never reads: the tagger's training notes, settings and log, and the cross-validation folds
# kept in git (``train-ner --kept``). A fold landing in a commit must not make every user's next build a
# full one (and every page rendered again).
TRAINING_ONLY = ("ner/MODEL.md", "ner/train.yaml", "ner/model/train.log", "ner/cv/")


def code_digest() -> str:
    """The package's code and data files (the model's weights apart: ``model_spec`` versions them)."""
    return files_digest(sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pt" and not _training_only(p)))


def _training_only(path: Path) -> bool:
    name = path.relative_to(PACKAGE).as_posix()
    return any(name == part or (part.endswith("/") and name.startswith(part)) for part in TRAINING_ONLY)


def last_report(options: "BuildOptions", stamp: str) -> dict | None:
    """The last build's report (as ``record`` stored it) when ``stamp`` matches it and its output folder
    is untouched since; else None."""
    from annotate.site_manifest import folder_signature

    try:
        last = json.loads((options.cache / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(last, dict) or last.get("stamp") != stamp or not options.out.is_dir():
        return None
    if last.get("signature") != folder_signature(options.out) or not isinstance(last.get("report"), dict):
        return None
    return last["report"]


def record(options: "BuildOptions", stamp: str, report: dict, signature: str = "") -> None:
    """After a successful build: what it was built from, and what it reported. ``signature`` is the output
    folder's fingerprint when the build just took it (a walk of the whole site saved)."""
    from annotate.site_manifest import folder_signature

    path = options.cache / STAMP
    temporary = path.with_suffix(".tmp")
    signature = signature or folder_signature(options.out)
    temporary.write_text(json.dumps({"stamp": stamp, "signature": signature, "report": report}, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)


def forget(options: "BuildOptions") -> None:
    """Before a build changes anything: a build that fails half-way must not be taken for the last one."""
    (options.cache / STAMP).unlink(missing_ok=True)
