"""MkDocs hook (configured by annotate.site): restore the pre-rendered HTML blocks of generated pages."""

from __future__ import annotations

import json
from pathlib import Path

from annotate.render.fragments import fragment_file, restore


def on_page_content(html, page, config, files):
    folder = config.extra.get("annotate_fragments")
    if not folder:
        return html
    path = fragment_file(Path(folder), page.file.src_uri)
    if not path.exists():
        return html
    return restore(html, json.loads(path.read_text(encoding="utf-8")))
