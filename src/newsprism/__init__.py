"""newsprism: read many outlets' coverage of a news story side by side.

Library use::

    from newsprism import Models, analyze_story, group, prepare

    models = Models()  # loaded once per process, on first use
    articles = [prepare(text, models=models) for text in pages]  # each page alone: text, HTML, a record or a path
    for story_articles in group(articles):
        story = analyze_story(story_articles, models=models)

    from newsprism import extract, run
    for item in extract(["pages/", "feed.jsonl"]):
        ...  # an Article as soon as it is prepared, or an InputError for a document that could not be read
    for item in run(["pages/"]):
        ...  # InputErrors as they occur, then a Story per story
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsprism.errors import InputError, NewsprismError
    from newsprism.model import Article, Entity, RawDocument, Story
    from newsprism.models import Models
    from newsprism.pipeline import Progress, analyze_story, extract, group, prepare, run

# The names are imported on first use (PEP 562): the pipeline brings spaCy, which takes two seconds to import, and
# `newsprism --help`, the errors or the data model alone need none of it.
EXPORTS = {
    "InputError": "newsprism.errors",
    "NewsprismError": "newsprism.errors",
    "Article": "newsprism.model",
    "Entity": "newsprism.model",
    "RawDocument": "newsprism.model",
    "Story": "newsprism.model",
    "Models": "newsprism.models",
    "Progress": "newsprism.pipeline",
    "analyze_story": "newsprism.pipeline",
    "extract": "newsprism.pipeline",
    "group": "newsprism.pipeline",
    "prepare": "newsprism.pipeline",
    "run": "newsprism.pipeline",
}


def __getattr__(name: str) -> Any:
    if name in EXPORTS:
        value = getattr(importlib.import_module(EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")


__version__ = "0.1.0"


__all__ = [
    "Article",
    "Entity",
    "InputError",
    "Models",
    "NewsprismError",
    "Progress",
    "RawDocument",
    "Story",
    "__version__",
    "analyze_story",
    "extract",
    "group",
    "prepare",
    "run",
]
