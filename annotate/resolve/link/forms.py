"""Organizations and places written long and short.

* **Extensions**: a name followed by its adjectives is the same body (منظمة التحرير / منظمة التحرير
  الفلسطينية، حزب الشعب الجمهوري / … التركي، سد النهضة / سد النهضة الإثيوبي الكبير): united when the short
  name has exactly one such extension in the corpus, so مجلس الأمن stays apart from both مجلس الأمن الدولي
  and مجلس الأمن القومي when the corpus has the two.
* **Known short forms** (``short_forms.tsv``): names whose short form shares no words with the long one
  (بريطانيا / المملكة المتحدة، السعودية / المملكة العربية السعودية، الجامعة العربية / جامعة الدول العربية).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path

from annotate.arabic import fold
from annotate.resolve.names import Key, core
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


def _extends(short: Key, long: Key) -> bool:
    if len(long) <= len(short) or long[0] != short[0] or not is_subsequence(short, long):
        return False
    extra = list(long)
    for w in short:
        extra.remove(w)
    return all(is_adjective(w) for w in extra)


def unite_extensions(uf: UnionFind, nodes: list[Node], notes: list[Note]) -> None:
    by_label: dict[str, list[Node]] = defaultdict(list)
    for node in nodes:
        if node[0] in LABELS:
            by_label[node[0]].append(node)
    for label, group in sorted(by_label.items()):
        for short in group:
            longer = [n for n in group if _extends(short[1], n[1])]
            roots = {uf.find(n) for n in longer}
            if len(roots) == 1 and uf.union(short, longer[0]):
                notes.append(Note("short-form", (short, longer[0]), f"«{' '.join(short[1])}» plus adjectives is «{' '.join(longer[0][1])}»"))


@functools.lru_cache(maxsize=1)
def short_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, folded words of each form) rows of ``short_forms.tsv``."""
    from annotate.resolve.names import key_of
    from annotate.tokenize import tokenize

    rows = []
    for line in SHORT_FORMS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, *forms = line.split("\t")
        keys = tuple(key_of(tuple(fold(t.text) for t in tokenize(f)), label) for f in forms)
        rows.append((label, keys))
    return tuple(rows)


def unite_short_forms(uf: UnionFind, nodes: list[Node], notes: list[Note]) -> None:
    present = set(nodes) | set(uf.parent)
    for label, keys in short_forms():
        found = [(label, k) for k in keys if (label, k) in present]
        for other in found[1:]:
            if uf.union(found[0], other):
                notes.append(Note("alias", (found[0], other), "a known short form (short_forms.tsv)"))
