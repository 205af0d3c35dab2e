"""Raw HTML page -> article body and metadata, with trafilatura.

trafilatura does the extraction and the metadata (title, authors, date, site
name, URL). We add what it lacks: its paragraphs are re-checked with the same
line signals the text-dump cleaner uses, so promos, share prompts, legal lines
and caption credits it leaves inside the body are removed and recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsprism.clean.lines import split_lines
from newsprism.clean.segment import STRONG_FURNITURE
from newsprism.clean.text_dump import removal_reason
from newsprism.model import Removed

# trafilatura already chose the article, so promos are dropped outright here
# rather than weighed against their neighbours as in a page dump.
DROPPED_FROM_HTML = STRONG_FURNITURE | {"promo"}


@dataclass
class HtmlParts:
    body: list[str]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: dt.date | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    removed: list[Removed] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlParts | None:
    """Extract the article of a page; None when trafilatura finds no article text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # No date guessed from body text ("in 2009"): an undated page stays
        # undated, and the reference-date logic infers from content with a note.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, trafilatura.settings.Document) or not (document.text or "").strip():
        return None
    parts = HtmlParts(
        body=[],
        title=document.title or None,
        authors=split_authors(document.author),
        date=parse_iso_date(document.date),
        sitename=document.sitename or None,
        url=document.url or url,
        description=document.description or None,
    )
    lines = split_lines(document.text or "")
    for line in lines:
        # Only clear furniture is dropped here: trafilatura already chose the
        # article, so a short line is a subheading, not a menu.
        if DROPPED_FROM_HTML.intersection(line.cues) and line.words < 60:
            parts.removed.append(Removed(text=line.text, reason=removal_reason(line)))
        else:
            parts.body.append(line.text)
    return parts


def split_authors(author: str | None) -> list[str]:
    """trafilatura joins several authors with '; '."""
    if not author:
        return []
    return [name.strip() for name in author.split(";") if name.strip()]


def parse_iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
