"""The resolve stage: entity mentions across the corpus → actors, one per real-world person, organization or place.

Two jobs. *Recognizing* mentions: trim the model's spans (``spans``: clitics, titles → roles), read alias cues
(``cues``), recognize what the model misses and drop what is no name (``recognize``: phrases, lexicon, Latin,
filters, clitics, pieces), settle labels by majority, tag further occurrences of known names, CLDR places and
lexicon names (``propagate``, ``gazetteer``). *Linking* them: key generic institutions by country, group keys
into actors (``rules``, ``variants``, ``link``), apply the editor's registry (``registry``), then give every
actor a stable slug (``slugs``) and list what an editor should check (``review``). This module does the first
job and hands the mentions to ``grouping``, which does the second.
"""

from __future__ import annotations

import gc
import logging
import pickle
import time
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotate.models import Annotation, Article
from annotate.resolve import gazetteer
from annotate.resolve.blobs import DamagedMemo
from annotate.resolve.finish import Labels, Tail, finish, holds, inputs_of, propagated_keys
from annotate.resolve.grouping import Resolution, group, label_of_id, name_words
from annotate.resolve.mapreduce import LOCAL, FirstPass, Found, Runner, Share, first_pass, kinds_of, label_votes, name_index, propagation, read, shares_total, vocabulary
from annotate.resolve.names import key_of
from annotate.resolve.propagate import rare_keys
from annotate.resolve.chain_memo import recognize_kept
from annotate.resolve.recognize.corpus import recognize_corpus
from annotate.resolve.link import contextual_keys
from annotate.resolve.registry import Registry, RegistryActor, RegistryError, load_registry
from annotate.resolve.review import Review, format_review
from annotate.resolve.slugs import write_slug_ledger
from annotate.resolve.spans import ArticleView, Candidate

if TYPE_CHECKING:
    from annotate.resolve.memo import ResolveMemo

log = logging.getLogger(__name__)

__all__ = [
    "label_of_id", "name_words", "resolve", "prepare", "Prepared", "load_registry", "Registry", "Resolution", "RegistryError", "Review", "format_review", "write_slug_ledger",
]


@dataclass
class Prepared:
    """The first pass over some articles, done ahead: while a worker tags the corpus' new articles, a
    rebuild trims the cached articles' mentions against the vocabulary of what it has. ``resolve`` keeps
    an article's pass when the whole corpus' vocabulary gives every recorded answer again (the pass is a
    function of the article, its mentions and those answers), and redoes it otherwise."""

    registry: Registry
    docs: dict[str, tuple[Article, Annotation]]
    views: dict[str, ArticleView]
    shares: dict[str, Share]
    passes: dict[str, FirstPass]


def prepare(docs: list[tuple[Article, Annotation]], registry: Registry) -> Prepared:
    """The first pass over ``docs`` (see ``Prepared``); ``resolve`` takes it with the same registry."""
    read_out = {a.id: read(a, ann) for a, ann in docs}
    shares = {aid: share for aid, (_, share) in read_out.items()}
    vocab = vocabulary(shares_total(list(shares.values())), registry)
    passes = {a.id: first_pass(a, ann, read_out[a.id][0], vocab) for a, ann in docs}
    return Prepared(registry, {a.id: (a, ann) for a, ann in docs}, {aid: v for aid, (v, _) in read_out.items()}, shares, passes)


def _same(prepared: tuple[Article, Annotation] | None, doc: tuple[Article, Annotation]) -> bool:
    return prepared is not None and prepared[0] is doc[0] and prepared[1] is doc[1]


def resolve(
    docs: list[tuple[Article, Annotation]],
    registry: Registry | None = None,
    published_slugs: dict[str, str] | None = None,
    prepared: Prepared | None = None,
    memo: "ResolveMemo | None" = None,
    runner: Runner = LOCAL,
    seconds: dict[str, float] | None = None,
) -> Resolution:
    """Resolve every mention of ``docs`` to an actor (deterministic: same input, same output, with or
    without a ``prepared`` first pass or a ``memo`` of the last build's map results, in this process or on
    Dask workers). The map steps (``mapreduce``) run on ``runner``; the rest runs here. ``seconds``, when
    given, gets each step's time (for bench/resolve_steps.py)."""
    # Millions of small objects (candidates, memo results) and no reference cycles among them: the cycle
    # collector's passes over them cost more than a third of a rebuild's resolve at 10,000 articles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            return _resolve(docs, registry, published_slugs, prepared, memo, runner, seconds)
        except DamagedMemo as error:
            log.warning("unusable resolve memo ignored, every article is resolved again (%s)", error)
            memo.forget()
            return _resolve(docs, registry, published_slugs, None, memo, runner, seconds)  # ``prepared`` was used up
    finally:
        if collecting:
            gc.enable()


def _resolve(docs, registry, published_slugs, prepared, memo, runner, seconds) -> Resolution:
    lap = _Laps(seconds)
    registry = registry or Registry()
    published = dict(published_slugs or {})
    stale: list[str] = []
    docs = sorted(docs, key=lambda d: d[0].id)
    if prepared is not None and prepared.registry is not registry:
        prepared = None
    ahead = {a.id for a, ann in docs if prepared is not None and _same(prepared.docs.get(a.id), (a, ann))}
    if memo is not None:
        memo.begin(docs)
    lap("memo: article keys")

    # Map: each article's view and vocabulary share; reduce: the vocabulary.
    views: dict[str, ArticleView] = {a.id: prepared.views[a.id] for a, _ in docs if a.id in ahead}
    shares: dict[str, Share] = {a.id: prepared.shares[a.id] for a, _ in docs if a.id in ahead}
    kept = memo.kept_shares() if memo is not None else {}
    todo = [(a, ann) for a, ann in docs if a.id not in views and a.id not in kept]
    for (article, _), (view, share) in zip(todo, runner.map(read, todo), strict=True):
        views[article.id], shares[article.id] = view, share
    lap("map: read (view, vocabulary share)")
    views = _Views(views, docs)  # the others' when a step needs them: a kept article's result needs none
    lap("views of kept articles")
    total = memo.total({aid: s for aid, s in shares.items() if aid not in kept}) if memo is not None else shares_total([shares[a.id] for a, _ in docs])
    vocab = vocabulary(total, registry)
    lap("reduce: vocabulary")
    reg_names: list[tuple[RegistryActor, str]] = [(a, n) for a in registry.actors for n in [a.name, *a.aliases]]
    places = gazetteer.places()

    # 1. Map: the model's mentions, trimmed; alias cues (kept from the last build or from ``prepared``
    # while the vocabulary gives every answer they were built on again).
    kept_first = memo.kept_first(vocab) if memo is not None else set()
    passes: dict[str, FirstPass] = {}
    for aid in sorted(ahead - kept_first):
        done = prepared.passes.pop(aid)  # its candidates change below: once only
        if all(vocab.prefer_stem(word, stem) == answer for (word, stem), answer in done.answers.items()):
            passes[aid] = done
    todo = [(a, ann, views[a.id]) for a, ann in docs if a.id not in passes and a.id not in kept_first]
    for (article, _, _), done in zip(todo, runner.map(first_pass, todo, vocab=vocab), strict=True):
        passes[article.id] = done
    if memo is not None:
        memo.keep_first_passes(passes)
        memo.spill()
    lap("map: first pass")

    # 1b. More mentions and fewer non-names (``recognize``), run-on spans cut, و-pieces joined: map steps
    # with reduce steps between them (kept from the last build while every fact they read holds).
    registry_names = [(a.label, name_words(n)) for a, n in reg_names]
    ids = [a.id for a, _ in docs]
    if memo is None:
        recognized = recognize_corpus(views, {a.id: passes[a.id].candidates for a, _ in docs}, registry_names, places, vocab)
        chained: dict[str, tuple] = {aid: (recognized[aid], passes[aid].links) for aid in ids}
        kinds = {aid: kinds_of(recognized[aid]) for aid in ids}
    else:
        chained, kinds = recognize_kept(memo, views, ids, lambda aid: passes[aid] if aid in passes else memo.first_pass(aid), set(passes), registry_names, places, vocab)
        memo.spill()
    passes.clear()  # consumed: what a step made goes once the next has read it (peak memory)
    prepared = None
    lap("recognize (corpus steps)")

    # 2. Editor's ignores (on the articles' kinds; their candidates lose them when they are read).
    dropped: dict[str, list] = {}
    kinds, ignored_keys = _ignores(registry, kinds, stale, dropped)

    # 3. Reduce: labels by majority (the registry wins), per plain key.
    votes = label_votes(kinds, registry)
    lap("reduce: ignores, label votes")

    # 4. Recall: known names and places elsewhere in the corpus. Reduce: the name index; map: the names
    # found in each article (kept from the last build unless a name it may contain came or went).
    known = name_index(kinds, votes, registry, ignored_keys)
    lap("reduce: name index")
    kept_found = memo.kept_found(vocab, known) if memo is not None else set()
    fresh_found: dict[str, Found] = {}
    todo = [(views[aid],) for aid in ids if aid not in kept_found]
    for (view,), found in zip(todo, runner.map(propagation, todo, index=known.index, first_names=known.first_names, vocab=vocab), strict=True):
        fresh_found[view.article.id] = found
    if memo is not None:
        memo.keep_found(fresh_found, views, known)
        memo.spill()
    lap("map: propagation")

    # 5. Per article: the names found merged in, non-names dropped, more cues, labels by majority, country
    # marks (``finish``; kept from the last build while what they read holds).
    found_keys = {aid: memo.propagated(aid) if aid in kept_found else propagated_keys(fresh_found[aid].candidates) for aid in ids}
    found_counts: Counter = Counter()
    for counts in found_keys.values():
        found_counts.update(counts)
    too_rare = rare_keys(known.model_counts, found_counts)
    countries = {key_of(name_words(p.name), "LOC"): p.code for p in places if len(p.code) == 2 and p.code.isalpha()}
    registry_keys = frozenset({key_of(name_words(n), a.label) for a, n in reg_names} | {key_of(name_words(n), "ORG") for a in registry.aliases for n in a.names})
    labels = Labels(votes)
    last = memo.tails(registry_keys) if memo is not None else {}
    tails: dict[str, Tail] = {}
    fresh: dict[str, tuple] = {}
    cue_links_now: dict[str, list] = {}
    more_links: dict[str, list] = {}
    marks: dict[str, str] = {}
    cands: dict[str, list[Candidate]] = {}
    for aid in ids:
        rare = frozenset(k for k in found_keys[aid] if k in too_rare)
        inputs = inputs_of(memo.article_key(aid), memo.chain_digest(aid), memo.found_digest(aid), tuple(dropped.get(aid, ())), rare) if memo is not None else b""
        tail = last.get(aid)
        if tail is not None and holds(tail, inputs, vocab, labels):
            cands[aid], cue_links_now[aid], more_links[aid] = memo.tail_result(aid, tail)
            marks[aid], tails[aid] = tail.mark, tail
            continue
        found_here = (fresh_found.pop(aid) if aid in fresh_found else memo.found_of(aid)).candidates
        found_here = [c for c in found_here if not (c.source == "propagated" and c.folded_key in too_rare)]
        recognized_here, cue_links_now[aid] = chained.pop(aid)
        ignored_here = {plain for plain, _ in dropped.get(aid, ())}
        recognized_here = [c for c in recognized_here if c.folded_key not in ignored_here]
        cue_seen = {(c.article, c.start, c.end) for c, _ in cue_links_now[aid]}
        cands[aid], more_links[aid], answers, winners, added = finish(views[aid], recognized_here, found_here, cue_seen, vocab, labels)
        fresh[aid] = (inputs, answers, winners, added)
    lap("merge found, cues, labels")

    marks.update(contextual_keys({aid: cands[aid] for aid in fresh}, countries, registry_keys, views))
    if memo is not None:
        for aid, (inputs, answers, winners, added) in fresh.items():
            tails[aid] = Tail(inputs, answers, winners, added, marks[aid], pickle.dumps((cands[aid], cue_links_now[aid], more_links[aid]), protocol=pickle.HIGHEST_PROTOCOL))
        memo.keep_tails({aid: tails[aid] for aid in cands}, set(fresh), registry_keys)
        memo.spill()  # each step's pickled results go to disk as it ends, not all at once in ``save``
    links = [link for aid in cands for link in cue_links_now[aid]] + [link for aid in cands for link in more_links[aid]]
    del views, fresh, tails, last, chained, fresh_found, cue_links_now, more_links, known, kinds, found_keys
    lap("contextual keys")
    flat = [c for aid in sorted(cands) for c in cands[aid]]
    resolution = group(docs, flat, links, registry, published, stale, ignored_keys, places, marks)
    lap("reduce: grouping into actors")
    return resolution


class _Views(dict):
    """Articles' views, made on first use: a rebuild that keeps an article's results never reads its tokens."""

    def __init__(self, made: dict[str, ArticleView], docs: list[tuple[Article, Annotation]]) -> None:
        super().__init__(made)
        self.docs = {a.id: (a, ann) for a, ann in docs}

    def __missing__(self, aid: str) -> ArticleView:
        view = self[aid] = ArticleView.of(*self.docs[aid])
        return view

    def get(self, aid, default=None):
        return self[aid] if aid in self.docs else default


class _Laps:
    """Seconds per step into a dict (or nowhere), and this process' CPU seconds under ``step + CPU``."""

    CPU = " [cpu]"

    def __init__(self, seconds: dict[str, float] | None) -> None:
        self.seconds, self.started, self.cpu = seconds, time.perf_counter(), time.process_time()

    def __call__(self, step: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        if self.seconds is not None:
            self.seconds[step] = self.seconds.get(step, 0.0) + now - self.started
            self.seconds[step + self.CPU] = self.seconds.get(step + self.CPU, 0.0) + cpu - self.cpu
        self.started, self.cpu = now, cpu


def _ignores(registry: Registry, kinds: dict[str, dict], stale: list[str], dropped: dict[str, list]) -> tuple[dict[str, dict], set[tuple]]:
    """Drop the mentions an editor marked as not an actor from each article's kinds (``kinds_of``; the key and
    count dropped noted per article in ``dropped``); return the kinds left and the keys ignored everywhere."""
    everywhere: set[tuple] = set()
    kinds = dict(kinds)  # the memo keeps the kinds as recognized
    for rule in registry.ignores:
        plain = key_of(name_words(rule.name), "PER")
        hit = 0
        for aid, counts in kinds.items():
            if rule.articles and aid not in rule.articles:
                continue
            n = sum(k for kind, k in counts.items() if kind[0] == plain)
            if n:
                kinds[aid] = {kind: k for kind, k in counts.items() if kind[0] != plain}
                dropped.setdefault(aid, []).append((plain, n))
                hit += n
        if not rule.articles:
            everywhere.add(plain)
        if not hit:
            stale.append(f"{rule.where}: ignore '{rule.name}': matches no mention")
    return kinds, everywhere
