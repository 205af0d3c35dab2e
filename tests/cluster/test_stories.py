"""The online matcher: one story per event, time windows, a state that a later batch continues."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.cluster import ClusterState, StoryMatcher, cluster, stories_of, story_id, time_order
from newsprism.cluster import stories as matcher
from newsprism.cluster.features import event_year, features, main_year, what_grouping_reads
from newsprism.model import Article, Mention, Prepared
from newsprism.prepared import pack_vectors
from tests.conftest import MODELS

# Two events of one kind and an event of another, told in the words outlets use (fictional).
QUAKE_NORTH = [
    "A magnitude 6.1 earthquake struck near Varnholm in the Tessel valley on Monday, killing 14 people, officials in Brask said.",
    "Rescuers in Varnholm searched collapsed houses after the 6.1 quake in the Tessel valley; the toll rose to 19, Brask's civil defence said.",
    "Aid from Ostrava and Lenmark reached Varnholm, where the Tessel valley quake left 19 dead and 2,400 homeless.",
]
QUAKE_SOUTH = [
    "A magnitude 5.4 earthquake shook Calder Bay on the Merrow coast on Thursday; Governor Ilse Tamm said 3 people were hurt.",
    "Calder Bay schools stay closed after Thursday's 5.4 quake on the Merrow coast, Governor Ilse Tamm told reporters.",
]
VOTE = [
    "Voters in Dessaly re-elected Mayor Oren Kask with 54 percent, the Dessaly electoral board said on Sunday.",
    "Oren Kask thanked Dessaly's voters after winning 54 percent; his rival Petra Lind conceded on Sunday night.",
]

# Two title defences by one boxer, five years apart, on pages that state no date: the same champion, trainer and town.
DEFENCE_EARLY = [
    "Dario Velk kept his heavyweight title in Halden on Saturday, stopping Ruben Osk in the ninth round of the 2031 bout.",
    "Velk's trainer Ana Morr said the champion hurt his hand early against Osk but finished the 2031 defence in the ninth.",
    "Ruben Osk, beaten by Dario Velk in Halden, said he would fight again before 2032 ends.",
]
DEFENCE_LATE = [
    "Dario Velk defended his heavyweight title again in Halden, outpointing Teo Brandt over twelve rounds in 2036.",
    "Velk, trained as ever by Ana Morr, beat Teo Brandt on points in Halden to keep the belt he has held since 2030; 2036 was his ninth defence.",
]


def article(key: str, body: str, published: dt.date | None = None, people: tuple[str, ...] = ()) -> Article:
    """An article as `prepare` leaves it, as far as the matcher reads it: body, date, people and the lede's vector."""
    mentions = [Mention(text=name, label="PERSON", start=body.find(name), end=body.find(name) + len(name)) for name in people if name in body]
    prepared = Prepared(parse="", sentences=[(0, len(body))], vectors=pack_vectors(MODELS.encoder.embed([body])))
    return Article(id=key, source=f"{key}.txt", body=body, published=published, entities=mentions, prepared=prepared)


def stream(start: dt.date | None = dt.date(2031, 4, 7)) -> list[Article]:
    day = (lambda offset: start + dt.timedelta(days=offset)) if start else (lambda offset: None)
    items = [article(f"north-{n}", text, day(n)) for n, text in enumerate(QUAKE_NORTH)]
    items += [article(f"south-{n}", text, day(n), ("Ilse Tamm",)) for n, text in enumerate(QUAKE_SOUTH)]
    items += [article(f"vote-{n}", text, day(n + 1), ("Oren Kask", "Petra Lind")) for n, text in enumerate(VOTE)]
    return items


def partition(articles: list[Article], stories: list[str]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for item, story in zip(articles, stories, strict=True):
        by_story.setdefault(story, set()).add(item.id.split("-")[0])
    return {frozenset(events) for events in by_story.values()}


@pytest.mark.parametrize("start", [dt.date(2031, 4, 7), None])
def test_two_quakes_and_a_vote_are_three_stories_dated_or_not(start: dt.date | None) -> None:
    articles = stream(start)
    placements, _ = cluster(articles)
    stories = [placement.story for placement in placements]
    assert partition(articles, stories) == {frozenset({"north"}), frozenset({"south"}), frozenset({"vote"})}
    assert len(set(stories)) == 3
    reversed_placements, _ = cluster(list(reversed(articles)))
    assert sorted(placement.story for placement in reversed_placements) == sorted(stories)  # the same ids in any order


def test_a_story_closes_when_its_window_has_passed() -> None:
    first = article("a", QUAKE_NORTH[0], dt.date(2031, 4, 7))
    follow_up = article("b", QUAKE_NORTH[1], dt.date(2031, 4, 12))
    weeks_later = article("c", QUAKE_NORTH[2], dt.date(2031, 5, 20))
    placements, state = cluster([first, follow_up, weeks_later])
    assert placements[0].story == placements[1].story != placements[2].story
    assert [story.articles for story in state.stories] == [["c"]]  # only the open story is kept


def test_the_saved_state_continues_the_stories_and_keeps_the_ids() -> None:
    articles = stream()
    whole = {item.id: placement.story for item, placement in zip(articles, cluster(articles)[0], strict=True)}
    first_batch = [item for item in articles if item.published and item.published <= dt.date(2031, 4, 7)]
    second_batch = [item for item in articles if item not in first_batch]
    placed, state = cluster(first_batch)
    state = ClusterState.model_validate_json(state.model_dump_json())
    placed_later, state = cluster(second_batch, state)
    by_id = {item.id: placement.story for item, placement in zip(first_batch + second_batch, placed + placed_later, strict=True)}
    assert partition(first_batch + second_batch, [by_id[item.id] for item in first_batch + second_batch]) == partition(
        articles, [whole[item.id] for item in articles]
    )
    assert state.documents == len(articles)
    again, _ = cluster(first_batch, state)  # articles an earlier batch placed keep their stories
    assert [placement.story for placement in again] == [placement.story for placement in placed]


def test_story_ids_name_the_founder_and_order_puts_the_undated_first() -> None:
    articles = stream()
    undated = article("undated", QUAKE_NORTH[0] + " Updated.")
    order = time_order([*articles, undated])
    assert order[0] == len(articles)
    placements, _ = cluster(articles)
    north = [item for item, placement in zip(articles, placements, strict=True) if item.id.startswith("north")]
    assert placements[0].story == story_id(north) == story_id(list(reversed(north)))
    grouped = stories_of(articles, placements)
    assert [item.id for item in grouped[placements[0].story]] == ["north-0", "north-1", "north-2"]


def test_keys_must_be_unique() -> None:
    with pytest.raises(ValueError, match="not unique"):
        StoryMatcher().place([article("x", VOTE[0]), article("x", VOTE[1])])


def test_grouping_reads_the_same_from_the_cut_down_article() -> None:
    articles = stream()
    slim = [what_grouping_reads(item) for item in articles]
    assert all(item.quotes == [] and item.framing.sentences == [] for item in slim)
    assert [placement.story for placement in cluster(slim)[0]] == [placement.story for placement in cluster(articles)[0]]


def test_the_year_written_most_often_places_an_undated_article() -> None:
    assert main_year("Elected in 2029, she ran again in 2033 and lost; 1,998 votes; flight 20081; 2035.5 km.") == 2033
    assert main_year("The 2031 final, first won by Lisca in 2024, sold out; the 2031 season ends with it.") == 2031
    assert main_year("No year here, only 14 dead and 2,400 homeless.") is None
    dated = article("dated", "The 2029 law was repealed.", dt.date(2034, 3, 2))
    assert event_year(dated) == 2034  # a stated date outweighs the years the text names
    assert event_year(article("undated", "The 2029 law was repealed.")) == 2029


def defences() -> list[Article]:
    items = [article(f"early-{n}", text, people=("Dario Velk", "Ruben Osk", "Ana Morr")) for n, text in enumerate(DEFENCE_EARLY)]
    return items + [article(f"late-{n}", text, people=("Dario Velk", "Teo Brandt", "Ana Morr")) for n, text in enumerate(DEFENCE_LATE)]


def test_two_events_of_one_kind_years_apart_are_told_apart_by_their_years(monkeypatch: pytest.MonkeyPatch) -> None:
    items = defences()
    placements, state = cluster(items)
    assert partition(items, [placement.story for placement in placements]) == {frozenset({"early"}), frozenset({"late"})}
    assert sorted(sorted(story.years.items()) for story in state.stories) == [[(2031, 2), (2032, 1)], [(2036, 2)]]
    monkeypatch.setattr(matcher, "YEAR_CONFLICT", 0.0)  # the names alone would merge them
    assert len({placement.story for placement in cluster(items)[0]}) == 1


def test_a_conflicting_year_costs_its_weight_per_article_and_survives_the_saved_state(monkeypatch: pytest.MonkeyPatch) -> None:
    items = defences()
    early = StoryMatcher()
    early.place(items[:3])
    story = early.stories[0]
    late, near = early.vectors(features(items[3])), early.vectors(features(article("near", DEFENCE_LATE[0].replace("2036", "2033"))))
    reloaded = StoryMatcher(ClusterState.model_validate_json(early.state().model_dump_json()))
    assert reloaded.stories[0].years == story.years == {2031: 2, 2032: 1}
    weight = matcher.YEAR_CONFLICT
    scores = early.score(late, story), early.score(near, story), reloaded.score(late, reloaded.stories[0])
    monkeypatch.setattr(matcher, "YEAR_CONFLICT", 0.0)
    assert scores[0] == pytest.approx(early.score(late, story) - weight * 3 / 3)  # 2036 lies far from all three
    assert scores[1] == pytest.approx(early.score(near, story) - weight * 2 / 3)  # 2033 from the two of 2031 only
    assert scores[2] == pytest.approx(scores[0], abs=1e-5)


# Two arrests of two players of one club in one week (fictional): the club, the city, the charge and the days are shared;
# only the person each report is about tells them apart.
ARREST_KORA = [
    "Orvik Rangers defender Sami Kora was arrested in Orvik on Tuesday on suspicion of drunk driving; Kora was released "
    "on bail, and the Rangers said Kora would train on Friday.",
    "Police in Orvik said Sami Kora failed a breath test on Tuesday; Kora, a Rangers defender, told the Orvik Courier "
    "he regretted it, and Rangers coach Ines Vale said Kora would be fined.",
]
ARREST_LAMB = [
    "Orvik Rangers striker Teo Lamb was arrested in Orvik on Thursday on suspicion of drunk driving, two days after teammate "
    "Kora; Lamb was released on bail, and the Rangers said Lamb would miss Friday's training.",
    "Police in Orvik said Teo Lamb failed a breath test on Thursday; Lamb, a Rangers striker, told the Orvik "
    "Courier he was sorry, and Rangers coach Ines Vale said Lamb would be fined.",
]


def arrests() -> list[Article]:
    day = dt.date(2031, 9, 2)
    items = [article(f"kora-{n}", text, day + dt.timedelta(days=n), ("Sami Kora", "Kora", "Ines Vale")) for n, text in enumerate(ARREST_KORA)]
    lamb = ("Teo Lamb", "Lamb", "Sami Kora", "Ines Vale")
    return items + [article(f"lamb-{n}", text, day + dt.timedelta(days=2 + n), lamb) for n, text in enumerate(ARREST_LAMB)]


def article_with_mentions(item: Article) -> Article:
    """`article` marks a name's first use only; a report on one person names them again and again."""
    import re

    names = {mention.text for mention in item.entities}
    mentions = [Mention(text=found.group(), label="PERSON", start=found.start(), end=found.end())
                for name in names for found in re.finditer(rf"\b{re.escape(name)}\b", item.body)]
    return item.model_copy(update={"entities": mentions})


def test_two_arrests_in_one_club_are_told_apart_by_whom_they_are_about(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [article_with_mentions(item) for item in arrests()]
    assert [features(item).protagonist for item in items] == ["kora", "kora", "lamb", "lamb"]
    placements, state = cluster(items)
    assert partition(items, [placement.story for placement in placements]) == {frozenset({"kora"}), frozenset({"lamb"})}
    reloaded = ClusterState.model_validate_json(state.model_dump_json())
    assert sorted(sorted(story.protagonists.items()) for story in reloaded.stories) == [[("kora", 2)], [("lamb", 2)]]
    monkeypatch.setattr(matcher, "PROTAGONIST_CONFLICT", 0.0)  # the club, the city and the charge alone would merge them
    assert len({placement.story for placement in cluster(items)[0]}) == 1


def test_no_protagonist_when_nobody_stands_out() -> None:
    quake = article_with_mentions(article("quake", QUAKE_SOUTH[0] + " " + QUAKE_SOUTH[1], people=("Ilse Tamm",)))
    assert features(quake).protagonist is None  # named twice: fewer than PROTAGONIST_MENTIONS
    recount = " ".join([*VOTE, *VOTE, "Petra Lind asked for a recount."])
    vote = article_with_mentions(article("vote", recount, people=("Oren Kask", "Petra Lind")))
    assert features(vote).protagonist is None  # Kask four times, Lind three: not PROTAGONIST_LEAD times as often
