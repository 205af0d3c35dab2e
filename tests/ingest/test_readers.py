import gzip
import json
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.errors import BinaryInput, EmptyInput, InputError, MalformedRecord, OversizedInput, UnreadableInput
from newsprism.ingest import iter_documents
from newsprism.ingest.readers import decode
from newsprism.model import RawDocument


def test_encodings_are_detected() -> None:
    text = "Café owners in Mirrow said the festival “changed everything” for them this year."
    assert decode(text.encode("utf-8"), "a") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "a") == text
    assert decode(text.encode("utf-16"), "a") == text
    cp1252 = "Caf\xe9 owners said the festival \u201cchanged everything\u201d for them, and the mayor agreed."
    assert decode(cp1252.encode("cp1252"), "a") == cp1252


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"", EmptyInput), (b"   \n\t", EmptyInput), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, BinaryInput)],
)
def test_bad_bytes_raise_clear_errors(data: bytes, error: type) -> None:
    with pytest.raises(error):
        decode(data, "f")


def test_files_directories_globs_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Page dump text", encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>x</p></body></html>"))
    (tmp_path / "c.html").write_bytes(gzip.compress(b"<html><body><p>gzip known by its bytes</p></body></html>"))
    (tmp_path / "notes.md").write_text("A Markdown dump is a page dump too.")
    (tmp_path / "table.csv").write_text("a,b\n1,2\n")
    skipped: list[Path] = []
    kinds = {Path(doc.source).name: doc.kind for doc in iter_documents([str(tmp_path)], on_skipped=skipped.append)}  # type: ignore[union-attr]
    assert kinds == {"a.txt": "text", "b.html.gz": "html", "c.html": "html", "notes.md": "text"}
    assert [path.name for path in skipped] == ["table.csv"]
    (gzipped,) = iter_documents([gzip.compress(b"<html><body><p>from stdin</p></body></html>")])
    assert isinstance(gzipped, RawDocument) and gzipped.kind == "html" and "from stdin" in gzipped.content
    globbed = list(iter_documents([str(tmp_path / "*.txt")]))
    assert [Path(doc.source).name for doc in globbed] == ["a.txt"]  # type: ignore[union-attr]


def test_jsonl_records_keep_their_ids_and_bad_lines_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "w-1", "text": "Clean body.", "outlet": "Wire", "published": "2031-03-05"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "w-3", "title": "no body"}) + "\n"
        + json.dumps({"id": "w-4", "html": "<p>page</p>"}) + "\n",
        encoding="utf-8",
    )
    items = list(iter_documents([str(path)]))
    assert items[0].id == "w-1" and items[0].kind == "body" and items[0].outlet == "Wire"  # type: ignore[union-attr]
    assert isinstance(items[1], MalformedRecord) and items[1].source.endswith("feed.jsonl:2")
    assert isinstance(items[2], MalformedRecord) and "neither" in items[2].cause
    assert items[3].kind == "html"  # type: ignore[union-attr]


def test_missing_paths_and_oversized_files(tmp_path: Path) -> None:
    missing = list(iter_documents([str(tmp_path / "nope.txt")]))
    assert isinstance(missing[0], UnreadableInput)
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    items = list(iter_documents([str(big)], Settings(max_document_bytes=1000)))
    assert isinstance(items[0], OversizedInput) and "limit" in items[0].cause


def test_a_jsonl_file_over_the_size_limit_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    record = json.dumps({"id": "r", "text": "A clean body of some words. " * 20})
    lines = [record.replace('"r"', f'"r{n}"') for n in range(40)]
    lines[7] = json.dumps({"id": "huge", "text": "word " * 400})  # one line over the limit
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings(max_document_bytes=1000)
    assert path.stat().st_size > 20 * settings.max_document_bytes
    items = list(iter_documents([str(path)], settings))
    assert len(items) == 40
    assert isinstance(items[7], OversizedInput) and items[7].source.endswith("big.jsonl:8")
    assert [item.id for item in items if not isinstance(item, InputError)] == [f"r{n}" for n in range(40) if n != 7]
    gzipped = tmp_path / "big.jsonl.gz"
    gzipped.write_bytes(gzip.compress(path.read_bytes()))
    assert [getattr(item, "id", None) for item in iter_documents([str(gzipped)], settings)] == [getattr(item, "id", None) for item in items]
