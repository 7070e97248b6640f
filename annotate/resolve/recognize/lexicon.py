"""The shipped news lexicon and common-word list, mined from ANT (``lexicon_build`` says how and with what
thresholds; the files' headers carry the command and the counts).

* ``names()``: spans the shipped tagger tags consistently and often in real news (their label, and how often
  they were tagged and seen); propagation finds them in any corpus, as it does registry and corpus names.
* ``is_common(word)``: a word real news uses often and almost never inside a name (نوفمبر، الموالية):
  never a one-word name, never a proper-name word of a phrase; ``is_weak(word)``: a frequent word that is
  inside a name in under half of its occurrences (الثاني، صباح، رمضان): a surname that is such a word
  is not looked for alone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from annotate.arabic import fold

HERE = Path(__file__).resolve().parent
LEXICON = HERE / "news_lexicon.tsv"
WORD_RATES = HERE / "word_rates.tsv"


@dataclass(frozen=True)
class LexiconName:
    words: tuple[str, ...]  # folded
    label: str
    tagged: int
    seen: int


def _rows(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def names() -> tuple[LexiconName, ...]:
    out = []
    for row in _rows(LEXICON):
        label, tagged, seen, words = row.split("\t")
        out.append(LexiconName(tuple(words.split()), label, int(tagged), int(seen)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _rates() -> tuple[dict[str, float], float]:
    common_rate = 0.0
    if WORD_RATES.exists():
        for line in WORD_RATES.read_text(encoding="utf-8").splitlines():
            if line.startswith("# common_rate:"):
                common_rate = float(line.split(":")[1])
    return {w: float(r) for w, r in (row.split("\t") for row in _rows(WORD_RATES))}, common_rate


def name_rate(word: str) -> float | None:
    """How often real news has the word inside an entity, when that is under half of its (20+) occurrences."""
    return _rates()[0].get(fold(word))


@functools.lru_cache(maxsize=1)
def one_word_names() -> frozenset[str]:
    """The lexicon's names of one word (folded): روسيا، أوتاوا، كاليفورنيا."""
    return frozenset(n.words[0] for n in names() if len(n.words) == 1)


def is_common(word: str) -> bool:
    """Is the (folded or raw) word one real news uses often and almost never in a name (ضاحكا، نوفمبر)?"""
    rate = name_rate(word)
    return rate is not None and rate <= _rates()[1]


def is_weak(word: str) -> bool:
    """Is the word frequent in real news and inside a name in under half of its occurrences (الثاني، صباح)?"""
    return name_rate(word) is not None
