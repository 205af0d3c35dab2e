"""The self-contained HTML story report: one file, inline CSS, no script, nothing fetched from anywhere.

Article text is untrusted. The template runs with autoescaping on, so every
value from the story is escaped where it is inserted, in text and in
attributes alike; no story text is ever marked safe. The one piece of markup
built in Python is the brief's citation links: the sentence is escaped first,
and only then are its escaped "[n]" markers replaced by links whose only
variable part is an article number. A Content-Security-Policy meta tag forbids
scripts, frames and remote loads as a second line of defence.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from newsprism.model import Story
from newsprism.render.report import ARTICLES_SECTION, CITATION, SECTIONS, citation_numbers, story_report


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsprism.render", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cite"] = cite
    return env


def cite(sentence: str, articles: int) -> Markup:
    """A brief sentence escaped, with its [n] markers linked to the articles' anchors (#article-n)."""

    def link(marker: str) -> str:
        numbers = citation_numbers(marker)
        if not all(1 <= number <= articles for number in numbers):
            return f"[{marker}]"
        return "[" + ", ".join(f'<a href="#article-{number}">{number}</a>' for number in numbers) + "]"

    escaped = str(escape(sentence))
    # Safe: `escaped` holds no markup, and the links' only variable part is an integer.
    return Markup(CITATION.sub(lambda match: link(match.group(1)), escaped))


def story_html(story: Story) -> str:
    """The story as one self-contained HTML page: every section of the Markdown report, plus each article annotated."""
    return (
        environment()
        .get_template("story.html.j2")
        .render(
            report=story_report(story),
            sections=SECTIONS,
            articles_section=ARTICLES_SECTION,
        )
    )
