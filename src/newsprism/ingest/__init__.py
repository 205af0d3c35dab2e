"""Ingest: what users hold -> RawDocuments (or the InputError of each bad one).

An input is any of

* a path (`Path`, or a string naming one): a file, a directory (read
  recursively, known extensions only), or a glob pattern; "-" is standard input;
* a string of text or HTML (a page dump, an HTML page, JSONL), told apart
  from a path by `is_path_like`;
* a JSON record as a mapping ({id, text | html, url, outlet, title, published},
  or a prepared article as `extract` writes it);
* a RawDocument, taken as it is;
* an http or https URL (a page, or an RSS/Atom feed whose items are pages),
  or a `UrlList` (a file of URLs): fetched politely (`newsprism.ingest.fetch`).

Each file format is a `Reader`: it says which paths it takes and turns one
path's bytes into documents. Page dumps (.txt, .md), HTML pages (.html, .htm;
gzip is recognised by its bytes), JSON/JSONL records (`readers`) and WARC
files (`warc`) are read; another format plugs in the same way (add a Reader
to READERS). Consecutive web inputs are fetched together, several at a time,
and their pages come in the inputs' order.

Reading never raises for a bad document: it yields the InputError instead,
so a batch reports it and goes on.
"""

from __future__ import annotations

import glob
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import InputError, UnreadableInput
from newsprism.ingest.readers import (
    HTML_SUFFIXES,
    RECORD_SUFFIXES,
    TEXT_SUFFIXES,
    PageReader,
    Reader,
    RecordReader,
    base_suffix,
    read_bytes_document,
    read_text_document,
    record_document,
)
from newsprism.ingest.urls import UrlList, is_url
from newsprism.ingest.warc import WARC_SUFFIXES, WarcReader
from newsprism.model import RawDocument

STDIN = "-"
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | RECORD_SUFFIXES | WARC_SUFFIXES | {".gz"}
# A string longer than this, or with a line break, is content, never a path.
LONGEST_PATH = 4096

READERS: list[Reader] = [PageReader(), RecordReader(), WarcReader()]
# A file with any other name is read as a page: HTML when it looks like markup, else a page dump.
FALLBACK_READER: Reader = READERS[0]

Input = str | os.PathLike[str] | Mapping[str, Any] | RawDocument | bytes | UrlList


def iter_documents(
    inputs: Iterable[Input],
    settings: Settings = DEFAULT_SETTINGS,
    exclude: Iterable[Path] = (),
    on_skipped: Callable[[Path], None] | None = None,
    known_url: Callable[[str], bool] | None = None,
) -> Iterator[RawDocument | InputError]:
    """Every document the inputs hold, in order; a bad one comes as its InputError.

    Files in `exclude` (the run's own output) are not read; `on_skipped` is
    called for each file of a directory that is not of a kind newsprism reads.
    A URL (a page's, or a feed item's) that `known_url` knows is not fetched.
    """
    numbered = enumerate(inputs, 1)
    fetched: set[str] = set()  # a URL named twice in one run is fetched once
    for web, run in itertools.groupby(numbered, key=lambda pair: is_web_input(pair[1])):
        if web:
            from newsprism.ingest.web import web_documents  # the HTTP client is imported only when a URL is read

            yield from web_documents((item for _, item in run), settings, known_url, fetched)  # type: ignore[misc]
        else:
            yield from local_documents(run, settings, exclude, on_skipped)


def is_web_input(item: Input) -> bool:
    return isinstance(item, UrlList) or (isinstance(item, str) and is_url(item))


def local_documents(
    numbered: Iterable[tuple[int, Input]], settings: Settings, exclude: Iterable[Path], on_skipped: Callable[[Path], None] | None
) -> Iterator[RawDocument | InputError]:
    skipped = {path.resolve() for path in exclude}
    names: dict[str, int] = {}
    for number, item in numbered:
        if isinstance(item, RawDocument):
            yield item
        elif isinstance(item, Mapping):
            yield record_document(dict(item), f"<record {number}>")
        elif isinstance(item, bytes):
            yield from read_bytes_document(item, f"<bytes {number}>", settings)
        elif isinstance(item, str) and item == STDIN:
            yield from read_bytes_document(sys.stdin.buffer.read(), "<stdin>", settings)
        elif isinstance(item, str) and not is_path_like(item):
            yield from read_text_document(item, f"<text {number}>")
        elif not isinstance(item, UrlList):  # URL lists are web inputs, read by web_documents
            given = os.fspath(item)
            for path in expand(given, on_skipped):
                if isinstance(path, InputError):
                    yield path
                elif path.resolve() not in skipped:
                    name = unique_name(document_name(given, path), names)
                    for document in reader_for(path).read(path, settings):
                        yield named(document, str(path), name)


def document_name(given: str, path: Path) -> str:
    """A file's name as its article's id: relative to the folder given ("crocus/01_tass.txt" for the folder
    "stories"), else its own name. The path itself stays in `source`: an id travels into every reference of a
    story's JSON and reports, which are shared, and a local folder has no place there."""
    folder = Path(given)
    if folder.is_dir():
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            pass
    return path.name


def unique_name(name: str, names: dict[str, int]) -> str:
    """`name`, or "name#2", "name#3" ... when files of several inputs share it."""
    count = names[name] = names.get(name, 0) + 1
    return name if count == 1 else f"{name}#{count}"


def named(document: RawDocument | InputError, path: str, name: str) -> RawDocument | InputError:
    """The document with its id's path part ("/x/pages/a.jsonl:3") replaced by the file's name ("a.jsonl:3")."""
    if isinstance(document, RawDocument) and document.id.startswith(path):
        return document.model_copy(update={"id": name + document.id[len(path) :]})
    return document


def is_path_like(text: str) -> bool:
    """Whether a string names a path rather than holding a document: it has no line break and is short, and it
    exists, is a glob pattern, ends with a known extension, or has no space ("pages/", "story.txt", "a b.html")."""
    if "\n" in text or len(text) > LONGEST_PATH or text.lstrip().startswith(("<", "{")):
        return False
    return " " not in text.strip() or Path(text).exists() or glob.has_magic(text) or base_suffix(Path(text)) in KNOWN_SUFFIXES


def expand(item: str, on_skipped: Callable[[Path], None] | None = None) -> Iterator[Path | InputError]:
    """The files an input names: itself, a directory's known files, or a glob's matches."""
    path = Path(item)
    if path.is_dir():
        files = []
        for candidate in sorted(path.rglob("*")):
            if not candidate.is_file():
                continue
            if any(reader.takes(candidate) for reader in READERS):
                files.append(candidate)
            elif on_skipped is not None:
                on_skipped(candidate)
        if not files:
            yield UnreadableInput(item, "directory holds no .txt, .md, .html, .htm, .json, .jsonl or .warc files")
        yield from files
        return
    if path.exists():
        yield path
        return
    if glob.has_magic(item):
        matches = sorted(Path(match) for match in glob.glob(item, recursive=True) if Path(match).is_file())
        if not matches:
            yield UnreadableInput(item, "no files match this pattern")
        yield from matches
        return
    yield UnreadableInput(item, "no such file or directory")


def reader_for(path: Path) -> Reader:
    """The reader for a path: the first that takes its name, else the page reader (which sniffs content)."""
    for reader in READERS:
        if reader.takes(path):
            return reader
    return FALLBACK_READER


__all__ = ["Input", "RawDocument", "STDIN", "UrlList", "expand", "is_path_like", "iter_documents"]
