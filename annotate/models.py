"""The records that flow between pipeline stages.

Every span is a pair of character offsets into ``Article.text``; the text itself is never modified.
Later-stage fields start as ``None`` (as in MkDocs' ``Page``) and are filled by the stage that owns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)  # slots: a 5,000-article corpus holds about a million tokens
class Token:
    """A word or punctuation mark: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


class Sentence:
    """A run of tokens; ``start``/``end`` cover the first to the last token.

    Made with ``text`` instead of tokens (a cached article's sentence), it tokenizes ``text[start:end]`` the
    first time its tokens are read: a rebuild reads 10,000 cached articles and most of them are never looked
    at token by token. The tokens are the same either way (``tests/test_annotation_pack.py``).
    """

    __slots__ = ("start", "end", "_tokens", "_text")

    def __init__(self, start: int, end: int, tokens: tuple[Token, ...] = (), text: str | None = None) -> None:
        self.start, self.end, self._tokens, self._text = start, end, tokens, text

    @property
    def tokens(self) -> tuple[Token, ...]:
        if self._text is not None:
            from annotate.tokenize import tokenize

            self._tokens, self._text = tuple(tokenize(self._text, self.start, self.end)), None
        return self._tokens

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.start, self.end, self.tokens) == (other.start, other.end, other.tokens)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.tokens))

    def __repr__(self) -> str:
        return f"Sentence(start={self.start!r}, end={self.end!r}, tokens={self.tokens!r})"

    def __reduce__(self) -> tuple:
        return (Sentence, (self.start, self.end, self.tokens))


def jsonl_records(text: str) -> list[dict]:
    """The records of published JSON Lines (``annotations.jsonl``): one per ``\n``-ended line. Not
    ``str.splitlines``: article text may hold U+0085 or U+2028, which JSON leaves unescaped and
    ``splitlines`` takes for line ends, cutting a record in two."""
    import json

    return [json.loads(line) for line in text.split("\n") if line.strip()]


@dataclass(slots=True)
class Mention:
    """An entity mention. ``actor`` is filled by the resolve stage."""

    start: int
    end: int
    text: str
    label: str
    actor: str | None = None
    source: str = "model"  # model | propagated | gazetteer | registry | phrase | quoted | dateline (how it was found)


def entity_record(mention: "Mention", with_actor: bool = False) -> dict:
    """The published form of an entity mention (annotations.jsonl, the tag command, the cache)."""
    record = {"start": mention.start, "end": mention.end, "text": mention.text, "label": mention.label}
    if with_actor:
        record["actor"] = mention.actor
    return record


def date_record(mention: "DateMention") -> dict:
    """The published form of a date mention (``known`` only for one without a value)."""
    record = {"start": mention.start, "end": mention.end, "text": mention.text, "value": mention.value}
    if mention.known is not None:
        record["known"] = mention.known
    return record


@dataclass(slots=True)
class DateMention:
    """A date expression and its complete ISO 8601 value (``None`` when unresolvable; ``known`` then says
    what the expression fixes, TIMEX3-style: ``XXXX-09-17``)."""

    start: int
    end: int
    text: str
    value: str | None
    known: str | None = None


@dataclass
class Article:
    """One corpus document. ``body`` holds the (start, end) spans of prose; furniture lies outside them."""

    id: str
    path: str
    title: str
    text: str
    date: str | None = None
    date_source: str | None = None  # front matter | editor | header line | dateline | stamp | inferred
    source: str | None = None
    url: str | None = None
    lang: str = "ar"
    body: list[tuple[int, int]] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Annotation:
    """What the tag stage adds to one article."""

    article_id: str
    sentences: list[Sentence]
    mentions: list[Mention]
    dates: list[DateMention]


@dataclass
class Actor:
    """A real-world person, organization or place gathered from mentions across the corpus."""

    id: str
    slug: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    name_en: str | None = None
    description: str | None = None
    roles: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
