"""newsprism: read many outlets' coverage of a news story side by side.

Library use::

    from newsprism import extract
    for item in extract(["examples/port-veyra-grounding"]):
        ...  # an Article, or an InputError for a document that could not be read
"""

from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article, RawDocument

__version__ = "0.1.0"


def extract(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See newsprism.pipeline.extract (imported lazily so `import newsprism` stays light)."""
    from newsprism.pipeline import extract as run

    return run(*args, **kwargs)


__all__ = ["Article", "InputError", "NewsprismError", "RawDocument", "extract", "__version__"]
