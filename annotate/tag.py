"""The tag stage: one article in, its sentences, entity mentions and date mentions out.

Only the article's body spans are tokenized and tagged for entities, so furniture is never annotated with
them; dates are read in the whole text, since the page's stamps (crawl header, dateline, ``تاريخ النشر``)
and the headline are dates too.
Entity tagging is batched across articles (``annotate_articles``); the model is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotate.models import Annotation, Article, DateMention, Mention
from annotate.ner.tagger import get_tagger
from annotate.tokenize import sentences_in


def body_spans(article: Article) -> list[tuple[int, int]]:
    return article.body or [(0, len(article.text))]


def annotate_articles(articles: Sequence[Article], ner_model: str = "shipped") -> list[Annotation]:
    """Annotations for ``articles``, in order: sentences of the body, entities and dates."""
    from annotate.dates import find_dates

    tagger = get_tagger(ner_model)
    sentences = [list(sentences_in(a.text, body_spans(a))) for a in articles]
    mentions = tagger.tag([(a.text, s) for a, s in zip(articles, sentences, strict=True)])
    out = []
    for article, sents, found in zip(articles, sentences, mentions, strict=True):
        dates = find_dates(article.text, article.date)
        out.append(Annotation(article.id, sents, without_dates(found, dates), dates))
    return out


def without_dates(mentions: list[Mention], dates: list[DateMention]) -> list[Mention]:
    """Drop entity spans inside a date expression: month names such as حزيران or آب are not places."""
    return [m for m in mentions if not any(d.start <= m.start and m.end <= d.end for d in dates)]


def annotate_article(article: Article, ner_model: str = "shipped") -> Annotation:
    return annotate_articles([article], ner_model)[0]


def annotate_text(text: str, ner_model: str = "shipped") -> Annotation:
    """A bare text (the ``tag`` command): the whole text is body, no publication date."""
    return annotate_article(Article(id="text", path="-", title="", text=text), ner_model)
