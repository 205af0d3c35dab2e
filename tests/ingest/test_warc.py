"""WARC files as CC-NEWS publishes them: every HTML response record is a page; the crawl's bookkeeping is passed over."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.config import Settings
from newsprism.errors import InputError, OversizedInput, UnreadableInput
from newsprism.ingest import iter_documents
from newsprism.model import RawDocument
from tests.conftest import EXAMPLES

VEYRA = EXAMPLES / "port-veyra-grounding"


def write_warc(path: Path, records: list[tuple[str, str, int, str, bytes]], gzipped: bool = True) -> None:
    """(record type, URL, HTTP status, Content-Type, body) -> a WARC file."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        for kind, url, status, content_type, body in records:
            if kind == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers))
                continue
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=headers))


def test_the_html_responses_of_a_warc_are_its_pages_by_their_urls(tmp_path: Path) -> None:
    amarin = (VEYRA / "amarin-review.html").read_bytes()
    gulf = gzip.decompress((VEYRA / "gulf-observer.html.gz").read_bytes())
    records = [
        ("request", "https://amarin.example/news/1", 0, "", b""),
        ("response", "https://amarin.example/news/1", 200, "text/html; charset=utf-8", amarin),
        ("response", "https://amarin.example/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n"),
        ("response", "https://amarin.example/gone", 404, "text/html", b"<html><body>gone</body></html>"),
        ("response", "https://amarin.example/moved", 301, "text/html", b""),
        ("response", "https://gulf.example/story", 200, "application/xhtml+xml", gulf),
    ]
    for gzipped, name in ((True, "crawl.warc.gz"), (False, "crawl.warc")):
        path = tmp_path / name
        write_warc(path, records, gzipped)
        pages = list(iter_documents([str(path)]))
        assert all(isinstance(page, RawDocument) and page.kind == "html" for page in pages)
        assert [page.source for page in pages] == ["https://amarin.example/news/1", "https://gulf.example/story"]  # type: ignore[union-attr]
        assert [page.url for page in pages] == [page.source for page in pages]  # type: ignore[union-attr]
        assert "Orrin Tide" in pages[0].content  # type: ignore[union-attr]


def test_a_folder_holding_a_warc_reads_it_and_a_record_over_the_limit_is_one_error(tmp_path: Path) -> None:
    amarin = (VEYRA / "amarin-review.html").read_bytes()
    write_warc(
        tmp_path / "cc-news.warc.gz",
        [("response", "https://big.example/a", 200, "text/html", b"<html><body>" + b"z" * 60_000 + b"</body></html>"),
         ("response", "https://amarin.example/news/1", 200, "text/html", amarin)],
    )
    items = list(iter_documents([str(tmp_path)], Settings(max_document_bytes=50_000)))
    assert isinstance(items[0], OversizedInput) and str(items[0]).startswith("https://big.example/a: ")
    assert isinstance(items[1], RawDocument) and items[1].source == "https://amarin.example/news/1"


def test_a_broken_or_empty_warc_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(gzip.compress(b"this is not a WARC record\r\n\r\n"))
    empty = tmp_path / "only-requests.warc"
    write_warc(empty, [("request", "https://a.example/", 0, "", b"")], gzipped=False)
    for path, cause in ((broken, "not a readable WARC file"), (empty, "holds no HTML responses")):
        (error,) = list(iter_documents([str(path)]))
        assert isinstance(error, UnreadableInput | InputError) and cause in str(error) and "\n" not in str(error)
        assert str(error).startswith(f"{path}: ")
