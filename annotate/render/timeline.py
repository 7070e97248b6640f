"""The timeline: every dated mention of the articles' text, in time order, one page per year.

One page for the whole corpus was 48.5 MB at 10,000 articles: more than a browser shows comfortably and
than Cloudflare Pages serves (25 MiB a file). ``timeline.md`` (``timeline/``) is now the index: how many
dates in all, and each year with its count, linked to its page ``timeline/<year>/``; a year of more than
``PER_PAGE`` entries goes on over ``timeline/<year>-p2/``, … (at 100,000 synthetic articles a year is
about 48,000 entries). The entries are ``timeline_entries``'. The actor filter (``timeline/?actor=<slug>``,
the link each actor page gives) works across the pages: ``timeline/actors.json`` lists, per actor, the
pages its dated sentences are on, which ``assets/reader.js`` reads on the index to show only those years;
a year's page filters its own entries.
"""

from __future__ import annotations

import functools
import json
from collections import Counter

from annotate.render import timeline_entries, urls
from annotate.render.counted import counted
from annotate.render.docs_folder import DocsFolder
from annotate.render.escape import h
from annotate.render.site_data import SiteData
from annotate.render.snippets import front, heading

INDEX = timeline_entries.INDEX
ACTORS = "timeline/actors.json"


def timeline_key(value: str | None) -> str | None:
    """Sort key of a date value: its start (``2019-04/2020-06`` → ``2019-04``, ``1970/1979`` → ``1970``);
    ``None`` for a mention without a value, which the timeline counts but cannot place."""
    if not value or not value[:1].isdigit():
        return None
    return value.split("/", 1)[0]


def year_of(key: str) -> str:
    """The year an entry is listed under: the one its sort key starts in (``2019-04`` → ``2019``)."""
    return key.split("-", 1)[0]


PER_PAGE = 5000  # entries on one page (4.4 MB on the synthetic corpus): a year with more goes on over pages


def page_name(year: str, number: int = 1) -> str:
    """A page of the timeline by year and number: ``2019``, then ``2019-p2``, … (all at the same depth)."""
    return year if number == 1 else f"{year}-p{number}"


def year_file(year: str, number: int = 1) -> str:
    return f"timeline/{page_name(year, number)}.md"


def timeline_rows(data: SiteData, article_id: str) -> tuple[int, list[tuple]]:
    """One article's part of the timeline: how many of its dates lie in a sentence, and the entries of
    those with a value as (sort key, value, article id, number, HTML). A function of the article alone,
    so a rebuild keeps it (``SiteData.per_article``)."""
    rows, total = [], 0
    for number, found in enumerate(data.annotations[article_id].dates):
        sentence = data.sentence_of(article_id, found.start)
        if sentence is None or found.end > sentence.end:
            continue
        total += 1
        key = timeline_key(found.value)
        if key:
            html = (
                f'<li {timeline_entries.entry_attributes(data, article_id, found)}>{timeline_entries.value_label(found.value)} '
                + timeline_entries.entry_body(data, article_id, number, found) + "</li>"
            )
            rows.append((key, found.value, article_id, number, html))
    return total, rows


def all_rows(data: SiteData) -> tuple[int, list[tuple]]:
    """Every entry in time order, and how many dates lie in a sentence (with a value or not)."""
    rows, total = [], 0
    rows_of = data.per_article("timeline", timeline_rows)
    for article in data.articles:
        count, found = rows_of(article.id)
        total += count
        rows += found
    rows.sort(key=lambda r: r[:4])
    return total, rows


def timeline_pages(data: SiteData, per_page: int = PER_PAGE):
    """(docs path, how to render it, None) for the index and each year's pages, as ``pages._write`` takes them."""
    total, rows = all_rows(data)
    by_year: dict[str, list[str]] = {}
    for row in rows:
        by_year.setdefault(year_of(row[0]), []).append(row[4])
    pages = []  # (year, number, of how many, entries), in time order
    for year, entries in by_year.items():
        chunks = [entries[at : at + per_page] for at in range(0, len(entries), per_page)]
        pages += [(year, number, len(chunks), chunk) for number, chunk in enumerate(chunks, 1)]
    yield INDEX, lambda: index_page(total, {year: len(entries) for year, entries in by_year.items()}), None
    for i, (year, number, count, entries) in enumerate(pages):
        around = (pages[i - 1][:3] if i else None, pages[i + 1][:3] if i + 1 < len(pages) else None)
        yield year_file(year, number), functools.partial(year_page, year, number, count, entries, around), None


def index_page(total: int, years: dict[str, int]) -> str:
    """How many dates in all (and without a value, left out), then each year with its count."""
    shown = sum(years.values())
    undated = total - shown
    share = f"{counted(shown, 'date')} في نصوص المقالات، مرتبة زمنياً" + (f"؛ و{counted(undated, 'date')} بلا قيمة خارج الخط" if undated else "")
    out = [front("الخط الزمني"), heading(1, "الخط الزمني"), "", f"<p>{h(share)}.</p>", "<p>صفحة لكل سنة:</p>", f'<ul class="timeline-years" data-actors="{h(urls.href(INDEX, ACTORS))}">']
    for year, count in years.items():
        href = urls.href(INDEX, year_file(year))
        out.append(f'<li data-year="{h(year)}"><a href="{h(href)}">{h(year)}</a> — <span class="tl-count">{h(counted(count, "date"))}</span></li>')
    out.append("</ul>\n")
    return "\n".join(out)


def _title(year: str, number: int, count: int) -> str:
    return f"{year}، الصفحة {number} من {count}" if count > 1 else year


def year_description(name: str) -> str:
    """A year page's own description (link previews, search engines): which year (and page) it lists."""
    year, _, number = name[len("timeline/") : -len(".md")].partition("-p")
    page = f" (الصفحة {number})" if number else ""
    return f"الخط الزمني لسنة {year}{page}: كل تاريخ يبدأ فيها من نصوص المقالات، مرتباً زمنياً مع جملته ومقاله."


def year_page(year: str, number: int, count: int, entries: list[str], around: tuple) -> str:
    """One page of a year's entries, with links to the index, to the pages before and after and, for a
    year on several pages, to each of them."""
    page = year_file(year, number)
    links = [f'<a class="tl-index" href="{h(urls.href(page, INDEX))}">كل السنوات</a>']
    for other, kind, word in zip(around, ("previous", "next"), ("السابقة", "التالية")):
        if other:
            links.append(f'<a class="tl-{kind}" href="{h(urls.href(page, year_file(other[0], other[1])))}">الصفحة {word}: {h(_title(*other))}</a>')
    title = f"الخط الزمني: {_title(year, number, count)}"
    out = [front(title), heading(1, title), "", f"<p>{h(counted(len(entries), 'date'))} في نصوص المقالات تبدأ في {h(year)}.</p>"]
    out.append(f'<p class="tl-years">{" · ".join(links)}</p>')
    if count > 1:
        pager = [f'<strong aria-current="page">{n}</strong>' if n == number else f'<a href="{h(urls.href(page, year_file(year, n)))}">{n}</a>' for n in range(1, count + 1)]
        out.append(f'<p class="pager">صفحات {h(year)}: {" · ".join(pager)}</p>')
    out.append(f'<ul class="timeline" data-actors="{h(urls.href(page, ACTORS))}">')  # names for reader.js
    out += entries
    out.append("</ul>\n")
    return "\n".join(out)


def entry_keys(data: SiteData, article_id: str) -> list[tuple]:
    """(sort key, value, number, actor ids) of each of the article's entries: what ``timeline_rows`` lists,
    without the HTML, for the filter's data and the actor pages' counts (kept per article)."""
    out = []
    for number, found in enumerate(data.annotations[article_id].dates):
        sentence = data.sentence_of(article_id, found.start)
        key = timeline_key(found.value)
        if sentence is None or found.end > sentence.end or not key:
            continue
        out.append((key, found.value, number, tuple(timeline_entries.entry_actors(data, article_id, found))))
    return out


def actor_pages(data: SiteData, per_page: int = PER_PAGE) -> dict[str, Counter]:
    """Actor id → (page name → how many of its entries name the actor), the entries in the pages' order."""
    keys = data.per_article("timeline-keys", entry_keys)
    rows = sorted((key, value, article.id, number, actors) for article in data.articles for key, value, number, actors in keys(article.id))
    placed: Counter = Counter()
    out: dict[str, Counter] = {}
    for key, _, _, _, actors in rows:
        year = year_of(key)
        page = page_name(year, placed[year] // per_page + 1)
        placed[year] += 1
        for actor_id in actors:
            out.setdefault(actor_id, Counter())[page] += 1
    return out


def write_actor_years(data: SiteData, folder: DocsFolder, per_page: int = PER_PAGE) -> list[str]:
    """``timeline/actors.json``: for each actor on the timeline, its name and its pages (``2019``,
    ``2019-p2``) in time order, with how many entries on each name it."""
    out = {}
    for actor_id, pages in actor_pages(data, per_page).items():
        actor = data.actor_by_id[actor_id]
        out[actor.slug] = [actor.name, [[page, n] for page, n in pages.items()]]
    folder.write(ACTORS, json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    return [ACTORS]
