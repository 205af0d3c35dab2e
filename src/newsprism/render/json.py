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


def story_record(story: Story) -> dict[str, Any]:
    """The contract object of `newsprism analyze` (one JSON document)."""
    return story.model_dump(mode="json")


def story_schema() -> dict[str, Any]:
    """JSON Schema of the `newsprism analyze` output, generated from the data model."""
    schema = Story.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsprism analyze: one story"
    return schema
