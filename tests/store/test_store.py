"""The store: what an ingest keeps, that it changes nothing the second time, grows stories, and finishes interrupted work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from newsprism import Article, InputError, Models, analyze_story, extract
from newsprism.errors import ConfigurationError
from newsprism.render.json import story_record
from newsprism.store import IngestSummary, Store
from newsprism.store.tables import StoredArticle, StoredStory
from tests.conftest import EXAMPLES, MODELS

GROUNDING = EXAMPLES / "port-veyra-grounding"
FERRY = EXAMPLES / "lake-orvell-ferry"


def ingest(store: Store, *inputs: Path) -> IngestSummary:
    results = list(store.ingest(list(inputs), models=MODELS))
    assert not [item for item in results if isinstance(item, InputError)]
    summary = results[-1]
    assert isinstance(summary, IngestSummary)
    return summary


def stored_results(store: Store) -> dict[str, str | None]:
    with store.sessions() as session:
        return {row.id: row.result for row in session.scalars(select(StoredStory))}


def test_a_stored_story_is_the_story_analyze_gives_for_the_same_articles(store: Store) -> None:
    summary = ingest(store, GROUNDING)
    assert (summary.new, summary.known, summary.stories_created) == (8, 0, 1)
    (listed,) = store.stories()
    stored = store.story(str(listed["id"]))
    assert stored is not None
    articles = [item for item in extract([GROUNDING], models=MODELS) if isinstance(item, Article)]
    assert story_record(stored) == story_record(analyze_story(articles, models=MODELS))
    assert listed["articles"] == 8 and listed["title"]


def test_each_stored_story_of_the_seeds_is_what_analyze_gives_for_its_articles(store: Store, seeds_dir: Path) -> None:
    ingest(store, seeds_dir)
    articles = {item.id: item for item in extract([seeds_dir], models=MODELS) if isinstance(item, Article)}
    listed = store.stories()
    assert sum(int(str(story["articles"])) for story in listed) == len(articles)
    for story in listed:  # a seed dated nine months after the others is a story of its own (the window is a week)
        shown = store.story(str(story["id"]))
        assert shown is not None
        analysed = analyze_story([articles[article.id] for article in shown.articles], models=MODELS)
        assert story_record(shown) == story_record(analysed)


def test_ingesting_again_changes_nothing_and_new_coverage_grows_only_its_story(store: Store) -> None:
    ingest(store, GROUNDING)
    before = stored_results(store)
    again = ingest(store, GROUNDING)
    assert (again.new, again.known, again.stories_created, again.stories_updated) == (0, 8, 0, 0)
    assert stored_results(store) == before and store.article_count() == 8
    ferry = ingest(store, FERRY)
    assert (ferry.new, ferry.stories_created, ferry.stories_updated) == (3, 1, 0)
    after = stored_results(store)
    assert {key: after[key] for key in before} == before  # the grounding's story was not analysed again
    (ferry_story,) = (story for story in store.stories() if story["articles"] == 3)
    shown = store.story(str(ferry_story["id"]))
    assert shown is not None and [text.outlets for text in shown.shared_texts] == [["Orvell Herald", "Tessing Daily"]]


def test_the_next_ingest_finishes_what_an_interrupted_one_left(store: Store) -> None:
    run = ingest(store).run  # an empty ingest, for a run to file the articles under
    for article in (item for item in extract([FERRY], models=MODELS) if isinstance(item, Article)):
        assert store.keep(article, run)  # prepared and committed, then the process died before placing them
    with store.sessions() as session:
        assert session.scalars(select(StoredArticle.story)).all() == [None, None, None]
    finished = ingest(store)
    assert finished.stories_created == 1
    (story_id,) = [story["id"] for story in store.stories()]
    with store.sessions.begin() as session:  # a crash between placing and analysing leaves the story stale
        session.execute(update(StoredStory).values(stale=True, result=None))
    ingest(store)
    assert store.story(str(story_id)) is not None


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="not a database URL"):
        Store("no such scheme")
    command = [sys.executable, "-m", "newsprism", "stories", "--db", f"sqlite:///{tmp_path / 'missing' / 'x.db'}"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and "cannot open the database" in result.stderr


def test_a_known_article_is_turned_down_before_it_is_annotated(store: Store) -> None:
    ingest(store, FERRY)
    unparsed = Models()  # another process, as it were: it must never need the language pipeline
    results = list(store.ingest([FERRY], models=unparsed))
    summary = results[-1]
    assert isinstance(summary, IngestSummary) and (summary.new, summary.known) == (0, 3)
    assert unparsed._nlp is None


def test_messages_show_the_database_url_without_its_password(store: Store) -> None:
    if "@" in store.url:  # PostgreSQL, with the test role's password
        assert ":***@" in store.shown_url and "newsprism:newsprism@" not in store.shown_url
    else:
        assert store.shown_url == store.url


def test_the_migrations_make_exactly_the_tables_the_code_declares(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from newsprism.store.tables import Table

    engine = store.sessions.kw["bind"]
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Table.metadata)
    assert differences == []
