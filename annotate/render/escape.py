"""Escaping for the two languages pages are written in: HTML (raw blocks) and Markdown (structure)."""

from __future__ import annotations

import html
import re

from annotate.arabic import INVISIBLES

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")
BIDI_ISOLATE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Drop bidi controls (they could reorder a page's layout); keep every visible character."""
    return BIDI_ISOLATE.sub("", text)


def h(text: str | None) -> str:
    """Text for HTML content or attribute values: &, <, >, quotes escaped; newlines become spaces."""
    return html.escape(clean(text or "").replace("\n", " "), quote=True)


def md(text: str | None) -> str:
    """Text for a Markdown line: HTML-escaped, Markdown punctuation backslash-escaped, one line."""
    return _MD_SPECIAL.sub(r"\\\1", h(text))


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(INVISIBLES.sub("", clean(text)), ensure_ascii=False)
