"""The index of a stream's stories: one record per story (for `index.json`) and the page that lists them (`index.html`).

Each record gives what a reader scans a feed's stories by: the title (see
`story_title`), the outlets, how many
articles, the first and last stated dates, how many facts are in conflict,
the brief's first sentence, and the relative paths of the story's files. As in
the story report, every value from the articles is escaped where the page
inserts it, and the page runs no script and loads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newsprism.cluster import founder
from newsprism.model import Story
from newsprism.render.html import environment
from newsprism.render.report import outlet_label

TITLE_WORDS = 14
MARKER = re.compile(r"\s*\[\d+(?:[,–-]\s*\d+)*\]")  # the brief's citation markers, "[2]" or "[1, 3]"


def story_title(story: Story) -> str:
    """The headline of the first article the brief's opening sentence cites (the one carrying the story's
    best-supported fact), else the founder's, else any; without headlines, the founder's first TITLE_WORDS words."""
    if not story.articles:
        return story.id
    first = founder(story.articles)
    by_id = {article.id: article for article in story.articles}
    cited = [by_id[source] for source in (story.brief[0].sources if story.brief else []) if source in by_id]
    headline = next((article.headline for article in [*cited, first, *story.articles] if article.headline), None)
    if headline:
        return headline
    words = first.body.split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def index_record(story: Story, files: dict[str, str]) -> dict[str, Any]:
    """One story's line in the index; `files` maps each of its files ("story", "html", "md") to its path relative to
    the index."""
    dates = sorted(article.published for article in story.articles if article.published is not None)
    outlets = list(dict.fromkeys(outlet_label(article) for article in story.articles))
    return {
        "id": story.id,
        "title": story_title(story),
        "outlets": outlets,
        "articles": len(story.articles),
        "first": dates[0].isoformat() if dates else None,
        "last": dates[-1].isoformat() if dates else None,
        "conflicts": sum(len(claim.conflicts) for claim in story.claims),
        "shared_texts": len(story.shared_texts),
        "brief": MARKER.sub("", story.brief[0].text).strip() if story.brief else "",
        "files": files,
    }


def index_html(records: Sequence[dict[str, Any]]) -> str:
    """The stories as one self-contained HTML page, most-covered first, each linking to its report."""
    ordered = sorted(records, key=lambda record: (-len(record["outlets"]), -record["articles"], record["id"]))
    return environment().get_template("index.html.j2").render(stories=ordered)


__all__ = ["index_html", "index_record", "story_title"]
