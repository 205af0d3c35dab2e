"""Choosing the article's run of lines in a page dump (the first two steps of `text_dump`).

Every line gets a score from the signals `lines` computes (`line_score`):
prose scores by its length, furniture and short link-like lines below zero.
A page that repeats a passage, a table of contents's subheadings or a lead
in a teaser box first has the article's copies counted once
(`count_first_copies_once`, `unrepeat_listed_headings`,
`unrepeat_paragraph_in_article`). Scores then soften for what sits inside
an article (inserts between paragraphs, the items of a list a paragraph
announces, a related-articles heading the article goes on after), and the
article is the contiguous run of lines with the largest total score
(`choose_segment`), favoured when it follows the headline that repeats the
page's title and taken back to that headline when the article's opening
paragraphs sit above an insert (`start_at_headline`).

Limits: as `text_dump` states them; the run's choice rests on the scores'
signs and order, not on their exact values (bench/extraction_sensitivity.py).
"""

from __future__ import annotations

import operator
import re

from newsprism.clean.lines import RIGHTS_RESERVED, Line

# The cues that make a line a wall no article crosses (see `line_score`).
STRONG_FURNITURE = {"template", "legal", "contact", "image-id", "form", "comments"}

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
    picture_blocks(lines, scores)
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


# A picture between two paragraphs takes at most this many lines: its caption or credit, the agency, a counter.
PICTURE_BLOCK_MAX_LINES = 6
PICTURE_LABEL_MAX_WORDS = 3  # "Agencies", "2 / 5", "Foto", "dpa"
PICTURE_CUES = frozenset({"caption", "image-id"})


def picture_blocks(lines: list[Line], scores: list[float]) -> None:
    """Score a picture set between two paragraphs as an insert (`scores` is changed in place).

    A slideshow or a picture inside an article leaves several lines between
    two paragraphs: a credit ("Image credit: www.example.com", a contact cue
    and a wall on its own), the agency, a counter ("2 / 5"). A gap of two to
    PICTURE_BLOCK_MAX_LINES lines between clean prose lines, with a caption or
    an image code among them and nothing else but such lines and labels of at
    most PICTURE_LABEL_MAX_WORDS words, costs INSERT_SCORE a line, so the
    article's run goes on past it (`in_body` still drops its lines). Limit: a
    teaser with its picture and a one-word label between two paragraphs is
    crossed as well.
    """
    clean = [line.position for line in lines if is_clean_prose(line)]
    for before, after in zip(clean, clean[1:], strict=False):
        gap = lines[before + 1 : after]
        if not 2 <= len(gap) <= PICTURE_BLOCK_MAX_LINES:
            continue
        pictured = [not PICTURE_CUES.isdisjoint(line.cues) for line in gap]
        labels = [not line.cues and line.words <= PICTURE_LABEL_MAX_WORDS for line in gap]
        if any(pictured) and all(map(operator.or_, pictured, labels)):
            for line in gap:
                scores[line.position] = INSERT_SCORE


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
