"""The resolve stage: entity mentions across the corpus → actors, one per real-world person, organization or place.

Two jobs. *Recognizing* mentions: trim the model's spans (``spans``: clitics, titles → roles), read alias cues
(``cues``), recognize what the model misses and drop what is no name (``recognize``: phrases, lexicon, Latin,
filters, clitics, pieces), settle labels by majority, tag further occurrences of known names, CLDR places and
lexicon names (``propagate``, ``gazetteer``). *Linking* them: key generic institutions by country, group keys
into actors (``rules``, ``variants``, ``link``), apply the editor's registry (``registry``), then give every
actor a stable slug (``slugs``) and list what an editor should check (``review``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from annotate.arabic import fold
from annotate.models import LABELS, Actor, Annotation, Article, Mention
from annotate.resolve import gazetteer
from annotate.resolve.cues import alias_cues
from annotate.resolve.names import NAME_PREFIXES, Evidence, display, key_of, title_stem
from annotate.resolve.propagate import Entry, NameIndex, find_names, merge_found, rare_keys
from annotate.resolve.recognize import keep_names, lexicon
from annotate.resolve.recognize.corpus import join_pieces, recognize_corpus
from annotate.resolve.link import contextual_keys, country_of, unite_extensions, unite_short_forms, unite_within_articles
from annotate.resolve.registry import Registry, RegistryActor, RegistryError, load_registry
from annotate.resolve.runons import split_run_ons
from annotate.resolve.review import Review, ReviewItem, format_review
from annotate.resolve.rules import Node, Note, UnionFind, node_of, resolve_short_forms, unite_variants
from annotate.resolve.slugs import assign_slugs, slugify, write_slug_ledger
from annotate.resolve.variants import variant_word
from annotate.resolve.spans import ArticleView, Candidate, Vocabulary, fold_words, from_mention
from annotate.tokenize import tokenize

__all__ = [
    "resolve", "prepare", "Prepared", "load_registry", "Registry", "Resolution", "RegistryError", "Review", "format_review", "write_slug_ledger",
]


@dataclass
class Resolution:
    actors: list[Actor]
    mentions: dict[str, list[Mention]]
    redirects: dict[str, str]
    slugs: dict[str, str]
    stale: list[str]
    review: Review = field(default_factory=Review)


def name_words(name: str) -> tuple[str, ...]:
    """Folded words of a name typed in the registry."""
    return fold_words(tokenize(name))


def label_of_id(actor_id: str) -> str | None:
    head = actor_id.split("-", 1)[0].upper()
    return head if head in LABELS else None


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
    return _group(docs, flat, links, registry, published, stale, ignored_keys, places, marks)


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


def _group(docs, flat: list[Candidate], links, registry: Registry, published, stale, ignored_keys, places, marks: dict[str, str] | None = None) -> Resolution:
    owners: dict[Node, str] = {}
    for actor in registry.actors:
        for name in [actor.name, *actor.aliases]:
            owners[(actor.label, key_of(name_words(name), actor.label))] = f"reg:{actor.id}"
    place_of: dict[str, gazetteer.Place] = {}
    for place in places:
        node = (place.label, key_of(name_words(place.name), place.label))
        owners.setdefault(node, f"gaz:{place.code}")
        place_of[f"gaz:{place.code}"] = place
    uf = UnionFind(owners)
    notes: list[Note] = []
    nodes = sorted({node_of(c) for c in flat})
    for node in nodes:
        uf.add(node)
    unite_variants(uf, nodes, notes)
    unite_short_forms(uf, nodes, notes)
    unite_extensions(uf, nodes, notes, flat, marks)
    unite_within_articles(uf, flat, notes)
    for alias, named in links:
        if (alias.label == named.label or "MISC" in (alias.label, named.label)) and uf.union(node_of(alias), node_of(named)):
            notes.append(Note("alias", (node_of(alias), node_of(named)), f"the text says «{display(alias.words)}» is another name for «{display(named.words)}»", alias.article))
    node_ids = _name_merges(uf, registry, nodes, stale)
    target = resolve_short_forms(uf, flat, notes)
    _splits(uf, registry, flat, target, stale)

    # Actors: one per root that has mentions (plus merges/renames decided by automatic id).
    groups: dict[Node, list[int]] = defaultdict(list)
    for n, node in enumerate(target):
        groups[uf.find(node)].append(n)
    ids, successor = _ids(uf, groups, flat, registry, place_of)
    for decision in registry.merges:
        for item in decision.items:
            if item in node_ids:
                continue
            roots = [r for r, i in ids.items() if i == item]
            if not roots:
                stale.append(f"{decision.where}: merge into '{decision.into}': '{item}' matches no actor")
            for root in roots:
                into_root = uf.find(next(n for n, o in sorted(owners.items()) if o == f"reg:{decision.into}"))
                uf.union(into_root, root)
                successor[item] = decision.into
    for alias in registry.aliases:
        roots = [r for r, i in ids.items() if i == alias.actor]
        if not roots:
            stale.append(f"{alias.where}: alias for '{alias.actor}': no such actor")
            continue
        for name in alias.names:
            for label in LABELS:
                node = (label, key_of(name_words(name), label))
                if node in uf.parent and node != roots[0]:
                    uf.union(roots[0], node)
    groups = defaultdict(list)
    for n, node in enumerate(target):
        groups[uf.find(node)].append(n)
    ids, successor2 = _ids(uf, groups, flat, registry, place_of)
    successor.update(successor2)

    actors: dict[str, Actor] = {}
    dates = {a.id: a.date for a, _ in docs}
    for root in sorted(groups, key=lambda r: ids[r]):
        actors[ids[root]] = _actor(ids[root], root, [flat[n] for n in groups[root]], uf, registry, place_of, dates)
    for actor in registry.actors:
        if actor.id not in actors:
            stale.append(f"{actor.where}: actor '{actor.id}' ({actor.name}) matches no mention")
    pinned = {a.id: a.slug for a in registry.actors if a.slug}
    pinned_at = {a.id: a.where for a in registry.actors if a.slug}
    for rename in registry.renames:
        actor = actors.get(rename.actor)
        if actor is None:
            stale.append(f"{rename.where}: rename '{rename.actor}': no such actor")
            continue
        actor.name = rename.name or actor.name
        actor.name_en = rename.name_en or actor.name_en
        if rename.slug:
            pinned[actor.id], pinned_at[actor.id] = rename.slug, rename.where
    _check_pinned_slugs(pinned, pinned_at, published, successor, actors)
    actor_list = [actors[i] for i in sorted(actors)]
    ledger, redirects, orphans = assign_slugs(actor_list, pinned, published, successor)
    stale += orphans

    mentions = _mentions(docs, flat, target, uf, ids, actors)
    review = _review(actor_list, mentions, flat, target, uf, ids, notes, published)
    return Resolution(actor_list, mentions, redirects, ledger, stale, review)


def _check_pinned_slugs(pinned: dict[str, str], pinned_at: dict[str, str], published: dict[str, str], successor: dict[str, str], actors: dict[str, Actor]) -> None:
    """A slug the registry pins must not be the published slug of another actor that still exists: two
    actors would share one page, or the old address of one would silently land on the other."""
    errors = []
    for actor_id, slug in sorted(pinned.items()):
        owner = published.get(slug)
        owner = successor.get(owner, owner) if owner else None
        if owner and owner != actor_id and owner in actors:
            other = actors[owner]
            errors.append(
                f"{pinned_at[actor_id]}: slug '{slug}' of '{actor_id}' ({actors[actor_id].name}) is already the published slug of "
                f"'{owner}' ({other.name}, in slugs.yml); choose another slug, or merge the two actors"
            )
    if errors:
        raise RegistryError(errors)


def _name_merges(uf: UnionFind, registry: Registry, nodes: list[Node], stale: list[str]) -> set[str]:
    """Registry merges given by name: unite those names' nodes with the target actor. Returns the items used."""
    by_key: dict[tuple, list[Node]] = defaultdict(list)
    for node in nodes:
        by_key[node[1]].append(node)
    used: set[str] = set()
    for decision in registry.merges:
        into = registry.actor(decision.into)
        into_node = (into.label, key_of(name_words(into.name), into.label))
        for item in decision.items:
            matched = [n for label in LABELS for n in by_key.get(key_of(name_words(item), label), []) if n[0] == into.label or n[0] == "MISC"]
            for node in matched:
                uf.union(into_node, node)
            if matched:
                used.add(item)
    return used


def _splits(uf: UnionFind, registry: Registry, flat: list[Candidate], target: list[Node], stale: list[str]) -> None:
    for split in registry.splits:
        actor = registry.actor(split.actor)
        node = (actor.label, key_of(name_words(actor.name), actor.label))
        plain = key_of(name_words(split.name), "PER")
        hit = 0
        for n, c in enumerate(flat):
            if c.article in split.articles and (c.folded_key == plain or target[n][1] == c.key == plain):
                target[n] = uf.find(node)
                hit += 1
        if not hit:
            stale.append(f"{split.where}: split '{split.name}' → '{split.actor}': no such mention in {', '.join(split.articles)}")


def _node_names(flat: list[Candidate]) -> dict[Node, str]:
    """The most frequent way each node is written (then the earliest)."""
    counts: dict[Node, Counter] = defaultdict(Counter)
    for c in flat:
        counts[node_of(c)][display(c.words)] += 1
    return {node: min(cs.items(), key=lambda kv: (-kv[1], kv[0]))[0] for node, cs in counts.items()}


def _canonical(members: list[Candidate]) -> str:
    """Display name of an automatic actor: the most frequent spelling of its longest key."""
    longest = max(len(c.key) for c in members)
    counts = Counter(display(c.words) for c in members if len(c.key) == longest)
    name = min(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]
    country = country_of(min(c.key for c in members if len(c.key) == longest))
    return f"{name} ({country})" if country else name  # مجلس النواب (تونس) beside مجلس النواب (الأردن)


def _ids(uf, groups, flat, registry, place_of) -> tuple[dict[Node, str], dict[str, str]]:
    """Actor id per root, and former id → current id for every name the actor's nodes would be known by."""
    node_names = _node_names(flat)
    ids: dict[Node, str] = {}
    used: dict[str, Node] = {}
    successor: dict[str, str] = {}
    canonical = {root: _canonical([flat[n] for n in members]) for root, members in groups.items()}
    for root in sorted(groups, key=lambda r: (r not in uf.owner, canonical[r], r)):
        owner = uf.owner.get(root, "")
        label = root[0]
        if owner.startswith("reg:"):
            base = owner[4:]
        elif owner.startswith("gaz:"):
            base = f"{label.lower()}-{slugify(place_of[owner].name_en)}"
        else:
            base = f"{label.lower()}-{slugify(canonical[root])}"
        actor_id, k = base, 2
        while actor_id in used:
            actor_id, k = f"{base}-{k}", k + 1
        used[actor_id] = root
        ids[root] = actor_id
    for root, actor_id in ids.items():
        for node in uf.members[root]:
            if node in node_names:
                former = f"{node[0].lower()}-{slugify(node_names[node])}"
                if former not in used:
                    successor.setdefault(former, actor_id)
    return ids, successor


def _actor(actor_id: str, root: Node, members: list[Candidate], uf: UnionFind, registry: Registry, place_of, dates: dict) -> Actor:
    owner = uf.owner.get(root, "")
    reg = registry.actor(owner[4:]) if owner.startswith("reg:") else None
    place = place_of.get(owner)
    labels = Counter(c.label for c in members)
    label = reg.label if reg else place.label if place else min(labels.items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))[0]
    name = reg.name if reg else place.name if place else _canonical(members)
    aliases = sorted({display(c.words) for c in members} | set(reg.aliases if reg else []) - {name})
    roles: dict[tuple, dict] = {}
    for c in sorted(members, key=lambda c: (c.article, c.start)):
        if c.role:
            roles.setdefault((c.role, c.article), {"role": c.role, "article": c.article, "date": dates.get(c.article)})
    role_list = [{"role": r, "article": None, "date": None} for r in (reg.roles if reg else [])]
    role_list += sorted(roles.values(), key=lambda r: (r["date"] or "", r["article"], r["role"]))
    return Actor(
        id=actor_id, slug="", name=name, label=label, aliases=[a for a in aliases if a != name],
        name_en=reg.name_en if reg else place.name_en if place else None,
        description=reg.description if reg else None, roles=role_list, links=list(reg.links) if reg else [],
    )


def _mentions(docs, flat, target, uf, ids, actors) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {a.id: [] for a, _ in docs}
    text = {a.id: a.text for a, _ in docs}
    order = sorted(range(len(flat)), key=lambda n: (flat[n].article, flat[n].start, -flat[n].end))
    last_end: dict[str, int] = defaultdict(int)
    for n in order:
        c = flat[n]
        if c.start < last_end[c.article]:
            continue
        actor = actors[ids[uf.find(target[n])]]
        out[c.article].append(Mention(c.start, c.end, text[c.article][c.start : c.end], actor.label, actor.id, c.source))
        last_end[c.article] = c.end
    return out


def _review(actors, mentions, flat, target, uf, ids, notes, published) -> Review:
    review = Review()
    by_id = {a.id: a for a in actors}
    counts = Counter(m.actor for ms in mentions.values() for m in ms)
    known = set(published.values())
    for a in actors:
        if a.id not in known:
            review.new.append(ReviewItem(a.id, a.name, f"{a.label}, {counts[a.id]} mention(s)"))
        if counts[a.id] == 1:
            review.once.append(ReviewItem(a.id, a.name, f"{a.label}, one mention"))
    seen: set[tuple] = set()
    for note in notes:
        actor_id = ids.get(uf.find(note.nodes[-1]))
        if actor_id is None or (note.kind, actor_id, note.reason) in seen:
            continue
        seen.add((note.kind, actor_id, note.reason))
        where = f" [{note.article}]" if note.article else ""
        names = " + ".join(" ".join(k) for _, k in note.nodes)
        review.merges.append(ReviewItem(actor_id, by_id[actor_id].name, f"{note.kind}: {names}: {note.reason}{where}"))
    surfaces: dict[tuple, set[str]] = defaultdict(set)
    for n, c in enumerate(flat):
        surfaces[c.key].add(ids[uf.find(target[n])])
    for key, actor_ids in sorted(surfaces.items()):
        if len(actor_ids) > 1:
            names = ", ".join(f"{by_id[i].name} ({i})" for i in sorted(actor_ids))
            review.splits.append(ReviewItem(sorted(actor_ids)[0], " ".join(key), f"one surface, {len(actor_ids)} actors: {names}"))
    return review
