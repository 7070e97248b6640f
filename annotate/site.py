"""The site stage: MkDocs (Material, RTL Arabic) over the generated docs, published atomically.

The build goes to a temporary folder beside the output and replaces the output only when MkDocs
finished without a warning (``--strict``): a failed build leaves the last good site untouched.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import yaml

from annotate import outdir, site_manifest
from annotate.errors import BuildError
from annotate.site_url import configured as configured_site_url

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
BASE_CONFIG = ROOT / "mkdocs.yml"
HAND_WRITTEN = ROOT / "docs"
OVERRIDES = ROOT / "overrides"  # Material theme overrides (custom_dir)
HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"
FRAGMENTS_CODE = Path(__file__).resolve().parent / "render" / "fragments.py"
PAGE_CODE = [Path(__file__).resolve().parent / name for name in ("slim_html.py", "svg_sprite.py", "shared_parts.py")]  # run by the hooks on every page
SITE_INPUTS = [BASE_CONFIG, HAND_WRITTEN, OVERRIDES, HOOKS, FRAGMENTS_CODE, *PAGE_CODE]  # what every page depends on
MANIFEST = "site-manifest.json"  # in the build's work folder: what the published site holds
SPARE, SPARE_MANIFEST = "site-spare", "spare-manifest.json"  # the build before it, reused by the next build
COPY_VS_RENDER = 15  # copying one output file costs about 1/15 of rendering one page (measured)


def fragments_folder(work: Path) -> Path:
    """Where the render stage keeps the pages' pre-rendered HTML blocks (outside the docs folder)."""
    return work / "fragments"


def site_config(work: Path, docs: Path, site_dir: Path, redirects: dict[str, str]) -> dict:
    """A config inheriting the project's mkdocs.yml, pointing at this build's folders."""
    config = {
        "INHERIT": str(BASE_CONFIG),
        "docs_dir": str(docs.resolve()),
        "site_dir": str(site_dir.resolve()),
        "plugins": {"redirects": {"redirect_maps": dict(sorted(redirects.items()))}},
        "hooks": [str(HOOKS)],
        "extra": {"annotate_fragments": str(fragments_folder(work).resolve())},
    }
    published = configured_site_url(BASE_CONFIG)
    if published:  # explicit, so that the site-wide key changes with it (every page's canonical link)
        config["site_url"] = published
    if OVERRIDES.is_dir():
        config["theme"] = {"custom_dir": str(OVERRIDES)}
    return config


def write_config(work: Path, config: dict) -> Path:
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@contextmanager
def build_date(epoch: int):
    """Pin MkDocs' build date (sitemap lastmod) so the same corpus gives the same bytes any day."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def build_site(
    work: Path, docs: Path, out: Path, redirects: dict[str, str] | None = None, epoch: int = 0, pages: dict[str, str] | None = None
) -> site_manifest.Plan:
    """Run ``mkdocs build --strict`` into a temporary folder, then swap it into ``out``.

    When an earlier build of ``out`` is known (its manifest in ``work``) and nothing site-wide changed, the
    temporary folder starts from it (the spare kept by the last build, else a copy of ``out``) and MkDocs
    renders only the pages whose content changed since that build.
    ``epoch`` is the build date MkDocs records (the pipeline passes the newest article's date); ``pages``
    are the docs files' content keys when the caller has them (``DocsFolder.finish``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BuildError(f"--out {out}: its folder cannot be created ({error.strerror}); choose an --out in a folder you can write") from None
    outdir.clean_stale(out)
    outdir.check_replaceable(out)
    staging = outdir.staging_folder(out)
    manifest, spare, spare_manifest = work / MANIFEST, work / SPARE, work / SPARE_MANIFEST
    try:
        config = site_config(work, docs, staging, redirects or {})
        key = site_manifest.site_key(site_manifest.without_redirects(config), SITE_INPUTS)
        if pages is None:
            pages = site_manifest.page_digests(docs, fragments_folder(work))
        pages = pages | site_manifest.redirect_digests(redirects or {})
        plan = _start(out, staging, spare, spare_manifest, manifest, key, pages)
        if not plan.full:
            listing = work / "changed.json"
            listing.write_text(json.dumps(sorted(plan.changed), ensure_ascii=False), encoding="utf-8")
            config["extra"]["annotate_changed"] = str(listing.resolve())
        config["extra"]["annotate_templates"] = str((work / "templates").resolve())
        log.info("mkdocs: %s", f"{len(plan.changed)} changed pages" if not plan.full else f"full build ({plan.reason})")
        loaded = load_config(config_file=str(write_config(work, config)), strict=True)
        _quiet_mkdocs()
        with build_date(epoch):
            build(loaded, dirty=not plan.full)
    except BaseException as error:  # whatever stops the build, no half-built folder is left behind
        shutil.rmtree(staging, ignore_errors=True)
        if not isinstance(error, (Exception, SystemExit)):  # Ctrl-C and the like propagate as they are
            raise
        raise BuildError(f"mkdocs build failed ({type(error).__name__}: {error}); the previous site in {out} is untouched") from error
    outdir.mark(staging)
    _swap(staging, out, spare, manifest, spare_manifest)
    plan.signature = site_manifest.save(manifest, out, key, pages)
    if plan.full:
        _copy_spare(out, spare, manifest, spare_manifest)
    return plan


def _copy_spare(out: Path, spare: Path, manifest: Path, spare_manifest: Path) -> None:
    """After a full build the spare (the site before it) is of no use to the next build, which would then
    copy the published site before rendering one page: make the spare a copy of it now, with its manifest
    (``copy2`` keeps sizes and modification times, so the copy has the same fingerprint)."""
    shutil.rmtree(spare, ignore_errors=True)
    spare_manifest.unlink(missing_ok=True)
    try:
        shutil.copytree(out, spare, symlinks=True)
        shutil.copy2(manifest, spare_manifest)
    except OSError as error:  # a full disk: the next build copies instead
        log.info("no spare copy of the site kept (%s)", error)
        shutil.rmtree(spare, ignore_errors=True)
        spare_manifest.unlink(missing_ok=True)


def _start(out: Path, staging: Path, spare: Path, spare_manifest: Path, manifest: Path, key: str, pages: dict[str, str]) -> site_manifest.Plan:
    """Fill the (empty) staging folder with the most recent known build of ``out``; return what to render.

    The spare (the build before the published one, kept by ``_swap``) is taken over with one rename, unless
    it is so far behind that copying the published site and rendering fewer pages costs less. Outputs of
    pages that no longer exist are removed.
    """
    plan = site_manifest.plan(spare_manifest, out, key, pages, folder=spare)
    spare_manifest.unlink(missing_ok=True)  # the spare is consumed (or useless) from here on
    from_out = None  # fingerprinting the published folder costs a walk of it: only when the spare may not do
    if plan.full or len(plan.changed) > len(pages) // COPY_VS_RENDER:
        from_out = site_manifest.plan(manifest, out, key, pages)
        if not from_out.full and len(plan.changed) - len(from_out.changed) > len(pages) // COPY_VS_RENDER:
            plan = from_out  # the spare is far behind: copying the site costs less than rendering the difference
    taken = False
    if plan is not from_out and not plan.full:
        try:
            (staging / outdir.MARKER).unlink()
            staging.rmdir()
            spare.rename(staging)
            taken = True
        except OSError:  # another file system: copy instead
            staging.mkdir(exist_ok=True)
    shutil.rmtree(spare, ignore_errors=True)
    if not taken:
        plan = from_out if from_out is not None else site_manifest.plan(manifest, out, key, pages)
        if plan.full:
            return plan
        shutil.copytree(out, staging, dirs_exist_ok=True)
    for uri in plan.removed_outputs:
        target = staging / uri
        target.unlink(missing_ok=True)
        if target.name == "index.html" and target.parent != staging:
            try:
                target.parent.rmdir()  # the page's folder, when nothing else lives there
            except OSError:
                pass
    return plan


def _swap(staging: Path, out: Path, spare: Path | None = None, manifest: Path | None = None, spare_manifest: Path | None = None) -> None:
    """Replace ``out`` by ``staging`` with two renames. The old site becomes the spare that the next build
    starts from (its manifest with it), or is removed when it cannot be kept."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{staging.name.rsplit('-', 1)[-1]}")
        out.rename(old)
    staging.rename(out)
    if old is None:
        return
    if spare is not None and manifest is not None and spare_manifest is not None and manifest.exists():
        try:
            shutil.rmtree(spare, ignore_errors=True)
            old.rename(spare)
            manifest.replace(spare_manifest)
            return
        except OSError:
            pass
    shutil.rmtree(old, ignore_errors=True)


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation; ours re-renders every page that carries
    something site-wide (see ``annotate.site_manifest``), so the warning must not fail ``--strict``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _quiet_mkdocs() -> None:
    for name in ("mkdocs", "mkdocs.commands.build", "mkdocs.structure.pages"):
        logging.getLogger(name).setLevel(logging.WARNING)
    build_logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _NoDirtyWarning) for f in build_logger.filters):
        build_logger.addFilter(_NoDirtyWarning())
