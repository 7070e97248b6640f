"""From the model's entity spans to name candidates: trim punctuation, titles and clitics, keep the title as a role.

A candidate's (start, end) is the name as shown on the site (بوتين in «والرئيس الروسي فلاديمير بوتين»'s
«فلاديمير بوتين»); offsets always point into ``Article.text``.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from annotate.arabic import fold, strip_marks
from annotate.models import Annotation, Article, Mention, Token
from annotate.resolve.gazetteer import is_nationality
from annotate.resolve.names import (
    folded,
    COMPLEMENTS,
    HEADS,
    Evidence,
    STACKING,
    Key,
    is_nisba,
    is_title_word,
    is_word,
    key_of,
    skip_letters,
    split_clitic,
    title_stem,
)
from annotate.resolve.variants import variant_word
from annotate.tokenize import sentences_in

NOT_NAMES = frozenset(fold(w) for w in "نجل نجله شقيق شقيقه ابن ابنه زوجة زوجته عائلة أسرة قوات ميليشيات مليشيات أنصار وكيل صهر".split())  # (وكيل رونالدو: his agent; صهر أردوغان: his son-in-law)
# Particles the model sometimes takes into a name («قال إن حفتر», «إلى أن حفتر»): never its first word.
PARTICLES = frozenset(fold(w) for w in "أن إن بأن لأن وأن وإن فإن فأن كأن لكن ولكن".split())
# Arabic names of Latin letters that are no Arabic word, for spelled acronyms («إن بي سي»: NBC, «سي إن إن»):
# after «إن» (also N), a span of these words only is the acronym, and «إن» is its first letter, no particle.
LETTER_NAMES = frozenset(fold(w) for w in "بي سي دي جي تي كيو دبليو إكس إم إس آر إتش إف كيه جيه زد إل إيه آي إن".split())
# News verbs the model takes into a name at either edge («زار حفتر موسكو», «بريغوجين شارك في»), or tags alone
# («لقد كانوا»): never a name's first or last word. Only forms that are not also names or nouns of names
# (طالب، يزيد، ظل stay out, and كان is Cannes).
VERBS = frozenset(
    fold(w)
    for w in """قال قالت يقول تقول أكد أكدت يؤكد زار زارت يزور شارك شاركت يشارك التقى التقت يلتقي أعلن أعلنت يعلن
    أضاف أضافت أوضح أوضحت كشف كشفت دعا دعت وصل وصلت غادر غادرت استقبل استقبلت ناقش اتهم اتهمت رفض رفضت
    نفى نفت أشار أشارت حذر حذرت هدد هددت وقع وقعت كانت كانوا يكون تكون أصبح أصبحت بات أرسل أرسلت
    اعتبر اعتبرت أبلغ يرأس ترأس يقود تقود يرى ترى يعتبر تعتبر يتولى تتولى يشغل تشغل يواجه تواجه يلتقي تلتقي
    يستقبل تستقبل يزور تزور يدعو تدعو يطالب تطالب""".split()
)
# Dual titles name two people at once (الرئيسان التركي … ونظيره): never one person's role.
DUAL_HEADS = frozenset(fold(w) for w in "الرئيسان رئيسان الوزيران وزيرا الزعيمان الملكان الأميران".split())
# Participles that say what an organization does or whom it sides with, before their complement (اللجنة
# الوزارية المعنية بمتابعة…, الهيئة المكلفة بـ…, حركة مجتمع السلم المحسوبة على التيار…, القوات التابعة لـ…):
# they end a tagged span, never a name. Not الخاصة (المحكمة الخاصة بلبنان).
CONCERNED = frozenset(
    fold(w)
    for w in """المعنية المعني المعنيين المكلفة المكلف المختصة المختص المنوط المنوطة المتعلقة المتعلق المحسوبة المحسوب
    المقربة المقرب التابعة التابع الموالية الموالي المدعومة المدعوم المنتمي المنتمية المنتمين""".split()
)
# A relative pronoun opens a clause about the name (حزب العدالة والتنمية الذي يجمع…، قوات الباسيج التي
# استخدمت…), and «other» sets the name among others (مجموعة العشرين الأخرى): the name ends before either.
ENDS_A_NAME = frozenset(fold(w) for w in "الذي التي الذين اللذين اللذان اللتين اللتان اللاتي اللواتي الأخرى الآخرين الأخريات".split())
STOP_PUNCT = frozenset("،,.:؛;؟?!\"«»“”()[]")
MAX_ROLE_TOKENS = 10


@dataclass
class Candidate:
    """A name occurrence before it is given an actor."""

    article: str
    start: int
    end: int
    words: tuple[str, ...]  # as written (clitic removed from the first word)
    folded: tuple[str, ...]  # folded words, clitic removed
    label: str
    source: str
    role: str | None = None
    outer: tuple[int, int] = (0, 0)  # the span the model gave (with clitic and title), for overlaps
    key: Key = field(default=())
    folded_key: Key = field(default=(), repr=False)  # the key before label-specific trimming: for votes and propagation

    def __post_init__(self) -> None:
        self.folded_key = key_of(self.folded, "PER")
        if not self.key:
            self.key = key_of(self.folded, self.label)
        if self.outer == (0, 0):
            self.outer = (self.start, self.end)

    def rekey(self, label: str) -> None:
        self.label = label
        self.key = key_of(self.folded, label)


@dataclass
class ArticleView:
    """An article's body tokens with their sentence numbers, indexed by offset."""

    article: Article
    tokens: list[Token]
    sentence: list[int]
    starts: list[int]

    @classmethod
    def of(cls, article: Article, annotation: Annotation) -> "ArticleView":
        sentences = annotation.sentences or list(sentences_in(article.text, article.body or None))
        tokens: list[Token] = []
        numbers: list[int] = []
        for n, s in enumerate(sentences):
            tokens.extend(s.tokens)
            numbers.extend([n] * len(s.tokens))
        order = sorted(range(len(tokens)), key=lambda i: tokens[i].start)
        tokens = [tokens[i] for i in order]
        numbers = [numbers[i] for i in order]
        return cls(article, tokens, numbers, [t.start for t in tokens])

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j) of the tokens that overlap [start, end)."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or self.tokens[i].end <= start:
            i += 1
        j = bisect.bisect_left(self.starts, end)
        return i, j

    def in_body(self, start: int, end: int) -> bool:
        body = self.article.body
        return not body or any(s <= start and end <= e for s, e in body)


def fold_words(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(folded(t.text) for t in tokens if is_word(t.text))


def make_candidate(view: ArticleView, i: int, j: int, label: str, source: str, evidence, outer=None) -> Candidate | None:
    """A candidate from tokens [i, j): strip edge punctuation and the clitic of the first word."""
    toks = view.tokens
    while i < j and not is_word(toks[i].text):
        i += 1
    while j > i and not is_word(toks[j - 1].text):
        j -= 1
    if i >= j:
        return None
    first = toks[i]
    n, stem = split_clitic(first.text, evidence)
    start = skip_letters(view.article.text, first.start, n) if n else first.start
    head = view.article.text[start : first.end]
    if stem.startswith("ال") and not fold(head).startswith("ال"):  # للقاهرة: show the name as القاهرة
        head = ("ال" if stem == "ال" + fold(head)[1:] else "ا") + head[1:]  # للجنة: as اللجنة
    words = [head] + [t.text for t in toks[i + 1 : j] if is_word(t.text)]
    folded = (stem,) + fold_words(toks[i + 1 : j])
    end = toks[j - 1].end
    return Candidate(view.article.id, start, end, tuple(words), folded, label, source, outer=outer or (first.start, end))


def _title_end(view: ArticleView, i: int, j: int) -> int:
    """Index after a title at the front of tokens [i, j), or ``i`` when the span does not start with one."""
    toks = view.tokens
    if title_stem(toks[i].text) is None:
        return i
    k = i + 1
    while k < j and (title_stem(toks[k].text) or is_title_word(fold(toks[k].text)) or toks[k].text in "،,"):
        k += 1
    if not any(is_word(t.text) for t in toks[k:j]):  # all title: give back a trailing name-like nisba (الحرشاوي)
        last = max((x for x in range(i + 1, j) if is_word(toks[x].text)), default=None)
        if last is None:
            return j
        f = fold(toks[last].text)
        if is_nisba(f) and not is_nationality(f) and f not in HEADS:
            return last
        return j
    return k


def role_text(view: ArticleView, i: int, j: int) -> str | None:
    """The title in tokens [i, j) as written, without the head's clitic (ووزير → وزير)."""
    toks = view.tokens
    while j > i and not is_word(toks[j - 1].text):
        j -= 1
    if i >= j:
        return None
    stem = title_stem(toks[i].text)
    start = skip_letters(view.article.text, toks[i].start, stem[0]) if stem and stem[0] else toks[i].start
    return " ".join(strip_marks(view.article.text[start : toks[j - 1].end]).split())


def role_before(view: ArticleView, i: int) -> str | None:
    """A title right before a name (الرئيس الروسي | فلاديمير بوتين), in the same sentence."""
    toks = view.tokens
    k = i - 1
    if k >= 0 and toks[k].text in "،,":
        k -= 1
    end = k + 1
    head = None
    while k >= 0 and view.sentence[k] == view.sentence[i]:
        t = toks[k].text
        if title_stem(t):
            head = k
            if k > 0 and (s := title_stem(toks[k - 1].text)) and s[1] in STACKING:
                head = k - 1
            break
        if not is_title_word(fold(t)):
            return None
        k -= 1
    return role_text(view, head, end) if head is not None else None


def role_after(view: ArticleView, j: int) -> str | None:
    """An apposition after a name: «جليل الحرشاوي، الباحث في المعهد الملكي…»."""
    toks = view.tokens
    k = j
    if k < len(toks) and toks[k].text in "،,":
        k += 1
    if k >= len(toks) or view.sentence[k] != view.sentence[j - 1]:
        return None
    stem = title_stem(toks[k].text)
    if stem is None or (k == j and not stem[1].startswith("ال")):
        return None
    end = k + 1
    while end < len(toks) and end - k < MAX_ROLE_TOKENS and toks[end].text not in STOP_PUNCT and view.sentence[end] == view.sentence[k]:
        end += 1
    return role_text(view, k, end)


def is_verb(token: str) -> bool:
    """One of ``VERBS``, bare or after the conjunction (وقال، فزار)."""
    f = fold(token)
    return f in VERBS or (f[:1] in ("و", "ف") and f[1:] in VERBS)


def _never_an_edge(token: str) -> bool:
    """A verb, or punctuation (to reach a verb behind it: «"زار حفتر»): never a name's first or last word."""
    return is_verb(token) or not is_word(token)


def _ends_the_name(word: str, label: str, at: int) -> bool:
    """Does the folded word ``at`` tokens into a tagged span end the name before it? A relative pronoun or
    «other» (``ENDS_A_NAME``), an organization's affiliation participle after its second word (``CONCERNED``),
    a person's ل + article word (بشير نصر | للجوهرة أف أم: what follows is the outlet he spoke to)."""
    return word in ENDS_A_NAME or label == "ORG" and at > 1 and word in CONCERNED or label == "PER" and word.startswith("لل") and len(word) >= 5


def _latin(token: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in token)


def _spelled(view: ArticleView, i: int, j: int) -> bool:
    """Tokens [i, j) spell an acronym letter by letter (إن بي سي)."""
    return all(fold(t.text) in LETTER_NAMES for t in view.tokens[i:j])


def from_mention(view: ArticleView, mention: Mention, evidence) -> Candidate | None:
    """Trim one model mention; a PER's title becomes its role."""
    i, j = view.token_range(mention.start, mention.end)
    if i >= j or not view.in_body(mention.start, mention.end):
        return None
    outer = (view.tokens[i].start, view.tokens[j - 1].end)
    while i < j and (_never_an_edge(view.tokens[i].text) or (i < j - 1 and fold(view.tokens[i].text) in PARTICLES and not _spelled(view, i, j))):
        i += 1
    while j > i and _never_an_edge(view.tokens[j - 1].text):
        j -= 1
    j = next((k for k in range(i + 1, j) if _ends_the_name(fold(view.tokens[k].text), mention.label, k - i)), j)
    while j - 1 > i and _latin(view.tokens[j - 1].text) and not _latin(view.tokens[i].text):
        j -= 1  # «ناريندرا مودي Narendra Modi»: the name, then its spelling in Latin letters
    while j > i and _never_an_edge(view.tokens[j - 1].text):
        j -= 1
    if i >= j:
        return None
    label = mention.label
    if label == "ORG" and goes_on_with_a_title(view, i):
        # «رئيس | الحكومة الحبيب الصيد»: the tagger's organization is the rest of a title, then perhaps its holder
        k = i
        while k < j and is_title_word(fold(view.tokens[k].text)):
            k += 1
        if sum(is_word(t.text) for t in view.tokens[k:j]) < 2:
            return None  # «رئيس الحكومة المعين»: no one named
        label, i = "PER", i - 1
    k = title_end = _title_end(view, i, j)
    if label == "PER":
        while k < j - 1 and (fold(view.tokens[k].text) in NOT_NAMES or is_nisba(fold(view.tokens[k].text))):
            k += 1  # «الانقلابي حفتر», «نجل حفتر»: words before the name that are neither name nor title
    relation = any(fold(t.text) in NOT_NAMES for t in view.tokens[title_end:k])
    if k >= j:
        return None
    candidate = make_candidate(view, k, j, label, mention.source or "model", evidence, outer=outer)
    if candidate is None:
        return None
    if label == "PER":
        clitic = candidate.start != view.tokens[k].start  # «المبعوث الخاص لبوتين»: the title is someone else's
        if relation:  # «نجل حفتر»: the son is someone else; the words say nothing of this person's role
            candidate.role = role_text(view, i, title_end) if title_end > i else None
        else:
            candidate.role = role_text(view, i, k) if k > i else (None if clitic else role_before(view, i))
            candidate.role = candidate.role or role_after(view, j)
        if candidate.role and fold(candidate.role.split()[0]) in DUAL_HEADS:
            candidate.role = None  # «الرئيسان التركي رجب طيب أردوغان، ونظيره الروسي»: a title of two people
    return candidate


def goes_on_with_a_title(view: ArticleView, i: int) -> bool:
    """Does the span at token ``i`` start with a title's definite complement right after the title's head
    (رئيس | الحكومة)? Not a construct (عضو | مجلس اللوردات، رئيس | مجلس النواب: the council is named)."""
    word = fold(view.tokens[i].text)
    return i > 0 and view.sentence[i - 1] == view.sentence[i] and title_stem(view.tokens[i - 1].text) is not None and word in COMPLEMENTS and word.startswith("ال")


class Vocabulary(Evidence):
    """Evidence that a folded word is a name or a word on its own, for clitic decisions (``names.split_clitic``)."""

    def __init__(self) -> None:
        self.names: Counter[str] = Counter()
        self.words: Counter[str] = Counter()

    def copy(self) -> Vocabulary:
        other = Vocabulary()
        other.names, other.words = self.names.copy(), self.words.copy()
        return other

    def add_view(self, view: ArticleView) -> None:
        self.words.update(variant_word(folded(t.text)) for t in view.tokens)

    def add_name(self, folded_words, weight: int = 1) -> None:
        for w in folded_words:
            self.names[variant_word(w)] += weight

    def prefer_stem(self, word: str, stem: str) -> bool:
        """Is ``stem`` (word minus a clitic) the better reading? As a name (model, registry, places), or, for
        stems of four letters or more, as a word seen bare more often than with the clitic (وبنغازي/بنغازي)."""
        s, w = variant_word(stem), variant_word(word)  # counted by spelling bucket: أردوجان is attested by أردوغان
        if 10 * self.names[s] + self.words[s] > 10 * self.names[w] + self.words[w]:
            return True
        if len(stem) >= 4 and word.startswith("و") and len(word) == len(stem) + 1:
            # The conjunction is the commonest clitic, and و-names of four letters (وليد، وسام) have 3-letter stems.
            return self.words[s] >= max(1, self.words[w])
        return len(stem) >= 4 and self.words[s] > self.words[w]
