"""Web inputs: URLs, files of URLs and RSS/Atom feeds -> RawDocuments (fetched by `newsprism.ingest.fetch`).

A URL's answer is a page, or a feed whose items are each fetched as a page
(an item's title and date come along: feeds state them reliably). A file of
URLs (`UrlList`, the command line's `-i urls.txt`) holds one URL per line;
blank lines and lines starting with # are skipped.

`known`, when given, is asked about every URL before it is fetched: a URL it
knows (a store that holds the page already) is not fetched again. That is how
a feed ingested every hour costs one request plus its new items.

A page keeps the URL it was asked for as its `source` (and id) and the URL
that served it, after redirects, as its `url`.

Limits: feeds are read once, not followed to older pages (RFC 5005 paging);
an item without a link is reported, not read from its summary (summaries are
teasers, not articles).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import feedparser

from newsprism.config import Settings
from newsprism.errors import FetchFailed, InputError, MalformedRecord, UnreadableInput
from newsprism.ingest.fetch import Answer, Fetcher
from newsprism.ingest.readers import decode, looks_like_html
from newsprism.ingest.urls import UrlList, is_url
from newsprism.model import RawDocument

HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass(frozen=True)
class Item:
    """A URL to fetch as a page, with what its feed said about it."""

    url: str
    title: str | None = None
    published: dt.date | None = None


def web_documents(
    inputs: Iterable[str | UrlList], settings: Settings, known: Callable[[str], bool] | None = None, seen: set[str] | None = None
) -> Iterator[RawDocument | InputError]:
    """The pages the URLs, URL files and feeds give, in their order; a failure comes as its InputError.

    A URL in `seen` (the URLs asked for so far in the run, which this adds to) is not fetched twice.
    """
    seen = set() if seen is None else seen

    def fresh(url: str) -> bool:
        if url in seen:
            return False
        seen.add(url)  # asked once: a URL the store knows is counted once however often it is named
        return known is None or not known(url)

    jobs = (item for item in urls_of(inputs) if isinstance(item, InputError) or fresh(item.url))
    with Fetcher(settings) as fetcher:

        def fetch(item: Item | InputError) -> tuple[Item, Answer | InputError] | InputError:
            return item if isinstance(item, InputError) else (item, fetcher.try_get(item.url))

        for result in fetcher.in_order(jobs, fetch):
            if isinstance(result, InputError):
                yield result
                continue
            item, answer = result
            if isinstance(answer, InputError):
                yield answer
                continue
            if not answer.is_feed:
                yield page_document(answer, item)
                continue
            entries = (entry for entry in feed_items(answer) if isinstance(entry, InputError) or fresh(entry.url))
            for page in fetcher.in_order(entries, fetch):
                if isinstance(page, InputError):
                    yield page
                elif isinstance(page[1], InputError):
                    yield page[1]
                elif page[1].is_feed:
                    yield FetchFailed(page[0].url, "a feed item that is itself a feed; feeds are not followed into feeds")
                else:
                    yield page_document(page[1], page[0])


def urls_of(inputs: Iterable[str | UrlList]) -> Iterator[Item | InputError]:
    """Each URL of the inputs as an Item; an unreadable URL file or a line that is not a URL as its InputError."""
    for item in inputs:
        if isinstance(item, str):
            yield Item(item.strip())
            continue
        try:
            with item.path.open("rb") as stream:
                text = decode(stream.read(), str(item.path))
        except OSError as error:
            yield UnreadableInput(str(item.path), error.strerror or str(error))
            continue
        except InputError as error:
            yield error
            continue
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if is_url(line):
                yield Item(line)
            else:
                yield MalformedRecord(f"{item.path}:{number}", "not an http or https URL")


def feed_items(answer: Answer) -> Iterator[Item | InputError]:
    """The items of an RSS or Atom feed, as URLs to fetch (relative links resolved against the feed's URL)."""
    parsed = feedparser.parse(answer.content, response_headers={"content-location": answer.final_url})
    if not parsed.entries and parsed.get("bozo"):
        reason = str(parsed.get("bozo_exception") or "malformed XML").splitlines()[0][:160]
        yield FetchFailed(answer.url, f"not a readable feed ({reason})")
        return
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or next((item.get("href") for item in entry.get("links", []) if item.get("href")), None)
        if not link:
            yield MalformedRecord(f"{answer.url} item {number}", "feed item has no link")
            continue
        link = str(link).strip()
        if not is_url(link):
            link = feedparser.urls.make_safe_absolute_uri(answer.final_url, link)
        if not is_url(link):
            yield MalformedRecord(f"{answer.url} item {number}", f"feed item's link is not an http or https URL: {link[:120]}")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        title = str(entry.get("title") or "").strip() or None
        yield Item(link, title=title, published=published)


def page_document(answer: Answer, item: Item) -> RawDocument | InputError:
    """A fetched page as a RawDocument: decoded by its declared charset, else as files are."""
    return answer_document(
        answer.url, answer.final_url, answer.content, answer.media_type, answer.charset, title=item.title, published=item.published
    )


def answer_document(
    source: str,
    url: str,
    content: bytes,
    media_type: str,
    charset: str | None,
    *,
    title: str | None = None,
    published: dt.date | None = None,
) -> RawDocument | InputError:
    """An HTTP answer's body (fetched, or from a WARC record) as a RawDocument, or why it is not one."""
    text = None
    if charset:
        try:
            text = content.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong or unknown charset: decoded as files are
    try:
        text = decode(content, source) if text is None or not text.strip() else text
    except InputError as error:
        return error
    is_html = media_type in HTML_TYPES or (media_type != "text/plain" and looks_like_html(text))
    return RawDocument(id=source, source=source, kind="html" if is_html else "text", content=text, url=url, title=title, published=published)


__all__ = ["answer_document", "web_documents"]
