"""Hard-wrapped dumps (terminal browsers, e-mail, text saved at a fixed width): one line per paragraph again.

`lynx -dump`, `w3m -dump`, mail clients and text copied out of a terminal
break every paragraph into lines of at most some width, about 70 to 80
characters. The cleaner reads one line as one block of the page, so such a
dump looks like a page of short lines with no paragraph in it, and its
article is lost (text F1 0.06 on the dev pages wrapped at 72 columns, before
this step).

`unwrap_lines` (run by `lines.split_lines` on the non-empty lines of a page)
finds the wrapping from the page itself: lines that stop in mid-sentence and
go on in lower case on the next line are wrapped for sure, and their lengths
give the width. It then joins every line that was full at that width (the
next line's first word would not have fitted after it) to the line that
follows, within a block: a blank line always ends a paragraph.

A page with more than MAX_LONG_LINES long lines of prose was not wrapped,
whatever else it shows (`has_long_prose_lines`). The test reads the page's
lines in order of length, which the cleaner sorts anyway to find the page's
language, so pages that were not wrapped, nearly all, cost little more.

Terminal browsers also number the links of a page ("[12]Home"), unless told
not to; `drop_link_numbers` takes the numbers out.

Known limits: the last line of a paragraph that happens to be full is joined
to the next line when no blank line separates them (a caption or a heading
may then end up in the paragraph); a page with fewer than
MIN_WRAPPED_LINES such lines (a very short article) is left as it is.
"""

from __future__ import annotations

import re

# A line of prose of this many words was not wrapped at any width a terminal or a mail client
# uses (prose: its words are mostly set apart by spaces, where those of a long URL are not);
LONG_LINE_WORDS = 40
# a page with more than this many such lines was not wrapped.
MAX_LONG_LINES = 2
# A wrapped line that surely goes on in the next has at least MIN_WRAPPED_WORDS words and
# MIN_WRAPPED_CHARS characters, and a page shows at least MIN_WRAPPED_LINES of them before
# it is taken for wrapped.
MIN_WRAPPED_WORDS = 4
MIN_WRAPPED_CHARS = 30
MIN_WRAPPED_LINES = 3
# The next line's first word, for a line that goes on: a word, not a run of a script written without spaces.
MAX_WORD_CHARS = 24
# A line counts as full when it and the next line's first word are at least as long as all but
# this share of the surely wrapped lines and their next words (terminal browsers wrap a few
# characters short of their width now and then), or longer than any surely wrapped line.
FULL_LINE_QUANTILE = 0.05
# Lines longer than the longest surely wrapped line by more than this were not wrapped.
OVERLONG_SLACK = 10

PARAGRAPH_MAY_END = frozenset(".!?:;\"”’)")  # a line that ends in one of these may be a paragraph's last
# A list item starts a line of its own. (Its number has one or two digits: "2019. The" ends a sentence.)
LIST_ITEM = re.compile(r"(?:[•·▪►▸◦‣*+-]|\d\d?[.)])\s")
# Link numbers of terminal browsers: lynx writes "[12]Home" for the 12th link of the page.
LINK_NUMBER = re.compile(r"\[\d\d*\](?=\S)")
MIN_LINK_NUMBERS = 5


def has_long_prose_lines(texts: list[str], word_counts: list[int], longest_first: list[int]) -> bool:
    """Whether more than MAX_LONG_LINES lines are prose longer than any wrapping leaves.

    `texts` are a page's non-empty lines, `word_counts` their numbers of words
    and `longest_first` their positions by number of words, most first.
    """
    found = 0
    for position in longest_first:
        if word_counts[position] < LONG_LINE_WORDS:
            return False
        found += 2 * texts[position].count(" ") >= word_counts[position]
        if found > MAX_LONG_LINES:
            return True
    return False


def unwrap_lines(
    texts: list[str], blocks: list[int], word_counts: list[int], longest_first: list[int]
) -> tuple[list[str], list[int]] | None:
    """A page's non-empty lines and their block numbers with its hard-wrapped paragraphs joined.

    The arguments are as for `has_long_prose_lines`, and `blocks` holds the
    number of the blank-line separated block of each line. Returns None when
    the page was not wrapped.
    """
    full_at = full_line_length(texts, blocks, word_counts, longest_first)
    if full_at is None:
        return None
    threshold, longest = full_at
    unwrapped_texts: list[str] = []
    unwrapped_blocks: list[int] = []
    for position, (text, block) in enumerate(zip(texts, blocks, strict=True)):
        previous = texts[position - 1] if position else ""
        if (
            position
            and blocks[position - 1] == block
            and len(previous) + 1 + len(text.split(maxsplit=1)[0]) >= threshold
            and len(previous) <= longest + OVERLONG_SLACK
            and not LIST_ITEM.match(text)
        ):
            unwrapped_texts[-1] = join_wrapped(unwrapped_texts[-1], text)
        else:
            unwrapped_texts.append(text)
            unwrapped_blocks.append(block)
    return unwrapped_texts, unwrapped_blocks


def join_wrapped(head: str, tail: str) -> str:
    """Two parts of a paragraph; a word the wrapping broke after its hyphen ("well-" + "known") is whole again."""
    if head.endswith("-") and head[-2:-1].isalpha() and tail[:1].isalpha():
        return head + tail
    return f"{head} {tail}"


def full_line_length(
    texts: list[str], blocks: list[int], word_counts: list[int], longest_first: list[int]
) -> tuple[int, int] | None:
    """(length at which a line counts as full, longest wrapped line) for a hard-wrapped page, or None.

    A full line is one whose length, plus a space and the next line's first
    word, reaches the threshold: the wrapping would have put that word on it
    had there been room.
    """
    # Lines that surely go on in the next: long enough, no final punctuation, and the next line
    # of their block starts with a word in lower case or in a script without case.
    spans = []  # length of a surely wrapped line + 1 + its next line's first word
    longest = 0
    last = len(texts) - 1
    for position in longest_first:
        if word_counts[position] < MIN_WRAPPED_WORDS:
            break
        text = texts[position]
        if position == last or len(text) < MIN_WRAPPED_CHARS or text[-1] in PARAGRAPH_MAY_END or blocks[position + 1] != blocks[position]:
            continue
        first_word = texts[position + 1].split(maxsplit=1)[0]
        if len(first_word) <= MAX_WORD_CHARS and first_word.rstrip(",.;:").isalpha() and not first_word[0].isupper():
            spans.append(len(text) + 1 + len(first_word))
            longest = max(longest, len(text))
    if len(spans) < MIN_WRAPPED_LINES:
        return None
    spans.sort()
    # A few surely wrapped lines may all be fuller than the width requires; the longest of
    # them is as long as a line gets, so a line as long plus any word after it was full too.
    return min(spans[int(FULL_LINE_QUANTILE * (len(spans) - 1))], longest + 1), longest


def drop_link_numbers(text: str) -> str:
    """The text without a terminal browser's link numbers ("[12]Home" -> "Home"), when it has them.

    A page shows them when MIN_LINK_NUMBERS or more "[n]" stick to the word
    after them; a footnote mark in prose ("said.[3] The") is followed by a space.
    """
    if "[" not in text or len(LINK_NUMBER.findall(text)) < MIN_LINK_NUMBERS:
        return text
    return LINK_NUMBER.sub("", text)
