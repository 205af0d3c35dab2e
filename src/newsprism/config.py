"""One frozen, keyword-only Settings object: every tunable of the system, with its default and why."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class FetchSettings:
    """How pages, feeds and robots.txt files are fetched over HTTP (`newsprism.ingest.fetch`)."""

    # Sites refuse or throttle clients that hide who they are; this names the tool. robots.txt rules are
    # matched against its first word ("newsprism").
    user_agent: str = "newsprism/0.1 (news coverage analysis; honours robots.txt)"
    # Seconds to connect, and between two packets of an answer.
    timeout_s: float = 20.0
    # Seconds for a whole answer: a server that trickles a byte at a time never trips the timeout above.
    deadline_s: float = 60.0
    # Tries after the first, for a timeout, a dropped connection, 429 or a 5xx answer; waits double each time.
    retries: int = 2
    backoff_s: float = 1.0
    # A Retry-After longer than this is not waited for: the page fails, and the next ingest tries it again.
    longest_retry_after_s: float = 60.0
    # Redirects followed before a page is given up as a loop.
    max_redirects: int = 5
    # Pages fetched at once in all, and from one host: two at a time is what polite crawlers allow themselves.
    workers: int = 8
    per_host: int = 2
    # A robots.txt Crawl-delay is honoured up to this many seconds (a longer one would stall the ingest for hours).
    longest_crawl_delay_s: float = 10.0


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
    # Fetching URLs and feeds; each page is held to max_document_bytes as it arrives.
    fetch: FetchSettings = field(default_factory=FetchSettings)


DEFAULT_SETTINGS = Settings()
