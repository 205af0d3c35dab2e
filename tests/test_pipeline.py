"""The three library calls: prepare depends on its document alone, analyze_story on what the articles carry.

The round trip is the contract the store, the service and the batch layer build
on: an Article written to JSON and read back gives the same Story as the fresh
one, in a process that never loads the language pipeline (nothing is parsed again).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsprism import Article, InputError, Models, Story, analyze_story, extract, group, prepare, run
from newsprism.cluster import ClusterState, founder, story_id
from newsprism.model import RawDocument
from newsprism.render.json import story_record
from tests.conftest import EXAMPLES, FICTIONAL_DUMP, MODELS


def prepared(folder: Path) -> list[Article]:
    found = list(extract([folder], models=MODELS))
    assert all(isinstance(item, Article) for item in found), [item for item in found if isinstance(item, InputError)]
    return [item for item in found if isinstance(item, Article)]


def round_trip_equals_fresh(folder: Path) -> Story:
    articles = prepared(folder)
    fresh = analyze_story(articles, models=MODELS)
    elsewhere = Models()  # another process, as it were: its language pipeline is never loaded
    records = [json.loads(article.model_dump_json()) for article in articles]
    read_back = [item for item in extract(records, models=elsewhere) if isinstance(item, Article)]  # as analyze reads extract's output
    assert len(read_back) == len(articles)
    again = analyze_story(read_back, models=elsewhere)
    assert story_record(again) == story_record(fresh)
    assert elsewhere._nlp is None, "analyze_story parsed a text again"
    return fresh


def test_a_story_from_json_round_tripped_articles_is_the_fresh_one_on_the_example() -> None:
    story = round_trip_equals_fresh(EXAMPLES / "port-veyra-grounding")
    assert story.claims and story.entities and story.brief


def test_a_story_from_json_round_tripped_articles_is_the_fresh_one_on_the_seeds(seeds_dir: Path) -> None:
    story = round_trip_equals_fresh(seeds_dir)
    assert any(conflict for claim in story.claims for conflict in claim.conflicts) or story.claims


def test_analyze_story_leaves_its_articles_alone_and_gives_a_stable_id() -> None:
    articles = prepared(EXAMPLES / "port-veyra-grounding")
    before = [article.model_dump_json() for article in articles]
    story = analyze_story(articles, models=MODELS)
    assert [article.model_dump_json() for article in articles] == before
    again = analyze_story(list(reversed(articles)), models=MODELS)
    assert story.id == again.id and story.id.startswith("story-")
    first = founder(articles)  # the id is its founder's: the earliest dated article
    assert first.published is not None and all(article.published is None or article.published >= first.published for article in articles)
    assert analyze_story([first, *articles[-2:]], models=MODELS).id == story.id
    assert analyze_story([article for article in articles if article is not first], models=MODELS).id != story.id
    ids = [entity.id for entity in story.entities]
    assert len(ids) == len(set(ids))
    for article in story.articles:  # every mention points into the story's table
        assert {mention.entity for mention in article.entities} - {None} <= set(ids)


def test_prepare_takes_what_users_hold() -> None:
    from_text = prepare(FICTIONAL_DUMP, models=MODELS)
    assert "Lantern festival" in (from_text.headline or "") and from_text.source == "<text 1>"
    html = "<html><head><title>Ferry news</title></head><body><article><h1>Ferry back</h1><p>" + "The ferry to Lisca runs again. " * 20
    assert "ferry to Lisca" in prepare(html + "</p></article></body></html>", models=MODELS).body
    record = prepare({"id": "r1", "text": "The ferry to Lisca Island runs again from Monday, the harbour board said.", "outlet": "Norvale Mirror"},
                     models=MODELS)
    assert record.id == "r1" and record.outlet == "Norvale Mirror" and record.quotes
    assert record.prepared is not None and record.prepared.sentences
    with pytest.raises(InputError, match="no such file"):
        prepare(Path("no/such/page.txt"), models=MODELS)
    with pytest.raises(InputError, match="no article"):
        prepare("A few words only.", models=MODELS)


def test_an_article_s_dates_are_its_own_until_the_story_settles_them() -> None:
    """An undated page read with another story's page keeps its own (absent) date in extract; analyze settles it."""
    dated = RawDocument(id="d", source="d", kind="body", published=dt.date(2031, 3, 5),
                        content="The harbour board met on Tuesday and approved the new ferry timetable for Lisca Island.")
    undated = RawDocument(id="u", source="u", kind="body",
                          content="The ferry to Lisca Island ran again on Wednesday, the harbour board said after its meeting.")
    alone = prepare(undated, models=MODELS)
    together = [item for item in extract([dated, undated], models=MODELS) if isinstance(item, Article)]
    assert alone.reference_date is None and together[1].reference_date is None
    assert together[1].model_dump() == alone.model_dump()
    (story,) = (item for item in run([dated, undated], models=MODELS) if isinstance(item, Story))
    settled = story.articles[1]
    assert settled.reference_date == dt.date(2031, 3, 5)
    assert [time.value for time in settled.times if time.text == "Wednesday"] == ["2031-03-05"]


def test_group_finds_the_stories_of_a_mixed_stream_and_the_copies(stream: list[Article]) -> None:
    assert group([]) == []
    before = [article.model_dump_json() for article in stream]
    stories = group(stream)
    assert [article.model_dump_json() for article in stream] == before  # the articles given are left alone
    folders = [{Path(article.source.split(":")[0]).parent.name for article in story} for story in stories]
    assert sorted(map(sorted, folders)) == [["lake-orvell-ferry"], ["port-veyra-grounding"]]
    (ferry,) = (story for story in stories if "lake-orvell" in story[0].source)
    by_name = {Path(article.source).name: article for article in ferry}
    assert by_name["tessing-daily.txt"].duplicate_of == by_name["orvell-herald.txt"].id  # the same wire text, other furniture
    assert [article.duplicate_of for article in stream if article.duplicate_of] == []
    assert sum(article.duplicate_of is not None for story in stories for article in story) == 1
    assert {article.story for article in ferry} == {story_id(ferry)}
    reversed_ids = {article.story for story in group(list(reversed(stream))) for article in story}
    assert reversed_ids == {article.story for story in stories for article in story}


def test_group_continues_from_a_saved_state(stream: list[Article]) -> None:
    whole = {article.id: article.story for story in group(stream) for article in story}
    state = ClusterState()
    first = group(stream[:6], state=state)
    saved = ClusterState.model_validate_json(state.model_dump_json())  # as the store keeps it
    second = group(stream[6:], state=saved)
    assert saved.documents == len(stream) and saved.stories
    assert {article.id: article.story for story in first + second for article in story} == whole


def test_analyze_story_says_which_outlets_ran_the_same_text(stream: list[Article]) -> None:
    ferry = [article for article in stream if "lake-orvell" in article.source]
    story = analyze_story(ferry, models=MODELS)
    (shared,) = story.shared_texts
    assert shared.outlets == ["Orvell Herald", "Tessing Daily"]
    assert [article.duplicate_of for article in story.articles if article.duplicate_of] == [shared.original]


@pytest.fixture(scope="module")
def stream() -> list[Article]:
    """The two fictional stories of examples/ as one stream: the grounding's articles, then the ferry fire's."""
    return prepared(EXAMPLES / "port-veyra-grounding") + prepared(EXAMPLES / "lake-orvell-ferry")
