"""The store's tables: plain columns a reader can browse (datasette, psql), and each record's full JSON beside them.

* `articles`: one row per article stored, with its identity (`key`, the
  body's `content_hash`, `url`), what a reader filters by (outlet, headline,
  dates), where grouping put it (`story`, `duplicate_of`), and `record`, the
  Article as `extract` writes it (with `prepared`, so a story is analysed
  again without parsing anything).
* `stories`: one row per story, with the index's summary columns and
  `result`, the Story as `analyze` writes it; `stale` marks a story whose
  articles changed and whose analysis is not yet written.
* `story_entities`: who and what each story names (one row per story and
  entity, with the entity's name, type and how many articles mention it):
  which stories name a person is one query.
* `cluster_state`: one row, the open stories the next ingest continues.
* `runs`: one row per ingest, with its counts and the settings it ran with.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Table(DeclarativeBase):
    pass


class StoredArticle(Table):
    __tablename__ = "articles"

    key: Mapped[str] = mapped_column(String, primary_key=True, doc="The article's id, numbered when another article has it.")
    position: Mapped[int] = mapped_column(Integer, index=True, doc="The order articles came in: stories read them in this order.")
    content_hash: Mapped[str] = mapped_column(String(40), unique=True, doc="sha1 of the clean body: the same text is stored once.")
    url: Mapped[str | None] = mapped_column(String, index=True)
    source: Mapped[str] = mapped_column(String, index=True, doc="The path, or the URL the page was fetched from.")
    outlet: Mapped[str | None] = mapped_column(String)
    language: Mapped[str | None] = mapped_column(String(8), doc="ISO 639-1 code of the body's language, as detected.")
    headline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    reference_date: Mapped[dt.date | None] = mapped_column(Date)
    story: Mapped[str | None] = mapped_column(ForeignKey("stories.id"), index=True, doc="Null until grouping has placed it.")
    duplicate_of: Mapped[str | None] = mapped_column(String)
    run: Mapped[int] = mapped_column(ForeignKey("runs.id"))
    record: Mapped[str] = mapped_column(Text, doc="The Article as JSON, with `prepared`.")


class StoredStory(Table):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlets: Mapped[list[str]] = mapped_column(JSON, default=list)
    articles: Mapped[int] = mapped_column(Integer, default=0)
    first: Mapped[dt.date | None] = mapped_column(Date)
    last: Mapped[dt.date | None] = mapped_column(Date)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    brief: Mapped[str | None] = mapped_column(Text, doc="The brief's first sentence.")
    stale: Mapped[bool] = mapped_column(Boolean, default=True, doc="Its articles changed since `result` was written.")
    updated: Mapped[dt.datetime | None] = mapped_column(DateTime)
    result: Mapped[str | None] = mapped_column(Text, doc="The Story as `analyze` writes it.")


class StoryEntity(Table):
    __tablename__ = "story_entities"

    story: Mapped[str] = mapped_column(ForeignKey("stories.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String, primary_key=True, doc="The story-wide entity id (person:...).")
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String)
    articles: Mapped[int] = mapped_column(Integer, doc="How many of the story's articles mention it.")


class StoredState(Table):
    __tablename__ = "cluster_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(Text, doc="The ClusterState as JSON.")


class Run(Table):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started: Mapped[dt.datetime] = mapped_column(DateTime)
    finished: Mapped[dt.datetime | None] = mapped_column(DateTime)
    new: Mapped[int] = mapped_column(Integer, default=0)
    known: Mapped[int] = mapped_column(Integer, default=0, doc="Articles already stored (same URL or same text), skipped.")
    failed: Mapped[int] = mapped_column(Integer, default=0)
    stories_created: Mapped[int] = mapped_column(Integer, default=0)
    stories_updated: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=0, doc="New articles that copy a stored text (wire copies).")
    settings: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


__all__ = ["Run", "StoredArticle", "StoredState", "StoredStory", "StoryEntity", "Table"]
