"""Linking: grouping the recognized mentions of the whole corpus into actors.

Keys that are spellings of one name are united (``rules``, ``variants``), then the alias cues, the
editor's merges, splits, aliases and renames (``registry``) are applied; each group becomes an ``Actor``
with its id, display name, roles and a stable slug (``slugs``), and the review lists what an editor
should check. ``annotate.resolve.resolve`` recognizes the mentions first and hands them here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import compress

from annotate.models import LABELS, Actor, Mention
from annotate.resolve import gazetteer
from annotate.resolve.link import country_of, unite_extensions, unite_portfolios, unite_short_forms, unite_within_articles
from annotate.resolve.names import display, key_of
from annotate.resolve.registry import Registry, RegistryError
from annotate.resolve.review import Review, ReviewItem
from annotate.resolve.rules import Node, Note, UnionFind, node_of, resolve_short_forms, unite_variants
from annotate.resolve.slugs import assign_slugs, slugify
from annotate.resolve.spans import Candidate, fold_words
from annotate.tokenize import tokenize


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


def group(docs, flat: list[Candidate], links, registry: Registry, published, stale, ignored_keys, places, marks: dict[str, str] | None = None) -> Resolution:
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
    # Each candidate's node, made once for every step below, one object per distinct node: candidates read
    # back from the memo have their own copies of every key, and comparing copies was a third of grouping.
    shared: dict[Node, Node] = {}
    own = [shared.setdefault(node, node) for node in zip([c.label for c in flat], [c.key for c in flat])]
    pairs = set(zip(own, [c.article for c in flat]))  # distinct (node, article): what most steps count
    counts = Counter(own)  # mentions per node
    nodes = sorted(counts)
    for node in nodes:
        uf.add(node)
    unite_variants(uf, nodes, notes)
    unite_short_forms(uf, nodes, notes)
    unite_extensions(uf, nodes, notes, flat, marks, pairs)
    unite_portfolios(uf, nodes, notes)
    unite_within_articles(uf, flat, notes, counts, pairs)
    for alias, named in links:
        if (alias.label == named.label or "MISC" in (alias.label, named.label)) and uf.union(node_of(alias), node_of(named)):
            notes.append(Note("alias", (node_of(alias), node_of(named)), f"the text says «{display(alias.words)}» is another name for «{display(named.words)}»", alias.article))
    node_ids = _name_merges(uf, registry, nodes, stale)
    target = resolve_short_forms(uf, flat, notes, own, pairs, counts)
    _splits(uf, registry, flat, target, stale)

    # Actors: one per root that has mentions (plus merges/renames decided by automatic id).
    displays = _displays(flat)
    keys = [node[1] for node in own]
    node_names = _node_names(own, displays)
    groups = _groups(uf, target)
    canonical: dict[Node, str] = {}
    ids, successor = _ids(uf, groups, keys, registry, place_of, node_names, displays, canonical)
    first_successor, merged = dict(successor), uf.merges
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
    if uf.merges != merged:
        groups = _groups(uf, target)
        canonical = {}
        ids, successor2 = _ids(uf, groups, keys, registry, place_of, node_names, displays, canonical)
        successor.update(successor2)
    else:  # no merge or alias joined two groups: the ids are the first pass's (computing them again gives the same)
        successor.update(first_successor)

    actors: dict[str, Actor] = {}
    dates = {a.id: a.date for a, _ in docs}
    columns = {"key": keys, "display": displays, "label": [c.label for c in flat], "role": [bool(c.role) for c in flat]}
    for root in sorted(groups, key=lambda r: ids[r]):
        actors[ids[root]] = _actor(ids[root], root, groups[root], flat, columns, uf, registry, place_of, dates, canonical)
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

    actor_of = [""] * len(flat)  # each candidate's actor id
    for root, members in groups.items():
        for n in members:
            actor_of[n] = ids[root]
    mentions = _mentions(docs, flat, actor_of, actors)
    review = _review(actor_list, mentions, keys, actor_of, uf, ids, notes, published)
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


def _groups(uf: UnionFind, target: list[Node]) -> dict[Node, list[int]]:
    """Candidate indices per root of their target node (one ``find`` per distinct node)."""
    root_of = {node: uf.find(node) for node in set(target)}
    groups: dict[Node, list[int]] = defaultdict(list)
    for n, root in enumerate(map(root_of.__getitem__, target)):
        groups[root].append(n)
    return groups


def _displays(flat: list[Candidate]) -> list[str]:
    """Each candidate's name as shown (``display``), computed once per spelling."""
    words = [c.words for c in flat]
    shown = {w: display(w) for w in set(words)}
    return list(map(shown.__getitem__, words))


def _node_names(own: list[Node], displays: list[str]) -> dict[Node, str]:
    """The most frequent way each node is written (then the earliest)."""
    counts: dict[Node, Counter] = defaultdict(Counter)
    for (node, shown), n in Counter(zip(own, displays)).items():
        counts[node][shown] = n
    return {node: min(cs.items(), key=lambda kv: (-kv[1], kv[0]))[0] for node, cs in counts.items()}


def _canonical(members: list[int], keys: list[tuple], displays: list[str]) -> str:
    """Display name of an automatic actor (candidate indices; ``keys``: each candidate's): the most frequent
    spelling of its longest key."""
    lengths = list(map(len, map(keys.__getitem__, members)))
    longest = max(lengths)
    longs = list(compress(members, [n == longest for n in lengths]))
    counts = Counter(map(displays.__getitem__, longs))
    name = min(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]
    country = country_of(min(map(keys.__getitem__, longs)))
    return f"{name} ({country})" if country else name  # مجلس النواب (تونس) beside مجلس النواب (الأردن)


def _ids(uf, groups, keys, registry, place_of, node_names, displays, canonical: dict) -> tuple[dict[Node, str], dict[str, str]]:
    """Actor id per root, and former id → current id for every name the actor's nodes would be known by.
    ``canonical`` gets each root's automatic name (for ``_actor``: computed once per group)."""
    ids: dict[Node, str] = {}
    used: dict[str, Node] = {}
    successor: dict[str, str] = {}
    canonical.update({root: _canonical(members, keys, displays) for root, members in groups.items()})
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


def _actor(actor_id: str, root: Node, indices: list[int], flat: list[Candidate], columns: dict[str, list], uf: UnionFind, registry: Registry, place_of, dates: dict, canonical: dict) -> Actor:
    """``columns``: each candidate's key, display, label and whether it has a role (read in C loops: an
    actor of the corpus has tens of thousands of mentions); ``canonical``: each group's name (``_ids``)."""
    displays = columns["display"]
    owner = uf.owner.get(root, "")
    reg = registry.actor(owner[4:]) if owner.startswith("reg:") else None
    place = place_of.get(owner)
    labels = Counter(map(columns["label"].__getitem__, indices))
    label = reg.label if reg else place.label if place else min(labels.items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))[0]
    name = reg.name if reg else place.name if place else canonical[root]
    aliases = sorted(set(map(displays.__getitem__, indices)) | set(reg.aliases if reg else []) - {name})
    roles: dict[tuple, dict] = {}
    with_role = [flat[n] for n in compress(indices, map(columns["role"].__getitem__, indices))]
    for c in sorted(with_role, key=lambda c: (c.article, c.start)):
        if c.role:
            roles.setdefault((c.role, c.article), {"role": c.role, "article": c.article, "date": dates.get(c.article)})
    role_list = [{"role": r, "article": None, "date": None} for r in (reg.roles if reg else [])]
    role_list += sorted(roles.values(), key=lambda r: (r["date"] or "", r["article"], r["role"]))
    return Actor(
        id=actor_id, slug="", name=name, label=label, aliases=[a for a in aliases if a != name],
        name_en=reg.name_en if reg else place.name_en if place else None,
        description=reg.description if reg else None, roles=role_list, links=list(reg.links) if reg else [],
    )


def _mentions(docs, flat, actor_of: list[str], actors) -> dict[str, list[Mention]]:
    """Each article's mentions in text order, a span inside an earlier one left out."""
    out: dict[str, list[Mention]] = {a.id: [] for a, _ in docs}
    text = {a.id: a.text for a, _ in docs}
    by_article: dict[str, list[int]] = defaultdict(list)
    for n, c in enumerate(flat):
        by_article[c.article].append(n)
    for article in sorted(by_article):  # as one sort by (article, start, -end) would order them
        members = by_article[article]
        members.sort(key=lambda n: (flat[n].start, -flat[n].end))
        body, found, last_end = text[article], out[article], 0
        for n in members:
            c = flat[n]
            if c.start < last_end:
                continue
            actor = actors[actor_of[n]]
            found.append(Mention(c.start, c.end, body[c.start : c.end], actor.label, actor.id, c.source))
            last_end = c.end
    return out


def _review(actors, mentions, keys: list[tuple], actor_of: list[str], uf, ids, notes, published) -> Review:
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
    for key, actor_id in set(zip(keys, actor_of)):
        surfaces[key].add(actor_id)
    for key, actor_ids in sorted(surfaces.items()):
        if len(actor_ids) > 1:
            names = ", ".join(f"{by_id[i].name} ({i})" for i in sorted(actor_ids))
            review.splits.append(ReviewItem(sorted(actor_ids)[0], " ".join(key), f"one surface, {len(actor_ids)} actors: {names}"))
    return review
