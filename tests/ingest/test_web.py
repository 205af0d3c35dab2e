"""Fetching URLs, files of URLs and feeds from a web site on loopback: pages, redirects, robots.txt, politeness,
and each failure (slow, oversized, missing, looping, not a page) as one InputError."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

from newsprism.config import FetchSettings, Settings
from newsprism.errors import DisallowedByRobots, FetchFailed, InputError, MalformedRecord, OversizedInput
from newsprism.ingest import UrlList, iter_documents
from newsprism.model import RawDocument
from tests.conftest import EXAMPLES
from tests.website import Answer, Site

VEYRA = EXAMPLES / "port-veyra-grounding"
ORVELL = EXAMPLES / "lake-orvell-ferry"
# Quick to give up, so the failure cases take a second, not a minute.
QUICK = Settings(
    max_document_bytes=200_000,
    fetch=FetchSettings(timeout_s=0.5, deadline_s=2.0, retries=1, backoff_s=0.01, longest_retry_after_s=1.0, workers=4, per_host=2),
)


def documents(*inputs: object, settings: Settings = QUICK, known: object = None) -> list[RawDocument | InputError]:
    return list(iter_documents(inputs, settings, known_url=known))  # type: ignore[arg-type]


def one_line(item: object) -> str:
    assert isinstance(item, InputError), item
    text = str(item)
    assert "\n" not in text and "Traceback" not in text
    return text


def rss(site: Site, links: list[str | None]) -> bytes:
    items = []
    for number, link in enumerate(links, 1):
        link_tag = f"<link>{link}</link>" if link else ""
        items.append(f"<item><title>Item {number} of the Veyra file</title>{link_tag}<pubDate>Thu, 06 Mar 2025 09:0{number}:00 GMT</pubDate></item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Harbour wire</title>'
        f"<link>{site.url}/</link><description>Fictional test feed</description>{''.join(items)}</channel></rss>"
    ).encode()


def test_a_page_url_is_fetched_with_the_tools_name_and_keeps_the_url_it_was_asked_for(site: Site) -> None:
    url = site.page("/news/amarin.html", (VEYRA / "amarin-review.html").read_bytes())
    moved = site.redirect("/old/amarin", "/news/amarin.html")
    (page, again) = documents(url, moved)
    assert isinstance(page, RawDocument) and page.kind == "html" and page.source == url and page.url == url
    assert "Orrin Tide" in page.content
    assert isinstance(again, RawDocument) and again.source == moved and again.url == url  # where the redirect led
    assert all(hit.agent.startswith("newsprism/") for hit in site.hits)
    assert site.requests_for("/robots.txt") == 1  # asked once for the host, not per page


def test_a_page_dump_served_as_plain_text_is_read_as_one_and_a_declared_charset_is_honoured(site: Site) -> None:
    url = site.page("/orvell.txt", (ORVELL / "orvell-herald.txt").read_bytes(), "text/plain; charset=utf-8")
    latin = site.page("/latin.html", "<html><body><p>Caf\u00e9 owners in Mirrow</p></body></html>".encode("latin-1"), "text/html; charset=ISO-8859-1")
    text, page = documents(url, latin)
    assert isinstance(text, RawDocument) and text.kind == "text"
    assert isinstance(page, RawDocument) and "Caf\u00e9" in page.content


def test_robots_txt_rules_are_kept_and_an_unreadable_one_refuses_the_site(site: Site) -> None:
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    allowed = site.page("/public.html", (VEYRA / "amarin-review.html").read_bytes())
    private = site.page("/private/memo.html", (VEYRA / "amarin-review.html").read_bytes())
    page, refused = documents(allowed, private)
    assert isinstance(page, RawDocument)
    assert isinstance(refused, DisallowedByRobots) and "robots.txt" in one_line(refused)
    assert site.requests_for("/private/memo.html") == 0

    broken = Site()
    try:
        broken.route("/robots.txt", lambda _: Answer(status=500))
        url = broken.page("/page.html", (VEYRA / "amarin-review.html").read_bytes())
        (failure,) = documents(url)
        assert isinstance(failure, DisallowedByRobots) and "cannot be read" in one_line(failure)
        assert broken.requests_for("/page.html") == 0
    finally:
        broken.close()


def test_each_failure_is_one_line_naming_the_url_and_the_batch_goes_on(site: Site) -> None:
    good = site.page("/good.html", (VEYRA / "amarin-review.html").read_bytes())
    slow = site.page("/slow.html", "<html><body>late</body></html>", delay=1.5)
    trickle = site.page("/trickle.html", "<html><body>" + "word " * 400 + "</body></html>", chunks=8, chunk_delay=0.4)
    huge = site.page("/huge.html", b"<html><body>" + b"x" * 300_000 + b"</body></html>")
    endless = site.page("/endless.html", b"<html><body>" + b"y" * 300_000 + b"</body></html>", chunks=30)
    missing = site.url + "/nowhere.html"
    loop_a = site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    image = site.page("/photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    refused = "http://127.0.0.1:9/closed.html"  # the discard port: nothing listens on loopback there
    items = documents(good, slow, trickle, huge, endless, missing, loop_a, image, refused, good + "?again")
    assert isinstance(items[0], RawDocument) and isinstance(items[-1], RawDocument)
    lines = [one_line(item) for item in items[1:-1]]
    assert [line.split(": ")[0] for line in lines] == [slow, trickle, huge, endless, missing, loop_a, image, refused]
    assert "timed out (after 2 attempts)" in lines[0]
    assert "took longer than 2 s" in lines[1]
    assert isinstance(items[3], OversizedInput) and isinstance(items[4], OversizedInput)
    assert "HTTP 404 Not Found" in lines[4]
    assert "more than 5 redirects" in lines[5]
    assert "not a page or a feed (Content-Type image/png)" in lines[6]
    assert "connection refused" in lines[7]


def test_a_busy_server_is_asked_again_after_a_wait_and_a_long_retry_after_is_not_waited_for(site: Site) -> None:
    page = (VEYRA / "amarin-review.html").read_bytes()
    flaky = site.route("/flaky.html", lambda n: Answer(status=503) if n == 1 else Answer(body=page, headers={"Content-Type": "text/html"}))
    throttled = site.route("/throttled.html", lambda n: Answer(status=429, headers={"Retry-After": "3600"}))
    down = site.route("/down.html", lambda n: Answer(status=502))
    fetched, waited, failed = documents(flaky, throttled, down)
    assert isinstance(fetched, RawDocument) and site.requests_for("/flaky.html") == 2
    assert "asks to wait 3600 s" in one_line(waited) and site.requests_for("/throttled.html") == 1
    assert "HTTP 502 Bad Gateway (after 2 attempts)" in one_line(failed)


def test_no_more_than_per_host_requests_at_once_and_the_crawl_delay_is_kept(site: Site) -> None:
    body = (VEYRA / "amarin-review.html").read_bytes()
    urls = [site.page(f"/p{number}.html", body, delay=0.3) for number in range(6)]
    settings = Settings(fetch=FetchSettings(workers=6, per_host=2))
    assert all(isinstance(item, RawDocument) for item in documents(*urls, settings=settings))
    assert site.most_in_flight == 2

    paced = Site()
    try:
        paced.page("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain")
        urls = [paced.page(f"/q{number}.html", body) for number in range(3)]
        assert all(isinstance(item, RawDocument) for item in documents(*urls, settings=settings))
        times = sorted(hit.at for hit in paced.hits if hit.path.startswith("/q"))
        assert all(later - earlier >= 0.95 for earlier, later in zip(times, times[1:], strict=False))
    finally:
        paced.close()


def test_a_feed_gives_its_items_pages_with_their_titles_and_dates_and_known_items_are_not_fetched(site: Site) -> None:
    first = site.page("/a.html", (VEYRA / "amarin-review.html").read_bytes())
    second = site.page("/b.html", (VEYRA / "meridian-press-agency.html").read_bytes())
    third = site.page("/c.txt", (ORVELL / "orvell-herald.txt").read_bytes(), "text/plain")
    feed = site.page("/feed.xml", rss(site, [first, None, second, third]), "application/rss+xml")
    items = documents(feed)
    pages = [item for item in items if isinstance(item, RawDocument)]
    assert [page.source for page in pages] == [first, second, third]
    assert pages[0].title == "Item 1 of the Veyra file" and str(pages[0].published) == "2025-03-06"
    (no_link,) = [item for item in items if isinstance(item, InputError)]
    assert isinstance(no_link, MalformedRecord) and "item 2" in one_line(no_link) and "no link" in str(no_link)

    asked: list[str] = []

    def known(url: str) -> bool:
        asked.append(url)
        return url in (first, third)

    again = documents(feed, known=known)
    assert [item.source for item in again if isinstance(item, RawDocument)] == [second]
    assert site.requests_for("/a.html") == 1 and site.requests_for("/c.txt") == 1 and site.requests_for("/b.html") == 2
    assert feed in asked  # the feed itself is asked about too (a store never holds a feed, so it is fetched)


def test_an_atom_feed_with_relative_links_and_a_broken_feed(site: Site) -> None:
    site.page("/story/a.html", (VEYRA / "amarin-review.html").read_bytes())
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        '<id>urn:x</id><updated>2025-03-07T10:00:00Z</updated><entry><title>Tugs pull Orrin Tide</title>'
        '<link href="/story/a.html"/><id>urn:a</id><updated>2025-03-07T10:00:00Z</updated></entry></feed>'
    )
    feed = site.page("/atom", atom, "application/atom+xml")
    (page,) = documents(feed)
    assert isinstance(page, RawDocument) and page.source == site.url + "/story/a.html" and str(page.published) == "2025-03-07"
    broken = site.page("/broken.xml", "<?xml version='1.0'?><rss><channel><title>half", "application/rss+xml")
    (failure,) = documents(broken)
    assert isinstance(failure, FetchFailed) and "not a readable feed" in one_line(failure)


def test_a_file_of_urls_and_urls_mixed_with_files_keep_their_order(site: Site, tmp_path: Path) -> None:
    first = site.page("/a.html", (VEYRA / "amarin-review.html").read_bytes())
    second = site.page("/b.html", (VEYRA / "meridian-press-agency.html").read_bytes())
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# the desk's list\n{first}\n\nnot a url\n{second}\n{first}\n", encoding="utf-8")
    local = tmp_path / "local.html"
    local.write_bytes(gzip.decompress((VEYRA / "gulf-observer.html.gz").read_bytes()))
    items = documents(str(local), UrlList(listing), str(local), first)
    sources = [item.source for item in items]
    assert sources == [str(local), first, f"{listing}:4", second, str(local)]  # a URL twice in one run is fetched once
    assert isinstance(items[2], MalformedRecord) and one_line(items[2]).startswith(f"{listing}:4: ")
    (missing,) = documents(UrlList(tmp_path / "none.txt"))
    assert "No such file" in one_line(missing)


def test_fetching_is_concurrent_but_pages_come_in_the_order_asked(site: Site) -> None:
    body = (VEYRA / "amarin-review.html").read_bytes()
    urls = [site.page(f"/r{number}.html", body, delay=0.2 if number % 2 == 0 else 0.0) for number in range(8)]
    seen: list[str] = []
    lock = threading.Lock()
    for item in iter_documents(urls, Settings(fetch=FetchSettings(workers=4, per_host=4))):
        with lock:
            seen.append(getattr(item, "source", ""))
    assert seen == urls
    assert site.most_in_flight > 1
