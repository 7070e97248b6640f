"""An actor's pages: its facts, chart, roles and co-mentions, then the sentences that name it in its newest
``CONTEXTS_PER_PAGE`` articles (``actor_page``); older articles are listed, one line each, on numbered pages
of ``ROWS_PER_PAGE`` (``actor_more_page``).

Every article names about 17 actors in the synthetic corpus: quoting its sentences on each of their pages
made the numbered pages 12.9 KB per article at 10,000 articles, more than the article pages' text. A line
(title, date, how many mentions, linked to the first mention) says which articles, and the article page
shows the sentences in place, with the mention the link points to marked."""

from __future__ import annotations

from collections.abc import Callable

from annotate.models import Actor, Article, Mention
from annotate.render import actor_facts, charts, feeds, markup, timeline_entries, urls
from annotate.render.counted import and_more, counted
from annotate.render.escape import h
from annotate.render.indexes import undated_note
from annotate.render.site_data import SiteData
from annotate.render.snippets import arabic_date, article_link, date_label, front, heading, html_list, link

CONTEXTS_PER_PAGE = 30  # the newest articles, whose sentences the actor's page quotes (100: 1.8 KB an article)
ROWS_PER_PAGE = 1000  # older articles, one line each, on each numbered page
ROLE_LINKS = 5  # newest articles linked for each role, the rest counted (every article: 16 MB for one actor at 100,000 articles)


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
            uses = [use for use in uses if use.get("article") in data.article_by_id]
            where = "، ".join(f"{article_link(data, page, use['article'])} ({date_label(use.get('date'))})" for use in uses[:ROLE_LINKS])
            where += and_more(len(uses), ROLE_LINKS, "article")
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
        if number == 1:
            return f"#a-{article_id}"
        return urls.href(page, urls.actor_file(actor.slug, number)) + "#" + month_anchor(data.article_by_id[article_id].date or "")  # its month's heading

    return link_of


def context_chunks(data: SiteData, actor: Actor) -> list[list[str]]:
    """The actor's articles, newest first: the first ``CONTEXTS_PER_PAGE`` (quoted on its page), then pages
    of ``ROWS_PER_PAGE``. A name in every article of a big corpus made one page of megabytes, slow to open
    and rendered again whenever any of them changed."""
    articles = data.actor_articles.get(actor.id, [])
    first, rest = articles[:CONTEXTS_PER_PAGE], articles[CONTEXTS_PER_PAGE:]
    return [first] + [rest[at : at + ROWS_PER_PAGE] for at in range(0, len(rest), ROWS_PER_PAGE)]


def contexts(data: SiteData, actor: Actor, page: str, chunks: list[list[str]], number: int) -> list[str]:
    """Page ``number`` of the actor's articles: on the first, each with the sentences that name the actor;
    on the others, one line each (``article_rows``)."""
    out = [heading(2, "الإشارات في سياقها" if number == 1 else "المقالات الأقدم")]
    if len(chunks) > 1:
        out.append(pager(actor, page, chunks, number))
    wanted = set(chunks[number - 1])
    by_article: dict[str, list[tuple[int, Mention]]] = {}
    for article_id, mention_number, mention in data.actor_mentions.get(actor.id, []):
        if article_id in wanted:
            by_article.setdefault(article_id, []).append((mention_number, mention))
    if number > 1:
        out += article_rows(data, page, chunks[number - 1], by_article)
    for article_id in chunks[number - 1] if number == 1 else []:
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


def month_anchor(date: str | None) -> str:
    """The id of a month's heading on a page of older articles: ``p-2021-02`` (``p-undated``)."""
    return "p-" + (date[:7] if date else "undated")


def article_rows(data: SiteData, page: str, article_ids: list[str], by_article: dict[str, list[tuple[int, Mention]]]) -> list[str]:
    """The articles by month, newest first, one line each: the day, the title linked to the actor's first
    mention there (marked: ``:target``), how many mentions when more than one. About 190 bytes a line where
    the quoted sentences were 700."""
    out: list[str] = []
    month = None
    for article_id in article_ids:
        article = data.article_by_id[article_id]
        if month_anchor(article.date) != month:
            if month is not None:
                out.append("</ul>\n")
            month = month_anchor(article.date)
            name = arabic_date(article.date[:7]) if article.date else "بلا تاريخ"
            out += [f'<h3 id="{h(month)}">{h(name)}</h3>', '<ul class="article-rows">']
        mentions = by_article[article_id]
        target = urls.href(page, urls.article_file(article_id)) + "#" + actor_facts.mention_anchor(mentions[0][1])
        count = f" ({counted(len(mentions), 'mention')})" if len(mentions) > 1 else ""
        day = f"{int(article.date[8:10])} " if article.date and len(article.date) >= 10 else ""
        out.append(f'<li>{day}<a href="{h(target)}">{h(article.title or article.id)}</a>{count}</li>')
    if month is not None:
        out.append("</ul>\n")
    return out


def pager(actor: Actor, page: str, chunks: list[list[str]], number: int) -> str:
    """Links to every page of an actor's mentions, the current one marked."""
    items = [
        f'<strong aria-current="page">{n}</strong>' if n == number else link(page, urls.actor_file(actor.slug, n), str(n))
        for n in range(1, len(chunks) + 1)
    ]
    total = sum(map(len, chunks))
    shown = f"الأحدث {CONTEXTS_PER_PAGE} بجملها، ثم {ROWS_PER_PAGE} في كل صفحة"
    return f'<p class="pager">صفحات الإشارات ({counted(total, "article")}، {shown}): ' + " · ".join(items) + "</p>"


def actor_more_page(data: SiteData, actor: Actor, number: int) -> str:
    """Page ``number`` (2 or more) of an actor's articles: older articles, a line each."""
    page = urls.actor_file(actor.slug, number)
    chunks = context_chunks(data, actor)
    title = f"{actor.name}: المقالات الأقدم، الصفحة {number} من {len(chunks)}"
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
