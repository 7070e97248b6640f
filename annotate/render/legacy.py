"""Redirect pages for the transliterated slugs published before slugs became readable (/actors/bshar-a-sd/).

They are static files in the docs folder, not ``mkdocs-redirects`` entries: a redirect map is part of the
configuration, and a configuration that changes whenever a new actor appears would make every build a full
one (``annotate.site_manifest``). A former slug that the ledger or the registry's redirects already answer,
or that is a current slug, gets no page here.
"""

from __future__ import annotations

from urllib.parse import quote

from annotate.render.docs_folder import DocsFolder
from annotate.render.escape import h
from annotate.render.site_data import SiteData
from annotate.resolve.slugs import former_natural_slug

TEMPLATE = (
    '<!doctype html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n<title>انتقلت الصفحة</title>\n'
    '<link rel="canonical" href="{href}">\n<meta name="robots" content="noindex">\n'
    '<meta http-equiv="refresh" content="0; url={href}">\n<script>location.replace("{href}" + location.hash)</script>\n'
    '</head>\n<body><p>انتقلت هذه الصفحة إلى <a href="{href}">{name}</a>.</p></body>\n</html>\n'
)


def former_slugs(data: SiteData) -> dict[str, str]:
    """Former slug → current slug, for every published actor whose slug changed that way."""
    out = {}
    for actor in sorted(data.actors, key=lambda a: a.id):
        former = former_natural_slug(actor)
        if actor.id in data.actor_articles and former != actor.slug and former not in data.slugs and former not in data.redirects:
            out[former] = actor.slug
    return out


def write_legacy_redirects(data: SiteData, docs: DocsFolder) -> list[str]:
    names = []
    for former, slug in former_slugs(data).items():
        href = "../" + quote(slug, safe="-") + "/"
        name = next(a.name for a in data.actors if a.slug == slug)
        uri = f"actors/{former}/index.html"
        docs.write(uri, TEMPLATE.format(href=h(href), name=h(name)))
        names.append(uri)
    return names
