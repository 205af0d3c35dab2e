"""`newsprism ingest`, `stories` and `show` end to end, as a desk runs them against one database."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_extract import run
from tests.conftest import EXAMPLES

FERRY = str(EXAMPLES / "lake-orvell-ferry")


def test_ingest_twice_list_and_show_as_analyze_writes_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'desk.db'}"
    first = run("ingest", FERRY, "--db", db)
    assert first.returncode == 0, first.stderr
    summary = "3 new article(s) (1 copied from another), 0 already stored, 0 failed; 1 story(ies) created, 0 updated"
    assert first.stderr.decode().strip().endswith(f"{summary} ({db})")  # the ferry's wire copy
    again = run("ingest", FERRY, "--db", db, "--strict")
    assert again.returncode == 0 and "0 new article(s) (0 copied from another), 3 already stored" in again.stderr.decode()
    listed = run("stories", "--db", db)
    (story,) = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    assert story["articles"] == 3 and set(story) >= {"id", "title", "outlets", "first", "last", "conflicts"}
    assert run("show", story["id"], "--db", db, "-o", str(tmp_path / "shown.json"), "--html", str(tmp_path / "r.html")).returncode == 0
    assert run("analyze", FERRY, "-o", str(tmp_path / "analysed.json"), "-q").returncode == 0
    assert (tmp_path / "shown.json").read_bytes() == (tmp_path / "analysed.json").read_bytes()
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")


def test_show_an_unknown_story_is_one_line(tmp_path: Path) -> None:
    result = run("show", "story-000000000000", "--db", f"sqlite:///{tmp_path / 'empty.db'}")
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "newsprism: no story story-000000000000 in the store"
