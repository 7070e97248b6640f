"""The timeline's entries: each date in its sentence, the sentence's actors linked, filterable by actor.

An entry's element id is unique on the page (``t-<article>-<offset>``): the dates inside carry none, so the
page never repeats an id (the articles' ``d-N`` did, once per article). An entry's sentence links each actor
it names (its slug in the link: no ``data-actors`` list beside them, 2.3 MB at 10,000 articles);
``assets/reader.js`` shows one actor's entries for ``timeline/<year>/?actor=<slug>``, which the
index ``timeline/?actor=<slug>`` (the link each actor page gives) links to for each of the actor's years.
"""

from __future__ import annotations

from urllib.parse import quote

from annotate.dates.labels import period_label
from annotate.models import DateMention
from annotate.render import markup, urls
from annotate.render.counted import counted
from annotate.render.escape import h
from annotate.render.site_data import SiteData

INDEX = "timeline.md"  # the index of years; the entries are on the year pages, all at this depth:
PAGE = "timeline/year.md"


def entry_actors(data: SiteData, article_id: str, found: DateMention) -> list[str]:
    """Ids of the actors named in the date's sentence, in reading order, each once."""
    start, end = data.sentence_span(article_id, [found])
    return list(dict.fromkeys(m.actor for m in data.mentions.get(article_id, []) if m.actor and start <= m.start and m.end <= end))


def entry_attributes(data: SiteData, article_id: str, found: DateMention) -> str:
    """The entry's id; which actors its sentence names, the filter reads from the sentence's links."""
    return f'id="t-{h(article_id)}-{found.start}"'


def value_label(value: str) -> str:
    """The entry's period in words (السبعينيات), with its ISO value as the title where the words differ."""
    label = period_label(value)
    title = f' title="{h(value)}"' if label != value else ""
    return f'<span class="tl-value"{title}>{h(label)}</span>'


def entry_body(data: SiteData, article_id: str, number: int, found: DateMention) -> str:
    """The sentence (actors linked, the date marked) and the article it comes from, linked to the date."""
    article = data.article_by_id[article_id]
    start, end = data.sentence_span(article_id, [found])
    marks = []
    for mention in data.mentions.get(article_id, []):
        actor = data.actor_by_id.get(mention.actor or "")
        if actor and start <= mention.start and mention.end <= end:
            marks.append(markup.entity_ref(mention, urls.href(PAGE, urls.actor_file(actor.slug)), data.name_start(article_id, mention)))
    marks.append(markup.date(found, None))
    body = markup.render(article.text, start, end, marks)
    target = urls.href(PAGE, urls.article_file(article_id)) + f"#d-{number}"
    return f'{body} <a class="tl-article" href="{h(target)}">— {h(article.title or article.id)}</a>'


def actor_link_to_timeline(data: SiteData, page: str, actor_id: str) -> str:
    """"This actor on the timeline", with how many dated sentences name it; empty when none do."""
    from annotate.render.timeline import entry_keys  # timeline imports this module: the timeline's own rule, not a copy

    keys = data.per_article("timeline-keys", entry_keys)
    count = sum(actor_id in actors for article_id in data.actor_articles.get(actor_id, []) for *_, actors in keys(article_id))
    if not count:
        return ""
    slug = data.actor_by_id[actor_id].slug
    href = urls.href(page, INDEX) + "?actor=" + quote(slug, safe="-")
    return f'<a class="to-timeline" href="{h(href)}">على الخط الزمني: {counted(count, "date")} في جمل تذكره</a>'
