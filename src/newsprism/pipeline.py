"""The whole system, stage by stage: read this file to see what newsprism does, in order.

    ingest     paths, globs, stdin         -> RawDocument       (newsprism.ingest)
    clean      page dump / HTML / record   -> Article           (newsprism.clean)
    settle     the run's articles together -> reference dates   (newsprism.clean.dates)
    annotate   entities, quotes, times, framing per article     (coming: newsprism.annotate)
    compare    claims, conflicts, provenance per story           (coming: newsprism.compare)
    synthesize brief, timeline, graph                            (coming: newsprism.synthesize)
    render     JSON / Markdown / HTML                            (newsprism.render)

Stages are plain functions over the data model (newsprism.model). Only
ingest, the CLI, the store, the service and the batch layer do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsprism.clean import clean_document
from newsprism.clean.dates import settle_reference_dates
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import InputError, ProcessingFailed
from newsprism.ingest import iter_documents
from newsprism.model import Article, RawDocument

# Per-article stages after cleaning, in order. Each takes and returns an Article.
ARTICLE_STAGES: list[Callable[[Article], Article]] = []


def process_document(raw: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """One raw document through every per-article stage. Raises InputError for a bad document."""
    article = clean_document(raw, settings)
    for stage in ARTICLE_STAGES:
        article = stage(article)
    return article


def extract(
    inputs: Iterable[str],
    settings: Settings = DEFAULT_SETTINGS,
    on_document: Callable[[], None] | None = None,
    exclude: Iterable[Path] = (),
) -> Iterator[Article | InputError]:
    """Every input as an Article, or as the InputError that says why it could not be one.

    The articles of one call are one run: their reference dates are settled
    together (an undated page takes its month from its peers), so articles
    are yielded after the whole run is read; errors are yielded as they occur.
    `on_document` is called once per document read (for progress displays);
    files in `exclude` (the run's own output file) are not read.
    """
    articles: list[Article] = []
    for item in iter_documents(inputs, settings, exclude):
        if on_document:
            on_document()
        if isinstance(item, InputError):
            yield item
            continue
        try:
            articles.append(process_document(item, settings))
        except InputError as error:
            yield error
        except Exception as error:  # noqa: BLE001 - one document's bug must not stop the run
            yield ProcessingFailed(item.source, f"internal error ({type(error).__name__}: {error}); please report it")
    settle_reference_dates(articles)
    yield from articles


def extract_documents(raws: Iterable[RawDocument], settings: Settings = DEFAULT_SETTINGS) -> list[Article]:
    """Library use: already-built RawDocuments -> Articles (bad documents raise)."""
    articles = [process_document(raw, settings) for raw in raws]
    settle_reference_dates(articles)
    return articles
