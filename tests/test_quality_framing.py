"""Quality gates for the framing layer, on the seeds and on our fictional example (its answer key).

The seed checks are the issue's: the agency-style page ranks least loaded,
the first page's closing moral lesson and the fourth page's "the reality
is ..." are editorializing, and loaded words inside attributed quotes are
the speakers', never the outlet's.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.annotate.quotes import quoted_stretches
from newsprism.model import Story
from tests.conftest import EXAMPLES, analyzed, load_bench

EXAMPLE = EXAMPLES / "port-veyra-grounding"
ANSWER_KEY = json.loads((EXAMPLES / "port-veyra-grounding.expected.json").read_text(encoding="utf-8"))


def seed_number(story: Story, outlet: str) -> int:
    article = next(article for article in story.articles if article.reporting_outlet == outlet)
    return int(Path(article.source).name[:3])


def test_the_agency_style_seed_ranks_least_loaded(seeds_dir: Path) -> None:
    story = analyzed(str(seeds_dir))
    ranked = [seed_number(story, profile.outlet) for profile in story.framing.outlets]
    assert ranked[0] == 1, f"least to most loaded: seeds {ranked}"
    assert all(profile.score is not None and profile.score > story.framing.outlets[0].score for profile in story.framing.outlets[1:])


def test_seed_editorializing_is_found(seeds_dir: Path) -> None:
    story = analyzed(str(seeds_dir))
    kinds = {number: set() for number in range(5)}  # type: dict[int, set[str]]
    for article in story.articles:
        kinds[int(Path(article.source).name[:3])].update(opinion.kind for opinion in article.framing.opinion)
    assert "moral_lesson" in kinds[0], "the first page's closing lesson"
    assert "the_reality_is" in kinds[3], "the fourth page's 'the reality is ...'"
    assert not kinds[1], "the agency-style page does not editorialize"


def test_nothing_inside_a_quote_is_charged_to_the_outlet(seeds_dir: Path) -> None:
    for story in (analyzed(str(seeds_dir)), analyzed(str(EXAMPLE))):
        for article in story.articles:
            marked = quoted_stretches(article.body)
            # Inside quotation marks, or inside reported speech that has none, the words are the speaker's.
            spans = marked + [(q.start, q.end) for q in article.quotes if not any(q.start <= s and e <= q.end for s, e in marked)]
            for term in article.framing.loaded:
                if term.where == "body" and term.voice == "outlet":
                    assert not any(start <= term.start and term.end <= end for start, end in spans), (article.outlet, term.text)
    seeds = analyzed(str(seeds_dir))
    quoted = [term for article in seeds.articles for term in article.framing.loaded if term.text.lower() == "chaos actor"]
    assert quoted and all(term.voice == "quoted" and term.speaker_name and "Bremmer" in term.speaker_name for term in quoted)
    # The outlet chose the verb that introduces a quote: "rhapsodized" between two parts of one is its own word.
    gushing = [term for article in seeds.articles for term in article.framing.loaded if term.text.lower() == "rhapsodized"]
    assert gushing and all(term.voice == "outlet" and term.category == "saying-verb" for term in gushing)


def test_the_loaded_terms_the_issue_names_are_found(seeds_dir: Path) -> None:
    """The issue's examples on the seeds: actor labels, an intensifier, a put-down in the dek, loaded verbs of saying."""
    story = analyzed(str(seeds_dir))
    found = {term.text.lower() for article in story.articles for term in article.framing.loaded}
    for expected in ("eccentric dictator", "strongman", "chaos actor", "staggering", "bear hug", "yanks", "rhapsodized", "claimed"):
        assert expected in found, expected


def test_every_sentence_gets_a_verdict() -> None:
    story = analyzed(str(EXAMPLE))
    for article in story.articles:
        assert len(article.framing.sentences) == len(article.sentences) > 0
        assert all(0.0 <= verdict.score <= 1.0 for verdict in article.framing.sentences)


def test_the_example_framing_matches_its_answer_key() -> None:
    story = analyzed(str(EXAMPLE))
    key = ANSWER_KEY["framing"]
    scores = {profile.outlet: profile.score or 0.0 for profile in story.framing.outlets}
    assert min(scores[outlet] for outlet in key["loaded_outlets"]) > max(scores[outlet] for outlet in key["neutral_outlets"])
    assert min(scores[outlet] for outlet in key["loaded_outlets"]) > max(scores[outlet] for outlet in key["intermediate_outlets"])
    figures = load_bench("framing_quality").measure(story, ANSWER_KEY)
    assert figures["quoted_charged_to_speaker"] == 1.0 and figures["quoted_charged_to_outlet"] == 0.0
    assert figures["loaded_recall"] >= 0.5, figures
    assert figures["editorializing_recall"] >= 0.4, figures
    kinds = {(article.reporting_outlet, opinion.kind) for article in story.articles for opinion in article.framing.opinion}
    for kind in ("rhetorical_question", "moral_lesson", "the_reality_is"):
        assert (ANSWER_KEY["editorializing_kinds"][kind]["outlet"], kind) in kinds


def test_the_example_lines_up_labels_and_voices() -> None:
    story = analyzed(str(EXAMPLE))
    labels = {row.name: row.labels for row in story.framing.labels}
    marrick = labels["Teodor Marrick"]
    assert len(marrick) >= 4 and any("loyalist" in words for words in marrick["Sarvel Sentinel"])
    sentinel = next(profile for profile in story.framing.outlets if profile.outlet == "Sarvel Sentinel")
    affiliations = {group.affiliation for group in sentinel.voices}
    assert {"government", "analyst"} <= affiliations
