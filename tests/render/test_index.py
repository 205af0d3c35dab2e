"""The stories index: what each story's line says, with no local paths and every article value escaped."""

from __future__ import annotations

from newsprism.model import Article, BriefSentence, Story
from newsprism.render.index import index_html, index_record, story_title
from newsprism.render.report import outlet_label


def article(key: str, **fields: object) -> Article:
    return Article(id=key, source=f"/home/someone/feeds/{key}.txt", body=f"Body of {key} with enough words to read.", **fields)  # type: ignore[arg-type]


def test_outlets_are_named_without_the_folders_they_were_read_from() -> None:
    assert outlet_label(article("a", outlet="Orvell Herald")) == "Orvell Herald"
    assert outlet_label(article("c.txt")) == "c.txt (outlet unknown)"  # the id (a file name), never its folders


def test_the_title_is_the_headline_of_the_article_the_brief_opens_with() -> None:
    first = article("first", headline="A caption-like line", published=None)
    cited = article("cited", headline="Ferry fire on Lake Orvell")
    story = Story(id="story-x", articles=[first, cited], brief=[BriefSentence(text="Fire stopped a ferry [2].", sources=["cited"])])
    assert story_title(story) == "Ferry fire on Lake Orvell"
    assert story_title(Story(id="story-y", articles=[article("bare")])) == "Body of bare with enough words to read."


def test_the_page_escapes_titles_outlets_and_briefs() -> None:
    hostile = article("h", headline="<script>alert(1)</script>", outlet='"><img src=x onerror=alert(2)>')
    story = Story(id="story-h", articles=[hostile], brief=[BriefSentence(text="<b>bold</b> [1]", sources=["h"])])
    record = index_record(story, {"story": "story-h/story.json", "html": "story-h/report.html", "md": "story-h/report.md"})
    assert record["brief"] == "<b>bold</b>"
    page = index_html([record])
    assert "<script>" not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;" in page and "/home/someone" not in page
