"""The review page in Arabic: what the editor should look at, each actor linked to its page.

The resolver's review (``annotate.resolve.review``) is written for the ``actors --review`` command, in
English. This page says the same in Arabic: kinds and counts from the site's own data, the resolver's
reasons through the table below (a reason it does not know is shown as it is, marked as English).
"""

from __future__ import annotations

import re

from annotate.render import templates as T
from annotate.render import urls
from annotate.render.counted import counted
from annotate.render.escape import h
from annotate.render.site_data import SiteData
from annotate.render.snippets import front, heading, html_list

PAGE = "review.md"
KINDS = {"alias": "اسم آخر يذكره النص", "variant": "تهجئة أخرى", "conflict": "تعارض مع السجل", "short-form": "اسم مختصر"}
REASONS = [
    (re.compile(r"the text says «(.+?)» is another name for «(.+?)»"), r"يقول النص إن «\1» اسم آخر لـ«\2»"),
    (re.compile(r"spelling variants of one transliterated name"), "صيغتان لاسم واحد منقول عن لغة أخرى"),
    (re.compile(r"spelling variants, but the registry gives them to two actors"), "صيغتان لاسم واحد، لكن السجل ينسبهما إلى فاعلَين"),
    (re.compile(r"«(.+?)» matches only as a spelling variant"), r"«\1» لا يطابق إلا بوصفه تهجئة أخرى"),
    (re.compile(r"«(.+?)» could also be: (.+)"), r"«\1» قد يكون أيضاً: \2"),
]
_MERGE = re.compile(r"^(?P<kind>[\w-]+): (?P<names>.*?): (?P<reason>.*?)(?: \[(?P<article>[^\]]+)\])?$")


def arabic_reason(reason: str) -> str:
    """The resolver's reason in Arabic (HTML); an unknown one stays English, marked as such."""
    for pattern, arabic in REASONS:
        if pattern.fullmatch(reason):
            return h(pattern.sub(arabic, reason))
    return f'<span lang="en" dir="ltr">{h(reason)}</span>'


def _actor(data: SiteData, actor_id: str, name: str) -> str:
    actor = data.actor_by_id.get(actor_id)
    if actor is None or actor_id not in data.actor_articles:
        return h(name)
    return f'<a href="{h(urls.href(PAGE, urls.actor_file(actor.slug)))}">{h(actor.name)}</a>'


def _kind_and_count(data: SiteData, actor_id: str) -> str:
    actor = data.actor_by_id.get(actor_id)
    kind = T.LABEL_NAMES.get(actor.label, actor.label) if actor else ""
    return f"{h(kind)}، {counted(len(data.actor_mentions.get(actor_id, [])), 'mention')}"


def _merge(data: SiteData, item) -> str:
    match = _MERGE.match(item.reason)
    if not match:
        return f"{_actor(data, item.actor, item.name)}: {arabic_reason(item.reason)}"
    where = match.group("article")
    article = f' — في <a href="{h(urls.href(PAGE, urls.article_file(where)))}">{h(data.article_by_id[where].title or where)}</a>' if where in data.article_by_id else ""
    kind = KINDS.get(match.group("kind"), match.group("kind"))
    return f"{_actor(data, item.actor, item.name)} ({h(kind)}: {h(match.group('names'))}): {arabic_reason(match.group('reason'))}{article}"


def _split(data: SiteData, item) -> str:
    ids = sorted(set(re.findall(r"\(([a-z]+-[^()\s]+)\)", item.reason)))
    actors = "، ".join(_actor(data, i, i) for i in ids) or h(item.reason)
    return f"«{h(item.name)}» تُنسب إلى {counted(len(ids), 'actor', genitive=True)}: {actors}"


def review_page(data: SiteData) -> str:
    out = [front("مراجعة الفاعلين"), heading(1, "مراجعة الفاعلين"), ""]
    out.append('<p>ما يحتاج إلى نظر المحرر في سجل الفاعلين <code dir="ltr">corpus/actors.yml</code>؛ كل قرار فيه يُطبَّق في البناء التالي.</p>')
    review = data.review
    if review is not None:
        sections = [
            ("فاعلون جدد", "لم يُنشر عنوانهم من قبل.", [f"{_actor(data, i.actor, i.name)} — {_kind_and_count(data, i.actor)}" for i in review.new]),
            ("فاعلون ذكروا مرة واحدة", "قد يكون الوسم خاطئاً، أو الاسم مكتوباً بغير صيغته المعتادة.", [f"{_actor(data, i.actor, i.name)} — {_kind_and_count(data, i.actor)}" for i in review.once]),
            ("دمج غير مؤكد", "إشارات جُمعت في فاعل واحد بدليل ضعيف.", [_merge(data, i) for i in review.merges]),
            ("فصل غير مؤكد", "صيغة واحدة نُسبت إلى أكثر من فاعل.", [_split(data, i) for i in review.splits]),
        ]
        for title, why, items in sections:
            out += [heading(2, f"{title} ({len(items)})"), f"<p>{h(why)}</p>", *html_list(items or ["لا شيء"])]
    if data.stale:
        out.append(heading(2, f"قرارات في السجل لم تعد تطابق شيئاً ({len(data.stale)})"))
        out += html_list([f'<span lang="en" dir="ltr">{h(s)}</span>' for s in data.stale])
    return "\n".join(out)
