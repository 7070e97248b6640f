"""What an editor should look at after a build: new actors, actors seen once, and uncertain merges and splits."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReviewItem:
    actor: str  # actor id
    name: str
    reason: str


@dataclass
class Review:
    new: list[ReviewItem] = field(default_factory=list)  # not in the published ledger
    once: list[ReviewItem] = field(default_factory=list)  # a single mention in the whole corpus
    merges: list[ReviewItem] = field(default_factory=list)  # low-confidence merges (variants, aliases, short forms)
    splits: list[ReviewItem] = field(default_factory=list)  # one surface given to several actors

    def sections(self) -> list[tuple[str, list[str]]]:
        """(title, lines) for the review page and the ``actors --review`` command."""
        def lines(items: list[ReviewItem]) -> list[str]:
            return [f"{i.name} ({i.actor}): {i.reason}" for i in items]

        return [
            ("فاعلون جدد", lines(self.new)),
            ("فاعلون ذكروا مرة واحدة", lines(self.once)),
            ("دمج غير مؤكد", lines(self.merges)),
            ("فصل غير مؤكد", lines(self.splits)),
        ]


def format_review(resolution) -> str:
    """Plain text for ``python -m annotate actors --review``."""
    out: list[str] = []
    titles = {"فاعلون جدد": "New actors", "فاعلون ذكروا مرة واحدة": "Seen once", "دمج غير مؤكد": "Low-confidence merges", "فصل غير مؤكد": "Low-confidence splits"}
    for title, items in resolution.review.sections():
        out.append(f"== {titles[title]} / {title} ({len(items)})")
        out += [f"  - {line}" for line in items] or ["  (none)"]
    out.append(f"== Stale registry decisions ({len(resolution.stale)})")
    out += [f"  - {line}" for line in resolution.stale] or ["  (none)"]
    return "\n".join(out) + "\n"
