"""Quality gates for the story layer: claims, conflicts and the brief, on the seeds and on our fictional example.

The seed checks are the ones the issue names (which facts come out as one
claim with all the outlets that report them, which stay single-source); the
example's planted conflicts come from its answer key.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from newsprism.model import Article, Claim, Story
from tests.conftest import EXAMPLES, analyzed

EXAMPLE = EXAMPLES / "port-veyra-grounding"
ANSWER_KEY = json.loads((EXAMPLES / "port-veyra-grounding.expected.json").read_text(encoding="utf-8"))


def seed_numbers(story: Story) -> dict[str, int]:
    """Article id -> seed number (000..004), from the file name."""
    return {article.id: int(Path(article.source).name[:3]) for article in story.articles}


def claims_with(story: Story, pattern: str) -> list[Claim]:
    """The claims with a source sentence matching `pattern`."""
    return [claim for claim in story.claims if any(re.search(pattern, s.text) for s in claim.sources)]


def one_claim_for(story: Story, patterns: dict[int, str]) -> Claim:
    """The one claim holding, for each seed number, a sentence of that seed matching its pattern."""
    numbers = seed_numbers(story)
    for claim in story.claims:
        found = {numbers[s.article] for s in claim.sources for n, p in patterns.items() if numbers[s.article] == n and re.search(p, s.text)}
        if found == set(patterns):
            return claim
    raise AssertionError(f"no claim holds all of {patterns}")


def test_seed_facts_reported_by_several_outlets_are_one_claim_each(seeds_dir: Path) -> None:
    story = analyzed(str(seeds_dir))
    # The mutual-aid pledge, in three wordings.
    pledge = one_claim_for(story, {0: r"mutual aid", 2: r"each other.s aid", 3: r"help the other if it.s attacked"})
    assert pledge.support >= 3
    # The trip on to Vietnam, and apart from it the first visit to Pyongyang in 24 years: two facts about one man.
    # The fourth seed tells the trip in an aside: "Putin, who spent the week on a tour of Asian nations including Vietnam, met Kim".
    trip = one_claim_for(story, {0: r"visited Vietnam", 2: r"flown to Vietnam", 3: r"including Vietnam"})
    assert trip.support >= 3
    assert not any("24 years" in source.text for source in trip.sources)
    rare_visit = one_claim_for(story, {1: r"24 years", 4: r"24 years"})
    assert rare_visit.support >= 2
    assert not any(re.search(r"visited Vietnam|flown to Vietnam", source.text) for source in rare_visit.sources)
    # The White House spokesman's deepening-relationship quote.
    assert one_claim_for(story, {2: r"deepening relationship", 4: r"deepening relationship"}).support >= 2
    # The warning shots at the border.
    assert one_claim_for(story, {3: r"warning shots", 4: r"warning shots"}).support >= 2
    # The munitions shipments.
    assert one_claim_for(story, {0: r"munitions", 2: r"munitions", 4: r"artillery shells"}).support >= 3


def test_seed_single_source_facts_stay_single_source(seeds_dir: Path) -> None:
    story = analyzed(str(seeds_dir))
    for pattern in (r"90 minutes", r"30,000"):
        claims = claims_with(story, pattern)
        assert claims and all(claim.support == 1 for claim in claims), pattern
    # The 11,000 containers belong to the munitions claim, but no other outlet gives that figure
    # and nothing conflicts with it.
    (containers,) = claims_with(story, r"11,000")
    assert sum("11,000" in source.text for source in containers.sources) == 1
    assert not containers.conflicts


def test_a_seed_copy_with_a_changed_number_is_a_conflict(seeds_dir: Path, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(seeds_dir, pages)
    original = next(pages.glob("000_*.txt"))
    text = original.read_text(encoding="utf-8")
    assert "11,000 containers" in text and "God's World News" in text
    copy = text.replace("11,000 containers", "1,000 containers").replace("God's World News", "Copydesk Gazette")
    (pages / "005_copy.txt").write_text(copy, encoding="utf-8")
    story = analyzed(str(pages))
    conflicts = [c for claim in claims_with(story, r"1,000 containers") for c in claim.conflicts if c.kind == "number"]
    assert conflicts, "the changed figure is not reported"
    values = {(v.outlet, v.value) for v in conflicts[0].values}
    assert ("God's World News", "11000 container") in values
    assert ("Copydesk Gazette", "1000 container") in values


def test_a_plain_copy_of_a_seed_with_a_changed_date_is_a_conflict(seeds_dir: Path, tmp_path: Path) -> None:
    """The copy keeps its outlet's name: two articles of one outlet may still disagree, and support counts the outlet once."""
    pages = tmp_path / "pages"
    shutil.copytree(seeds_dir, pages)
    original = next(pages.glob("003_*.txt"))
    text = original.read_text(encoding="utf-8")
    assert "On June 20, South Korean troops" in text
    (pages / "005_copy.txt").write_text(text.replace("On June 20, South Korean troops", "On June 21, South Korean troops"), encoding="utf-8")
    story = analyzed(str(pages))
    (shots,) = [claim for claim in claims_with(story, r"June 21, South Korean") if any(c.kind == "date" for c in claim.conflicts)]
    values = {v.value for c in shots.conflicts if c.kind == "date" for v in c.values}
    assert {"2024-06-20", "2024-06-21"} <= values
    outlets = {article.id: article.reporting_outlet for article in story.articles}
    assert shots.support == len({outlets[source.article] for source in shots.sources}), "support counts outlets"


def conflict_matches(values: dict[str, str], wanted: dict[str, str]) -> bool:
    """At least one outlet on each side of the expected disagreement, each with its expected value."""
    hits = {outlet: value for outlet, value in values.items() if outlet in wanted}
    agree = all(value.split(" ")[0] == wanted[outlet] for outlet, value in hits.items())
    return agree and len({wanted[outlet] for outlet in hits}) == len(set(wanted.values()))


def test_the_conflicts_planted_in_the_example_are_found() -> None:
    story = analyzed(str(EXAMPLE))
    found = [conflict for claim in story.claims for conflict in claim.conflicts]
    for expected in ANSWER_KEY["conflicts"]:
        wanted = {outlet: re.sub(r"^P(\d+)Y$", r"\1", str(value)) for outlet, value in expected["normalized"].items()}
        assert any(conflict_matches({v.outlet or "": v.value for v in c.values}, wanted) for c in found), expected["what"]


def test_the_example_has_no_false_conflicts() -> None:
    story = analyzed(str(EXAMPLE))
    # The Courier's salvors "plan a first attempt to refloat the ship on Friday": the coming Friday, as the Sentinel says.
    refloating = [c for claim in claims_with(story, r"refloat") for c in claim.conflicts if c.kind == "date"]
    assert not refloating, [(v.outlet, v.text, v.value) for c in refloating for v in c.values]
    # Every outlet names the same two signatories: no participant conflict; and nothing beyond the answer key.
    found = [conflict for claim in story.claims for conflict in claim.conflicts]
    assert not [c for c in found if c.kind == "participant"]
    for conflict in found:
        values = {v.outlet or "": v.value for v in conflict.values}
        assert any(
            conflict_matches(values, {o: re.sub(r"^P(\d+)Y$", r"\1", str(v)) for o, v in expected["normalized"].items()})
            for expected in ANSWER_KEY["conflicts"]
        ), [(v.outlet, v.text, v.value) for v in conflict.values]


def test_the_seeds_have_no_participant_conflicts(seeds_dir: Path) -> None:
    story = analyzed(str(seeds_dir))
    assert not [c for claim in story.claims for c in claim.conflicts if c.kind == "participant"]


def test_an_example_copy_with_a_changed_signatory_is_a_participant_conflict(tmp_path: Path) -> None:
    pages = tmp_path / "example"
    shutil.copytree(EXAMPLE, pages)
    courier = pages / "veyra-courier.txt"
    text = courier.read_text(encoding="utf-8")
    assert "Maritime Affairs, Ilona Varesh" in text and "Ms. Varesh" in text
    courier.write_text(
        text.replace("Maritime Affairs, Ilona Varesh", "Maritime Affairs, Mirela Dovan").replace("Ms. Varesh", "Ms. Dovan"), encoding="utf-8"
    )
    story = analyzed(str(pages))
    conflicts = [c for claim in story.claims for c in claim.conflicts if c.kind == "participant"]
    assert len(conflicts) == 1, [[(v.outlet, v.value) for v in c.values] for c in conflicts]
    values = {(v.outlet, v.value) for v in conflicts[0].values}
    assert ("The Veyra Courier", "Mirela Dovan and Teodor Marrick") in values
    assert ("The Kessarian Clarion", "Ilona Varesh and Teodor Marrick") in values


def brief_checks(story: Story) -> None:
    articles: dict[str, Article] = {article.id: article for article in story.articles}
    claims = {claim.id: claim for claim in story.claims}
    assert 1 <= len(story.brief) <= 10
    for sentence in story.brief:
        assert sentence.sources, sentence.text
        markers = [int(n) for n in re.findall(r"\[(\d+)\]", sentence.text)]
        assert markers and {story.articles[n - 1].id for n in markers} == set(sentence.sources)
        claim = claims[sentence.claim or ""]
        claim_articles = {source.article for source in claim.sources}
        assert set(sentence.sources) <= claim_articles, "a cited outlet does not report the claim"
        if sentence.text.startswith("Reports differ"):
            # Each quoted value is written in the articles cited with it.
            for value, cited in re.findall(r"“([^”]+)” \(([^)]*\))", sentence.text):
                phrase = re.sub(r" \(\d+ \w+ \d{4}\)$", "", value)
                for n in re.findall(r"\[(\d+)\]", cited):
                    assert phrase in story.articles[int(n) - 1].body
        else:
            # The sentence, without its citations and added calendar dates, is a source's own words.
            plain = re.sub(r" ?(\[\d+\])+", "", sentence.text)
            plain = re.sub(r" \(\d{1,2} [A-Z][a-z]+ \d{4}\)", "", plain)
            assert any(plain.rstrip(".!?") in articles[a].body for a in sentence.sources), sentence.text


def test_every_brief_sentence_cites_sources_that_hold_it(seeds_dir: Path) -> None:
    brief_checks(analyzed(str(seeds_dir)))
    brief_checks(analyzed(str(EXAMPLE)))


def test_the_example_brief_states_its_conflicts() -> None:
    story = analyzed(str(EXAMPLE))
    stated = [s.text for s in story.brief if s.text.startswith("Reports differ")]
    assert stated and len(story.brief) <= 10
    assert any(claim.support >= 4 for claim in story.claims)


def test_the_example_brief_neither_repeats_nor_takes_loaded_wording() -> None:
    story = analyzed(str(EXAMPLE))
    articles = {article.id: article for article in story.articles}
    claims = {claim.id: claim for claim in story.claims}
    shown: list[tuple[str, int, int]] = []
    for sentence in story.brief:
        if sentence.text.startswith("Reports differ"):
            continue
        claim = claims[sentence.claim]
        source = next(source for source in claim.sources if source.text == claim.text)
        assert (source.article, source.start, source.end) not in shown, f"repeated: {claim.text}"
        shown.append((source.article, source.start, source.end))
        loaded = [t.text for t in articles[source.article].framing.loaded if t.voice == "outlet" and source.start <= t.start < source.end]
        # The Clarion and the Sentinel load their wording; every fact of the brief is also told plainly by another outlet.
        assert not loaded, f"{claim.text} carries {loaded}"


@pytest.mark.parametrize("key", ["timeline", "coverage", "quotes"])
def test_the_example_story_has_its_other_sections(key: str) -> None:
    story = analyzed(str(EXAMPLE))
    assert getattr(story, key)
    if key == "timeline":
        dates = [entry.date for entry in story.timeline]
        assert dates == sorted(dates)
        assert any(entry.date == "2025-02-28" and len({s.article for s in entry.sources}) >= 3 for entry in story.timeline)
    if key == "coverage":
        outlets = {c.outlet for c in story.coverage}
        assert "The Kessarian Clarion" in outlets
        clarion = next(c for c in story.coverage if c.outlet == "The Kessarian Clarion")
        assert clarion.exclusive and clarion.voices
