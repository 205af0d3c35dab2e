"""One frozen, keyword-only Settings object: every tunable of the system, with its default and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Settings:
    # Pages larger than this are refused before decoding: real article pages are
    # well under 5 MB of HTML, and a 20 MB "page" is a dump or an attack.
    max_document_bytes: int = 10_000_000
    # A cleaned body shorter than this many words is "no article" rather than an
    # article: it is a landing page, a gallery or an error page.
    min_body_words: int = 25
    # A body longer than this is cut (at the last paragraph or sentence end
    # before it) before the language pipeline reads it, with a note on the
    # article. The longest news features run to about 20,000 words (some
    # 120,000 characters); past that a "body" is a dump of several pages, and
    # spaCy refuses texts over 1,000,000 characters outright.
    max_body_characters: int = 200_000
    # A story takes no more articles once its last one is this many days older than the
    # article at hand: a story's coverage runs for days (follow-ups, the toll rising), and
    # the next event of its kind weeks later is another story.
    story_window_days: int = 7
    # Worker processes for the language pipeline. Each loads its own copy of
    # the model (about a second and 200 MB), which pays off on runs of
    # hundreds of articles, not on one story.
    processes: int = 1


DEFAULT_SETTINGS = Settings()
