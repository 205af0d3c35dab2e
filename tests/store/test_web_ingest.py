"""Ingesting from the web into the store: a feed's new items only, pages by URL, a WARC, and each failure one line."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from newsprism.config import FetchSettings, Settings
from newsprism.errors import InputError
from newsprism.store import IngestSummary, Store
from newsprism.store.tables import StoryEntity
from tests.conftest import EXAMPLES, MODELS
from tests.ingest.test_warc import write_warc
from tests.ingest.test_web import rss
from tests.website import Site

VEYRA = EXAMPLES / "port-veyra-grounding"
QUICK = Settings(fetch=FetchSettings(timeout_s=1.0, retries=0, workers=4))


def serve_veyra(site: Site) -> list[str]:
    """The grounding's three HTML pages on the site, and a feed of them (the feed's URL last)."""
    pages = [
        site.page("/amarin.html", (VEYRA / "amarin-review.html").read_bytes()),
        site.page("/meridian.html", (VEYRA / "meridian-press-agency.html").read_bytes()),
        site.page("/gulf.html", gzip.decompress((VEYRA / "gulf-observer.html.gz").read_bytes())),
    ]
    return [*pages, site.page("/feed.xml", rss(site, pages), "application/rss+xml")]


def ingest(store: Store, *inputs: object) -> tuple[IngestSummary, list[InputError]]:
    results = list(store.ingest(list(inputs), models=MODELS, settings=QUICK))  # type: ignore[arg-type]
    summary = results[-1]
    assert isinstance(summary, IngestSummary)
    return summary, [item for item in results if isinstance(item, InputError)]


def test_a_feed_ingested_again_fetches_only_its_new_items(store: Store, site: Site) -> None:
    *pages, feed = serve_veyra(site)
    site.page("/feed.xml", rss(site, pages[:2]), "application/rss+xml")  # the feed as it was an hour ago
    summary, errors = ingest(store, feed)
    assert (summary.new, summary.known, summary.failed, summary.stories_created) == (2, 0, 0, 1) and not errors

    site.page("/feed.xml", rss(site, pages), "application/rss+xml")  # one item more
    summary, errors = ingest(store, feed)
    assert (summary.new, summary.known, summary.stories_created, summary.stories_updated) == (1, 2, 0, 1) and not errors
    assert [site.requests_for(path) for path in ("/amarin.html", "/meridian.html", "/gulf.html", "/feed.xml")] == [1, 1, 1, 2]

    summary, _ = ingest(store, feed, *pages)  # the same feed and its pages by URL: nothing fetched but the feed
    assert (summary.new, summary.known) == (0, 3) and site.requests_for("/feed.xml") == 3
    (story,) = store.stories()
    assert story["articles"] == 3
    with store.sessions() as session:
        names = set(session.scalars(select(StoryEntity.name).where(StoryEntity.story == story["id"])))
    assert "Orrin Tide" in names


def test_a_warc_ingests_and_its_pages_are_not_stored_twice_when_fetched_again(store: Store, site: Site, tmp_path: Path) -> None:
    *pages, _ = serve_veyra(site)
    warc = tmp_path / "cc-news.warc.gz"
    records = [("response", url, 200, "text/html", Path(VEYRA / "amarin-review.html").read_bytes()) for url in pages[:1]]
    write_warc(warc, records)
    summary, errors = ingest(store, warc)
    assert (summary.new, summary.failed) == (1, 0) and not errors
    summary, _ = ingest(store, *pages)
    assert (summary.new, summary.known) == (2, 1) and site.requests_for("/amarin.html") == 0


def test_the_ingest_command_reads_urls_and_url_files_and_prints_each_failure_on_one_line(site: Site, tmp_path: Path) -> None:
    *pages, feed = serve_veyra(site)
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{pages[0]}\n{site.url}/missing.html\n{site.url}/private/x.html\nftp://old.example/a\n", encoding="utf-8")
    database = f"sqlite:///{tmp_path / 'desk.db'}"
    command = [sys.executable, "-m", "newsprism", "ingest", "--db", database, "-i", str(listing), pages[1]]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr
    assert [line for line in lines if "missing.html" in line] == [f"newsprism: {site.url}/missing.html: HTTP 404 Not Found"]
    assert any(line.startswith(f"newsprism: {site.url}/private/x.html: robots.txt of ") and line.endswith("does not allow it") for line in lines)
    assert any(f"{listing}:4: not an http or https URL" in line for line in lines)
    assert lines[-1].startswith("newsprism: 2 new article(s) (0 copied from another), 0 already stored, 3 failed")
    assert site.requests_for("/private/x.html") == 0  # robots.txt forbids it: never asked
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert "0 new article(s) (0 copied from another), 2 already stored" in again.stderr and site.requests_for("/amarin.html") == 1
