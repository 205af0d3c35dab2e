"""newsprism: read many outlets' coverage of a news story side by side.

Library use::

    from newsprism import extract
    for item in extract(["examples/port-veyra-grounding"]):
        ...  # an Article, or an InputError for a document that could not be read

    from newsprism import run, Story
    story = [item for item in run(["examples/port-veyra-grounding"]) if isinstance(item, Story)][0]
"""

from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article, Entity, RawDocument, Story
from newsprism.pipeline import analyze_documents, extract, run

__version__ = "0.1.0"


__all__ = [
    "Article",
    "Entity",
    "InputError",
    "NewsprismError",
    "RawDocument",
    "Story",
    "analyze_documents",
    "extract",
    "run",
    "__version__",
]
