"""Where a highlighted name starts: after a proclitic (و، ف، ب، ل and their pairs), never before it.

The resolver sometimes keeps a clitic inside a mention («للقاهرة», «للأمم المتحدة») and sometimes not
(«ل» + «موسكو»). Pages draw one rule: the clitic stays outside the link or mark, so «ل» + «لقاهرة» as
«ل» + «موسكو», and the type glyph (site.css) sits after the name, never between the clitic and its noun.
A clitic is split off only when what follows is a known form of the actor's name (its name or aliases,
with the article's ا restored after «لل»), so names that begin with these letters (بوتين, لبنان) stay whole.
"""

from __future__ import annotations

from annotate.arabic import fold
from annotate.resolve.names import NAME_PREFIXES

_PREFIXES = sorted(NAME_PREFIXES, key=len, reverse=True)


def name_start(text: str, start: int, end: int, forms: frozenset[str]) -> int:
    """The offset where the name itself begins in ``text[start:end]`` (``forms``: folded known names)."""
    surface = text[start:end]
    if fold(surface) in forms:
        return start
    for prefix in _PREFIXES:
        rest = surface[len(prefix) :]
        if not surface.startswith(prefix) or len(rest) < 2:
            continue
        candidates = [rest, "ا" + rest] if prefix.endswith("ل") and rest.startswith("ل") else [rest]
        if any(fold(c) in forms for c in candidates):
            return start + len(prefix)
    return start


def actor_forms(name: str, aliases: list[str]) -> frozenset[str]:
    return frozenset(fold(n) for n in [name, *aliases])
