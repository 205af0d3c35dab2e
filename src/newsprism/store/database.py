"""The store's connection: one database URL, its tables brought up to date by the migrations, SQLite made safe to share.

The URL is `--db`, else `$NEWSPRISM_DB`, else `sqlite:///newsprism.db` in the
working directory. SQLite runs in WAL mode with a busy timeout, so a second
ingest waits for the first instead of failing, and readers (datasette, a
`stories` run) never block a writer.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from newsprism.errors import ConfigurationError

DEFAULT_URL = "sqlite:///newsprism.db"
BUSY_TIMEOUT_MS = 60_000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
STORY_LOCK = 0x6E657773  # "news": the advisory lock key for placing articles on PostgreSQL
MIGRATION_LOCK = 0x6E657774  # and for bringing the tables up to date


def database_url(given: str | None = None) -> str:
    """The URL to use: the one given, else $NEWSPRISM_DB, else DEFAULT_URL."""
    return given or os.environ.get("NEWSPRISM_DB") or DEFAULT_URL


def connect(url: str) -> sessionmaker[Session]:
    """Sessions on the database at `url`, its tables created or migrated to the current version first."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigurationError(f"not a database URL: {url!r} (e.g. sqlite:///newsprism.db or postgresql+psycopg://user@host/db)") from None
    sqlite = parsed.get_backend_name() == "sqlite"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000} if sqlite else {})
    if sqlite:
        event.listen(engine, "connect", sqlite_pragmas)
        event.listen(engine, "begin", begin_immediate)
    try:
        migrate(engine)
    except OperationalError as error:
        raise ConfigurationError(f"cannot open the database {parsed.render_as_string(hide_password=True)}: {error.orig}") from None
    return sessionmaker(engine, expire_on_commit=False)


def sqlite_pragmas(connection: object, _record: object) -> None:
    connection.isolation_level = None  # type: ignore[attr-defined]  # the driver emits no BEGIN of its own: begin_immediate does
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def begin_immediate(connection: Connection) -> None:
    """Every SQLite transaction takes the write lock when it begins: two ingests then queue (busy timeout) instead of
    both reading and one failing when it comes to write."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def lock_stories(session: Session) -> None:
    """Hold the store's story lock until the transaction ends, so two ingests place articles one after the other
    (on SQLite every transaction already holds the write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STORY_LOCK})


def migrate(engine: Engine) -> None:
    """Bring the tables to the newest migration (newsprism/store/migrations/versions)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:  # on SQLite this transaction already holds the write lock (begin_immediate)
        if engine.dialect.name == "postgresql":  # two first runs at once: the second waits, then finds the tables made
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


__all__ = ["DEFAULT_URL", "connect", "database_url", "lock_stories"]
