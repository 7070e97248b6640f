"""MkDocs hooks (configured by annotate.site).

- Restore the pre-rendered HTML blocks of generated pages (``annotate.render.fragments``) in the finished page.
- Drop the theme's indentation from every page (``annotate.slim_html``), refer to its icons in one
  file instead of inlining them (``annotate.svg_sprite``) and to the parts every page shares in another
  (``annotate.shared_parts``); join the site's scripts into one file (``annotate.site_scripts``).
- In an incremental build, tell MkDocs which pages changed (``annotate.site_manifest`` decides by
  content); the pages in the navigation are always rendered, since every page carries the navigation.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from annotate.render.fragments import PLACEHOLDER_RE, fragment_file, restore
from annotate import shared_parts, site_scripts, svg_sprite
from annotate.slim_html import slim, without_unused_translations


def _always(value: bool):
    return lambda: value


def on_env(env, config, files):
    """``annotate_cached(key)``: render a template block once per build and key (``overrides/main.html``);
    compiled templates kept in the build cache (``extra.annotate_templates``)."""
    rendered: dict[str, str] = {}

    def annotate_cached(key: str, caller) -> str:
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    env.globals["annotate_cached"] = annotate_cached
    compiled = config.extra.get("annotate_templates")
    if compiled:  # the theme's templates compiled once, not on every build (Jinja checks their source)
        from jinja2 import FileSystemBytecodeCache

        Path(compiled).mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(compiled)
    return env


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


def _fragments(page, config) -> dict | None:
    folder = config.extra.get("annotate_fragments")
    path = fragment_file(Path(folder), page.file.src_uri) if folder else None
    if path is None or not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def on_pre_page(page, config, files):
    """A page that is only raw HTML blocks skips Markdown: its content is its placeholders, its table of
    contents comes with its blocks (``fragments.page_toc``). Converting ~10,000 such pages was half of
    MkDocs' time on a big corpus."""
    stored = _fragments(page, config)
    if stored is None or stored.get("toc") is None:
        return page
    # Only what rendering needs is kept (the page keeps its ``render``): the blocks are read again when
    # the page is written (``on_post_page``), so MkDocs never holds every page's blocks at once.
    toc, first = stored["toc"], stored["blocks"][0] if stored["blocks"] else ""
    del stored

    def render(config, files):
        placeholders = [m.group(0) for m in PLACEHOLDER_RE.finditer(page.markdown)]
        if placeholders and first.startswith("<h1") and "\n" not in first:
            placeholders[0] = first  # the title in the content, or the theme would add a second one
        page.content = "\n".join(placeholders)
        page.toc = get_toc(toc)
        page.present_anchor_ids = set(_ids(toc))
        page.links_to_anchors = {}

    page.render = render
    return page


def _ids(tokens):
    for token in tokens:
        yield token["id"]
        yield from _ids(token["children"])


def on_post_page(output, page, config):
    """Put the blocks back into the finished page, just before MkDocs writes it.

    Done here rather than in ``on_page_content``: MkDocs keeps every page's content in memory from the
    first page read to the last page written, and with the blocks that was most of a big build's memory.

    The theme's part is made smaller first (icons, configuration, indentation), while the page is still the
    template's output with placeholders: the blocks have none of these, and a page of megabytes (the
    timeline) is then copied once, by ``restore``, not once per step (300 MB more at 10,000 articles).
    """
    icons = svg_sprite.refer(output, svg_sprite.icon_names(config.theme), get_relative_url(svg_sprite.SPRITE, page.url))
    stored = _fragments(page, config)
    code = "<pre" in output or (stored is not None and any("<pre" in block for block in stored["blocks"]))
    output = shared_parts.share(slim(without_unused_translations(icons, code)), get_relative_url(".", page.url), _parts)
    return output if stored is None else restore(output, stored["blocks"])


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html, sitemap.xml) lose their indentation too (and keep their parts inline)."""
    return slim(shared_parts.unmarked(output_content))


_parts: dict[str, str] = {}  # this build's shared parts (``on_post_page``), written by ``on_post_build``


def on_pre_build(config):
    _parts.clear()


def on_post_build(config):
    """Write the icons and parts every page refers to (``on_post_page``), in full and dirty builds alike."""
    shared_parts.write(Path(config.site_dir), _parts, partial=bool(config.extra.get("annotate_changed")))
    site_scripts.write_bundle(Path(config.site_dir), Path(config.docs_dir) / "assets")
    path = Path(config.site_dir) / svg_sprite.SPRITE
    content = svg_sprite.sprite(svg_sprite.icon_names(config.theme))
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
