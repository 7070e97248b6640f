"""Model spans that run past a name: «بوتين وحفتر», «حفتر ومستشاريه», «حفتر كرر», «حفتر شويغو».

A statistical tagger often glues a person's name to the next word. Two cuts, both driven by the corpus'
own names rather than by word lists:

* at an inner word with the conjunction و (unless that word is itself a known name, وليد), or ف before a
  known name (never فوتشيتش);
* after a first word that the corpus knows as a one-word name (حفتر, seen alone three times or more) but
  never as the first word of a longer name — the rest is kept only if it is a known name too.
"""

from __future__ import annotations

from collections import Counter

from annotate.resolve.names import key_of
from annotate.resolve.spans import ArticleView, Candidate, Vocabulary, make_candidate
from annotate.resolve.variants import variant_word

MIN_ALONE = 3


def split_run_ons(views: dict[str, ArticleView], cands: dict[str, list[Candidate]], vocab: Vocabulary) -> dict[str, list[Candidate]]:
    facts = run_on_facts(run_on_counts(cs for cs in cands.values()))
    return {aid: split_article(views[aid], cs, *facts, vocab) for aid, cs in cands.items()}


def run_on_counts(articles) -> Counter:
    """How often each person key is a span of the corpus (``articles``: each article's candidates)."""
    return Counter(c.folded_key for cs in articles for c in cs if c.label == "PER")


def run_on_facts(full: Counter) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """First words seen alone ``MIN_ALONE`` times or more; first words of longer names seen twice; known name words."""
    alone: Counter = Counter()
    for key, n in full.items():
        if len(key) == 1:
            alone[variant_word(key[0])] += n
    often = frozenset(w for w, n in alone.items() if n >= MIN_ALONE)
    leading = frozenset(variant_word(key[0]) for key, n in full.items() if len(key) > 1 and n >= 2)
    known = frozenset({variant_word(k[0]) for k in full if len(k) == 1} | {variant_word(k[-1]) for k, n in full.items() if len(k) > 1 and n >= 2})
    return often, leading, known


def split_article(view: ArticleView, cs: list[Candidate], often_alone, leading, known, vocab: Vocabulary) -> list[Candidate]:
    kept: list[Candidate] = []
    for c in cs:
        kept += _split(view, c, often_alone, leading, known, vocab) if c.label == "PER" and len(c.key) > 1 else [c]
    return kept


def _split(view: ArticleView, c: Candidate, often_alone, leading, known, vocab: Vocabulary) -> list[Candidate]:
    i, j = view.token_range(c.start, c.end)
    words = [n for n in range(i, j) if view.tokens[n].text.strip() and view.tokens[n].text[0].isalpha()]
    for pos, n in enumerate(words[1:], 1):
        text = view.tokens[n].text
        conjunction = text[0] == "و" or (text[0] == "ف" and variant_word(key_of((text[1:],), "PER")[0]) in known)
        if conjunction and variant_word(key_of((text,), "PER")[0]) not in known:
            return _pieces(view, c, words[0], n, words[pos], j, known, vocab)
    first = variant_word(c.key[0])
    if first in often_alone and first not in leading:
        return _pieces(view, c, words[0], words[1], words[1], j, known, vocab)
    return [c]


def _pieces(view, c, head_start, head_end, rest_start, end, known, vocab) -> list[Candidate]:
    out = []
    head = make_candidate(view, head_start, head_end, c.label, c.source, vocab)
    if head is not None:
        head.role = c.role
        out.append(head)
    rest = make_candidate(view, rest_start, end, c.label, c.source, vocab)
    if rest is not None and (len(rest.key) > 1 or variant_word(rest.key[0]) in known):
        out.append(rest)
    return out
