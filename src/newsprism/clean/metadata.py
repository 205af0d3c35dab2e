"""Article metadata: outlet, headline, byline, stated date and reference date."""

from __future__ import annotations

from newsprism.clean.html import HtmlParts
from newsprism.clean.text_dump import DumpParts
from newsprism.model import Article, RawDocument


def article_from_dump(raw: RawDocument, parts: DumpParts) -> Article:
    return Article(
        id=raw.id, source=raw.source, url=raw.url, outlet=raw.outlet, headline=raw.title,
        published=raw.published, reference_date=raw.published,
        body="\n\n".join(parts.body), removed=parts.removed, captions=parts.captions,
    )


def article_from_html(raw: RawDocument, parts: HtmlParts) -> Article:
    return Article(
        id=raw.id, source=raw.source, url=parts.url or raw.url, outlet=raw.outlet or parts.sitename,
        headline=raw.title or parts.title, byline=parts.authors, published=raw.published or parts.date,
        reference_date=raw.published or parts.date, body="\n\n".join(parts.body), removed=parts.removed,
    )


def article_from_body(raw: RawDocument) -> Article:
    return Article(
        id=raw.id, source=raw.source, url=raw.url, outlet=raw.outlet, headline=raw.title,
        published=raw.published, reference_date=raw.published, body=raw.content.strip(),
    )
