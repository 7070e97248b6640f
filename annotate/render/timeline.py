"""The timeline: every dated mention of the articles' text, in time order, one page per year.

One page for the whole corpus was 48.5 MB at 10,000 articles: more than a browser shows comfortably and
than Cloudflare Pages serves (25 MiB a file). ``timeline.md`` (``timeline/``) is now the index: how many
dates in all, and each year with its count, linked to its page ``timeline/<year>/``. The entries are
``timeline_entries``'. The actor filter (``timeline/?actor=<slug>``, the link each actor page gives) works
across the pages: ``timeline/actors.json`` lists, per actor, the years its dated sentences fall in, which
``assets/reader.js`` reads on the index to show only those years; a year page filters its own entries.
"""

from __future__ import annotations

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
    """The page an entry goes on: the year its sort key starts in (``2019-04`` → ``2019``)."""
    return key.split("-", 1)[0]


def year_file(year: str) -> str:
    return f"timeline/{year}.md"


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


def timeline_pages(data: SiteData):
    """(docs path, how to render it, None) for the index and each year's page, as ``pages._write`` takes them."""
    total, rows = all_rows(data)
    by_year: dict[str, list[str]] = {}
    for row in rows:
        by_year.setdefault(year_of(row[0]), []).append(row[4])
    years = list(by_year)
    yield INDEX, lambda: index_page(total, {year: len(entries) for year, entries in by_year.items()}), None
    for i, year in enumerate(years):
        around = (years[i - 1] if i else None, years[i + 1] if i + 1 < len(years) else None)
        yield year_file(year), lambda year=year, around=around: year_page(year, by_year[year], around), None


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


def year_description(name: str) -> str:
    """A year page's own description (link previews, search engines): which year it lists."""
    year = name[len("timeline/") : -len(".md")]
    return f"الخط الزمني لسنة {year}: كل تاريخ يبدأ فيها من نصوص المقالات، مرتباً زمنياً مع جملته ومقاله."


def year_page(year: str, entries: list[str], around: tuple[str | None, str | None]) -> str:
    """One year's entries, with links to the index and to the years before and after."""
    page = year_file(year)
    links = [f'<a class="tl-index" href="{h(urls.href(page, INDEX))}">كل السنوات</a>']
    for other, word in zip(around, ("السابقة", "التالية")):
        if other:
            links.append(f'<a class="tl-{"previous" if word == "السابقة" else "next"}" href="{h(urls.href(page, year_file(other)))}">السنة {word}: {h(other)}</a>')
    out = [front(f"الخط الزمني: {year}"), heading(1, f"الخط الزمني: {year}"), "", f"<p>{h(counted(len(entries), 'date'))} في نصوص المقالات تبدأ في {h(year)}.</p>"]
    out.append(f'<p class="tl-years">{" · ".join(links)}</p>')
    out.append('<ul class="timeline">')
    out += entries
    out.append("</ul>\n")
    return "\n".join(out)


def actor_years(data: SiteData, article_id: str) -> Counter:
    """(actor id, year) → how many of the article's dated sentences name the actor in that year."""
    counts: Counter = Counter()
    for found in data.annotations[article_id].dates:
        key = timeline_key(found.value)
        sentence = data.sentence_of(article_id, found.start) if key else None
        if sentence is None or found.end > sentence.end:
            continue
        counts.update((a, year_of(key)) for a in timeline_entries.entry_actors(data, article_id, found))
    return counts


def write_actor_years(data: SiteData, folder: DocsFolder) -> list[str]:
    """``timeline/actors.json``: for each actor on the timeline, its name and its years with their counts."""
    counts = data.per_article("timeline-actor-years", actor_years)
    years: dict[str, Counter] = {}
    for article in data.articles:
        for (actor_id, year), n in counts(article.id).items():
            years.setdefault(actor_id, Counter())[year] += n
    out = {}
    for actor_id, found in years.items():
        actor = data.actor_by_id[actor_id]
        out[actor.slug] = [actor.name, [[year, found[year]] for year in sorted(found)]]
    folder.write(ACTORS, json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    return [ACTORS]
