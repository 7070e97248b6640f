"""Grouping: which name keys are one actor.

Nodes are (label, key). They are united when their keys are spelling variants (``variants``), when the
text or the registry says one is an alias of the other, and when a multi-word name sits inside a longer name
in the same article (خليفة حفتر in خليفة بلقاسم حفتر). Bare one-word person names (حفتر، شويغو) are resolved
per mention, not united: to the most salient full name containing them in the same article, else in the
corpus. Salience is the full name's mentions in the article plus the number of articles it appears in, so a
son named in full twice (صدام حفتر) does not take the bare «حفتر» from the father the corpus is about — so صدام حفتر and خليفة حفتر stay two actors while each article's «حفتر» goes to its own Haftar.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from annotate.resolve.names import Key
from annotate.resolve.spans import Candidate
from annotate.resolve.variants import variant_key, variant_word

Node = tuple[str, Key]


@dataclass(frozen=True)
class Note:
    """Something an editor should look at: a merge or a choice the rules made with little evidence."""

    kind: str  # variant | alias | short-form | conflict
    nodes: tuple[Node, ...]
    reason: str
    article: str | None = None


class UnionFind:
    """Union-find over nodes; a node may have an owner (a registry actor or a place), and two owners never merge."""

    def __init__(self, owners: dict[Node, str]) -> None:
        self.parent: dict[Node, Node] = {}
        self.owner: dict[Node, str] = {}
        self.members: dict[Node, list[Node]] = {}
        self.merges = 0  # unions that joined two groups: equal before and after a step, the groups are as they were
        first: dict[str, Node] = {}
        for node, owner in sorted(owners.items()):
            self.add(node)
            self.owner[node] = owner
            if owner in first:
                self.union(first[owner], node)  # a registry actor's name and aliases are one actor
            else:
                first[owner] = node

    def add(self, node: Node) -> None:
        if node not in self.parent:
            self.parent[node] = node
            self.members[node] = [node]

    def find(self, node: Node) -> Node:
        self.add(node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: Node, b: Node) -> bool:
        """Unite a and b; False (and nothing done) if they belong to two different owners."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        oa, ob = self.owner.get(ra), self.owner.get(rb)
        if oa and ob and oa != ob:
            return False
        if (oa is None and ob is not None) or (oa == ob and rb < ra):
            ra, rb = rb, ra  # the owned (or smaller) root survives: deterministic
        self.parent[rb] = ra
        self.merges += 1
        self.members[ra].extend(self.members.pop(rb))
        if ob and not oa:
            self.owner[ra] = ob
        return True


def is_subsequence(short: Key, long: Key) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def node_of(c: Candidate) -> Node:
    return (c.label, c.key)


def unite_variants(uf: UnionFind, nodes: list[Node], notes: list[Note]) -> None:
    buckets: dict[tuple[str, Key], list[Node]] = defaultdict(list)
    for node in nodes:
        buckets[(node[0], variant_key(node[1]))].append(node)
    for _, group in sorted(buckets.items()):
        group = sorted(group)
        for other in group[1:]:
            if uf.union(group[0], other):
                notes.append(Note("variant", (group[0], other), "spelling variants of one transliterated name"))
            else:
                notes.append(Note("conflict", (group[0], other), "spelling variants, but the registry gives them to two actors"))


class _Cached(dict):
    """``fn(x)`` per distinct ``x``: a pure function over many repeated nodes or keys."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, x):
        value = self[x] = self.fn(x)
        return value


def resolve_short_forms(uf: UnionFind, cands: list[Candidate], notes: list[Note], own: list[Node] | None = None, pairs: set | None = None, counts: Counter | None = None) -> list[Node]:
    """The node each candidate is attached to (its own, or the full name its short form stands for).
    ``own`` (each candidate's node), ``pairs`` (the distinct (node, article) pairs) and ``counts``
    (mentions per node), when the caller has them."""
    own = own if own is not None else [(c.label, c.key) for c in cands]
    pairs = pairs if pairs is not None else set(zip(own, (c.article for c in cands)))
    counts = counts if counts is not None else Counter(own)
    target = list(own)
    vkey = _Cached(variant_key)
    by_article: dict[str, list[int]] = defaultdict(list)
    for n, node in enumerate(own):
        if node[0] == "PER":
            by_article[cands[n].article].append(n)
    # Multi-word names inside longer names of the same article: one actor (corpus-wide).
    article_keys = {article: sorted({own[n][1] for n in members}) for article, members in by_article.items()}
    for article in sorted(by_article):
        keys = article_keys[article]
        for short in keys:
            if len(short) < 2:
                continue
            containers = [k for k in keys if len(k) > len(short) and is_subsequence(vkey[short], vkey[k])]
            if len(containers) == 1:
                uf.union(("PER", short), ("PER", containers[0]))
    # No union from here on: roots (and what hangs on them) are computed once per node.
    root = _Cached(uf.find)
    attached = _Cached(lambda node: _attached(uf, root[node], vkey))
    corpus = _corpus_salience(root, counts, pairs)
    index = _word_index(counts, vkey)
    corpus_choice: dict[Key, tuple[Node, list[Node], str] | None] = {}
    # Per node: its root, and whether it is a bare one-word name to resolve (أبو الغيط counts as one word).
    facts = _Cached(lambda node: (root[node], len(vkey[node[1]]) == 1 and not attached[node]))
    for article in sorted(by_article):
        members = by_article[article]
        local: Counter = Counter()
        first = {}
        bare = []
        for n in members:
            r, short = facts[own[n]]
            local[r] += 1
            if r not in first:
                first[r] = cands[n].start
            if short:
                bare.append(n)
        keys = [(k, vkey[k]) for k in article_keys[article] if len(k) > 1]
        chosen: dict[Key, tuple[Node, list[Node], str] | None] = {}
        noted: set[Key] = set()
        for n in bare:
            c = cands[n]
            key = own[n][1]  # the shared copy of ``c.key``
            if key not in chosen:
                chosen[key] = _choose(root, key, vkey, keys, index, local, corpus, first, corpus_choice)
            if chosen[key] is None:
                continue
            best, roots, scope = chosen[key]
            target[n] = best
            if key in noted:
                continue  # one note per article and surface
            noted.add(key)
            if not any(is_subsequence(c.key, k) for _, k in uf.members[best]):
                notes.append(Note("variant", (own[n], best), f"«{' '.join(c.key)}» matches only as a spelling variant", c.article))
            if len(roots) > 1:
                others = " / ".join(" ".join(r[1]) for r in roots if r != best)
                notes.append(Note("short-form", (own[n], best), f"«{' '.join(c.key)}» could also be: {others} ({scope})", c.article))
    return target


def _choose(root: dict, short: Key, vkey: dict, keys: list[tuple[Key, Key]], index, local: Counter, corpus, first: dict, cache: dict) -> tuple[Node, list[Node], str] | None:
    """The full name a one-word name stands for: in the article if it has one, else in the corpus (cached)."""
    vshort = vkey[short]
    roots = sorted({root[("PER", k)] for k, vk in keys if is_subsequence(vshort, vk)})
    scope = "article"
    if not roots:
        if short not in cache:
            # Across articles only as a surname (بوتين → فلاديمير بوتين): a bare first name in one article
            # (الأمير الحسين) is not the «حسين الشيخ» of another.
            found = sorted({root[node] for node, vk in index.get(vshort[0], ()) if vk[-1] == vshort[-1]})
            cache[short] = (max(found, key=lambda r: (corpus[r][0], corpus[r], _neg(r))), found, "corpus") if found else None
        return cache[short]
    best = max(roots, key=lambda r: (local[r] + corpus[r][0], local[r], corpus[r], -first.get(r, 1 << 60), _neg(r)))
    return best, roots, scope


def _neg(node: Node) -> tuple:
    """Tie-breaker that prefers the alphabetically first key under ``max``."""
    return tuple(-ord(ch) for ch in " ".join(node[1]))


def _attached(uf: UnionFind, root: Node, vkey: dict) -> bool:
    """A one-word node (given its root) the registry, a place or an alias cue already ties to an actor."""
    return root in uf.owner or any(len(vkey[k]) > 1 for _, k in uf.members[root])


def _corpus_salience(root: dict, counts: Counter, pairs: set) -> dict[Node, tuple[int, int]]:
    """(articles, mentions) per root: from each node's mentions and its distinct (node, article) pairs."""
    articles: dict[Node, set[str]] = defaultdict(set)
    mentions: Counter = Counter()
    for node, count in counts.items():
        mentions[root[node]] += count
    for node, article in pairs:
        articles[root[node]].add(article)
    return defaultdict(lambda: (0, 0), {r: (len(articles[r]), mentions[r]) for r in articles})


def _word_index(nodes, vkey: dict) -> dict[str, list[Node]]:
    index: dict[str, set[Node]] = defaultdict(set)
    for node in nodes:
        if node[0] == "PER" and len(node[1]) > 1:
            for w in node[1]:
                index[variant_word(w)].add(node)
    return {w: [(node, vkey[node[1]]) for node in sorted(nodes)] for w, nodes in index.items()}
