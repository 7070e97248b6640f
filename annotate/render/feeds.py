"""Atom feeds: one for the whole corpus (``feed.xml``) and one per actor (``feeds/<slug>.xml``).

A reader subscribes to an actor and sees each new article that mentions it, newest first, with the
sentences that name it. Written with feedgen (valid Atom 1.0). Every value is a function of the corpus,
so two builds give the same bytes: ``updated`` is the article's publication date (undated articles come
last, as on the site, with the Unix epoch as their date, since Atom requires one), and ids are
name-based UUIDs (``urn:uuid:``) of the site's address and the article's and actor's ids, so an entry
keeps its id across rebuilds. Feeds whose entries did not change are not even serialized again
(``DocsFolder.reuse``, keyed by the entries' plain view data). A renamed actor's old slug keeps a feed
with the same entries (Atom has no redirect), so subscriptions to it go on working.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from annotate.digest import files_digest, json_digest
from annotate.models import Actor, Article, Mention
from annotate.render import markup, urls
from annotate.render import templates as T
from annotate.render.docs_folder import DocsFolder
from annotate.render.escape import h
from annotate.render.site_data import SiteData
from annotate.site_url import absolute

CORPUS_FEED = "feed.xml"
FEED_ENTRIES = 50  # the newest articles a feed carries; older ones are on the site and in the data files
LEAD_SENTENCES = 2  # of the article, in the corpus feed's entries
CODE = files_digest([Path(__file__)])
SITE_NAME = "مرصد الفاعلين"  # when mkdocs.yml has no site_name
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def actor_feed(slug: str) -> str:
    """An actor's feed, as a docs (and site) path."""
    return f"feeds/{slug}.xml"


@dataclass(frozen=True)
class Entry:
    """What one feed entry shows (plain data: its digest decides whether the feed is written again)."""

    id: str
    article: str  # its id, the title when the headline is empty
    title: str
    link: str
    date: str
    source: str | None
    content: str  # HTML
    categories: tuple[tuple[str, str], ...]  # (term, label)


@dataclass(frozen=True)
class Feed:
    path: str
    id: str
    title: str
    subtitle: str
    page: str  # the page the feed follows (rel="alternate")
    self_link: str | None  # the feed's own address, when the site's is known
    author: str  # the site's name
    entries: tuple[Entry, ...]


def _uuid(site_url: str | None, *parts: str) -> str:
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, site_url or "urn:annotate:local")
    return f"urn:uuid:{uuid.uuid5(namespace, '/'.join(parts))}"


def _when(date: str) -> dt.datetime:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as midnight UTC of its first day; no date: the epoch."""
    if not date:
        return EPOCH
    padded = date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date[:10]
    return dt.datetime.fromisoformat(padded).replace(tzinfo=dt.timezone.utc)


def _newest(data: SiteData, article_ids: list[str]) -> list[Article]:
    """The first ``FEED_ENTRIES`` of ``article_ids`` (given newest first, undated last)."""
    return [data.article_by_id[a] for a in article_ids[:FEED_ENTRIES]]


def _strong(mention: Mention) -> markup.Marked:
    """A mention in bold: feed readers strip ``<mark>`` and class attributes (feedparser's sanitizer does)."""
    return markup.Marked(mention.start, mention.end, lambda text: f"<strong>{text}</strong>")


def _sentences(data: SiteData, article: Article, mentions: list[Mention]) -> list[str]:
    """Each sentence naming one of ``mentions`` once, as HTML with those mentions highlighted."""
    out = []
    for group in data.by_sentence(article.id, mentions):
        start, end = data.sentence_span(article.id, group)
        out.append(markup.render(article.text, start, end, [_strong(m) for m in group]))
    return out


def _meta_line(article: Article) -> str:
    parts = [h(article.date or "بلا تاريخ")] + ([h(article.source)] if article.source else [])
    return f'<p dir="rtl">{" · ".join(parts)}</p>'


def _actor_entry(data: SiteData, actor: Actor, article: Article, link: str) -> Entry:
    mentions = [m for m in data.mentions.get(article.id, []) if m.actor == actor.id]
    items = "".join(f"<li>{s}</li>" for s in _sentences(data, article, mentions))
    content = f'{_meta_line(article)}<ul dir="rtl">{items}</ul><p><a href="{h(link)}">المقال كاملاً</a></p>'
    return Entry(_uuid(data.site_url, "actor", actor.id, "article", article.id), article.id, article.title, link, article.date or "",
                 article.source, content, ((actor.slug, actor.name),))


def _corpus_entry(data: SiteData, article: Article, link: str, feed_path: str) -> Entry:
    sentences = data.annotations[article.id].sentences[:LEAD_SENTENCES]
    lead = " ".join(h(article.text[s.start : s.end]) for s in sentences)
    counts = data.article_actors.get(article.id, {})
    ranked = sorted(counts, key=lambda a: (-counts[a], data.actor_by_id[a].name))[:10]
    actors = [data.actor_by_id[a] for a in ranked]
    hrefs = [absolute(data.site_url, urls.url_of(urls.actor_file(x.slug)), feed_path) for x in actors]
    names = "، ".join(f'<a href="{h(href)}">{h(x.name)}</a>' for x, href in zip(actors, hrefs, strict=True))
    content = _meta_line(article) + f'<p dir="rtl">{lead}</p>' + (f'<p dir="rtl">الفاعلون: {names}</p>' if names else "")
    categories = tuple((data.actor_by_id[a].slug, data.actor_by_id[a].name) for a in ranked)
    return Entry(_uuid(data.site_url, "corpus", "article", article.id), article.id, article.title, link, article.date or "",
                 article.source, content, categories)


def _name(data: SiteData) -> str:
    return data.site_name or SITE_NAME


def _self(data: SiteData, path: str) -> str | None:
    return data.site_url + path if data.site_url else None


def corpus_feed(data: SiteData) -> Feed:
    path = CORPUS_FEED
    entries = tuple(
        _corpus_entry(data, a, absolute(data.site_url, urls.url_of(urls.article_file(a.id)), path), path)
        for a in _newest(data, [x.id for x in data.by_date])
    )
    return Feed(path, _uuid(data.site_url, "corpus"), f"{_name(data)}: أحدث المقالات", "أحدث مقالات المدونة، مع الفاعلين في كل مقال.",
                absolute(data.site_url, "", path), _self(data, path), _name(data), entries)


def actor_feed_view(data: SiteData, actor: Actor) -> Feed:
    path = actor_feed(actor.slug)
    articles = _newest(data, data.actor_articles.get(actor.id, []))
    entries = tuple(_actor_entry(data, actor, a, absolute(data.site_url, urls.url_of(urls.article_file(a.id)), path)) for a in articles)
    kind = T.LABEL_NAMES.get(actor.label, "")
    return Feed(path, _uuid(data.site_url, "actor", actor.id), f"{actor.name} — {_name(data)}",
                f"المقالات التي تذكر {actor.name} ({kind})، الأحدث أولاً، مع الجمل التي ورد فيها.",
                absolute(data.site_url, urls.url_of(urls.actor_file(actor.slug)), path), _self(data, path), _name(data), entries)


_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """Text XML can hold: scraped pages carry control characters (form feeds, vertical tabs) that lxml refuses."""
    return _NOT_XML.sub("", text)


def atom(feed: Feed) -> bytes:
    """The feed as Atom XML (feedgen), newest entry first."""
    from feedgen.feed import FeedGenerator

    feed = _clean(feed)
    fg = FeedGenerator()
    fg.id(feed.id)
    fg.title(feed.title)
    fg.subtitle(feed.subtitle)
    fg.language("ar")
    fg.author({"name": feed.author})
    fg.generator("annotate")
    fg.link(href=feed.page, rel="alternate", type="text/html")
    if feed.self_link:
        fg.link(href=feed.self_link, rel="self", type="application/atom+xml")
    fg.updated(_when(feed.entries[0].date) if feed.entries else EPOCH)
    for entry in feed.entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.id)
        fe.title(entry.title)
        fe.link(href=entry.link, rel="alternate", type="text/html")
        fe.updated(_when(entry.date))
        if entry.date:
            fe.published(_when(entry.date))
        if entry.source:
            fe.author({"name": entry.source})
        for term, label in entry.categories:
            fe.category(term=term, label=label)
        fe.content(entry.content, type="html")
    return fg.atom_str(pretty=True, encoding="UTF-8")


def _clean(feed: Feed) -> Feed:
    entries = tuple(
        replace(e, title=" ".join(_xml(e.title).split()) or _xml(e.article), content=_xml(e.content), source=_xml(e.source) if e.source else None,
                categories=tuple((_xml(t), _xml(label)) for t, label in e.categories))
        for e in feed.entries
    )
    return replace(feed, title=_xml(feed.title), subtitle=_xml(feed.subtitle), author=_xml(feed.author), entries=entries)


def feeds(data: SiteData) -> Iterator[tuple[Feed, list[str]]]:
    """Every feed with the paths it is written at (an actor's current slug, then its old ones)."""
    yield corpus_feed(data), [CORPUS_FEED]
    old_slugs: dict[str, list[str]] = {}
    current = {a.slug for a in data.actors}
    for old, new in sorted(data.redirects.items()):
        if old not in current:
            old_slugs.setdefault(new, []).append(old)
    for actor in data.actors:
        if actor.id in data.actor_articles:
            yield actor_feed_view(data, actor), [actor_feed(actor.slug), *(actor_feed(s) for s in old_slugs.get(actor.slug, []))]


def write_feeds(data: SiteData, folder: DocsFolder) -> dict[str, str]:
    """Write every feed that changed; return ``{actor id: feed path}``."""
    paths = {}
    by_slug = {a.slug: a for a in data.actors}
    for feed, targets in feeds(data):
        key = json_digest([CODE, data.site_url, asdict(feed)])
        content: bytes | None = None
        for target in targets:
            if folder.reuse(target, key):
                continue
            content = content if content is not None else atom(feed)
            folder.inputs[target] = key
            folder.write(target, content)
        slug = targets[0][len("feeds/") : -len(".xml")] if targets[0] != CORPUS_FEED else None
        if slug in by_slug:
            paths[by_slug[slug].id] = targets[0]
    return paths
