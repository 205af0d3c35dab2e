"""Asides (", who ..." clauses) read as statements of their own, on a fictional story (real parse)."""

from __future__ import annotations

from newsprism.annotate import annotate_articles
from newsprism.compare.statements import aside_readings, find_statements
from newsprism.model import Article


def parsed(article_id: str, outlet: str, body: str) -> Article:
    article = Article(id=article_id, source=f"{article_id}.txt", outlet=outlet, body=body)
    assert not annotate_articles([article])
    return article


def test_a_comma_relative_clause_is_read_about_the_name_it_follows() -> None:
    article = parsed(
        "a", "Alpha Post",
        "Mayor Ivo Stan, who opened the new ferry terminal on Lisca Island last spring, told the council that fares would rise.\n\n"
        "The terminal that the mayor opened has six berths and a cafe for passengers.",
    )  # fmt: skip
    statements = find_statements([article])
    readings = aside_readings(statements)
    assert len(readings) == 1, "the restrictive 'that the mayor opened' is no aside"
    index, reading = readings[0]
    assert statements[index].text.startswith("Mayor Ivo Stan, who opened")
    assert reading.text.endswith("opened the new ferry terminal on Lisca Island last spring")
    assert "Ivo Stan" in reading.text and "who" not in reading.text.split()
    assert "fares" not in reading.words and "terminal" in reading.words
