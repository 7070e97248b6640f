"""The last build's map results, kept in the cache folder so that a rebuild maps only what changed.

For every article: its key (text, body, the model's mentions, the resolving code), its vocabulary share,
first pass and propagated names (``mapreduce``), each as the pickled result it was when it was made (later
steps change candidates in place). A result is a function of the article and of the global facts it used,
so it is kept while those facts hold:

* the vocabulary answers (``prefer_stem``) a first pass or a propagation asked: every distinct question
  of the corpus is asked again of the new vocabulary (tens of thousands of dictionary lookups), and only the
  articles that asked a question whose answer flipped are mapped again;
* the name index and the first names propagation looked in: the keys that came, went or changed label
  since the last build are compared, and their first words looked up in an index from folded words to the
  articles that contain them (``mapreduce.lookup_words``). A newly seen name costs the articles that
  contain its first word, not the corpus.

The vocabulary itself is reduced incrementally: the last total, less the shares of the articles that
changed or left, plus the new shares. The recognizing chain's results (``chain_memo``) and the last
per-article steps (``finish``) are kept the same way; the label votes and the name index are reduced from
each article's kinds (``mapreduce.kinds_of``), so an article whose results all hold is never read back but
for its final candidates.

The index (this pickle) holds the small things: keys, kinds, digests, the word → articles indexes; the
per-article results are in an append-only file beside it (``blobs``), read only for the articles mapped
again and appended to only with what this build made. Same inputs give the same resolution with or
without this memo (tested); a memo written by other code, unreadable or with damaged results, is ignored.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import marshal
import pickle
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotate.cache import PACKAGE
from annotate.digest import files_digest
from annotate.models import Annotation, Article
from annotate.resolve.blobs import BlobFile, DamagedMemo, Stored, digest_of, remove_older, store
from annotate.resolve.chain_memo import ChainState
from annotate.resolve.finish import Tail, TailState, propagated_keys
from annotate.resolve.mapreduce import FirstPass, Found, Known, Query, Share, lookup_words, shares_total
from annotate.resolve.postings import Postings
from annotate.resolve.spans import ArticleView, Vocabulary

log = logging.getLogger(__name__)

FILE = "resolve-memo.pickle"


def code_version() -> str:
    """The resolving code and its data files (lexicon, short forms), and what they are read with."""
    import babel

    files = sorted(p for p in (PACKAGE / "resolve").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += [PACKAGE / name for name in ("arabic.py", "tokenize.py", "models.py")]
    return files_digest(files, babel.__version__)[:16]


def article_key(article: Article, annotation: Annotation) -> str:
    """What an article's map results are a function of (marshal: twice as fast as JSON over 10,000 articles)."""
    mentions = tuple((m.start, m.end, m.label, m.source) for m in annotation.mentions)
    sentences = tuple((s.start, s.end) for s in annotation.sentences)  # tokens: a function of text and span
    body = tuple(tuple(span) for span in article.body) if article.body else None
    return hashlib.blake2b(marshal.dumps((article.id, article.text, body, mentions, sentences)), digest_size=16).hexdigest()


@dataclass
class _Stored:
    key: str
    share: Stored = b""
    first: Stored = b""
    found: Stored = b""
    words: Stored = b""
    propagated: dict = field(default_factory=dict)  # keys of ``found`` that propagation found, counted


@dataclass
class _State:
    version: str
    articles: dict[str, _Stored] = field(default_factory=dict)
    total: Share = field(default_factory=lambda: Share(Counter(), Counter()))
    answers: dict[Query, bool] = field(default_factory=dict)  # every question asked, with its answer now
    first_users: Postings = field(default_factory=Postings)  # question → articles that asked it
    found_users: Postings = field(default_factory=Postings)
    word_users: Postings = field(default_factory=Postings)  # folded word → articles that contain it
    index_names: dict = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    chain: ChainState = field(default_factory=ChainState)
    finish: TailState = field(default_factory=TailState)
    generation: int = 0  # of the blob file (``blobs``) the results are in
    blob_size: int = 0  # its size when this index was written: a shorter file is not the one it names


class ResolveMemo:
    """Map results of the last build (``FILE`` in the cache folder); ``resolve`` reads and updates it,
    ``save`` writes it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE
        self.version = code_version()
        self.old = self._load()
        self.blobs = BlobFile(folder, self.old.generation)
        if self.blobs.size() < self.old.blob_size:
            log.warning("%s: the resolve memo's results are missing or cut short, every article is resolved again", self.blobs.path)
            self.old = _State(self.version, generation=self.old.generation + 1)
            self.blobs = BlobFile(folder, self.old.generation)
        self.read = self.blobs.read
        self.forget(keep_old=True)

    def forget(self, keep_old: bool = False) -> None:
        """Start again as if nothing were kept (``DamagedMemo``: a stored result is not what the index says)."""
        if not keep_old:
            self.old = _State(self.version, generation=self.old.generation + 1)  # a new file: the damaged one is left
            self.blobs.close()
            self.blobs = BlobFile(self.path.parent, self.old.generation)
            self.read = self.blobs.read
        self.new = _State(self.version)
        self.ahead_keys: dict[str, tuple[Article, Annotation, str]] = {}  # ``read_ahead``
        self.ahead_results: dict[str, tuple[Stored, tuple]] = {}
        self.vocab: Vocabulary | None = None
        self.first_loaded: set[str] = set()
        self.found_loaded: set[str] = set()
        self.chain_mapped: set[str] = set()
        self.finished: set[str] = set()  # articles whose last steps (``finish``) ran this build
        self.index_changed = True  # articles that went through the recognizing chain this build
        self.same: set[str] = set()
        self.flips: set[Query] | None = None
        self.changed = False

    def _load(self) -> _State:
        collecting = gc.isenabled()
        gc.disable()  # millions of objects, no cycles: the collector's passes would double the load
        try:
            with self.path.open("rb") as f:
                state = pickle.load(f)
            if isinstance(state, _State) and state.version == self.version:
                return state
        except Exception as error:  # noqa: BLE001 - a damaged memo of any kind only costs a full resolve
            if self.path.exists():
                log.warning("%s: unusable resolve memo ignored, every article is resolved again (%s)", self.path, error)
        finally:
            if collecting:
                gc.enable()
        return _State(self.version)

    def holds_results(self) -> bool:
        """Does the memo hold the last build's results (so a first pass made ahead would be made twice)?"""
        return bool(self.old.articles)

    def read_ahead(self, docs: list[tuple[Article, Annotation]]) -> None:
        """While a worker tags the articles that changed, this process would wait: make the other articles'
        keys, and read back the last steps' results of those whose key is the last build's (``begin`` and
        ``tail_result`` use them for the same objects and the same stored result, and only then). A
        damaged results file is left for ``resolve`` to find."""
        collecting = gc.isenabled()
        gc.disable()  # as in ``_load``
        try:
            tails = self.old.finish.tails
            for article, annotation in docs:
                key = article_key(article, annotation)
                self.ahead_keys[article.id] = (article, annotation, key)
                stored, tail = self.old.articles.get(article.id), tails.get(article.id)
                if stored is not None and stored.key == key and tail is not None:
                    self.ahead_results[article.id] = (tail.result, pickle.loads(self.read(tail.result)))
        except DamagedMemo:
            self.ahead_results.clear()
        finally:
            if collecting:
                gc.enable()

    def tail_result(self, aid: str, tail: Tail) -> tuple:
        """An article's kept last steps (candidates, chain links, cue links): fresh objects, read once."""
        ahead = self.ahead_results.pop(aid, None)
        if ahead is not None and ahead[0] == tail.result:
            return ahead[1]
        return pickle.loads(self.read(tail.result))

    def begin(self, docs: list[tuple[Article, Annotation]]) -> None:
        """Note which articles are as the last build saw them."""
        ahead = self.ahead_keys
        keys = {a.id: made[2] if (made := ahead.get(a.id)) is not None and made[0] is a and made[1] is ann else article_key(a, ann) for a, ann in docs}
        self.ahead_keys = {}
        self.same = {aid for aid, key in keys.items() if (s := self.old.articles.get(aid)) is not None and s.key == key}
        self.new.articles = {aid: dataclasses.replace(self.old.articles[aid]) if aid in self.same else _Stored(key) for aid, key in keys.items()}
        self.changed = self.same != set(self.old.articles) or len(self.same) != len(keys)

    def kept_shares(self) -> set[str]:
        return set(self.same)

    def total(self, shares: dict[str, Share]) -> Share:
        """Reduce: the last total, less the shares of articles that changed or left, plus ``shares`` (theirs now)."""
        for aid, share in shares.items():
            self.new.articles[aid].share = pickle.dumps(share)
        if not self.old.articles:
            total = shares_total([shares[aid] for aid in sorted(shares)])
        else:
            total = Share(self.old.total.words.copy(), self.old.total.names.copy())
            for aid, stored in self.old.articles.items():
                if aid not in self.same:
                    gone: Share = pickle.loads(self.read(stored.share))
                    total.words.subtract(gone.words)
                    total.names.subtract(gone.names)
            for share in shares.values():
                total.words.update(share.words)
                total.names.update(share.names)
            total = Share(+total.words, +total.names)
        self.new.total = total
        return total

    def flipped(self, users: Postings, vocab: Vocabulary) -> set[str]:
        """Articles that asked one of the last build's vocabulary questions whose answer is another now."""
        if self.flips is None:
            self.vocab = vocab
            self.flips = {q for q, answer in self.old.answers.items() if vocab.prefer_stem(*q) != answer}
        return users.holders(self.flips)

    def kept_first(self, vocab: Vocabulary) -> set[str]:
        """Articles whose first pass of the last build still holds (``first_pass`` reads it)."""
        self.first_loaded = self.same - self.flipped(self.old.first_users, vocab)
        return set(self.first_loaded)

    def first_pass(self, aid: str) -> FirstPass:
        """The last build's first pass of an article (fresh objects: later steps change them)."""
        return pickle.loads(self.read(self.old.articles[aid].first))

    def keep_first_passes(self, passes: dict[str, FirstPass]) -> None:
        """Record the first passes made this build, as they are now (before later steps change them)."""
        for aid, done in passes.items():
            if aid not in self.first_loaded:
                self.new.articles[aid].first = pickle.dumps(done)

    def kept_found(self, vocab: Vocabulary, known: Known) -> set[str]:
        """Articles whose last build's propagated names still hold: no answer they used flipped, and no name
        that starts with one of the article's words came, went or changed since."""
        self.found_loaded = self.same - self.flipped(self.old.found_users, vocab) - self._touched(known)
        return set(self.found_loaded)

    def found_of(self, aid: str) -> Found:
        """The last build's propagated names of an article it keeps (fresh objects: later steps change them)."""
        return pickle.loads(self.read(self.old.articles[aid].found))

    def propagated(self, aid: str) -> Counter:
        return self.new.articles[aid].propagated

    def article_key(self, aid: str) -> str:
        return self.new.articles[aid].key

    def found_digest(self, aid: str) -> bytes:
        return digest_of(self.new.articles[aid].found)

    def chain_digest(self, aid: str) -> bytes:
        return digest_of(self.new.chain.results[aid])

    def tails(self, registry_keys: frozenset) -> dict[str, Tail]:
        """The last build's last steps per article (none when the registry's keys changed: every article reads them)."""
        return self.old.finish.tails if self.old.finish.registry_keys == registry_keys else {}

    def keep_tails(self, tails: dict[str, Tail], fresh: set[str], registry_keys: frozenset) -> None:
        self.new.finish = TailState(tails, registry_keys)
        self.ahead_results = {}  # those of articles whose last steps ran again
        self.finished = set(fresh)
        self.changed = self.changed or bool(fresh) or tails.keys() != self.old.finish.tails.keys()

    def _touched(self, known: Known) -> set[str]:
        old, new = self.old.index_names, known.index.names
        changed = {k for k, entry in new.items() if old.get(k) != entry} | (old.keys() - new.keys())
        self.index_changed = bool(changed) or self.old.first_names != known.first_names
        words = {k[0] for k in changed} | (self.old.first_names ^ known.first_names)
        return self.old.word_users.holders(words)

    def keep_found(self, found: dict[str, Found], views: dict[str, ArticleView], known: Known) -> None:
        """Record the propagations made this build, and the facts they used; update the indexes (the last
        build's, less the articles mapped again or gone, plus what those articles use now)."""
        # An article as the last build saw it has the same words (a function of its text and sentences):
        # only its propagation ran again (a new name one of its words starts), so its words stay, in the
        # word index too; thousands of such articles follow one new name.
        words_kept = {aid for aid in self.same if self.new.articles[aid].words}
        for aid, result in found.items():
            if aid not in self.found_loaded:
                self.new.articles[aid].found = pickle.dumps(result)
                self.new.articles[aid].propagated = propagated_keys(result.candidates)
                if aid not in words_kept:
                    self.new.articles[aid].words = pickle.dumps(lookup_words(views[aid]))
        self.new.index_names, self.new.first_names = known.index.names, known.first_names
        first_users, found_users, word_users = self.old.first_users, self.old.found_users, self.old.word_users
        for aid, stored in self.old.articles.items():
            redo_first = aid not in self.same or aid not in self.first_loaded
            redo_found = aid not in self.same or aid not in self.found_loaded
            if redo_first:
                first_users.discard(pickle.loads(self.read(stored.first)).answers, aid)
            if redo_found:
                found_users.discard(pickle.loads(self.read(stored.found)).answers, aid)
            if redo_found and aid not in words_kept:
                word_users.discard(pickle.loads(self.read(stored.words)), aid)
        for aid, stored in self.new.articles.items():
            if aid not in self.first_loaded:
                first_users.add(pickle.loads(self.read(stored.first)).answers, aid)
                self.changed = True
            if aid not in self.found_loaded:
                found_users.add(found[aid].answers, aid)  # the result itself, not its pickle read back
                if aid not in words_kept:
                    word_users.add(pickle.loads(self.read(stored.words)), aid)
                self.changed = True
        self.new.first_users, self.new.found_users, self.new.word_users = first_users, found_users, word_users
        self.changed = self.changed or self.index_changed

    def _values(self) -> list[tuple[object, str, Stored]]:
        """Every per-article result of the new index, as ``blobs.store`` takes them: bytes made this build, or
        blobs in the file."""
        values = [(stored, name, getattr(stored, name)) for stored in self.new.articles.values() for name in ("share", "first", "found", "words")]
        chain = self.new.chain
        values += [(chain.results, aid, v) for aid, v in chain.results.items()] + [(chain.aux, aid, v) for aid, v in chain.aux.items()]
        values += [(tail, "result", tail.result) for tail in self.new.finish.tails.values()]
        return values

    def spill(self) -> None:
        """Append the results made so far to the blob file, so that their pickles do not wait in memory for
        ``save`` (a first build's resolve at 10,000 articles held about 170 MB of them at its peak). Appends
        only: the last build's index stays valid if this build stops before ``save``."""
        made = [value for value in self._values() if isinstance(value[2], bytes)]
        if made:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.blobs = store(self.blobs, made, compact=False)

    def save(self) -> None:
        """Write the memo when anything changed, with every question's answer under this build's vocabulary."""
        if not self.changed or self.vocab is None:
            return
        collecting = gc.isenabled()
        gc.disable()  # as in ``_load``
        try:
            self._save()
        finally:
            if collecting:
                gc.enable()

    def _save(self) -> None:
        _share_keys(self.new)
        questions = self.new.first_users.keys() | self.new.found_users.keys() | self.new.chain.query_users.keys()
        self.new.answers = {q: self.vocab.prefer_stem(*q) for q in sorted(questions)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.blobs = store(self.blobs, self._values())
        self.new.generation, self.new.blob_size = self.blobs.generation, self.blobs.size()
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as f:
            pickle.dump(self.new, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)
        self.blobs.close()
        remove_older(self.path.parent, self.new.generation)


def _share_keys(state: _State) -> None:
    """One object for each distinct key of the per-article dicts (kinds, propagated keys, label winners):
    pickle writes a shared object once, and the index reads back in a fraction of the time."""
    pool: dict = {}
    chain = state.chain
    for aid, kinds in chain.kinds.items():
        chain.kinds[aid] = {pool.setdefault(k, k): n for k, n in kinds.items()}
    for stored in state.articles.values():
        stored.propagated = {pool.setdefault(k, k): n for k, n in stored.propagated.items()}
    for tail in state.finish.tails.values():
        tail.winners = {pool.setdefault(k, k): w for k, w in tail.winners.items()}
        tail.votes = [(pool.setdefault(k, k), label) for k, label in tail.votes]

