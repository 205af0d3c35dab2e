"""One frozen Settings object: every tunable of the system, with its default and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # Pages larger than this are refused before decoding: real article pages are
    # well under 5 MB of HTML, and a 20 MB "page" is a dump or an attack.
    max_document_bytes: int = 10_000_000
    # A cleaned body shorter than this many words is "no article" rather than an
    # article: it is a landing page, a gallery or an error page.
    min_body_words: int = 25
    # Worker processes for the language pipeline. Each loads its own copy of
    # the model (about a second and 200 MB), which pays off on runs of
    # hundreds of articles, not on one story.
    processes: int = 1


DEFAULT_SETTINGS = Settings()
