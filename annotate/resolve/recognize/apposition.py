"""A name in apposition after a person's title, between commas, is that person, whole.

News lists officials as «TITLE …، NAME،»: «وزير الشؤون الخارجية والجالية الوطنية بالخارج، رمطان لعمامرة،»,
«رئيسة جمهورية إثيوبيا، ساهلي وورك زودي،». Where the name is rare, the tagger keeps only part of it (وورك
زودي) or reads it as a place (لعمامرة: LOC). The shape says more than the words: a span that closes the
apposition (a comma, a full stop or the sentence's end after it), preceded by at most two rare words
(``lexicon.is_common``/``is_weak`` know neither; no title, verb, definite or particle) and then a comma, after
a segment that holds a title with no verb between the title and the comma, is the titled person; its first
words are added and it becomes a PER with that role. A span is changed only when a name word is added (a
lone place after a comma is as often a dateline or an object as a name).

Where the tagger gave nothing there at all («والأمين التنفيذي للجنة الاقتصادية لأفريقيا التابعة للأمم
المتحدة، كلافر جاتيتي.»), two or three such rare words that close the apposition are the titled person.
"""

from __future__ import annotations

from annotate.arabic import fold
from annotate.resolve.names import Evidence, is_word, title_stem
from annotate.resolve.recognize.lexicon import is_common, is_weak
from annotate.resolve.recognize.pieces import _drop_inside
from annotate.resolve.spans import LETTER_NAMES, PARTICLES, STOP_PUNCT, ArticleView, Candidate, is_verb, make_candidate, role_text

COMMAS = frozenset("،,")
MAX_ADDED = 2  # first-name words added in front of the span
MAX_ROLE = 10  # tokens between the title and the comma
MAX_UNTAGGED = 3  # words of a name the tagger did not give
CLOSERS = frozenset("،,.؛:")


def names_after_titles(view: ArticleView, cands: list[Candidate], evidence: Evidence) -> list[Candidate]:
    """Each PER or LOC span in the apposition shape, as the whole titled person (see the module's docstring)."""
    taken = {k for c in cands for k in range(*view.token_range(c.start, c.end))}
    out: list[Candidate] = []
    changed = False
    for c in cands:
        person = None if c.source == "registry" or c.label not in ("PER", "LOC") else _apposed(view, c, taken, evidence)
        out.append(person or c)
        changed = changed or person is not None
    untagged = _untagged(view, taken, evidence)
    if changed:
        return _drop_inside(out + untagged)
    return sorted(out + untagged, key=lambda c: (c.start, c.end)) if untagged else out


def _untagged(view: ArticleView, taken: set[int], evidence: Evidence) -> list[Candidate]:
    """A PER for each comma after a title followed by 2–3 untagged name-like words that close the apposition."""
    toks, sentence = view.tokens, view.sentence
    out = []
    for comma, tok in enumerate(toks):
        if tok.text not in COMMAS or comma + 1 >= len(toks):
            continue
        j = comma + 1
        while j - comma - 1 < MAX_UNTAGGED and j < len(toks) and sentence[j] == sentence[comma] and j not in taken and _name_like(toks[j].text):
            j += 1
        if j - comma - 1 < 2 or (j < len(toks) and sentence[j] == sentence[comma] and toks[j].text not in CLOSERS):
            continue
        words = [fold(t.text) for t in toks[comma + 1 : j]]
        if any(w in LETTER_NAMES for w in words) or sum(w.startswith("و") for w in words[1:]) >= 2:
            continue  # a spelled acronym (لبي بي سي), a list of nouns (كذب وبهتان وافتراء)
        head = _title_before(view, comma)
        if head is None or not view.in_body(toks[comma + 1].start, toks[j - 1].end):
            continue
        person = make_candidate(view, comma + 1, j, "PER", "phrase", evidence)
        if person is not None:
            person.role = role_text(view, head, comma)
            out.append(person)
    return out


def _apposed(view: ArticleView, c: Candidate, taken: set[int], evidence: Evidence) -> Candidate | None:
    toks, sentence = view.tokens, view.sentence
    i, j = view.token_range(c.start, c.end)
    if i >= j:
        return None
    s = sentence[i]
    if j < len(toks) and sentence[j] == s and toks[j].text not in COMMAS and toks[j].text not in ".؛:":
        return None  # the apposition does not close after the span
    k = i
    while i - k < MAX_ADDED and k > 0 and sentence[k - 1] == s and k - 1 not in taken and _name_like(toks[k - 1].text):
        k -= 1
    if k == i:
        return None  # nothing to add: the tagger's span and label stand
    comma = k - 1
    if comma < 1 or sentence[comma] != s or toks[comma].text not in COMMAS:
        return None
    head = _title_before(view, comma)
    if head is None:
        return None
    person = make_candidate(view, k, j, "PER", c.source, evidence, outer=c.outer)
    if person is None:
        return None
    person.role = role_text(view, head, comma)
    return person


def _name_like(token: str) -> bool:
    """A word news rarely uses outside names: no title, verb, particle or definite word, unknown to the lexicon."""
    if not is_word(token):
        return False
    f = fold(token)
    return not (f.startswith("ال") or f in PARTICLES or is_verb(token) or title_stem(token) is not None or is_common(f) or is_weak(f))


def _title_before(view: ArticleView, comma: int) -> int | None:
    """The title's token in the segment before ``comma`` (same sentence, no verb after the title), or None."""
    toks, sentence = view.tokens, view.sentence
    k = comma - 1
    while k >= 0 and comma - k <= MAX_ROLE and sentence[k] == sentence[comma] and toks[k].text not in STOP_PUNCT:
        if title_stem(toks[k].text) is not None:
            return k
        if is_verb(toks[k].text):
            return None
        k -= 1
    return None
