"""Annotate: the per-article linguistic layer (entities, quotes, times, framing), over one spaCy parse per body.

`annotate_stream` parses a stream of cleaned articles in batches (`nlp.pipe`)
and fills each article's `entities` (mentions with article-local entity ids),
`quotes`, `times` (resolved against the article's own reference date) and
`framing` (a bias verdict per sentence, loaded terms, editorializing). It
keeps in `Article.prepared` what the story stages need of that work: the
parse, the sentence spans and their vectors, the article's entity table and
the words it uses for people. Nothing in it depends on any other article.

The bias model (ONNX Runtime, which releases the GIL) reads the articles'
sentences in a background thread while spaCy parses the next ones, so the
two heaviest steps share the machine's cores. The thread takes every article
waiting for it at once (up to POOLED_SENTENCES sentences) and batches their
sentences together by length: one article's 30-odd sentences alone leave
batches padded to their longest member. Articles come out in the order
they went in, each as soon as it is done (InputErrors, and articles prepared
before, pass through as soon as they are read); at most a few batches are in
flight, so memory stays flat however long the stream.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import chain

import numpy as np
from spacy.tokens import Doc

from newsprism.annotate.bias import SentenceBias
from newsprism.annotate.entities import find_entities
from newsprism.annotate.framing import actor_labels, assess_article, assess_articles, frame_article
from newsprism.annotate.language import body_of, sentences
from newsprism.annotate.language_id import ENGLISH, detect_language, language_name
from newsprism.annotate.quotes import find_quotes
from newsprism.annotate.times import find_times
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import InputError, ProcessingFailed
from newsprism.model import Article, Entity, Framing, Prepared
from newsprism.models import Models
from newsprism.prepared import pack_parse, pack_vectors

# Bodies per nlp.pipe batch. Small enough that the first article reaches the bias
# model (and the user) early; larger batches parse no faster on two cores.
PARSE_BATCH = 8
# Articles parsed ahead of the one being finished: keeps the bias thread busy while the main thread parses.
LOOKAHEAD = 2 * PARSE_BATCH
# Most sentences the bias thread encodes in one pass over the articles waiting for it. Measured (60 PolNeAR articles,
# one intra-op thread, CPU time): one article a pass 17.0 s; 4 articles 13.4-14.1 s; 8 12.6-13.2 s; 16 12.3-12.8 s.
POOLED_SENTENCES = 400
NOT_ENGLISH = "not annotated"  # how the note on an article in another language begins


@dataclass
class Parsed:
    """An article between its parse and its framing: what annotate_facts found, and the bias model's work in progress."""

    article: Article
    doc: Doc
    sentences: list[tuple[int, int]]
    entities: list[Entity]
    assessed: Future[tuple[list[SentenceBias], np.ndarray]]


class BiasThread:
    """The background thread that runs the bias model: `submit` queues an article, the thread encodes every article
    queued at once (up to POOLED_SENTENCES sentences), and each article's Future gets its verdicts and vectors.

    An article's result is the same whatever it is batched with; when a pass fails, its articles are assessed again
    one at a time, so only the article at fault gets the exception. `close` lets the queued work finish;
    `close(cancel_queued=True)`, for a stream stopped early (an interrupt, a consumer that stops reading), cancels it
    and waits only for the pass under way, so that Ctrl-C stops a run in seconds, not after every queued article.
    """

    def __init__(self, models: Models) -> None:
        self.models = models
        self.waiting: deque[tuple[Article, list[tuple[int, int]], Future[tuple[list[SentenceBias], np.ndarray]]]] = deque()
        self.condition = threading.Condition()
        self.closed = False
        self.thread = threading.Thread(target=self.run, name="newsprism-bias", daemon=True)
        self.thread.start()

    def submit(self, article: Article, spans: list[tuple[int, int]]) -> Future[tuple[list[SentenceBias], np.ndarray]]:
        future: Future[tuple[list[SentenceBias], np.ndarray]] = Future()
        with self.condition:
            self.waiting.append((article, spans, future))
            self.condition.notify()
        return future

    def close(self, cancel_queued: bool = False) -> None:
        with self.condition:
            self.closed = True
            while cancel_queued and self.waiting:
                self.waiting.popleft()[2].cancel()
            self.condition.notify()
        self.thread.join()

    def run(self) -> None:
        while True:
            with self.condition:
                while not self.waiting and not self.closed:
                    self.condition.wait()
                if not self.waiting:
                    return
                taken = [self.waiting.popleft()]
                sentences = len(taken[0][1])
                while self.waiting and sentences + len(self.waiting[0][1]) <= POOLED_SENTENCES:
                    taken.append(self.waiting.popleft())
                    sentences += len(taken[-1][1])
            try:
                results = assess_articles(self.models, [(article, spans) for article, spans, _ in taken])
            except Exception:  # noqa: BLE001 - assessed again one at a time below, so only the article at fault fails
                for article, spans, future in taken:
                    try:
                        future.set_result(assess_article(self.models, article, spans))
                    except Exception as error:  # noqa: BLE001 - handed to the article's Future, as an executor would
                        future.set_exception(error)
                continue
            for (_, _, future), result in zip(taken, results, strict=True):
                future.set_result(result)


def annotate(article: Article, doc: Doc, models: Models) -> None:
    """Fill one article's annotations and its `prepared` from the parse of its body (no background thread)."""
    spans, entities = annotate_facts(article, doc)
    assessments, vectors = assess_article(models, article, spans)
    finish(models, article, doc, spans, entities, assessments, vectors)


def annotate_facts(article: Article, doc: Doc) -> tuple[list[tuple[int, int]], list[Entity]]:
    """Entities, quotes and times; returns the sentence spans and the article's entity table."""
    mentions, entities = find_entities(doc)
    article.entities = mentions
    article.quotes = find_quotes(doc)
    article.times = find_times(doc, article.reference_date)
    return sentence_spans(doc), entities


def finish(
    models: Models,
    article: Article,
    doc: Doc,
    spans: list[tuple[int, int]],
    entities: list[Entity],
    assessments: list[SentenceBias],
    vectors: np.ndarray,
) -> None:
    """Framing (it reads the quotes: words inside them are the speakers'), then what the story stages keep."""
    article.framing = frame_article(models, article, doc, spans, assessments)
    article.prepared = Prepared(
        parse=pack_parse(doc), sentences=spans, vectors=pack_vectors(vectors), entities=entities, labels=actor_labels(article, doc)
    )


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


def annotate_stream(
    items: Iterable[Article | InputError], models: Models, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Article | InputError]:
    """Every article annotated, in order, each yielded as soon as it is done; InputErrors pass through as they come.

    An article prepared before (it has `prepared`) passes through as it is.
    An article whose annotation fails is yielded with its clean body and
    metadata and empty annotations, after the ProcessingFailed that says why:
    nothing already processed is lost, and the stream goes on.
    """
    errors: deque[InputError] = deque()
    done: deque[Article] = deque()

    def to_parse() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
            elif item.prepared is not None:
                done.append(item)
            elif not in_english(item, models):
                done.append(item)  # kept with its body and metadata: the annotators read English only
            else:
                yield item

    def ready() -> Iterator[Article | InputError]:
        while errors:
            yield errors.popleft()
        while done:
            yield done.popleft()

    # In input order: articles waiting for the bias thread, and failed ones (their error, then the bare article).
    pending: deque[Parsed | list[Article | InputError]] = deque()
    bias_thread = BiasThread(models)
    stopped_early = True
    try:
        for article, doc in parse_stream(models, to_parse(), settings.processes):
            yield from ready()
            if isinstance(doc, Exception):
                pending.append(list(failed(article, "parse", doc)))
            else:
                try:
                    spans, entities = annotate_facts(article, doc)
                    pending.append(Parsed(article, doc, spans, entities, bias_thread.submit(article, spans)))
                except Exception as error:  # noqa: BLE001 - one article's bug must not stop the run
                    pending.append(list(failed(article, "annotation", error)))
            # Finish what the bias thread is done with (the first article goes out early); wait only when too far ahead.
            while pending and (len(pending) > LOOKAHEAD or isinstance(pending[0], list) or pending[0].assessed.done()):
                yield from finished(models, pending.popleft())
        while pending:
            yield from ready()
            yield from finished(models, pending.popleft())
        yield from ready()
        stopped_early = False
    finally:
        bias_thread.close(cancel_queued=stopped_early)


def in_english(article: Article, models: Models) -> bool:
    """Sets the article's `language`; True when it is English or undecided (and so is annotated), else False, with a
    note on the article saying why it was not annotated."""
    article.language = detect_language(models.languages, article.body)
    if article.language in (ENGLISH, None):
        return True
    article.notes.append(f"{NOT_ENGLISH}: in {language_name(article.language)} ({article.language}); the annotators read English only")
    return False


def finished(models: Models, entry: Parsed | list[Article | InputError]) -> Iterator[Article | InputError]:
    """One article out of the pipeline: framed and prepared, or its failure and the bare article."""
    if isinstance(entry, list):
        yield from entry
        return
    try:
        assessments, vectors = entry.assessed.result()
        finish(models, entry.article, entry.doc, entry.sentences, entry.entities, assessments, vectors)
    except Exception as error:  # noqa: BLE001 - one article's bug must not stop the run
        yield from failed(entry.article, "annotation", error)
        return
    yield entry.article


def failed(article: Article, step: str, error: Exception) -> Iterator[Article | InputError]:
    """The error that says why an article could not be annotated, then the article without annotations."""
    article.entities, article.quotes, article.times, article.framing, article.prepared = [], [], [], Framing(), None
    yield ProcessingFailed(article.source, f"{step} failed ({type(error).__name__}: {error}); please report it")
    yield article


def parse_stream(models: Models, articles: Iterable[Article], processes: int = 1) -> Iterator[tuple[Article, Doc | Exception]]:
    """Each article with the parse of its body, in order, through `nlp.pipe` batches (`processes` > 1 forks workers).

    A batch that fails is parsed again one body at a time, so only the body at
    fault comes out as its exception; a new pipe then takes the rest. The
    language pipeline is loaded only when a first article comes to be parsed.
    """
    remaining = iter(articles)
    first = next(remaining, None)
    if first is None:
        return
    remaining = chain([first], remaining)
    nlp = models.nlp
    in_flight: deque[Article] = deque()

    def bodies() -> Iterator[str]:
        for article in remaining:
            in_flight.append(article)
            yield article.body

    while True:
        try:
            for doc in nlp.pipe(bodies(), batch_size=PARSE_BATCH, n_process=processes):
                yield in_flight.popleft(), doc
            return
        except Exception:  # noqa: BLE001 - spaCy raises many types; the bodies in flight are parsed alone below
            while in_flight:
                article = in_flight.popleft()
                try:
                    yield article, nlp(article.body)
                except Exception as error:  # noqa: BLE001 - this body is the one at fault
                    yield article, error


__all__ = ["annotate", "annotate_stream", "sentence_spans"]
