"""A hostile batch through `newsprism extract`: no traceback, one line per bad document, no good document lost.

Every file is made here: bad bytes of every kind the issue lists beside the
fictional page dump in several disguises (UTF-16, CR-only line ends,
zero-width characters, a file name with a line break).
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_extract import run
from tests.conftest import EXAMPLES, FICTIONAL_DUMP

ZERO_WIDTH = "\u200b\u200d\ufeff"


def write_batch(folder: Path) -> tuple[list[str], list[str]]:
    """The hostile batch: (names of the good documents, names of the bad ones)."""
    good = {
        "plain.txt": FICTIONAL_DUMP.encode(),
        "utf16.txt": FICTIONAL_DUMP.encode("utf-16"),
        "cr-only.txt": FICTIONAL_DUMP.replace("\n", "\r").encode(),
        "zero-width.txt": FICTIONAL_DUMP.replace(" the ", f" the{ZERO_WIDTH} ").replace("Mirrow", f"Mir{ZERO_WIDTH}row").encode(),
        "line\nbreak.txt": FICTIONAL_DUMP.encode(),
        # One line of ten million characters: read, its body cut to the length the language pipeline takes.
        "long-line.txt": ("The harbour council met again on Monday. " * 250_000)[:10_000_000].encode(),
    }
    record = {"id": "fine", "text": "The ferry to Lisca Island runs again from Monday, the harbour board said on Friday."}
    deep = "<div>" * 100_000 + "<p>" + "The ferry runs again. " * 40 + "</p>" + "</div>" * 100_000
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    bad = {
        "empty.txt": b"",
        "binary.html": bytes(range(256)) * 40,
        "nul.txt": b"The council met. \x00 and then " * 200,
        "long-word.txt": b"x" * 3_000_000,
        "bomb.html.gz": gzip.compress(b"<p>lol</p>" * 12_000_000, compresslevel=9),
        "binary.txt.gz": gzip.compress(bytes(range(256)) * 200),
        "deep.html": f"<html><body>{deep}</body></html>".encode(),
        "entity-bomb.html": f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{laughs}]><html><body><p>&l9;</p></body></html>'.encode(),
    }
    lines = [json.dumps(record), "{broken", "[1, 2]", json.dumps({"id": "no-text"})]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, data in {**good, **bad}.items():
        (folder / name).write_bytes(data)
    return [*good, "records.jsonl:1"], [*bad, "records.jsonl:2", "records.jsonl:3", "records.jsonl:4"]


@pytest.mark.slow
def test_a_hostile_batch_loses_no_good_document(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    good, bad = write_batch(folder)
    out = tmp_path / "out.jsonl"
    started = time.perf_counter()
    result = run("extract", str(folder), "-o", str(out))
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and result.returncode == 0, stderr
    assert time.perf_counter() - started < 240, "a hostile document must not stall the batch"
    lines = stderr.strip().split("\n")
    assert len(lines) == len(bad) + 1, lines  # one line per bad document, then the summary
    for name in bad:
        assert sum(f"/{name}:" in line for line in lines[:-1]) == 1, (name, lines)
    assert lines[-1].endswith(f"{len(good)} article(s) written to {out}, {len(bad)} failed")
    assert "line\\nbreak.txt" not in stderr  # a good file: not in the errors
    articles = {Path(article["source"]).name: article for article in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert sorted(articles) == sorted(good)
    for name in ("plain.txt", "utf16.txt", "cr-only.txt", "line\nbreak.txt"):
        assert articles[name]["headline"] == "Lantern festival draws record crowds to Mirrow", name
    cut = articles["long-line.txt"]
    assert len(cut["body"]) <= 200_000 and cut["notes"] and "cut" in cut["notes"][0]


def test_a_bad_name_is_shown_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "two\nlines.txt"), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[0].endswith("two\\nlines.txt: empty file")
    assert not (tmp_path / "out.jsonl").exists(), "a run that writes nothing leaves no output file"


@pytest.mark.slow
def test_an_interrupted_extract_keeps_every_finished_article(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "COLUMNS": "200"}
    inputs = tmp_path / "inputs"  # enough pages that the run is still going when the interrupt lands, however fast it is
    inputs.mkdir()
    for copy in range(8):
        for page in sorted((EXAMPLES / "port-veyra-grounding").glob("*.txt")):
            (inputs / f"{copy}-{page.name}").write_bytes(page.read_bytes())
    command = [sys.executable, "-m", "newsprism", "extract", str(inputs), "-o", str(out), "-q"]
    # A shell that runs the suite in the background hands its children SIGINT ignored, and Python then never raises
    # KeyboardInterrupt: the run must see the interrupt as a user at a terminal would.
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and not (out.exists() and out.read_bytes().count(b"\n") >= 1):
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    written = out.read_text(encoding="utf-8").splitlines()
    assert process.returncode == 130 and stderr.decode().strip() == f"newsprism: interrupted after {len(written)} article(s)", stderr
    assert written and all(json.loads(line)["body"] for line in written)
