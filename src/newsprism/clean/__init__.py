"""Clean: a raw document (page dump, HTML page or clean JSONL body) -> an Article.

`clean_document` is the stage function; the pieces are
`text_dump` (our page-dump cleaner), `html` (trafilatura plus our checks) and
`metadata` (outlet, headline, byline, dates and the reference date).
"""

from __future__ import annotations

from newsprism.clean.html import extract_html
from newsprism.clean.metadata import article_from_body, article_from_dump, article_from_html
from newsprism.clean.text_dump import split_dump
from newsprism.config import DEFAULT_SETTINGS, Settings
from newsprism.errors import NoArticleFound
from newsprism.model import Article, RawDocument


def clean_document(raw: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """Turn one raw document into an Article with body, metadata and removed blocks.

    Raises NoArticleFound when a page leaves no body of at least `settings.min_body_words` words.
    """
    if raw.kind == "html":
        parts = extract_html(raw.content, raw.url)
        if parts is None:
            raise NoArticleFound(raw.source, "no article text found in the HTML page")
        article = article_from_html(raw, parts)
    elif raw.kind == "text":
        article = article_from_dump(raw, split_dump(raw.content))
    else:
        article = article_from_body(raw)
    # A record's "text" is declared clean by whoever produced it; only pages we
    # cleaned ourselves must leave a body of article length.
    if raw.kind != "body" and (words := len(article.body.split())) < settings.min_body_words:
        raise NoArticleFound(raw.source, f"no article found (body of {words} words after cleaning)")
    return article


__all__ = ["clean_document"]
