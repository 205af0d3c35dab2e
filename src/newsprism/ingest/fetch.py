"""Fetching: URLs -> RawDocuments, politely, with httpx.

Rules every request keeps (tunables in `Settings.fetch`):

* it names itself (a User-Agent) and asks robots.txt first, once per host,
  following RFC 9309: rules that do not allow the path refuse it; a robots.txt
  that is missing (4xx) allows everything; one that cannot be read (5xx, no
  answer) refuses the host. A Crawl-delay is kept between requests to the host;
* at most `per_host` requests to a host at once, `workers` in all;
* a timeout for connecting and for each packet, and a deadline for the whole
  answer; at most `max_document_bytes`, checked against Content-Length and
  again as the bytes arrive, so an endless answer is cut off;
* a timeout, a dropped connection, 429 or a 5xx is tried again after a wait
  that doubles (or the server's Retry-After, when it is short enough);
* redirects are followed by hand, up to `max_redirects`, each hop asking its
  own host's robots.txt; only http and https are fetched.

An answer is a page (HTML, XHTML or plain text: a RawDocument) or a feed
(RSS or Atom, told by its type or its first tag; `newsprism.ingest.feeds`
reads its items). Anything else, and every failure, is a FetchFailed whose
cause is one line.

Limits: no cookies, no JavaScript (a page that builds its text in the browser
gives little or no article), no HTTP caching between runs; robots.txt is read
once per run, not re-read during a long one.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TypeVar

import httpx

from newsprism.config import FetchSettings, Settings
from newsprism.errors import DisallowedByRobots, FetchFailed, InputError, OversizedInput

RETRIED_STATUSES = {429, 500, 502, 503, 504}
PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
FEED_TAGS = (b"<rss", b"<feed", b"<rdf:rdf")
ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt
CHUNK = 65_536
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5"

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Answer:
    """What a URL gave: its bytes, its type, and the URL that served it after redirects."""

    url: str
    final_url: str
    content: bytes
    media_type: str
    charset: str | None

    @property
    def is_feed(self) -> bool:
        head = self.content[:1024].lstrip().lower()
        if head.startswith(b"<?xml"):
            head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith(b"<!--") and b"-->" in head:  # comments before the root element
            head = head[head.find(b"-->") + 3 :].lstrip()
        return head.startswith(FEED_TAGS) or (self.media_type in FEED_TYPES and not head.startswith((b"<html", b"<!doctype html")))


class Fetcher:
    """One run's HTTP client: the connection pool, each host's robots.txt, turn and pace. Use it as a context manager."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.rules: FetchSettings = settings.fetch
        self.client = httpx.Client(
            headers={"User-Agent": self.rules.user_agent, "Accept": ACCEPT},
            timeout=httpx.Timeout(self.rules.timeout_s),
            follow_redirects=False,
            limits=httpx.Limits(max_connections=max(1, self.rules.workers)),
            transport=transport,
        )
        self.lock = threading.Lock()
        self.robots: dict[str, urllib.robotparser.RobotFileParser | FetchFailed] = {}
        self.robots_locks: dict[str, threading.Lock] = {}
        self.turns: dict[str, threading.BoundedSemaphore] = {}
        self.crawl_delays: dict[str, float] = {}  # a host's robots.txt Crawl-delay, capped
        self.next_request: dict[str, float] = {}  # when the host may be asked again, under its Crawl-delay
        self.agent = self.rules.user_agent.split("/")[0].split()[0]

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    # --- one URL ---

    def get(self, url: str) -> Answer:
        """The page or feed at `url`, after redirects; raises FetchFailed (or OversizedInput) with a one-line cause."""
        current = url
        for _ in range(self.rules.max_redirects + 1):
            parsed = httpx.URL(current)
            if parsed.scheme not in ("http", "https") or not parsed.host:
                raise FetchFailed(url, f"not an http or https URL: {current}")
            self.check_robots(url, parsed)
            with self.turn(host_of(parsed)):
                status, headers, content, final = self.request(url, parsed)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = str(parsed.join(headers["location"]))
                continue
            if not 200 <= status < 300:
                raise FetchFailed(url, f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip(), status)
            media_type, charset = content_type(headers.get("content-type", ""))
            answer = Answer(url=url, final_url=final, content=content, media_type=media_type, charset=charset)
            if media_type and media_type not in PAGE_TYPES and not answer.is_feed:
                raise FetchFailed(url, f"not a page or a feed (Content-Type {media_type})")
            return answer
        raise FetchFailed(url, f"more than {self.rules.max_redirects} redirects")

    def request(self, url: str, target: httpx.URL, limit: int | None = None) -> tuple[int, httpx.Headers, bytes, str]:
        """One GET, tried again on a timeout, a dropped connection, 429 or 5xx: status, headers, body, URL."""
        attempts = self.rules.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                status, headers, content = self.read(url, target, limit)
            except httpx.TimeoutException:
                if last:
                    raise FetchFailed(url, f"timed out (after {attempts} attempts)") from None
            except httpx.TransportError as error:
                if last:
                    raise FetchFailed(url, f"cannot connect: {describe(error)} (after {attempts} attempts)") from None
            else:
                if status not in RETRIED_STATUSES or last:
                    if status in RETRIED_STATUSES and attempts > 1:
                        raise FetchFailed(url, f"HTTP {status} {httpx.codes.get_reason_phrase(status)} (after {attempts} attempts)", status)
                    return status, headers, content, str(target)
                wait = retry_after(headers.get("retry-after"))
                if wait is not None and wait > self.rules.longest_retry_after_s:
                    longest = self.rules.longest_retry_after_s
                    raise FetchFailed(url, f"HTTP {status}; the server asks to wait {wait:.0f} s, longer than {longest:.0f} s", status)
                time.sleep(wait if wait is not None else self.rules.backoff_s * 2**attempt)
                continue
            time.sleep(self.rules.backoff_s * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises on its last attempt

    def read(self, url: str, target: httpx.URL, limit: int | None = None) -> tuple[int, httpx.Headers, bytes]:
        """The status, headers and body of one GET, the body cut off at the size limit and the deadline."""
        limit = limit or self.settings.max_document_bytes
        deadline = time.monotonic() + self.rules.deadline_s
        with self.client.stream("GET", target) as response:
            if response.is_redirect or not response.is_success:
                return response.status_code, response.headers, b""
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise OversizedInput(url, f"{int(declared) / 1e6:.1f} MB exceeds the {limit / 1e6:.0f} MB limit")
            body = bytearray()
            for chunk in response.iter_bytes(CHUNK):
                body += chunk
                if len(body) > limit:
                    raise OversizedInput(url, f"more than the {limit / 1e6:.0f} MB limit")
                if time.monotonic() > deadline:
                    raise FetchFailed(url, f"the answer took longer than {self.rules.deadline_s:.0f} s")
            return response.status_code, response.headers, bytes(body)

    # --- politeness ---

    def check_robots(self, url: str, target: httpx.URL) -> None:
        """Raises DisallowedByRobots when the host's robots.txt does not allow `target` (FetchFailed when the host
        does not answer at all)."""
        rules = self.robots_of(target)
        if isinstance(rules, FetchFailed):
            if rules.status is None:
                raise FetchFailed(url, rules.cause)
            raise DisallowedByRobots(url, f"robots.txt of {host_of(target)} cannot be read ({rules.cause}), so the site is not fetched")
        if not rules.can_fetch(self.agent, str(target)):
            raise DisallowedByRobots(url, f"robots.txt of {host_of(target)} does not allow it")

    def robots_of(self, target: httpx.URL) -> urllib.robotparser.RobotFileParser | FetchFailed:
        """The host's robots.txt rules, read once per run; or the failure that kept them from being read."""
        host = host_of(target)
        with self.lock:
            host_lock = self.robots_locks.setdefault(host, threading.Lock())
        with host_lock:  # one robots.txt request per host, however many pages wait for it
            if host in self.robots:
                return self.robots[host]
            robots_url = target.copy_with(path="/robots.txt", query=None, fragment=None)
            rules = urllib.robotparser.RobotFileParser()
            found: urllib.robotparser.RobotFileParser | FetchFailed = rules
            try:
                with self.turn(host):
                    status, _, content, _ = self.request(str(robots_url), robots_url, ROBOTS_BYTES)
            except OversizedInput:
                status, content = 200, b""  # RFC 9309: rules past the first 500 KiB may be ignored; we keep none
            except FetchFailed as error:
                status, content, found = error.status or 0, b"", error
            if 200 <= status < 300:
                rules.parse(content.decode("utf-8", "replace").splitlines())
            elif 300 <= status < 500:
                rules.parse([])  # no robots.txt (or a redirect we do not follow for it): everything is allowed
            elif not isinstance(found, FetchFailed):
                found = FetchFailed(str(robots_url), f"HTTP {status}", status)
            if not isinstance(found, FetchFailed):
                rules.modified()
                delay = rules.crawl_delay(self.agent)  # whole seconds: the standard library reads no fractions
                if delay:
                    self.crawl_delays[host] = min(float(delay), self.rules.longest_crawl_delay_s)
            self.robots[host] = found
            return found

    def turn(self, host: str) -> _Turn:
        """Holds one of the host's `per_host` places, waiting out its Crawl-delay since the last request."""
        with self.lock:
            semaphore = self.turns.setdefault(host, threading.BoundedSemaphore(max(1, self.rules.per_host)))
        return _Turn(self, host, semaphore)

    # --- many URLs ---

    def in_order(self, jobs: Iterable[T], work: Callable[[T], R]) -> Iterator[R]:
        """`work` on each job on the worker threads, the results in the jobs' order; a bounded window of jobs ahead."""
        window = max(1, self.rules.workers) * 2
        with ThreadPoolExecutor(max(1, self.rules.workers), thread_name_prefix="newsprism-fetch") as pool:
            pending: deque[Future[R]] = deque()
            for job in jobs:
                pending.append(pool.submit(work, job))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def try_get(self, url: str) -> Answer | InputError:
        try:
            return self.get(url)
        except InputError as error:
            return error
        except httpx.HTTPError as error:  # an httpx failure the cases above do not name
            return FetchFailed(url, describe(error))


class _Turn:
    def __init__(self, fetcher: Fetcher, host: str, semaphore: threading.BoundedSemaphore) -> None:
        self.fetcher, self.host, self.semaphore = fetcher, host, semaphore

    def __enter__(self) -> None:
        self.semaphore.acquire()
        delay = self.fetcher.crawl_delays.get(self.host, 0.0)
        if delay:
            with self.fetcher.lock:
                start = max(time.monotonic(), self.fetcher.next_request.get(self.host, 0.0))
                self.fetcher.next_request[self.host] = start + delay
            time.sleep(max(0.0, start - time.monotonic()))

    def __exit__(self, *exc: object) -> None:
        self.semaphore.release()


def host_of(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"


def content_type(header: str) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset=UTF-8'."""
    media_type, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    return media_type.strip().lower(), charset


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def describe(error: Exception) -> str:
    """A transport error in a few words ('connection refused'), not a chain of reprs."""
    text = str(error).strip() or type(error).__name__
    if "refused" in text.lower():
        return "connection refused"
    if "name or service not known" in text.lower() or "nodename nor servname" in text.lower():
        return "unknown host"
    return text.splitlines()[0][:200]


__all__ = ["Answer", "Fetcher", "content_type"]
