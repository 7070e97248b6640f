"""Write every generated page: articles, actors, indexes, home, timeline, review.

Each ``*_page`` function returns the Markdown of one page (structure in Markdown, annotated text as raw
HTML, every value escaped); ``render_pages`` writes them all and the data files.
"""

from __future__ import annotations

import contextlib
import functools
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from pymdownx.slugs import slugify

from annotate.digest import files_digest, json_digest
from annotate.models import Actor, Article, Mention
from annotate import forked
from annotate.render import charts, markup, urls
from annotate.render import templates as T
from annotate.render.data import write_data
from annotate.render.docs_folder import DocsFolder
from annotate.render.escape import h, yaml_string
from annotate.render.site_data import INDEXED_LABELS, SiteData
from annotate.resolve.latin import latin_name

HOME_LATEST = 10
HOME_TOP = 10
CONTEXTS_PER_PAGE = 100  # articles whose sentences an actor page shows; older ones go on numbered pages


def front(title: str, **extra: str) -> str:
    """YAML front matter. The title is HTML-escaped: MkDocs themes insert it unescaped (in <title>)."""
    lines = "".join(f"{k}: {v}\n" for k, v in extra.items())
    return T.FRONT_MATTER.format(title=yaml_string(h(title)), extra=lines)


def link(from_file: str, to_file: str, text: str) -> str:
    """A link as HTML, relative to the page's URL.

    Generated pages are raw HTML below their headings: MkDocs then spends its time on the few headings
    instead of re-parsing thousands of Markdown links per page (see ``fragments``).
    """
    return f'<a href="{h(urls.href(from_file, to_file))}">{h(text)}</a>'


_SLUGIFY = slugify(case="lower")  # the toc extension's slugify (mkdocs.yml), so anchors keep their names


def heading(level: int, text: str) -> str:
    """A heading as Python-Markdown's toc extension writes it (id and permalink), as raw HTML."""
    anchor = h(_SLUGIFY(text, "-"))
    return f'<h{level} id="{anchor}">{h(text)}<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h{level}>'


def html_list(items: list[str], cls: str = "") -> list[str]:
    """An HTML list, one line per item (already HTML), followed by a blank line."""
    opening = f'<ul class="{cls}">' if cls else "<ul>"
    return [opening, *(f"<li>{item}</li>" for item in items), "</ul>", ""]


def html_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """An HTML table (cells already HTML); no class, so the theme styles it like a Markdown table."""
    head = "<thead><tr>" + "".join(f"<th>{cell}</th>" for cell in headers) + "</tr></thead>"
    body = ["<tbody>", *("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows), "</tbody>"]
    return ["<table>", head, *body, "</table>", ""]


def actor_link(data: SiteData, from_file: str, actor_id: str) -> str:
    actor = data.actor_by_id[actor_id]
    return link(from_file, urls.actor_file(actor.slug), actor.name)


def article_link(data: SiteData, from_file: str, article_id: str) -> str:
    article = data.article_by_id[article_id]
    return link(from_file, urls.article_file(article.id), article.title or article.id)


def date_label(value: str | None) -> str:
    """A date as HTML: ISO values isolated left-to-right so RTL text around them cannot reorder them."""
    return f'<bdi dir="ltr">{h(value)}</bdi>' if value else "بلا تاريخ"


# --- article -------------------------------------------------------------------------------------------


def article_marks(data: SiteData, article: Article, page: str) -> list[markup.Marked]:
    marks = []
    for number, mention in enumerate(data.mentions.get(article.id, [])):
        actor = data.actor_by_id.get(mention.actor or "")
        target = urls.href(page, urls.actor_file(actor.slug)) if actor else None
        marks.append(markup.entity(mention, number, target, actor.name if actor else mention.text))
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
    marks = article_marks(data, article, page)
    out = ['<div class="article-text" dir="rtl" lang="ar">']
    for start, end in paragraphs(data, article):
        inner = markup.render(article.text, start, end, marks)
        short = len(article.text[start:end].split()) <= 8 and article.text[end - 1] not in ".!?؟…:،"
        out.append(f'<p class="subhead">{inner}</p>' if short else f"<p>{inner}</p>")
    out.append("</div>")
    return "\n".join(out)


def article_meta(article: Article) -> str:
    parts = [f'<span class="meta-date">التاريخ: {date_label(article.date)}</span>']
    if article.source:
        parts.append(f'<span class="meta-source">المصدر: {h(article.source)}</span>')
    if article.url and article.url.startswith(("http://", "https://")):
        parts.append(f'<a class="meta-original" href="{h(article.url)}" rel="nofollow noopener">المقال الأصلي</a>')
    return '<p class="article-meta">' + " · ".join(parts) + "</p>"


def article_core(data: SiteData, article: Article) -> str:
    """Key of what any page shows of an article: its text and fields, sentences, mentions (with their actors'
    names and addresses) and dates. Computed once per article (``SiteData`` keeps it)."""
    cores = data.__dict__.setdefault("_cores", {})
    if article.id not in cores:
        actors = data.actor_by_id
        cores[article.id] = json_digest([
            [article.id, article.title, article.text, article.date, article.source, article.url, article.body],
            [[s.start, s.end] for s in data.annotations[article.id].sentences],
            [[m.start, m.end, m.label, m.actor] for m in data.mentions.get(article.id, [])],
            sorted([a, actors[a].slug, actors[a].name, actors[a].label] for a in data.article_actors[article.id]),
            [[d.start, d.end, d.value] for d in data.annotations[article.id].dates],
        ])
    return cores[article.id]


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
    """Everything an actor page is made of: the actor's own fields and the articles it shows or counts
    (``article_core`` covers the contexts, dates, co-mentioned actors and their addresses). The first page
    sums up every article; a numbered page shows its own articles only."""
    fields = [actor.id, actor.slug, actor.name, actor.label, actor.aliases, actor.name_en, latin_name(actor.name, actor.label), actor.description, actor.roles, actor.links]
    chunks = context_chunks(data, actor)
    shown = data.actor_articles.get(actor.id, []) if number == 1 else chunks[number - 1]
    return json_digest([RENDER_CODE, fields, number, len(chunks), [article_core(data, data.article_by_id[a]) for a in shown]])


# The rendering code itself: a new version of it renders every page again.
RENDER_CODE = files_digest([*sorted(Path(__file__).parent.glob("*.py")), Path(__file__).parent.parent / "arabic.py"])


def article_page(data: SiteData, article: Article, previous: Article | None, following: Article | None) -> str:
    page = urls.article_file(article.id)
    out = [front(article.title or article.id), heading(1, article.title or article.id), "", article_meta(article), T.LEGEND, ""]
    out += [article_text_html(data, article, page), ""]
    counts = data.article_actors[article.id]
    if counts:
        out.append(heading(2, "الفاعلون في المقال"))
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], data.actor_by_id[kv[0]].name))
        out += html_list(
            [
                f"{actor_link(data, page, actor_id)} — {T.LABEL_NAMES.get(data.actor_by_id[actor_id].label, '')}، {count} إشارة"
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


# --- actor ---------------------------------------------------------------------------------------------


def actor_page(data: SiteData, actor: Actor) -> str:
    page = urls.actor_file(actor.slug)
    mentions = data.actor_mentions.get(actor.id, [])
    articles = data.actor_articles.get(actor.id, [])
    out = [front(actor.name), heading(1, actor.name), ""]
    facts = [f"<strong>النوع:</strong> {h(T.LABEL_NAMES.get(actor.label, actor.label))}"]
    latin = latin_name(actor.name, actor.label, actor.name_en)  # the registry's English name, else a transliteration
    if latin != actor.name:
        facts.append(f'<strong>{"الاسم بالإنجليزية" if actor.name_en else "الاسم بالحروف اللاتينية"}:</strong> <span dir="ltr" lang="en">{h(latin)}</span>')
    others = [a for a in actor.aliases if a != actor.name]
    if others:
        facts.append(f"<strong>أسماء أخرى:</strong> {'، '.join(h(a) for a in others)}")
    if actor.description:
        facts.append(f"<strong>نبذة:</strong> {h(actor.description)}")
    facts.append(f"<strong>الإشارات:</strong> {len(mentions)} في {len(articles)} مقال")
    for url in actor.links:
        if url.startswith(("http://", "https://")):
            facts.append(f'<a href="{h(url)}" rel="nofollow noopener" dir="ltr">{h(url)}</a>')
    out += html_list(facts, "facts")
    dates = [data.article_by_id[article_id].date for article_id, _, _ in mentions]
    chart = charts.timeline_chart([d for d in dates if d], "الإشارات عبر الزمن (حسب تاريخ المقال)")
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
    chunks = context_chunks(data, actor)
    out += contexts(data, actor, page, chunks, 1)
    co = data.co_mentions(actor.id)
    if co:
        out.append(heading(2, "يرد ذكره مع"))
        out += html_list([f"{actor_link(data, page, other)} — {count} مقال" for other, count in co[:20]], "co-mentions")
    return "\n".join(out)


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
        out.append(f'<h3 id="a-{h(article_id)}">{h(article.title or article.id)}</h3>')
        out.append(f'<p class="context-article">{article_link(data, page, article_id)} · {date_label(article.date)}</p>')
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
    return f'<p class="pager">صفحات الإشارات ({total} مقالاً، {CONTEXTS_PER_PAGE} في كل صفحة، الأحدث أولاً): ' + " · ".join(items) + "</p>"


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
    for role in roles:
        uses = grouped.setdefault(role["role"], [])
        if role.get("article") and all(u.get("article") != role["article"] for u in uses):
            uses.append(role)
    for uses in grouped.values():
        uses.sort(key=lambda u: (u.get("date") or "", u.get("article") or ""), reverse=True)
    return grouped


def by_sentence(data: SiteData, article: Article, mentions: list[tuple[int, Mention]]) -> list[list[tuple[int, Mention]]]:
    """Mentions grouped by the sentence they occur in (a sentence is shown once)."""
    groups: dict[int, list[tuple[int, Mention]]] = {}
    for number, mention in mentions:
        sentence = data.sentence_of(article.id, mention.start)
        groups.setdefault(sentence.start if sentence else -1 - mention.start, []).append((number, mention))
    return list(groups.values())


def context_html(data: SiteData, article: Article, group: list[tuple[int, Mention]], page: str) -> str:
    """A sentence with the actor's mentions highlighted, linking to the first mention's anchor."""
    number, first = group[0]
    sentence = data.sentence_of(article.id, first.start)
    start, end = (sentence.start, sentence.end) if sentence else (first.start, first.end)
    end = max(end, *(m.end for _, m in group))
    body = markup.render(article.text, start, end, [markup.highlight(m) for _, m in group])
    target = urls.href(page, urls.article_file(article.id)) + f"#m-{number}"
    return f'<a class="context" href="{h(target)}">{body}</a>'


# --- indexes, home, timeline ------------------------------------------------------------------------


def index_page(data: SiteData, label: str) -> str:
    page = T.INDEX_FILES[label]
    actors = data.indexed(label)
    out = [front(T.LABEL_PLURALS[label]), heading(1, T.LABEL_PLURALS[label]), "", f"<p>{len(actors)} في المدونة، مرتبة حسب عدد المقالات.</p>"]
    rows = [[actor_link(data, page, a.id), str(len(data.actor_articles[a.id])), str(len(data.actor_mentions[a.id]))] for a in actors]
    out += html_table(["الاسم", "المقالات", "الإشارات"], rows)
    return "\n".join(out)


def articles_index(data: SiteData) -> str:
    page = "articles/index.md"
    out = [front("المقالات"), heading(1, "المقالات"), "", f"<p>{len(data.articles)} مقالاً، الأحدث أولاً.</p>"]
    rows = [[date_label(a.date), article_link(data, page, a.id), h(a.source or "")] for a in data.by_date]
    out += html_table(["التاريخ", "العنوان", "المصدر"], rows)
    return "\n".join(out)


def home_page(data: SiteData, intro: str) -> str:
    page = "index.md"
    counts = {label: len(data.indexed(label)) for label in INDEXED_LABELS}
    mentions = sum(len(m) for m in data.mentions.values())
    dates = sum(len(a.dates) for a in data.annotations.values())
    out = [front("الرئيسية"), intro.strip(), "", "## المدونة بالأرقام\n"]
    figures = [
        f"{len(data.articles)} مقالاً — {link(page, 'articles/index.md', 'كل المقالات')}",
        f"{counts['PER']} شخصاً — {link(page, T.INDEX_FILES['PER'], T.LABEL_PLURALS['PER'])}",
        f"{counts['ORG']} منظمة — {link(page, T.INDEX_FILES['ORG'], T.LABEL_PLURALS['ORG'])}",
        f"{counts['LOC']} مكاناً — {link(page, T.INDEX_FILES['LOC'], T.LABEL_PLURALS['LOC'])}",
        f"{mentions} إشارة إلى فاعلين و{dates} تاريخاً — {link(page, 'timeline.md', 'الخط الزمني')}",
    ]
    out += html_list(figures, "figures")
    out.append("## أحدث المقالات\n")
    out += html_list([f"{article_link(data, page, a.id)} ({date_label(a.date)})" for a in data.by_date[:HOME_LATEST]], "latest")
    out.append("## أبرز الفاعلين\n")
    pictures = home_pictures(data)
    top = data.indexed(*INDEXED_LABELS)[:HOME_TOP]
    out += html_list([f"{actor_link(data, page, a.id)} — {len(data.actor_articles[a.id])} مقال" for a in top], "top-actors")
    if pictures:
        out += ["## صور المدونة\n", *pictures, ""]
    files = [
        f"{link(page, 'data/annotations.jsonl', 'annotations.jsonl')}: مقال في كل سطر، بنصه وكياناته وتواريخه.",
        f"{link(page, 'data/actors.json', 'actors.json')}: الفاعلون وأسماؤهم الأخرى ومقالاتهم.",
        f"{link(page, 'review.md', 'صفحة المراجعة')}: فاعلون جدد أو نادرون ودمج غير مؤكد، للمحرر.",
    ]
    out += ["## البيانات\n", *html_list(files, "data-files")]
    return "\n".join(out)


def home_pictures(data: SiteData, size: int = 16) -> list[str]:
    """The co-mention network of the most present actors and all mentions over time."""
    top = sorted(
        (a for a in data.actors if a.label in INDEXED_LABELS and a.id in data.actor_articles),
        key=lambda a: (-len(data.actor_articles[a.id]), a.name),
    )[:size]
    chosen = {a.id for a in top}
    edges: Counter = Counter()
    for counts in data.article_actors.values():
        present = sorted(a for a in counts if a in chosen)
        edges.update((a, b) for i, a in enumerate(present) for b in present[i + 1 :])
    nodes = [(a.id, a.name, a.label) for a in top]
    dates = [a.date for a in data.articles for _ in data.mentions.get(a.id, []) if a.date]
    return [
        charts.network_chart(nodes, edges, "شبكة الفاعلين: خط بين كل اثنين يردان في المقالات نفسها، يغلظ بعددها"),
        charts.timeline_chart(dates, "الإشارات إلى الفاعلين عبر الزمن (حسب تاريخ المقال)"),
    ]


def timeline_key(value: str | None) -> str | None:
    """Sort key of a date value: its start (``2019-04/2020-06`` → ``2019-04``; ``197X`` → ``1970``).

    Values without a year (``XXXX-09-17``) cannot be placed on a timeline and are left out.
    """
    if not value or not value[:1].isdigit():
        return None
    start = value.split("/", 1)[0]
    return start.replace("X", "0")


def timeline_page(data: SiteData) -> str:
    page = "timeline.md"
    rows = []
    for article in data.articles:
        for number, found in enumerate(data.annotations[article.id].dates):
            key = timeline_key(found.value)
            if key:
                rows.append((key, found.value, article.id, number, found))
    rows.sort(key=lambda r: r[:4])
    out = [front("الخط الزمني"), heading(1, "الخط الزمني"), "", f"<p>{len(rows)} تاريخاً محدداً في نصوص المقالات، مرتبة زمنياً.</p>"]
    out.append('<ul class="timeline">')
    for _, value, article_id, number, found in rows:
        article = data.article_by_id[article_id]
        sentence = data.sentence_of(article_id, found.start)
        start, end = (sentence.start, sentence.end) if sentence else (found.start, found.end)
        body = markup.render(article.text, start, max(end, found.end), [markup.date(found, number)])
        target = urls.href(page, urls.article_file(article_id)) + f"#d-{number}"
        out.append(
            f'<li><span class="tl-value" dir="ltr">{h(value)}</span> '
            f'<a class="context" href="{h(target)}">{body}</a> '
            f'<span class="tl-article">— {h(article.title)}</span></li>'
        )
    out.append("</ul>\n")
    return "\n".join(out)


def review_page(data: SiteData) -> str:
    out = [front("مراجعة الفاعلين"), heading(1, "مراجعة الفاعلين"), "", '<p>ما يحتاج إلى نظر المحرر في سجل الفاعلين <code dir="ltr">actors.yml</code>.</p>']
    if data.review is not None:
        for title, items in data.review.sections():
            out.append(heading(2, title))
            out += html_list([h(item) for item in items] or ["لا شيء"])
    if data.stale:
        out.append(heading(2, "قرارات لم تعد تطابق شيئاً"))
        out += html_list([h(s) for s in data.stale])
    return "\n".join(out)


# --- all ---------------------------------------------------------------------------------------------


def render_pages(
    data: SiteData, docs: DocsFolder | Path, intro: str = "# مرصد الفاعلين", fork: bool = False, then: Callable[[DocsFolder], object] | None = None
) -> list[str]:
    """Write every generated page and data file into ``docs``; return their docs-relative paths.

    Pages are produced one at a time and written (when changed) as they come, so a big corpus never holds
    all its pages in memory; with a fragments folder their raw HTML blocks are stored apart (``fragments``).
    ``then`` runs once the data files are written (the search index reads them). With ``fork``, a child
    process writes the article pages and the timeline meanwhile.
    """
    folder = DocsFolder.of(docs)
    for shared in ("by_date", "actor_mentions", "actor_articles", "article_actors", "actor_by_id", "article_by_id"):
        getattr(data, shared)  # computed once, before the fork, for both processes
    child = forked.start(lambda: _write(folder, _article_pages(data))) if fork else None
    try:
        written = _write(folder, _other_pages(data, intro))[0] + write_data(data, folder)
        if then is not None:
            then(folder)
    except BaseException:
        if child is not None:
            with contextlib.suppress(Exception):
                child()  # reaped, whatever it did: this process' error is the one to report
        raise
    if child is None:
        return sorted(written + _write(folder, _article_pages(data))[0])
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
    yield "articles/index.md", lambda: articles_index(data), None
    yield "review.md", lambda: review_page(data), None
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
    yield "timeline.md", lambda: timeline_page(data), None
    chronological = list(reversed(data.by_date))
    for i, article in enumerate(chronological):
        previous = chronological[i - 1] if i > 0 else None
        following = chronological[i + 1] if i + 1 < len(chronological) else None
        render = functools.partial(article_page, data, article, previous, following)
        yield urls.article_file(article.id), render, article_inputs(data, article, previous, following)
