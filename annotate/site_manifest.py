"""What changed since the last published build, so MkDocs renders only those pages.

A commit that adds one article changes a few dozen generated pages (the article, its actors, the indexes,
the timeline, related articles); the thousands of others are byte-identical. MkDocs' own ``--dirty`` mode
decides by file times, which our render stage rewrites on every run, so the decision is made here, by
content: each page's Markdown plus its pre-rendered fragments. Everything that could change every page
(the MkDocs config, the theme and its overrides, the hook, the hand-written pages, package versions) goes
into one site-wide key; when it differs, or the published folder is not the one the manifest describes
(another build wrote there, someone edited it), the build is a full one.

The manifest lives in the build cache, never in the published site, so the site's bytes stay a function
of the corpus alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from annotate.digest import digest, tree_listing_digest

log = logging.getLogger(__name__)

MANIFEST_VERSION = 1
_PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-redirects", "markdown", "pymdown-extensions")


@dataclass
class Plan:
    """The pages MkDocs must render (``changed``) and the outputs to delete; ``full`` renders everything."""

    full: bool
    changed: set[str] = field(default_factory=set)
    removed_outputs: list[str] = field(default_factory=list)
    reason: str = ""
    signature: str = ""  # the published folder's fingerprint once built (``save``)


def tree_digest(folder: Path) -> str:
    """Every file's path and bytes under ``folder`` (empty when it does not exist), hidden files left out."""
    h = hashlib.sha256()

    def add(part: bytes) -> None:  # as ``digest`` does with its parts
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)

    def walk(path: str, relative: str) -> None:
        with os.scandir(path) as it:
            found = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        for entry in found:
            if entry.is_dir():
                walk(entry.path, relative + entry.name + "/")
            elif entry.is_file():
                add((relative + entry.name).encode())
                with open(entry.path, "rb") as file:
                    add(file.read())

    if folder.is_dir():
        walk(str(folder), "")
    return h.hexdigest()


def site_key(config: dict, inputs: list[Path]) -> str:
    """One key for everything every page depends on: config (without its output folder), files, versions."""
    settings = {k: v for k, v in config.items() if k != "site_dir"}
    versions = []
    for name in _PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}: none")
    parts = [json.dumps(settings, sort_keys=True, ensure_ascii=False).encode(), "\n".join(versions).encode()]
    for path in inputs:
        parts.append(tree_digest(path).encode() if path.is_dir() else (path.read_bytes() if path.exists() else b""))
    return digest(*parts)


REDIRECT = "redirect:"  # a manifest entry for a redirect page, not a docs file


def without_redirects(config: dict) -> dict:
    """The config as every page depends on it: the redirect map changes whenever an actor is renamed, merged
    or dropped, and only the redirect pages depend on it (``redirect_digests`` tracks those one by one)."""
    plugins = {name: value for name, value in config.get("plugins", {}).items() if name != "redirects"}
    return config | {"plugins": plugins}


def redirect_digests(redirects: dict[str, str]) -> dict[str, str]:
    """One manifest entry per redirect page (``actors/old.md`` → its target): a redirect that goes away
    has its page removed from the carried-over site like a page that went away (mkdocs-redirects writes
    the current ones on every build)."""
    return {f"{REDIRECT}{source}": digest(target.encode()) for source, target in redirects.items()}


def page_digests(docs: Path, fragments: Path) -> dict[str, str]:
    """Each docs file's content key (as ``DocsFolder`` computes it), read back from disk."""
    from annotate.render.fragments import fragment_file

    digests = {}
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            uri = path.relative_to(docs).as_posix()
            frag = fragment_file(fragments, uri)
            digests[uri] = digest(path.read_bytes(), frag.read_bytes() if uri.endswith(".md") and frag.exists() else b"")
    return digests


def folder_signature(folder: Path) -> str:
    """Cheap fingerprint of a published folder (paths, sizes, modification times): was it touched since?"""
    return tree_listing_digest(folder)


def dest_uri(src_uri: str) -> str:
    """Where MkDocs (``use_directory_urls``) writes a docs file."""
    src_uri = src_uri.removeprefix(REDIRECT)
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def plan(manifest_path: Path, out: Path, key: str, pages: dict[str, str], folder: Path | None = None) -> Plan:
    """Compare this build's pages with the manifest of the build of ``out`` that ``folder`` holds.

    ``folder`` is ``out`` itself, or the spare copy of an earlier build of it (``annotate.site``).
    """
    folder = folder or out
    if not folder.is_dir():
        return Plan(full=True, reason="no published site yet")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Plan(full=True, reason="no manifest of the previous build")
    if manifest.get("version") != MANIFEST_VERSION or manifest.get("out") != str(out.resolve()):
        return Plan(full=True, reason="the manifest describes another site")
    if manifest.get("key") != key:
        return Plan(full=True, reason="configuration, theme, hand-written pages or versions changed")
    if manifest.get("signature") != folder_signature(folder):
        return Plan(full=True, reason=f"{folder} was changed since the last build")
    before: dict[str, str] = manifest.get("pages", {})
    changed = {uri for uri, key in pages.items() if before.get(uri) != key}
    removed = sorted(dest_uri(uri) for uri in before if uri not in pages)
    return Plan(full=False, changed=changed, removed_outputs=removed)


def save(manifest_path: Path, out: Path, key: str, pages: dict[str, str]) -> str:
    """Record what ``out`` now holds, written last: a build that fails before this leaves no manifest.
    Returns the folder's fingerprint (``folder_signature``)."""
    signature = folder_signature(out)
    manifest = {"version": MANIFEST_VERSION, "out": str(out.resolve()), "key": key, "signature": signature, "pages": pages}
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = manifest_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
    temporary.replace(manifest_path)
    return signature

