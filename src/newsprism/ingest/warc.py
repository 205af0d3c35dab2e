"""WARC files (.warc, .warc.gz), as Common Crawl's CC-NEWS publishes them: every HTML response record is a page.

A record is a page when it is a `response` with HTTP status 200 and an HTML
(or XHTML) Content-Type; requests, metadata, redirects, robots.txt files and
images are the crawl's bookkeeping, not documents, and are passed over
silently. A page's source and id are its WARC-Target-URI. Each record is held
to the size limit; a record over it is one error, and the next is read.

Limits: the WARC-Date is when the page was crawled, not published, so it is
not taken as the article's date (the page's own metadata is). ARC files,
the WARC format's predecessor, are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsprism.config import Settings
from newsprism.errors import InputError, OversizedInput, UnreadableInput
from newsprism.ingest.readers import base_suffix, open_binary
from newsprism.model import RawDocument

WARC_SUFFIXES = {".warc"}


class WarcReader:
    """A WARC file, gzipped per record or not: its HTML responses, one RawDocument each."""

    def takes(self, path: Path) -> bool:
        return base_suffix(path) in WARC_SUFFIXES

    def read(self, path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
        # Imported here: reading other files never needs warcio or the HTTP client.
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        from newsprism.ingest.fetch import content_type
        from newsprism.ingest.web import HTML_TYPES, answer_document

        source = str(path)
        limit = settings.max_document_bytes
        stream = open_binary(path)
        if isinstance(stream, InputError):
            yield stream
            return
        pages = 0
        with stream:
            try:
                for record in ArchiveIterator(stream):
                    if record.format != "warc":  # warcio takes any line of words for an ARC header
                        raise ArchiveLoadFailed("not a WARC record")
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    if record.http_headers.get_statuscode() != "200":
                        continue
                    media_type, charset = content_type(record.http_headers.get_header("Content-Type") or "")
                    if media_type not in HTML_TYPES:
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{pages + 1}"
                    pages += 1
                    content = record.content_stream().read(limit + 1)
                    if len(content) > limit:
                        yield OversizedInput(url, f"a WARC record of more than the {limit / 1e6:.0f} MB limit")
                        continue
                    yield answer_document(url, url, content, media_type, charset)
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
                cause = str(error).strip().splitlines()[0][:160] if str(error).strip() else type(error).__name__
                where = "not a readable WARC file" if pages == 0 else f"the WARC file breaks off after {pages} page(s)"
                yield UnreadableInput(source, f"{where} ({cause})")
                return
        if pages == 0:
            yield UnreadableInput(source, "the WARC file holds no HTML responses")


__all__ = ["WarcReader"]
