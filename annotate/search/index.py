"""Build the static search index: sharded by key, so a query fetches a few small files, never the corpus.

Files under ``search/`` (UTF-8 JSON, read by ``docs/assets/search-index.js``)::

    meta.json        {"version": 2, "count": N, "shards": front-coded first key of each shard,
                      "ranges": {"actor": [lo, hi], "article": [...], "page": [...], "en": [...],
                                 "labels": {"PER": [lo, hi], ...}, "years": {"2023": [lo, hi], ...}}}
    s/<i>.json       {"keys": front-coded keys, "postings": "list list ..."}   # shard i: keys from its first
                                                                              # key up to the next shard's
    m/<n // 512>.json   the record names of docs n // 512 * 512 ... (+511): ["3f2a9c0d11b7", ...]
    d/<ab>/<cdef…>.json  the record of the doc whose record name is abcdef…: {"u": url, "t": title,
                      "k": kind, "l": label, "d": date, "s": source, "c": [articles, mentions], "n": names,
                      "h": 1 when the sentences begin with the title (left out of "x"), "x": sentences,
                      "lang": "ar"|"en"}; named after its url, so unchanged pages keep
                      their file when others are added or removed
    actors.json      [[n, name, [other names]], ...]   # for «هل تقصد …؟» when nothing is found

Doc numbers follow kind (actors by label, articles by date, Arabic pages, English pages), so every filter
(kind, label, year, language) is a range of numbers and needs no per-doc data.

A key is a term, a stem of a term (``annotate.search.normalize.stems``) or, for an actor's names, a name
key (``name_key``: spelling skeletons marked with ``~``). A posting is ``doc * 8 + flags``: flag 1 the key
is in the title or names, 2 the doc has the key itself as a term (not only through a stem or a skeleton),
4 the term occurs at least ``FREQUENT`` times. Posting lists are the sorted postings as gaps (the first
number, then each difference minus one), each gap written most significant digit first in base 32 over
``ALPHABET``: a digit ``d`` is ``ALPHABET[d + 32]`` when more digits follow and ``ALPHABET[d]`` on the last.
Keys are sorted in JS string order (UTF-16 code units) and front-coded: each space-separated item is one
character ``chr(48 + k)`` (k = UTF-16 units shared with the previous key) followed by the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotate.search.normalize import name_keys, stems, terms

if TYPE_CHECKING:
    from annotate.render.docs_folder import DocsFolder

VERSION = 2
INDEX_PATH = "search/meta.json"  # docs-relative; never Material's search/search_index.json
ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_"
KINDS = ("actor", "article", "page")
LABELS = ("PER", "ORG", "LOC", "MISC")
LANGS = ("ar", "en")
TITLE, EXACT, OFTEN = 1, 2, 4
FREQUENT = 3  # occurrences that make a term frequent in a doc
SHARD_CHARS = 16_000  # a shard is closed once its postings pass this many characters
DOCS_PER_TABLE = 512  # doc numbers per table file (search/m/<n // 512>.json: the record names)
LATIN_ARTICLES = {"al", "el"}  # "al-Qadhafi": the article is a term, but no name key
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


@dataclass
class SearchEntry:
    """One searchable page.

    ``url`` is site-relative (``actors/khalifa-haftar/``), ``title`` is shown in results (as text, never
    HTML), ``text`` is what is searched besides the title and names (article body; an actor's description),
    ``kind`` is actor/article/page, ``label`` PER/ORG/LOC/MISC for actors, ``names`` an actor's aliases,
    English and Latin names (searched like the title, and spelling-tolerant), ``date`` an article's ISO
    date, ``source`` its outlet, ``counts`` an actor's (articles, mentions), ``lang`` the page's language.
    """

    url: str
    title: str
    text: str
    kind: str
    label: str | None = None
    names: list[str] = field(default_factory=list)
    date: str | None = None
    source: str | None = None
    counts: tuple[int, int] | None = None
    lang: str = "ar"


def check_entry(entry: SearchEntry) -> None:
    """Reject what would break the index or the links: absolute or scheme URLs, unknown kinds."""
    where = f"search entry {entry.url!r}"
    if not isinstance(entry.url, str) or _SCHEME.match(entry.url) or entry.url.startswith(("/", "\\")):
        raise ValueError(f"{where}: url must be site-relative (like 'actors/x/'), without a scheme or a leading /")
    if entry.kind not in KINDS:
        raise ValueError(f"{where}: kind {entry.kind!r} is not one of {', '.join(KINDS)}")
    if entry.label is not None and entry.label not in LABELS:
        raise ValueError(f"{where}: label {entry.label!r} is not one of {', '.join(LABELS)}")
    if entry.lang not in LANGS:
        raise ValueError(f"{where}: lang {entry.lang!r} is not one of {', '.join(LANGS)}")


def encode_postings(numbers: list[int]) -> str:
    """Sorted, distinct numbers → gap-encoded base-32 digits (see the module docstring)."""
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
    """Sorted keys → "k" + suffix items (k in UTF-16 units, as JS slices strings)."""
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


def sentences(text: str) -> list[str]:
    """The text's sentences (and lines), trimmed, for excerpts and same-sentence ranking."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _order(entry: SearchEntry) -> tuple:
    kind = KINDS.index(entry.kind) + (1 if entry.kind == "page" and entry.lang == "en" else 0)
    label = LABELS.index(entry.label) if entry.label in LABELS else len(LABELS)
    return (kind, label, entry.date or "" if entry.kind == "article" else "", entry.url, entry.title)


def _ranges(ordered: list[SearchEntry]) -> dict:
    """Doc-number ranges [lo, hi) of each kind, label, year and of English pages."""
    ranges: dict = {"labels": {}, "years": {}}

    def extend(table: dict, key: str, n: int) -> None:
        lo_hi = table.setdefault(key, [n, n + 1])
        lo_hi[1] = n + 1

    for n, entry in enumerate(ordered):
        extend(ranges, entry.kind, n)
        if entry.kind == "page" and entry.lang == "en":
            extend(ranges, "en", n)
        if entry.kind == "actor" and entry.label:
            extend(ranges["labels"], entry.label, n)
        if entry.kind == "article" and entry.date and entry.date[:4].isdigit():
            extend(ranges["years"], entry.date[:4], n)
    return ranges


def doc_keys(entry: SearchEntry) -> dict[str, int]:
    """Every key of one entry with its flags."""
    out: dict[str, int] = {}
    names = [entry.title, *entry.names]
    title_terms = {t for name in names for t in terms(name)}
    counts = Counter(terms(entry.text))
    for t in title_terms:
        counts[t] += 1
    for term, n in counts.items():
        flags = EXACT | (TITLE if term in title_terms else 0) | (OFTEN if n >= FREQUENT else 0)
        out[term] = out.get(term, 0) | flags
        for stem in stems(term):
            out[stem] = out.get(stem, 0) | (flags & ~EXACT)
    if entry.kind == "actor":
        for term in title_terms - LATIN_ARTICLES:
            for key in name_keys(term):
                out[key] = out.get(key, 0) | TITLE
    return out


def doc_record(entry: SearchEntry) -> dict:
    """The record of one page. A text that starts with the title (most scraped articles) keeps it once:
    ``"h": 1`` says the sentences begin with the title, and the browser puts it back (5% of the records'
    bytes on the 10,000-article corpus)."""
    said = sentences(entry.text)
    head = 1 if said and said[0] == entry.title else None
    record = {"u": entry.url, "t": entry.title, "k": entry.kind, "l": entry.label, "d": entry.date, "s": entry.source,
              "c": list(entry.counts) if entry.counts else None, "n": [n for n in entry.names if n and n != entry.title],
              "h": head, "x": said[1:] if head else said, "lang": entry.lang}
    return {k: v for k, v in record.items() if v not in (None, [])}


def record_name(entry: SearchEntry) -> str:
    """A record's file name, from its url alone: adding or removing one page renumbers the docs after it,
    but leaves every other record file as it was (only the small number → name tables change)."""
    return hashlib.sha1(entry.url.encode("utf-8")).hexdigest()[:12]


def record_path(name: str) -> str:
    return f"search/d/{name[:2]}/{name[2:]}.json"


def table_path(block: int) -> str:
    return f"search/m/{block}.json"


def build_index(
    entries: list[SearchEntry],
    keys_of: Callable[[SearchEntry], dict[str, int]] = doc_keys,
    record_of: Callable[[SearchEntry, str], str | None] = lambda entry, path: dumps(doc_record(entry)),
    encode: Callable[[list[int]], str] = encode_postings,
) -> dict[str, str]:
    """Every index file as ``{docs-relative path: JSON text}``; same entries (in any order) → same files.

    ``keys_of``, ``record_of`` and ``encode`` are the per-doc and per-key steps, for a caller that keeps
    their results across builds (``annotate.render.search_step``); each must return what the default does,
    except that ``record_of(entry, path)`` may return None for a record file the caller keeps as it is
    (left out of the result)."""
    ordered = ordered_entries(entries)
    postings: dict[str, list[int]] = {}
    for number, entry in enumerate(ordered):
        for key, flags in keys_of(entry).items():
            postings.setdefault(key, []).append(number * 8 + flags)
    return index_files(ordered, {key: encode(numbers) for key, numbers in postings.items()}, record_of)


def ordered_entries(entries: list[SearchEntry]) -> list[SearchEntry]:
    """The entries checked (``check_entry``), in the order of their doc numbers."""
    for entry in entries:
        check_entry(entry)
    return sorted(entries, key=_order)


def index_files(
    ordered: list[SearchEntry], encoded: dict[str, str], record_of: Callable[[SearchEntry, str], str | None] = lambda entry, path: dumps(doc_record(entry))
) -> dict[str, str]:
    """The index files of the entries numbered in ``ordered`` order, whose keys' encoded posting lists are
    ``encoded`` (``build_index``: every list made here; ``annotate.render.search_step``: kept across builds)."""
    files: dict[str, str] = {}
    actors, names = [], []
    for number, entry in enumerate(ordered):
        names.append(record_name(entry))
        record = record_of(entry, record_path(names[-1]))
        if record is not None:
            files[record_path(names[-1])] = record
        if entry.kind == "actor":
            actors.append([number, entry.title, [n for n in entry.names if n and n != entry.title]])
    vocabulary = sorted(encoded, key=_js_order)
    firsts, shard_keys, shard_lists, size = [], [], [], 0

    def close() -> None:
        files[f"search/s/{len(firsts) - 1}.json"] = dumps({"keys": front_code(shard_keys), "postings": " ".join(shard_lists)})

    for key in vocabulary:
        if not firsts or size >= SHARD_CHARS:
            if firsts:
                close()
            firsts.append(key)
            shard_keys, shard_lists, size = [], [], 0
        shard_keys.append(key)
        shard_lists.append(encoded[key])
        size += len(encoded[key]) + len(key) + 2
    if firsts:
        close()
    if len(set(names)) != len(names):
        raise ValueError("search entries: two urls share a record name; give each page its own url")
    for block in range(0, len(names), DOCS_PER_TABLE):
        files[table_path(block // DOCS_PER_TABLE)] = dumps(names[block : block + DOCS_PER_TABLE])
    meta = {"version": VERSION, "count": len(ordered), "shards": front_code(firsts), "ranges": _ranges(ordered)}
    files[INDEX_PATH] = dumps(meta)
    files["search/actors.json"] = dumps(actors)
    return dict(sorted(files.items()))


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_search_index(entries: list[SearchEntry], docs_dir: Path | DocsFolder) -> list[str]:
    """Write the index files under ``docs_dir``; return the docs-relative paths written."""
    from annotate.render.docs_folder import DocsFolder

    folder = DocsFolder.of(docs_dir)
    files = build_index(entries)
    for path, text in files.items():
        folder.write(path, text)
    return list(files)
