"""Aliases the text states outright: «المعروف بـ "حميدتي"», «أو ما يعرف بـ», and abbreviations in parentheses
after a name («وكالة المخابرات المركزية (سي آي إيه)», «(RUSI)»), only with evidence that they abbreviate
it (``_alias_evidence``): datelines and credits («فرانكفورت (د ب أ)», «(Getty)») are not aliases.

Each cue yields a new candidate (the alias) tied to the candidate it names; ``rules`` unites their keys.
"""

from __future__ import annotations

from annotate.arabic import fold
from annotate.resolve.names import is_word
from annotate.resolve.spans import ArticleView, Candidate, make_candidate

CUE_WORDS = frozenset(fold(w) for w in "المعروف المعروفة المعروفه يعرف ويعرف تعرف وتعرف الملقب الملقبة ويلقب يلقب المسمى المسماة".split())
FILLERS = frozenset(fold(w) for w in "، , أو او ما والذي الذي التي باسم".split())
BY = frozenset(("ب", "بـ", "باسم", "بلقب", "بإسم"))
QUOTES = frozenset('"«»“”\'')
MAX_ALIAS = 4
MAX_GAP = 4  # tokens between the name and the cue word


def alias_cues(view: ArticleView, cands: list[Candidate], evidence) -> list[tuple[Candidate, Candidate]]:
    """(alias, named) pairs found after each candidate."""
    out: list[tuple[Candidate, Candidate]] = []
    by_end = {}
    for c in cands:
        by_end.setdefault(c.outer[1], c)
    for end, named in sorted(by_end.items()):
        i, _ = view.token_range(end, end + 1)
        found = _cue(view, i, named, evidence) or _parenthesis(view, i, named, evidence)
        if found is not None:
            out.append((found, named))
    return out


def _cue(view: ArticleView, i: int, named: Candidate, evidence) -> Candidate | None:
    toks = view.tokens
    k = i
    while k < len(toks) and k - i < MAX_GAP and fold(toks[k].text) in FILLERS:
        k += 1
    if k >= len(toks) or fold(toks[k].text) not in CUE_WORDS:
        return None
    k += 1
    if k < len(toks) and toks[k].text in BY:
        k += 1
    elif k < len(toks) and toks[k].text.startswith("ب") and len(toks[k].text) > 3:
        pass  # بحميدتي: the clitic is attached; make_candidate strips it
    else:
        return None
    return _name_at(view, k, named, evidence)


def _parenthesis(view: ArticleView, i: int, named: Candidate, evidence) -> Candidate | None:
    toks = view.tokens
    if i >= len(toks) or toks[i].text != "(":
        return None
    j = i + 1
    while j < len(toks) and toks[j].text != ")" and j - i <= MAX_ALIAS:
        j += 1
    if j >= len(toks) or toks[j].text != ")" or j == i + 1:
        return None
    inner = [t.text for t in toks[i + 1 : j] if is_word(t.text)]
    if not _alias_evidence(inner, named) or (j + 1 < len(toks) and toks[j + 1].text in DASHES):
        return None
    return make_candidate(view, i + 1, j, named.label, "propagated", evidence)


DASHES = frozenset(("-", "--", "–", "—", "ـ"))


def _alias_evidence(inner: list[str], named: Candidate) -> bool:
    """Is the parenthesis an alias of the name before it? Never after a place: «فرانكفورت (د ب أ)» and
    «المدينة، البلد (الوكالة)--» are datelines; a parenthesis followed by a dash is one too. Latin text only
    as an acronym no longer than the name has words (+1) (RUSI); spelled letters (سي آي إيه) no more than
    its words; «(Getty)» and other credits never. One Arabic word (حميدتي) as before."""
    if not inner or named.label == "LOC":
        return False
    words = len(named.words)
    if all(w.isascii() for w in inner):
        return len(inner) == 1 and inner[0].isupper() and 2 <= len(inner[0]) <= words + 1
    if all(len(w) <= 3 for w in inner):
        return 2 <= len(inner) <= words
    return len(inner) == 1


def _name_at(view: ArticleView, k: int, named: Candidate, evidence) -> Candidate | None:
    toks = view.tokens
    quoted = False
    while k < len(toks) and toks[k].text in QUOTES:
        k, quoted = k + 1, True
    limit = MAX_ALIAS if quoted else 1  # unquoted, only the next word is surely the alias
    j = k
    while j < len(toks) and is_word(toks[j].text) and j - k < limit and view.sentence[j] == view.sentence[k]:
        j += 1
    if quoted and j < len(toks) and toks[j].text not in QUOTES:
        return None
    if j == k:
        return None
    return make_candidate(view, k, j, named.label, "propagated", evidence)
