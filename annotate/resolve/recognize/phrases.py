"""Institution and site names the tagger misses, read from their shape: a head noun from a closed list
followed by its modifiers (مجلس النواب، المجلس الأعلى للأمن القومي الإيراني، مصرف لبنان، مطار هواري بومدين
الدولي، وكالة الأنباء الإثيوبية، اللجنة الاقتصادية لأفريقيا).

Modifiers are definite words (النواب، الأعلى), genitives with لل (للأمن، للشؤون), known names with or without
ل (لبنان، لأفريقيا، الاتحاد الأفريقي) and, after a media, company or site head, up to three proper-name
words (شابيلي، هواري بومدين: words that real news rarely uses otherwise, ``lexicon.is_common``). A phrase stops
at a verb, a preposition, punctuation or the sentence's end, and drops trailing time adjectives (الجديدة،
السابق); a definite word that real news almost never has inside a name (المقرر، الموالية), or a
participle of the مـ shape that it mostly uses outside names (المعترف، المملوكة), ends it too. لواء is
left out of the heads: it is a rank (اللواء الليبي المتقاعد) as often as a brigade. A phrase that starts
with a registry name ends with it (المجلس الرئاسي | لحكومة الوفاق): the editor's name wins.
برنامج and موقع are left out of the heads: in news they are mostly a programme or a position, not a name. A head with only a nationality adjective (الحكومة الليبية) is a generic reference, not a name.
A phrase is one span: the place or person inside it (القاهرة in مطار القاهرة الدولي) is not an actor there.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from annotate.arabic import fold, strip_marks
from annotate.resolve.gazetteer import is_nationality
from annotate.resolve.names import PORTFOLIO_WORDS, Evidence, definite_form, is_word, lil_stems, title_stem
from annotate.resolve.recognize.filters import ORDINALS, is_adverb
from annotate.resolve.recognize.lexicon import is_common, is_weak
from annotate.resolve.spans import CONCERNED, ENDS_A_NAME, ArticleView, Candidate, goes_on_with_a_title, is_verb, make_candidate

ORG_HEADS = frozenset(
    fold(w)
    for w in """وزارة مجلس حكومة قوات جيش بعثة منظمة وكالة هيئة محكمة جامعة حزب حركة جبهة تحالف اتحاد
    مليشيات ميليشيات ألوية شركة مصرف بنك صندوق لجنة مفوضية جهاز إذاعة قناة صحيفة مؤسسة مجموعة رابطة
    نقابة معهد كلية ديوان سلطة جمعية تجمع مركز منتدى أكاديمية""".split()
)
SITE_HEADS = frozenset(fold(w) for w in "مطار ميناء نهر قطاع سد إقليم ولاية محافظة قاعدة جسر قصر".split())
# Heads after which an unknown word is a proper name (إذاعة شابيلي، مطار هواري بومدين، شركة سوناطراك); not
# سد (also the verb: «سدّ فراغات») or قطاع, whose names are known places or definite words.
NAMING_HEADS = frozenset(fold(w) for w in "وكالة إذاعة قناة صحيفة شركة مصرف بنك مؤسسة مجموعة مطار ميناء نهر إقليم ولاية محافظة قاعدة جسر قصر".split())
# Parties and movements often take a construct noun before their definite word (حركة مجتمع السلم).
CONSTRUCT_HEADS = frozenset(fold(w) for w in "حركة حزب جبهة تحالف تجمع مجلس".split())  # مجلس نواب الشعب
# Heads whose phrase names a place only with a known name in it: قطاع غزة, not «قطاع الكروم» (the wine sector).
NEEDS_A_NAME = frozenset(fold(w) for w in "قطاع".split())
# Time words and ordinals: «المركز الرابع» is fourth place, «الحكومة الجديدة» no name.
TIME_WORDS = frozenset(
    fold(w)
    for w in """الجديد الجديدة الحالي الحالية السابق السابقة المقبل المقبلة الماضي الماضية الأخير الأخيرة المقبلين
    نفسه نفسها ذاته ذاتها اليوم الأمس الغد الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت
    الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة
    الثامن الثامنة التاسع التاسعة العاشر العاشرة الأخيرة""".split()
)
PREPOSITIONS = frozenset(fold(w) for w in "في من إلى الى على عن مع بين حول ضد منذ خلال لدى عند بعد قبل نحو عبر دون".split())
MAX_WORDS = 8
MAX_NAME_WORDS = 3


@dataclass(frozen=True)
class KnownNames:
    """Folded names of organizations and places (never people: «حركة النهضة عبد اللطيف المكي» is two names)
    that the corpus, the registry, the gazetteer and the lexicon know, by word count."""

    keys: frozenset[tuple[str, ...]]
    lengths: tuple[int, ...]

    @classmethod
    def of(cls, names) -> "KnownNames":
        keys = frozenset(tuple(n) for n in names if n)
        return cls(keys, tuple(sorted({len(k) for k in keys}, reverse=True)))

    def match(self, words: list[str]) -> int:
        """Words of the longest known name at the start of ``words`` (its first word may carry ل)."""
        for n in self.lengths:
            if n > len(words):
                continue
            key = tuple(words[:n])
            if key in self.keys:
                return n
            first = key[0]
            if first.startswith("ل") and len(first) >= 4:
                heads = lil_stems(first[2:]) if first.startswith("لل") else (first[1:],)
                if any((h, *key[1:]) in self.keys for h in heads):
                    return n
        return 0


@functools.lru_cache(maxsize=1 << 17)
def head_of(token: str) -> str | None:
    """The folded head noun of a token, without clitics and ال (بمطار → مطار، للجنة → لجنه), or None."""
    f = fold(token)
    forms = [f]
    if f.startswith("لل"):
        forms.append(f[2:])
    for p in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
        if f.startswith(p):
            forms.append(f[len(p) :])
    for form in forms:
        bare = form[2:] if form.startswith("ال") else form
        if bare in ORG_HEADS or bare in SITE_HEADS:
            return bare
    return None


MEDIA_SUFFIXES = (("نيوز",), ("اف", "ام"))  # folded: شفق نيوز؛ الجوهرة أف أم، موزاييك إف إم (FM)
QUOTES = frozenset('"«»“”')


def media_names(view: ArticleView, evidence: Evidence) -> list[Candidate]:
    """«X نيوز», «X أف أم» (شفق نيوز، الشعب نيوز، الجوهرة "اف ام"): a news outlet, the word before the suffix
    included (and a quote between them)."""
    toks = view.tokens
    out = []
    for k in range(1, len(toks)):
        suffix = next((s for s in MEDIA_SUFFIXES if tuple(fold(t.text) for t in toks[k : k + len(s)]) == s), None)
        if suffix is None:
            continue
        b = k - 2 if toks[k - 1].text in QUOTES and k >= 2 else k - 1
        if view.sentence[b] != view.sentence[k] or not is_word(toks[b].text):
            continue
        before = fold(toks[b].text)
        if before in PREPOSITIONS or is_verb(toks[b].text) or not view.in_body(toks[b].start, toks[k + len(suffix) - 1].end):
            continue
        c = make_candidate(view, b, k + len(suffix), "ORG", "phrase", evidence)
        if c is not None:
            out.append(c)
    return out


PORTFOLIOS = frozenset(fold(w) for w in PORTFOLIO_WORDS)


def describes_the_word_before(view: ArticleView, k: int) -> bool:
    """Is the portfolio at token ``k`` an adjective of the definite word, head noun or title before it
    (السياسة الخارجية، وزارة الخارجية، وزيرة الخارجية الأمريكية: a person's title) rather than the ministry's
    name? (``names.is_portfolio_name``: a known name found elsewhere is the ministry only where this says no.)"""
    if k == 0 or view.sentence[k - 1] != view.sentence[k] or not is_word(view.tokens[k - 1].text):
        return False
    before = view.tokens[k - 1].text
    return definite_form(fold(before)) is not None or head_of(before) is not None or title_stem(before) is not None


def ministry_names(view: ArticleView, evidence: Evidence) -> list[Candidate]:
    """«الخارجية الإيرانية», «الدفاع الروسية»: a ministry named by its portfolio and its country's adjective,
    وزارة left out (news writes it so hundreds of times in ANT; the feminine adjective after الدفاع agrees
    with the missing وزارة). Not after a definite word, which the portfolio then describes (السياسة الخارجية
    الأمريكية: a policy), nor after a head noun (وزارة، لوزارة), whose phrase takes the words whole."""
    toks = view.tokens
    out = []
    for k in range(len(toks) - 1):
        if view.sentence[k] != view.sentence[k + 1] or definite_form(fold(toks[k].text)) not in PORTFOLIOS:
            continue
        country = fold(toks[k + 1].text)
        if not (country.endswith("يه") and is_nationality(country)) or not view.in_body(toks[k].start, toks[k + 1].end):
            continue
        if describes_the_word_before(view, k):
            continue
        c = make_candidate(view, k, k + 2, "ORG", "phrase", evidence)
        if c is not None:
            out.append(c)
    return out


def find_phrases(view: ArticleView, known: KnownNames, evidence: Evidence, registry: KnownNames | None = None) -> list[Candidate]:
    """Every institution or site phrase of an article's body, left to right, as candidates (``registry``:
    the registry's names, at which a phrase ends)."""
    toks = view.tokens
    out: list[Candidate] = []
    i = 0
    while i < len(toks):
        head = head_of(toks[i].text) if is_word(toks[i].text) else None
        if head and (_predicate(view, i) or goes_on_with_a_title(view, i)):
            head = None  # «ستكون جامعة للكلمة»; «رئيس الحكومة الحبيب الصيد»: a title, not the government
        end = _phrase_end(view, i, head, known) if head else i + 1
        if head and registry is not None and end > i + 1:
            words = [fold(t.text) for t in toks[i:end]]
            stem = head_stem(words[0])
            own = registry.match([stem, *words[1:]]) or registry.match(words)
            end = i + own if own else end
        if head and end > i + 1 and view.in_body(toks[i].start, toks[end - 1].end):
            label = "LOC" if head in SITE_HEADS else "ORG"
            candidate = make_candidate(view, i, end, label, "phrase", _HeadStem(toks[i].text))
            if candidate is not None:
                out.append(candidate)
            i = end
        else:
            i += 1
    return out


# «ستكون جامعة للكلمة موحدة للصف»: after كان and its sisters, an indefinite head noun is what the subject is
# or will be (a unifying summit), not an institution's name.
COPULAS = frozenset(fold(w) for w in "كان كانت يكون تكون سيكون ستكون أصبح أصبحت يصبح تصبح بات باتت ليس ليست صار صارت".split())


def _predicate(view: ArticleView, i: int) -> bool:
    """Is the head noun at token ``i`` indefinite and right after a copula of its sentence?"""
    word = fold(view.tokens[i].text)
    return i > 0 and view.sentence[i - 1] == view.sentence[i] and fold(view.tokens[i - 1].text) in COPULAS and word == head_of(view.tokens[i].text)


class _HeadStem(Evidence):
    """Evidence that strips exactly the clitic in front of the head noun (لمطار → مطار، للجنة → اللجنة)."""

    def __init__(self, token: str) -> None:
        self.head = head_of(token)

    def prefer_stem(self, word: str, stem: str) -> bool:
        bare = stem[2:] if stem.startswith("ال") else stem
        return bare == self.head and word != stem


def head_stem(word: str) -> str:
    """A folded head word without its clitic, keeping ال (بالمجلس → المجلس، للجنة → اللجنه)."""
    if word.startswith("لل"):
        readings = lil_stems(word[2:])
        return next((w for w in readings if head_of(w)), readings[0])
    for p in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
        if word.startswith(p) and head_of(word[len(p) :]):
            return word[len(p) :]
    return word


def _phrase_end(view: ArticleView, i: int, head: str, known: KnownNames) -> int:
    toks = view.tokens
    words = [fold(t.text) for t in toks[i + 1 : i + 1 + MAX_WORDS]]
    k, n, names, kinds = i + 1, 0, 0, []
    definite = "ال" in fold(toks[i].text)[:4] or "لل" in fold(toks[i].text)[:3]  # الإذاعة: a definite head takes no proper name after it (المصرف | رياض سلامة)
    while n < len(words) and view.sentence[k] == view.sentence[i]:
        w = words[n]
        if (not is_word(toks[k].text) and w not in ("-", "–")) or is_verb(toks[k].text) or w in PREPOSITIONS or title_stem(toks[k].text):
            break
        if w == "و" and n + 1 < len(words) and words[n + 1].startswith("ال") and words[n + 1].endswith(("ي", "يه")) and kinds:
            kinds.append("definite")  # كلية العلوم القانونية و السياسية: a spaced و between adjectives
            k, n = k + 2, n + 2
            continue
        if w in ("-", "–") and kinds and kinds[-1] in ("proper", "name") and n + 1 < len(words) and is_word(toks[k + 1].text):
            k, n = k + 2, n + 2  # إقليم بنيشنقول-قماز: a hyphenated name, both its parts
            continue
        if "name" in kinds and not (w.startswith("ال") and w.endswith(("ي", "يه"))):
            break  # after a name only its adjectives (مطار القاهرة الدولي; not «قطاع غزة التفاصيل»)
        matched = known.match(words[n:])
        if matched and head in SITE_HEADS and w.startswith("ل") and tuple(words[n : n + matched]) not in known.keys:
            break  # «الميناء | للأمم المتحدة»: a site is named by construct, not by ل
        if matched:
            kinds.append("name")
            k, n = k + matched, n + matched
            continue
        if w.startswith("لل") and len(w) >= 5 and kinds and head not in SITE_HEADS:  # (a site is named by construct: «الميناء | للأمم المتحدة»)
            kinds.append("genitive")  # never right after the head: «الحكومة للسلم», «اللجنة للجلسة العامة»
        elif w.startswith("ل") and len(w) >= 4 and kinds and n + 1 < len(words) and words[n + 1].startswith("ال") and (not is_common(w[1:]) or known.match(words[n + 1 :])):
            kinds.append("genitive")  # مجلس التعاون لدول الخليج العربية: ل before a construct (a common one before a known name)
        elif w.startswith("ال") and len(w) >= 4 and w not in TIME_WORDS and _modifies(w) and (kinds or not is_common(w)) and strip_marks(toks[k].text)[:1] not in "أإآ":
            # (أل is no article: ألقى، ألغى are verbs that fold to the article's letters)
            kinds.append("nationality" if is_nationality(w) else "definite")
            if kinds[-1] == "nationality":
                k, n = k + 1, n + 1
                break  # the country's adjective ends a name (الديوان الملكي الأردني; «القناة الروسية | الرسمية»)
        elif head in NAMING_HEADS and not definite and all(kind == "proper" for kind in kinds) and names < MAX_NAME_WORDS and not is_common(w) and len(w) >= 3 and not _never_proper(w):
            kinds.append("proper")
            names += 1
        elif head in CONSTRUCT_HEADS and not kinds and not definite and not w.endswith(("ي", "يه")) and n + 1 < len(words) and words[n + 1].startswith("ال"):
            # (a definite head has no construct after it: «المجلس عرض الحائط»; nor is a nisba one: «مجلس وزاري»)
            kinds.append("construct")
        else:
            break
        k, n = k + 1, n + 1
    while kinds and kinds[-1] == "construct":
        kinds.pop()
        k -= 1
    if not kinds or all(kind == "nationality" for kind in kinds) or head in NEEDS_A_NAME and "name" not in kinds:
        return i + 1
    return k


def _never_proper(word: str) -> bool:
    """A folded word that cannot be a proper name after a naming head: an ordinal (لولاية ثالثة: a third
    term), ل + the article (جسر للسيارات: a bridge for cars) or an accusative adjective (ميناء رئيسيا)."""
    return word in ORDINALS or word.startswith("لل") or is_adverb(word)


def _modifies(word: str) -> bool:
    """Can this definite word continue an institution's name? (The first word after the head must also not be
    one news almost never has in a name: «الحكومة التخلي».) A relational adjective can however common it
    is (كلية العلوم القانونية و السياسية), unless it has the participle's مـ shape and news almost never has it in a name
    (الموالية); another participle only if news mostly has it in names (not المعترف، المملوكة); any other
    word unless news almost never has it in a name (المقرر)."""
    if word in CONCERNED or word in ENDS_A_NAME:  # المعنية بـ، المحسوبة على؛ الذي، الأخرى (``spans.ENDS_A_NAME``)
        return False
    nisba, participle = word.endswith(("ي", "يه")), word.startswith("الم")
    if nisba:
        return not (participle and is_common(word))
    if participle:
        return not is_weak(word)
    return not is_common(word)
