"""Annotate: the per-article linguistic layer (entities, quotes, times, framing), over one spaCy parse per body.

`annotate_articles` parses the bodies of a run in batches (`nlp.pipe`) and
fills each article's `entities` (with article-local entity groups),
`quotes`, `times` (resolved against the article's reference date) and
`framing` (a bias verdict per sentence, loaded terms, editorializing).

The bias model (ONNX Runtime, which releases the GIL) reads each article's
sentences in a background thread while spaCy parses the next article, so
the two heaviest steps of a story share the machine's cores.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from spacy.tokens import Doc

from newsprism.annotate.bias import SentenceBias
from newsprism.annotate.entities import find_entities
from newsprism.annotate.framing import actor_labels, assess_article, frame_article
from newsprism.annotate.language import BATCH_SIZE as PARSE_BATCH
from newsprism.annotate.language import body_of, parse, sentences
from newsprism.annotate.quotes import find_quotes
from newsprism.annotate.times import find_times
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import ProcessingFailed
from newsprism.model import Article, Framing


def annotate_article(article: Article, doc: Doc) -> None:
    """Fill one article's annotation keys from the parse of its body."""
    annotate_facts(article, doc)
    annotate_framing(article, doc)


def annotate_facts(article: Article, doc: Doc) -> None:
    """Sentences, entities (with article-local groups), quotes and times; keeps the parse for the story stages."""
    article.keep_parse(doc)
    article.set_sentences(sentence_spans(doc))
    mentions, entities = find_entities(doc)
    article.entities = mentions
    article.set_local_entities(entities)
    article.quotes = find_quotes(doc)
    article.times = find_times(doc, article.reference_date)


def annotate_framing(article: Article, doc: Doc, assessments: list[SentenceBias] | None = None) -> None:
    """Framing and actor labels; reads the quotes (words inside them are the speakers'), so runs after `annotate_facts`."""
    article.framing = frame_article(article, doc, assessments)
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
    failures: dict[int, ProcessingFailed] = {}

    def failed(index: int, error: Exception) -> None:
        article = articles[index]
        article.entities, article.quotes, article.times, article.framing = [], [], [], Framing()
        failures[index] = ProcessingFailed(article.source, f"annotation failed ({type(error).__name__}: {error}); please report it")

    # Small spaCy batches for a small story, so the first article reaches the bias model early; a big run keeps full batches.
    batch_size = max(1, min(PARSE_BATCH, len(articles) // 4))
    bodies = (article.body for article in articles)
    parsed: list[tuple[int, Doc, Future[list[SentenceBias]]]] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-bias") as bias_thread:
        for index, doc in enumerate(parse(bodies, settings.processes, batch_size)):
            try:
                annotate_facts(articles[index], doc)
                parsed.append((index, doc, bias_thread.submit(assess_article, articles[index])))
            except Exception as error:  # noqa: BLE001 - one article's bug must not stop the run
                failed(index, error)
        for index, doc, assessments in parsed:
            try:
                annotate_framing(articles[index], doc, assessments.result())
            except Exception as error:  # noqa: BLE001 - one article's bug must not stop the run
                failed(index, error)
    return [failures[index] for index in sorted(failures)]


__all__ = ["annotate_article", "annotate_articles"]
