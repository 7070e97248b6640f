"""What a page says about itself to search engines, chat apps and feed readers, as front matter.

Each generated page gets an Arabic ``description`` (Material writes it as ``<meta name="description">``;
``overrides/main.html`` repeats it as ``og:description``), an ``og_type`` and, for the home page and actor
pages, the ``feed`` that follows it (``<link rel="alternate">``; the template adds the site's name to its
title, since the name is not part of a page's input key). Kept in the page's own Markdown, so the
incremental build re-renders a page exactly when what it says about itself changed. Every description is
made only from what the page's input key already covers (``pages.actor_inputs``, ``pages.article_inputs``).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from collections.abc import Callable, Iterator

from annotate.render import feeds
from annotate.render import templates as T
from annotate.render.escape import h, yaml_string
from annotate.render.site_data import INDEXED_LABELS, SiteData

DESCRIPTION_CHARS = 200  # link previews cut around here
_ACTOR_PAGE = re.compile(r"actors/([^/]+)\.md")
_ACTOR_MORE = re.compile(r"actors/([^/]+)/(\d+)\.md")
_ARTICLE = re.compile(r"articles/(.+)\.md")


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip("،,.:؛ ") + "…"


def _names(data: SiteData, actor_ids: list[str], count: int = 4) -> str:
    return "، ".join(data.actor_by_id[a].name for a in actor_ids[:count])


def appears_with(data: SiteData, actor_id: str) -> list[str]:
    """Other actors of the actor's articles, by the number of articles they share (then name)."""
    actors_of = data.article_actors
    counts = Counter(chain.from_iterable(actors_of[article_id] for article_id in data.actor_articles.get(actor_id, [])))  # one count, in C
    counts.pop(actor_id, None)
    return sorted(counts, key=lambda other: (-counts[other], data.actor_by_id[other].name))


def actor_summary(data: SiteData, actor_id: str) -> str:
    """The actor in one or two sentences: the registry's description if any, its type, how often and when
    the corpus names it, and who it appears with."""
    actor = data.actor_by_id[actor_id]
    articles = data.actor_articles.get(actor_id, [])
    dates = sorted(d for d in (data.article_by_id[a].date for a in articles) if d)
    kind = T.LABEL_NAMES.get(actor.label, "")
    span = f"، بين {dates[0]} و{dates[-1]}" if len(dates) > 1 and dates[0] != dates[-1] else (f"، في {dates[0]}" if dates else "")
    parts = [f"{actor.description.strip().rstrip('.')}." if actor.description else ""]
    parts.append(f"{actor.name} ({kind}): {len(data.actor_mentions.get(actor_id, []))} إشارة في {len(articles)} مقال{span}.")
    co = appears_with(data, actor_id)
    if co:
        parts.append(f"يرد مع: {_names(data, co)}.")
    return shorten(" ".join(p for p in parts if p))


def article_summary(data: SiteData, article_id: str) -> str:
    """The article's lead (its first sentence), then who it names."""
    article = data.article_by_id[article_id]
    sentences = data.annotations[article_id].sentences
    lead = article.text[sentences[0].start : sentences[0].end] if sentences else article.title
    counts = data.article_actors.get(article_id, {})
    ranked = sorted(counts, key=lambda a: (-counts[a], data.actor_by_id[a].name))
    named = f" يذكر: {_names(data, ranked)}." if ranked else ""
    where = "، ".join(x for x in (article.source, article.date) if x)
    return shorten((f"{where} — " if where else "") + shorten(lead, 140) + named)


def page_meta(data: SiteData, name: str) -> dict[str, str]:
    """Front matter keys of generated page ``name`` (a docs path); values are plain text."""
    if match := _ACTOR_PAGE.fullmatch(name):
        actor = _by_slug(data).get(match.group(1))
        if actor is not None:
            return {"description": actor_summary(data, actor.id), "og_type": "profile" if actor.label == "PER" else "website",
                    "feed": feeds.actor_feed(actor.slug), "feed_title": actor.name}
    if match := _ACTOR_MORE.fullmatch(name):
        actor = _by_slug(data).get(match.group(1))
        if actor is not None:
            return {"description": f"{actor.name}: المقالات الأقدم التي تذكره، الصفحة {match.group(2)}، مقال في كل سطر.", "og_type": "website",
                    "feed": feeds.actor_feed(actor.slug), "feed_title": actor.name}
    if name != "articles/index.md" and (match := _ARTICLE.fullmatch(name)) and match.group(1) in data.article_by_id:
        return {"description": article_summary(data, match.group(1)), "og_type": "article"}
    return {"description": _fixed(data, name), "og_type": "website", **_home_feed(name)}


def _home_feed(name: str) -> dict[str, str]:
    if name not in ("index.md", "articles/index.md"):
        return {}
    return {"feed": feeds.CORPUS_FEED, "feed_title": "أحدث المقالات"}


def _fixed(data: SiteData, name: str) -> str:
    counts = {label: len(data.indexed(label)) for label in INDEXED_LABELS}
    for label, file in T.INDEX_FILES.items():
        if name == file:
            return f"{T.LABEL_PLURALS[label]} في مدونة الأخبار ({counts[label]})، مرتبة حسب عدد المقالات التي تذكرها، مع صفحة لكل منها."
    descriptions = {
        "index.md": f"{len(data.articles)} مقالاً من الصحافة العربية وُسم فيها {counts['PER']} شخصاً و{counts['ORG']} منظمة "
        f"و{counts['LOC']} مكاناً "
        "والتواريخ آلياً، مع صفحة لكل فاعل تجمع الجمل التي ورد فيها.",
        "articles/index.md": f"كل مقالات المدونة ({len(data.articles)})، الأحدث أولاً، بتواريخها ومصادرها.",
        "timeline.md": "الخط الزمني: كل تاريخ محدد في نصوص المقالات، مرتباً زمنياً مع جملته.",
        "review.md": "ما يحتاج إلى نظر المحرر في سجل الفاعلين: فاعلون جدد أو نادرون ودمج غير مؤكد.",
    }
    if name.startswith("timeline/"):
        from annotate.render.timeline import year_description

        return year_description(name)
    return descriptions.get(name, "صفحة من مرصد الفاعلين في الصحافة العربية.")


def _by_slug(data: SiteData) -> dict:
    cache = data.__dict__.setdefault("_actors_by_slug", {})
    if not cache:
        cache.update({a.slug: a for a in data.actors})
    return cache


def with_meta(markdown: str, meta: dict[str, str]) -> str:
    """``markdown`` with ``meta`` added to its front matter (values HTML-escaped, as ``pages.front`` does
    for the title: the theme writes them into attributes as they are)."""
    lines = "".join(f"{key}: {yaml_string(h(value))}\n" for key, value in meta.items())
    if markdown.startswith("---\n"):
        return "---\n" + lines + markdown[len("---\n") :]
    return f"---\n{lines}---\n\n{markdown}"


Pages = Iterator[tuple[str, Callable[[], str], str | None]]  # (docs path, how to render it, its input key), as pages._write takes them


def described(data: SiteData, pages: Pages) -> Pages:
    """``pages`` (as ``pages._write`` takes them) with each page's front matter completed when rendered."""
    for name, render, inputs in pages:
        yield name, (lambda render=render, name=name: with_meta(render(), page_meta(data, name))), inputs
