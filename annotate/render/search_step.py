"""The search index, written after the data files, patched across builds where its docs kept their numbers.

``annotate.search`` turns every page into keys and a record and every key's postings into a line of a
shard. At 10,000 articles rebuilding every posting list cost seconds on a rebuild that changed one article.
Here the last build's index is kept in the work folder (``IndexState``): each doc's url, entry digest and
keys (with their flags), and each key's encoded posting list. When this build numbers the same urls in
the same order (an article edited, not added, removed or moved in time), only the postings of the keys a
changed doc gained, lost or flags differently are decoded, patched and encoded again; every other line of
every shard is the last build's. Otherwise the lists are made again from each doc's keys (kept ones
reused by entry digest). Either way ``index_files`` writes the files from the same (docs, encoded lists),
so a patched index is byte-identical to one built from scratch (``tests/test_rebuild.py``).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import pickle
import sys
from array import array
from dataclasses import dataclass, field
from dataclasses import fields as fields_of
from pathlib import Path

from annotate.memory import records_kept
from annotate.render.docs_folder import DocsFolder
from annotate.render.memo import Memo
from annotate.search import entries_from_data
from annotate.search.index import SearchEntry, decode_postings, doc_keys, doc_record, dumps, encode_postings, index_files, ordered_entries

log = logging.getLogger(__name__)

Packed = tuple[tuple[str, ...], bytes]  # a doc's keys, and one flags byte each


def entry_key(entry: SearchEntry) -> bytes:
    """Everything an entry's keys and record are made of: its fields, the text by its digest (``astuple``
    and a JSON dump of 10,000 articles' texts cost seconds a rebuild)."""
    text = hashlib.sha256(entry.text.encode("utf-8")).hexdigest()
    fields = [getattr(entry, f.name) if f.name != "text" else text for f in fields_of(SearchEntry)]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).digest()


def postings_key(numbers: list[int]) -> bytes:
    return hashlib.sha256(array("q", numbers).tobytes()).digest()


def packed_keys(entry: SearchEntry) -> Packed:
    """``doc_keys`` as (keys, one flags byte each): interned keys are stored once in the state's file and
    shared in memory (a dict per doc made 10,000 articles' keys hundreds of MB)."""
    keys = doc_keys(entry)
    return tuple(sys.intern(k) for k in keys), bytes(keys.values())


@dataclass
class IndexState:
    """The last build's index: docs in number order (url, entry digest, packed keys), encoded lists by key."""

    version: str = ""
    urls: list[str] = field(default_factory=list)
    entry_keys: list[bytes] = field(default_factory=list)
    packed: list[Packed] = field(default_factory=list)
    encoded: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None, version: str) -> IndexState:
        """The state kept at ``path`` by the same code, else an empty one (a damaged file is ignored)."""
        if path is None or not path.exists():
            return cls(version)
        try:
            with records_kept(), path.open("rb") as file:
                state = pickle.load(file)
            if isinstance(state, cls) and state.version == version and len(state.urls) == len(state.entry_keys) == len(state.packed):
                return state
        except Exception as error:  # noqa: BLE001 - a damaged cache file is never fatal
            log.warning("%s: unusable search index state ignored (%s)", path, error)
        return cls(version)

    def save(self, path: Path | None) -> None:
        if path is None:
            return
        temporary = path.with_name(path.name + ".tmp")
        with temporary.open("wb") as file:
            pickle.dump(self, file, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)


def state_file(memo: Memo) -> Path | None:
    return memo.path.with_name("search-index-state.pkl") if memo.path is not None else None


def article_entries(data) -> list[SearchEntry]:
    """The articles' entries, from the records the build holds: what ``entries_from_data`` reads back from
    ``annotations.jsonl`` (parsing 10,000 lines of it was a second of every rebuild)."""
    from annotate.render import urls

    return [SearchEntry(urls.url_of(urls.article_file(a.id)), a.title or a.id, a.text or "", "article", date=a.date, source=a.source)
            for a in sorted(data.articles, key=lambda a: a.id)]


def write_search_index(folder: DocsFolder, memo: Memo, data=None) -> list[str]:
    """Build the index from the data files in ``folder`` (the articles from ``data``, a ``SiteData``, when
    given) and write it there; return the paths written."""
    entries = entries_from_data(folder.path, articles=article_entries(data) if data is not None else None)
    ordered = ordered_entries(entries)
    digests = [entry_key(entry) for entry in ordered]
    path = state_file(memo)
    last = IndexState.load(path, memo.version)
    kept = dict(zip(last.entry_keys, last.packed))
    packed = [kept.get(k) or packed_keys(entry) for k, entry in zip(digests, ordered)]
    urls = [entry.url for entry in ordered]
    if last.urls and urls == last.urls:
        encoded = patched(last, packed, [n for n, k in enumerate(digests) if k != last.entry_keys[n]])
    else:
        encode = memo.wrap("search-postings", encode_postings, postings_key)
        postings: dict[str, list[int]] = {}
        for number, (keys, flags) in enumerate(packed):
            for key, flag in zip(keys, flags):
                postings.setdefault(key, []).append(number * 8 + flag)
        encoded = {key: encode(numbers) for key, numbers in postings.items()}
    reused: list[str] = []

    def record_of(entry: SearchEntry, record: str) -> str | None:
        """None when the record file the last build wrote was made from the same entry (``DocsFolder.reuse``):
        10,000 records are neither made nor hashed again."""
        inputs = digest_of[id(entry)].hex()
        if folder.reuse(record, inputs):
            reused.append(record)
            return None
        folder.inputs[record] = inputs
        return dumps(doc_record(entry))

    digest_of = {id(entry): k for entry, k in zip(ordered, digests)}
    files = index_files(ordered, encoded, record_of)
    for name, text in files.items():
        folder.write(name, text)
    IndexState(memo.version, urls, digests, packed, encoded).save(path)
    return sorted([*files, *reused])


def patched(last: IndexState, packed: list[Packed], changed: list[int]) -> dict[str, str]:
    """The last build's encoded lists with the postings of the ``changed`` docs (same numbers) replaced:
    only the keys whose posting of a changed doc came, went or changed flags are decoded again."""
    encoded = dict(last.encoded)
    touched: dict[str, list[int]] = {}
    for number in changed:
        before = dict(zip(*last.packed[number]))
        after = dict(zip(*packed[number]))
        for key in before.keys() | after.keys():
            if before.get(key) == after.get(key):
                continue
            numbers = touched.get(key)
            if numbers is None:
                numbers = touched[key] = decode_postings(encoded[key]) if key in encoded else []
            at = bisect.bisect_left(numbers, number * 8)
            if at < len(numbers) and numbers[at] // 8 == number:
                del numbers[at]
            if key in after:
                numbers.insert(at, number * 8 + after[key])
    for key, numbers in touched.items():
        if numbers:
            encoded[key] = encode_postings(numbers)
        else:
            encoded.pop(key, None)
    return encoded
