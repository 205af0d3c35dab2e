"""Ingest into the store: new articles prepared and kept, placed in stories, the changed stories analysed again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newsprism.cluster import ClusterState
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import InputError
from newsprism.ingest import Input
from newsprism.model import Article, Story
from newsprism.models import Models
from newsprism.pipeline import analyze_story, extract, group
from newsprism.progress import QUIET, Progress
from newsprism.render.index import index_record
from newsprism.store.database import connect, database_url, lock_stories
from newsprism.store.tables import Run, StoredArticle, StoredState, StoredStory, StoryEntity

STATE_ROW = 1


@dataclass
class IngestSummary:
    """What one ingest did."""

    run: int
    new: int = 0
    known: int = 0
    failed: int = 0
    stories_created: int = 0
    stories_updated: int = 0
    copies: int = 0  # new articles that are copies of another stored text (a wire story another outlet ran)


def content_hash(article: Article) -> str:
    return hashlib.sha1(article.body.encode("utf-8", "surrogatepass")).hexdigest()


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Store:
    """One database of articles and stories (see the package's docstring)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self.sessions = connect(self.url)

    @property
    def shown_url(self) -> str:
        """The database URL with its password masked, for messages."""
        return make_url(self.url).render_as_string(hide_password=True)

    # --- ingest ---

    def ingest(
        self,
        inputs: Iterable[Input],
        *,
        models: Models | None = None,
        settings: Settings = DEFAULT_SETTINGS,
        progress: Progress = QUIET,
        exclude: Iterable[Path] = (),
    ) -> Iterator[InputError | IngestSummary]:
        """Each InputError as it occurs, then the IngestSummary of the run."""
        models = models or Models.shared()
        with self.sessions.begin() as session:
            run = Run(started=now(), settings=dataclasses.asdict(settings))
            session.add(run)
            session.flush()
            summary = IngestSummary(run=run.id)

        def new_to_the_store(article: Article) -> bool:
            if self.holds(article):
                summary.known += 1
                return False
            return True

        def fetched_before(url: str) -> bool:
            if self.holds_url(url):
                summary.known += 1
                return True
            return False

        prepared = extract(
            inputs, models=models, settings=settings, progress=progress, exclude=exclude, wanted=new_to_the_store, known_url=fetched_before
        )
        for item in prepared:
            if isinstance(item, InputError):
                summary.failed += 1
                yield item
            elif self.keep(item, summary.run):
                summary.new += 1
            else:
                summary.known += 1  # stored meanwhile by another ingest, or twice in these inputs
        self.place(summary, settings, progress)
        self.analyse(summary, models, settings, progress)
        with self.sessions.begin() as session:
            stored = session.get_one(Run, summary.run)
            stored.finished = now()
            for name in ("new", "known", "failed", "stories_created", "stories_updated", "copies"):
                setattr(stored, name, getattr(summary, name))
        yield summary

    def keep(self, article: Article, run: int) -> bool:
        """Store a prepared article, unless one with the same URL or the same body is stored already (by this run or
        by another running at the same time)."""
        digest = content_hash(article)
        for _ in range(3):  # another ingest may store the same text, or take the key, between our look and our write
            try:
                return self.try_keep(article, digest, run)
            except IntegrityError:
                continue
        return False

    def holds(self, article: Article) -> bool:
        """Whether an article with this one's URL or body is stored (asked once it is cleaned, before it is annotated)."""
        with self.sessions() as session:
            return stored_like(session, article, content_hash(article))

    def holds_url(self, url: str) -> bool:
        """Whether a page fetched from this URL, or served at it, is stored (asked before it is fetched again)."""
        with self.sessions() as session:
            found = select(StoredArticle.key).where(or_(StoredArticle.source == url, StoredArticle.url == url)).limit(1)
            return session.scalar(found) is not None

    def try_keep(self, article: Article, digest: str, run: int) -> bool:
        with self.sessions.begin() as session:
            if stored_like(session, article, digest):
                return False
            key = free_key(session, article.id)
            position = (session.scalar(select(func.max(StoredArticle.position))) or 0) + 1
            session.add(
                StoredArticle(
                    key=key,
                    position=position,
                    content_hash=digest,
                    url=article.url,
                    source=article.source,
                    outlet=article.outlet,
                    language=article.language,
                    headline=article.headline,
                    published=article.published,
                    reference_date=article.reference_date,
                    run=run,
                    record=article.model_copy(update={"id": key}).model_dump_json(),
                )
            )
        return True

    def place(self, summary: IngestSummary, settings: Settings, progress: Progress) -> None:
        """Every stored article no story holds yet, placed with the saved cluster state; one transaction."""
        with self.sessions.begin() as session:
            lock_stories(session)
            waiting = select(StoredArticle).where(StoredArticle.story.is_(None)).order_by(StoredArticle.position, StoredArticle.key)
            rows = session.scalars(waiting).all()
            if not rows:
                return
            saved = session.get(StoredState, STATE_ROW)
            state = ClusterState.model_validate_json(saved.state) if saved else ClusterState()
            articles = [Article.model_validate_json(row.record) for row in rows]
            progress.stage("grouping", len(articles))
            by_key = {row.key: row for row in rows}
            for story in group(articles, state=state, settings=settings, progress=progress):
                story_id = story[0].story or ""
                existing = session.get(StoredStory, story_id)
                if existing is None:
                    session.add(StoredStory(id=story_id, outlets=[], stale=True))
                    summary.stories_created += 1
                else:
                    existing.stale = True
                    summary.stories_updated += 1
                session.flush()
                for article in story:
                    by_key[article.id].story = story_id
                    by_key[article.id].duplicate_of = article.duplicate_of
                    summary.copies += article.duplicate_of is not None
            if saved is None:
                session.add(StoredState(id=STATE_ROW, state=state.model_dump_json()))
            else:
                saved.state = state.model_dump_json()

    def analyse(self, summary: IngestSummary, models: Models, settings: Settings, progress: Progress) -> None:
        """Every stale story analysed again from its stored articles, each in a transaction of its own."""
        with self.sessions() as session:
            stale = session.scalars(select(StoredStory.id).where(StoredStory.stale).order_by(StoredStory.id)).all()
        for story_id in stale:
            with self.sessions.begin() as session:
                rows = session.scalars(
                    select(StoredArticle).where(StoredArticle.story == story_id).order_by(StoredArticle.position, StoredArticle.key)
                ).all()
                articles = [Article.model_validate_json(row.record) for row in rows]
                progress.stage("comparing", len(articles))
                story = analyze_story(articles, models=models, settings=settings)
                stored = session.get_one(StoredStory, story_id)
                record = index_record(story, {})
                stored.title, stored.outlets, stored.articles = record["title"], record["outlets"], record["articles"]
                stored.first = dt.date.fromisoformat(record["first"]) if record["first"] else None
                stored.last = dt.date.fromisoformat(record["last"]) if record["last"] else None
                stored.conflicts, stored.brief = record["conflicts"], record["brief"]
                stored.result = story.model_dump_json(exclude={"articles": {"__all__": {"prepared"}}})
                stored.stale, stored.updated = False, now()
                session.execute(delete(StoryEntity).where(StoryEntity.story == story_id))
                session.add_all(
                    StoryEntity(story=story_id, entity=entity.id, name=entity.name, type=entity.type, articles=len(entity.articles))
                    for entity in story.entities
                )

    # --- reading ---

    def stories(self) -> list[dict[str, object]]:
        """One summary per story, most articles first: id, title, outlets, articles, first and last dates, conflicts."""
        with self.sessions() as session:
            rows = session.scalars(select(StoredStory).order_by(StoredStory.articles.desc(), StoredStory.id)).all()
            return [
                {
                    "id": row.id,
                    "title": row.title,
                    "outlets": row.outlets,
                    "articles": row.articles,
                    "first": row.first.isoformat() if row.first else None,
                    "last": row.last.isoformat() if row.last else None,
                    "conflicts": row.conflicts,
                    "brief": row.brief,
                }
                for row in rows
            ]

    def story(self, story_id: str) -> Story | None:
        """The story as its last analysis wrote it (None when there is no such story or it was never analysed)."""
        with self.sessions() as session:
            row = session.get(StoredStory, story_id)
            return Story.model_validate_json(row.result) if row is not None and row.result else None

    def article_count(self) -> int:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(StoredArticle)) or 0


def stored_like(session: Session, article: Article, digest: str) -> bool:
    same = StoredArticle.content_hash == digest
    if article.url:
        same = or_(same, StoredArticle.url == article.url)
    return session.scalar(select(StoredArticle.key).where(same).limit(1)) is not None


def free_key(session: Session, wanted: str) -> str:
    """The article's id, numbered ("id#2") when another stored article has it."""
    key, number = wanted, 1
    while session.get(StoredArticle, key) is not None:
        number += 1
        key = f"{wanted}#{number}"
    return key


__all__ = ["IngestSummary", "Store"]
