"""An actor's pages: its facts, chart, roles and co-mentions, then every sentence that names it, newest
article first, in pages of ``CONTEXTS_PER_PAGE`` articles (``actor_page``, ``actor_more_page``)."""

from __future__ import annotations

from collections.abc import Callable

from annotate.models import Actor, Article, Mention
from annotate.render import actor_facts, charts, feeds, markup, timeline_entries, urls
from annotate.render.counted import counted
from annotate.render.escape import h
from annotate.render.indexes import undated_note
from annotate.render.site_data import SiteData
from annotate.render.snippets import article_link, date_label, front, heading, html_list, link

CONTEXTS_PER_PAGE = 100  # articles whose sentences an actor page shows; older ones go on numbered pages


def actor_page(data: SiteData, actor: Actor) -> str:
    page = urls.actor_file(actor.slug)
    mentions = data.actor_mentions.get(actor.id, [])
    out = [front(actor.name), heading(1, actor.name), ""]
    follow = f"<strong>المتابعة:</strong> {link(page, feeds.actor_feed(actor.slug), 'خلاصة Atom')} بكل مقال جديد يذكره"
    on_timeline = timeline_entries.actor_link_to_timeline(data, page, actor.id)
    out += html_list(actor_facts.facts(data, actor, page) + [follow] + ([on_timeline] if on_timeline else []), "facts")
    dates = [data.article_by_id[article_id].date for article_id, _, _ in mentions]
    dated = [d for d in dates if d]
    chart = charts.timeline_chart(
        dated, "الإشارات عبر الزمن (حسب تاريخ المقال)", link_of=period_links(data, actor, page), left_out=undated_note(len(dated), len(dates) - len(dated))
    )
    if chart:
        out += [chart, ""]
    if actor.roles:
        out.append(heading(2, "الصفات والمناصب"))
        items = []
        for role, uses in grouped_roles(actor.roles).items():
            where = "، ".join(
                f"{article_link(data, page, use['article'])} ({date_label(use.get('date'))})"
                for use in uses
                if use.get("article") in data.article_by_id
            )
            items.append(f"<strong>{h(role)}</strong>" + (f" — {where}" if where else ""))
        out += html_list(items, "roles")
    co = actor_facts.co_mentions_html(data, actor, page)
    if co:
        out += [heading(2, "يرد ذكره معه في الجمل نفسها"), *co]
    out += contexts(data, actor, page, context_chunks(data, actor), 1)
    return "\n".join(out)


def period_links(data: SiteData, actor: Actor, page: str) -> Callable[[str], str | None]:
    """A bar of the actor's chart links to the newest of its articles in that period, on whichever of the
    actor's pages shows it."""
    chunks = context_chunks(data, actor)
    newest: dict[str, tuple[int, str]] = {}  # year or month → (page number, article): one pass, not one a bar
    for number, chunk in enumerate(chunks, 1):
        for article_id in chunk:  # newest first
            date = data.article_by_id[article_id].date or ""
            for period in (date[:4], date[:7]):
                newest.setdefault(period, (number, article_id))

    def link_of(period: str) -> str | None:
        if period not in newest:
            return None
        number, article_id = newest[period]
        target = "" if number == 1 else urls.href(page, urls.actor_file(actor.slug, number))
        return f"{target}#a-{article_id}"

    return link_of


def context_chunks(data: SiteData, actor: Actor) -> list[list[str]]:
    """The actor's articles, newest first, in pages of ``CONTEXTS_PER_PAGE``: a name in every article of a
    big corpus made one page of megabytes, slow to open and rendered again whenever any of them changed."""
    articles = data.actor_articles.get(actor.id, [])
    return [articles[at : at + CONTEXTS_PER_PAGE] for at in range(0, len(articles), CONTEXTS_PER_PAGE)] or [[]]


def contexts(data: SiteData, actor: Actor, page: str, chunks: list[list[str]], number: int) -> list[str]:
    """Page ``number`` of the actor's mentions in context: each article with the sentences that name it."""
    out = [heading(2, "الإشارات في سياقها")]
    if len(chunks) > 1:
        out.append(pager(actor, page, chunks, number))
    wanted = set(chunks[number - 1])
    by_article: dict[str, list[tuple[int, Mention]]] = {}
    for article_id, mention_number, mention in data.actor_mentions.get(actor.id, []):
        if article_id in wanted:
            by_article.setdefault(article_id, []).append((mention_number, mention))
    for article_id in chunks[number - 1]:
        article = data.article_by_id[article_id]
        # The title once, as the link to the article (it was a heading and then a link with the same words).
        when = date_label(article.date) if article.date else '<span class="when">بلا تاريخ</span>'
        out.append(f'<h3 id="a-{h(article_id)}">{article_link(data, page, article_id)} {when}</h3>')
        out.append('<ul class="contexts">')
        for group in by_sentence(data, article, by_article[article_id]):
            out.append("<li>" + context_html(data, article, group, page) + "</li>")
        out.append("</ul>\n")
    if len(chunks) > 1:
        out.append(out[1])  # the pager again, below the last article
    return out


def pager(actor: Actor, page: str, chunks: list[list[str]], number: int) -> str:
    """Links to every page of an actor's mentions, the current one marked."""
    items = [
        f'<strong aria-current="page">{n}</strong>' if n == number else link(page, urls.actor_file(actor.slug, n), str(n))
        for n in range(1, len(chunks) + 1)
    ]
    total = sum(map(len, chunks))
    return f'<p class="pager">صفحات الإشارات ({counted(total, "article")}، {CONTEXTS_PER_PAGE} في كل صفحة، الأحدث أولاً): ' + " · ".join(items) + "</p>"


def actor_more_page(data: SiteData, actor: Actor, number: int) -> str:
    """Page ``number`` (2 or more) of an actor's mentions in context, older articles."""
    page = urls.actor_file(actor.slug, number)
    chunks = context_chunks(data, actor)
    title = f"{actor.name}: الإشارات، الصفحة {number} من {len(chunks)}"
    out = [front(title), heading(1, title), "", f"<p>{link(page, urls.actor_file(actor.slug), 'صفحة ' + actor.name)}</p>"]
    return "\n".join(out + contexts(data, actor, page, chunks, number))


def grouped_roles(roles: list[dict]) -> dict[str, list[dict]]:
    """Each role once, with the articles (newest first) where the text gave the actor that role."""
    grouped: dict[str, list[dict]] = {}
    seen: dict[str, set[str]] = {}
    for role in roles:
        uses = grouped.setdefault(role["role"], [])
        articles = seen.setdefault(role["role"], set())
        if role.get("article") and role["article"] not in articles:
            articles.add(role["article"])
            uses.append(role)
    for uses in grouped.values():
        uses.sort(key=lambda u: (u.get("date") or "", u.get("article") or ""), reverse=True)
    return grouped


def by_sentence(data: SiteData, article: Article, mentions: list[tuple[int, Mention]]) -> list[list[tuple[int, Mention]]]:
    """Mentions grouped by the sentence they occur in (a sentence is shown once)."""
    return data.by_sentence(article.id, mentions, lambda numbered: numbered[1])


def context_html(data: SiteData, article: Article, group: list[tuple[int, Mention]], page: str) -> str:
    """A sentence with the actor's mentions highlighted, linking to the first mention's anchor. Its «نسخ
    الرابط» button is added by ``assets/reader.js`` (the sentence is itself the link): written into the
    page it was a fifth of an actor page's bytes."""
    number, first = group[0]
    start, end = data.sentence_span(article.id, [m for _, m in group])
    body = markup.render(article.text, start, end, [markup.highlight(m, data.name_start(article.id, m)) for _, m in group])
    target = urls.href(page, urls.article_file(article.id)) + "#" + actor_facts.mention_anchor(first)
    return f'<a class="context" href="{h(target)}">{body}</a>'
