"""`newsprism cluster` and `newsprism analyze --stories` end to end, as a user runs them on a mixed stream."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from newsprism.render.json import story_schema
from tests.cli.test_extract import run
from tests.conftest import EXAMPLES

STREAM = [str(EXAMPLES / "port-veyra-grounding"), str(EXAMPLES / "lake-orvell-ferry")]
HOSTILE_TITLE = '<script>alert("x")</script><img src=x onerror=alert(1)> Ferry <b>fire</b>'


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cluster_writes_each_article_s_story_and_copies_and_continues_from_its_state(tmp_path: Path) -> None:
    out, state = tmp_path / "clusters.jsonl", tmp_path / "state.json"
    result = run("cluster", *STREAM, "-o", str(out), "--state", str(state))
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().strip().endswith("11 article(s) placed and written to " + str(out) + ", 0 failed")
    placed = lines(out)
    assert all(set(line) == {"id", "source", "story", "duplicate_of"} for line in placed)
    stories = {str(line["story"]) for line in placed}
    assert len(stories) == 2 and all(story.startswith("story-") for story in stories)
    copies = [line for line in placed if line["duplicate_of"]]
    assert [(Path(str(line["id"])).name, Path(str(line["duplicate_of"])).name) for line in copies] == [("tessing-daily.txt", "orvell-herald.txt")]
    assert {line["id"] for line in placed} >= {"anw-20250305-0117", "tns-20250306-0042"}  # records keep their ids
    saved = json.loads(state.read_text())
    assert saved["documents"] == 11 and saved["stories"]
    again = tmp_path / "again.jsonl"
    assert run("cluster", *STREAM, "-o", str(again), "--state", str(state), "-q").returncode == 0
    assert lines(again) == placed  # the same articles again: the same stories


def test_cluster_refuses_a_state_file_it_did_not_write(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text('{"stories": "not a list"}')
    result = run("cluster", STREAM[1], "-o", str(tmp_path / "out.jsonl"), "--state", str(state))
    assert result.returncode == 2
    (line,) = result.stderr.decode().strip().splitlines()
    assert line.startswith(f"newsprism: cannot read {state}: not a cluster state saved by newsprism")
    assert not (tmp_path / "out.jsonl").exists()


@pytest.fixture(scope="module")
def stories_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[bytes], Path]:
    folder = tmp_path_factory.mktemp("stories")
    hostile = folder.parent / "hostile.jsonl"
    body = "Smoke rose over the Harrow Point ferry slip on Sunday as the ferry Moth burned at its mooring. " * 3
    hostile.write_text(json.dumps({"id": "hostile-1", "title": HOSTILE_TITLE, "outlet": "<b>Outlet</b>", "text": body}) + "\n")
    result = run("analyze", "--stories", *STREAM, str(hostile), "-o", str(folder / "out"))
    return result, folder / "out"


def test_analyze_stories_writes_a_folder_per_story_and_an_index(stories_folder: tuple[subprocess.CompletedProcess[bytes], Path]) -> None:
    result, out = stories_folder
    assert result.returncode == 0, result.stderr
    index = json.loads((out / "index.json").read_text())
    assert len(index) == 3
    schema = story_schema()
    for record in index:
        assert set(record) >= {"id", "title", "outlets", "articles", "first", "last", "conflicts", "brief", "files"}
        story = json.loads((out / record["files"]["story"]).read_text())
        jsonschema.validate(story, schema)
        assert story["id"] == record["id"] and len(story["articles"]) == record["articles"]
        assert (out / record["files"]["html"]).is_file() and (out / record["files"]["md"]).is_file()
    (ferry,) = (record for record in index if "Orvell Herald" in record["outlets"])
    assert ferry["articles"] == 3 and ferry["first"] == "2025-06-17" and ferry["last"] == "2025-06-18"
    story = json.loads((out / ferry["files"]["story"]).read_text())
    assert [text["outlets"] for text in story["shared_texts"]] == [["Orvell Herald", "Tessing Daily"]]
    page = (out / "index.html").read_text()
    for record in index:
        assert f'href="{record["files"]["html"]}"' in page
    assert str(out.parent) not in page and str(out.parent) not in (out / "index.json").read_text()  # no local paths


def test_the_index_page_escapes_what_the_articles_say(stories_folder: tuple[subprocess.CompletedProcess[bytes], Path]) -> None:
    _, out = stories_folder
    page = (out / "index.html").read_text()
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<b>" not in page
    assert "&lt;script&gt;" in page
    assert "default-src 'none'" in page


def test_analyze_stories_usage_errors(tmp_path: Path) -> None:
    to_stdout = run("analyze", "--stories", STREAM[1], "-o", "-")
    assert to_stdout.returncode == 2 and "name it with -o DIR" in to_stdout.stderr.decode()
    with_report = run("analyze", "--stories", STREAM[1], "-o", str(tmp_path / "out"), "--html", str(tmp_path / "r.html"))
    assert with_report.returncode == 2 and len(with_report.stderr.decode().strip().splitlines()) == 1
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert run("analyze", "--stories", STREAM[1], "-o", str(a_file)).returncode == 2
