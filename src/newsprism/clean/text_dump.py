"""Text page dump -> article body, header lines and removed blocks.

The article in a page dump is one mostly contiguous run of prose lines among
menus, link lists, promos and legal lines. The cleaner (steps 1 and 2 in
`segment.py`, the rest here, with the marks of single lines in `marks.py`)

1. scores every line from generic signals (see `lines.py`): prose scores by its
   length, furniture and short link-like lines score below zero; a line the page
   repeats is furniture, except the article's own copy of what a table of
   contents or a teaser box repeats (its subheadings, its lead);
2. takes the contiguous run of lines with the largest total score (the
   maximum-sum segment), which swallows short in-body subheadings between
   paragraphs, pictures with their credits and the lists a paragraph
   announces with a colon, but not a menu or a related-links list next to
   the article,
   and starts it at the repeated headline when the article's opening
   paragraphs sit above an insert (a table of contents, a share bar);
3. ends the run at a comment section's heading inside it (the readers'
   comments below it read as prose), takes in a lone opening or closing
   sentence right outside it (too short to score as prose) and a recipe's
   ingredient lists above its steps, and inside the run removes what is
   still furniture: promos, captions and credits (a caption marked by its
   picture's credit, its agency or by where the people in it stand,
   wherever it sits), bylines and notes about the authors, licence notices,
   links to files, repeated lines, template placeholders, datelines and
   timestamps, short trailers, and the short lines of link lists (but not of
   the lists a paragraph introduces);
4. classifies everything it removed with a reason, and hands the lines above
   the body to the metadata stage (headline, dek, byline, dateline live there).

Known limits: a page that holds two articles of similar length keeps only the
larger; comment threads written in full sentences right after the article can
be taken for body when no heading ("Comments", "12 Kommentare") separates
them; a dek (standfirst) of up to DEK_MAX_WORDS words stays in the header,
where annotations that count it as article text (trafilatura's evaluation)
expect it in the body, unless it holds OPENING_PARAGRAPH_MIN_SENTENCES
sentences (see `segment.start_at_headline`); an article made mostly of short lines (a product
sheet, an event list, a recipe whose steps are short lines too) scores too low to be found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter
from typing import NamedTuple

from newsprism.clean.lines import BULLET, Line, split_lines
from newsprism.clean.marks import (
    SMILEY_LINE,
    WRITER_NOTE,
    byline_authors,
    is_byline,
    is_download_link,
    is_ingredient,
    is_licence_notice,
    is_marked_caption,
    is_timestamp,
)
from newsprism.clean.segment import (
    LIST_MIN_LINES,
    choose_segment,
    count_first_copies_once,
    is_clean_prose,
    unrepeat_listed_headings,
    unrepeat_paragraph_in_article,
)

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
    if where == "body" and is_byline(line):
        return "byline"
    if where == "body" and is_licence_notice(line):
        return "legal"
    if where == "body" and is_download_link(line):
        return "link-list"
    if where == "body" and is_marked_caption(line):
        return "caption"
    if where == "header" or (line.block_size >= 3 and line.words <= 6):
        return "navigation"
    return "repeated" if line.repeated > 1 else "boilerplate"


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
    drop_author_notes(lines, keep, start, end)
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
    keep_ingredients(lines, keep, start, end)

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
    title (the headline); so is a line of smileys alone below it (a post's
    sign-off, see SMILEY_LINE). Limit: a one-sentence dek ending in a full stop
    becomes the body's first paragraph, and a one-sentence teaser or sign-up
    line with no cue words right under the article is taken as well.
    """
    if start < end and keep[start] and start > 0:
        line = lines[start - 1]
        if is_lone_sentence(line) and line.key not in lines[0].key:
            keep[start - 1] = True
            start -= 1
    if start < end < len(lines) and keep[end - 1] and (is_lone_sentence(lines[end]) or SMILEY_LINE.match(lines[end].text)):
        keep[end] = True
        end += 1
    return start, end


def is_lone_sentence(line: Line) -> bool:
    """A line that is one short statement: SHORT_PARAGRAPH_MIN_WORDS words or more, starting with a capital and ending
    with a full stop or an exclamation mark (a question at an article's edge mostly asks the reader to act),
    with no cue and no repetition."""
    return (
        not line.cues
        and line.repeated == 1
        and line.sentence_end
        and not line.text.rstrip(" \"'”’)»“").endswith("?")
        and line.words >= SHORT_PARAGRAPH_MIN_WORDS
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
    as the subheadings below it) or one is a timestamp or a comment count (the
    block under a dek that names the author and the date). Limit: a related-links list set right after a paragraph in the middle
    of the article is kept as well, unless its lines carry cues or repeat.
    """
    position = start + 1
    while position < end - 1:
        line = lines[position]
        size = line.block_size
        if size >= LIST_MIN_LINES and line.block != lines[position - 1].block and position + size < end and is_clean_prose(lines[position - 1]):
            items = lines[position : position + size]
            # A block that holds a byline, a date with its clock time or a comment count is a byline's block ("Jane Roe",
            # "Updated: 11.04.2020, 10:27", "44 comments"), and a block whose items mostly repeat is a table of
            # contents (its items return as the subheadings below): neither is a list of the text.
            byline_block = any(is_timestamp(item) or is_byline(item) or "comments" in item.cues for item in items)
            if 2 * sum(item.repeated > 1 for item in items) < size and not byline_block:
                for item in items:
                    if not item.cues and item.repeated == 1:
                        keep[item.position] = True
            position += size
        else:
            position += 1


def in_body(lines: list[Line], position: int, start: int, end: int) -> bool:
    """Whether a line inside the best run is article text."""
    line = lines[position]
    if line.cues or line.repeated > 1:
        return False
    if is_marked_caption(line):
        return False  # "Jane Doe at the harbour. (Foto: Privat)": a picture's caption, wherever it sits
    if is_byline(line):
        return False  # "Von Jane Roe und John Doe, Berlin": the authors, though the line may read as prose
    if is_licence_notice(line):
        return False  # "Text and photos: CC BY-SA 4.0": the terms of the page, or a picture's credit
    if is_download_link(line):
        return False  # "Annual report 2031 (PDF, 2 MB)": a link to a file
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


AUTHOR_LABEL_MAX_WORDS = 4  # "Jane Roe", "Dr. Jane Roe", "Jane"


def drop_author_notes(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """Drop the notes about the article's authors from the run (`keep` is changed in place).

    Blogs and papers close an article with a box about its author: "Jane Roe
    is a reporter for the Herald. She covers ...", often under the author's
    name on a line of its own. Such a note reads as a paragraph. The authors
    are the names of the page's bylines (see BYLINE) above the note's end; a
    paragraph of the run that opens with one of them (followed by a space or
    a comma), or with the first name of one followed by a word in lower case
    ("Jane is ..."), is a note, and so is the short line right above it that
    starts with the same word (the name). A paragraph that presents someone
    by a writer's job ("Jane Roe is a senior writer for the Herald", see
    WRITER_NOTE) is a note on any page. Limit: a paragraph of the article
    that opens with its own author's name goes with them, and so does one
    that opens by presenting a reporter so; a page that names its author
    only in a line of other metadata ("12.05.2031 - Jane Roe - 4 comments")
    keeps a note of another wording.
    """
    names = [name for line in lines[:end] for name in byline_authors(line)]
    for position in range(start, end):
        if keep[position] and lines[position].prose and WRITER_NOTE.match(lines[position].text):
            drop_note(lines, keep, start, position)
    if not names:
        return
    openings = tuple(name + separator for name in names for separator in (" ", ","))
    first_names = tuple(name.split()[0] + " " for name in names)
    # Only the lines that open with a name are looked at (str.startswith over them all, at C speed).
    texts = map(attrgetter("text"), lines[start:end])
    for position in compress(range(start, end), map(str.startswith, texts, repeat(openings + first_names))):
        line = lines[position]
        if not (keep[position] and line.prose):
            continue
        words = line.text.split(maxsplit=2)
        if line.text.startswith(openings) or (len(words) > 1 and words[1][:1].islower()):
            drop_note(lines, keep, start, position)


def drop_note(lines: list[Line], keep: list[bool], start: int, position: int) -> None:
    """Drop the note about an author at `position`, and the label with the author's name right above it."""
    keep[position] = False
    above = lines[position - 1]
    if position > start and not above.prose and above.words <= AUTHOR_LABEL_MAX_WORDS and above.text.split()[:1] == lines[position].text.split()[:1]:
        keep[position - 1] = False


INGREDIENT_LIST_MIN_ITEMS = 3
# A third, not a half: some recipes set each quantity on a line of its own above its food ("135 g" / "Butter").
INGREDIENT_SHARE = 1 / 3
# The ingredients sit above the steps, which read as the article's run: ratings, times, servings and a
# "Zubereitung" heading lie between, this many lines at most.
RECIPE_REACH = 30
RECIPE_LABEL_MAX_WORDS = 6  # "Für den Mürbeteig:", "For the sauce:"


def keep_ingredients(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """Keep a recipe's ingredient lists in the body (`keep` is changed in place).

    Ingredients are short lines without a verb, a block of them reads as a
    menu, and on a recipe page they sit above the steps, which make the
    article's run: the run starts below them, and `in_body` would drop them
    inside it. A block of LIST_MIN_LINES lines or more, inside the run or
    ending at most RECIPE_REACH lines above it, of which at least
    INGREDIENT_LIST_MIN_ITEMS and INGREDIENT_SHARE give a quantity and a cook's
    unit (see INGREDIENT), is an ingredient list: its lines without cues are
    body ("Salz" and "4 Eier" with them), and so is a label ending with a colon
    right above it ("Für den Teig:"). Limit: a table of nutrients by weight
    ("8 g Eiweiß") inside the run is kept the same way; ingredients set one per
    block, or without units, are not found.
    """
    blocks: dict[int, list[Line]] = {}
    for line in lines[max(0, start - RECIPE_REACH) : end]:
        if line.block_size >= LIST_MIN_LINES:
            blocks.setdefault(line.block, []).append(line)
    for items in blocks.values():
        if len(items) != items[0].block_size:
            continue  # the block starts above the lines looked at
        found = sum(map(is_ingredient, items))
        if found < INGREDIENT_LIST_MIN_ITEMS or found < INGREDIENT_SHARE * len(items):
            continue
        for item in items:
            keep[item.position] = keep[item.position] or not item.cues
        label = lines[items[0].position - 1]
        if items[0].position > 0 and not label.cues and label.words <= RECIPE_LABEL_MAX_WORDS and label.text.endswith(":"):
            keep[label.position] = True


# Fewer words than this make a label or a button more often than a paragraph ("Read more.", "Share this article.").
# 3, 4 or 5 give the same F1 on both extraction sets; the body lines 4 adds are sentences (18 pages of 1,128).
SHORT_PARAGRAPH_MIN_WORDS = 4
SUBHEADING_MIN_WORDS = 3  # shorter lines in a block of lines are labels ("Latest videos") or menu items more often


def short_paragraph(lines: list[Line], position: int, start: int, end: int) -> bool:
    """Whether a short line of a block of several lines is a one-sentence paragraph or a subheading, in a dump that
    sets its paragraphs on consecutive lines: a sentence of a few words between two prose lines of the run ("The
    grounding involves about 171 planes globally."), or a capitalised line of SUBHEADING_MIN_WORDS words or more
    between two clean paragraphs ("Gas still leads, but less so"). A link list's items are seldom sentences, and seldom sit between
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
