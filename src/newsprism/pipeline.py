"""The whole system, stage by stage: read this file to see what newsprism does, in order.

Three library calls do all the work, and everything else (`extract`, `run`,
the CLI; the store, the service and the batch layer to come) composes them:

    prepare         one document -> one annotated Article, independent of every other document
      ingest        paths, folders, globs, stdin, strings, records,
                    URLs, feeds, WARC files                          -> RawDocument  (newsprism.ingest)
      clean         page dump / HTML / record, body cut to length    -> Article      (newsprism.clean)
      annotate      the body's language; for English ones,
                    entities, quotes, times (spaCy) and framing: loaded terms, editorializing,
                    a bias verdict per sentence; keeps the parse and the sentence
                    vectors for the story stages (Article.prepared)                   (newsprism.annotate)
    group           Articles -> stories, in time order: near-duplicates (MinHash LSH),
                    then each article joins the best-matching open story
                    or starts one; the open stories are data a later
                    batch continues                                                   (newsprism.cluster)
    analyze_story   one story's Articles -> Story
      settle        reference dates against each other; the times of re-dated
                    articles resolved again from their kept parse                     (newsprism.clean.dates)
      link          one id per entity across the story's articles                    (newsprism.compare.entities)
      compare       statements -> vectors -> claims aligned across outlets, their
                    conflicts, quotes merged across outlets, coverage,
                    framing compared across outlets, the entity graph                 (newsprism.compare)
      synthesize    timeline and brief from the claims                                (newsprism.synthesize)
    render          JSON / Markdown / HTML                                            (newsprism.render)

Stages are plain functions over the data model (newsprism.model). What a
later stage needs from an earlier one travels in it, so an Article prepared
in one process (and written to JSON or a database) is analysed the same in
another, without being parsed again. Models are loaded once per process into
a `Models` object that the calls take (`Models.shared()` when given none).
Only ingest, the CLI, the store, the service and the batch layer do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from newsprism.annotate import annotate_stream
from newsprism.annotate.language_id import ENGLISH, language_name
from newsprism.annotate.times import find_times
from newsprism.clean import clean_document
from newsprism.clean.dates import settle_reference_dates
from newsprism.cluster import ClusterState, StoryMatcher, stories_of
from newsprism.cluster.duplicates import copied_from, shared_texts
from newsprism.cluster.order import story_id
from newsprism.compare import link_entities
from newsprism.compare.claims import PairScores, build_claims, link_claim_quotes, pair_scores
from newsprism.compare.conflicts import drop_repeated_conflicts, find_conflicts
from newsprism.compare.coverage import outlet_coverage
from newsprism.compare.embeddings import statement_vectors
from newsprism.compare.framing import compare_framing
from newsprism.compare.graph import entity_graph
from newsprism.compare.provenance import merge_quotes
from newsprism.compare.statements import Statement, clause_statements, contextual_texts, find_statements
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import InputError, ProcessingFailed
from newsprism.ingest import Input, iter_documents
from newsprism.model import Article, RawDocument, Story
from newsprism.models import Models
from newsprism.prepared import unpack_parse
from newsprism.progress import QUIET, Progress
from newsprism.synthesize import build_timeline, write_brief

# --- the three calls -------------------------------------------------------------------------------------------------


def prepare(document: Input, *, models: Models | None = None, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """One document -> one annotated Article: clean body, metadata, entities, quotes, times, framing, and `prepared`.

    `document` is a string of text or HTML (or a path), a JSON record
    ({id, text | html, url, outlet, title, published}), a RawDocument or
    bytes. The result depends on this document alone. Raises the InputError
    that says why the document holds no article, or holds several (use
    `extract` for files of many records).
    """
    found = list(extract([document], models=models, settings=settings))
    errors = [item for item in found if isinstance(item, InputError)]
    if errors:
        raise errors[0]
    if len(found) != 1:
        where = found[0].source if found and isinstance(found[0], Article) else "<document>"
        raise InputError(where, f"holds {len(found)} documents; prepare takes one (extract takes many)")
    article = found[0]
    assert isinstance(article, Article)
    return article


def group(
    articles: Iterable[Article], *, state: ClusterState | None = None, settings: Settings = DEFAULT_SETTINGS, progress: Progress = QUIET
) -> list[list[Article]]:
    """Articles -> stories: each story the list of the articles that cover it, in time order.

    Articles are read in time order; each joins the open story it matches
    best (by lede, names, people and figures) or starts one; a wire or
    syndicated copy joins its original's story. The articles returned are
    copies with `story` (the story's stable id) and `duplicate_of` set; the
    ones given are not changed. Pass `state` (a ClusterState, saved from an
    earlier batch) to continue that batch's open stories: it is updated in
    place. See newsprism.cluster for what is measured and the limits.
    """
    articles = list(articles)
    keys = unique_keys(articles)
    matcher = StoryMatcher(state, settings)
    placements = matcher.place(articles, keys, progress)
    if state is not None:
        for name, value in matcher.state():
            setattr(state, name, value)
    id_of = dict(zip(keys, (article.id for article in articles), strict=True))
    placed = [
        article.model_copy(update={"story": placement.story, "duplicate_of": original_id(placement.duplicate_of, id_of)})
        for article, placement in zip(articles, placements, strict=True)
    ]
    return list(stories_of(placed, placements).values())


def original_id(key: str | None, id_of: dict[str, str]) -> str | None:
    """The id of the article a key names (a key of an earlier batch is its article's id already)."""
    return None if key is None else id_of.get(key, key)


def unique_keys(articles: list[Article]) -> list[str]:
    """The articles' ids, a repeated one numbered ("id#2"), so each names one article of the stream."""
    seen: dict[str, int] = {}
    keys = []
    for article in articles:
        seen[article.id] = seen.get(article.id, 0) + 1
        keys.append(article.id if seen[article.id] == 1 else f"{article.id}#{seen[article.id]}")
    return keys


def analyze_story(articles: Iterable[Article], *, models: Models | None = None, settings: Settings = DEFAULT_SETTINGS) -> Story:
    """One story's prepared Articles -> the Story: dates settled, entities linked, claims, conflicts, quotes, coverage,
    framing, timeline and brief.

    The articles given are not changed: the Story holds copies, with
    story-wide entity ids and settled dates. Nothing is parsed again (each
    article's kept parse is read back); only the clauses the story reads on
    their own are encoded. An article whose annotation failed (no `prepared`)
    takes part with its metadata and text alone.
    """
    models = models or Models.shared()
    copies = [article.model_copy(deep=True) for article in articles]
    parses = [unpack_parse(article.prepared.parse, models.vocab) if article.prepared else None for article in copies]
    redated = {id(article) for article in settle_reference_dates(copies)}
    for article, doc in zip(copies, parses, strict=True):
        if id(article) in redated and doc is not None:
            article.times = find_times(doc, article.reference_date)  # relative days now resolve against the settled date
    copied = copied_from(copies)
    for article, original in zip(copies, copied, strict=True):
        article.duplicate_of = original
    placed = {article.story for article in copies}
    known = placed.pop() if len(placed) == 1 else None
    story = Story(id=known or story_id(copies), articles=copies, shared_texts=shared_texts(copies, copied), entities=link_entities(copies))
    for article in copies:
        article.story = story.id
    compare_story(story, parses, models)
    return story


def compare_story(story: Story, parses: list[Doc | None], models: Models) -> None:
    """The story-level stages: claims with their conflicts, quotes across outlets, coverage, framing, timeline, brief."""
    statements, scores = scored_statements(story.articles, parses, models)
    story.claims, members = build_claims(statements, scores)
    for claim, claim_statements in zip(story.claims, members, strict=True):
        claim.conflicts = find_conflicts(claim_statements)
    drop_repeated_conflicts(story.claims)
    story.quotes, quote_ids = merge_quotes(story.articles, models.encoder)
    link_claim_quotes(story.claims, members, quote_ids)
    story.coverage = outlet_coverage(story.articles, story.claims, story.quotes)
    story.framing = compare_framing(story.articles, story.entities)
    story.timeline = build_timeline(story.claims)
    story.brief = write_brief(story.articles, story.claims, members)
    story.graph = entity_graph(story)


def scored_statements(articles: list[Article], parses: list[Doc | None], models: Models) -> tuple[list[Statement], PairScores]:
    """The statements the story's claims are built from (sentences, and clauses that tell a second fact), with the
    score of every candidate pair (embeddings, shared words, entities, agreeing figures and days)."""
    statements = find_statements(articles, parses)
    statements += clause_statements(statements)  # "the carrier that ran aground ...": a second fact of a sentence
    contextual = contextual_texts(statements)  # short statements read with a neighbour, too
    plain, with_neighbour = statement_vectors(statements, [text for _, text in contextual], models.encoder)
    return statements, pair_scores(statements, plain, [(index, vector) for (index, _), vector in zip(contextual, with_neighbour, strict=True)])


# --- compositions ----------------------------------------------------------------------------------------------------


def extract(
    inputs: Iterable[Input],
    *,
    models: Models | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    progress: Progress = QUIET,
    exclude: Iterable[Path] = (),
    wanted: Callable[[Article], bool] | None = None,
    known_url: Callable[[str], bool] | None = None,
) -> Iterator[Article | InputError]:
    """`prepare` over every document the inputs hold: each Article (or the InputError of a document that holds none)
    as soon as it is done, so memory stays flat however many there are.

    Inputs are what `newsprism.ingest` reads: paths, folders, globs, "-" for
    stdin, strings of text or HTML, records, RawDocuments. Documents are
    batched through spaCy and the encoder, but no article depends on another:
    each is what `prepare` gives for it alone. Files in `exclude` (a run's own
    output) are not read. An article `wanted` turns down once cleaned (one a
    store holds already) is dropped before it is annotated, the costly part;
    a URL `known_url` knows (a page a store holds) is not even fetched.
    """
    models = models or Models.shared()
    documents = iter_documents(inputs, settings, exclude, progress.skipped, known_url)
    cleaned = (clean(document, settings, progress) for document in documents)
    if wanted is not None:
        cleaned = (item for item in cleaned if not isinstance(item, Article) or wanted(item))
    for item in annotate_stream(cleaned, models, settings):
        if isinstance(item, Article):
            progress.prepared()
            if item.prepared is None and item.language not in (None, ENGLISH):
                progress.noted(item.source, f"in {language_name(item.language)} ({item.language}): kept, not annotated (English only)")
        yield item


def clean(document: RawDocument | InputError, settings: Settings, progress: Progress) -> Article | InputError:
    """One document cleaned into an Article, or the InputError that says why it holds none."""
    progress.read()
    if isinstance(document, InputError):
        return document
    try:
        return clean_document(document, settings)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 - one document's bug must not stop the run
        return ProcessingFailed(document.source, f"internal error ({type(error).__name__}: {error}); please report it")


def run(
    inputs: Iterable[Input],
    *,
    models: Models | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    progress: Progress = QUIET,
    exclude: Iterable[Path] = (),
    stories: bool = False,
) -> Iterator[InputError | Story]:
    """Every input through every stage: an InputError per bad document as it occurs, then a Story per story.

    The inputs are read as the coverage of one story, or with `stories` as a
    stream of many (`group` finds them). A story whose analysis fails
    unexpectedly comes as its ProcessingFailed, and the next story goes on.
    """
    models = models or Models.shared()
    articles: list[Article] = []
    for item in extract(inputs, models=models, settings=settings, progress=progress, exclude=exclude):
        if isinstance(item, InputError):
            yield item
        else:
            articles.append(item)
    if stories:
        progress.stage("grouping", len(articles))
    for story in group(articles, settings=settings, progress=progress) if stories else [articles] if articles else []:
        progress.stage("comparing", len(story))
        try:
            yield analyze_story(story, models=models, settings=settings)
        except Exception as error:  # noqa: BLE001 - one story's bug must not stop the others
            yield ProcessingFailed(f"story {story_id(story)}", f"analysis failed ({type(error).__name__}: {error}); please report it")

