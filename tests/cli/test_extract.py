"""The extract command end to end, as a user runs it: output contract, one-line errors, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from markupsafe import escape

from newsprism.render.json import article_schema, story_schema
from tests.conftest import EXAMPLES, FICTIONAL_DUMP

CONTRACT_KEYS = {"id", "source", "outlet", "headline", "byline", "published", "reference_date", "date_note",
                 "body", "removed", "entities", "quotes", "times", "framing"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "newsprism", *args], input=stdin, capture_output=True,
                          env=env, timeout=300, check=False)


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FICTIONAL_DUMP, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02\x03" * 500)
    (tmp_path / "menu.html").write_text("<html><body><nav><a>Home</a></nav></body></html>")
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "ok body"}\n{broken\n')
    (tmp_path / "huge.html").write_bytes(b"<p>" + b"word " * 4_200_000 + b"</p>")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "-o", str(out))
    errors = result.stderr.decode().strip().splitlines()
    assert result.returncode == 0
    assert "Traceback" not in result.stderr.decode()
    for name in ["empty.txt", "binary.html", "menu.html", "bad.jsonl:2", "huge.html", "missing.txt"]:
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert errors[-1].endswith("2 article(s) written to " + str(out) + ", 6 failed")
    articles = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(Path(a["source"]).name for a in articles) == ["bad.jsonl:1", "good.txt"]
    assert run("extract", str(tmp_path), "--strict", "-o", str(out)).returncode == 1


def test_output_follows_the_contract_and_the_schema(tmp_path: Path) -> None:
    result = run("extract", str(EXAMPLES / "port-veyra-grounding"), "-o", "-", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == 8
    schema = article_schema()
    for record in records:
        assert set(record) >= CONTRACT_KEYS
        jsonschema.validate(record, schema)
    ids = {record["id"] for record in records}
    assert "anw-20250305-0117" in ids  # a JSONL record keeps its own id
    assert any(record["source"].endswith("veyra-courier.txt") for record in records)


def test_stdin_and_help() -> None:
    result = run("extract", "-", "-q", stdin=FICTIONAL_DUMP.encode("utf-16"))
    assert result.returncode == 0
    assert json.loads(result.stdout)["source"] == "<stdin>"
    for args in (["--help"], ["extract", "--help"], ["schema", "--help"]):
        help_text = run(*args).stdout.decode()
        assert "Usage" in help_text
    assert "--strict" in run("extract", "--help").stdout.decode()


def test_no_readable_input_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o.jsonl"))
    assert result.returncode == 1
    assert "empty.txt: empty file" in result.stderr.decode()
    assert not (tmp_path / "o.jsonl").exists(), "a run that writes nothing leaves no empty output file behind"


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[bytes], Path]:
    """One `analyze` run of the bundled example with every output (the language pipeline costs seconds a run)."""
    out = tmp_path_factory.mktemp("analyze")
    result = run("analyze", str(EXAMPLES / "port-veyra-grounding"), "-o", str(out / "story.json"),
                 "--html", str(out / "report.html"), "--md", str(out / "report.md"), "--quiet")
    return result, out


def test_analyze_writes_the_story_with_one_entity_table(analyzed: tuple[subprocess.CompletedProcess[bytes], Path]) -> None:
    result, out = analyzed
    assert result.returncode == 0, result.stderr.decode()
    story = json.loads((out / "story.json").read_text())
    jsonschema.validate(story, story_schema())
    ids = {entity["id"] for entity in story["entities"]}
    for article in story["articles"]:
        assert {mention["entity"] for mention in article["entities"]} - {None} <= ids
    by_name = {entity["name"]: entity for entity in story["entities"]}
    # The fictional story's minister is named in every outlet, by full name or surname.
    assert len(by_name["Ilona Varesh"]["articles"]) >= 6


def test_analyze_writes_the_reports(analyzed: tuple[subprocess.CompletedProcess[bytes], Path]) -> None:
    result, out = analyzed
    assert result.returncode == 0, result.stderr.decode()
    story = json.loads((out / "story.json").read_text())
    page = (out / "report.html").read_text(encoding="utf-8")
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert markdown.startswith("# Story report: 8 articles from 8 outlets\n")
    for number, article in enumerate(story["articles"], 1):
        assert f'id="article-{number}"' in page
        assert str(escape(article["headline"])) in page
    assert "<h2>Facts by outlet</h2>" in page and "## Facts by outlet" in markdown
    assert "Ilona Varesh" in markdown


def test_analyze_report_path_that_cannot_be_written(tmp_path: Path) -> None:
    result = run("analyze", str(EXAMPLES / "port-veyra-grounding"), "-o", str(tmp_path / "story.json"),
                 "--html", str(tmp_path / "missing" / "report.html"))
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        f"newsprism: cannot write {tmp_path / 'missing' / 'report.html'}: No such file or directory"
    ]
    help_text = run("analyze", "--help").stdout.decode()
    assert "--html" in help_text and "--md" in help_text


def test_analyze_reads_extract_s_output_back_as_the_same_story(analyzed: tuple[subprocess.CompletedProcess[bytes], Path], tmp_path: Path) -> None:
    result, out = analyzed
    assert result.returncode == 0, result.stderr.decode()
    articles = tmp_path / "articles.jsonl"
    assert run("extract", str(EXAMPLES / "port-veyra-grounding"), "-o", str(articles), "-q").returncode == 0
    again = run("analyze", str(articles), "-o", str(tmp_path / "story.json"), "-q")
    assert again.returncode == 0, again.stderr.decode()
    assert json.loads((tmp_path / "story.json").read_text()) == json.loads((out / "story.json").read_text())
