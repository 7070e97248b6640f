"""The recognizing steps over a whole corpus, in order: map steps per article with reduce steps between them.

Called by ``resolve.resolve`` on the trimmed model spans of every article (before label votes and
propagation): filters and phrases, clitics by whole name, trailing accusatives, places glued to people,
names in apposition after a title (``apposition``), pieces of known full names, run-on spans cut (``runons``), then the و-pieces of one name. Between steps,
a reduce step sums what the articles' candidates tell of the corpus (its institution names, its spans, its
full names, how often a name stands alone, its person name words: ``SHARES``) into the facts the next step
reads. A step reads those facts through ``Watched`` sets that note the words of each key it looks up, so
``resolve.chain_memo`` can keep an article's result from the last build while no fact it read changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from annotate.arabic import fold
from annotate.resolve.names import COMPOUND_FIRSTS, core
from annotate.resolve.recognize import lexicon, recognize_more
from annotate.resolve.recognize.apposition import names_after_titles
from annotate.resolve.recognize.clitics import repair_clitics, shared_stems
from annotate.resolve.recognize.phrases import KnownNames
from annotate.resolve.recognize.pieces import _bucket, extend_to_full_names, join_conjunction_pieces, places_and_capitals, trim_edges
from annotate.resolve.runons import run_on_counts, run_on_facts, split_article
from annotate.resolve.spans import ArticleView, Candidate
from annotate.resolve.variants import variant_word

Cands = list[Candidate]
Names = list[tuple[str, tuple[str, ...]]]  # (label, folded words) of the registry's names
Facts = dict[str, frozenset]


class Watched:
    """A set of facts that notes, in ``words``, the words of every key looked up in it."""

    __slots__ = ("facts", "words")

    def __init__(self, facts: frozenset, words: set[str]) -> None:
        self.facts, self.words = facts, words

    def __contains__(self, key) -> bool:
        if isinstance(key, tuple):
            self.words.update(key)
        else:
            self.words.add(key)
        return key in self.facts


def static_facts(registry: Names, places) -> Facts:
    """Facts of the registry, the places and the lexicon (the same for every article)."""
    from annotate.resolve import name_words

    known = [words for label, words in registry if label in ("ORG", "LOC")] + [name_words(p.name) for p in places]
    known += [n.words for n in lexicon.names() if n.label in ("ORG", "LOC")]
    strong_words = {variant_word(w) for n in lexicon.names() if n.label == "PER" for w in n.words}
    strong_words |= {variant_word(w) for label, words in registry if label == "PER" for w in words}
    return {
        "static known": frozenset(tuple(n) for n in known if n),
        "registry": frozenset(tuple(words) for _, words in registry if words),
        "registry lengths": frozenset(len(words) for _, words in registry if words),
        "strong": frozenset({words for _, words in registry} | {name_words(p.name) for p in places} | {n.words for n in lexicon.names()}),
        "strong words": frozenset(strong_words),
        "one-word places": frozenset(fold(p.name) for p in places if " " not in p.name),
    }


# --- what each article's candidates tell of the corpus (reduce inputs), and the facts they sum to ---------


def _institutions(cs: Cands) -> Counter:
    return Counter(c.folded for c in cs if c.label in ("ORG", "LOC"))


PLACE_HEADS = frozenset(fold(w) for w in "ولاية محافظة إقليم مدينة بلدة قرية منطقة".split())  # heads whose name is a place


def _spans(cs: Cands) -> Counter:
    """Folded names of the spans, the surnames of full person names (not the second half of a compound
    first name alone: عبد الله has no surname الله), and the place a site head names (ولاية جندوبة: جندوبة,
    so that «بجندوبة» is the place with a clitic)."""
    surnames = [c.folded[-1:] for c in cs if c.label == "PER" and len(c.folded) > 1 and not (len(c.folded) == 2 and c.folded[0] in COMPOUND_FIRSTS)]
    places = [c.folded[1:] for c in cs if c.label == "LOC" and len(c.folded) > 1 and core(c.folded[0]) in PLACE_HEADS]
    return Counter([c.folded for c in cs] + surnames + places)


def _full_names(cs: Cands) -> Counter:
    """Buckets of multi-word person names, and of their first and last two or more words."""
    out: Counter = Counter()
    for c in cs:
        if c.label == "PER" and len(c.folded) > 1:
            b = _bucket(c.folded)
            out.update({b[k:] for k in range(len(b) - 1)} | {b[:k] for k in range(2, len(b) + 1)})
    return out


def _person_words(cs: Cands) -> Counter:
    return Counter(variant_word(w) for c in cs if c.label == "PER" for w in c.folded)


def _run_on_counts(cs: Cands) -> Counter:
    return run_on_counts([cs])


def _known_facts(total: Counter, static: Facts) -> Facts:
    keys = frozenset(tuple(n) for n in total if n) | static["static known"]
    return {"known": keys, "known lengths": frozenset(len(k) for k in keys)}


def _span_facts(total: Counter, static: Facts) -> Facts:
    spans = frozenset(total)
    return {"spans": spans, "shared": shared_stems(spans)}


def _run_on_facts(total: Counter, static: Facts) -> Facts:
    often, leading, known = run_on_facts(total)
    return {"often alone": often, "leading": leading, "run-on known": known}


# --- the steps --------------------------------------------------------------------------------------------


def _phrases(view: ArticleView, cs: Cands, facts: Facts, w, vocab) -> Cands:
    known = KnownNames(w("known"), tuple(sorted(facts["known lengths"], reverse=True)))
    registry = KnownNames(w("registry"), tuple(sorted(facts["registry lengths"], reverse=True)))
    return recognize_more(view, cs, known, vocab, registry)


def _clitics(view, cs, facts, w, vocab) -> Cands:
    return repair_clitics(view, cs, w("spans"), w("strong"), shared=w("shared"))


def _edges(view, cs, facts, w, vocab) -> Cands:
    return trim_edges(view, cs, w("strong words"), vocab)


def _places(view, cs, facts, w, vocab) -> Cands:
    return places_and_capitals(view, cs, w("one-word places"), vocab)


def _apposition(view, cs, facts, w, vocab) -> Cands:
    return names_after_titles(view, cs, vocab)


def _extend(view, cs, facts, w, vocab) -> Cands:
    return extend_to_full_names(view, cs, w("full names"), vocab)


def _run_ons(view, cs, facts, w, vocab) -> Cands:
    return split_article(view, cs, w("often alone"), w("leading"), w("run-on known"), vocab)


def _pieces(view, cs, facts, w, vocab) -> Cands:
    return join_conjunction_pieces(view, cs, w("person words"), vocab)


@dataclass(frozen=True)
class Reduce:
    """A reduce step: what each article contributes (``share``) and the facts the sum gives (``facts``)."""

    share: Callable[[Cands], Counter]
    facts: Callable[[Counter, Facts], Facts]


STEPS: list[tuple[Reduce | None, Callable]] = [
    (Reduce(_institutions, _known_facts), _phrases),
    (Reduce(_spans, _span_facts), _clitics),
    (None, _edges),
    (None, _places),
    (None, _apposition),
    (Reduce(_full_names, lambda total, static: {"full names": frozenset(total)}), _extend),
    (Reduce(_run_on_counts, _run_on_facts), _run_ons),
    (Reduce(_person_words, lambda total, static: {"person words": frozenset(total) | static["strong words"]}), _pieces),
]
REDUCES = [r for r, _ in STEPS if r is not None]


def run_step(step: Callable, view: ArticleView, cs: Cands, facts: Facts, words: set[str] | None, vocab) -> Cands:
    """One map step for one article, its fact lookups noted in ``words`` (when given)."""
    if words is None:
        return step(view, cs, facts, facts.__getitem__, vocab)
    return step(view, cs, facts, lambda name: Watched(facts[name], words), vocab)


def recognize_corpus(views: dict[str, ArticleView], cands: dict[str, Cands], registry: Names, places, vocab) -> dict[str, Cands]:
    """Every step over every article (``chain_memo.recognize_kept`` keeps what still holds instead)."""
    static = static_facts(registry, places)
    facts: Facts = dict(static)
    for reduce, step in STEPS:
        if reduce is not None:
            total: Counter = Counter()
            for cs in cands.values():
                total.update(reduce.share(cs))
            facts.update(reduce.facts(total, static))
        cands = {aid: run_step(step, views[aid], cs, facts, None, vocab) for aid, cs in cands.items()}
    return cands
