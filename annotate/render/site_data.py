"""Everything the pages are built from, with the lookups several pages share (computed once)."""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cached_property

from annotate.digest import json_digest
from annotate.models import Actor, Annotation, Article, Mention, Sentence
from annotate.render.clitics import actor_forms, name_start
from annotate.render.memo import Memo

INDEXED_LABELS = ("PER", "ORG", "LOC")
_NO_MEMO = Memo()  # without a file: every piece computed


@dataclass
class SiteData:
    articles: list[Article]
    annotations: dict[str, Annotation]
    mentions: dict[str, list[Mention]]  # resolved: each mention has .actor
    actors: list[Actor]
    redirects: dict[str, str] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)
    review: object | None = None
    site_url: str | None = None  # where the site is published (annotate.site_url), for the feeds' links
    site_name: str | None = None  # mkdocs.yml's site_name, for the feeds' titles
    memo: Memo | None = None  # per-article pieces kept across builds (``per_article``)

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def by_date(self) -> list[Article]:
        """Articles newest first; undated ones last, by id."""
        dated = sorted((a for a in self.articles if a.date), key=lambda a: (a.date, a.id), reverse=True)
        return dated + sorted((a for a in self.articles if not a.date), key=lambda a: a.id)

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def actor_mentions(self) -> dict[str, list[tuple[str, int, Mention]]]:
        """actor id → [(article id, mention number in article, mention)] in reading order."""
        out: dict[str, list] = defaultdict(list)
        for article in self.by_date:
            for number, mention in enumerate(self.mentions.get(article.id, [])):
                if mention.actor:
                    out[mention.actor].append((article.id, number, mention))
        return out

    @cached_property
    def actor_articles(self) -> dict[str, list[str]]:
        """actor id → ids of the articles that mention it, newest first."""
        out: dict[str, list[str]] = {}
        for actor_id, items in self.actor_mentions.items():
            out[actor_id] = list(dict.fromkeys(article_id for article_id, _, _ in items))
        return out

    @cached_property
    def article_actors(self) -> dict[str, Counter]:
        """article id → Counter of actor ids mentioned."""
        return {a.id: Counter(m.actor for m in self.mentions.get(a.id, []) if m.actor) for a in self.articles}

    def article_key(self, article_id: str) -> str:
        """Key of what any page shows of an article: its text and fields, sentences, mentions (with their
        actors' names, spellings and addresses) and dates. Computed once per article."""
        keys = self.__dict__.setdefault("_article_keys", {})
        if article_id not in keys:
            article, annotation = self.article_by_id[article_id], self.annotations[article_id]
            # Spans flattened (fixed arity: unambiguous) and each actor's fields hashed once per build, not
            # once per article naming it: 0.8 → 0.5 s over 10,000 articles, before every rebuild's render.
            keys[article_id] = json_digest([
                [article.id, article.title, hashlib.sha256(article.text.encode("utf-8")).hexdigest(), article.date, article.source, article.url, article.body],
                [x for s in annotation.sentences for x in (s.start, s.end)],
                [x for m in self.mentions.get(article_id, []) for x in (m.start, m.end, m.label, m.actor)],
                sorted(map(self._actor_shown_key, self.article_actors[article_id])),
                [[d.start, d.end, d.value, d.known] for d in annotation.dates],
            ])
        return keys[article_id]

    def _actor_shown_key(self, actor_id: str) -> str:
        """Key of what an article page shows of an actor (its id, address, name, label, spellings)."""
        keys = self.__dict__.setdefault("_actor_shown_keys", {})
        if actor_id not in keys:
            actor = self.actor_by_id[actor_id]
            keys[actor_id] = json_digest([actor_id, actor.slug, actor.name, actor.label, actor.aliases])
        return keys[actor_id]

    def per_article(self, kind: str, step: Callable[["SiteData", str], object]) -> Callable[[str], object]:
        """``step(self, article_id)``, kept across builds by the article's key when the build has a memo.
        ``step`` must depend on nothing about other articles."""
        wrapped = self.__dict__.setdefault("_per_article", {})
        memo = self.memo or _NO_MEMO
        if (id(memo), kind) not in wrapped:
            wrapped[id(memo), kind] = memo.wrap(kind, lambda article_id: step(self, article_id), self.article_key)
        return wrapped[id(memo), kind]

    def release(self) -> None:
        """Drop every lookup computed from the corpus. Some hold functions that refer back to this object
        (``per_article``), a cycle that kept the whole corpus alive until a full collection (1.2 million
        records at 10,000 articles: 0.7 s of a one-article rebuild); released, the records are freed as
        soon as the build lets go of them."""
        given = {f.name for f in fields(self)}
        for name in [name for name in self.__dict__ if name not in given]:
            del self.__dict__[name]

    def indexed(self, *labels: str) -> list[Actor]:
        """Mentioned actors of the given types, by number of articles (then mentions, then name)."""
        actors = [a for a in self.actors if a.label in labels and a.id in self.actor_articles]
        return sorted(actors, key=lambda a: (-len(self.actor_articles[a.id]), -len(self.actor_mentions[a.id]), a.name))

    def sentence_of(self, article_id: str, start: int) -> Sentence | None:
        """The sentence that contains offset ``start``."""
        sentences = self.annotations[article_id].sentences
        starts = self._sentence_starts(article_id)
        i = bisect.bisect_right(starts, start) - 1
        return sentences[i] if i >= 0 and start < sentences[i].end else None

    def _sentence_starts(self, article_id: str) -> list[int]:
        cache = self.__dict__.setdefault("_starts", {})
        if article_id not in cache:
            cache[article_id] = [s.start for s in self.annotations[article_id].sentences]
        return cache[article_id]

    def by_sentence(self, article_id: str, items: list, mention_of: Callable = lambda item: item) -> list[list]:
        """``items`` (mentions, or things that carry one: ``mention_of``) grouped by the sentence their
        mention starts in, in the order given; a mention outside every sentence is a group of its own."""
        groups: dict[int, list] = {}
        for item in items:
            mention = mention_of(item)
            sentence = self.sentence_of(article_id, mention.start)
            groups.setdefault(sentence.start if sentence else -1 - mention.start, []).append(item)
        return list(groups.values())

    def sentence_span(self, article_id: str, spans: list) -> tuple[int, int]:
        """What to quote for ``spans`` (mentions or dates of one sentence): the sentence of the first,
        stretched to the end of the last (a span can run past a sentence end); the first span alone when it
        lies in no sentence."""
        sentence = self.sentence_of(article_id, spans[0].start)
        start, end = (sentence.start, sentence.end) if sentence else (spans[0].start, spans[0].end)
        return start, max(end, *(span.end for span in spans))

    def sentence_groups(self, article_id: str) -> list[list[Mention]]:
        """The article's resolved mentions grouped by sentence, in reading order (computed once)."""
        cache = self.__dict__.setdefault("_groups", {})
        if article_id not in cache:
            cache[article_id] = self.by_sentence(article_id, self.mentions.get(article_id, []))
        return cache[article_id]

    def name_start(self, article_id: str, mention: Mention) -> int:
        """Where the mention's highlight starts: after a clitic the resolver kept inside it (``clitics``)."""
        actor = self.actor_by_id.get(mention.actor or "")
        if actor is None:
            return mention.start
        forms = self.__dict__.setdefault("_forms", {})
        if actor.id not in forms:
            forms[actor.id] = actor_forms(actor.name, actor.aliases)
        return name_start(self.article_by_id[article_id].text, mention.start, mention.end, forms[actor.id])

    def related(self, article_id: str) -> list[tuple[str, list[str]]]:
        """``related_articles``, kept across builds with a memo: it is a function of the article's actors
        and of the articles that name each of them (their ids, newest first), so an edit that changes no
        actor's list of articles reuses every article's result."""
        memo = self.memo or _NO_MEMO
        wrapped = self.__dict__.setdefault("_related", {})
        if id(memo) not in wrapped:
            wrapped[id(memo)] = memo.wrap("related", self.related_articles, self._related_key)
        return wrapped[id(memo)](article_id)  # type: ignore[no-any-return]

    def _related_key(self, article_id: str) -> str:
        postings = self.__dict__.setdefault("_postings_keys", {})
        mine = self.article_actors[article_id]
        for actor_id in mine:
            if actor_id not in postings:
                postings[actor_id] = json_digest(self.actor_articles.get(actor_id, []))
        return json_digest([article_id, sorted(mine.items()), [postings[a] for a in sorted(mine)]])

    def related_articles(self, article_id: str, limit: int = 5, budget: int = 600) -> list[tuple[str, list[str]]]:
        """Articles sharing the most actors with this one, with the shared actor ids.

        Candidates are gathered from the article's rarest actors first, within ``budget`` postings: an
        actor named in every article says nothing about relatedness and would make this quadratic. When
        even the rarest is named in more articles than the budget, the candidates are the ``budget``
        articles nearest this one in its list (newest first: the nearest in date). Taking that list
        whole cost a 100,000-article synthetic corpus, whose 135 actors are each in thousands of
        articles, a tenth of a second an article page.
        """
        mine = self.article_actors[article_id]
        candidates: Counter = Counter()
        seen = 0
        lists = self.actor_articles
        for actor_id in sorted(mine, key=lambda a: (len(lists.get(a, [])), a)):
            postings = lists.get(actor_id, [])
            if seen + len(postings) > budget:
                if candidates:
                    break
                postings = self._nearest(actor_id, article_id, budget)
            candidates.update(postings)
            seen += len(postings)
        candidates.pop(article_id, None)
        shortlist = _most_counted(candidates, limit * 10)
        own = set(mine)
        shared = {other: own.intersection(self.article_actors[other]) for other in shortlist}
        ranked = sorted(shortlist, key=lambda other: (-len(shared[other]), other))[:limit]
        return [(other, sorted(shared[other], key=lambda a: (-mine[a], a))) for other in ranked]

    def _nearest(self, actor_id: str, article_id: str, size: int) -> list[str]:
        """The ``size`` articles of the actor's list around ``article_id`` (which is in it), as a slice.
        The list is in ``by_date`` order, so the article's place is a bisection on that order, not a scan
        of a list of thousands for each article."""
        postings, rank = self.actor_articles[actor_id], self._date_rank
        at = bisect.bisect_left(postings, rank[article_id], key=rank.__getitem__)
        start = max(0, min(at - size // 2, len(postings) - size))
        return postings[start : start + size]

    @cached_property
    def _date_rank(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.by_date)}


def _most_counted(counts: Counter, size: int) -> list[str]:
    """The ``size`` keys counted most, ties by key: counts are a few small numbers, so the keys are
    bucketed by count and only the buckets taken are sorted (sorting all 600 candidates of an article by
    a key function was most of its related articles)."""
    by_count: dict[int, list[str]] = {}
    for key, count in counts.items():
        by_count.setdefault(count, []).append(key)
    out: list[str] = []
    for count in sorted(by_count, reverse=True):
        out += sorted(by_count[count])
        if len(out) >= size:
            break
    return out[:size]
