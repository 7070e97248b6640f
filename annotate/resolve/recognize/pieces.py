"""One name, one span: pieces of a name the tagger cut, and words it glued to a name.

* Two person spans one space apart are one name when the second starts with a و that belongs to the name
  (عبد اللطيف | وهبي).
* A person span is extended over the words beside it when together they are a longer person name the
  corpus knows (أوغلو → إمام أوغلو and أكرم | إمام أوغلو → أكرم إمام أوغلو, when «أكرم إمام أوغلو» is
  tagged somewhere); the pieces inside the longer span go.
* A trailing indefinite accusative (عبد اللطيف وهبي مرفوقا، أبو الغيط أمينا: a participle, or a title
  read as "as …") is cut, and so is a passive verb after the name (ابو الغيط عين).
"""

from __future__ import annotations

from annotate.arabic import fold
from annotate.dates.lexicon import WEEKDAYS as DATE_WEEKDAYS
from annotate.resolve.names import Evidence, is_word, title_stem
from annotate.resolve.gazetteer import place_names
from annotate.resolve.recognize.filters import is_adverb
from annotate.resolve.recognize.lexicon import is_common, is_weak
from annotate.resolve.spans import ArticleView, Candidate, make_candidate
from annotate.resolve.variants import variant_word

MAX_EXTRA = 2


def _bucket(words) -> tuple[str, ...]:
    return tuple(variant_word(w[2:] if w.startswith("ال") and len(w) >= 5 else w) for w in words)


def full_names(cands: dict[str, list[Candidate]]) -> set[tuple[str, ...]]:
    """Variant buckets of the multi-word person names the corpus' spans give, and of their first and
    last two or more words (إمام أوغلو of أكرم إمام أوغلو)."""
    out = set()
    for cs in cands.values():
        for c in cs:
            if c.label == "PER" and len(c.folded) > 1:
                b = _bucket(c.folded)
                out.update(b[k:] for k in range(len(b) - 1))
                out.update(b[:k] for k in range(2, len(b) + 1))
    return out


def _word_at(view: ArticleView, k: int, sentence: int) -> str | None:
    toks = view.tokens
    if 0 <= k < len(toks) and view.sentence[k] == sentence and is_word(toks[k].text):
        return fold(toks[k].text)
    return None


def extend_to_full_names(view: ArticleView, cands: list[Candidate], names: set[tuple[str, ...]], evidence: Evidence) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        if c.label != "PER" or c.source == "registry":
            out.append(c)
            continue
        i, j = view.token_range(c.start, c.end)
        s = view.sentence[i] if i < len(view.tokens) else -1
        best = None
        for left in range(MAX_EXTRA + 1):
            for right in range(MAX_EXTRA + 1 - left):
                if not left and not right:
                    continue
                before = [_word_at(view, i - d, s) for d in range(left, 0, -1)]
                after = [_word_at(view, j + d, s) for d in range(right)]
                if None in before or None in after:
                    continue
                if _bucket((*before, *c.folded, *after)) in names and (best is None or left + right > best[0] + best[1]):
                    best = (left, right)
        if best is None:
            out.append(c)
            continue
        longer = make_candidate(view, i - best[0], j + best[1], "PER", c.source, evidence)
        if longer is None:
            out.append(c)
            continue
        longer.role = c.role
        out.append(longer)
    return _drop_inside(out)


def _drop_inside(cands: list[Candidate]) -> list[Candidate]:
    """Spans inside a longer span of the same article go (the pieces an extension covered)."""
    cands = sorted(cands, key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    for c in cands:
        if out and out[-1].start <= c.start and c.end <= out[-1].end and (out[-1].start, out[-1].end) != (c.start, c.end):
            continue
        if out and (out[-1].start, out[-1].end) == (c.start, c.end):
            continue
        out.append(c)
    return out



def trim_edges(view: ArticleView, cands: list[Candidate], strong_words: set[str], evidence: Evidence) -> list[Candidate]:
    """Cut off person spans a last word no name ends with: «as a» (ماريانو كمحاسب), an indefinite accusative
    (عين أمينا), a passive news verb (ابو الغيط عين), a definite feminine nisba (مدينة الملك عبد الله
    الاقتصادية: the city's adjective), an adverb (جان إيف لودريان هاتفيا), a weekday (بونو الثلاثاء), a
    place of the gazetteer (اتهم مادورو كولومبيا: the object of the verb); and a leading word real news almost never has in a name (غياب بن
    سدرين: the absence of) (``strong_words``: buckets of the words of the lexicon's and the registry's person
    names, which are never cut). Verbs at a span's edge are ``spans.VERBS``' job (ويرأس عباس)."""
    out = []
    for c in cands:
        if c.label != "PER" or c.source == "registry" or len(c.folded) < 2:
            out.append(c)
            continue
        i, j = view.token_range(c.start, c.end)
        words = [k for k in range(i, j) if is_word(view.tokens[k].text)]
        lo, hi = words[0], words[-1] + 1
        first = fold(view.tokens[lo].text)
        if len(words) > 2 and is_common(first) and variant_word(first) not in strong_words:
            lo = words[1]
        for never_last in (_as_a, lambda w: _accusative(w, strong_words), PASSIVE_VERBS.__contains__, _feminine_nisba, is_adverb, WEEKDAYS.__contains__, place_names().__contains__):
            if hi - lo > 1 and never_last(fold(view.tokens[hi - 1].text)):
                hi = [k for k in words if k < hi - 1][-1] + 1
        if (lo, hi) == (words[0], words[-1] + 1):
            out.append(c)
            continue
        trimmed = make_candidate(view, lo, hi, c.label, c.source, evidence, outer=c.outer)
        if trimmed is not None:
            trimmed.role = c.role
            out.append(trimmed)
    return out


WEEKDAYS = frozenset(fold(w) for w in DATE_WEEKDAYS)  # the date rules' day names: «بونو الثلاثاء»
# Passive news verbs that follow the name they are about; never a person's last name word.
PASSIVE_VERBS = frozenset(fold(w) for w in "عين عينت اختير اختيرت انتخب انتخبت كلف كلفت اعتقل اعتقلت أعيد أعيدت".split())


def _feminine_nisba(word: str) -> bool:
    """الاقتصادية، الدولية، الجزائريات: a woman's family name is her family's (عبير موسي), never a feminine
    adjective, singular or plural."""
    return word.startswith("ال") and word.endswith(("يه", "يات")) and len(word) >= 6


def _as_a(word: str) -> bool:
    """كمحاسب، كمساعد، كمدرب: ك (as) before a participle news uses as a word or a title (not كمارا، كمالا)."""
    stem = word[1:]
    return word.startswith("كم") and len(stem) >= 4 and (is_weak(stem) or title_stem(stem) is not None or title_stem("ال" + stem) is not None)


def _accusative(word: str, name_words) -> bool:
    """مرفوقا، أمينا، رئيسا: ends in the accusative alif, is no known name word, is not a name shape (ا after
    و), and is a participle (مـ), a word news mostly uses outside names, or a title («عين … أمينا»: as secretary)."""
    if not word.endswith("ا") or word.endswith(("وا", "يا", "اا")) or len(word) < 4 or variant_word(word) in name_words:
        return False
    stem = word[:-1]
    return word.startswith("م") or is_weak(stem) or title_stem(stem) is not None or title_stem("ال" + stem) is not None


def join_conjunction_pieces(view: ArticleView, cands: list[Candidate], person_words: set[str], evidence: Evidence) -> list[Candidate]:
    """Two person spans one space apart where the second starts with و that is not a conjunction
    (عبد اللطيف | وهبي، ساهلي | وورك زودي): the word without و is no known name word, so it is one name."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        prev = out[-1] if out else None
        text = view.article.text
        if prev is not None and prev.label == c.label == "PER" and text[prev.end : c.start] == " " and c.source != "registry" and prev.source != "registry":
            first = fold(text[c.start : c.end].split()[0])
            if first.startswith("و") and len(first) >= 4 and variant_word(first[1:]) not in person_words and not is_weak(first):
                i, _ = view.token_range(prev.start, prev.end)
                _, j = view.token_range(c.start, c.end)
                joined = make_candidate(view, i, j, "PER", prev.source, evidence)
                if joined is not None:
                    joined.role = prev.role
                    out[-1] = joined
                    continue
        out.append(c)
    return out


CAPITAL = fold("العاصمة")


def places_and_capitals(view: ArticleView, cands: list[Candidate], places: set[str], evidence: Evidence) -> list[Candidate]:
    """Place names glued to or cut from their neighbours:

    * «الجزائر العاصمة»: a place followed by العاصمة is the capital city, one span;
    * «جيبوتي إسماعيل عمر جيله»: a person span that starts with a one-word place the gazetteer knows and
      goes on for two words or more is the place, then the person (رؤساء جيبوتي | إسماعيل عمر جيله).
    """
    out: list[Candidate] = []
    for c in cands:
        i, j = view.token_range(c.start, c.end)
        if c.source == "registry":
            out.append(c)
        elif c.label == "LOC" and j < len(view.tokens) and fold(view.tokens[j].text) == CAPITAL and view.sentence[j] == view.sentence[i]:
            longer = make_candidate(view, i, j + 1, "LOC", c.source, evidence)
            out.append(longer or c)
        elif c.label == "PER" and len(c.folded) >= 3 and c.folded[0] in places and j - i >= 3:
            place = make_candidate(view, i, i + 1, "LOC", c.source, evidence)
            person = make_candidate(view, i + 1, j, "PER", c.source, evidence)
            if person is not None:
                person.role = c.role
            out += [x for x in (place, person) if x is not None]
        else:
            out.append(c)
    return out
