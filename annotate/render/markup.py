"""Turn a stretch of article text plus its annotations into escaped HTML (like displaCy's renderer)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotate import markup_text
from annotate.models import DateMention, Mention
from annotate.render import templates as T
from annotate.render.escape import h


@dataclass(frozen=True)
class Marked:
    """One annotation to draw: an entity (with its number and link) or a date (with its number)."""

    start: int
    end: int
    html: Callable[[str], str]  # escaped inner text -> HTML


def entity(mention: Mention, anchor: str, href: str | None, start: int | None = None) -> Marked:
    """A mention on its article page; ``anchor`` is its id (``actor_facts.mention_anchor``), ``start``
    where the name begins after a clitic (``clitics``)."""
    cls, label = T.LABEL_CLASSES.get(mention.label, "misc"), T.LABEL_NAMES.get(mention.label, mention.label)
    at = mention.start if start is None else start
    if href is None:
        return Marked(at, mention.end, lambda text: T.ENTITY_NOLINK.format(cls=cls, anchor=anchor, label=h(label), text=text))
    return Marked(at, mention.end, lambda text: T.ENTITY.format(cls=cls, anchor=anchor, href=h(href), text=text))


def date(mention: DateMention, number: int | None) -> Marked:
    """A date; ``number`` gives its id (``d-N``) on its article page, ``None`` a copy in a timeline entry
    (no id; the entry writes its value beside it)."""
    anchor = f' id="d-{number}"' if number is not None else ""
    if mention.value is None:  # a date without a value: said so on the page, with what it does fix
        why = "تاريخ بلا قيمة: لا مرجع يحدده" + (f" (المعروف منه: {mention.known})" if mention.known else "")
        return Marked(mention.start, mention.end, lambda text: T.DATE_UNRESOLVED.format(id=anchor, why=h(why), text=text))
    value = mention.value
    exact = "/" not in value and "X" not in value  # a ``datetime`` HTML accepts; else the value as a title
    if number is None:
        attr = f' datetime="{h(value)}"' if exact else ""
        return Marked(mention.start, mention.end, lambda text: T.DATE_QUOTED.format(attr=attr, text=text))
    attr = f'datetime="{h(value)}"' if exact else f'title="{h(value)}"'
    return Marked(mention.start, mention.end, lambda text: T.DATE.format(id=anchor, attr=attr, text=text))


def entity_ref(mention: Mention, href: str, start: int | None = None) -> Marked:
    """A mention quoted on another page (the timeline): a link to its actor, without the article's id."""
    cls = T.LABEL_CLASSES.get(mention.label, "misc")
    return Marked(mention.start if start is None else start, mention.end, lambda text: T.ENTITY_REF.format(cls=cls, href=h(href), text=text))


def highlight(mention: Mention, start: int | None = None) -> Marked:
    cls = T.LABEL_CLASSES.get(mention.label, "misc")
    return Marked(mention.start if start is None else start, mention.end, lambda text: T.HIGHLIGHT.format(cls=cls, text=text))


def _overlaps(mark: Marked, kept: list[Marked]) -> bool:
    return any(mark.start < k.end and k.start < mark.end for k in kept)


def render(text: str, start: int, end: int, marks: Iterable[Marked]) -> str:
    """HTML for ``text[start:end]``: gaps and marked spans escaped.

    Where marks overlap, the one listed first wins (callers list entities before dates), so every
    entity anchor that an actor page links to exists.
    """
    kept: list[Marked] = []
    for mark in marks:
        if start <= mark.start and mark.end <= end and not _overlaps(mark, kept):
            kept.append(mark)
    for opening, inner, inner_end, closing in markup_text.emphasis(text, start, end):  # «**كلمة**»: bold, no stars
        pair = [Marked(opening, inner, lambda _: "<strong>"), Marked(inner_end, closing, lambda _: "</strong>")]
        if not any(_overlaps(m, kept) for m in pair):
            kept += pair
    out, pos = [], start
    for mark in sorted(kept, key=lambda m: m.start):
        out.append(h(text[pos : mark.start]))
        out.append(mark.html(h(text[mark.start : mark.end])))
        pos = mark.end
    out.append(h(text[pos:end]))
    return "".join(out)
