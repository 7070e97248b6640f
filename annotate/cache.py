"""Annotation cache: one JSON file per article, keyed by its content and the tagger's version.

The key covers everything annotations depend on: the article text, body spans and date (relative dates
resolve against it), the model file and the source of the tagging code. A cache written by another
version simply has another key, so it is never trusted; unreadable entries are ignored and rewritten.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from functools import lru_cache
from pathlib import Path

from annotate.cache_pack import Pack
from annotate.digest import digest, files_digest, json_digest, listing_digest
from annotate.models import LABELS, Annotation, Article, DateMention, Mention, Sentence, date_record, entity_record
from annotate.tokenize import sentences_in

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent
TAGGING_CODE = ("arabic.py", "tokenize.py", "tag.py", "ner/tagger.py", "ner/data.py", "dates")
INGEST_CODE = ("arabic.py", "ingest.py", "pubdate.py", "markup_text.py", "page_address.py", "models.py", "dates")


def code_digest(names: tuple[str, ...], extra: str = "") -> str:
    """Digest of some of the package's source files (and ``extra``): a cache key part per code version."""
    files = [file for name in names for file in (sorted((PACKAGE / name).rglob("*.py")) if (PACKAGE / name).is_dir() else [PACKAGE / name])]
    return files_digest(files, extra)[:16]


@lru_cache(maxsize=4)
def tagger_version(model_version: str) -> str:
    """Digest of the tagging code plus the model's version string."""
    return code_digest(TAGGING_CODE, model_version)


def article_key(article: Article, version: str) -> str:
    return json_digest([version, article.text, article.date, article.body])


class AnnotationCache:
    """Mentions and dates per article key, one JSON file each, read through a pack of them all with the
    articles' sentence spans (``annotate.cache_pack``): a hit costs neither a file read nor the tokenizer."""

    def __init__(self, folder: Path):
        self.folder = folder / "annotations"
        self._prefix = os.path.join(str(self.folder), "")  # entry paths as strings: pathlib cost 0.6 s at 10,000
        self._pack: Pack | None = None

    @property
    def pack(self) -> Pack:
        if self._pack is None:
            self._pack = Pack(self.folder)
        return self._pack

    def _path(self, key: str) -> Path:
        return Path(self._file(key))

    def _file(self, key: str) -> str:
        return f"{self._prefix}{key[:2]}{os.sep}{key}.json"

    def annotation(self, key: str, article: Article) -> Annotation | None:
        """The cached annotation of ``article`` (its sentences' tokens made when read), or None."""
        record = self.pack.get(key, self._file(key))
        if record is not None:
            try:
                _check_packed(record, article.text)
                mentions = [Mention(s, e, t, label) for s, e, t, label in record[2]]
                dates = [DateMention(s, e, t, v, k) for s, e, t, v, k in record[3]]
                sentences = _sentences(record[4], article.text)
                return Annotation(article.id, sentences, mentions, dates)
            except (ValueError, TypeError) as error:
                log.warning("%s: unusable packed entry ignored, its file is read (%s)", self.pack.path, error)
        hit = self.get(key, article.text)
        if hit is None:
            return None
        sentences = list(sentences_in(article.text, article.body or [(0, len(article.text))]))
        self._pack_entry(key, self._path(key), hit[0], hit[1], sentences)
        return Annotation(article.id, sentences, *hit)

    def get(self, key: str, text: str | None = None) -> tuple[list[Mention], list[DateMention]] | None:
        """The entry file for ``key``, or None. An entry that does not fit (unknown label, offsets outside
        ``text`` or not on its words, damaged JSON) is ignored, so the article is tagged again and the entry
        rewritten: a bad cache file never stops a build."""
        path = self._path(key)
        if not path.exists():
            return None
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            mentions = [Mention(**m) for m in raw["entities"]]
            dates = [DateMention(**d) for d in raw["dates"]]
            _check_entry(mentions, dates, text)
            return mentions, dates
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            log.warning("%s: unusable cache entry ignored, the article is tagged again (%s)", path, error)
            return None

    def put(self, key: str, annotation: Annotation) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {
            "entities": [entity_record(m) for m in annotation.mentions],
            "dates": [date_record(d) for d in annotation.dates],
        }
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        self._pack_entry(key, path, annotation.mentions, annotation.dates, annotation.sentences)

    def _pack_entry(self, key: str, path: Path, mentions: list[Mention], dates: list[DateMention], sentences: list[Sentence]) -> None:
        self.pack.put(
            key, path,
            tuple((m.start, m.end, m.text, m.label) for m in mentions),
            tuple((d.start, d.end, d.text, d.value, d.known) for d in dates),
            tuple(n for s in sentences for n in (s.start, s.end)),
        )

    def save(self) -> None:
        """Write the pack's new entries (the entry files are written as they come)."""
        if self._pack is not None:
            self._pack.save()


def _check_packed(record: tuple, text: str) -> None:
    """What ``_check_entry`` checks, for a packed record (its frame's checksum matched): every span is on
    its words of ``text``, every label known. Offsets of another type fail the slicing."""
    for start, end, words, label in record[2]:
        if text[start:end] != words or label not in LABELS:
            raise ValueError(f"entity {start}-{end} does not match the article's text or has an unknown label")
    for start, end, words, *_ in record[3]:
        if text[start:end] != words:
            raise ValueError(f"date {start}-{end} does not match the article's text")


def _sentences(spans: tuple, text: str) -> list[Sentence]:
    """Lazy sentences from packed spans, checked to lie in ``text`` in order."""
    if len(spans) % 2:
        raise ValueError("bad sentence spans")
    out, last = [], 0
    for at in range(0, len(spans), 2):
        start, end = spans[at], spans[at + 1]
        if not last <= start <= end <= len(text):
            raise ValueError(f"sentence {start}-{end} out of order or outside the text")
        out.append(Sentence(start, end, text=text))
        last = end
    return out


def _check_entry(mentions: list[Mention], dates: list[DateMention], text: str | None) -> None:
    for span in [*mentions, *dates]:
        if not (isinstance(span.start, int) and isinstance(span.end, int) and isinstance(span.text, str)):
            raise ValueError(f"bad span {span!r}")
        if text is not None and text[span.start : span.end] != span.text:
            raise ValueError(f"span {span.start}-{span.end} does not match the article's text")
    for mention in mentions:
        if mention.label not in LABELS:
            raise ValueError(f"unknown label {mention.label!r}")


class IngestCache:
    """Parsed articles keyed by their file's bytes and path and the ingest code's version.

    Reading an article (headline, publication date, outlet, furniture) is cheap once but runs for every
    file on every build; with this, a rebuild parses only the files that changed. One JSON file holds the
    whole corpus; entries of files no longer read are dropped when it is saved.
    """

    def __init__(self, folder: Path):
        self.path = folder / "ingest.json"
        self.version = code_digest(INGEST_CODE)
        self.used: dict[str, dict] = {}
        try:
            self.known: dict[str, dict] = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(self.known, dict):
                self.known = {}
        except (OSError, ValueError):
            self.known = {}

    def key(self, relative_path: str, raw: bytes) -> str:
        return digest(self.version.encode(), relative_path.encode(), raw)

    def get(self, key: str) -> Article | None:
        record = self.known.get(key)
        if record is None:
            return None
        try:
            article = Article(**record)
            if not isinstance(article.text, str) or not isinstance(article.id, str):
                return None
            article.body = [tuple(span) for span in article.body]
            article.furniture = [tuple(span) for span in article.furniture]
        except (TypeError, ValueError):
            return None  # a damaged entry: the file is parsed again
        self.used[key] = record
        return article

    def put(self, key: str, article: Article) -> None:
        self.used[key] = dataclasses.asdict(article)

    def save(self) -> None:
        if self.used == self.known:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.used, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)


class CorpusListing:
    """The corpus' article files with their sizes and modification times, against the last build's.

    A change is the hint that articles need tagging, before they are read: the build then starts loading
    the model at once (``annotate.parallel.WarmTagger``). A wrong hint costs a worker's CPU, never a result.
    """

    def __init__(self, corpus: Path, folder: Path):
        from annotate.errors import InputError
        from annotate.ingest import corpus_entries

        self.path = folder / "corpus-listing.txt"
        self.outside: list[str] = []  # what the listing skipped, for ingest to report
        try:
            self.entries: list[tuple[Path, str]] | None = corpus_entries(corpus, outside=self.outside)
        except (OSError, InputError):
            self.entries = None  # ingest lists the folder again and reports what is wrong with it
        self.digest = listing_digest(corpus, [path for path, _ in self.entries or []])
        try:
            self.changed = self.path.read_text(encoding="utf-8") != self.digest
        except (OSError, ValueError):  # absent, or damaged (not UTF-8): a hint only, rewritten below
            self.changed = True

    def save(self) -> None:
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(self.digest, encoding="utf-8")
