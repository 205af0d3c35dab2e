import json

from newsprism.render.json import article_schema
from tests.conftest import ROOT


def test_published_schema_is_the_generated_one() -> None:
    """schema/article.schema.json must be regenerated (`newsprism schema -o ...`) when the model changes."""
    published = json.loads((ROOT / "schema" / "article.schema.json").read_text())
    assert published == json.loads(json.dumps(article_schema()))
