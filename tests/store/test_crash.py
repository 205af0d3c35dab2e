"""An ingest killed at any moment loses nothing committed, and two ingests at once corrupt nothing (real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from newsprism.store import Store
from newsprism.store.tables import StoredArticle, StoredStory
from tests.conftest import EXAMPLES

INPUTS = [str(EXAMPLES / "port-veyra-grounding"), str(EXAMPLES / "lake-orvell-ferry")]


def ingest_process(url: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsprism", "ingest", *INPUTS, "--db", url, "-q"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "200"})


def assert_whole(url: str) -> None:
    """Every article stored once and placed, every story analysed."""
    store = Store(url)
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(StoredArticle)) == 11
        assert session.scalar(select(func.count(func.distinct(StoredArticle.content_hash)))) == 11
        assert session.scalars(select(StoredArticle.key).where(StoredArticle.story.is_(None))).all() == []
        stories = session.scalars(select(StoredStory)).all()
    assert len(stories) == 2 and all(not story.stale and story.result for story in stories)
    assert sorted(story.articles for story in stories) == [3, 8]


@pytest.mark.slow
def test_an_ingest_killed_at_several_points_is_finished_by_the_next(store_url: str) -> None:
    for delay in (1.0, 3.0, 4.5, 6.0, 8.0):  # before the models load, while preparing, placing, analysing
        process = ingest_process(store_url)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
    final = ingest_process(store_url)
    _, errors = final.communicate(timeout=600)
    assert final.returncode == 0, errors
    assert_whole(store_url)


@pytest.mark.slow
def test_two_ingests_at_once_both_finish_and_store_each_article_once(store_url: str) -> None:
    first, second = ingest_process(store_url), ingest_process(store_url)  # on an empty database: both make the tables
    for process in (first, second):
        _, errors = process.communicate(timeout=600)
        assert process.returncode == 0, errors.decode()
        assert b"Traceback" not in errors
    assert_whole(store_url)
