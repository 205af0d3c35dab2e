"""The store's tests run on SQLite and on a real PostgreSQL server (`scripts/postgres_for_tests.sh` starts one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newsprism.store import Store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'newsprism.db'}"
    url = os.environ.get("NEWSPRISM_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("no PostgreSQL server for the store's tests: `make test` starts one as root, or set NEWSPRISM_TEST_PG")
        pytest.skip("no PostgreSQL server (set NEWSPRISM_TEST_PG, or run `make test` as root)")
    try:
        make_url(url)
    except ArgumentError:
        pytest.fail(f"NEWSPRISM_TEST_PG is not a database URL: {url!r}")
    engine = create_engine(url)
    with engine.begin() as connection:  # each test starts from an empty database
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def store(store_url: str) -> Store:
    return Store(store_url)
