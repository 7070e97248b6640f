"""Arabic search for the static site: a build-time inverted index and its browser counterpart.

``write_search_index(entries, docs_dir)`` writes the sharded index under ``search/`` (``meta.json``, key
shards, one record per page: see ``annotate.search.index``); ``docs/assets/search*.js`` read what a query
needs and normalize queries exactly as ``annotate.search.normalize`` normalizes the index (parity-tested).
"""

from annotate.search.entries import entries_from_data
from annotate.search.index import INDEX_PATH, SearchEntry, build_index, write_search_index
from annotate.search.normalize import query_variants, stems, terms

__all__ = ["INDEX_PATH", "SearchEntry", "build_index", "entries_from_data", "query_variants", "stems", "terms", "write_search_index"]
