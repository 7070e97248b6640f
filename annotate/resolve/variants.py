"""Transliteration variants of foreign names: يفكيروف/يفكوروف, شويغو/شويجو, الحرشاوي/حرشاوي.

The rule is deliberately narrow, because a wrong merge puts two people on one page while a missed one only
leaves two pages that an editor can merge in the registry:

* in words of five letters or more (shorter words are too often real Arabic words: مغرب/مقرب):
  a Latin g is written غ, ج or ق — the three are one letter here; and an inner long vowel (ا و ي) may be
  written as another long vowel (same length, same position); first and last letters are kept;
* the article ال is already gone from keys (``names.core``);
* a final و may carry an alif (أوغلوا / أوغلو), as in verbs' plural;
* a compound's first word (عبد، أبو) written apart or joined is one word (عبد الله الثاني / عبدالله الثاني).

Lengths must match, so سليمان never meets سلمان and محمود never meets محمد.
"""

from __future__ import annotations

import functools

from annotate.resolve.names import Key, join_compounds

_G = str.maketrans({"غ": "G", "ج": "G", "ق": "G"})
_VOWELS = str.maketrans({"ا": "V", "و": "V", "ي": "V"})
MIN_LENGTH = 5


@functools.lru_cache(maxsize=200_000)
def variant_word(word: str) -> str:
    """The bucket of a key word: two words with equal buckets are spellings of one name."""
    if len(word) < MIN_LENGTH:
        return word  # مغرب and مقرب are two words, not two spellings
    if word.endswith("وا") and len(word) > MIN_LENGTH:
        word = word[:-1]  # أوغلوا / أوغلو: an alif written after a final و
    w = word.translate(_G)
    return w[0] + w[1:-1].translate(_VOWELS) + w[-1]


def variant_key(key: Key) -> Key:
    """The buckets of a key's words, a compound's parts joined first (عبد الله / عبدالله، أبو الغيط)."""
    return tuple(variant_word(w) for w in join_compounds(key))
