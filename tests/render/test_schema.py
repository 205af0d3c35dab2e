import json

import pytest

from newsprism.render.json import article_schema, story_schema
from tests.conftest import ROOT


@pytest.mark.parametrize(("published", "generate"), [("article.schema.json", article_schema), ("story.schema.json", story_schema)])
def test_published_schemas_are_the_generated_ones(published: str, generate) -> None:  # type: ignore[no-untyped-def]
    """schema/*.schema.json must be regenerated (`newsprism schema [--story] -o ...`) when the model changes."""
    assert json.loads((ROOT / "schema" / published).read_text()) == json.loads(json.dumps(generate()))
