"""The recognizing chain (``recognize.corpus``) of a rebuild: the last build's result per article, kept while
every fact it read holds; the articles that changed, and those that read a fact that changed, go through
the chain again.

An article's chain result is a function of its first pass, the vocabulary answers it asked and the facts it
looked up. Each reduce step's total is the last build's, less the shares of the articles mapped again or
gone, plus their new shares; the facts it gives are compared with the last build's, and the words of every
key that came or went are looked up in an index from words to the articles that looked them up (noted by
``recognize.corpus.Watched``). Those articles join the chain at that step (their earlier steps are done
again too, with the same facts). What a step reads whole (the lengths of known names) sends every article
through again when it changes.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from annotate.resolve.blobs import Stored
from annotate.resolve.mapreduce import FirstPass, Recording, kinds_of
from annotate.resolve.postings import Postings
from annotate.resolve.recognize.corpus import STEPS, Facts, run_step, static_facts
from annotate.resolve.spans import ArticleView, Candidate

WHOLE = ("known lengths", "registry lengths")  # facts every article reads whole


@dataclass
class ChainState:
    results: dict[str, Stored] = field(default_factory=dict)  # pickled (candidates, links), as the chain left them
    aux: dict[str, Stored] = field(default_factory=dict)  # pickled (shares per reduce step, words looked up, answers)
    totals: list[Counter] = field(default_factory=list)
    facts: Facts = field(default_factory=dict)
    word_users: Postings = field(default_factory=Postings)  # folded word → articles that looked it up
    query_users: Postings = field(default_factory=Postings)  # vocabulary question → articles that asked it
    kinds: dict[str, dict] = field(default_factory=dict)  # ``mapreduce.kinds_of`` each result


@dataclass
class _Run:
    """One article going through the chain this build."""

    candidates: list[Candidate]
    links: list
    words: set[str] = field(default_factory=set)
    shares: list[Counter] = field(default_factory=list)
    recording: Recording = field(default_factory=lambda: Recording(None))


class Results(dict):
    """(candidates, cue links) per article after the chain; a kept article's read from the memo on first use
    (a rebuild that keeps its later results too never reads it)."""

    def __init__(self, kept: dict, read: Callable[[object], bytes]) -> None:
        super().__init__()
        self.kept, self.read = kept, read

    def __missing__(self, aid: str) -> tuple[list[Candidate], list]:
        result = self[aid] = pickle.loads(self.read(self.kept[aid]))
        return result

    def pop(self, aid: str, *default):
        """An article's result, forgotten here: the merge step reads each once (peak memory)."""
        if aid in self or aid not in self.kept:
            return super().pop(aid, *default)
        return pickle.loads(self.read(self.kept[aid]))


def recognize_kept(memo, views: dict[str, ArticleView], ids: list[str], first: Callable[[str], FirstPass], fresh: set[str], registry, places, vocab) -> tuple[Results, dict[str, dict]]:
    """(candidates, cue links) per article after the chain, and each one's ``kinds_of``; ``fresh``: articles
    whose first pass was made this build (the others' is the last build's, from ``first``)."""
    old: ChainState = memo.old.chain
    new = ChainState()
    known = set(old.results) & memo.same if old.totals else set()  # present, unchanged, with a result
    known -= fresh | memo.flipped(old.query_users, vocab)
    static = static_facts(registry, places)
    facts: Facts = dict(static)
    history: list[Facts] = []
    runs: dict[str, _Run] = {}

    def start(aid: str, upto: int) -> _Run:
        """An article into the chain, through the steps before ``upto`` with the facts they had."""
        done = first(aid)
        run = runs[aid] = _Run(done.candidates, done.links, recording=Recording(vocab))
        for k in range(upto):
            reduce, step = STEPS[k]
            if reduce is not None:
                run.shares.append(reduce.share(run.candidates))
            run.candidates = run_step(step, views[aid], run.candidates, history[k], run.words, run.recording)
        return run

    for aid in ids:
        if aid not in known:
            start(aid, 0)
    compared: set[str] = set()
    r = 0
    for k, (reduce, step) in enumerate(STEPS):
        if reduce is not None:
            for run in runs.values():
                run.shares.append(reduce.share(run.candidates))
            total = _total(old, r, known, runs, memo.read) if known else _sum([runs[aid].shares[r] for aid in ids])
            new.totals.append(total)
            facts.update(reduce.facts(total, static))
            r += 1
        history.append(dict(facts))
        if known:
            for aid in sorted(_touched(old, facts, compared, ids) & known - set(runs)):
                run = start(aid, k)
                if reduce is not None:
                    run.shares.append(reduce.share(run.candidates))  # as it was: the total holds it already
        for aid, run in runs.items():
            run.candidates = run_step(step, views[aid], run.candidates, facts, run.words, run.recording)
    results = Results(old.results, memo.read)
    for aid in ids:
        run = runs.get(aid)
        if run is None:
            new.results[aid], new.aux[aid], new.kinds[aid] = old.results[aid], old.aux[aid], old.kinds[aid]
        else:
            results[aid] = (run.candidates, run.links)
            new.results[aid] = pickle.dumps((run.candidates, run.links))
            new.aux[aid] = pickle.dumps((run.shares, frozenset(run.words), run.recording.answers))
            new.kinds[aid] = kinds_of(run.candidates)
    new.facts = facts
    _index(old, new, known, runs, memo.read)
    memo.new.chain = new
    memo.chain_mapped = set(runs)
    memo.changed = memo.changed or bool(runs) or set(old.results) != set(ids)
    return results, new.kinds


def _redone(old: ChainState, known: set[str], runs: dict) -> list[str]:
    """The last build's articles whose shares and words are no longer theirs: gone, changed or mapped again."""
    return [aid for aid in old.results if aid not in known or aid in runs]


def _sum(shares: list[Counter]) -> Counter:
    total: Counter = Counter()
    for share in shares:
        total.update(share)
    return total


def _total(old: ChainState, r: int, known: set[str], runs: dict, read: Callable) -> Counter:
    """Reduce step ``r``: the last total, less the old shares of articles gone or mapped again, plus theirs now."""
    total = old.totals[r].copy()
    for aid in _redone(old, known, runs):
        total.subtract(pickle.loads(read(old.aux[aid]))[0][r])
    for run in runs.values():
        total.update(run.shares[r])
    return +total


def _touched(old: ChainState, facts: Facts, compared: set[str], ids: list[str]) -> set[str]:
    """Articles that looked up a word of a key that came or went in the facts not compared yet."""
    words: set[str] = set()
    for name, now in facts.items():
        if name in compared:
            continue
        compared.add(name)
        before = old.facts.get(name, frozenset())
        if name in WHOLE:
            if before != now:
                return set(ids)
            continue
        for key in before ^ now:
            words.update(key) if isinstance(key, tuple) else words.add(key)
    return old.word_users.holders(words)


def _index(old: ChainState, new: ChainState, known: set[str], runs: dict[str, _Run], read: Callable) -> None:
    words, queries = old.word_users, old.query_users
    for aid in _redone(old, known, runs):
        _, looked, answers = pickle.loads(read(old.aux[aid]))
        words.discard(looked, aid)
        queries.discard(answers, aid)
    for aid, run in runs.items():
        words.add(run.words, aid)
        queries.add(run.recording.answers, aid)
    new.word_users, new.query_users = words, queries
