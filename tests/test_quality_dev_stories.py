"""Quality gates on the real coverage of ../shared/eval/stories: five events, ten outlets each, with hand-made gold.

Each story folder is analysed as `newsprism analyze FOLDER` does and scored
by the shared scorer, as bench/stories_quality.py scores it; the brief's
citations are judged by the gold as bench/brief_citations.py judges them.
The floors sit at what the stories score today (see the README's figures),
so a change that loses a fact, a conflict or a quote fails here; raise them
as the figures improve.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from newsprism.model import Story
from newsprism.render.json import story_record
from tests.conftest import ROOT, SHARED, analyzed, load_bench

STORIES = SHARED / "eval" / "stories"
NAMES = ("crocus", "alaska", "titan", "morocco", "haneda")

# Floors: hits out of the gold counts (together 42, apart 23, single-source 25, conflicts 21, shared quotes 15).
FLOORS = {"together": 20, "apart": 22, "single": 23, "conflicts": 15, "quotes": 14}
MOST_FALSE_CONFLICTS = 1
LEAST_VERIFIED_CITATIONS = 0.92  # of the citations the gold judges


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    if not (STORIES / "gold.json").is_file():
        pytest.skip("../shared/eval/stories is not present")
    found = {}
    for name in NAMES:
        story = analyzed(str(STORIES / name))
        assert isinstance(story, Story)
        found[name] = json.loads(json.dumps(story_record(story), ensure_ascii=False))
    return found


@pytest.mark.slow
def test_the_dev_stories_keep_their_facts_conflicts_and_quotes(records: dict[str, dict[str, Any]]) -> None:
    scorer = load_bench("evaldata").load_scorer("stories")
    total = scorer.score(json.loads((STORIES / "gold.json").read_text(encoding="utf-8")), records)["total"]
    for key, floor in FLOORS.items():
        assert total[key][0] >= floor, f"{key}: {total[key][0]}/{total[key][1]} under the floor {floor}"
    assert total["false"] <= MOST_FALSE_CONFLICTS, f"{total['false']} false conflicts of {total['reported']} reported"


@pytest.mark.slow
def test_the_dev_briefs_cite_sources_that_state_their_facts(records: dict[str, dict[str, Any]]) -> None:
    sys.path.insert(0, str(ROOT / "bench"))  # brief_citations imports its neighbour evaldata
    try:
        judge_story = load_bench("brief_citations").judge_story
    finally:
        sys.path.remove(str(ROOT / "bench"))
    gold = json.loads((STORIES / "gold.json").read_text(encoding="utf-8"))
    verified = wrong = 0
    for name, record in records.items():
        counts = judge_story(gold[name], record)
        verified, wrong = verified + counts[0], wrong + counts[1]
    assert verified + wrong >= 30, "the gold judges too few citations for the share to mean anything"
    assert verified / (verified + wrong) >= LEAST_VERIFIED_CITATIONS, f"{verified} of {verified + wrong} judged citations hold"

