"""Dates of record: the date a page states, and the date its text really refers to.

The *stated* date is the first absolute date in the lines around the headline
(the dateline or byline). The *reference date* is the
day the article's relative expressions ("on Wednesday", "the 25th", "this
month") count from. It is the stated date unless the content contradicts it:

* a past event "on the 25th" of "this month" on a page stamped the 4th;
* anniversary arithmetic ("first visit in 24 years" after a visit "in 2000")
  that lands in another year than the stamp;
* relative wording ("this month", "on Friday") while every explicit date in
  the text lies months before the stamp (a page re-stamped when re-published).

Then, and when the page states no date, the reference date is inferred from
the content: explicit dates in the text, month-day dates with the year from
elsewhere on the page (copyright line, photo captions), day-of-month
references, anniversary arithmetic; `settle_reference_dates` finally borrows
the month from the other articles of the same run when the content gives only
a year and a day. Every inference is explained in `date_note`.

Known limit: future-tense explicit dates ("elections on Nov 5, 2024") count as
evidence like past ones; the month of a page with neither explicit dates nor
peers stays unknown (reference_date None, said in date_note).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from typing import NamedTuple

from newsprism.model import Article

MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
FULL_DATE = re.compile(
    rf"""\b(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}})\b
    | \b(?P<first>\d{{1,2}})(?P<separator>[/.])(?P<second>\d{{1,2}})[/.](?P<numeric_year>\d{{4}}|\d{{2}})\b
    | \b(?P<month_first>{MONTHS})\.?\s+(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year_after_day>\d{{4}})\b
    | \b(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_after>{MONTHS})\.?,?\s+(?P<year_after_month>\d{{4}})\b""",
    re.IGNORECASE | re.VERBOSE,
)
MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})(?!\s*(?:%|percent|million|billion))",
    re.IGNORECASE,
)
DAY_OF_MONTH = re.compile(r"\b(?:on|since|from|until|by)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
THE_NUMBER = re.compile(r"the\s+\d")  # a cheap first look for DAY_OF_MONTH: a literal start scans fast
THIS_MONTH = re.compile(r"\b(?:this|earlier this|later this) month\b", re.IGNORECASE)
# In lower-cased text a THIS_MONTH match ends in "month" ("m", "o", "n", "t", "h"
# have no other case-insensitive equals there) and starts at most this many
# characters before it ("earlier this ").
THIS_MONTH_LEAD = 13
DEICTIC = re.compile(
    r"\b(?:this (?:month|week)|last week|yesterday|today|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
YEAR_IN = re.compile(r"\b(?:in|since|of)\s+((?:19|20)\d\d)\b")
YEARS_SINCE = re.compile(r"\b(?:first|since|in)\b[^.]{0,60}?\bin\s+(\d{1,3})\s+years\b", re.IGNORECASE)
ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# In every YEARS_SINCE match (on lower-cased text): "year" has no case variants
# beyond ASCII, so this pattern needs no IGNORECASE and lets no match slip.
NUMBER_OF_YEARS = re.compile(r"\d\s+year")


class TextPatterns(NamedTuple):
    """The case-insensitive patterns, all written in lower case, that read an article's lower-cased text."""

    full_date: re.Pattern[str]
    month_day: re.Pattern[str]
    day_of_month: re.Pattern[str]
    this_month: re.Pattern[str]
    deictic: re.Pattern[str]
    years_since: re.Pattern[str]


CASE_INSENSITIVE = TextPatterns(FULL_DATE, MONTH_DAY, DAY_OF_MONTH, THIS_MONTH, DEICTIC, YEARS_SINCE)
# The same patterns without IGNORECASE. On lower-cased text they match exactly
# where the others do, except that IGNORECASE also equates "ı" with "i" and "ſ"
# with "s" (no other character of such text differs from an ASCII letter only
# by case), so they serve text without those two (`lower_case_patterns`). They
# run several times faster: case-sensitive, `re` skips the words of an
# alternation whose first letter does not match.
LOWER_CASE = TextPatterns(*(re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE) for pattern in CASE_INSENSITIVE))


def lower_case_patterns(lowered: str) -> TextPatterns:
    """The fastest patterns that read this lower-cased text as the case-insensitive ones do."""
    return CASE_INSENSITIVE if "ı" in lowered or "ſ" in lowered else LOWER_CASE


def parse_date(text: str) -> dt.date | None:
    """An absolute date written in one of the FULL_DATE shapes ("Friday, April 4, 2025", "06/21/2024"), or None."""
    match = FULL_DATE.search(text)
    return date_from_match(match) if match else None


def date_from_match(match: re.Match[str]) -> dt.date | None:
    """The calendar date a FULL_DATE match writes, or None when it names no real day.

    Numeric dates are read month first with slashes (06/21/2024) and day first
    with dots (21.06.2024), as they are customarily written, and the other way
    round when that is the only valid reading. Two-digit years are 2000-2069 or 1970-1999.
    """
    groups = match.groupdict()
    if groups["iso_year"]:
        candidates = [(int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"]))]
    elif groups["numeric_year"]:
        year = int(groups["numeric_year"])
        if year < 100:
            year += 2000 if year < 70 else 1900
        first, second = int(groups["first"]), int(groups["second"])
        month_first, day_first = (year, first, second), (year, second, first)
        candidates = [day_first, month_first] if groups["separator"] == "." else [month_first, day_first]
    elif groups["month_first"]:
        candidates = [(int(groups["year_after_day"]), month_number(groups["month_first"]) or 0, int(groups["day_after"]))]
    else:
        candidates = [(int(groups["year_after_month"]), month_number(groups["month_after"]) or 0, int(groups["day_first"]))]
    for year, month, day in candidates:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


# Every FULL_DATE match holds a four-digit number or a "d/d" ("d.d") pair, and
# starts at most LONGEST_DATE_LEAD characters before it ("30th of September, ").
# Finding these anchors first and matching FULL_DATE only around them is many
# times faster than scanning a whole article with FULL_DATE's word alternatives.
# The anchor is written \d(...|...), not \d{4}|\d[/.]\d: a pattern that opens with
# one character class lets `re` skip to the next digit in a fast C loop, where a
# top-level alternation makes it try every branch at every position (4x slower
# over a body; the matches are the same).
DATE_ANCHOR = re.compile(r"\d(?:\d{3}|[/.]\d)")
LONGEST_DATE_LEAD = 32
LONGEST_DATE_TAIL = 12


def find_full_dates(text: str, full_date: re.Pattern[str] = FULL_DATE) -> list[dt.date]:
    """Every absolute date written out in `text`, in order.

    `full_date` is FULL_DATE or, for lower-cased text, its twin that
    `lower_case_patterns` gives.
    """
    found = []
    searched_to = 0
    for anchor in DATE_ANCHOR.finditer(text):
        if anchor.end() <= searched_to:
            continue  # inside a date already found
        start = max(searched_to, anchor.start() - LONGEST_DATE_LEAD)
        match = full_date.search(text, start, anchor.end() + LONGEST_DATE_TAIL)
        if match is None or match.start() > anchor.start():
            continue
        searched_to = match.end()
        date = date_from_match(match)
        if date and 1900 <= date.year <= 2100:
            found.append(date)
    return found


UPDATE_STAMP = re.compile(r"\b(?:updated|modified|last edited|revised|refreshed)\b", re.IGNORECASE)


def stated_date(lines: Iterable[str]) -> tuple[dt.date | None, bool]:
    """The date the page states, from its dateline/byline lines, and whether it is only an update stamp.

    A "Posted"/"Published" or unlabelled date wins over an "Updated" one; a page
    that shows only an update stamp returns it with weak=True, because an
    update is not when the text was written.
    """
    update: dt.date | None = None
    for line in lines:
        date = line_date(line)
        if date is None:
            continue
        if UPDATE_STAMP.search(line):
            update = update or date
            continue
        return date, False
    return update, update is not None


@lru_cache(maxsize=4096)
def line_date(line: str) -> dt.date | None:
    """The first absolute date of a short line (a dateline or byline); None for paragraphs and dateless lines.

    Cached: metadata asks this of the same header lines several times.
    """
    # Most lines asked about hold no date at all: one search for a date's digits settles them.
    if DATE_ANCHOR.search(line) is None or len(line.split()) > 25:
        return None
    # Lower case keeps every position of ASCII text and lets the faster patterns read it.
    dates = find_full_dates(line.lower(), LOWER_CASE.full_date) if line.isascii() else find_full_dates(line)
    return dates[0] if dates else None


class DateEvidence:
    """What an article's own text says about when it was written.

    Each item is read off the text the first time a question needs it: most
    pages state a date the content agrees with, and then only a few of the
    items are ever looked at.
    """

    def __init__(self, body: str, captions: Iterable[str] = (), legal: Iterable[str] = ()) -> None:
        self.text = body.lower()
        self.patterns = lower_case_patterns(self.text)
        self.captions = list(captions)
        self.legal = list(legal)

    @cached_property
    def explicit(self) -> list[dt.date]:
        """Full dates in the body."""
        return find_full_dates(self.text, self.patterns.full_date)

    @cached_property
    def month_days(self) -> list[tuple[int, int]]:
        """(month, day) pairs written without a year."""
        pairs = []
        for match in self.patterns.month_day.finditer(self.text):
            month = month_number(match.group("month"))
            day = int(match.group("day"))
            if month and 1 <= day <= 31:
                pairs.append((month, day))
        return pairs

    @cached_property
    def days_of_month(self) -> list[int]:
        """Days referred to as "on the 25th"."""
        if not THE_NUMBER.search(self.text):
            return []
        return [day for day in map(int, self.patterns.day_of_month.findall(self.text)) if 1 <= day <= 31]

    @cached_property
    def this_month(self) -> bool:
        # THIS_MONTH scans a whole body slowly; it is tried only just before each
        # "month", up to the character after it (where its final \b looks).
        this_month = self.patterns.this_month
        return any(this_month.search(self.text, max(0, at - THIS_MONTH_LEAD), at + len("month") + 1) for at in occurrences(self.text, "month"))

    @cached_property
    def deictic(self) -> bool:
        """Wording that counts from the day of writing ("yesterday", "on Friday")."""
        return bool(self.patterns.deictic.search(self.text))

    @cached_property
    def anniversary_years(self) -> list[int]:
        """Years reached by arithmetic: a visit "in 2000" and the "first visit in 24 years" give 2024."""
        # A match needs "<number> years", which a digit-led pattern finds fast.
        if "years" not in self.text or not NUMBER_OF_YEARS.search(self.text):
            return []
        stated_years = [int(year) for year in YEAR_IN.findall(self.text)]
        found = []
        for match in years_since_matches(self.text, self.patterns):
            # "first visit in 24 years" counts from the last such event: the
            # latest year mentioned before it.
            earlier = [year for year in stated_years if year < 2200]
            if earlier:
                found.append(max(earlier) + int(match.group(1)))
        return found

    @cached_property
    def caption_dates(self) -> list[dt.date]:
        """Dates in photo captions: when the pictures were taken."""
        return [date for line in self.captions for date in find_full_dates(line)]

    @cached_property
    def page_years(self) -> list[int]:
        """Years in the page's copyright lines."""
        return [int(year) for line in self.legal for year in ANY_YEAR.findall(line)]


# The parts of a YEARS_SINCE match: its opening word, and the "in <number> years" it ends with.
YEARS_SINCE_OPENING = re.compile(r"\b(?:first|since|in)\b")
IN_NUMBER_YEARS = re.compile(r"\bin\s+(\d{1,3})\s+years\b")
# At most this many characters lie between the two parts ([^.]{0,60} in YEARS_SINCE).
YEARS_SINCE_GAP = 60


def years_since_matches(text: str, patterns: TextPatterns) -> Iterator[re.Match[str]]:
    """The "in <number> years" of every YEARS_SINCE match in lower-cased `text`, in order.

    YEARS_SINCE scans slowly: a lazy look-ahead from every "in". Its matches
    are found here from their ends instead: each "in <number> years" counts
    when an opening word starts at most YEARS_SINCE_GAP characters without a
    full stop before it, after the previous match. Text that only the
    case-insensitive patterns read (see `lower_case_patterns`) is left to YEARS_SINCE itself.
    """
    if patterns is CASE_INSENSITIVE:
        yield from patterns.years_since.finditer(text)
        return
    previous_end = 0
    for ending in IN_NUMBER_YEARS.finditer(text):
        start = ending.start()
        lowest = max(previous_end, start - YEARS_SINCE_GAP - len("since"))
        for opening in YEARS_SINCE_OPENING.finditer(text, lowest, start):
            gap = text[opening.end() : start]
            if len(gap) <= YEARS_SINCE_GAP and "." not in gap:
                previous_end = ending.end()
                yield ending
                break


def occurrences(text: str, word: str) -> Iterator[int]:
    """The positions of `word` in `text`, in order (overlapping ones included)."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def gather_evidence(body: str, captions: Iterable[str] = (), legal: Iterable[str] = ()) -> DateEvidence:
    """The dating evidence of a body, its photo captions and its copyright lines."""
    return DateEvidence(body, captions, legal)


def month_number(name: str) -> int | None:
    key = name[:3].lower()
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return months.index(key) + 1 if key in months else None


def contradictions(stamp: dt.date, evidence: DateEvidence) -> list[str]:
    """Reasons the content contradicts a page's date stamp (empty when it agrees)."""
    reasons = []
    if evidence.this_month and any(day > stamp.day + 1 for day in evidence.days_of_month):
        late = max(evidence.days_of_month)
        reasons.append(f"the text reports events of this month on the {ordinal(late)}, after the stamped day {stamp.day}")
    for year in set(evidence.anniversary_years):
        if year != stamp.year:
            reasons.append(f"its anniversary arithmetic points to {year}")
            break
    # The dates first: they are cheaper to read than the wording and seldom lie that far back.
    if evidence.explicit and max(evidence.explicit) < stamp - dt.timedelta(days=60) and evidence.deictic:
        reasons.append(f"its relative wording refers to events around {max(evidence.explicit).isoformat()}")
    return reasons


def infer_from_content(evidence: DateEvidence) -> tuple[dt.date | None, int | None, str]:
    """(reference date, year, how) from the content alone.

    When the content fixes a year but not a month, the date is None and the year
    is returned so `settle_reference_dates` can take the month from peers.
    """
    if evidence.explicit:
        latest = max(evidence.explicit)
        return latest, latest.year, f"the latest date written in the text ({latest.isoformat()})"
    if evidence.caption_dates and not evidence.anniversary_years:
        latest = max(evidence.caption_dates)
        return latest, latest.year, f"the date of the page's photo caption ({latest.isoformat()})"
    year = None
    how = ""
    if evidence.anniversary_years:
        year = max(evidence.anniversary_years)
        how = f"anniversary arithmetic in the text gives {year}"
    elif evidence.page_years:
        year = max(evidence.page_years)
        how = f"the year of the page's copyright line ({year})"
    if year and evidence.month_days:
        month, day = max(evidence.month_days)
        if evidence.days_of_month and evidence.this_month:
            day = max([day, *(d for d in evidence.days_of_month)])
        try:
            return dt.date(year, month, day), year, f"{how} and the latest month and day in the text"
        except ValueError:
            pass
    return None, year, how


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def reference_date(
    published: dt.date | None,
    body: str,
    captions: Iterable[str] = (),
    legal: Iterable[str] = (),
    weak: bool = False,
) -> tuple[dt.date | None, str | None]:
    """The reference date of one article and its date_note (None when the stamp is simply right)."""
    evidence = gather_evidence(body, captions, legal)
    if published is not None:
        reasons = contradictions(published, evidence)
        if not reasons:
            note = "the page shows only an update stamp; taken as the reference date unless the story's other articles disagree." if weak else None
            return published, note
        inferred, year, how = infer_from_content(evidence)
        note = f"page stamp {published.isoformat()} contradicts the content: " + "; ".join(reasons)
        if inferred:
            return inferred, f"{note}. Reference date inferred from {how}."
        return None, f"{note}. " + (f"The content places it in {year}; month not determined yet." if year else "No reliable date.")
    inferred, year, how = infer_from_content(evidence)
    if inferred:
        return inferred, f"the page states no date; reference date inferred from {how}."
    if year:
        return None, f"the page states no date; {how} fixes the year only."
    return None, "the page states no date and its text does not fix one."


# A provisional date this far from every peer is taken for a wrong one.
PEER_TOLERANCE = dt.timedelta(days=14)


def settle_reference_dates(articles: list[Article]) -> list[Article]:
    """Settle the reference dates of one story's articles against each other; returns the articles whose date changed.

    A story's coverage spans days, not months. Articles whose reference date
    the page states plainly are the peers. An article with no reference date
    takes the month of the latest peer (in the year its content points to, if
    any peer is in it) and the latest day-of-month its text reports. An article
    whose date is provisional (an "Updated" stamp, or inferred from content)
    and lies far from every peer takes the latest peer date. Changes the
    articles in place and explains each change in date_note; the caller
    resolves their time expressions again.

    Known limit: the articles are taken to be one story; mixed stories would
    lend each other their dates (the pipeline settles each story apart).
    """
    known = [article.reference_date for article in articles if article.reference_date is not None and not article.provisional_date]
    changed: list[Article] = []
    if not known:
        return changed
    for article in articles:
        if article.provisional_date and article.reference_date is not None:
            estimate = article.reference_date
            if any(abs(estimate - date) <= PEER_TOLERANCE for date in known):
                continue
            article.reference_date = max(known)
            changed.append(article)
            article.date_note = (
                f"{(article.date_note or '').rstrip('. ')}. That estimate ({estimate.isoformat()}) is far from "
                f"every other article of this story; reference date {max(known).isoformat()} taken from the latest of them."
            ).lstrip(". ")
            continue
        if article.reference_date is not None:
            continue
        evidence = gather_evidence(article.body)
        _, year, _ = infer_from_content(evidence)
        peers = [date for date in known if year is None or date.year == year] or known
        anchor = max(peers)
        day = max(evidence.days_of_month) if evidence.days_of_month else anchor.day
        try:
            settled = anchor.replace(day=day)
        except ValueError:
            settled = anchor
        note = (article.date_note or "").rstrip(". ")
        article.reference_date = settled
        article.provisional_date = True  # an estimate, however good: readers must tell it from a date the page states
        changed.append(article)
        article.date_note = (
            f"{note}. Reference date {settled.isoformat()}: month from the other articles of this story"
            + (f", day from the text's 'the {ordinal(day)}'" if evidence.days_of_month else "")
            + "."
        ).lstrip(". ")
    return changed
