"""Text page dump -> article body, header lines and removed blocks.

The article in a page dump is one mostly contiguous run of prose lines among
menus, link lists, promos and legal lines. The cleaner

1. scores every line from generic signals (see `lines.py`): prose scores by its
   length, furniture and short link-like lines score below zero;
2. takes the contiguous run of lines with the largest total score (the
   maximum-sum segment), which swallows short in-body subheadings between
   paragraphs but not a menu or a related-links list next to the article;
3. inside that run, removes what is still furniture: promos, captions and
   credits, repeated lines, template placeholders, short trailers;
4. classifies everything it removed with a reason, and hands the lines above
   the body to the metadata stage (headline, dek, byline, dateline live there).

Known limits: a page that holds two articles of similar length keeps only the
larger; comment threads written in full sentences right after the article
can be taken for body when nothing separates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.clean.lines import BULLET, Line, split_lines
from newsprism.model import Removed

STRONG_FURNITURE = {"template", "legal", "contact", "image-id"}
HEADING_END = re.compile(r"[.!?,;]$")


@dataclass
class DumpParts:
    """The parts of a dump the cleaner tells apart."""

    body: list[str]
    header: list[str]  # lines above the body, in order (title, headline, byline, date, ...)
    footer: list[str]  # lines below the body
    captions: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


def line_score(line: Line) -> float:
    """How much a line argues for being article text (positive) or page furniture (negative)."""
    if STRONG_FURNITURE.intersection(line.cues):
        return -4.0
    if "promo" in line.cues:
        return -3.0
    if "caption" in line.cues:
        return -1.5
    if line.repeated > 1:
        return -2.0
    if line.prose:
        return 1.0 + min(line.words, 100) / 20.0
    if line.block_size >= 3 and line.words <= 6:
        return -1.0  # a run of short lines: a menu or a link list
    return -0.6


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


def removal_reason(line: Line) -> str:
    """The most specific reason a line is furniture, for the `removed` record."""
    for cue in ("template", "legal", "contact", "image-id", "promo", "caption"):
        if cue in line.cues:
            return {"contact": "promo", "image-id": "credit", "template": "paywall"}.get(cue, cue)
    if line.repeated > 1:
        return "repeated"
    if line.block_size >= 3 and line.words <= 6:
        return "navigation"
    if line.prose:
        return "link-list"
    return "boilerplate"


def split_dump(text: str) -> DumpParts:
    """Separate a page dump into body, header, footer, captions and removed blocks."""
    lines = split_lines(text)
    if not lines:
        return DumpParts(body=[], header=[], footer=[])
    start, end = best_segment([line_score(line) for line in lines])
    keep = [False] * len(lines)
    for position in range(start, end):
        keep[position] = in_body(lines, position, start, end)
    # Trailing short lines inside the run (a "Related" heading, a sign-off) are not body.
    last = end - 1
    while last >= start and keep[last] and not lines[last].prose:
        keep[last] = False
        last -= 1

    parts = DumpParts(body=[], header=[], footer=[])
    for position, line in enumerate(lines):
        if keep[position]:
            parts.body.append(BULLET.sub("", line.text) if line.block_size > 1 else line.text)
            continue
        if position < start:
            parts.header.append(line.text)
        elif position >= end:
            parts.footer.append(line.text)
        reason = removal_reason(line)
        if reason == "caption":
            parts.captions.append(line.text)
        parts.removed.append(Removed(text=line.text, reason=reason))
    return parts


def in_body(lines: list[Line], position: int, start: int, end: int) -> bool:
    """Whether a line inside the best run is article text."""
    line = lines[position]
    if line.cues or line.repeated > 1:
        return False
    if line.prose:
        return True
    # A short line between prose lines is a subheading or a short paragraph;
    # keep it when prose follows soon and it does not sit in a link list.
    following = [other for other in lines[position + 1 : min(end, position + 3)]]
    if not any(other.prose and not other.cues for other in following):
        return False
    if line.block_size >= 3:
        return False
    return line.words >= 2 or bool(HEADING_END.search(line.text))
