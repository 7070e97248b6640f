"""Pictures drawn at build time: nothing is fetched, nothing runs in the browser.

* ``timeline_chart``: bars of mentions per period (month, or year when the span is long), in HTML and CSS
  so that its text is real text at the reader's font size on any screen. The time axis is to scale (a
  month with no mention is an empty slot, so gaps show), every bar carries its value and links somewhere,
  the y axis has gridlines with values, and what the chart cannot show (undated mentions) is said.
* ``network_chart``: the most present actors on a circle (SVG), each a link to its page, shaped and
  coloured by type (with a legend), linked by how many articles they share. The cut-off never splits a
  tie, keeps every actor's strongest link, and says how many links it left out; every link's value is
  in the table under the picture.
Both are deterministic (no random layout) and escape every label.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from annotate.dates.labels import period_label
from annotate.render import templates as T
from annotate.render.counted import counted
from annotate.render.escape import h

COLORS = {"PER": "var(--ent-per)", "ORG": "var(--ent-org)", "LOC": "var(--ent-loc)", "MISC": "var(--ent-misc)"}
MAX_VALUE_LABELS = 36  # more bars than this and the values go in the bars' titles and the gridlines only
TICKS = 5


def period_of(date: str, by_year: bool) -> str:
    return date[:4] if by_year else date[:7]


def periods(dates: list[str]) -> Counter:
    """Counts per YYYY-MM, or per YYYY when the dates span more than four years."""
    return Counter(period_of(d, by_year(dates)) for d in dates)


def by_year(dates: list[str]) -> bool:
    years = {int(d[:4]) for d in dates}
    return bool(years) and max(years) - min(years) > 4


def period_slots(keys: list[str]) -> list[str]:
    """Every period from the first to the last key, the empty ones included (the axis is to scale)."""
    first, last = min(keys), max(keys)
    if len(first) == 4:
        return [str(y) for y in range(int(first), int(last) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def period_name(key: str) -> str:
    """«سبتمبر 2023» for 2023-09, «2023» for a year."""
    return period_label(key)


def _nice_top(top: int) -> int:
    """The gridline top: the count rounded up to 1, 2 or 5 times a power of ten (82 → 100, 7 → 10)."""
    if top <= 5:
        return top
    power = 10 ** int(math.log10(top))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= top)


def tick_slots(n: int, most: int = TICKS) -> list[int]:
    """Evenly spaced slots to label, the first and the last included, never two side by side."""
    if n <= 2:
        return list(range(n))
    step = math.ceil((n - 1) / (most - 1))
    ticks = list(range(0, n, step))
    if n - 1 - ticks[-1] < max(2, step / 2):
        ticks[-1] = n - 1
    else:
        ticks.append(n - 1)
    return ticks


def timeline_chart(
    dates: list[str], title: str, link_of: Callable[[str], str | None] | None = None, left_out: str = "", noun: str = "mention"
) -> str:
    """A bar chart of how many ``noun``s fall in each period (``dates``: ISO strings, one per item).

    ``link_of(period)`` gives each bar's link; ``left_out`` says what the chart does not count.
    """
    dates = [d for d in dates if d and d[:4].isdigit()]
    if not dates:
        return ""
    yearly = by_year(dates)
    counts = Counter(period_of(d, yearly) for d in dates)
    slots = period_slots(sorted(counts))
    top = _nice_top(max(counts.values()))
    width = 100 / len(slots)
    show_values = len(counts) <= MAX_VALUE_LABELS
    parts = [f'<figure class="chart bar-chart"><div class="bc-plot" dir="ltr" role="group" aria-label="{h(title)}">']
    for value in sorted({0, top // 2 if top >= 4 else 0, top}):
        parts.append(f'<div class="bc-grid" style="bottom:{100 * value / top:.2f}%"><span>{value}</span></div>')
    for i, key in enumerate(slots):
        if key not in counts:
            continue
        n = counts[key]
        label = f"{period_name(key)}: {counted(n, noun)}"
        style = f"left:{i * width + width * 0.15:.3f}%;width:{width * 0.7:.3f}%;height:{100 * n / top:.2f}%"
        value = f'<span class="bc-value">{n}</span>' if show_values else ""
        href = link_of(key) if link_of else None
        tag = f'a href="{h(href)}"' if href else "span"
        parts.append(f'<{tag} class="bc-bar" style="{style}" title="{h(label)}" aria-label="{h(label)}">{value}</{tag.split()[0]}>')
    parts.append('</div><div class="bc-axis" dir="ltr">')
    for k, i in enumerate(tick_slots(len(slots))):
        where = "bc-first" if i == 0 else "bc-last" if i == len(slots) - 1 else "bc-wide" if k % 2 else ""
        parts.append(f'<span class="bc-tick {where}" style="left:{(i + 0.5) * width:.3f}%">{h(period_name(slots[i]))}</span>')
    unit = "سنة" if yearly else "شهر"
    caption = f"{h(title)}: العدد في كل {unit}، على محور زمني بمقياس ثابت."
    if left_out:
        caption += f" {h(left_out)}"
    parts.append(f"</div><figcaption>{caption}</figcaption></figure>")
    return "".join(parts)


# --- network -------------------------------------------------------------------------------------------


def shown_edges(edges: Counter, budget: int) -> tuple[Counter, int]:
    """The links a picture can show (at most about ``budget``) and the weight below which links are left out.

    The heaviest links are kept down to a weight where no tie is split; every actor also keeps its
    strongest links (so an actor that shares articles with others never looks unconnected).
    """
    weights = sorted(set(edges.values()), reverse=True)
    threshold = weights[0] if weights else 1  # all the heaviest ties, even past the budget
    for w in weights:
        if sum(1 for v in edges.values() if v >= w) > budget:
            break
        threshold = w
    kept = Counter({pair: w for pair, w in edges.items() if w >= threshold})
    strongest: dict[str, int] = {}
    for (a, b), w in edges.items():
        strongest[a], strongest[b] = max(strongest.get(a, 0), w), max(strongest.get(b, 0), w)
    for (a, b), w in edges.items():
        if w == strongest[a] or w == strongest[b]:
            kept[(a, b)] = w
    return kept, threshold


def _shape(label: str, x: float, y: float, r: float = 11) -> str:
    """● person, ■ organization, ▲ place, ◆ other: the shapes the article pages use (never colour alone)."""
    fill = COLORS.get(label, "gray")
    if label == "ORG":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" fill="{fill}"/>'
    if label == "LOC":
        return f'<polygon points="{x:.1f},{y - r * 1.2:.1f} {x + r * 1.1:.1f},{y + r * 0.8:.1f} {x - r * 1.1:.1f},{y + r * 0.8:.1f}" fill="{fill}"/>'
    if label == "MISC":
        return f'<polygon points="{x:.1f},{y - r * 1.2:.1f} {x + r * 1.2:.1f},{y:.1f} {x:.1f},{y + r * 1.2:.1f} {x - r * 1.2:.1f},{y:.1f}" fill="{fill}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"/>'


def network_chart(
    nodes: list[tuple[str, str, str, str]], edges: Counter, title: str, total: int | None = None, size: int = 760, budget: int = 60
) -> str:
    """Actors (id, name, label, href) on a circle, linked by shared-article counts (``edges``)."""
    if len(nodes) < 2:
        return ""
    kept, threshold = shown_edges(edges, budget)
    centre, radius = size / 2, size / 2 - 200
    where = {}
    for i, (actor_id, _, _, _) in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        where[actor_id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    heaviest = max(edges.values(), default=1)
    names = {actor_id: name for actor_id, name, _, _ in nodes}
    parts = [
        f'<figure class="chart network-chart"><svg viewBox="0 {centre - radius - 50:.0f} {size} {2 * radius + 110:.0f}" role="img" aria-label="{h(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" direction="ltr">'
    ]
    for (a, b), weight in sorted(kept.items()):
        if a in where and b in where:
            (x1, y1), (x2, y2) = where[a], where[b]
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="currentColor" '
                f'stroke-opacity="{0.2 + 0.6 * weight / heaviest:.2f}" stroke-width="{1 + 5 * weight / heaviest:.1f}">'
                f"<title>{h(names[a])} — {h(names[b])}: {counted(weight, 'article')}</title></line>"
            )
    for actor_id, name, label, href in nodes:
        x, y = where[actor_id]
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        dx = 16 if anchor == "start" else -16 if anchor == "end" else 0
        dy = -20 if y < centre - radius * 0.9 else 38 if y > centre + radius * 0.9 else 9
        kind = T.LABEL_NAMES.get(label, label)
        parts.append(
            f'<a href="{h(href)}" class="nc-node"><title>{h(name)} — {h(kind)}</title>{_shape(label, x, y)}'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" font-size="26" text-anchor="{anchor}" fill="currentColor">{h(name)}</text></a>'
        )
    parts.append("</svg>")
    parts.append(network_legend(nodes, heaviest))
    left = len(edges) - len(kept)
    caption = f"{h(title)}. أبرز {counted(len(nodes), 'actor')}" + (f" من {total}" if total else "") + " حسب عدد المقالات."
    caption += f" تظهر {counted(len(kept), 'link')} من {len(edges)}"
    if left:
        caption += f"؛ لم تظهر {counted(left, 'link')} يشترك طرفاها في أقل من {counted(threshold, 'article', genitive=True)} (الجدول أدناه فيه كلها)"
    parts.append(f"<figcaption>{caption}.</figcaption>")
    parts.append(edge_table(edges, names))
    parts.append("</figure>")
    return "".join(parts)


def network_legend(nodes: list[tuple[str, str, str, str]], heaviest: int) -> str:
    labels = [label for label in T.LABEL_NAMES if any(n[2] == label for n in nodes)]
    keys = "".join(f'<span class="ent ent-{T.LABEL_CLASSES[label]}">{h(T.LABEL_NAMES[label])}</span> ' for label in labels)
    return f'<p class="legend chart-legend">{keys}<span class="nc-weight">سُمك الخط: عدد المقالات المشتركة (من 1 إلى {heaviest})</span></p>'


def edge_table(edges: Counter, names: dict[str, str]) -> str:
    rows = "".join(
        f"<tr><td>{h(names[a])}</td><td>{h(names[b])}</td><td>{w}</td></tr>"
        for (a, b), w in sorted(edges.items(), key=lambda kv: (-kv[1], names[kv[0][0]], names[kv[0][1]]))
    )
    return (
        f'<details class="nc-table"><summary>الروابط بالأرقام ({counted(len(edges), "link")})</summary>'
        f"<table><thead><tr><th>فاعل</th><th>فاعل</th><th>مقالات مشتركة</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )

