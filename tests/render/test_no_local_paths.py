"""A story read from local folders carries their path in each article's `source` and nowhere else: not in ids,
references, outlets, nor either report (they are made to be shared)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsprism.render.html import story_html
from newsprism.render.json import story_record
from newsprism.render.markdown import story_markdown
from tests.conftest import EXAMPLES, ROOT, analyzed


def places_holding(value: object, text: str, where: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from places_holding(item, text, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from places_holding(item, text, f"{where}[]")
    elif isinstance(value, str) and text in value:
        yield where


def test_the_folder_read_appears_only_in_each_articles_source() -> None:
    story = analyzed(str(EXAMPLES / "port-veyra-grounding"))
    record = json.loads(json.dumps(story_record(story)))
    assert set(places_holding(record, str(ROOT))) == {".articles[].source"}
    assert str(ROOT) not in story_html(story) and str(ROOT) not in story_markdown(story)
    unknown = [article for article in story.articles if article.outlet is None]
    assert all(f"{article.id} (outlet unknown)" in story_markdown(story) for article in unknown)
