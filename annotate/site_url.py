"""The address the site is published at (``site_url``), for canonical links, the sitemap, feeds and previews.

Set in ``mkdocs.yml`` as MkDocs users expect (``site_url: https://example.org/corpus/``); that file reads
it from ``$SITE_URL`` when set (``!ENV``), which is how the GitHub workflow passes the Pages address.
Empty means unknown (a local build): pages get no canonical link, the sitemap lists nothing and the
feeds link with relative addresses. Read here once, so that the MkDocs config and the render stage
(feeds) agree, and so that the value is part of the site-wide key (a new address rebuilds every page).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from annotate.errors import ConfigError

BASE_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def normalized(value: object, where: str) -> str | None:
    """``https://host/path`` → ``https://host/path/``; empty → ``None``; anything else is a config error."""
    if value is None or value == "":
        return None
    parts = urlsplit(str(value).strip()) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError(f"{where}: {value!r} is not a web address; write it as https://user.github.io/repo/")
    url = parts.geturl()
    return url if url.endswith("/") else url + "/"


def _load(config_file: Path) -> dict:
    """``config_file`` read with MkDocs' own YAML loader (``!ENV`` and ``INHERIT`` work as in MkDocs)."""
    from mkdocs.utils.yaml import yaml_load

    if not config_file.exists():
        return {}
    with config_file.open("rb") as stream:
        return yaml_load(stream) or {}


def site_name(config_file: Path = BASE_CONFIG) -> str | None:
    """``site_name`` of ``config_file`` (the feeds' titles)."""
    name = _load(config_file).get("site_name")
    return str(name) if name else None


def configured(config_file: Path = BASE_CONFIG) -> str | None:
    """``site_url`` of ``config_file``, checked and ending in ``/``."""
    config = _load(config_file)
    where = "$SITE_URL (mkdocs.yml's site_url)" if os.environ.get("SITE_URL") else f"{config_file}: 'site_url'"
    return normalized(config.get("site_url"), where)


def absolute(site_url: str | None, path: str, relative_to: str = "") -> str:
    """The address of site-relative ``path``: absolute under ``site_url``, else relative to the file at
    site-relative ``relative_to`` (what a feed reader resolves against the feed's own address)."""
    if site_url:
        return site_url + path if path not in ("", "./") else site_url
    depth = relative_to.count("/")
    return "../" * depth + path if path not in ("", "./") else ("../" * depth or "./")
