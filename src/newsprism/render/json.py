"""JSON rendering of the output contract (DESIGN.md, "Output contract")."""

from __future__ import annotations

import json
from typing import Any

from newsprism.model import Article, Story


def article_record(article: Article) -> dict[str, Any]:
    """The per-article contract object of `newsprism extract` (one JSONL line)."""
    return article.model_dump(mode="json")


def article_line(article: Article) -> str:
    return json.dumps(article_record(article), ensure_ascii=False)


def article_schema() -> dict[str, Any]:
    """JSON Schema of one `newsprism extract` output line, generated from the data model."""
    schema = Article.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsprism extract: one article"
    return schema


# What the story stages read from a prepared article and a reader of the story never needs: left out of the story's JSON.
STORY_ARTICLE_EXCLUDES = {"prepared"}


def story_record(story: Story) -> dict[str, Any]:
    """The contract object of `newsprism analyze` (one JSON document): the articles without `prepared`."""
    return story.model_dump(mode="json", exclude={"articles": {"__all__": STORY_ARTICLE_EXCLUDES}})


def story_schema() -> dict[str, Any]:
    """JSON Schema of the `newsprism analyze` output, generated from the data model."""
    schema = Story.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsprism analyze: one story"
    definitions = schema["$defs"]
    for name in STORY_ARTICLE_EXCLUDES:
        del definitions["Article"]["properties"][name]
    for unused in ("Prepared", "ActorLabel"):
        definitions.pop(unused, None)
    return schema
