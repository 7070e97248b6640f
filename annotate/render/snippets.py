"""The small HTML pieces every page is made of: front matter, headings, lists, tables, links, dates."""

from __future__ import annotations

from pymdownx.slugs import slugify

from annotate import markup_text, page_address
from annotate.dates.labels import period_label
from annotate.models import Article
from annotate.render import templates as T
from annotate.render import urls
from annotate.render.escape import h, yaml_string
from annotate.render.site_data import SiteData


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


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A heading as Python-Markdown's toc extension writes it (id and permalink), as raw HTML; ``anchor``
    instead of the text's slug where that is long and nobody links to it (an article's headline: its slug
    was written three times, 0.3 KB a page)."""
    anchor = h(anchor if anchor is not None else _SLUGIFY(text, "-"))
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
    """A date as one unit: ``<time datetime="2023-09-29">29 سبتمبر 2023</time>``, Arabic for the reader,
    ISO in the attribute. Its ``dir`` isolates it from the text around it, and CSS keeps it on one line, so
    it never wraps or reorders as «(-2023 / 09-29)» did."""
    if not value:
        return "بلا تاريخ"
    return f'<time class="when" datetime="{h(value)}" dir="rtl">{h(arabic_date(value))}</time>'


def arabic_date(value: str) -> str:
    """``2023-09-29`` → «29 سبتمبر 2023», ``2023-09`` → «سبتمبر 2023», ``2023`` → «2023»: the words the
    timeline uses too (``annotate.dates.labels``); anything else as is."""
    return period_label(value)


def source_label(article: Article) -> str:
    """The outlet (HTML): as ingest found it, else the address its original page is at."""
    if article.source:
        return h(article.source)
    site = page_address.domain(article.url)
    return f'<bdi dir="ltr" lang="en">{h(site)}</bdi>' if site else ""


def headline_is_cut(article: Article) -> bool:
    """Whether the title is the first words of the body (ingest's stand-in when a page has no headline),
    not a line of its own: ``ingest._title_from``."""
    title = article.title.removesuffix("…").strip()
    if not title or not article.body:
        return False
    lines = {markup_text.plain(line) for line in article.text.split("\n")}
    body = "".join("".join(article.text[s:e] for s, e in article.body[:3]).split())
    return title not in lines and body.startswith("".join(title.split()))  # spacing is all a line wrap changes
