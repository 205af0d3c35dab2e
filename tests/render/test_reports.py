"""The Markdown and HTML story reports, on a hand-built story full of hostile text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from newsprism.model import (
    Article,
    BriefSentence,
    Claim,
    ClaimSource,
    Conflict,
    ConflictValue,
    Entity,
    Framing,
    LoadedTerm,
    Mention,
    OutletCoverage,
    Quote,
    QuoteSource,
    Story,
    StoryQuote,
    TimeExpr,
    TimelineEntry,
    Voice,
)
from newsprism.render.html import story_html
from newsprism.render.markdown import inline, story_markdown
from newsprism.render.report import ARTICLES_SECTION, MATRIX_LIMIT, SECTIONS, SINGLE_SOURCE_LIMIT, annotated_segments, paragraphs

XSS = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"

BODY_1 = (
    f"Crowds filled the Mirrow canal on Friday night {XSS} for the lantern festival & fair.\n\n"
    '"We planned for a big night | not for this," said committee chair Benedikt Olaru on Saturday.\n'
    f"Police closed two footbridges {IMG} near Quay Street."
)
BODY_2 = f'Some 35,000 visitors came, the "organisers" said.\n\n\nThe Mirrow council met on the 20th. {XSS}'
BODY_3 = "More than forty thousand people watched the lanterns.\n\nNobody was hurt, police said."


def at(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def article_1() -> Article:
    quote = '"We planned for a big night | not for this,"'
    q_start, q_end = at(BODY_1, quote)
    return Article(
        id="a1", source="herald.txt", url="https://herald.example/lanterns?a=1&b=<2>",
        outlet="Brellport <b>Herald</b> & Co", headline=f"Lanterns {XSS} | record", byline=["Odile \"Oddie\" Farraway"],
        body=BODY_1,
        entities=[
            Mention(text="Mirrow", label="GPE", start=at(BODY_1, "Mirrow")[0], end=at(BODY_1, "Mirrow")[1], entity="place:mirrow"),
            Mention(text="Benedikt Olaru", label="PERSON", start=at(BODY_1, "Benedikt Olaru")[0],
                    end=at(BODY_1, "Benedikt Olaru")[1], entity="person:benedikt-olaru"),
            Mention(text="Quay Street", label="FAC", start=at(BODY_1, "Quay Street")[0], end=at(BODY_1, "Quay Street")[1]),
        ],
        quotes=[
            Quote(text=quote, speaker_name="Benedikt Olaru", speaker="person:benedikt-olaru", cue="said",
                  start=q_start, end=q_end),
            # A quote running over the paragraph break, holding a mention and a time expression.
            Quote(text="x", kind="indirect", speaker_name=IMG, start=at(BODY_1, "Mirrow")[0], end=at(BODY_1, "big night")[1]),
            Quote(text="broken", start=len(BODY_1) - 3, end=len(BODY_1) + 40),  # past the end: clipped
            Quote(text="empty", start=5, end=5),  # empty: ignored
        ],
        times=[
            TimeExpr(text="Friday night", value="2031-10-10TNI", type="TIME", start=at(BODY_1, "Friday night")[0],
                     end=at(BODY_1, "Friday night")[1]),
            TimeExpr(text="on Saturday", value="2031-10-11", start=at(BODY_1, "Saturday")[0], end=at(BODY_1, "Saturday")[1]),
        ],
        # Straddles the end of the first quote and the speaker's mention.
        framing=Framing(
            loaded=[
                LoadedTerm(
                    text="x", category="evaluative", voice="quoted", speaker_name="<em>hype</em>", start=q_end - 5, end=at(BODY_1, "Benedikt")[1]
                )
            ]
        ),
    )


def make_story() -> Story:
    a1 = article_1()
    a2 = Article(
        id="a2", source="times.html", outlet=f"Mirrow Times {IMG}", headline="35,000 | at canal", body=BODY_2,
        times=[TimeExpr(text="the 20th", value="2031-10-20", start=at(BODY_2, "the 20th")[0], end=at(BODY_2, "the 20th")[1])],
        entities=[Mention(text="Mirrow", label="GPE", start=at(BODY_2, "Mirrow")[0], end=at(BODY_2, "Mirrow")[1], entity="place:mirrow")],
    )
    a3 = Article(id="a3", source="post.jsonl:1", outlet="Quay|Post", headline=None, body=BODY_3)
    a4 = Article(id="a4", source="post.jsonl:2", outlet="Quay|Post", headline="Second piece", body="Short.")
    claims = [
        Claim(
            id="c1", text=f"Crowds {XSS} filled | the canal", support=3,
            sources=[ClaimSource(article="a1", text="Crowds filled", start=0, end=13),
                     ClaimSource(article="a2", text="x", start=0, end=1), ClaimSource(article="a3", text="x", start=0, end=1)],
        ),
        Claim(
            id="c2", text="Some 35,000 visitors came", support=2,
            sources=[ClaimSource(article="a2", text="x", start=0, end=1), ClaimSource(article="a3", text="x", start=0, end=1)],
            conflicts=[Conflict(kind="number", what="visitors", values=[
                ConflictValue(article="a2", text="Some 35,000 visitors", value=f"35000 {IMG}"),
                ConflictValue(article="a3", outlet="Quay|Post", text="More than forty thousand", value="40000 | visitors"),
            ])],
        ),
        Claim(id="c3", text=f"Police closed two footbridges {IMG}", support=1,
              sources=[ClaimSource(article="a1", text="x", start=0, end=1)]),
    ]
    quotes = [
        StoryQuote(
            id="q1", text='We planned for a big night | not for "this" & that', speaker="person:benedikt-olaru",
            speaker_name=f"Benedikt {XSS} Olaru", outlets=["Brellport <b>Herald</b> & Co", "Quay|Post"],
            sources=[QuoteSource(article="a1", text="x", via="told <i>Radio Mirrow</i>"), QuoteSource(article="a3", text="x")],
            variants=[f"We planned {IMG}"],
        ),
        StoryQuote(id="q2", text="Nobody was hurt", kind="indirect", sources=[QuoteSource(article="a3", text="x")]),
    ]
    return Story(
        articles=[a1, a2, a3, a4],
        entities=[
            Entity(id="place:mirrow", name=f"Mirrow {IMG}", type="place", aliases=["the | town"], articles=["a1", "a2"]),
            Entity(id="person:benedikt-olaru", name="Benedikt Olaru", type="person", roles=["committee chair"], articles=["a1"]),
        ],
        quotes=quotes, claims=claims,
        timeline=[TimelineEntry(date="2031-10-10", text=f"Festival night {XSS} | crowds", claim="c1", sources=claims[0].sources)],
        brief=[
            BriefSentence(text=f"Crowds {XSS} filled the canal [1, 2].", sources=["a1", "a2"]),
            BriefSentence(text="Police closed two footbridges [1]. A stray [9] is no article.", sources=["a1"]),
            BriefSentence(text="[2](javascript:alert(3)) [3]: javascript:alert(4)", sources=["a2"]),
        ],
        coverage=[
            OutletCoverage(outlet="Brellport <b>Herald</b> & Co", articles=["a1"], corroborated=["c1"], exclusive=["c3"],
                           omitted=["c2"], voices=[Voice(speaker_name=f"Benedikt {XSS} Olaru", quotes=1)]),
            OutletCoverage(outlet="Quay|Post", articles=["a3", "a4"], corroborated=["c1", "c2"]),
        ],
    )


class Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


@pytest.fixture(scope="module")
def story() -> Story:
    return make_story()


@pytest.fixture(scope="module")
def page(story: Story) -> str:
    return story_html(story)


@pytest.fixture(scope="module")
def markdown(story: Story) -> str:
    return story_markdown(story)


def test_html_escapes_every_piece_of_untrusted_text(page: str) -> None:
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "<b>Herald" not in page and "<i>Radio" not in page and "<em>hype" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "Brellport &lt;b&gt;Herald&lt;/b&gt; &amp; Co" in page
    # Only the template's own tags, and no attribute that runs code or loads anything.
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "header", "nav", "a", "section", "h1", "h2", "h3",
               "ol", "ul", "li", "strong", "span", "p", "table", "thead", "tbody", "tr", "th", "td", "div", "blockquote",
               "details", "summary", "dl", "dt", "dd", "mark"}
    for tag, attrs in tags_of(page):
        assert tag in allowed, tag
        assert not any(name.startswith("on") or name in {"src", "srcset", "style", "action"} for name in attrs), (tag, attrs)
        if tag == "a":
            assert (attrs.get("href") or "").startswith("#"), attrs


def test_html_is_self_contained(page: str) -> None:
    assert '<meta charset="utf-8">' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:|//|javascript:|data:)""", page, re.I)
    assert not re.search(r"@import|url\(", page)  # nothing fetched from the style sheet either
    # The article's URL is shown as escaped text only.
    assert "https://herald.example/lanterns?a=1&amp;b=&lt;2&gt;" in page


def test_every_section_is_present_even_when_empty(page: str, markdown: str) -> None:
    for heading in SECTIONS:
        assert f"<h2>{heading}</h2>" in page
        assert f"\n## {heading}\n" in markdown
    assert f"<h2>{ARTICLES_SECTION}</h2>" in page
    empty_page, empty_markdown = story_html(Story()), story_markdown(Story())
    nothing = ["No articles.", "No brief yet.", "No fact reported by two or more outlets.", "No quotes.", "No dated events."]
    for text in [*nothing, "No coverage analysis."]:
        assert text in empty_page
        assert text in empty_markdown
    assert empty_markdown.startswith("# Story report: 0 articles from 0 outlets\n")
    bare = Story(articles=[Article(id="x", source="x.txt", body="Just text.")])
    assert "<p>Just text.</p>" in story_html(bare)
    assert "No fact reported by two or more outlets." in story_markdown(bare)


def test_highlighted_bodies_read_back_exactly(story: Story, page: str) -> None:
    for number, article in enumerate(story.articles, 1):
        match = re.search(rf'<details class="article" id="article-{number}">.*?<div class="body">(.*?)</div>', page, re.S)
        assert match, number
        assert html.unescape(re.sub(r"<[^>]+>", "", match.group(1))) == article.body
    # Nested and overlapping annotations come out as flat marks carrying every class.
    classes = {attrs["class"] for tag, attrs in tags_of(page) if tag == "mark"}
    assert {"entity quote", "quote time", "entity loaded"} <= classes
    assert 'title="PERSON: Benedikt Olaru (person:benedikt-olaru)' in page
    assert 'TIME: 2031-10-10TNI"' in page
    assert "direct quote: Benedikt Olaru (said)" in page
    assert "indirect quote: &lt;img src=x onerror=alert(2)&gt;" in page  # a hostile speaker in an attribute
    assert page.count("<mark") == page.count("</mark>")


def test_segments_and_paragraphs_cover_the_body() -> None:
    article = article_1()
    segments = annotated_segments(article)
    assert "".join(segment.text for segment in segments) == article.body
    assert all(segment.text for segment in segments)
    parts = paragraphs(segments)
    assert len(parts) == 3
    assert "".join("".join(s.text for s in p.segments) + p.after for p in parts) == article.body
    assert all("\n" not in s.text for p in parts for s in p.segments)
    empty = Article(id="e", source="e", body="")
    assert paragraphs(annotated_segments(empty))[0].segments == ()


def test_brief_links_citations_and_nothing_else(page: str, markdown: str) -> None:
    brief = re.search(r'<section id="brief" class="brief">(.*?)</section>', page, re.S)
    assert brief
    assert '[<a href="#article-1">1</a>, <a href="#article-2">2</a>]' in brief.group(1)
    assert "[9]" in brief.group(1) and "#article-9" not in page
    assert "javascript" not in "".join(str(attrs) for _, attrs in tags_of(page))
    brief_md = markdown.split("## Brief\n\n")[1].split("\n")[0]
    assert "filled the canal [1, 2]. Police closed two footbridges [1]." in brief_md
    assert "\\[2\\](javascript" in brief_md and "\\[3\\]: javascript" in brief_md


def test_markdown_escapes_tables_html_and_block_syntax(story: Story, markdown: str) -> None:
    assert "<" not in markdown and ">" not in markdown.replace("→", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    for line in markdown.splitlines():
        assert not line.startswith("#") or line.startswith(("# Story report", "## ", "### "))
    header = next(line for line in markdown.splitlines() if line.startswith("| Claim |"))
    assert "Quay\\|Post" in header
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    table_pipes = re.compile(r"(?<!\\)\|")
    matrix_rows = markdown.split("## Facts by outlet\n\n")[1].split("\n\n")[0].splitlines()
    assert len(matrix_rows) == 2 + sum(1 for claim in story.claims if claim.support >= 2)
    assert {len(table_pipes.findall(line)) for line in matrix_rows} == {len(table_pipes.findall(header))}
    assert any("filled \\| the canal" in line for line in rows)
    assert any("40000 \\| visitors" in line for line in matrix_rows)
    assert "### Benedikt &lt;script&gt;alert(1)&lt;/script&gt; Olaru" in markdown
    assert 'not for "this" &amp; that' in markdown
    assert inline("# not a heading") == "\\# not a heading"
    assert inline("1. not a list\nand *not* emphasis") == "1\\. not a list and \\*not\\* emphasis"
    assert inline("  \n ") == ""


def test_matrix_orders_claims_and_reads_with_many_outlets(story: Story, page: str, markdown: str) -> None:
    header = next(line for line in markdown.splitlines() if line.startswith("| Claim |"))
    assert header.count("Quay\\|Post") == 1  # one column per outlet, not per article
    assert page.count('<th class="outlet"') == 3
    assert '<td class="cell conflict">40000 | visitors<span class="wording">“More than forty thousand”</span></td>' in page
    matrix = page.split('<section id="facts-by-outlet">')[1].split("</section>")[0]
    assert matrix.index("Some 35,000 visitors came") < matrix.index("Reported by one outlet only") < matrix.index("Police closed two")
    assert "Police closed two" not in matrix.split("</table>")[0]  # a single-source fact is folded under its outlet
    many = make_story()
    many.articles += [Article(id=f"o{i}", source=f"o{i}.txt", outlet=f"Outlet number {i}", body="x") for i in range(6)]
    many.claims += [Claim(id=f"s{i}", text=f"single {i}", support=1, sources=[ClaimSource(article="o1", text="x", start=0, end=1)])
                    for i in range(MATRIX_LIMIT)]
    wide = story_html(many)
    assert wide.count('<th class="outlet"') == 9
    assert wide.count('<td class="claim">') == sum(1 for claim in many.claims if claim.support >= 2)
    assert f"<strong>Outlet number 1</strong> — {MATRIX_LIMIT} facts" in wide
    assert f"{MATRIX_LIMIT - SINGLE_SOURCE_LIMIT} more (see story.json)" in wide
    assert f"{MATRIX_LIMIT - SINGLE_SOURCE_LIMIT} more (see story.json)" in story_markdown(many)


def test_quotes_grouped_by_speaker_with_outlets_and_channels(page: str, markdown: str) -> None:
    assert markdown.index("### Benedikt") < markdown.index("### Unattributed")
    assert "via told &lt;i&gt;Radio Mirrow&lt;/i&gt; (Brellport &lt;b&gt;Herald&lt;/b&gt; &amp; Co)" in markdown
    assert "via told &lt;i&gt;Radio Mirrow&lt;/i&gt; (Brellport &lt;b&gt;Herald&lt;/b&gt; &amp; Co)" in page
    assert "Nobody was hurt" in page and "carried by Quay|Post" in page


def test_both_reports_open_with_the_story_at_a_glance() -> None:
    from newsprism.render.html import story_html
    from newsprism.render.markdown import story_markdown
    from tests.conftest import EXAMPLES, analyzed

    story = analyzed(str(EXAMPLES / "lake-orvell-ferry"))
    # Facts are counted by wording: two claims that one sentence words are one row for a reader.
    shared_texts = {claim.text for claim in story.claims if claim.support >= 2}
    shared = len(shared_texts)
    single = len({claim.text for claim in story.claims if claim.support < 2} - shared_texts)
    conflicts = sum(len(claim.conflicts) for claim in story.claims)
    line = (
        f"3 outlets · {shared} facts reported by two or more outlets · {single} facts by one outlet only · "
        f"{conflicts} conflict{'' if conflicts == 1 else 's'} · 1 article copying another's text"
    )
    assert story_markdown(story).splitlines()[2] == line  # the ferry's wire copy counts once
    assert f'<p class="glance">{line.replace(chr(39), "&#39;")}</p>' in story_html(story)


def test_quotes_by_speaker_leave_out_fragments_and_put_the_longest_first() -> None:
    from newsprism.model import QuoteSource, StoryQuote
    from newsprism.render.report import story_report

    said = [
        StoryQuote(id="q1", text="a disaster", speaker_name="Mara Quell", sources=[QuoteSource(article="a", text="x")]),
        StoryQuote(id="q2", text="We will rebuild it", speaker_name="Mara Quell", sources=[QuoteSource(article="a", text="x")]),
        StoryQuote(id="q3", text="We will rebuild the pier before the winter storms", speaker_name="Mara Quell",
                   sources=[QuoteSource(article="a", text="x")]),
    ]
    (group,) = story_report(Story(quotes=said)).speakers
    assert [view.quote.id for view in group.quotes] == ["q3", "q2"]


def test_claims_worded_by_one_sentence_are_one_row_with_every_outlet_and_conflict() -> None:
    from newsprism.model import Claim, ClaimSource, Conflict, ConflictValue
    from newsprism.render.report import worded_once

    def source(article: str, start: int) -> ClaimSource:
        return ClaimSource(article=article, outlet=article.title(), text="The ferry sank.", start=start, end=start + 15)

    toll = Conflict(kind="number", what="people dead", values=[ConflictValue(article="a", outlet="A", text="3", value="3 people")])
    first = Claim(id="claim-1", text="The ferry sank.", sources=[source("a", 0), source("b", 0)], support=2)
    second = Claim(id="claim-2", text="The ferry sank.", sources=[source("a", 0), source("c", 40)], support=2, conflicts=[toll])
    other = Claim(id="claim-3", text="The pier reopened.", sources=[source("b", 90), source("c", 90)], support=2)
    rows = worded_once([first, second, other])
    assert [(row.id, row.support, [s.article for s in row.sources], len(row.conflicts)) for row in rows] == [
        ("claim-1", 3, ["a", "b", "c"], 1),
        ("claim-3", 2, ["b", "c"], 0),
    ]


def test_an_update_is_shown_as_one_with_each_pages_date() -> None:
    import datetime as dt

    from newsprism.model import Claim, ClaimSource, Conflict, ConflictValue

    bodies = {"a": "Three people died when the ferry sank.", "b": "Five people died when the ferry sank."}
    articles = [
        Article(id=key, source=f"{key}.txt", outlet=f"Outlet {key}", body=body, published=dt.date(2031, 3, 4 + number))
        for number, (key, body) in enumerate(bodies.items())
    ]
    toll = Conflict(kind="number", what="people dead", update=True, values=[
        ConflictValue(article="a", outlet="Outlet a", text="Three", value="3 people"),
        ConflictValue(article="b", outlet="Outlet b", text="Five", value="5 people"),
    ])
    sources = [ClaimSource(article=key, text=body, start=0, end=len(body)) for key, body in bodies.items()]
    story = Story(articles=articles, claims=[Claim(id="claim-1", text=bodies["a"], sources=sources, support=2, conflicts=[toll])])
    page, markdown = story_html(story), story_markdown(story)
    assert "An update, not a contradiction" in page and "2031-03-05" in page
    assert "an update, not a contradiction" in markdown and "Outlet b (2031-03-05)" in markdown
    # Each side of the conflict is shown in its own sentence, the value marked.
    assert '“<mark class="value">Five</mark> people died when the ferry sank.”' in page
    assert "“**Five** people died when the ferry sank.”" in markdown
