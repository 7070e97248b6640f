"""Pictures drawn at build time as inline SVG: nothing is fetched, nothing runs in the browser.

* ``timeline_chart``: bars of mentions per period (month, or year when the span is long).
* ``network_chart``: the most mentioned actors on a circle, linked by how many articles they share.
Both are deterministic (no random layout) and escape every label.
"""

from __future__ import annotations

import math
from collections import Counter

from annotate.render.escape import h

COLORS = {"PER": "var(--ent-per)", "ORG": "var(--ent-org)", "LOC": "var(--ent-loc)", "MISC": "var(--ent-misc)"}


def periods(dates: list[str]) -> Counter:
    """Counts per YYYY-MM, or per YYYY when the dates span more than four years."""
    years = {d[:4] for d in dates}
    if len(years) > 1 and int(max(years)) - int(min(years)) > 4:
        return Counter(d[:4] for d in dates)
    return Counter(d[:7] for d in dates)


def dated_share(dated: int, total: int, where: str = "الرسم") -> str:
    """What a chart or list leaves out, said, never silent: «26 من 82 إشارة مؤرخة، و56 بلا تاريخ خارج الرسم»."""
    return f"{dated} من {total} إشارة مؤرخة" + (f"، و{total - dated} بلا تاريخ خارج {where}" if dated < total else "")


def timeline_chart(dates: list[str | None], title: str, width: int = 720, height: int = 180) -> str:
    """A bar chart of how many mentions fall in each period (dates: ISO strings, one per mention; ``None``
    for a mention without a date, counted in the caption)."""
    counts = periods([d for d in dates if d])
    if not counts:
        return f'<p class="chart-undated">{h(title)}: {h(dated_share(0, len(dates)))}</p>' if dates else ""
    title = f"{title} — {dated_share(sum(counts.values()), len(dates))}"
    keys = sorted(counts)
    top = max(counts.values())
    bar = max(4.0, min(40.0, (width - 40) / len(keys) - 4))
    parts = [
        f'<figure class="chart"><svg viewBox="0 0 {width} {height + 40}" role="img" aria-label="{h(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" direction="ltr">'
    ]
    step = (width - 40) / len(keys)
    label_every = max(1, math.ceil(len(keys) / 12))
    for i, key in enumerate(keys):
        x = 20 + i * step
        bar_h = height * counts[key] / top
        parts.append(
            f'<rect x="{x:.1f}" y="{height - bar_h + 10:.1f}" width="{bar:.1f}" height="{bar_h:.1f}" fill="var(--md-primary-fg-color)">'
            f"<title>{h(key)}: {counts[key]}</title></rect>"
        )
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height + 30}" font-size="14" text-anchor="middle" fill="currentColor">{h(key)}</text>')
    parts.append(f"</svg><figcaption>{h(title)}</figcaption></figure>")
    return "".join(parts)


def network_chart(nodes: list[tuple[str, str, str]], edges: Counter, title: str, size: int = 760, most: int = 40) -> str:
    """Actors (id, name, label) on a circle, linked by the ``most`` heaviest shared-article counts."""
    if len(nodes) < 2:
        return ""
    edges = Counter(dict(sorted(edges.items(), key=lambda kv: (-kv[1], kv[0]))[:most]))
    centre, radius = size / 2, size / 2 - 150
    where = {}
    for i, (actor_id, _, _) in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        where[actor_id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    heaviest = max(edges.values(), default=1)
    parts = [
        f'<figure class="chart"><svg viewBox="0 0 {size} {size}" role="img" aria-label="{h(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" direction="ltr">'
    ]
    for (a, b), weight in sorted(edges.items()):
        if a in where and b in where:
            (x1, y1), (x2, y2) = where[a], where[b]
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="currentColor" '
                f'stroke-opacity="{0.15 + 0.6 * weight / heaviest:.2f}" stroke-width="{1 + 4 * weight / heaviest:.1f}"/>'
            )
    for actor_id, name, label in nodes:
        x, y = where[actor_id]
        # Labels sit outside the circle, on the node's side, so they never cross the edges.
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        dx = 12 if anchor == "start" else -12 if anchor == "end" else 0
        dy = -12 if y < centre - radius * 0.9 else 22 if y > centre + radius * 0.9 else 5
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{COLORS.get(label, "gray")}"><title>{h(name)}</title></circle>')
        parts.append(
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" font-size="18" text-anchor="{anchor}" '
            f'fill="currentColor">{h(name)}</text>'
        )
    parts.append(f"</svg><figcaption>{h(title)}</figcaption></figure>")
    return "".join(parts)
