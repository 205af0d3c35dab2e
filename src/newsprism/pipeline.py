"""The whole system, stage by stage: read this file to see what newsprism does, in order.

    ingest     paths, globs, stdin         -> RawDocument       (newsprism.ingest)
    clean      page dump / HTML / record   -> Article           (newsprism.clean)
    settle     the run's articles together -> reference dates   (newsprism.clean.dates)
    annotate   entities, quotes, times (spaCy) and framing: loaded
               terms, editorializing, a bias verdict per sentence   (newsprism.annotate)
    link       one id per entity across the run's articles      (newsprism.compare.entities)
    compare    statements -> embeddings -> claims aligned across outlets, their
               conflicts, quotes merged across outlets, coverage,
               framing compared across outlets                  (newsprism.compare)
    synthesize timeline and brief from the claims                (newsprism.synthesize)
    render     JSON / Markdown / HTML                            (newsprism.render)

Stages are plain functions over the data model (newsprism.model). Only
ingest, the CLI, the store, the service and the batch layer do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsprism.annotate import annotate_articles
from newsprism.clean import clean_document
from newsprism.clean.dates import settle_reference_dates
from newsprism.compare import link_entities
from newsprism.compare.claims import build_claims, link_claim_quotes, pair_scores
from newsprism.compare.conflicts import find_conflicts
from newsprism.compare.coverage import outlet_coverage
from newsprism.compare.embeddings import embed
from newsprism.compare.framing import compare_framing
from newsprism.compare.provenance import merge_quotes
from newsprism.compare.statements import clause_statements, contextual_texts, find_statements
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import InputError, ProcessingFailed
from newsprism.ingest import iter_documents
from newsprism.model import Article, RawDocument, Story
from newsprism.synthesize import build_timeline, write_brief


def run(
    inputs: Iterable[str],
    settings: Settings = DEFAULT_SETTINGS,
    on_document: Callable[[], None] | None = None,
    exclude: Iterable[Path] = (),
    compare: bool = True,
) -> Iterator[InputError | Story]:
    """Every input through every stage: yields an InputError per bad document as it occurs, then the Story.

    The documents of one call are one run, taken to be one story: reference
    dates are settled together (an undated page takes its month from its
    peers) and entities get one id across all articles. `on_document` is
    called once per document read (for progress displays); files in
    `exclude` (the run's own output file) are not read. With `compare`
    False the story stops after entity linking (what `extract` needs).
    """
    articles: list[Article] = []
    for item in iter_documents(inputs, settings, exclude):
        if on_document:
            on_document()
        if isinstance(item, InputError):
            yield item
            continue
        try:
            articles.append(clean_document(item, settings))
        except InputError as error:
            yield error
        except Exception as error:  # noqa: BLE001 - one document's bug must not stop the run
            yield ProcessingFailed(item.source, f"internal error ({type(error).__name__}: {error}); please report it")
    yield from story_of(articles, settings, compare)


def story_of(articles: list[Article], settings: Settings = DEFAULT_SETTINGS, compare: bool = True) -> Iterator[InputError | Story]:
    """The per-run stages over cleaned articles: annotation errors, then the Story."""
    settle_reference_dates(articles)
    yield from annotate_articles(articles, settings)
    story = Story(articles=articles, entities=link_entities(articles))
    if compare:
        compare_articles(story)
    for article in articles:
        article.keep_parse(None)  # the parses served the story stages; a big run must not hold them all
    yield story


def compare_articles(story: Story) -> None:
    """The story-level stages: claims with their conflicts, quotes across outlets, coverage, framing, timeline, brief."""
    statements = find_statements(story.articles)
    statements += clause_statements(statements)  # "the carrier that ran aground ...": a second fact of a sentence
    contextual = contextual_texts(statements)  # short statements read with a neighbour, too
    vectors = embed([statement.compared_text for statement in statements] + [text for _, text in contextual])
    plain, with_neighbour = vectors[: len(statements)], vectors[len(statements) :]
    scores = pair_scores(statements, plain, [(index, vector) for (index, _), vector in zip(contextual, with_neighbour, strict=True)])
    story.claims, members = build_claims(statements, scores)
    for claim, group in zip(story.claims, members, strict=True):
        claim.conflicts = find_conflicts(group)
    story.quotes, quote_ids = merge_quotes(story.articles)
    link_claim_quotes(story.claims, members, quote_ids)
    story.coverage = outlet_coverage(story.articles, story.claims, story.quotes)
    story.framing = compare_framing(story.articles, story.entities)
    story.timeline = build_timeline(story.claims)
    story.brief = write_brief(story.articles, story.claims, members)


def extract(
    inputs: Iterable[str],
    settings: Settings = DEFAULT_SETTINGS,
    on_document: Callable[[], None] | None = None,
    exclude: Iterable[Path] = (),
) -> Iterator[Article | InputError]:
    """Every input as an annotated Article, or as the InputError that says why it could not be one (see `run`)."""
    for item in run(inputs, settings, on_document, exclude, compare=False):
        if isinstance(item, Story):
            yield from item.articles
        else:
            yield item


def analyze_documents(raws: Iterable[RawDocument], settings: Settings = DEFAULT_SETTINGS) -> Story:
    """Library use: already-built RawDocuments -> one Story (a bad document raises its InputError)."""
    articles = [clean_document(raw, settings) for raw in raws]
    for item in story_of(articles, settings):
        if isinstance(item, Story):
            return item
        raise item
    raise AssertionError("story_of always ends with a Story")
