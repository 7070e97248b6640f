"""The pages that list and sum up the corpus: the index per kind of actor, the articles index and the home
page (latest articles, top actors, the network and the bar chart). The timeline is ``timeline.py``."""

from __future__ import annotations

from collections import Counter

from annotate.render import charts, feeds, urls
from annotate.render import templates as T
from annotate.render.counted import LABEL_NOUNS, counted
from annotate.render.escape import h
from annotate.render.site_data import INDEXED_LABELS, SiteData
from annotate.render.snippets import actor_link, article_link, date_label, front, headline_is_cut, heading, html_list, html_table, link, source_label

HOME_LATEST = 10
HOME_TOP = 10


def index_page(data: SiteData, label: str) -> str:
    page = T.INDEX_FILES[label]
    actors = data.indexed(label)
    out = [front(T.LABEL_PLURALS[label]), heading(1, T.LABEL_PLURALS[label]), "", f"<p>{counted(len(actors), LABEL_NOUNS[label])} في المدونة، مرتبة حسب عدد المقالات.</p>"]
    rows = [[actor_link(data, page, a.id), str(len(data.actor_articles[a.id])), str(len(data.actor_mentions[a.id]))] for a in actors]
    out += html_table(["الاسم", "المقالات", "الإشارات"], rows)
    return "\n".join(out)


def articles_index(data: SiteData) -> str:
    page = "articles/index.md"
    out = [front("المقالات"), heading(1, "المقالات"), "", f"<p>{counted(len(data.articles), 'article')}، الأحدث أولاً.</p>"]
    rows, seen = [], set()
    is_cut = data.per_article("headline-cut", lambda data, article_id: headline_is_cut(data.article_by_id[article_id]))
    for a in data.by_date:
        anchors = ""
        for period in (a.date[:7], a.date[:4]) if a.date else ():
            if period not in seen:  # the charts' bars link to the newest article of their month or year
                seen.add(period)
                anchors += f'<span id="p-{h(period)}"></span>'
        cut = ' <small class="cut-title" title="عنوان مقتطع من أول جملة">(مقتطع)</small>' if is_cut(a.id) else ""
        rows.append([anchors + date_label(a.date), article_link(data, page, a.id) + cut, source_label(a)])
    out += html_table(["التاريخ", "العنوان", "المصدر"], rows)
    return "\n".join(out)


def home_page(data: SiteData, intro: str) -> str:
    page = "index.md"
    counts = {label: len(data.indexed(label)) for label in INDEXED_LABELS}
    mentions = sum(len(m) for m in data.mentions.values())
    dates = sum(len(a.dates) for a in data.annotations.values())
    out = [front("الرئيسية"), intro.strip(), "", "## المدونة بالأرقام\n"]
    figures = [
        f"{counted(len(data.articles), 'article')} — {link(page, 'articles/index.md', 'كل المقالات')}",
        f"{counted(counts['PER'], 'person')} — {link(page, T.INDEX_FILES['PER'], T.LABEL_PLURALS['PER'])}",
        f"{counted(counts['ORG'], 'organization')} — {link(page, T.INDEX_FILES['ORG'], T.LABEL_PLURALS['ORG'])}",
        f"{counted(counts['LOC'], 'place')} — {link(page, T.INDEX_FILES['LOC'], T.LABEL_PLURALS['LOC'])}",
        f"{counted(mentions, 'mention')} إلى فاعلين و{counted(dates, 'date')} — {link(page, 'timeline.md', 'الخط الزمني')}",
    ]
    out += html_list(figures, "figures")
    out.append("## أحدث المقالات\n")
    out += html_list([f"{article_link(data, page, a.id)} ({date_label(a.date)})" for a in data.by_date[:HOME_LATEST]], "latest")
    out.append("## أبرز الفاعلين\n")
    pictures = home_pictures(data)
    top = data.indexed(*INDEXED_LABELS)[:HOME_TOP]
    out += html_list([f"{actor_link(data, page, a.id)} — {counted(len(data.actor_articles[a.id]), 'article')}" for a in top], "top-actors")
    if pictures:
        out += ["## صور المدونة\n", *pictures, ""]
    files = [
        f"{link(page, 'data/annotations.jsonl.gz', 'annotations.jsonl.gz')} (مضغوط؛ وغير مضغوط: {link(page, 'data/annotations.jsonl', 'annotations.jsonl')}): مقال في كل سطر، بنصه وكياناته وتواريخه.",
        f"{link(page, 'data/actors.json', 'actors.json')}: الفاعلون وأسماؤهم الأخرى ومقالاتهم.",
        f"{link(page, 'data/mentions.csv.gz', 'mentions.csv.gz')} (مضغوط) و{link(page, 'data/actors.csv', 'actors.csv')} و"
        f"{link(page, 'data/articles.csv', 'articles.csv')}: جداول تفتح في Excel (إشارة أو فاعل أو مقال في كل صف).",
        f"{link(page, 'data/corpus.db.gz', 'corpus.db.gz')} (مضغوط): قاعدة بيانات SQLite للاستعلام والبحث في الجمل (Datasette).",
        f"{link(page, feeds.CORPUS_FEED, 'feed.xml')}: خلاصة Atom لأحدث المقالات؛ ولكل فاعل خلاصته في صفحته.",
        f"{link(page, 'review.md', 'صفحة المراجعة')}: فاعلون جدد أو نادرون ودمج غير مؤكد، للمحرر.",
    ]
    out += ["## البيانات\n", *html_list(files, "data-files")]
    return "\n".join(out)


def home_pictures(data: SiteData, size: int = 16) -> list[str]:
    """The co-mention network of the most present actors and all mentions over time."""
    page = "index.md"
    ranked = sorted(
        (a for a in data.actors if a.label in INDEXED_LABELS and a.id in data.actor_articles),
        key=lambda a: (-len(data.actor_articles[a.id]), a.name),
    )
    top = ranked[:size]
    chosen = {a.id for a in top}
    edges: Counter = Counter()
    for counts in data.article_actors.values():
        present = sorted(a for a in counts if a in chosen)
        edges.update((a, b) for i, a in enumerate(present) for b in present[i + 1 :])
    nodes = [(a.id, a.name, a.label, urls.href(page, urls.actor_file(a.slug))) for a in top]
    dates = [a.date for a in data.articles for _ in data.mentions.get(a.id, []) if a.date]
    undated = sum(len(data.mentions.get(a.id, [])) for a in data.articles if not a.date)
    index = urls.href(page, "articles/index.md")
    return [
        charts.network_chart(nodes, edges, "شبكة الفاعلين: خط بين كل اثنين يردان في المقالات نفسها، يغلظ بعددها", total=len(ranked)),
        charts.timeline_chart(
            dates,
            "الإشارات إلى الفاعلين عبر الزمن (حسب تاريخ المقال)",
            link_of=lambda period: f"{index}#p-{period}",
            left_out=undated_note(len(dates), undated),
        ),
    ]


def undated_note(dated: int, undated: int) -> str:
    """What a chart by article date leaves out: the mentions in articles without a date."""
    if not undated:
        return ""
    return f"يعد الرسم {counted(dated, 'mention')} من {dated + undated}؛ {counted(undated, 'mention')} في مقالات بلا تاريخ لا تظهر فيه."


# --- all ---------------------------------------------------------------------------------------------
