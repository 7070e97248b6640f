"""Write every generated page: articles, actors, indexes, home, timeline, review.

Each ``*_page`` function returns the Markdown of one page (structure in Markdown, annotated text as raw
HTML, every value escaped); ``render_pages`` writes them all and the data files.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from annotate.digest import files_digest, json_digest
from annotate.models import Actor, Article
from annotate import forked, markup_text
from annotate.render import actor_facts, markup, review_view, urls
from annotate.render import templates as T
from annotate.render.counted import counted
from annotate.render.data import write_data
from annotate.render.legacy import write_legacy_redirects
from annotate.render.memo import Memo
from annotate.render.docs_folder import DocsFolder
from annotate.render.escape import h
from annotate.render.indexes import home_page, index_page, articles_index
from annotate.render import timeline
from annotate.render.page_meta import described
from annotate.render.actor_pages import actor_more_page, actor_page, context_chunks
from annotate.render.site_data import INDEXED_LABELS, SiteData
from annotate.resolve.latin import latin_name
from annotate.render.snippets import actor_link, arabic_date, article_link, date_label, front, heading, headline_is_cut, html_list, source_label

__all__ = ["arabic_date", "date_label", "render_pages"]

# --- article -------------------------------------------------------------------------------------------


def article_marks(data: SiteData, article: Article, page: str) -> list[markup.Marked]:
    marks = []
    for number, mention in enumerate(data.mentions.get(article.id, [])):
        actor = data.actor_by_id.get(mention.actor or "")
        target = urls.href(page, urls.actor_file(actor.slug)) if actor else None
        start = data.name_start(article.id, mention)
        marks.append(markup.entity(mention, actor_facts.mention_anchor(mention), target, start))
    for number, found in enumerate(data.annotations[article.id].dates):
        marks.append(markup.date(found, number))
    return marks


def paragraphs(data: SiteData, article: Article) -> Iterator[tuple[int, int]]:
    """Paragraph spans: runs of sentences not separated by a line break."""
    start = end = None
    for sentence in data.annotations[article.id].sentences:
        if start is not None and "\n" in article.text[end : sentence.start]:
            yield start, end
            start = None
        start = sentence.start if start is None else start
        end = sentence.end
    if start is not None:
        yield start, end


def article_text_html(data: SiteData, article: Article, page: str) -> str:
    """The article's body: paragraphs, and the structure its markup gave (subheadings, list items, rules)."""
    marks = article_marks(data, article, page)
    out = ['<div class="article-text" dir="rtl" lang="ar">']
    in_list, previous_end = False, 0
    spans = list(paragraphs(data, article))
    for (start, end), kind in zip(spans, markup_text.block_kinds(article.text, spans)):
        if markup_text.rule_between(article.text, previous_end, start):
            if in_list:
                out.append("</ul>")
            in_list = False
            out.append("<hr>")
        inner = markup.render(article.text, start, end, marks)
        if kind == "bullet" and not in_list:
            out.append('<ul class="article-list">')
            in_list = True
        elif kind != "bullet" and in_list:
            out.append("</ul>")
            in_list = False
        if kind == "bullet":
            out.append(f"<li>{inner}</li>")
        elif kind == "heading":
            out.append(f'<h3 class="subhead">{inner}</h3>')
        elif len(article.text[start:end].split()) <= 8 and article.text[end - 1] not in ".!?؟…:،":
            out.append(f'<p class="subhead">{inner}</p>')
        else:
            out.append(f"<p>{inner}</p>")
        previous_end = end
    if in_list:
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


def article_meta(article: Article) -> str:
    """Date, outlet, the original's link, and whether the headline is the text's own."""
    parts = [f'<span class="meta-date">التاريخ: {date_label(article.date)}</span>']
    parts.append(f'<span class="meta-source">المصدر: {source_label(article) or "غير معروف"}</span>')
    if article.url and article.url.startswith(("http://", "https://")):
        parts.append(f'<a class="meta-original" href="{h(article.url)}" rel="nofollow noopener">المقال الأصلي</a>')
    if headline_is_cut(article):
        parts.append('<span class="meta-headline">العنوان مقتطع من أول جملة: لم يُعثر في الصفحة على عنوان المقال</span>')
    return '<p class="article-meta">' + " · ".join(parts) + "</p>"


def article_core(data: SiteData, article: Article) -> str:
    """Key of what any page shows of an article (``SiteData.article_key``)."""
    return data.article_key(article.id)


def article_inputs(data: SiteData, article: Article, previous: Article | None, following: Article | None) -> str:
    """Everything an article page is made of, as one key: a rebuild reuses the page when it is unchanged.

    The page shows the article (``article_core``), related articles and its neighbours by date; the
    rendering code's own digest covers the rest.
    """
    actors = data.actor_by_id
    return json_digest([
        RENDER_CODE,
        article_core(data, article),
        [[o, data.article_by_id[o].title, [actors[a].name for a in shared]] for o, shared in data.related(article.id)],
        [[n.id, n.title] if n else None for n in (previous, following)],
    ])


def actor_inputs(data: SiteData, actor: Actor, number: int = 1) -> str:
    """Everything an actor page is made of: the actor's own fields and the articles it shows or counts.
    The first page sums up every article (their whole keys: the contexts, dates, co-mentioned actors and
    their addresses); a numbered page shows a line for each of its own articles (``_rows``) and the pager."""
    chunks = context_chunks(data, actor)
    if number > 1:
        return json_digest([RENDER_CODE, _actor_fields_key(data, actor), number, len(chunks), sum(map(len, chunks)), _rows(data, actor, chunks[number - 1])])
    shown = data.actor_articles.get(actor.id, [])
    # The articles' keys are fixed-length hex digests: joined, they hash in microseconds where a JSON list
    # of thousands of them cost milliseconds an actor (1,755 actor pages at 10,000 articles).
    keys = _article_keys(data)
    shown_key = hashlib.sha256("".join([keys[a] for a in shown]).encode()).hexdigest()
    return json_digest([RENDER_CODE, _actor_fields_key(data, actor), number, len(chunks), len(shown), shown_key])


def _rows(data: SiteData, actor: Actor, article_ids: list[str]) -> str:
    """A digest of what a numbered page shows of each of its articles (``actor_pages.article_rows``): id,
    date, title, where the actor's first mention starts and how many there are. Not the article's whole key: an edit
    elsewhere in the text, or to another actor (a registry edit ignoring a place named in 2,000 articles),
    left every numbered page of every actor named beside it to be made again."""
    firsts = data.__dict__.setdefault("_first_mentions", {})
    if actor.id not in firsts:
        mine: dict[str, list] = {}
        for article_id, _, mention in data.actor_mentions.get(actor.id, []):
            seen = mine.setdefault(article_id, [mention.start, 0])
            seen[1] += 1
        firsts[actor.id] = mine
    mine = firsts[actor.id]
    # One JSON line per article made once a build (its id, date and title), then a line per row with the
    # actor's numbers: the rows of every numbered page (200,000 at 10,000 articles) were a JSON list each.
    lines = data.__dict__.get("_row_lines")
    if lines is None:
        lines = data.__dict__["_row_lines"] = {a.id: json.dumps([a.id, a.date, a.title], ensure_ascii=False) for a in data.articles}
    return hashlib.sha256("\n".join([f"{lines[a]} {mine[a][0]} {mine[a][1]}" for a in article_ids]).encode()).hexdigest()


def _actor_fields_key(data: SiteData, actor: Actor) -> str:
    """Key of the actor's own fields, once per actor (its roles list every article that gave it one: hashed
    again for each of its pages, it cost seconds)."""
    cache = data.__dict__.setdefault("_actor_fields_keys", {})
    if actor.id not in cache:
        fields = [actor.id, actor.slug, actor.name, actor.label, actor.aliases, actor.name_en, latin_name(actor.name, actor.label, actor.name_en), actor.description, actor.roles, actor.links]
        cache[actor.id] = json_digest(fields)
    return cache[actor.id]


def _article_keys(data: SiteData) -> dict[str, str]:
    """Every article's ``SiteData.article_key``, computed once per build."""
    cache = data.__dict__.get("_all_article_keys")
    if cache is None:
        cache = data.__dict__["_all_article_keys"] = {a.id: data.article_key(a.id) for a in data.articles}
    return cache


def articles_index_inputs(data: SiteData) -> str:
    """Everything the articles index is made of: each article's id, date, title, outlet and whether its
    headline was cut, newest first (a commit that edits an article's text leaves it as it is)."""
    is_cut = data.per_article("headline-cut", lambda data, article_id: headline_is_cut(data.article_by_id[article_id]))
    return json_digest([RENDER_CODE, [[a.id, a.date, a.title, a.source, a.url, is_cut(a.id)] for a in data.by_date]])


# The rendering code itself: a new version of it renders every page again.
RENDER_CODE = files_digest([*sorted(Path(__file__).parent.glob("*.py")), *(Path(__file__).parent.parent / name for name in ("arabic.py", "markup_text.py"))])


def article_page(data: SiteData, article: Article, previous: Article | None, following: Article | None) -> str:
    page = urls.article_file(article.id)
    title = article.title or article.id
    out = [front(title), heading(1, title, "headline"), "", article_meta(article), T.LEGEND, ""]
    out += [article_text_html(data, article, page), ""]
    counts = data.article_actors[article.id]
    if counts:
        out.append(heading(2, "الفاعلون في المقال"))
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], data.actor_by_id[kv[0]].name))
        out += html_list(
            [
                f"{actor_link(data, page, actor_id)} — {T.LABEL_NAMES.get(data.actor_by_id[actor_id].label, '')}، {counted(count, 'mention')}"
                for actor_id, count in ranked
            ],
            "article-actors",
        )
    related = data.related(article.id)
    if related:
        out.append(heading(2, "مقالات ذات صلة"))
        items = []
        for other, shared in related:
            names = "، ".join(h(data.actor_by_id[a].name) for a in shared[:6])
            items.append(f"{article_link(data, page, other)} — يشترك في: {names}")
        out += html_list(items, "related")
    nav = []
    if previous:
        nav.append(f"السابق: {article_link(data, page, previous.id)}")
    if following:
        nav.append(f"التالي: {article_link(data, page, following.id)}")
    if nav:
        out += [heading(2, "التنقل بين المقالات"), *html_list(nav, "article-nav")]
    return "\n".join(out)


# --- indexes, home, timeline ------------------------------------------------------------------------


def render_pages(
    data: SiteData,
    docs: DocsFolder | Path,
    intro: str = "# مرصد الفاعلين",
    fork: bool = False,
    then: Callable[[DocsFolder], object] | None = None,
    child_memo: Memo | None = None,
) -> list[str]:
    """Write every generated page and data file into ``docs``; return their docs-relative paths.

    Pages are produced one at a time and written (when changed) as they come, so a big corpus never holds
    all its pages in memory; with a fragments folder their raw HTML blocks are stored apart (``fragments``).
    ``then`` runs once the data files are written (the search index reads them). With ``fork``, a child
    process writes the article pages and the timeline meanwhile, keeping its per-article pieces in
    ``child_memo`` (``data.memo`` is this process').
    """
    folder = DocsFolder.of(docs)
    for shared in ("by_date", "actor_mentions", "actor_articles", "article_actors", "actor_by_id", "article_by_id"):
        getattr(data, shared)  # computed once, before the fork, for both processes
    for article in data.articles:
        data.article_key(article.id)  # both processes key pages and pieces by them (1 s at 10,000 articles)

    def articles_in_child() -> tuple[list[str], dict, dict]:
        own = data.memo
        data.memo = child_memo  # the child's copy of ``data`` (or this process' when it cannot fork: restored)
        try:
            written = _write(folder, described(data, _article_pages(data)))
            if child_memo is not None:
                child_memo.save()
        finally:
            data.memo = own
        return written

    child = forked.start(articles_in_child) if fork else None
    database_done = None
    try:
        # The data files first: with ``fork`` the database is built by another child meanwhile.
        written, database_done = write_data(data, folder, fork=fork)
        written += _write(folder, described(data, _other_pages(data, intro)))[0] + timeline.write_actor_years(data, folder) + write_legacy_redirects(data, folder)
        if then is not None:
            then(folder)
        done, database_done = database_done, None
        done()
    except BaseException:
        for waiting in (database_done, child):
            if waiting is not None:
                with contextlib.suppress(Exception):
                    waiting()  # reaped, whatever it did: this process' error is the one to report
        raise
    if child is None:
        return sorted(written + _write(folder, described(data, _article_pages(data)))[0])
    names, keys, inputs = child()
    folder.adopt(keys, inputs)
    return sorted(written + names)


def _write(folder: DocsFolder, pages: Iterator[tuple[str, Callable[[], str], str | None]]) -> tuple[list[str], dict, dict]:
    """Write (or reuse) ``pages``; return their names and the keys and input keys recorded for them."""
    names = []
    for name, render, inputs in pages:
        if inputs is None or not folder.reuse(name, inputs):
            folder.write_page(name, render(), inputs)
        names.append(name)
    return names, {n: folder.keys[n] for n in names if n in folder.keys}, {n: folder.inputs[n] for n in names if n in folder.inputs}


def _other_pages(data: SiteData, intro: str) -> Iterator[tuple[str, Callable[[], str], str | None]]:
    """(docs path, how to render it, its input key when cheaper to compute than the page) for every page
    but the articles' and the timeline's: home, indexes, review, actors."""
    yield "index.md", lambda: home_page(data, intro), None
    yield "articles/index.md", lambda: articles_index(data), articles_index_inputs(data)
    yield "review.md", lambda: review_view.review_page(data), None
    for label in INDEXED_LABELS:
        yield T.INDEX_FILES[label], functools.partial(index_page, data, label), None
    for actor in data.actors:
        if actor.id in data.actor_articles:
            yield urls.actor_file(actor.slug), functools.partial(actor_page, data, actor), actor_inputs(data, actor)
            for number in range(2, len(context_chunks(data, actor)) + 1):
                render = functools.partial(actor_more_page, data, actor, number)
                yield urls.actor_file(actor.slug, number), render, actor_inputs(data, actor, number)


def _article_pages(data: SiteData) -> Iterator[tuple[str, Callable[[], str], str | None]]:
    """Every article page, and the timeline (built from the articles' dates)."""
    yield from timeline.timeline_pages(data)
    chronological = list(reversed(data.by_date))
    for i, article in enumerate(chronological):
        previous = chronological[i - 1] if i > 0 else None
        following = chronological[i + 1] if i + 1 < len(chronological) else None
        render = functools.partial(article_page, data, article, previous, following)
        yield urls.article_file(article.id), render, article_inputs(data, article, previous, following)
