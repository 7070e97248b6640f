"""The search index, written after the data files, with its per-doc and per-key work kept across builds.

``annotate.search`` turns every page into keys and a record and every key's postings into a line of a
shard. At 10,000 articles that was seconds per rebuild for pages that had not changed. Here the same
functions run behind a ``Memo``: a doc's keys and record are looked up by a digest of its entry, a key's
encoded postings by a digest of its postings; only new ones are computed. Same entries, same files.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from dataclasses import fields as fields_of

from annotate.render.docs_folder import DocsFolder
from annotate.render.memo import Memo
from annotate.search import entries_from_data
from annotate.search.index import SearchEntry, build_index, doc_keys, doc_record, dumps, encode_postings


def entry_key(entry: SearchEntry) -> bytes:
    """Everything an entry's keys and record are made of: its fields, the text by its digest (``astuple``
    and a JSON dump of 10,000 articles' texts cost seconds a rebuild)."""
    text = hashlib.sha256(entry.text.encode("utf-8")).hexdigest()
    fields = [getattr(entry, f.name) if f.name != "text" else text for f in fields_of(SearchEntry)]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).digest()


def postings_key(numbers: list[int]) -> bytes:
    return hashlib.sha256(array("q", numbers).tobytes()).digest()


def packed_keys(entry: SearchEntry) -> tuple[tuple[str, ...], bytes]:
    """``doc_keys`` as (keys, one flags byte each): interned keys are stored once in the memo's file and
    shared in memory (a dict per doc made the memo of 10,000 articles hundreds of MB)."""
    keys = doc_keys(entry)
    return tuple(sys.intern(k) for k in keys), bytes(keys.values())


def unpacked_keys(packed: tuple[tuple[str, ...], bytes]) -> dict[str, int]:
    return dict(zip(packed[0], packed[1]))


def write_search_index(folder: DocsFolder, memo: Memo) -> list[str]:
    """Build the index from the data files in ``folder`` and write it there; return the paths written."""
    entries = entries_from_data(folder.path)
    keys = {id(entry): entry_key(entry) for entry in entries}  # each entry's text hashed once
    packed = memo.wrap("search-keys", packed_keys, lambda entry: keys[id(entry)])
    kept: list[str] = []

    def record_of(entry: SearchEntry, path: str) -> str | None:
        """None when the record file the last build wrote was made from the same entry (``DocsFolder.reuse``):
        10,000 records are neither made nor hashed again, nor kept in the memo."""
        inputs = keys[id(entry)].hex()
        if folder.reuse(path, inputs):
            kept.append(path)
            return None
        folder.inputs[path] = inputs
        return dumps(doc_record(entry))

    files = build_index(entries, keys_of=lambda entry: unpacked_keys(packed(entry)), record_of=record_of,
                        encode=memo.wrap("search-postings", encode_postings, postings_key))
    for path, text in files.items():
        folder.write(path, text)
    return sorted([*files, *kept])
