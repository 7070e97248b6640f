"""Organizations and places written long and short.

* **Extensions**: a name followed by its adjectives is the same body (منظمة التحرير / منظمة التحرير
  الفلسطينية، حزب الشعب الجمهوري / … التركي، سد النهضة / سد النهضة الإثيوبي الكبير): united when the short
  name has exactly one such extension in the corpus, so مجلس الأمن stays apart from both مجلس الأمن الدولي
  and مجلس الأمن القومي when the corpus has the two.
* **Within one article**: a party named with حزب and with حركة, a first name with a one-letter slip.
* **A ministry without وزارة** (الخارجية الأمريكية / وزارة الخارجية الأمريكية).
* **Known short forms** (``short_forms.tsv``): names whose short form shares no words with the long one
  (بريطانيا / المملكة المتحدة، السعودية / المملكة العربية السعودية، الجامعة العربية / جامعة الدول العربية).
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from pathlib import Path

from annotate.arabic import fold
from annotate.resolve.gazetteer import is_nationality
from annotate.resolve.link.context import unmarked
from annotate.resolve.names import Key, core, is_portfolio_name
from annotate.resolve.rules import Node, Note, UnionFind, is_subsequence

SHORT_FORMS = Path(__file__).resolve().parent / "short_forms.tsv"
SIZE_WORDS = frozenset(core(fold(w)) for w in "الكبير الكبرى العظمى".split())
ORDINAL_WORDS = frozenset(
    core(fold(w))
    for w in """الأول الأولى الثاني الثانية الثالث الثالثة الرابع الخامس السادس السابع الثامن التاسع العاشر العشرين
    الحادي الثلاثين""".split()
)
LABELS = ("ORG", "LOC")


def is_adjective(word: str) -> bool:
    """A key word (ال already gone) that qualifies a name: a nisba (فلسطينيه، تركي), an ordinal, a size."""
    return (len(word) >= 4 and (word.endswith("ي") or word.endswith("يه"))) or word in ORDINAL_WORDS or word in SIZE_WORDS


def _national(short: Key, long: Key) -> bool:
    return any(is_nationality("ال" + w) for w in long if w not in short)


def _extends(short: Key, long: Key) -> bool:
    if len(long) <= len(short) or long[0] != short[0] or not is_subsequence(short, long):
        return False
    extra = list(long)
    for w in short:
        extra.remove(w)
    return all(is_adjective(w) for w in extra)


def unite_extensions(uf: UnionFind, nodes: list[Node], notes: list[Note], flat=(), marks: dict[str, str] | None = None, pairs: set | None = None) -> None:
    """A generic name keyed by country (``context``) extends only to a name used in an article of that
    country and not qualified by a nationality (مجلس الأمة@JO / مجلس الأمة العشرين in a Jordanian article).
    ``pairs``: the distinct (node, article) pairs of ``flat``, when the caller has them."""
    by_first: dict[tuple[str, str], list[Node]] = defaultdict(list)  # an extension starts with the same word
    for node in nodes:
        if node[0] in LABELS and node[1]:
            by_first[(node[0], node[1][0])].append(node)
    seen_in: dict[Node, set[str]] = defaultdict(set)
    marks = marks or {}
    for node, article in pairs if pairs is not None else {((c.label, c.key), c.article) for c in flat}:
        seen_in[node].add(marks.get(article, ""))
    for _, group in sorted(by_first.items()):
        for short in group:
            plain, mark = unmarked(short[1])
            longer = [n for n in group if _extends(plain, n[1]) and (mark is None or (mark in seen_in[n] and not _national(plain, n[1])))]
            roots = {uf.find(n) for n in longer}
            if len(roots) == 1 and uf.union(short, longer[0]):
                notes.append(Note("short-form", (short, longer[0]), f"«{' '.join(short[1])}» plus adjectives is «{' '.join(longer[0][1])}»"))


MINISTRY = core(fold("وزارة"))


def unite_portfolios(uf: UnionFind, nodes: list[Node], notes: list[Note]) -> None:
    """«الخارجية الأمريكية» is «وزارة الخارجية الأمريكية»: a ministry named without وزارة (its portfolio and
    its country's adjective, ``recognize.phrases.ministry_names``) is the ministry named with it."""
    present = set(nodes)
    for node in nodes:
        label, key = node
        if label != "ORG" or not is_portfolio_name(key):
            continue
        ministry = ("ORG", (MINISTRY, *key))
        if ministry in present and uf.union(node, ministry):
            notes.append(Note("short-form", (node, ministry), f"«{' '.join(key)}» is «{' '.join(ministry[1])}» without وزارة"))


@functools.lru_cache(maxsize=1)
def short_form_rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, forms as written) rows of ``short_forms.tsv``, comments and blank lines left out."""
    rows = []
    for line in SHORT_FORMS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, *forms = line.split("\t")
        rows.append((label, tuple(forms)))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def short_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, folded words of each form) rows of ``short_forms.tsv``."""
    from annotate.resolve.names import key_of
    from annotate.tokenize import tokenize

    return tuple((label, tuple(key_of(tuple(fold(t.text) for t in tokenize(f)), label) for f in forms)) for label, forms in short_form_rows())


def unite_short_forms(uf: UnionFind, nodes: list[Node], notes: list[Note]) -> None:
    present = set(nodes) | set(uf.parent)
    for label, keys in short_forms():
        found = [(label, k) for k in keys if (label, k) in present]
        for other in found[1:]:
            if uf.union(found[0], other):
                notes.append(Note("alias", (found[0], other), "a known short form (short_forms.tsv)"))


# Party heads that one article may use for one party (حركة النهضة الإخوانية / حزب النهضة الإخواني).
PARTY_HEADS = frozenset(fold(w) for w in ("حزب", "حركة"))


def _party_key(key: Key) -> Key | None:
    if len(key) < 2 or key[0] not in PARTY_HEADS:
        return None
    return ("party", *(w[:-1] if w.endswith("يه") else w for w in key[1:]))


def _one_edit(a: str, b: str) -> bool:
    """Is ``b`` ``a`` with one letter added, dropped or changed (عزيز / عزيزي)?"""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def unite_within_articles(uf: UnionFind, flat, notes: list[Note], counts: Counter | None = None, pairs: set | None = None) -> None:
    """Forms one article uses for one actor: a party under حزب and حركة, and a person's name with a one-letter
    slip in a first name (عزيزي أخنوش beside عزيز أخنوش) when the slip occurs once in the corpus. ``counts``
    (mentions per node) and ``pairs`` (the distinct (node, article) pairs), when the caller has them."""
    counts = counts if counts is not None else Counter((c.label, c.key) for c in flat)
    by_article: dict[str, set[Node]] = defaultdict(set)
    for node, article in pairs if pairs is not None else {((c.label, c.key), c.article) for c in flat}:
        by_article[article].add(node)
    for article, nodes in sorted(by_article.items()):
        parties: dict[Key, list[Node]] = defaultdict(list)
        for node in sorted(nodes):
            if node[0] == "ORG" and (pk := _party_key(node[1])):
                parties[pk].append(node)
        for group in parties.values():
            for other in group[1:]:
                if uf.union(group[0], other):
                    notes.append(Note("variant", (group[0], other), "one party under حزب and حركة in one article", article))
        people = sorted(n for n in nodes if n[0] == "PER" and len(n[1]) > 1)
        alike: dict[tuple[int, str], list[Node]] = defaultdict(list)  # a slip keeps the length and the last word
        for node in people:
            alike[(len(node[1]), node[1][-1])].append(node)
        for a in people:
            for b in alike[(len(a[1]), a[1][-1])]:
                if a < b and min(counts[a], counts[b]) == 1:
                    diff = [(x, y) for x, y in zip(a[1], b[1]) if x != y]
                    if len(diff) == 1 and _one_edit(*diff[0]) and uf.union(a, b):
                        notes.append(Note("variant", (a, b), "a one-letter slip in one article", article))
