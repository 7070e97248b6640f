"""Latin names in Arabic news: acronyms (DW، AFP، UN) and photo credits in capitals (KEMAL ASLAN/AFP).

The shipped tagger was trained on Arabic and leaves Latin text untagged (or tags whole English sentences,
which ``filters`` drops). In Arabic news a word in Latin capitals is an agency, a channel or a body, and two
or three such words in a row are a photographer's or writer's name in a credit line. Units and time zones
(GMT، PM، TV) are not names.
"""

from __future__ import annotations

import re

from annotate.resolve.names import Evidence
from annotate.resolve.spans import ArticleView, Candidate, make_candidate

CAPITALS = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
NOT_NAMES = frozenset("GMT UTC PM AM TV HD PDF URL HTTP HTTPS WWW CEO OK USD EUR KM MW GW DNA GPS SMS USB VIP PCR".split())
MAX_PERSON_WORDS = 3


def _capital(view: ArticleView, k: int) -> bool:
    """A word in capitals, not a unit, and not part of a handle, hashtag or address (@WAFA_PS)."""
    t, text = view.tokens[k], view.article.text
    before, after = text[t.start - 1 : t.start], text[t.end : t.end + 1]
    return bool(CAPITALS.match(t.text)) and t.text not in NOT_NAMES and before not in ("@", "#", "_", ".") and after not in ("_", ".")


def find_latin(view: ArticleView, evidence: Evidence) -> list[Candidate]:
    toks = view.tokens
    out: list[Candidate] = []
    i = 0
    while i < len(toks):
        if not _capital(view, i) or not view.in_body(toks[i].start, toks[i].end):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j - i < MAX_PERSON_WORDS and _capital(view, j) and toks[j].start == toks[j - 1].end + 1:
            j += 1
        words = [toks[k].text for k in range(i, j)]
        person = len(words) >= 2 and all(len(w) >= 3 and w.isalpha() for w in words)
        if person or len(words) == 1:
            c = make_candidate(view, i, j, "PER" if person else "ORG", "latin", evidence)
            if c is not None:
                out.append(c)
        i = j
    return out
