"""Name keys: how a mention's surface becomes a matching key (clitics, titles, organization heads).

Displayed text and offsets always come from the original article; keys are folded (annotate.arabic.fold)
and only ever compared with each other. A key is a tuple of folded word tokens without the article ال,
so الحرشاوي and حرشاوي share a key while يفكيروف and يفكوروف are left to ``variants``.
"""

from __future__ import annotations

import functools
import re

from annotate.arabic import fold, strip_marks

Key = tuple[str, ...]

_LETTER = re.compile(r"[^\W\d_]")

# Proclitics in front of a bare name (و ف ب ل and their pairs); ك only ever before ال (كالـ), because ك+name
# is rare in news while names that start with ك (كريم، كمال) are common.
NAME_PREFIXES = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
AL_PREFIXES = ("وب", "فب", "وك", "و", "ف", "ب", "ك")  # before ال: والقاهرة، بالقاهرة، وبالقاهرة
LIL_PREFIXES = ("و", "ف", "")  # لل = ل + ال: للقاهرة، وللقاهرة

# Titles and roles (folded). HEADS start a title; COMPLEMENTS continue one; any definite nisba adjective
# (الروسي، الليبية) continues one too. A title is never part of a name: it becomes one of the actor's roles.
HEADS = frozenset(
    fold(w)
    for w in """الرئيس رئيس الرئيسان رئيسة نائب وزير الوزير وزيرة الوزيرة اللواء لواء المشير مشير العقيد عقيد
    الجنرال جنرال العميد عميد الفريق الرائد المقدم النقيب الأدميرال الأميرال الباحث باحث الباحثة المحلل محلل المحللة
    السفير سفير السفيرة المبعوث مبعوث المبعوثة الملحق المتحدث الناطق الأمين الملك الأمير الشيخ الدكتور د السيد السيدة
    الصحفي الصحفية الصحافي الصحافية الكاتب الكاتبة الخبير خبير الخبيرة مدير المدير مديرة قائد القائد زعيم الزعيم رجل
    المستشار مستشار المستشارة الممثل ممثل عضو العضو النائب الحاكم القاضي المدعي المراسل المراسلة الناشط الناشطة
    البروفيسور الأستاذ المفوض المنسق الرئيسة الجنرالات مساعد المساعد السيناتور السناتور سيناتور سناتور
    السكرتير سكرتير الكابتن كابتن اللورد لورد البارون البارونة""".split()
)
COMPLEMENTS = frozenset(
    fold(w)
    for w in """الدفاع الخارجية الداخلية الأركان العام العامة الخاص الخاصة الأعلى الأول الاستخبارات المخابرات الأعمال
    المتقاعد السابق السابقة الأسبق الراحل الحالي الوزراء مكتب المكتب الحكومة الحكومي المجلس مجلس الدولة الحرب البحرية
    الجيش البرية الجوية الأمن القوات المسلحة الشؤون العلاقات الدولية الرئاسي الرئاسة العسكري العسكرية السياسي
    السياسية الإعلامي الأممي المركزية المالية الاقتصاد الطاقة النفط العدل الصحة التعليم التربية الزراعة الفلاحة
    الثقافة الإعلام النقل السياحة الرياضة الصناعة التجارة الاتصال الاتصالات البيئة الأوقاف الإسكان التخطيط
    المعين المكلف المنتخب المؤقت""".split()
)
# Heads that may stand before another head: نائب وزير، مساعد وزير.
STACKING = frozenset(fold(w) for w in ("نائب", "مساعد", "النائب"))

# Generic heads of organization names: شركة فاغنر، مجموعة فاغنر → فاغنر (only when a proper name follows).
ORG_HEADS = frozenset(
    fold(w) for w in "شركة مجموعة منظمة جماعة حركة حزب مؤسسة وكالة صحيفة قناة موقع إذاعة مجلة ميليشيا ميليشيات مليشيا مليشيات تحالف".split()
)


@functools.lru_cache(maxsize=1 << 18)
def is_word(text: str) -> bool:
    """A token that can be part of a name (has a letter), as opposed to punctuation."""
    return bool(_LETTER.search(text))


folded = fold  # ``arabic.fold`` is memoized: a corpus has far fewer distinct words than tokens


@functools.lru_cache(maxsize=500_000)
def core(token: str) -> str:
    """Folded token without the article ال (kept when too little would remain)."""
    f = folded(token)
    return f[2:] if f.startswith("ال") and len(f) >= 5 else f


PORTFOLIO_WORDS = ("الخارجية", "الداخلية", "الدفاع")  # a ministry named without وزارة: الخارجية الإيرانية
PORTFOLIO_KEYS = frozenset(core(w) for w in PORTFOLIO_WORDS)


def is_portfolio_name(key: tuple[str, ...]) -> bool:
    """A ministry's key without وزارة (خارجيه، ايرانيه): its portfolio and its country's adjective
    (``recognize.phrases.ministry_names``)."""
    return len(key) == 2 and key[0] in PORTFOLIO_KEYS


def definite_form(f: str) -> str | None:
    """ال + the word, for a folded definite word with or without its clitic (الخارجيه، والخارجيه، بالخارجيه،
    للخارجيه); None for a word without the article. The prefixes are ``split_clitic``'s."""
    if f.startswith("ال"):
        return f
    for p in AL_PREFIXES:
        if f.startswith(p + "ال"):
            return f[len(p) :]
    for p in LIL_PREFIXES:
        if f.startswith(p + "لل"):
            return "ال" + f[len(p) + 2 :]
    return None


def lil_stems(rest: str) -> tuple[str, ...]:
    """The definite words that لل + ``rest`` can be: ل + ال + rest (للقاهرة → القاهرة), and, since ل + اللجنة
    is written with two lams, not three, ل + الل + rest (للجنة → اللجنة، للواء → اللواء)."""
    plain = "ال" + rest
    return (plain,) if rest.startswith("ل") or len(rest) < 2 else (plain, "الل" + rest)


def lil_reading(rest: str, evidence: Evidence) -> str:
    """Which of ``lil_stems(rest)`` the word is: the one the evidence attests better (the corpus' words and
    names), or, where it cannot tell (an article alone), the one real news uses (ANT's common words)."""
    readings = lil_stems(rest)
    if len(readings) == 1:
        return readings[0]
    plain, fused = readings
    if evidence.prefer_stem(plain, fused):
        return fused
    if evidence.prefer_stem(fused, plain):
        return plain
    from annotate.resolve.recognize.lexicon import name_rate  # the shipped ANT word list; late: it sits above names

    return fused if name_rate(fused) is not None and name_rate(plain) is None else plain


def is_nisba(folded: str) -> bool:
    """A definite relational adjective (الروسي، الليبية): part of a title, never a first name."""
    return folded.startswith("ال") and len(folded) >= 5 and (folded.endswith("ي") or folded.endswith("يه"))


def is_title_word(folded: str) -> bool:
    return folded in HEADS or folded in COMPLEMENTS or is_nisba(folded)


def title_stem(token: str) -> tuple[int, str] | None:
    """(prefix letters, folded head) if the token is a title head, possibly with a clitic (ووزير → 1, وزير)."""
    f = folded(token)
    if f in HEADS:
        return 0, f
    for p in ("وب", "ول", "و", "ف", "ب", "ل"):
        if f.startswith(p) and f[len(p):] in HEADS:
            return len(p), f[len(p):]
    if f.startswith("لل"):
        head = next((w for w in lil_stems(f[2:]) if w in HEADS), None)  # للرئيس، للواء
        return (1, head) if head else None
    return None


class Evidence:
    """What ``split_clitic`` asks about words: how well attested each reading is."""

    def prefer_stem(self, word: str, stem: str) -> bool:  # pragma: no cover - interface
        raise NotImplementedError


def split_clitic(token: str, evidence: Evidence) -> tuple[int, str]:
    """(prefix letters to skip, folded stem) for the first word of a name.

    A prefix is stripped only when the evidence prefers the stem (names already seen, the registry, the
    gazetteer, the corpus' own vocabulary), so لافروف, كريم and وليد keep their first letter while لبوتين
    loses it. A clitic before ال is stripped unless the whole word is the better-attested name (والتر).
    """
    f = folded(token)
    for p in AL_PREFIXES:
        if f.startswith(p + "ال") and len(f) - len(p) >= 4:
            stem = f[len(p):]
            if evidence.prefer_stem(f, stem) or not evidence.prefer_stem(stem, f):
                return len(p), stem
            break
    for p in LIL_PREFIXES:
        if f.startswith(p + "لل") and len(f) - len(p) >= 4:
            stem = lil_reading(f[len(p) + 2 :], evidence)
            if evidence.prefer_stem(f, stem) or not evidence.prefer_stem(stem, f):
                return len(p), stem  # the span keeps لل: the article's ل is fused with the preposition
            break
    for p in NAME_PREFIXES:
        if f.startswith(p) and len(f) - len(p) >= 2:
            stem = f[len(p):]
            if evidence.prefer_stem(f, stem) or p == "و" and _conjunction_shape(token, stem):
                return len(p), stem
    return 0, f


# Letters after which a word-initial و is the conjunction, never a name's first letter: Arabic names that
# begin with و (وليد، وائل، وسام، وجدي، وهيب) and foreign ones written with it (ويليام، والتر، وودرو، ورن)
# go on with other letters. So «وباولينيو», «وأردا توران», «ومحمد» lose the و even when the corpus never
# shows the bare name. Not ك (وكالة، وكيل are words).
_AFTER_CONJUNCTION = frozenset("أإآبتمن")


def _conjunction_shape(token: str, stem: str) -> bool:
    letters = strip_marks(token)
    return len(stem) >= 3 and (letters[1:2] in _AFTER_CONJUNCTION or stem.startswith("عبد"))


def skip_letters(text: str, start: int, n: int) -> int:
    """Offset in ``text`` after ``n`` letters from ``start``, skipping marks and tatweel with them."""
    pos = start
    while n > 0 and pos < len(text):
        if strip_marks(text[pos]):
            n -= 1
        pos += 1
    while pos < len(text) and not strip_marks(text[pos]) and not text[pos].isspace():
        pos += 1
    return pos


@functools.lru_cache(maxsize=1 << 16)
def display(words: tuple[str, ...]) -> str:
    """The name as shown: the words as written, diacritics and tatweel removed, one space between."""
    return " ".join(strip_marks(w) for w in words)


def org_core(folded: tuple[str, ...]) -> tuple[str, ...]:
    """شركة فاغنر الأمنية → فاغنر: drop a generic head and trailing adjectives when a proper name follows, and
    what the name is «for» (شركة مداد للطاقة السعودية → مداد: the same company as «مداد» alone).

    Works on folded words that still carry ال, because ال is what tells تنظيم الدولة (kept) from شركة فاغنر.
    """
    if len(folded) >= 2 and folded[0] in ORG_HEADS and not folded[1].startswith("ال"):
        rest = list(folded[1:])
        purpose = next((k for k in range(1, len(rest)) if rest[k].startswith("لل")), None)
        if purpose is not None:
            rest = rest[:purpose]
        while len(rest) > 1 and is_nisba(rest[-1]):
            rest.pop()
        return tuple(rest)
    return folded


# Regions named after a place (قطاع غزة، إقليم تيغراي): the place's own key.
REGION_HEADS = frozenset(fold(w) for w in "قطاع إقليم ولاية محافظة".split())
# First words written apart or joined (عبد الله / عبدالله، أبو الغيط / أبوالغيط): one key word.
COMPOUND_FIRSTS = frozenset(fold(w) for w in ("عبد", "أبو", "ابو"))


def join_compounds(words: tuple[str, ...]) -> tuple[str, ...]:
    """عبد الله الثاني → عبدالله الثاني: a compound's first word joined to the word after it."""
    out: list[str] = []
    for w in words:
        if out and out[-1] in COMPOUND_FIRSTS:
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)


@functools.lru_cache(maxsize=1 << 16)  # asked for every candidate, often of the same few thousand names
def key_of(folded: tuple[str, ...], label: str) -> Key:
    """The matching key of a name given as folded words."""
    if label == "ORG":
        folded = org_core(folded)
    if label == "LOC" and len(folded) >= 2 and core(folded[0]) in REGION_HEADS:
        folded = folded[1:]
    return tuple(core(w) for w in folded)
