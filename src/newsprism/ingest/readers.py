"""Readers: bytes of one path -> RawDocuments, with size, binary and encoding checks.

Gzip is recognised by its bytes, whatever the name (a gzipped page on stdin
or named .html is read like one named .html.gz), and inflated at most to the
size limit, so a gzip bomb is refused without being inflated.

Decoding: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else strict
UTF-8; else charset-normalizer's best guess (cp1252, latin-1, ...). Bytes that
look binary (NUL bytes outside UTF-16, or mostly control characters) are
refused rather than decoded into noise.

A JSON record that carries `prepared` (a line of `newsprism extract`'s
output) is an article already prepared: it is read back as it is (kind
"article"), not cleaned and parsed again.

A JSONL file is read a line at a time, and the size limit holds for each
line, not for the file: `extract`'s output for a thousand articles is tens
of megabytes. A line over the limit is one error and the next line is read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from newsprism.config import Settings
from newsprism.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    MalformedRecord,
    OversizedInput,
    UndecodableInput,
    UnreadableInput,
)
from newsprism.model import RawDocument

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}
GZIP_MAGIC = b"\x1f\x8b"


class Reader(Protocol):
    def takes(self, path: Path) -> bool: ...

    def read(self, path: Path, settings: Settings) -> Iterator[RawDocument | InputError]: ...


def base_suffix(path: Path) -> str:
    """The suffix that names the format, looking through a trailing .gz."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def load_bytes(path: Path, settings: Settings) -> bytes:
    """A file's bytes, gunzipped when they are gzip; raises the InputError that says why not."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_document_bytes:
            raise OversizedInput(source, f"{size / 1e6:.1f} MB exceeds the {settings.max_document_bytes / 1e6:.0f} MB limit")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableInput(source, error.strerror or str(error)) from None
    return gunzip(data, source, settings)


def gunzip(data: bytes, source: str, settings: Settings) -> bytes:
    """The inflated bytes when `data` is gzip (by its magic number), else `data`; raises for a broken or oversized one."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        # Read one byte past the limit so a gzip bomb is refused, not inflated.
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            data = stream.read(settings.max_document_bytes + 1)
    except (OSError, EOFError, zlib.error):
        raise UnreadableInput(source, "not a valid gzip file") from None
    if len(data) > settings.max_document_bytes:
        raise OversizedInput(source, f"decompresses to more than {settings.max_document_bytes / 1e6:.0f} MB")
    return data


def decode(data: bytes, source: str) -> str:
    """Text from bytes: BOM, strict UTF-8, then charset-normalizer; raises Empty/Binary/Undecodable."""
    if not data.strip():
        raise EmptyInput(source, "empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UndecodableInput(source, f"invalid {encoding.upper()} despite its byte-order mark") from None
            return _require_text(text, source)
    if b"\x00" in data[:4096]:
        raise BinaryInput(source, "binary content (NUL bytes), not a text or HTML page")
    try:
        return _require_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UndecodableInput(source, "cannot determine the text encoding")
    try:
        return _require_text(data.decode(best.encoding), source)
    except (UnicodeDecodeError, LookupError):
        raise UndecodableInput(source, f"bytes do not decode as {best.encoding}") from None


def _require_text(text: str, source: str) -> str:
    if not text.strip():
        raise EmptyInput(source, "only white space")
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if control > 0.05 * len(sample):
        raise BinaryInput(source, "binary content (control characters), not a text or HTML page")
    return text


def load_text(path: Path, settings: Settings) -> str | InputError:
    """A file's decoded text, or the InputError that says why it has none (returned, for the reader to yield)."""
    try:
        return decode(load_bytes(path, settings), str(path))
    except InputError as error:
        return error


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2048].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head


class PageReader:
    """A .txt page dump or an .html/.htm page (optionally gzipped); other names are told apart by content."""

    def takes(self, path: Path) -> bool:
        return base_suffix(path) in HTML_SUFFIXES | TEXT_SUFFIXES

    def read(self, path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
        source = str(path)
        text = load_text(path, settings)
        if isinstance(text, InputError):
            yield text
            return
        is_html = base_suffix(path) in HTML_SUFFIXES or looks_like_html(text)
        yield RawDocument(id=source, source=source, kind="html" if is_html else "text", content=text)


class RecordReader:
    """JSONL (one record per line) or JSON (one record or a list of records).

    A record is {id, text | html, url, outlet, title, published}: "text" is
    taken as a clean body, "html" goes through HTML extraction.
    """

    def takes(self, path: Path) -> bool:
        return base_suffix(path) in RECORD_SUFFIXES

    def read(self, path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
        source = str(path)
        if base_suffix(path) != ".json" and not starts_with_wide_bom(path):
            yield from read_jsonl_lines(path, settings)
            return
        text = load_text(path, settings)
        if isinstance(text, InputError):
            yield text
            return
        yield from read_records(text, source, jsonl=base_suffix(path) != ".json")


def starts_with_wide_bom(path: Path) -> bool:
    """A UTF-16 or UTF-32 file, whose lines cannot be read as bytes: read whole, under the file size limit."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
    except OSError:
        return False
    return any(head.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8-sig")


def open_binary(path: Path) -> io.BufferedReader | InputError:
    """The file opened for reading bytes, or the UnreadableInput that says why it cannot be."""
    try:
        return path.open("rb")
    except OSError as error:
        return UnreadableInput(str(path), error.strerror or str(error))


def read_jsonl_lines(path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
    """The records of a JSONL file (gzipped or not), a line at a time, each line under the size limit."""
    source = str(path)
    limit = settings.max_document_bytes
    raw = open_binary(path)
    if isinstance(raw, InputError):
        yield raw
        return
    with raw:
        stream: io.BufferedIOBase | gzip.GzipFile = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == GZIP_MAGIC else raw
        records = 0
        try:
            for number, line in jsonl_lines(stream, limit):
                where = f"{source}:{number}"
                if line is None:
                    yield OversizedInput(where, f"a line longer than the {limit / 1e6:.0f} MB limit")
                    continue
                if number == 1 and line.startswith(codecs.BOM_UTF8):
                    line = line[len(codecs.BOM_UTF8) :]
                if not line.strip():
                    continue
                if b"\x00" in line:
                    yield BinaryInput(source if records == 0 else where, "binary content (NUL bytes), not JSON lines")
                    if records == 0:
                        return
                    continue
                records += 1
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError:
                    yield MalformedRecord(where, "a line that is not UTF-8 text")
                    continue
                yield record_line(text, where)
        except (OSError, EOFError, zlib.error):
            yield UnreadableInput(source, "not a valid gzip file")
            return
        if records == 0:
            yield EmptyInput(source, "empty file")


def jsonl_lines(stream: io.BufferedIOBase | gzip.GzipFile, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, its bytes), or None for a line over `limit` bytes, whose rest is skipped unread into memory."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 16)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def read_records(text: str, source: str, jsonl: bool) -> Iterator[RawDocument | InputError]:
    if not jsonl:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as error:
            yield MalformedRecord(source, f"invalid JSON ({error.msg} at line {error.lineno})")
            return
        items = loaded if isinstance(loaded, list) else [loaded]
        for number, item in enumerate(items, 1):
            yield record_document(item, f"{source}#{number}" if len(items) > 1 else source)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield record_line(line, f"{source}:{number}")


def record_line(line: str, where: str) -> RawDocument | InputError:
    """One JSONL line -> RawDocument, or the MalformedRecord that says what is wrong with it."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return MalformedRecord(where, f"malformed JSON line ({error.msg})")
    return record_document(item, where)


def record_document(item: Any, where: str) -> RawDocument | InputError:
    """One JSON record -> RawDocument, or the MalformedRecord that says what is wrong with it."""
    if not isinstance(item, dict):
        return MalformedRecord(where, "record is not a JSON object")
    if item.get("prepared") is not None:
        return prepared_document(item, where)
    content, kind = None, "body"
    if isinstance(item.get("text"), str) and item["text"].strip():
        content = item["text"]
    elif isinstance(item.get("html"), str) and item["html"].strip():
        content, kind = item["html"], "html"
    if content is None:
        return MalformedRecord(where, "record has neither a non-empty 'text' nor 'html' field")
    published = None
    if item.get("published"):
        try:
            published = dt.date.fromisoformat(str(item["published"])[:10])
        except ValueError:
            return MalformedRecord(where, f"'published' is not an ISO date: {item['published']!r}")
    record_id = item.get("id")
    return RawDocument(
        id=str(record_id) if record_id is not None else where,
        source=where,
        kind=kind,  # type: ignore[arg-type]
        content=content,
        url=_optional_str(item.get("url")),
        outlet=_optional_str(item.get("outlet")),
        title=_optional_str(item.get("title")),
        published=published,
    )


def prepared_document(item: dict[str, Any], where: str) -> RawDocument:
    """A record of `newsprism extract`'s output: the prepared article, checked against the data model when it is read back."""
    record_id = item.get("id")
    return RawDocument(id=str(record_id) if record_id is not None else where, source=where, kind="article", content=json.dumps(item))


def _optional_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def read_bytes_document(data: bytes, source: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """Bytes of unknown kind (standard input): gzip is inflated; JSONL when every line is a JSON object, else an HTML page or a page dump."""
    if len(data) > settings.max_document_bytes:
        yield OversizedInput(source, f"{len(data) / 1e6:.1f} MB exceeds the {settings.max_document_bytes / 1e6:.0f} MB limit")
        return
    try:
        text = decode(gunzip(data, source, settings), source)
    except InputError as error:
        yield error
        return
    yield from read_text_document(text, source)


def read_text_document(text: str, source: str) -> Iterator[RawDocument | InputError]:
    """Text of unknown kind: JSONL when every line is a JSON object, else an HTML page or a page dump."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines[:5]):
        yield from read_records(text, source, jsonl=True)
        return
    yield RawDocument(id=source, source=source, kind="html" if looks_like_html(text) else "text", content=text)

