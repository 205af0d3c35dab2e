"""Quality gates for the per-article layer on the real seed pages (skipped when ../shared is absent).

The seeds are five outlets' pages about one event; the checks are the ones the
issue names: the Kims kept apart, every bare "Kim" right or unresolved.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsprism.model import Story
from newsprism.pipeline import run


@lru_cache(maxsize=1)
def seed_story(seeds: str) -> Story:
    return next(item for item in run([seeds]) if isinstance(item, Story))


def test_the_kims_stay_apart_and_a_bare_kim_is_never_guessed(seeds_dir: Path) -> None:
    story = seed_story(str(seeds_dir))
    kims = {entity.name: entity.id for entity in story.entities if entity.type == "person" and entity.name.startswith("Kim ")}
    assert "Kim Jong Un" in kims and "Kim Hong Kyun" in kims
    assert kims["Kim Jong Un"] != kims["Kim Hong Kyun"]
    spellings = {mention.text for article in story.articles for mention in article.entities if mention.entity == kims["Kim Jong Un"]}
    assert {"Kim Jong Un", "Kim Jong-un"} <= spellings  # two outlets' spellings, one id
    for article in story.articles:
        for mention in article.entities:
            if mention.text != "Kim" or mention.entity is None:
                continue
            # Resolved only when the article has introduced exactly one Kim before it, and then to that one.
            introduced = {other.entity for other in article.entities
                          if other.text.startswith("Kim ") and other.start < mention.start and other.entity in kims.values()}
            assert introduced == {mention.entity}, (article.id, mention.start, introduced)


def test_the_powers_keep_their_names_apart(seeds_dir: Path) -> None:
    story = seed_story(str(seeds_dir))
    names = {entity.name: entity for entity in story.entities}
    assert names["North Korea"].id != names["South Korea"].id
    assert names["Vladimir Putin"].type == "person" and len(names["Vladimir Putin"].articles) == 5


# The date checks: (seed file prefix, expression, calendar value). The
# values follow from each page's reference date (2024-06-21, 2024-06-25 after
# the stale-stamp correction, 2024-06-20, 2024-06-18), not from the pages' stamps.
SEED_TIMES = [
    ("000", "Wednesday", "2024-06-19"),  # "signed a pact on Wednesday", reported on Friday the 21st
    ("000", "Friday", "2024-06-21"),
    ("001", "the 25th", "2024-06-25"),
    ("003", "June 19", "2024-06-19"),
    ("004", "Wednesday", "2024-06-19"),  # "are to sign ... on Wednesday", written on Tuesday the 18th: the coming one
    ("004", "last September", "2023-09"),
]


def test_seed_dates_land_on_the_right_calendar_days(seeds_dir: Path) -> None:
    story = seed_story(str(seeds_dir))
    for prefix, text, value in SEED_TIMES:
        article = next(article for article in story.articles if Path(article.source).name.startswith(prefix))
        values = {time.value for time in article.times if time.text == text}
        assert values == {value}, (prefix, text, values)
