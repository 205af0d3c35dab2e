"""Ingest: paths, directories, globs and stdin -> RawDocuments (or the InputError of each bad one).

Each format is a `Reader`: it says which paths it takes and turns one path's
bytes into documents. Page dumps (.txt), HTML pages (.html, .htm, also .gz)
and JSON/JSONL records are here; URL, RSS/Atom and WARC readers plug in the
same way (add a Reader to READERS).

Reading never raises for a bad document: it yields the InputError instead,
so a batch reports it and goes on.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import InputError, UnreadableInput
from newsprism.ingest.readers import FALLBACK_READER, READERS, Reader, read_bytes_document
from newsprism.model import RawDocument

STDIN = "-"


def iter_documents(inputs: Iterable[str], settings: Settings = DEFAULT_SETTINGS, exclude: Iterable[Path] = ()) -> Iterator[RawDocument | InputError]:
    """Every document named by `inputs`, in order; a bad one comes as its InputError.

    An input is a file, a directory (read recursively, known extensions only),
    a glob pattern, or "-" for standard input (a page dump, HTML page or JSONL,
    told apart by content). Files in `exclude` (the run's own output) are skipped.
    """
    skipped = {path.resolve() for path in exclude}
    for item in inputs:
        if item == STDIN:
            data = sys.stdin.buffer.read()
            yield from read_bytes_document(data, "<stdin>", settings)
            continue
        for path in expand(item):
            if isinstance(path, InputError):
                yield path
                continue
            if path.resolve() in skipped:
                continue
            reader = reader_for(path)
            yield from reader.read(path, settings)


def expand(item: str) -> Iterator[Path | InputError]:
    """The files an input names: itself, a directory's known files, or a glob's matches."""
    path = Path(item)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and any(r.takes(p) for r in READERS))
        if not files:
            yield UnreadableInput(item, "directory holds no .txt, .html, .htm, .json or .jsonl files")
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


__all__ = ["iter_documents", "expand", "STDIN", "RawDocument"]
