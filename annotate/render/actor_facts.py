"""What an actor page states about its actor, from the corpus: a reference, not a list of hits.

* a one-line summary when the registry gives no description (kind, articles, first and last seen, the role
  the texts give most often, the actors named most often in the same sentences), marked as generated;
* the spellings seen, with how often each;
* first and last seen (article dates), and how many of its articles have no date;
* co-mentions counted by shared *sentence* (two names in one article may have nothing to do with each
  other; in one sentence they usually do), each with links to those sentences, none silently cut.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from annotate.models import Actor, Mention
from annotate.resolve.latin import latin_name
from annotate.render import templates as T
from annotate.render import urls
from annotate.render.counted import and_more, counted
from annotate.render.escape import h
from annotate.render.site_data import SiteData
from annotate.render.snippets import actor_link, arabic_date, article_link, date_label, html_list

CO_SHOWN = 20  # co-mentioned actors listed in full; the others are behind "and N more"
SENTENCE_LINKS = 5  # links to shared sentences per co-mentioned actor


def mention_anchor(mention: Mention) -> str:
    """A mention's id on its article page: its character offset in the text, which re-tagging, new
    mentions before it or a new model do not move (the running number ``m-37`` did)."""
    return f"at-{mention.start}"


class Shared(NamedTuple):
    """Another actor named in the same sentences as an actor: in how many, and the first of them."""

    other: str
    sentences: int
    first: list[tuple[str, Mention]]  # (article id, the actor's first mention in that sentence), at most SENTENCE_LINKS


def shared_sentences(data: SiteData, actor_id: str) -> list[Shared]:
    """Other actors named in the same sentence as ``actor_id``; most shared first, then by name. Only the
    sentences a page links are kept: for a name in thousands of articles, a list of every shared sentence
    was most of its page's render time."""
    done = data.__dict__.setdefault("_shared_sentences", {})
    if actor_id in done:
        return done[actor_id]
    pairs = data.per_article("co-sentences", sentence_pairs)
    counts: dict[str, int] = {}
    first: dict[str, list[tuple[str, Mention]]] = {}
    mentions = data.mentions
    for article_id in data.actor_articles.get(actor_id, []):
        found = pairs(article_id).get(actor_id)
        if found:
            for other, number in found:
                seen = counts.get(other, 0)
                counts[other] = seen + 1
                if seen < SENTENCE_LINKS:
                    first.setdefault(other, []).append((article_id, mentions[article_id][number]))
    names = data.actor_by_id
    done[actor_id] = [Shared(o, counts[o], first[o]) for o in sorted(counts, key=lambda o: (-counts[o], names[o].name, o))]
    return done[actor_id]


def sentence_pairs(data: SiteData, article_id: str) -> dict[str, list[tuple[str, int]]]:
    """For each actor of one article: (another actor of the same sentence, the number of the actor's first
    mention in it among the article's mentions), sentence by sentence. A function of the article alone,
    kept across builds (``per_article``): numbers, not mentions, so that the kept pieces of 10,000 articles
    load in a tenth of a second."""
    out: dict[str, list[tuple[str, int]]] = {}
    numbered = list(enumerate(data.mentions.get(article_id, [])))
    for group in data.by_sentence(article_id, numbered, lambda item: item[1]):
        firsts: dict[str, int] = {}
        for number, m in group:
            if m.actor:
                firsts.setdefault(m.actor, number)
        for actor_id, first in firsts.items():
            out.setdefault(actor_id, []).extend((other, first) for other in firsts if other != actor_id)
    return out


def spellings(data: SiteData, actor_id: str) -> list[tuple[str, int]]:
    counts = Counter(" ".join(m.text.split()) for _, _, m in data.actor_mentions.get(actor_id, []))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def seen(data: SiteData, actor_id: str) -> tuple[str | None, str | None, str | None, str | None, int]:
    """(first date, its article, last date, its article, articles without a date). Once per actor: the
    summary and the facts both ask, and a frequent name is in most of the corpus."""
    done = data.__dict__.setdefault("_seen", {})
    if actor_id not in done:
        articles, by_id = data.actor_articles.get(actor_id, []), data.article_by_id
        dated = [(date, a) for a in articles if (date := by_id[a].date)]
        (first, first_article), (last, last_article) = (min(dated), max(dated)) if dated else ((None, None), (None, None))
        done[actor_id] = first, first_article, last, last_article, len(articles) - len(dated)
    return done[actor_id]


def top_role(actor: Actor) -> str | None:
    counts = Counter(r["role"] for r in actor.roles if r.get("article"))
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counts else None


def summary(data: SiteData, actor: Actor) -> str:
    """The generated one-line description (plain text, escaped by the caller)."""
    articles = len(data.actor_articles.get(actor.id, []))
    first, _, last, _, _ = seen(data, actor.id)
    line = f"{T.LABEL_NAMES.get(actor.label, 'فاعل')} ورد في {counted(articles, 'article', genitive=True)}"
    if first and first != last:
        line += f" بين {arabic_date(first)} و{arabic_date(last)}"
    elif first:
        line += f" في {arabic_date(first)}"
    role = top_role(actor)
    if role:
        line += f"، أكثر ما يوصف به: «{role}»"
    names = [data.actor_by_id[shared.other].name for shared in shared_sentences(data, actor.id)[:3]]
    if names:
        line += "، ويرد في الجمل نفسها مع " + _and_list(names)
    return line + "."


def _and_list(names: list[str]) -> str:
    """«أ وب وج»: Arabic joins every item with و."""
    return " و".join(names)


def facts(data: SiteData, actor: Actor, page: str) -> list[str]:
    """The items of the facts list below the actor's name (HTML)."""
    mentions = data.actor_mentions.get(actor.id, [])
    articles = data.actor_articles.get(actor.id, [])
    out = [f"<strong>النوع:</strong> {h(T.LABEL_NAMES.get(actor.label, actor.label))}"]
    if actor.description:
        out.append(f"<strong>نبذة:</strong> {h(actor.description)}")
    else:
        out.append(f'<strong>نبذة:</strong> <span class="generated-summary">{h(summary(data, actor))}</span> <small>(ملخص آلي من نصوص المدونة)</small>')
    latin = latin_name(actor.name, actor.label, actor.name_en)  # the registry's English name, else a transliteration
    if latin != actor.name:
        kind = "الاسم بالإنجليزية" if actor.name_en else "الاسم بالحروف اللاتينية"
        out.append(f'<strong>{kind}:</strong> <span dir="ltr" lang="en">{h(latin)}</span>')
    forms = spellings(data, actor.id)
    out.append("<strong>الصيغ الواردة:</strong> " + "، ".join(f'{h(text)} <span class="count">({n})</span>' for text, n in forms))
    out.append(f"<strong>الإشارات:</strong> {counted(len(mentions), 'mention')} في {counted(len(articles), 'article', genitive=True)}")
    first, first_article, last, last_article, undated = seen(data, actor.id)
    if first:
        when = f"<strong>أول ظهور:</strong> {date_label(first)} ({article_link(data, page, first_article)})"
        if last_article != first_article:
            when += f" · <strong>آخر ظهور:</strong> {date_label(last)} ({article_link(data, page, last_article)})"
        out.append(when)
    if undated:
        out.append(f"<strong>مقالات بلا تاريخ:</strong> {undated}")
    for url in actor.links:
        if url.startswith(("http://", "https://")):
            out.append(f'<a href="{h(url)}" rel="nofollow noopener" dir="ltr">{h(url)}</a>')
    return out


def co_mentions_html(data: SiteData, actor: Actor, page: str) -> list[str]:
    """The actors named in the same sentences, each with links to those sentences; past ``CO_SHOWN``
    the rest are counted and listed in a collapsed block, never dropped."""
    shared = shared_sentences(data, actor.id)
    if not shared:
        return []
    items = [_co_item(data, page, one) for one in shared]
    out = html_list(items[:CO_SHOWN], "co-mentions")
    rest = items[CO_SHOWN:]
    if rest:
        out[-1:] = [f'<details class="co-more"><summary>فاعلون آخرون في الجمل نفسها: {len(rest)}</summary>', *html_list(rest, "co-mentions"), "</details>", ""]
    return out


def _co_item(data: SiteData, page: str, shared: Shared) -> str:
    links = []
    for n, (article_id, mention) in enumerate(shared.first, 1):
        target = urls.href(page, urls.article_file(article_id)) + "#" + mention_anchor(mention)
        title = data.article_by_id[article_id].title or article_id
        links.append(f'<a class="sentence-link" href="{h(target)}" title="{h(title)}">{n}</a>')
    said = f"{actor_link(data, page, shared.other)} — في {counted(shared.sentences, 'sentence', genitive=True)}: "
    return said + " ".join(links) + and_more(shared.sentences, SENTENCE_LINKS, "sentence")
