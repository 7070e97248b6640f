"""MkDocs hooks (configured by annotate.site).

- Restore the pre-rendered HTML blocks of generated pages (``annotate.render.fragments``) in the finished page.
- In an incremental build, tell MkDocs which pages changed (``annotate.site_manifest`` decides by
  content); the pages in the navigation are always rendered, since every page carries the navigation.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotate.render.fragments import fragment_file, restore


def _always(value: bool):
    return lambda: value


def on_files(files, config):
    listing = config.extra.get("annotate_changed")
    if not listing:
        return files
    changed = set(json.loads(Path(listing).read_text(encoding="utf-8")))
    for file in files:
        file.is_modified = _always(file.src_uri in changed)
    return files


def on_nav(nav, config, files):
    if config.extra.get("annotate_changed"):
        for page in nav.pages:
            page.file.is_modified = _always(True)
    return nav


def on_post_page(output, page, config):
    """Put the blocks back into the finished page, just before MkDocs writes it.

    Done here rather than in ``on_page_content``: MkDocs keeps every page's content in memory from the
    first page read to the last page written, and with the blocks that was most of a big build's memory.
    """
    folder = config.extra.get("annotate_fragments")
    if not folder:
        return output
    path = fragment_file(Path(folder), page.file.src_uri)
    if not path.exists():
        return output
    return restore(output, json.loads(path.read_text(encoding="utf-8")))
