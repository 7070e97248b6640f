"""A name written in quotes right after its head noun: «لحزب “الأصالة والمعاصرة”», «قناة "الإخبارية"»,
«لشركة "مداد"», «صحيفة «الشرق الأوسط»».

News puts a party's, channel's or company's own name in quotes after the word that says what it is; the
tagger, trained on unquoted prose, often leaves it out or cuts it at the conjunction (الأصالة | والمعاصرة).
The quoted words (one to four, no sentence punctuation inside) are the organization's name; the head noun
stays outside it, as the gold lists and the outlets' own usage have it (الإخبارية، الأصالة والمعاصرة).
"""

from __future__ import annotations

from annotate.arabic import fold
from annotate.resolve.names import Evidence, is_word
from annotate.resolve.recognize.lexicon import is_common
from annotate.resolve.recognize.phrases import ORG_HEADS, head_of
from annotate.resolve.spans import ArticleView, Candidate, make_candidate

OPENING = {'"': '"', "“": "”", "«": "»", "”": "“"}
MAX_WORDS = 4


def quoted_names(view: ArticleView, evidence: Evidence) -> list[Candidate]:
    """An ORG candidate for each quoted name right after an organization's head noun, in the body."""
    toks = view.tokens
    out = []
    for k in range(len(toks) - 2):
        closing = OPENING.get(toks[k + 1].text)
        if closing is None or head_of(toks[k].text) not in ORG_HEADS or view.sentence[k] != view.sentence[k + 1]:
            continue
        end = next((j for j in range(k + 2, min(len(toks), k + 3 + MAX_WORDS)) if toks[j].text == closing), None)
        if end is None or end == k + 2:
            continue
        words = toks[k + 2 : end]
        if not all(is_word(t.text) or t.text.isdigit() for t in words) or view.sentence[end] != view.sentence[k]:
            continue
        if len(words) == 1 and is_common(fold(words[0].text)):
            continue  # «حركة "مقاطعة"»: a word in quotes, not a name
        if view.in_body(words[0].start, words[-1].end) and (cand := make_candidate(view, k + 2, end, "ORG", "quoted", evidence)) is not None:
            out.append(cand)
    return out
