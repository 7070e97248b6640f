"""The resolve stage as map steps per article and reduce steps over the corpus.

Map steps are functions of one article and of global facts handed in whole (``Vocabulary``, ``NameIndex``):
its view and its share of the vocabulary (``read``), its first-pass candidates (``first_pass``), the known
names found in it (``propagation``). Each records the vocabulary answers it used, so a result can be kept
from one build to the next while those answers hold (``resolve.memo``). Reduce steps combine the articles'
results in article order: the vocabulary (``vocabulary``), the label votes (``label_votes``), the name index
(``name_index``) and the grouping into actors (``grouping.group``). A ``Runner`` runs a map step over many
articles in this process or on Dask workers (``resolve.on_dask``); results come back in input order, so the
output is the same either way.
"""

from __future__ import annotations

import functools
import re

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotate.arabic import fold
from annotate.models import LABELS, Annotation, Article, Mention
from annotate.resolve import gazetteer
from annotate.resolve.cues import alias_cues
from annotate.resolve.grouping import label_of_id, name_words
from annotate.resolve.names import NAME_PREFIXES, Evidence, core, key_of, title_stem
from annotate.resolve.propagate import Entry, NameIndex, _stems, find_names, merge_found
from annotate.resolve.recognize import lexicon
from annotate.resolve.registry import Registry
from annotate.resolve.spans import ArticleView, Candidate, Vocabulary, fold_words, from_mention
from annotate.resolve.variants import variant_word
from annotate.tokenize import tokenize

Query = tuple[str, str]  # (word, stem) asked of ``Vocabulary.prefer_stem``


class Recording(Evidence):
    """The vocabulary, answering as it does and noting every question and answer (the facts a result used)."""

    def __init__(self, vocab: Evidence) -> None:
        self.vocab, self.answers = vocab, {}

    def prefer_stem(self, word: str, stem: str) -> bool:
        key = (word, stem)
        if key not in self.answers:
            self.answers[key] = self.vocab.prefer_stem(word, stem)
        return self.answers[key]


# --- map steps ---------------------------------------------------------------------------------


@dataclass
class Share:
    """An article's contribution to the vocabulary: its words and the words of the model's names in it."""

    words: Counter
    names: Counter


def read(article: Article, annotation: Annotation) -> tuple[ArticleView, Share]:
    """Map: the article's view (tokens by offset) and its share of the vocabulary."""
    view = ArticleView.of(article, annotation)
    words = Counter(variant_word(w) for w in _folded_tokens(view))
    names: Counter = Counter()
    for m in annotation.mentions:
        names.update(variant_word(w) for w in fold_words(tokenize(article.text, m.start, m.end)))
    return view, Share(words, names)


def _folded_tokens(view: ArticleView):
    from annotate.resolve.names import folded

    return (folded(t.text) for t in view.tokens)


@dataclass
class FirstPass:
    """An article's trimmed mentions and alias cues, with every vocabulary answer they were built on."""

    candidates: list[Candidate]
    links: list[tuple[Candidate, Candidate]]
    answers: dict[Query, bool]


def first_pass(article: Article, annotation: Annotation, view: ArticleView, vocab: Evidence) -> FirstPass:
    """Map: the model's mentions of one article, trimmed, plus those its alias cues add, and the cue links."""
    recording = Recording(vocab)
    mine = [c for m in with_colour(article, join_split_names(article, annotation.mentions)) if (c := from_mention(view, m, recording))]
    found = alias_cues(view, mine, recording)
    return FirstPass(merge_found(mine, [alias for alias, _ in found]), found, recording.answers)


@dataclass
class Found:
    """The known names propagation found in one article, with the vocabulary answers they used."""

    candidates: list[Candidate]
    answers: dict[Query, bool]


def propagation(view: ArticleView, index: NameIndex, first_names: frozenset[str], vocab: Evidence) -> Found:
    """Map: every known name in the article (a lexicon name only as spelled: بقائه is no spelling of بقاء)."""
    recording = Recording(vocab)
    found = [c for c, e in find_names(view, index, first_names, recording) if e.source != "lexicon" or c.folded_key == e.words]
    return Found(found, recording.answers)


def lookup_words(view: ArticleView) -> frozenset[str]:
    """Every spelling bucket ``propagation`` may look up in this article: its tokens' readings with and
    without a clitic, and their cores. A name (or first name) whose first bucket is not here cannot be found
    in the article, so adding or dropping it leaves the article's result as it was."""
    out = set()
    for t in view.tokens:
        out.update(variant_word(stem) for _, stem in _stems(t.text))
        out.add(variant_word(core(t.text)))
    return frozenset(out)


COLOURS = frozenset("الأحمر الحمراء الأبيض البيضاء الأسود السوداء الأزرق الزرقاء الأخضر الخضراء الأصفر الصفراء".split())


def with_colour(article: Article, mentions: list[Mention]) -> list[Mention]:
    """A place or organization span the model ended before its colour (النيل | الأزرق، البحر | الأحمر، الهلال |
    الأحمر): the colour is part of the name."""
    out = []
    for m in mentions:
        word = re.match(r" (\S+)", article.text[m.end : m.end + 12])
        if m.label in ("LOC", "ORG") and word and word.group(1).rstrip("،,.:؛") in COLOURS:
            end = m.end + 1 + len(word.group(1).rstrip("،,.:؛"))
            if not any(o is not m and o.start < end and m.end < o.end for o in mentions):
                m = Mention(m.start, end, article.text[m.start : end], m.label, source=m.source)
        out.append(m)
    return out


def join_split_names(article: Article, mentions: list[Mention]) -> list[Mention]:
    """Join two PER spans separated by one space (رجب | طيب أردوغان), or two LOC spans that meet on a
    two-word place (وبوركينا | فاسو المجاورتين → بوركينا فاسو): the model broke one name in two."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        prev = out[-1] if out else None
        adjacent = prev is not None and prev.label == m.label and article.text[prev.end : m.start] == " "
        first = m.text.split()[0]
        if adjacent and m.label == "PER" and not m.text.startswith(("و", "ف")) and title_stem(first) is None:
            out[-1] = Mention(prev.start, m.end, article.text[prev.start : m.end], "PER", source=prev.source)
        elif adjacent and m.label == "LOC" and _two_word_place(prev.text.split()[-1], first):
            end = m.start + len(first)
            out[-1] = Mention(prev.start, end, article.text[prev.start : end], "LOC", source=prev.source)
        else:
            out.append(m)
    return out


def _two_word_place(left: str, right: str) -> bool:
    """Is «left right» a two-word place of the gazetteer, with or without a name clitic on ``left``?"""
    a, b = fold(left), fold(right)
    pairs = gazetteer.two_word_places()
    return (a, b) in pairs or any(a.startswith(p) and (a[len(p) :], b) in pairs for p in NAME_PREFIXES)


# --- reduce steps ------------------------------------------------------------------------------


def shares_total(shares: Sequence[Share]) -> Share:
    """Reduce: the corpus' words and model names, summed (order does not matter: counts only)."""
    total = Share(Counter(), Counter())
    for share in shares:
        total.words.update(share.words)
        total.names.update(share.names)
    return total


def vocabulary(total: Share, registry: Registry) -> Vocabulary:
    """Reduce: the vocabulary of clitic decisions: the corpus' words and names, the registry and the places."""
    vocab = Vocabulary()
    for actor in registry.actors:
        for name in [actor.name, *actor.aliases]:
            vocab.add_name(name_words(name), 5)
    for place in gazetteer.places():
        vocab.add_name(name_words(place.name), 5)
    vocab.words.update(total.words)
    vocab.names.update(total.names)
    return vocab


@dataclass
class Votes:
    """Reduce: labels by majority per plain key; the registry's names are forced to its label."""

    counts: dict[tuple, Counter] = field(default_factory=lambda: defaultdict(Counter))
    forced: dict[tuple, str] = field(default_factory=dict)
    cities: frozenset = frozenset()  # the gazetteer's cities: places, whatever the model called them

    def label_for(self, plain: tuple, default: str) -> str:
        if plain in self.forced:
            return self.forced[plain]
        if plain in self.cities:
            return "LOC"
        v = self.counts.get(plain)
        return min(v.items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))[0] if v else default


Kind = tuple  # (folded key, label, last folded word): what the label votes and the name index read of a candidate


def kinds_of(cands: list[Candidate]) -> dict[Kind, int]:
    """An article's candidates as the reduce steps read them: each kind counted, in order of first occurrence
    (a plain dict: the memo keeps one per article, and a Counter is slower to read back)."""
    return dict(Counter((c.folded_key, c.label, c.folded[-1] if c.folded else None) for c in cands))


def label_votes(kinds: dict[str, dict[Kind, int]], registry: Registry) -> Votes:
    """Reduce (``kinds``: each article's ``kinds_of``)."""
    votes = Votes()
    for counts in kinds.values():
        for (folded_key, label, _), n in counts.items():
            votes.counts[folded_key][label] += n
    votes.forced = {key_of(name_words(n), "PER"): a.label for a in registry.actors for n in [a.name, *a.aliases]}
    votes.cities = city_keys()
    return votes


@functools.cache
def city_keys() -> frozenset:
    """The gazetteer's cities (CLDR's time-zone cities: أديس أبابا، القاهرة، كييف), by plain key. A city
    the model tags as an organization in a dateline («شفق نيوز- أديس أبابا») or as a person is still
    the place; a country may stand for its government (CLDR codes, not cities, are left to the votes)."""
    return frozenset(key_of(name_words(p.name), "PER") for p in gazetteer.places() if "/" in p.code and p.label == "LOC")


@dataclass
class Known:
    """Reduce: the name index propagation looks names up in, how often the model tagged each key, and the
    first names of the corpus' and the registry's full person names."""

    index: NameIndex
    model_counts: Counter
    first_names: frozenset[str]


def name_index(kinds: dict[str, dict[Kind, int]], votes: Votes, registry: Registry, ignored_keys: set[tuple]) -> Known:
    """Reduce (``kinds``: each article's ``kinds_of``, in article order)."""
    index = NameIndex()
    model_counts: Counter = Counter()
    # Each distinct (key, label, last word) once, in corpus order: adding an entry again changes nothing.
    seen: Counter = Counter()
    for counts in kinds.values():
        seen.update(counts)
    for (folded_key, own, last), n in seen.items():
        label = votes.label_for(folded_key, own)
        model_counts[folded_key] += n
        index.add(Entry(folded_key, label, "propagated"))
        if label == "PER" and len(folded_key) > 1 and len(folded_key[-1]) >= 4 and not lexicon.is_weak(last):
            model_counts[folded_key[-1:]] += n  # a full name vouches for its surname (شويغو, البرهان)
            index.add(Entry(folded_key[-1:], label, "propagated"))
    reg_names = [(a, n) for a in registry.actors for n in [a.name, *a.aliases]]
    for actor, name in reg_names:
        index.add(Entry(key_of(name_words(name), "PER"), actor.label, "registry"))
    for merge in registry.merges:
        into = registry.actor(merge.into)
        for name in merge.items:
            if into is not None and not name.isascii():
                index.add(Entry(key_of(name_words(name), "PER"), into.label, "registry"))
    for alias in registry.aliases:
        target = registry.actor(alias.actor)
        label = target.label if target else label_of_id(alias.actor) or "PER"
        for name in alias.names:
            index.add(Entry(key_of(name_words(name), "PER"), label, "registry"))
    for place in gazetteer.places():
        plain = key_of(name_words(place.name), "PER")
        if plain not in votes.forced:
            index.add(Entry(plain, place.label, "gazetteer", place.guarded))
    for name in lexicon.names():
        plain = key_of(name.words, "PER")
        if plain not in votes.forced:
            index.add(Entry(plain, name.label, "lexicon"))
    for ignored in ignored_keys:
        index.remove(ignored)
    first_names = frozenset(variant_word(kind[0][0]) for kind in seen if kind[1] == "PER" and len(kind[0]) > 1)
    first_names |= frozenset(variant_word(key_of(name_words(n), "PER")[0]) for a, n in reg_names if a.label == "PER" and len(name_words(n)) > 1)
    return Known(index, model_counts, first_names)


# --- runners -----------------------------------------------------------------------------------


class Runner:
    """Runs a map step over many inputs in this process; ``on_dask.DaskRunner`` runs it on workers."""

    def map(self, step: Callable, inputs: Sequence[tuple], **shared) -> list:
        """``step(*item, **shared)`` for each item of ``inputs``, in input order."""
        return [step(*item, **shared) for item in inputs]


LOCAL = Runner()
