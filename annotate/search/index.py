"""Build the static search index: an inverted index of normalized terms → compact posting lists.

Format (``search/index.json``, UTF-8 JSON, read by ``docs/assets/search.js``)::

    {"version": 1,
     "docs": [[url, title, kind, label, boost, names?], ...],  # sorted by url; number = position; names
                                                               # (aliases) only when there are some
     "terms": "0term 3rm ...",                           # front-coded, sorted by UTF-16 code units
     "postings": "list list ..."}                        # one per term, same order

Terms are sorted in JS string order (UTF-16 code units) and front-coded: each space-separated item is one
character ``chr(48 + k)`` (k = UTF-16 units shared with the previous term) followed by the rest of the term.

A posting list is the sorted doc numbers of the docs containing the term, as gaps (the first number, then
each difference minus one), each gap written most significant digit first in base 32 over ``ALPHABET``:
a digit ``d`` is ``ALPHABET[d + 32]`` when more digits follow and ``ALPHABET[d]`` on the last one.
No full text is shipped; titles are shown, and re-normalized in the browser to rank title matches.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotate.search.normalize import term_set

if TYPE_CHECKING:
    from annotate.render.docs_folder import DocsFolder

VERSION = 1
INDEX_PATH = "search/index.json"  # docs-relative; never Material's search/search_index.json
ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_"
KINDS = ("actor", "article", "page")
LABELS = ("PER", "ORG", "LOC", "MISC")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class SearchEntry:
    """One searchable page.

    ``url`` is site-relative (``actors/khalifa-haftar/``), ``title`` is shown in results (as text, never
    HTML), ``text`` is what is searched besides the title (article body; for an actor: name, aliases,
    English name, description), ``kind`` is actor/article/page, ``label`` PER/ORG/LOC/MISC for actors,
    ``boost`` multiplies the score (actors: higher, so an actor's page ranks first for its names), and
    ``names`` (optional: an actor's aliases and English name) count as titles when ranking: an exact match
    of a name ranks like an exact match of the title (they must also be in ``text`` or the title to be found).
    """

    url: str
    title: str
    text: str
    kind: str
    label: str | None = None
    boost: float = 1.0
    names: list[str] = field(default_factory=list)


def check_entry(entry: SearchEntry) -> None:
    """Reject what would break the index or the links: absolute or scheme URLs, unknown kinds."""
    where = f"search entry {entry.url!r}"
    if not isinstance(entry.url, str) or _SCHEME.match(entry.url) or entry.url.startswith(("/", "\\")):
        raise ValueError(f"{where}: url must be site-relative (like 'actors/x/'), without a scheme or a leading /")
    if entry.kind not in KINDS:
        raise ValueError(f"{where}: kind {entry.kind!r} is not one of {', '.join(KINDS)}")
    if entry.label is not None and entry.label not in LABELS:
        raise ValueError(f"{where}: label {entry.label!r} is not one of {', '.join(LABELS)}")
    if not entry.boost > 0:
        raise ValueError(f"{where}: boost must be positive, not {entry.boost!r}")


def encode_postings(numbers: list[int]) -> str:
    """Sorted, distinct doc numbers → gap-encoded base-32 digits (see the module docstring)."""
    out = []
    previous = -1
    for n in numbers:
        gap = n - previous - 1
        previous = n
        digits = []
        while True:
            digits.append(gap & 31)
            gap >>= 5
            if not gap:
                break
        digits.reverse()
        out.extend(ALPHABET[d + 32] for d in digits[:-1])
        out.append(ALPHABET[digits[-1]])
    return "".join(out)


def decode_postings(encoded: str) -> list[int]:
    """Inverse of ``encode_postings`` (the browser does the same)."""
    numbers, value, previous = [], 0, -1
    for ch in encoded:
        d = ALPHABET.index(ch)
        if d >= 32:
            value = value * 32 + d - 32
        else:
            previous = previous + 1 + value * 32 + d
            numbers.append(previous)
            value = 0
    return numbers


def _js_order(term: str) -> bytes:
    return term.encode("utf-16-be")  # JS compares strings by UTF-16 code units


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def front_code(vocabulary: list[str]) -> str:
    """Sorted terms → "k" + suffix items (k in UTF-16 units, as JS slices strings)."""
    items, previous = [], ""
    for term in vocabulary:
        k = 0
        while k < min(len(term), len(previous)) and term[k] == previous[k]:
            k += 1
        items.append(chr(48 + _units(term[:k])) + term[k:])
        previous = term
    return " ".join(items)


def front_decode(coded: str) -> list[str]:
    """Inverse of ``front_code`` (the browser does the same, on UTF-16 units)."""
    out: list[str] = []
    previous = b""
    for item in coded.split(" ") if coded else []:
        units = previous[: 2 * (ord(item[0]) - 48)] + item[1:].encode("utf-16-le")
        out.append(units.decode("utf-16-le"))
        previous = units
    return out


def build_index(entries: list[SearchEntry]) -> dict:
    """The index as a JSON-ready dict; same entries (in any order) → same dict."""
    for entry in entries:
        check_entry(entry)
    ordered = sorted(entries, key=lambda e: (e.url, e.kind, e.title))
    docs = []
    inverted: dict[str, list[int]] = {}
    for number, entry in enumerate(ordered):
        doc = [entry.url, entry.title, entry.kind, entry.label, round(float(entry.boost), 3)]
        names = sorted({n for n in entry.names if n and n != entry.title})
        docs.append(doc + [names] if names else doc)
        for term in term_set("\n".join([entry.title, *names, entry.text])):
            inverted.setdefault(term, []).append(number)
    vocabulary = sorted(inverted, key=_js_order)
    return {
        "version": VERSION,
        "docs": docs,
        "terms": front_code(vocabulary),
        "postings": " ".join(encode_postings(inverted[t]) for t in vocabulary),
    }


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def write_search_index(entries: list[SearchEntry], docs_dir: Path | DocsFolder) -> list[str]:
    """Write ``search/index.json`` under ``docs_dir``; return the docs-relative paths written."""
    from annotate.render.docs_folder import DocsFolder

    DocsFolder.of(docs_dir).write(INDEX_PATH, dumps(build_index(entries)))
    return [INDEX_PATH]
