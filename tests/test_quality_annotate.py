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
