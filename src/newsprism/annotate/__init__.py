"""Annotate: the per-article linguistic layer (entities, quotes, times, framing), over one spaCy parse per body.

`annotate_articles` parses the bodies of a run in batches (`nlp.pipe`) and
fills each article's `entities` (with article-local entity groups),
`quotes`, `times` (resolved against the article's reference date) and
`framing` (a bias verdict per sentence, loaded terms, editorializing).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.annotate.entities import find_entities
from newsprism.annotate.framing import actor_labels, frame_article
from newsprism.annotate.language import body_of, parse, sentences
from newsprism.annotate.quotes import find_quotes
from newsprism.annotate.times import find_times
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import ProcessingFailed
from newsprism.model import Article, Framing


def annotate_article(article: Article, doc: Doc) -> None:
    """Fill one article's annotation keys from the parse of its body."""
    article.set_sentences(sentence_spans(doc))
    mentions, entities = find_entities(doc)
    article.entities = mentions
    article.set_local_entities(entities)
    article.quotes = find_quotes(doc)
    article.times = find_times(doc, article.reference_date)
    article.framing = frame_article(article, doc)  # reads the quotes: words inside them are the speakers'
    article.set_actor_labels(actor_labels(article, doc))


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the body's sentences (cut at paragraph breaks), without surrounding whitespace."""
    body = body_of(doc)
    spans = []
    for sentence in sentences(doc):
        text = body[sentence.start_char : sentence.end_char]
        start = sentence.start_char + len(text) - len(text.lstrip())
        end = sentence.start_char + len(text.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


def annotate_articles(articles: list[Article], settings: Settings = DEFAULT_SETTINGS) -> list[ProcessingFailed]:
    """Annotate every article in place; returns one error per article whose annotation failed.

    An article whose annotation fails keeps its clean body and metadata with
    empty annotations, so nothing already processed is lost.
    """
    failures = []
    for article, doc in zip(articles, parse((article.body for article in articles), settings.processes), strict=True):
        try:
            annotate_article(article, doc)
        except Exception as error:  # noqa: BLE001 - one article's bug must not stop the run
            article.entities, article.quotes, article.times, article.framing = [], [], [], Framing()
            failures.append(ProcessingFailed(article.source, f"annotation failed ({type(error).__name__}: {error}); please report it"))
    return failures


__all__ = ["annotate_article", "annotate_articles"]
