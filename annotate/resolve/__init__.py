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

from collections import Counter, defaultdict
from dataclasses import dataclass

from annotate.arabic import fold
from annotate.models import LABELS, Annotation, Article, Mention
from annotate.resolve import gazetteer
from annotate.resolve.cues import alias_cues
from annotate.resolve.grouping import Resolution, group, label_of_id, name_words
from annotate.resolve.names import NAME_PREFIXES, Evidence, key_of, title_stem
from annotate.resolve.propagate import Entry, NameIndex, find_names, merge_found, rare_keys
from annotate.resolve.recognize import keep_names, lexicon
from annotate.resolve.recognize.corpus import join_pieces, recognize_corpus
from annotate.resolve.link import contextual_keys
from annotate.resolve.registry import Registry, RegistryActor, RegistryError, load_registry
from annotate.resolve.runons import split_run_ons
from annotate.resolve.review import Review, format_review
from annotate.resolve.slugs import write_slug_ledger
from annotate.resolve.variants import variant_word
from annotate.resolve.spans import ArticleView, Candidate, Vocabulary, fold_words, from_mention
from annotate.tokenize import tokenize

__all__ = [
    "label_of_id", "name_words", "resolve", "prepare", "Prepared", "load_registry", "Registry", "Resolution", "RegistryError", "Review", "format_review", "write_slug_ledger",
]


@dataclass
class FirstPass:
    """An article's trimmed mentions and alias cues, with every vocabulary answer they were built on."""

    candidates: list[Candidate]
    links: list[tuple[Candidate, Candidate]]
    answers: dict[tuple[str, str], bool]


@dataclass
class Prepared:
    """The first pass over some articles, done ahead: while a worker tags the corpus' new articles, a
    rebuild trims the cached articles' mentions against the vocabulary of what it has. ``resolve`` keeps
    an article's pass when the whole corpus' vocabulary gives every recorded answer again (the pass is a
    function of the article, its mentions and those answers), and redoes it otherwise."""

    registry: Registry
    docs: dict[str, tuple[Article, Annotation]]
    views: dict[str, ArticleView]
    vocab: Vocabulary
    passes: dict[str, FirstPass]


class _Recording(Evidence):
    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab, self.answers = vocab, {}

    def prefer_stem(self, word: str, stem: str) -> bool:
        key = (word, stem)
        if key not in self.answers:
            self.answers[key] = self.vocab.prefer_stem(word, stem)
        return self.answers[key]


def prepare(docs: list[tuple[Article, Annotation]], registry: Registry) -> Prepared:
    """The first pass over ``docs`` (see ``Prepared``); ``resolve`` takes it with the same registry."""
    views = {a.id: ArticleView.of(a, ann) for a, ann in docs}
    vocab = Vocabulary()
    _add_names(vocab, registry)
    for article, ann in docs:
        _add_document(vocab, article, ann, views[article.id])
    passes = {}
    for article, ann in docs:
        recording = _Recording(vocab)
        candidates, links = _first_pass(article, ann, views[article.id], recording)
        passes[article.id] = FirstPass(candidates, links, recording.answers)
    return Prepared(registry, {a.id: (a, ann) for a, ann in docs}, views, vocab, passes)


def _add_names(vocab: Vocabulary, registry: Registry) -> None:
    """The registry's names and aliases and the places, strong evidence for clitic decisions."""
    for actor in registry.actors:
        for name in [actor.name, *actor.aliases]:
            vocab.add_name(name_words(name), 5)
    for place in gazetteer.places():
        vocab.add_name(name_words(place.name), 5)


def _add_document(vocab: Vocabulary, article: Article, annotation: Annotation, view: ArticleView) -> None:
    """An article's words, and the words of the names the model found in it."""
    vocab.add_view(view)
    for m in annotation.mentions:
        vocab.add_name(fold_words(tokenize(article.text, m.start, m.end)))


def _same(prepared: tuple[Article, Annotation] | None, doc: tuple[Article, Annotation]) -> bool:
    return prepared is not None and prepared[0] is doc[0] and prepared[1] is doc[1]


def _first_pass(article: Article, annotation: Annotation, view: ArticleView, evidence: Evidence) -> tuple[list[Candidate], list[tuple[Candidate, Candidate]]]:
    """The model's mentions of one article, trimmed, plus those its alias cues add, and the cue links."""
    mine = [c for m in _join_split_names(article, annotation.mentions) if (c := from_mention(view, m, evidence))]
    found = alias_cues(view, mine, evidence)
    return merge_found(mine, [alias for alias, _ in found]), found


def resolve(
    docs: list[tuple[Article, Annotation]],
    registry: Registry | None = None,
    published_slugs: dict[str, str] | None = None,
    prepared: Prepared | None = None,
) -> Resolution:
    """Resolve every mention of ``docs`` to an actor (deterministic: same input, same output, with or
    without a ``prepared`` first pass)."""
    registry = registry or Registry()
    published = dict(published_slugs or {})
    stale: list[str] = []
    docs = sorted(docs, key=lambda d: d[0].id)
    if prepared is not None and prepared.registry is not registry:
        prepared = None
    ahead = {a.id for a, ann in docs if prepared is not None and _same(prepared.docs.get(a.id), (a, ann))}
    views = {a.id: prepared.views[a.id] if a.id in ahead else ArticleView.of(a, ann) for a, ann in docs}

    # Vocabulary for clitic decisions: the corpus' words, the model's names, the registry and the places.
    if prepared is not None and len(ahead) == len(prepared.docs):
        vocab = prepared.vocab.copy()  # already holds the registry, the places and the prepared articles
    else:
        vocab, ahead = Vocabulary(), set()
        _add_names(vocab, registry)
    for article, ann in docs:
        if article.id not in ahead:
            _add_document(vocab, article, ann, views[article.id])
    reg_names: list[tuple[RegistryActor, str]] = [(a, n) for a in registry.actors for n in [a.name, *a.aliases]]
    places = gazetteer.places()

    # 1. The model's mentions, trimmed; alias cues.
    cands: dict[str, list[Candidate]] = {}
    links: list[tuple[Candidate, Candidate]] = []
    cue_seen: set[tuple[str, int, int]] = set()
    for article, ann in docs:
        done = prepared.passes.pop(article.id, None) if article.id in ahead else None  # its candidates change below: once only
        if done is not None and all(vocab.prefer_stem(word, stem) == answer for (word, stem), answer in done.answers.items()):
            cands[article.id], found = done.candidates, done.links
        else:
            cands[article.id], found = _first_pass(article, ann, views[article.id], vocab)
        links += found
        cue_seen.update((c.article, c.start, c.end) for c, _ in found)

    # 1b. More mentions and fewer non-names (``recognize``), then run-on spans cut, then و-pieces joined.
    registry_names = [(a.label, name_words(n)) for a, n in reg_names]
    cands = recognize_corpus(views, cands, registry_names, places, vocab)
    cands = split_run_ons(views, cands, vocab)
    cands = join_pieces(views, cands, registry_names, vocab)

    # 2. Editor's ignores.
    ignored_keys = _ignores(registry, cands, stale)

    # 3. Labels by majority (the registry wins), per plain key.
    votes: dict[tuple, Counter] = defaultdict(Counter)
    for cs in cands.values():
        for c in cs:
            votes[c.folded_key].update([c.label])
    forced: dict[tuple, str] = {key_of(name_words(n), "PER"): a.label for a, n in reg_names}

    def label_for(plain: tuple, default: str) -> str:
        if plain in forced:
            return forced[plain]
        v = votes.get(plain)
        return min(v.items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))[0] if v else default

    # 4. Recall: known names and places elsewhere in the corpus.
    index = NameIndex()
    model_counts: Counter = Counter()
    for cs in cands.values():
        for c in cs:
            label = label_for(c.folded_key, c.label)
            model_counts[c.folded_key] += 1
            index.add(Entry(c.folded_key, label, "propagated"))
            if label == "PER" and len(c.folded_key) > 1 and len(c.folded_key[-1]) >= 4 and not lexicon.is_weak(c.folded[-1]):
                model_counts[c.folded_key[-1:]] += 1  # a full name vouches for its surname (شويغو, البرهان)
                index.add(Entry(c.folded_key[-1:], label, "propagated"))
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
    for place in places:
        plain = key_of(name_words(place.name), "PER")
        if plain not in forced:
            index.add(Entry(plain, place.label, "gazetteer", place.guarded))
    for name in lexicon.names():
        plain = key_of(name.words, "PER")
        if plain not in forced:
            index.add(Entry(plain, name.label, "lexicon"))
    for ignored in ignored_keys:
        index.remove(ignored)
    first_names = frozenset(variant_word(c.folded_key[0]) for cs in cands.values() for c in cs if c.label == "PER" and len(c.folded_key) > 1)
    first_names |= frozenset(variant_word(key_of(name_words(n), "PER")[0]) for a, n in reg_names if a.label == "PER" and len(name_words(n)) > 1)
    # A lexicon name counts only as spelled (no spelling-variant match: بقائه is not the lexicon's ...).
    found_by_article = {aid: [c for c, e in find_names(views[aid], index, first_names, vocab) if e.source != "lexicon" or c.folded_key == e.words] for aid in cands}
    found_counts = Counter(c.folded_key for fs in found_by_article.values() for c in fs if c.source == "propagated")
    too_rare = rare_keys(model_counts, found_counts)
    for aid in cands:
        found = [c for c in found_by_article[aid] if not (c.source == "propagated" and c.folded_key in too_rare)]
        cands[aid] = keep_names(merge_found(cands[aid], found), views[aid].article.text)
        # Cues next to names that only propagation found («دقلو، المعروف بـ"حميدتي"»).
        more = [(a, n) for a, n in alias_cues(views[aid], cands[aid], vocab) if (a.article, a.start, a.end) not in cue_seen]
        links += more
        cands[aid] = merge_found(cands[aid], [a for a, _ in more])
    for cs in cands.values():
        for c in cs:
            c.rekey(label_for(c.folded_key, c.label))
            if c.source == "gazetteer":
                votes[c.folded_key].update([c.label])

    countries = {key_of(name_words(p.name), "LOC"): p.code for p in places if len(p.code) == 2 and p.code.isalpha()}
    registry_keys = {key_of(name_words(n), a.label) for a, n in reg_names} | {key_of(name_words(n), "ORG") for a in registry.aliases for n in a.names}
    marks = contextual_keys(cands, countries, registry_keys, views)
    flat = [c for aid in sorted(cands) for c in cands[aid]]
    return group(docs, flat, links, registry, published, stale, ignored_keys, places, marks)


def _join_split_names(article: Article, mentions: list[Mention]) -> list[Mention]:
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


def _ignores(registry: Registry, cands: dict[str, list[Candidate]], stale: list[str]) -> set[tuple]:
    """Drop the mentions an editor marked as not an actor; return the keys ignored everywhere."""
    everywhere: set[tuple] = set()
    for rule in registry.ignores:
        plain = key_of(name_words(rule.name), "PER")
        hit = 0
        for aid, cs in cands.items():
            if rule.articles and aid not in rule.articles:
                continue
            keep = [c for c in cs if c.folded_key != plain]
            hit += len(cs) - len(keep)
            cands[aid] = keep
        if not rule.articles:
            everywhere.add(plain)
        if not hit:
            stale.append(f"{rule.where}: ignore '{rule.name}': matches no mention")
    return everywhere
