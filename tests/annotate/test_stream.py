"""The annotation stream: a body spaCy refuses costs that body alone, and the others come out in order."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest
from spacy.tokens import Doc

from newsprism.annotate import annotate_stream, parse_stream, sentence_spans
from newsprism.annotate.framing import assess_article, assess_articles
from newsprism.errors import ProcessingFailed
from newsprism.model import Article
from newsprism.models import Models
from tests.conftest import MODELS

BODY = "The ferry to Lisca Island runs again from Monday, the harbour board said. Repairs to the pier took three weeks."


@contextmanager
def longest_text(characters: int) -> Iterator[None]:
    """spaCy's own length limit, lowered for a test so that a body of a few hundred characters is refused."""
    nlp = MODELS.nlp
    kept, nlp.max_length = nlp.max_length, characters
    try:
        yield
    finally:
        nlp.max_length = kept


def articles() -> list[Article]:
    return [Article(id=str(number), source=f"{number}.txt", body=body) for number, body in enumerate([BODY, BODY * 5, BODY + " It was cold."])]


def test_a_refused_body_fails_alone_and_the_batch_goes_on() -> None:
    with longest_text(len(BODY) * 2):
        parsed = list(parse_stream(MODELS, articles()))
    assert [article.id for article, _ in parsed] == ["0", "1", "2"]
    assert isinstance(parsed[0][1], Doc) and isinstance(parsed[2][1], Doc)
    assert isinstance(parsed[1][1], ValueError) and "E088" in str(parsed[1][1])


def test_the_stream_reports_the_failure_and_keeps_the_bare_article() -> None:
    with longest_text(len(BODY) * 2):
        out = list(annotate_stream(articles(), MODELS))
    failures = [item for item in out if isinstance(item, ProcessingFailed)]
    done = [item for item in out if isinstance(item, Article)]
    assert [failure.source for failure in failures] == ["1.txt"] and "parse failed" in failures[0].cause
    assert [article.id for article in done] == ["0", "1", "2"]
    assert done[0].prepared is not None and done[2].prepared is not None and done[0].quotes
    assert done[1].prepared is None and not done[1].entities


def test_the_bias_thread_gives_each_article_its_result_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles encoded in one pass get what each gets alone; a pass that fails costs only the article at fault."""
    import newsprism.annotate as annotate

    texts = articles()
    spans = [sentence_spans(MODELS.nlp(article.body)) for article in texts]
    alone = [assess_article(MODELS, article, article_spans) for article, article_spans in zip(texts, spans, strict=True)]
    pooled = assess_articles(MODELS, list(zip(texts, spans, strict=True)))
    for (assessments, vectors), (expected, expected_vectors) in zip(pooled, alone, strict=True):
        assert assessments == expected and np.array_equal(vectors, expected_vectors)

    def refuse(check: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(models: Models, given: Any, *rest: Any) -> Any:
            given_ids = [given.id] if isinstance(given, Article) else [article.id for article, _ in given]
            if "1" in given_ids:
                raise RuntimeError("refused")
            return check(models, given, *rest)

        return wrapped

    monkeypatch.setattr(annotate, "assess_articles", refuse(assess_articles))
    monkeypatch.setattr(annotate, "assess_article", refuse(assess_article))
    thread = annotate.BiasThread(MODELS)
    futures = [thread.submit(article, article_spans) for article, article_spans in zip(texts, spans, strict=True)]
    thread.close()
    assert isinstance(futures[1].exception(), RuntimeError)
    for index in (0, 2):
        assessments, vectors = futures[index].result()
        assert assessments == alone[index][0] and np.array_equal(vectors, alone[index][1])


def test_closing_the_bias_thread_early_cancels_the_queued_work_and_waits_for_the_pass_under_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stopped early (Ctrl-C) does not wait for every article still queued for the bias model."""
    import newsprism.annotate as annotate

    texts = articles()
    spans = [sentence_spans(MODELS.nlp(article.body)) for article in texts]
    release = threading.Event()

    def held(models: Models, given: Any) -> Any:
        release.wait(timeout=30)
        return assess_articles(models, given)

    monkeypatch.setattr(annotate, "assess_articles", held)
    thread = annotate.BiasThread(MODELS)
    under_way = thread.submit(texts[0], spans[0])
    deadline = time.monotonic() + 30
    while thread.waiting and time.monotonic() < deadline:  # the thread has taken the first article and holds it
        time.sleep(0.01)
    queued = [thread.submit(article, article_spans) for article, article_spans in zip(texts[1:], spans[1:], strict=True)]
    closer = threading.Thread(target=thread.close, kwargs={"cancel_queued": True})
    closer.start()
    while not all(future.cancelled() for future in queued) and time.monotonic() < deadline:
        time.sleep(0.01)
    release.set()
    closer.join(timeout=30)
    assert all(future.cancelled() for future in queued)
    assert under_way.result()[0] == assess_article(MODELS, texts[0], spans[0])[0]
