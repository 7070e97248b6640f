"""The timeline page: every dated mention of the articles' text, in time order (entries: ``timeline_entries``)."""

from __future__ import annotations

from annotate.render import timeline_entries
from annotate.render.counted import counted
from annotate.render.escape import h
from annotate.render.site_data import SiteData
from annotate.render.snippets import front, heading


def timeline_key(value: str | None) -> str | None:
    """Sort key of a date value: its start (``2019-04/2020-06`` → ``2019-04``, ``1970/1979`` → ``1970``);
    ``None`` for a mention without a value, which the timeline counts but cannot place."""
    if not value or not value[:1].isdigit():
        return None
    return value.split("/", 1)[0]


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


def timeline_page(data: SiteData) -> str:
    """Every dated mention of the articles' text once, in time order; an interval is one entry, shown as
    its period in words (السبعينيات); the count says how many mentions have no date and are left out.
    The page's own stamps (crawl header, dateline) are the article's date, not events: not listed."""
    rows, total = [], 0
    rows_of = data.per_article("timeline", timeline_rows)
    for article in data.articles:
        count, found = rows_of(article.id)
        total += count
        rows += found
    rows.sort(key=lambda r: r[:4])
    undated = total - len(rows)
    share = f"{counted(len(rows), 'date')} في نصوص المقالات، مرتبة زمنياً" + (f"؛ و{counted(undated, 'date')} بلا قيمة خارج الخط" if undated else "")
    out = [front("الخط الزمني"), heading(1, "الخط الزمني"), "", f"<p>{h(share)}.</p>"]
    out.append('<ul class="timeline">')
    out += [row[4] for row in rows]
    out.append("</ul>\n")
    return "\n".join(out)
