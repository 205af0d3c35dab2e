"""Text page dump -> article body, header lines and removed blocks.

The article in a page dump is one mostly contiguous run of prose lines among
menus, link lists, promos and legal lines. The cleaner

1. scores every line from generic signals (see `lines.py`): prose scores by its
   length, furniture and short link-like lines score below zero; a line the page
   repeats is furniture, except the article's own copy of what a table of
   contents or a teaser box repeats (its subheadings, its lead);
2. takes the contiguous run of lines with the largest total score (the
   maximum-sum segment), which swallows short in-body subheadings between
   paragraphs, picture credits and the lists a paragraph announces with a
   colon, but not a menu or a related-links list next to the article,
   and starts it at the repeated headline when the article's opening
   paragraphs sit above an insert (a table of contents, a share bar);
3. ends the run at a comment section's heading inside it (the readers'
   comments below it read as prose), takes in a lone opening or closing
   sentence right outside it (too short to score as prose), and inside the
   run removes what is still furniture: promos, captions and credits (a
   caption that ends with its picture's credit wherever it sits), repeated
   lines, template placeholders, datelines and timestamps, short trailers,
   and the short lines of link lists (but not of the lists a paragraph
   introduces);
4. classifies everything it removed with a reason, and hands the lines above
   the body to the metadata stage (headline, dek, byline, dateline live there).

Known limits: a page that holds two articles of similar length keeps only the
larger; comment threads written in full sentences right after the article can
be taken for body when no heading ("Comments", "12 Kommentare") separates
them; a dek (standfirst) of up to DEK_MAX_WORDS words stays in the header,
where annotations that count it as article text (trafilatura's evaluation)
expect it in the body; an article made mostly of short lines (a recipe's
ingredients, a product sheet, an event list) scores too low to be found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from newsprism.clean.lines import BULLET, RIGHTS_RESERVED, Line, split_lines

STRONG_FURNITURE = {"template", "legal", "contact", "image-id", "form", "comments"}
HEADING_END = re.compile(r"[.!?,;]$")
CUES_BY_SPECIFICITY = ("template", "legal", "contact", "image-id", "form", "comments", "related", "promo", "caption")
# The others are their own reason; a heading that announces other articles opens a link list.
CUE_REASONS = {"contact": "promo", "image-id": "credit", "template": "paywall", "form": "promo", "related": "link-list"}


class RemovedLine(NamedTuple):
    """A line the cleaner took out, and why (becomes a `Removed` in the Article)."""

    text: str
    reason: str


@dataclass
class DumpParts:
    """The parts of a dump the cleaner tells apart."""

    body: list[str]
    header: list[str]  # lines above the body, in order (title, headline, byline, date, ...)
    footer: list[str]  # lines below the body
    captions: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    # The words of each header line in lower case (`Line.tokens`), so that metadata need not find them again.
    header_words: list[list[str]] = field(default_factory=list)


# Line scores (see `line_score`). Scaled one at a time by 0.7 to 1.3, none moves text F1
# on the dev pages by more than 0.01 (bench/extraction_sensitivity.py): the choice of
# the article rests on their signs and order, not on exact values.
FURNITURE_SCORE = -4.0  # a template, legal, contact, image-id or form line, a comment section's heading: a wall
PROMO_SCORE = -3.0
CAPTION_SCORE = -1.5  # captions sit inside articles: a mild barrier, not a wall
REPEATED_SCORE = -1.5
MENU_SCORE = -1.0  # a run of short lines: a menu or a link list
OTHER_SCORE = -0.6  # any other line that is not prose
PROSE_SCORE = 1.0  # a prose line scores this, plus a point per PROSE_WORDS_PER_POINT words up to PROSE_WORDS_CAP
PROSE_WORDS_PER_POINT = 20.0
PROSE_WORDS_CAP = 100
ANNOUNCED_ITEM_SCORE = 0.0  # an item of a list a paragraph announces with a colon (see `announced_lists`)
INSERT_SCORE = -0.5  # a cue line between two paragraphs (see `choose_segment`)
# A heading that announces other articles (the "related" cue) is followed, inside an article, by the article's
# next paragraph within this many lines (past one to a few teaser headlines), and by teasers alone at its end
# (see `mark_related_headings`).
RELATED_LOOKAHEAD = 5
RELATED_CONTINUATION_WORDS = 30  # a paragraph, longer than most teaser blurbs
# At the article's end the heading is a wall like a legal line; a harder end (a score no run crosses) loses
# as much article text as teaser text on the wide set (see the commit that brought this in).
RELATED_END_SCORE = FURNITURE_SCORE
# A run that starts below the repeated headline is taken back to it when the lines between hold at least
# this many clean prose lines (see `start_at_headline`). One is not enough: a news page's dek (standfirst)
# is one sentence between the headline and the byline, and belongs to the header, not the body.
HEADLINE_GAP_MIN_PROSE = 2
# A dek is a sentence or two; one prose line longer than this that ends like a sentence is the article's first
# paragraph, and takes the run back to the headline alone (the metadata stage reads no longer line as a dek).
DEK_MAX_WORDS = 45


def line_score(line: Line) -> float:
    """How much a line argues for being article text (positive) or page furniture (negative)."""
    if line.cues:
        if not STRONG_FURNITURE.isdisjoint(line.cues):
            return FURNITURE_SCORE
        if "promo" in line.cues:
            return PROMO_SCORE
        if "caption" in line.cues:
            return CAPTION_SCORE
    if line.repeated > 1:
        return REPEATED_SCORE
    if line.prose:
        return PROSE_SCORE + min(line.words, PROSE_WORDS_CAP) / PROSE_WORDS_PER_POINT
    if line.block_size >= 3 and line.words <= 6:
        return MENU_SCORE
    return OTHER_SCORE


# A blank-line separated block of this many lines or more is a list; of short lines, a menu or a link list
# unless a paragraph introduces it (see `in_body`, `keep_introduced_lists`).
LIST_MIN_LINES = 3
TOC_MIN_HEADINGS = 3  # items of a list block that return below it as subheadings, for it to be a table of contents
COPIED_PASSAGE_MIN_LINES = 3  # repeated paragraphs in a row that make a copied passage (see `count_first_copies_once`)
# A headline has at least this many words: one word of the title ("Home", the site's name) is a menu item or a logo.
HEADLINE_MIN_WORDS = 2
HEADLINE_SEARCH_LINES = 400  # the headline sits above the article, within the page's first lines


def headline_position(lines: list[Line]) -> int | None:
    """Where the page repeats its title as the article's headline (the h1), if it does.

    A dump starts with the page <title>, usually "Headline | Site"; the article
    body follows the line that repeats the headline part of it. Of the lines
    that repeat part of the title, the headline is the longest (the first of
    equally long ones): the site's name, a section name or a breadcrumb repeat
    shorter parts of it. When no line repeats part of the title, a line that
    words it otherwise is looked for (see `headline_in_other_words`). Limit: a
    headline that shares few words with the title is not found.
    """
    if len(lines) < 2 or len(lines[0].tokens) < HEADLINE_MIN_WORDS:
        return None
    title = lines[0].key  # the normalised text, as `normalise` gives it
    best: Line | None = None
    for line in lines[1:HEADLINE_SEARCH_LINES]:
        if len(line.tokens) >= HEADLINE_MIN_WORDS and (best is None or len(line.key) > len(best.key)) and line.key in title:
            best = line
    if best is None:
        best = headline_in_other_words(lines)
    return best.position if best is not None else None


# A headline worded otherwise than the title: at least this share of its words are the title's, and it holds at least
# HEADLINE_TITLE_SHARE of the title's words (the rest of a title is the site's name, a section, a tag line).
HEADLINE_WORDS_IN_TITLE = 0.75
HEADLINE_TITLE_SHARE = 0.5
FUZZY_HEADLINE_MIN_WORDS = 3


def headline_in_other_words(lines: list[Line]) -> Line | None:
    """The line that words the title's headline otherwise ("Größtes Kraftwerk entsteht in Dubai" under
    "Dubai: Das größte Kraftwerk - Site"), when no line repeats part of the title: the one sharing the most
    words with the title, of those that take HEADLINE_WORDS_IN_TITLE of their words from it and hold
    HEADLINE_TITLE_SHARE of its words. Limit: a teaser of a related article that shares as many words wins as well.
    """
    title = frozenset(lines[0].tokens)
    best, most = None, 0
    for line in lines[1:HEADLINE_SEARCH_LINES]:
        words = len(line.tokens)
        if words < FUZZY_HEADLINE_MIN_WORDS or title.isdisjoint(line.tokens):
            continue
        shared = sum(map(title.__contains__, line.tokens))
        if shared > most and shared >= HEADLINE_WORDS_IN_TITLE * words and shared >= HEADLINE_TITLE_SHARE * len(title):
            best, most = line, shared
    return best


def choose_segment(lines: list[Line]) -> tuple[int, int]:
    """The run of lines that is the article.

    Candidates are the best-scoring runs found one after another (each found
    after masking the ones before). A run that starts within a few lines after
    the repeated headline counts double: on real pages the article follows its
    headline, while a comment thread or a teaser list can be as long as it.
    The chosen run is then taken back to the headline when the article's
    opening paragraphs sit above it (see `start_at_headline`).
    """
    scores = list(map(line_score, lines))
    # A promo, paywall prompt, caption or picture credit between two paragraphs
    # is an insert in the article, not its end: it costs little, so the article
    # continues past it. A legal line is a wall unless it is a picture's credit.
    for line in lines[1:-1]:
        if (
            line.cues
            and ("legal" not in line.cues or is_picture_credit(line))
            and is_clean_prose(lines[line.position - 1])
            and is_clean_prose(lines[line.position + 1])
        ):
            scores[line.position] = INSERT_SCORE
    announced_lists(lines, scores)
    mark_related_headings(lines, scores)
    headline = headline_position(lines)
    best_value, best_span = 0.0, (0, 0)
    masked = list(scores)
    for _ in range(4):
        start, end = best_segment(masked)
        if end <= start:
            break
        value = sum(scores[start:end])
        if headline is not None and headline < start <= headline + 8:
            value *= 2.0
        if value > best_value:
            best_value, best_span = value, (start, end)
        masked[start:end] = [-1e9] * (end - start)
    return start_at_headline(lines, headline, best_span)


# What a page's copyright notice holds and a picture's credit ("© AFP / Jane Doe") does not: a year or a reservation
# of rights (in English or in the languages of `lines.RIGHTS_RESERVED`).
NOTICE = re.compile(r"\b(?:19|20)\d\d\b|rights? reserved|" + RIGHTS_RESERVED, re.IGNORECASE)
PICTURE_CREDIT_MAX_WORDS = 15  # a caption with its credit; a longer line with "©" is a notice or prose


def is_picture_credit(line: Line) -> bool:
    """A line with a copyright sign that credits a picture: short, with no year and no reservation of rights.

    Between two paragraphs such a line ("Jane Doe at the harbour. © AFP / John
    Roe") is a picture inside the article. Limit: a site's notice without a year
    ("© Brellport Herald") set between two paragraphs reads as a credit too.
    """
    return line.words <= PICTURE_CREDIT_MAX_WORDS and not NOTICE.search(line.text)


def announced_lists(lines: list[Line], scores: list[float]) -> None:
    """Score the items of a list that a paragraph announces with a colon as neutral (`scores` is changed in place).

    "The recipe needs:", "Die Bestimmungen sind folgende:" introduce a list
    that belongs to the article: steps, ingredients, points. Its short items
    would score as a menu, a barrier the article's run does not cross when only
    a paragraph or two follows the list. Items with cues or repetition keep
    their scores. Limit: a list of links that a paragraph ending in a colon
    announces ("Read more here:") costs nothing either; it is still dropped
    unless the article continues after it (see `keep_introduced_lists`).
    """
    for line in lines[1:]:
        intro = lines[line.position - 1]
        if line.block_size >= LIST_MIN_LINES and line.block != intro.block and is_clean_prose(intro) and intro.text.endswith(":"):
            for item in lines[line.position : line.position + line.block_size]:
                if not item.cues and item.repeated == 1 and scores[item.position] < ANNOUNCED_ITEM_SCORE:
                    scores[item.position] = ANNOUNCED_ITEM_SCORE


def mark_related_headings(lines: list[Line], scores: list[float]) -> None:
    """Score each heading that announces other articles by what follows it (`scores` is changed in place).

    "Lesen Sie auch", "Related", "Te puede interesar": after the article such a
    heading opens a teaser list (short headlines, teaser blurbs, no long
    paragraph soon), and the article ends there: the heading is a wall. Inside
    an article it announces one or a few teasers and the article's next paragraph
    follows within RELATED_LOOKAHEAD lines: the heading is an insert the run
    crosses. Limit: a teaser list with a long blurb near its top reads as continuation.
    """
    for line in lines:
        if "related" not in line.cues:
            continue
        following = lines[line.position + 1 : line.position + 1 + RELATED_LOOKAHEAD]
        if any(is_clean_prose(other) and other.words >= RELATED_CONTINUATION_WORDS for other in following):
            scores[line.position] = INSERT_SCORE
        else:
            scores[line.position] = RELATED_END_SCORE


def start_at_headline(lines: list[Line], headline: int | None, span: tuple[int, int]) -> tuple[int, int]:
    """The run, started right after the headline when the article begins above where the run does.

    The maximum-sum run starts late when an insert sits between the article's
    first paragraphs and the rest: a table of contents, a share bar, a strip of
    pictures with their credits. Where the page repeats its title as a
    headline above the run and the lines between hold HEADLINE_GAP_MIN_PROSE
    clean prose lines or more, or one that ends like a sentence and is longer
    than a dek (DEK_MAX_WORDS) or holds as many sentences as a paragraph
    (OPENING_PARAGRAPH_MIN_SENTENCES), those paragraphs are the article's
    opening, and the run starts after the headline (`in_body` still drops the
    furniture between them). Limit: prose above the headline, or an article
    whose page repeats no headline, is not reached; an opening paragraph of
    one or two sentences, as short as a dek, alone above the insert, stays
    header.
    """
    start, end = span
    if headline is None or not headline < start - 1 or end <= start:
        return span
    gap = [line for line in lines[headline + 1 : start] if is_clean_prose(line)]
    longer_than_a_dek = any(line.sentence_end and (line.words > DEK_MAX_WORDS or is_paragraph_of_sentences(line)) for line in gap)
    if len(gap) >= HEADLINE_GAP_MIN_PROSE or longer_than_a_dek:
        return headline + 1, end
    return span


# A sentence's end inside a line: its final mark (and closing quotes) before the capital or opening quote of the next.
SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)»]*\s+(?=[\"„“«]?[A-ZÀ-ÞĄĆĘŁŃÓŚŹŻ])")
# A dek is a sentence or two; a line of this many sentences is a paragraph, however short.
OPENING_PARAGRAPH_MIN_SENTENCES = 3


def is_paragraph_of_sentences(line: Line) -> bool:
    """A line of OPENING_PARAGRAPH_MIN_SENTENCES sentences or more. Limit: an abbreviation before a capital
    ("Dr. Roe") counts as a sentence's end."""
    return len(SENTENCE_BREAK.findall(line.text)) + 1 >= OPENING_PARAGRAPH_MIN_SENTENCES


def best_segment(scores: list[float]) -> tuple[int, int]:
    """The [start, end) run of positions with the largest sum (Kadane); (0, 0) when nothing is positive."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for position, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, position
        running += score
        if running > best:
            best, best_span = running, (start, position + 1)
    return best_span


def removal_reason(line: Line, where: str = "body") -> str:
    """The most specific reason a line is furniture, for the `removed` record.

    `where` is "header", "body" or "footer": outside the article, lines with
    no cue of their own are navigation above it and link lists below it.
    """
    if line.cues:
        for cue in CUES_BY_SPECIFICITY:
            if cue in line.cues:
                return CUE_REASONS.get(cue, cue)
    if where == "footer":
        return "link-list"
    if where == "body" and is_timestamp(line):
        return "dateline"
    if where == "body" and is_marked_caption(line):
        return "caption"
    if where == "header" or (line.block_size >= 3 and line.words <= 6):
        return "navigation"
    return "repeated" if line.repeated > 1 else "boilerplate"


def count_first_copies_once(lines: list[Line]) -> None:
    """Make the first copy of a passage the page carries twice count as unrepeated (`lines` is changed in place).

    Some pages hold their article twice (a print or app copy below the web
    one), and every paragraph then scores as repeated furniture. A passage is
    COPIED_PASSAGE_MIN_LINES or more repeated prose lines, each its own
    paragraph (a block of one line), at most one other line apart; its first
    copy is the article. Repeated teasers are kept out: they come as lists (in
    blocks of several lines), or one at a time; a pull quote is a single line.
    """
    seen: set[str] = set()
    passage: list[int] = []
    for line in [line for line in lines if line.repeated > 1]:
        first = line.key not in seen
        seen.add(line.key)
        if not (first and line.prose and line.block_size == 1):
            continue
        if passage and line.position - passage[-1] > 2:
            unrepeat(lines, passage)
            passage = []
        passage.append(line.position)
    unrepeat(lines, passage)


def unrepeat_listed_headings(lines: list[Line]) -> None:
    """Make the subheadings a table of contents lists count as unrepeated (`lines` is changed in place).

    A table of contents is a list block whose items come back below it, one by
    one, as lines of their own followed by prose: the article's subheadings.
    Each then occurs twice and would score as repeated furniture, a barrier
    that cuts the article at its first section. A list block of which
    TOC_MIN_HEADINGS items or more, and at least half, return below it as
    one-line blocks right above a paragraph is such a table; those one-line
    copies are subheadings. A menu repeated in the footer returns as a list
    again, or as links with no paragraph under them. Limit: a list of teasers
    whose headlines recur below as single lines above their blurbs counts as a
    table too.
    """
    # The lines that could be such subheadings, found once: a page has far more list blocks than subheadings.
    headings = {line.key: line for line in lines[:-1] if line.repeated == 2 and line.block_size == 1 and lines[line.position + 1].prose}
    if len(headings) < TOC_MIN_HEADINGS:
        return
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        if line.block_size >= LIST_MIN_LINES:
            blocks.setdefault(line.block, []).append(line)
    for items in blocks.values():
        returned = [headings[item.key] for item in items if item.key in headings and headings[item.key].position > items[-1].position]
        if len(returned) >= TOC_MIN_HEADINGS and 2 * len(returned) >= len(items):
            for line in returned:
                lines[line.position] = line._replace(repeated=1)


def unrepeat_paragraph_in_article(lines: list[Line]) -> None:
    """Make the article's copy of a paragraph the page carries twice count as unrepeated (`lines` is changed in place).

    A page repeats a paragraph of its article elsewhere: the lead in a teaser
    box above the article, a quotation as a pull quote. Both copies would score
    as repeated furniture, and the article loses the paragraph or is cut at it.
    Of two copies of a prose line, the one that stands among paragraphs (a
    clean prose line right above or below it) is the article's, when the
    other does not; that copy counts as unrepeated. Copies of a part of the
    page's title (the headline as prose) are left alone. Limit: a teaser whose
    copy sits among other teaser blurbs that read as prose stays repeated,
    and so does the article's copy then.
    """
    copies: dict[str, list[Line]] = {}
    for line in lines:
        if line.prose and line.repeated == 2 and not line.cues and line.key not in lines[0].key:
            copies.setdefault(line.key, []).append(line)
    for pair in copies.values():
        if len(pair) != 2:
            continue
        among = [among_paragraphs(lines, line) for line in pair]
        if among[0] != among[1]:
            article = pair[0] if among[0] else pair[1]
            lines[article.position] = article._replace(repeated=1)


def among_paragraphs(lines: list[Line], line: Line) -> bool:
    """Whether a clean prose line stands right above or below `line`."""
    return any(0 <= other < len(lines) and is_clean_prose(lines[other]) for other in (line.position - 1, line.position + 1))


def unrepeat(lines: list[Line], passage: list[int]) -> None:
    if len(passage) >= COPIED_PASSAGE_MIN_LINES:
        for position in passage:
            lines[position] = lines[position]._replace(repeated=1)


def is_clean_prose(line: Line) -> bool:
    return line.prose and not line.cues and line.repeated == 1


def is_paragraph(line: Line) -> bool:
    """A line that opens an article: prose of some length that ends like a sentence."""
    return line.prose and (line.words >= 15 or line.sentence_end and not line.text.endswith("?"))


def split_dump(text: str) -> DumpParts:
    """Separate a page dump into body, header, footer, captions and removed blocks."""
    lines = split_lines(text)
    if not lines:
        return DumpParts(body=[], header=[], footer=[])
    count_first_copies_once(lines)
    unrepeat_listed_headings(lines)
    unrepeat_paragraph_in_article(lines)
    start, end = choose_segment(lines)
    end = before_comments(lines, start, end)
    keep = [False] * len(lines)
    for position in range(start, end):
        keep[position] = in_body(lines, position, start, end)
    keep_introduced_lists(lines, keep, start, end)
    drop_announced_teasers(lines, keep, start, end)
    # Lines leading the run before its first real paragraph are the headline,
    # a dek or a credit line: header, not body.
    first = start
    while first < end and keep[first] and not is_paragraph(lines[first]):
        keep[first] = False
        first += 1
    # Trailing short lines inside the run (a "Related" heading, a sign-off) are not body.
    last = end - 1
    while last >= start and keep[last] and not lines[last].prose:
        keep[last] = False
        last -= 1

    start, end = take_lone_sentences(lines, keep, start, end)

    # The header runs up to the first body line (over the whole page when there
    # is no body), the footer from the end of the run.
    first_kept = keep.index(True) if True in keep else len(lines)
    footer_start = max(end, first_kept)
    header, footer = lines[:first_kept], lines[footer_start:]
    parts = DumpParts(body=[], header=[line.text for line in header], footer=[line.text for line in footer],
                      header_words=[line.tokens for line in header])
    removed_in_body = []
    for position in range(first_kept, footer_start):
        line = lines[position]
        if keep[position]:
            parts.body.append(BULLET.sub("", line.text) if line.block_size > 1 else line.text)
        else:
            removed_in_body.append(line)
    removed = header + removed_in_body + footer
    texts = [line.text for line in removed]
    reasons = [removal_reason(line, "header") for line in header]
    reasons += [removal_reason(line, "body") for line in removed_in_body]
    reasons += [removal_reason(line, "footer") for line in footer]
    parts.captions = [text for text, reason in zip(texts, reasons, strict=True) if reason == "caption"]
    # RemovedLine._make without its Python frame (tuple.__new__ is what it calls):
    # the hundreds of removed lines of a page are built in C.
    parts.removed = list(map(tuple.__new__, repeat(RemovedLine), zip(texts, reasons, strict=True)))
    return parts


# A lone sentence is at least this many words long: fewer make a label or a button ("Read more.", as `short_paragraph`).
LONE_SENTENCE_MIN_WORDS = 4


def take_lone_sentences(lines: list[Line], keep: list[bool], start: int, end: int) -> tuple[int, int]:
    """The run, widened by the article's opening and closing sentences when they stand on lines of their own
    right outside it (`keep` is changed in place).

    A run of the largest sum never starts or ends on a line that scores below
    zero, and a short sentence alone on its line does: too short to read as
    prose ("Ihr kennt es sicher auch!" above the first paragraph, "Vielen Dank
    für das Gespräch!" below the last). The line right above the run, when the
    run's first line is body, and the line right below it, when its last line
    is body, are the article's when they are such a sentence (see
    `is_lone_sentence`) and the line above does not repeat part of the page's
    title (the headline). Limit: a one-sentence dek ending in a full stop
    becomes the body's first paragraph, and a one-sentence teaser or sign-up
    line with no cue words right under the article is taken as well.
    """
    if start < end and keep[start] and start > 0:
        line = lines[start - 1]
        if is_lone_sentence(line) and line.key not in lines[0].key:
            keep[start - 1] = True
            start -= 1
    if start < end < len(lines) and keep[end - 1] and is_lone_sentence(lines[end]):
        keep[end] = True
        end += 1
    return start, end


def is_lone_sentence(line: Line) -> bool:
    """A line that is one short statement: LONE_SENTENCE_MIN_WORDS words or more, starting with a capital and ending
    with a full stop or an exclamation mark (a question at an article's edge mostly asks the reader to act),
    with no cue and no repetition."""
    return (
        not line.cues
        and line.repeated == 1
        and line.sentence_end
        and not line.text.rstrip(" \"'”’)»“").endswith("?")
        and line.words >= LONE_SENTENCE_MIN_WORDS
        and line.text[:1].isupper()
    )


# A comment section's heading ends the article when at least this many clean prose lines of the run lie above it:
# fewer, and it is a count of comments shown under the headline ("3 Kommentare"), above the article's text.
COMMENTS_MIN_PROSE_ABOVE = 2


def before_comments(lines: list[Line], start: int, end: int) -> int:
    """The end of the run, moved up to the first comment section's heading inside it ("12 Comments", "Kommentare").

    The heading scores as a wall, but a long thread of comments written in
    full sentences outweighs any wall, and the run then takes the thread as
    article text. Limit: an article that goes on below a heading of its
    comment section (a page that shows the first comments mid-article) loses
    what follows.
    """
    prose_above = 0
    for position in range(start, end):
        line = lines[position]
        if "comments" in line.cues and prose_above >= COMMENTS_MIN_PROSE_ABOVE:
            return position
        prose_above += is_clean_prose(line)
    return end


def drop_announced_teasers(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """Drop the short lines that a heading announcing other articles introduces inside the run (`keep` is changed in place).

    Inside an article, "Lesen Sie auch" is followed by one or a few teaser
    headlines and then the article's next paragraph; `in_body` would keep a
    teaser headline as a subheading, since prose follows it. The lines after
    such a heading up to the next prose line are teasers. Limit: a real
    subheading set right after the heading's teasers is dropped with them.
    """
    for position in range(start, end):
        if "related" not in lines[position].cues:
            continue
        following = position + 1
        while following < end and not lines[following].prose:
            keep[following] = False
            following += 1


def keep_introduced_lists(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """Keep the items of the lists a paragraph introduces inside the run (`keep` is changed in place).

    `in_body` drops the short lines of a block of LIST_MIN_LINES lines or more:
    out of context such a block is a menu or a link list. A block that lies
    wholly inside the article's run, with more article after it, right after a
    clean prose line, is a list the text introduces (steps, ingredients,
    points, the rows of a table); its items without cues or repetition are
    body, unless most of them repeat (a table of contents, whose items return
    as the subheadings below it). Limit: a related-links list set right after a paragraph in the middle
    of the article is kept as well, unless its lines carry cues or repeat.
    """
    position = start + 1
    while position < end - 1:
        line = lines[position]
        size = line.block_size
        if size >= LIST_MIN_LINES and line.block != lines[position - 1].block and position + size < end and is_clean_prose(lines[position - 1]):
            items = lines[position : position + size]
            if 2 * sum(item.repeated > 1 for item in items) < size:  # else a table of contents: its items repeat as subheadings
                for item in items:
                    if not item.cues and item.repeated == 1:
                        keep[item.position] = True
            position += size
        else:
            position += 1


# A caption that ends with its picture's credit, in the languages of the pages measured: "(Foto: Privat)",
# "(Symbolbild)", "Kuva: Jane Doe", "Imagen: Télam", "Photograph by Jane Doe". Not "(Quelle: ...)" or "(Source: ...)":
# a paragraph cites its sources so. A caption is a sentence or two, CREDITED_CAPTION_MAX_WORDS at most.
TRAILING_CREDIT = re.compile(
    r"(?i)(?:\((?:fotos?|bild(?:quelle)?|imagen|photo|image|kuva|fot\.|zdjęcie|symbolbild)\b[^()]{0,80}\)"
    r"|\b(?:fotos?|bild|bildquelle|kuva|imagen|photo|photograph|credit|zdjęcie)(?: by|:)\s*[^.:]{0,60})\.?\s*$"
)
# Where a caption places the people in its picture: "Jane Roe (l.) and John Doe", "v.l.n.r.", "(right)", "(izq.)".
PLACE_IN_PICTURE = re.compile(
    r"(?i)\((?:(?:l|r|m|li|re)\.|v\. ?l\.(?: ?n\. ?r\.)?|von links|left|right|centre|center|from left|izq\.|der\.|à gauche|à droite|od lewej)\)"
    r"|\bv\. ?l\. ?n\. ?r\."
)
CREDITED_CAPTION_MAX_WORDS = 40
CREDIT_TAIL = 120  # the longest trailing credit TRAILING_CREDIT matches: a parenthesis of 80 characters and its word


def is_marked_caption(line: Line) -> bool:
    """A short line that ends with a picture's credit or places the people in the picture: a caption (see
    TRAILING_CREDIT, PLACE_IN_PICTURE).

    Dropped from the body without changing the line's score: a caption set
    between two paragraphs is crossed by the article's run as any short line
    is (scored as a caption cue, such lines cut as many articles short as they
    cleaned). Limit: a short paragraph that ends by crediting a picture
    ("..., as the photo shows. (Foto: dpa)") goes with it.
    """
    text = line.text
    # Both marks hold a parenthesis, a colon or "by" ("v.l.n.r." aside): most lines hold none, and skip the patterns.
    if line.words > CREDITED_CAPTION_MAX_WORDS or not ("(" in text or ":" in text or " by" in line.lowered or "v." in line.lowered):
        return False
    # A trailing credit lies within the line's last CREDIT_TAIL characters.
    return TRAILING_CREDIT.search(text, max(0, len(text) - CREDIT_TAIL)) is not None or PLACE_IN_PICTURE.search(text) is not None


def in_body(lines: list[Line], position: int, start: int, end: int) -> bool:
    """Whether a line inside the best run is article text."""
    line = lines[position]
    if line.cues or line.repeated > 1:
        return False
    if is_marked_caption(line):
        return False  # "Jane Doe at the harbour. (Foto: Privat)": a picture's caption, wherever it sits
    if line.prose:
        return True
    if is_timestamp(line):
        return False  # "von Anja Roe am 14. Mai 2014, 15:40 Uhr", "asked Feb 6, 2014 at 20:37": a post's or a comment's date
    # A short line between prose lines is a subheading or a short paragraph;
    # keep it when prose follows soon and it does not sit in a link list.
    following = lines[position + 1 : min(end, position + 3)]
    if not any(other.prose and not other.cues for other in following):
        return False
    if line.block_size >= LIST_MIN_LINES and not short_paragraph(lines, position, start, end):
        return False
    return line.words >= 2 or bool(HEADING_END.search(line.text)) or is_one_word_heading(lines, position, end)


# The one-word line that marks an advertisement inside an article, in the languages of the stoplists.
AD_MARKERS = frozenset(
    {"advertisement", "ad", "anzeige", "werbung", "publicidad", "publicité", "reklama", "pubblicità", "publicidade", "advertentie"}
)


def is_one_word_heading(lines: list[Line], position: int, end: int) -> bool:
    """A one-word line set apart, capitalised, right above a clean paragraph of the run: a subheading ("Fazit",
    "Background"), not a label (which ends with a colon, "Quelle:"), an ad marker ("Anzeige", see AD_MARKERS) or
    a button (which no paragraph follows)."""
    line = lines[position]
    return (
        line.words == 1
        and line.key not in AD_MARKERS
        and line.block_size == 1
        and line.text[:1].isupper()
        and not line.text.endswith(":")
        and position + 1 < end
        and is_clean_prose(lines[position + 1])
    )


# A short line that gives a year or a numeric date and a clock time is a dateline, a post's or a comment's timestamp.
TIMESTAMP_MAX_WORDS = 15
TIMESTAMP_CLOCK = re.compile(r"(?i)\b\d{1,2}:\d\d(?:\b|(?=\s?[ap]\.?m\b))|\b\d{1,2}\.\d\d\s*Uhr\b")
TIMESTAMP_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d\d\b|\b(?:19|20)\d\d\b")


def is_timestamp(line: Line) -> bool:
    """A short line that is not prose and gives a date (a year, or day and month in figures) and a clock time."""
    return not line.prose and line.words <= TIMESTAMP_MAX_WORDS and bool(TIMESTAMP_CLOCK.search(line.text)) and bool(TIMESTAMP_DATE.search(line.text))


# Fewer words than this make a label or a button more often than a paragraph ("Read more.", "Share this article.").
# 3, 4 or 5 give the same F1 on both extraction sets; the body lines 4 adds are sentences (18 pages of 1,128).
SHORT_PARAGRAPH_MIN_WORDS = 4
SUBHEADING_MIN_WORDS = 3  # shorter lines in a block of lines are labels ("Latest videos") or menu items more often


def short_paragraph(lines: list[Line], position: int, start: int, end: int) -> bool:
    """Whether a short line of a block of several lines is a one-sentence paragraph or a subheading, in a dump that
    sets its paragraphs on consecutive lines: a sentence of a few words between two prose lines of the run ("The
    grounding involves about 171 planes globally."), or a capitalised line of two words or more between two clean
    paragraphs ("Gas still leads, but less so"). A link list's items are seldom sentences, and seldom sit between
    two paragraphs."""
    line = lines[position]
    if line.cues or not line.text[:1].isupper():
        return False
    before, after = position - 1, position + 1
    if not (start <= before and after < end):
        return False
    if line.sentence_end and line.words >= SHORT_PARAGRAPH_MIN_WORDS and lines[before].prose and lines[after].prose:
        return not lines[before].cues and not lines[after].cues
    return line.words >= SUBHEADING_MIN_WORDS and is_clean_prose(lines[before]) and is_clean_prose(lines[after])
