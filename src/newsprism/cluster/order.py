"""The order a stream is read in, and the article a story is named after.

An article's date here is the one its page (or feed record) states
(`Article.published`), unless that is only an update stamp, which may come
months after the article (`Article.provisional_date`). A date inferred from
the text is left out too: it is often the date of something the article
mentions, not of the article. Articles without a date fit any time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from newsprism.model import Article


def date_of(article: Article) -> dt.date | None:
    """The date an article is placed by (see the module's docstring)."""
    return None if article.provisional_date else article.published


def body_digest(article: Article) -> str:
    return hashlib.sha1(article.body.encode("utf-8", "surrogatepass")).hexdigest()


def time_order(articles: Sequence[Article]) -> list[int]:
    """Indices of the articles in the order they are placed: the undated first, as they came (they fit any time, so
    they found the stories dated articles then join), then the dated by date; ties as they came."""
    return sorted(range(len(articles)), key=lambda index: (date_of(articles[index]) is not None, date_of(articles[index]) or dt.date.min))


def founder(articles: Sequence[Article]) -> Article:
    """The article a story is named after: its earliest dated article (else an undated one); ties go to the smallest
    body hash, so the choice depends on the articles alone, not on their order."""
    return min(articles, key=lambda article: (date_of(article) or dt.date.max, body_digest(article)))


def story_id(articles: Sequence[Article]) -> str:
    """A story's stable id: "story-" and a hash of its founder's body; the same articles give the same id in any order
    and wherever they were read from."""
    return "story-" + body_digest(founder(articles))[:12]


__all__ = ["date_of", "founder", "story_id", "time_order"]
