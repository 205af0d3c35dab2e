"""newsprism: read many outlets' coverage of a news story side by side.

Library use::

    from newsprism import extract
    for item in extract(["examples/port-veyra-grounding"]):
        ...  # an Article, or an InputError for a document that could not be read
"""

from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article, RawDocument
from newsprism.pipeline import extract

__version__ = "0.1.0"


__all__ = ["Article", "InputError", "NewsprismError", "RawDocument", "extract", "__version__"]
