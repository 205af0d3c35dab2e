"""The one exception tree of newsprism.

    NewsprismError                 every error newsprism raises on purpose
    ├── InputError                 a document cannot be read or has no article in it
    │   ├── UnreadableInput        missing path, permission denied, not a regular file
    │   ├── EmptyInput             zero bytes, or only white space after decoding
    │   ├── BinaryInput            bytes that are not text (images, archives, executables)
    │   ├── UndecodableInput       text whose encoding cannot be determined
    │   ├── OversizedInput         larger than Settings.max_document_bytes
    │   ├── MalformedRecord        a JSON/JSONL record that does not parse or lacks text/html
    │   ├── FetchFailed            a URL that gives no page: HTTP error, timeout, redirect loop, not HTML
    │   │   └── DisallowedByRobots     the site's robots.txt asks tools like newsprism not to fetch it
    │   ├── NoArticleFound         the page decodes but holds no article body
    │   └── ProcessingFailed       an unexpected failure on one document (a bug: please report it)
    └── ConfigurationError         the installation is incomplete (a model package is missing), or the
                                   store cannot be opened (a bad database URL, a server that refuses)

Every InputError carries the `source` it concerns, so a batch can report
"<source>: <cause>" on one line and go on with the next document.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class: catch this to handle every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """A document could not be turned into an article.

    `source` names the file (or file:line for a JSONL record, or "<stdin>");
    `cause` is a short human sentence without the source.
    """

    def __init__(self, source: str, cause: str) -> None:
        self.source = source
        self.cause = cause
        super().__init__(f"{source}: {cause}")


class UnreadableInput(InputError):
    """The path does not exist, is not a file, or cannot be opened."""


class EmptyInput(InputError):
    """The document is empty or only white space."""


class BinaryInput(InputError):
    """The document's bytes are not text."""


class UndecodableInput(InputError):
    """No text encoding decodes the document cleanly."""


class OversizedInput(InputError):
    """The document exceeds the configured size limit."""


class MalformedRecord(InputError):
    """A JSON or JSONL record is not valid or has neither 'text' nor 'html'."""


class FetchFailed(InputError):
    """A URL gave no page: an HTTP error, a timeout, a redirect loop, an answer that is not a page or a feed.

    `status` is the HTTP status when the server answered with an error, else None.
    """

    def __init__(self, source: str, cause: str, status: int | None = None) -> None:
        super().__init__(source, cause)
        self.status = status


class DisallowedByRobots(FetchFailed):
    """The site's robots.txt does not let newsprism fetch this URL (or robots.txt could not be read: RFC 9309)."""


class NoArticleFound(InputError):
    """The page was read, but no article body could be found in it."""


class ProcessingFailed(InputError):
    """A stage failed unexpectedly on this document; the batch goes on without it."""


class ConfigurationError(NewsprismError):
    """Something newsprism needs is not installed or cannot be reached; the message says what, and what to do."""
