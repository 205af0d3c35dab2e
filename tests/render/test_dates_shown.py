"""A date newsprism inferred never looks like one the page states: in the JSON and in both reports."""

from __future__ import annotations

import html as markup
import re

from newsprism.render.html import story_html
from newsprism.render.markdown import story_markdown
from tests.conftest import EXAMPLES, analyzed


def test_inferred_and_stated_dates_are_told_apart_in_json_and_both_reports() -> None:
    story = analyzed(str(EXAMPLES / "port-veyra-grounding"))
    inferred = [a for a in story.articles if a.provisional_date]
    stated = [a for a in story.articles if not a.provisional_date and a.reference_date]
    assert inferred and stated
    # JSON: an estimate is flagged and explained; a stated date is the page's own.
    assert all(a.date_note and a.reference_date for a in inferred)
    assert all(a.reference_date == a.published for a in stated)
    undated = [a for a in story.articles if a.published is None]
    assert undated and all(a.provisional_date for a in undated)  # a page with no date of its own is never "stated"

    html, markdown = story_html(story), story_markdown(story)
    for article in inferred:
        headline = re.escape(article.headline or "(no headline)")
        date = re.escape(f"about {article.reference_date} (inferred)")
        assert re.search(headline + r".{0,400}?<em class=\"inferred\"[^>]*>" + date, markup.unescape(html), re.S), article.source
        assert re.search(headline + r"[^\n]* — " + date, markdown), article.source
    for article in stated:
        headline = re.escape(article.headline or "(no headline)")
        assert re.search(headline + r"[^\n]* — " + re.escape(str(article.reference_date)) + r"( —|$)", markdown, re.M), article.source
        assert f"about {article.reference_date} (inferred)" not in re.findall(headline + r"[^\n]*", markdown)[0]
