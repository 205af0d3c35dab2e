"""Time expressions: find every date/time expression in an article and put it on the calendar (TIMEX3).

Approach (rule based, in the spirit of HeidelTime, with our own grammar):

1. Find. A small grammar of precompiled regular expressions runs over the body
   text, one pattern per class of expression (explicit dates, month names,
   years, decades, weekdays, "today"/"yesterday", "last week", quarters,
   "three years ago", durations, clock times, vague references such as "now",
   recurring sets such as "daily"). Candidates from all patterns are merged
   leftmost-longest, so "the past three months" wins over "the past". Extents
   follow TimeML: prepositions are left out ("on Friday" -> "Friday"), "the"
   and modifiers ("early", "nearly", "late") are kept.
2. Resolve. Each candidate is normalised against the article's reference date,
   in text order. Relative expressions read the tense of the verb that governs
   them in the spaCy parse (past: "fell", "had said"; future: "will", "is to
   sign", "plans to", "expected to"), the way TimeBank annotators did: a
   weekday in a past clause is the latest such day before the reference (the
   reference's own weekday is the reference day itself), in a future clause
   the coming one. Financial reports talk about one quarter at a time, so the
   last quarter mentioned becomes the anchor of "a year earlier" and "the
   year-ago quarter" (TimeBank's convention: 1988-Q3, not 1988).

Values follow TimeML/TempEval-3: 2024-06-19, 2024-06, 2024, 2024-W25,
2024-W25-WE, 2024-Q3, 2024-H1, 2024-SU, 199 (a decade), 19 (a century),
2024-06-19TMO, 2024-06-19T10:30, PRESENT_REF/PAST_REF/FUTURE_REF, durations
P3M, PT1M30S, PXY, sets P1D / XXXX-WXX-2.

Cost: linear in the text. Most patterns carry a cheap trigger (a unit word, a
month name) and run only in windows around its hits; each hit costs a bisect
to find its token and a short walk up the parse. No model calls.

Known limits:
* English only. Slashed dates are read month first (06/21/2024); day-first dates only in the
  dotted form (21.06.2024).
* A date without a year told in the past tense may lie at most 30 days after the reference
  (a late report); further ahead it is last year's. Untensed mentions take the nearest one.
* "two days later", "the previous Friday", "that day" need the story's event as anchor: the
  first is given as a duration, the others are not resolved (or resolved against the reference).
* No TimeML `mod` attribute: "early 1990" is 1990, "the end of the year" the year.
* Vague words that are only sometimes temporal ("current", "once", "previously", "the day")
  are left out or tagged only in the uses a rule recognises; fiscal quarters are read as
  calendar quarters.
* With `reference` None every relative expression gets value None; absolute ones (1989,
  Sept. 30, 1989, durations) still resolve.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from spacy.tokens import Doc, Token

from newsprism.annotate.language import body_of
from newsprism.clean.dates import month_number
from newsprism.model import TimeExpr

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"] | None
Resolution = tuple[str | None, TimeType] | None  # None: the candidate is not a time expression after all

# --- vocabulary -------------------------------------------------------------------------------------------------

# Month names are matched case-sensitively: "may", "march" and "fall" are mostly not dates in lower case.
MONTH = (
    r"(?-i:January|Jan\.|February|Feb\.|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|August|Aug\.|"
    r"September|Sept?\.|October|Oct\.|November|Nov\.|December|Dec\.)"
)
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = {word: value for value, word in enumerate(_ONES, start=1)}
_NUMBER_WORDS.update({word: value for value, word in enumerate(_TEENS, start=10)})
_NUMBER_WORDS.update({word: 10 * value for value, word in enumerate(_TENS, start=2)})
_NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "a hundred": 100, "one hundred": 100})
SPELLED = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})"
VAGUE_NUMBER = r"(?:a\s+few|few|several|many|some|a\s+number\s+of|numerous)"
# Written numbers that are not years (a year before a unit is "the 1988 quarter", not 1,988 quarters).
NUMBER = rf"(?:(?!(?:1[89]|20)\d\d\b)\d+(?:\.\d+)?(?:\s+1/2)?|(?:a\s+)?couple\s+of|a\s+dozen|(?:a|one)\s+hundred|{SPELLED}|an?|{VAGUE_NUMBER})"

YEAR_NUMBER = rf"(?:(?:1[5-9]|20)\d\d(?![\d,.]\d)|nineteen\s+(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES)}))?)"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

# Duration units and the letter TIMEX3 gives them (T marks the time part of a duration).
_UNIT_CODES = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "E",
    "century": "C",
}
UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ies))s?"
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
DURATION_MODIFIER = (
    r"(?:nearly|almost|about|around|roughly|approximately|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"at\s+most|over(?!\s+the\b)|up\s+to|no\s+more\s+than|only|just|within|another|an\s+additional|the\s+full)"
)
# Verbs whose infinitive complement happens later: "plans to sign", "is expected to meet", "is due to arrive".
_FUTURE_GOVERNORS = {
    "plan",
    "expect",
    "schedule",
    "intend",
    "hope",
    "aim",
    "due",
    "prepare",
    "propose",
    "be",
    "go",
    "slate",
    "want",
    "seek",
    "agree",
    "promise",
    "vow",
    "threaten",
    "decide",
    "likely",
    "postpone",
    "delay",
}
# Nouns whose infinitive is still to happen: "plans to reopen" (not "attempt" or "bid": "made an attempt to ...").
_INTENTION_NOUNS = {"plan", "intention", "intent", "proposal", "aim", "hope", "goal", "target", "timetable", "schedule"}
# How far after the reference a date told in the past tense may lie, and how far before it one told in the future.
_PAST_LOOKAHEAD = 30
_FUTURE_LOOKBACK = 20
# Words before "May" or "March" that make it the month ("in May", "since March").
_MONTH_CUES = {
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "through",
    "early",
    "late",
    "mid",
    "during",
    "before",
    "after",
    "from",
    "to",
    "and",
    "between",
    "'s",
    "or",
    "last",
    "next",
    "this",
    "on",
    "each",
    "every",
    "for",
    "-",
}
# Verbs whose date is when something is to happen, whatever their tense: "planned a rally Saturday".
_SCHEDULING = {"plan", "schedule", "slate", "postpone", "delay", "reschedule"}
# Words right before a date that make it a deadline or a coming event whatever the verb's tense.
_FUTURE_CUE = re.compile(r"(?:\buntil|\btill|\bas (?:early|soon) as|\bstarting|\bbeginning|\beffective|\bpayable)\s+(?:on\s+)?$")
# Nouns that "current", "recent" and "future" place in time ("current prices"; "the current account" is no time).
_STATE_NOUNS = {
    "levels",
    "level",
    "rate",
    "rates",
    "conditions",
    "situation",
    "prices",
    "price",
    "trend",
    "trends",
    "environment",
    "climate",
    "market",
    "markets",
    "plans",
    "generations",
    "events",
    "developments",
    "times",
    "period",
    "season",
    "policy",
}
_BARE_UNIT_CUES = {"for", "in", "over", "within", "took", "take", "takes", "lasted", "last", "spent"}
_GENERIC_NOUNS = {"world", "society", "youth", "young", "generation", "generations", "children", "leaders", "standards", "age", "economy"}
# Words before a bare four-digit number that make it a year ("in 2000", "fiscal 1989").
_YEAR_CUES = {
    "in",
    "of",
    "since",
    "by",
    "until",
    "till",
    "through",
    "during",
    "from",
    "to",
    "before",
    "after",
    "fiscal",
    "calendar",
    "early",
    "late",
    "mid",
    "the",
    "between",
    "and",
    "or",
    "year",
    "for",
    "around",
    "about",
    "as",
    "than",
    "summer",
    "spring",
    "fall",
    "autumn",
    "winter",
    "'s",
    ",",
    "(",
    "circa",
    "on",
    "at",
    "beginning",
    "end",
    "start",
    "middle",
    "model",
    "season",
}


def _number(text: str) -> float | None:
    """The value of a spelled or written number ("twenty four", "5 1/2", "a"), None for vague ones ("several")."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d+ 1/2", text):
        return float(text.split()[0]) + 0.5
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[0] in _NUMBER_WORDS and parts[1] in _ONES:
        return float(_NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]])
    return None


def _year_number(text: str) -> int:
    """The year written as digits or spelled ("nineteen ninety-seven")."""
    if text.isdigit():
        return int(text)
    return 1900 + int(_number(text.split(None, 1)[1]) or 0)


def _month_number(text: str) -> int:
    """The month a MONTH match names (the pattern admits month names only)."""
    return month_number(text) or 0


# --- calendar arithmetic ----------------------------------------------------------------------------------------


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by `months` (negative: back)."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the day does not exist in that month (Feb. 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (0 = Monday) of the month; n = -1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(*_shift_month(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# Holidays as functions of the year (US news conventions for the movable ones).
_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda year: dt.date(year, 12, 24),
    "christmas": lambda year: dt.date(year, 12, 25),
    "new year's eve": lambda year: dt.date(year, 12, 31),
    "new year's": lambda year: dt.date(year, 1, 1),
    "independence day": lambda year: dt.date(year, 7, 4),
    "halloween": lambda year: dt.date(year, 10, 31),
    "valentine's day": lambda year: dt.date(year, 2, 14),
    "veterans day": lambda year: dt.date(year, 11, 11),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    "memorial day": lambda year: _nth_weekday(year, 5, 0, -1),
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1),
    "easter": _easter,
}
HOLIDAY = (
    r"(?-i:Christmas(?:\s+Eve|\s+Day)?|New\s+Year's(?:\s+Eve|\s+Day)?|Independence\s+Day|Halloween|Valentine's\s+Day|"
    r"Veterans\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?)"
)


# --- the grammar --------------------------------------------------------------------------------------------------


def _rx(pattern: str) -> re.Pattern[str]:
    """A case-insensitive verbose pattern anchored on word boundaries."""
    return re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-])", re.IGNORECASE | re.VERBOSE)


DAY_MONTH = _rx(rf"""
    (?:(?P<weekday>{WEEKDAY}),?\s+)?
    (?:(?P<rel>this\s+coming|this\s+past|last|next|this)\s+)?
    (?:(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?
     |the\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?P<month2>{MONTH})
     |(?P<day3>[0-3]?\d)\s+(?P<month3>{MONTH}))
    (?:,?\s+(?P<year>{YEAR_NUMBER})|\s+(?P<year_rel>this|last|next)\s+year)?""")
MONTH_YEAR = _rx(rf"""
    (?:(?P<mod>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[-\s]+)?
    (?:(?P<rel>this\s+coming|this\s+past|last|next|this)\s+)?
    (?P<month>{MONTH})(?:,?\s+(?:of\s+)?(?P<year>{YEAR_NUMBER})|\s+(?P<year_rel>this|last|next)\s+year)?""")
NUMERIC_DATE = _rx(r"""
    (?P<iso_year>\d{4})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)
    |(?P<us_month>[01]?\d)/(?P<us_day>[0-3]?\d)/(?P<us_year>\d{4}|\d{2})
    |(?P<eu_day>[0-3]?\d)\.(?P<eu_month>[01]?\d)\.(?P<eu_year>\d{4})""")
YEAR = _rx(r"""
    (?:(?P<mod>fiscal|calendar|early|late|mid|the\s+(?:end|beginning|start|middle)\s+of|the\s+year|the)[-\s]+)?
    (?P<year>(?:1[5-9]|20)\d\d)(?![\d,.%]\d|%|\s*percent)""")
SPELLED_YEAR = _rx(rf"""
    (?:the\s+year\s+)?(?:nineteen\s+(?P<tens>{"|".join(_TENS)})(?:[- ](?P<ones>{"|".join(_ONES)}))?
                      |two\s+thousand(?:\s+and\s+(?P<after>{"|".join(_ONES + _TEENS)}))?)""")
DECADE = _rx(r"""
    (?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]?)?(?:(?P<century>1[5-9]|20)|')?(?P<decade>\d)0'?s""")
CENTURY = _rx(r"""(?:the\s+)?(?:(?P<ordinal>[12]?\d)(?:st|nd|rd|th)|(?P<rel>this|last|next|the\s+last|the\s+past)|
    (?P<word>nineteenth|twentieth|twenty-first))\s+century""")
SEASON = _rx(rf"""
    (?:(?P<rel>this\s+past|this\s+coming|last|next|this|the|early|late|mid)[-\s]+)?
    (?:(?P<rel2>early|late|mid)[-\s]+)?
    (?P<season>spring|summer|fall|autumn|winter)
    (?:,?\s+(?:of\s+)?(?P<year>{YEAR_NUMBER}))?""")
WEEKDAY_RX = _rx(rf"""
    (?:(?P<set>every|each)\s+)?
    (?:(?P<rel>this\s+coming|this\s+past|last|next|this|the\s+previous|the\s+following|early|late|earlier|later)\s+)?
    (?P<weekday>{WEEKDAY})(?P<plural>s)?(?P<possessive>'s)?
    (?:\s+(?P<part>morning|afternoon|evening|night)(?P<parts>s)?)?""")
# "the second Tuesday of every month": a recurring day, not the coming Tuesday.
MONTHLY_WEEKDAY = _rx(rf"""
    (?:the\s+)?(?:first|second|third|fourth|last)\s+(?P<weekday>{WEEKDAY})\s+of\s+(?:every|each)\s+month""")
CLOCK = _rx(rf"""
    (?:(?:around|about|at\s+about|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?
    (?:(?P<hour>[012]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)
       |(?P<hour24>[012]?\d):(?P<minute24>[0-5]\d)(?!\d|:\d)
       |(?P<hour_oclock>{"|".join(_ONES + _TEENS[:3])}|\d{{1,2}})\s+o'clock
       |(?P<named>noon|midnight|midday))
    (?:\s+(?-i:[ECMP][SD]T|GMT|UTC))?
    (?:,?\s+(?:on\s+)?(?:(?P<weekday>{WEEKDAY})|(?P<relday>today|yesterday|tomorrow)|(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)\b))?""")
RELATIVE_DAY = _rx(r"""
    (?:(?:early|late|earlier|later|mid)[-\s]+)?
    (?:(?P<part0>morning|afternoon|evening)\s+)?
    (?P<day>today|yesterday|tomorrow|tonight|overnight)(?:'s)?
    (?:\s+(?P<part>morning|afternoon|evening|night))?""")
DAY_PART = _rx(r"""
    (?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|the)\s+(?P<part>morning|afternoon|evening|night)""")
RELATIVE_UNIT = _rx(r"""
    (?:(?P<mod>early|late|earlier|later|mid|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of|around)[-\s]+)?
    (?P<rel>last|this|next|the\s+past|the\s+last|the\s+previous|the\s+current|the\s+coming|the\s+next|the\s+latest|this\s+past|
            the\s+(?:fiscal|calendar)|the)
    \s+(?P<fiscal>fiscal\s+|calendar\s+)?(?P<unit>week|weekend|month|year|quarter|decade)(?:'s)?""")
YEAR_END = _rx(r"""(?:around\s+)?(?:year[-\s]end|year's\s+end|the\s+(?:full|entire|whole)\s+year)""")
REF_YEAR_QUARTER = _rx(rf"""
    (?P<rel>last|this|next)\s+year's\s+(?P<ordinal>{QUARTER_ORDINAL})[-\s]quarter""")
QUARTER = _rx(rf"""
    (?:(?:the|a)\s+)?(?:(?:flat|strong|weak|disappointing|record|fiscal|calendar)\s+)?
    (?:(?P<year>(?:19|20)\d\d)\s+)?(?:(?:fiscal|calendar)[-\s]+)?
    (?P<ordinal>{QUARTER_ORDINAL})[-\s](?:fiscal[-\s])?quarter
    (?:\s+of\s+(?:(?P<year2>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year|fiscal\s+(?P<year3>(?:19|20)\d\d)))?""")
HALF = _rx(rf"""
    (?:the\s+)?(?P<which>first|second|last|latter|1st|2nd)[-\s]half
    (?:\s+of\s+(?:(?P<year>{YEAR_NUMBER})|(?P<rel>this|last|next)\s+year|the\s+year))?""")
YEAR_PERIOD = _rx(rf"""
    the\s+(?P<year>(?:19|20)\d\d)\s+(?:(?P<ordinal>{QUARTER_ORDINAL})[-\s])?(?:fiscal\s+)?(?P<what>quarter|period|first\s+half|second\s+half)""")
# "the quarter ended Sept. 30": the calendar quarter of that day.
ENDED = re.compile(rf"\s+(?:ended|ending)\s+(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)\b(?:,\s+(?P<year>(?:19|20)\d\d))?")
YEAR_AGO_PERIOD = _rx(r"""
    (?:the\s+)?(?:(?:comparable|corresponding|same|prior)\s+)?
    (?P<which>year-ago|year-earlier|year\s+ago|year\s+earlier|prior-year|previous-year|comparable|corresponding)
    (?:\s+(?P<ordinal>first|second|third|fourth)|\s+fiscal)?
    (?:\s+(?P<what>quarter|period|(?P<months>nine|six|three)\s+months))?
    (?:\s+(?P<suffix>(?:a\s+year\s+(?:ago|earlier)|last\s+year)))?""")
LATEST_PERIOD = _rx(r"""
    the\s+(?:latest|most\s+recent|recent|current|same)\s+(?:period|quarter)
    (?:\s+(?P<suffix>a\s+year\s+(?:ago|earlier)|last\s+year))?""")
AGO = _rx(rf"""
    (?:(?P<mod>{DURATION_MODIFIER})\s+)?
    (?P<number>{NUMBER})(?:\s+or\s+so)?[-\s]+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<direction>ago|earlier|hence|from\s+now)""")
DURATION = _rx(rf"""
    (?:(?P<mod>{DURATION_MODIFIER})\s+)?
    (?:(?P<article>the|each\s+of\s+the)\s+)?
    (?:(?P<rel>past|last|next|first|coming|latest|previous|final|following|remaining|recent|initial|same)\s+)?
    (?P<number>{NUMBER})
    (?:\s+(?:to|or|and)\s+(?P<number2>{NUMBER}))?
    (?P<half>\s+and\s+a\s+half)?
    (?:\s+(?:more|additional|straight|consecutive|full|trading|business|calendar|fiscal))?
    [-\s]+(?P<unit>{UNIT})
    (?P<half2>\s+and\s+a\s+half)?(?P<age>-old|\s+old)?(?:-long)?(?:\s+or\s+so)?""")
BARE_UNITS = _rx(r"""
    (?:(?P<rel>recent|coming|past|the\s+past|the\s+coming|the\s+next|the\s+last|the\s+first|the\s+early|the\s+final)\s+)?
    (?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?:-long)?(?=\s+(?:ago|ahead|to\s+come)|\b)""")
REFERENCE_WORD = _rx(r"""
    (?P<word>now|right\s+now|currently|presently|nowadays|at\s+present|these\s+days|recently|lately|soon|
    the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+past|current|recent|future)""")
SET_WORD = _rx(rf"""
    (?P<word>daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|semiannually)
    |(?:every|each|per)\s+(?P<number>other|two|three|four|five|six|\d+)?\s*(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|
        morning|afternoon|evening|night|summer|winter|spring|fall|autumn)s?
    |(?:every|each)\s+(?P<month>{MONTH})""")
DAY_OF_MONTH = _rx(r"""the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)""")
HOLIDAY_RX = _rx(rf"""(?:(?P<rel>last|this|next)\s+)?(?P<name>{HOLIDAY})(?:,?\s+(?P<year>(?:19|20)\d\d))?""")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int  # the rule's position in the grammar: breaks ties between equal spans
    match: re.Match[str]


# --- resolution -------------------------------------------------------------------------------------------------


class _Resolver:
    """Normalises the candidates of one document, in text order, against its reference date."""

    def __init__(self, doc: Doc, reference: dt.date | None) -> None:
        self.doc = doc
        self.text = body_of(doc)
        self.reference = reference
        # The quarter the text last talked about: the anchor of "a year earlier" in earnings reports.
        self.focus_quarter: tuple[int, int] | None = None

    def run(self) -> list[TimeExpr]:
        """Every resolved expression, leftmost-longest, in text order."""
        candidates = [
            _Candidate(match.start(), match.end(), order, match) for order, rule in enumerate(_GRAMMAR) for match in rule.finditer(self.text)
        ]
        candidates.sort(key=lambda c: (c.start, c.start - c.end, c.order))
        found: list[TimeExpr] = []
        taken_until = 0
        for candidate in candidates:
            if candidate.start < taken_until:
                continue
            resolution = _GRAMMAR[candidate.order].resolve(self, candidate.match)
            if resolution is None:
                continue  # a shorter candidate at the same place may still be a time expression
            value, kind = resolution
            text = self.text[candidate.start : candidate.end]
            found.append(TimeExpr(text=text, value=value, type=kind, start=candidate.start, end=candidate.end))
            taken_until = candidate.end
        return found

    # --- context from the parse ---

    @cached_property
    def token_starts(self) -> list[int]:
        """Character offsets of the tokens, for bisecting (read from the Doc's array: iterating Tokens is slow)."""
        return [int(idx) for idx in self.doc.to_array("IDX")]

    def token_at(self, offset: int) -> Token:
        return self.doc[max(0, bisect.bisect_right(self.token_starts, offset) - 1)]

    def previous_word(self, offset: int) -> str:
        """The lower-cased token right before the character offset ("" at the start)."""
        index = bisect.bisect_right(self.token_starts, offset) - 1
        while index > 0 and self.doc[index].idx >= offset:
            index -= 1
        return self.doc[index].lower_ if index >= 0 and self.doc[index].idx < offset else ""

    def tense(self, offset: int) -> Tense:
        """The tense of the clause the expression at `offset` belongs to, from the verb that governs it.

        Infinitives and participles pass the question up to the verb they depend on (an infinitive
        that modifies a noun, to the verb governing the noun: "plan an attempt to refloat"); "will",
        "is to", "plans to", modals and deadline words ("until Friday") mean future.
        """
        before = self.text[max(0, offset - 14) : offset].lower()
        if _FUTURE_CUE.search(before):
            return "future"
        verb = self.token_at(offset)
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(4):
            if verb.pos_ not in ("VERB", "AUX"):
                return None
            auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
            words = {aux.lower_ for aux in auxiliaries}
            if words & {"will", "'ll", "shall", "wo"} or verb.lemma_ in _SCHEDULING:
                return "future"
            if "to" in words and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.lemma_ in _FUTURE_GOVERNORS:
                return "future"  # "is to sign", "plans to open", "expected to meet"
            if words & {"has", "have", "'ve", "had"} or verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries):
                return "past"
            if words & {"would", "could", "might", "may", "should", "must", "can"}:
                return "future"
            if verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries):
                return "present"
            if verb.tag_ == "VBN" and not auxiliaries:
                return "past"  # a bare participle reports a done thing: "the terms, announced Friday"
            if verb.head.i == verb.i:
                return None
            if "to" in words and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # An infinitive that modifies a noun: a noun of intention makes it a coming event
                # ("plans to reopen the mill on Monday"); otherwise the verb governing the noun decides
                # ("plan an attempt to refloat the ship on Friday", but "made an attempt to ...").
                if verb.head.lemma_ in _INTENTION_NOUNS:
                    return "future"
                verb = verb.head
                while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                continue
            verb = verb.head  # a bare participle or infinitive: ask the verb it depends on
        return None

    # --- absolute dates ---

    def numeric_date(self, match: re.Match[str]) -> Resolution:
        group = match.group
        if group("iso_year"):
            year, month, day = int(group("iso_year")), int(group("iso_month")), int(group("iso_day"))
        elif group("us_year"):
            year, month, day = int(group("us_year")), int(group("us_month")), int(group("us_day"))
            if year < 100:
                year += 1900 if year > 30 else 2000
        else:
            year, month, day = int(group("eu_year")), int(group("eu_month")), int(group("eu_day"))
        date = _safe_date(year, month, day)
        return (date.isoformat(), "DATE") if date else None

    def day_month(self, match: re.Match[str]) -> Resolution:
        group = match.group
        month = _month_number(group("month") or group("month2") or group("month3"))
        day = int(group("day") or group("day2") or group("day3"))
        if not 1 <= day <= 31:
            return None
        year = self.year_of(month, day, match)
        if year is None:
            return None, "DATE"
        date = _safe_date(year, month, day)
        return (date.isoformat(), "DATE") if date else None

    def year_of(self, month: int, day: int | None, match: re.Match[str]) -> int | None:
        """The year of a month (and day): written, "this/last/next year", or the occurrence `occurrence` picks.

        None: no year can be given (no reference).
        """
        groups = match.groupdict()
        if groups.get("year"):
            return _year_number(groups["year"])
        if self.reference is None:
            return None
        year_rel = (groups.get("year_rel") or "").lower()
        if year_rel:
            return self.reference.year + {"last": -1, "this": 0, "next": 1}[year_rel]
        rel = re.sub(r"\s+", " ", (groups.get("rel") or "").lower())
        just_gone = _shift_month(self.reference.year, month, 1)[1] == self.reference.month
        if day is None and (month == self.reference.month or (rel == "last" and just_gone)):
            # This month is "this month"; and "last February" in March is last year's, the month just gone being "last month".
            return self.reference.year + {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
        years = range(self.reference.year - 1, self.reference.year + 2)
        occurrences = [date for date in (_safe_date(year, month, day or 15) for year in years) if date]
        return self.occurrence(occurrences, rel, match.start()).year

    def occurrence(self, occurrences: list[dt.date], rel: str, offset: int) -> dt.date:
        """Which of a recurring day's occurrences (last year's, this year's, next year's) the text means.

        "this" takes this year's; "last"/"next" the latest/coming one strictly before/after the
        reference. A past clause takes the latest one at most `_PAST_LOOKAHEAD` days after the
        reference (reports name dates just ahead: "declared a dividend payable Dec. 7"), a future
        clause the coming one, and an untensed mention the nearest one.
        """
        assert self.reference is not None
        reference = self.reference
        if rel == "this":
            return occurrences[1]
        if rel in ("last", "this past"):
            return [date for date in occurrences if date < reference][-1]
        if rel in ("next", "this coming"):
            return next(date for date in occurrences if date > reference)
        tense = self.tense(offset)
        if tense == "past":
            return [date for date in occurrences if (date - reference).days <= _PAST_LOOKAHEAD][-1]
        if tense == "future":
            return next(date for date in occurrences if (reference - date).days <= _FUTURE_LOOKBACK)
        return min(occurrences, key=lambda date: abs((date - reference).days))

    def month_year(self, match: re.Match[str]) -> Resolution:
        group = match.group
        month_text = group("month")
        bare = not (group("year") or group("rel") or group("mod") or group("year_rel"))
        if bare and month_text in ("May", "March"):
            # The modal "may" and the verb or event "march" are far more common than the bare month.
            token = self.token_at(match.start("month"))
            if token.tag_ == "MD" or token.pos_ == "VERB" or self.previous_word(match.start()) not in _MONTH_CUES:
                return None
        month = _month_number(month_text)
        year = self.year_of(month, None, match)
        return (None if year is None else f"{year:04d}-{month:02d}"), "DATE"

    def year(self, match: re.Match[str]) -> Resolution:
        year = int(match.group("year"))
        mod = (match.group("mod") or "").lower()
        if not mod or mod == "the":
            # A bare four-digit number is a year only in a year's context ("in 1990", "1990's"), not "1990 shares".
            token = self.token_at(match.start("year"))
            previous = self.previous_word(match.start("year"))
            following = self.token_at(match.end() + 1)
            if token.ent_type_ != "DATE" and previous not in _YEAR_CUES:
                return None
            if following.idx > match.end() and following.tag_ == "NNS":
                return None  # "1990 shares"
            if self.text[match.start() - 1 : match.start()] == "$":
                return None
        return str(year), "DATE"

    def spelled_year(self, match: re.Match[str]) -> Resolution:
        if match.group("tens"):
            year = 1900 + _NUMBER_WORDS[match.group("tens").lower()] + (_NUMBER_WORDS[match.group("ones").lower()] if match.group("ones") else 0)
        else:
            if not match.group(0).lower().startswith("the year") and self.previous_word(match.start()) not in ("in", "since", "by", "until"):
                return None
            year = 2000 + (_NUMBER_WORDS[match.group("after").lower()] if match.group("after") else 0)
        return str(year), "DATE"

    def decade(self, match: re.Match[str]) -> Resolution:
        century = match.group("century")
        if century is None and not match.group(0).lower().startswith(("the", "'")) and "'" not in match.group(0):
            return None  # "in his 30s" is an age
        if century is None:
            # '80s: the most recent such decade.
            reference_year = self.reference.year if self.reference else 1999
            century_start = reference_year // 100 * 100
            if century_start + int(match.group("decade")) * 10 > reference_year:
                century_start -= 100
            century = str(century_start // 100)
        return f"{century}{match.group('decade')}", "DATE"

    def century(self, match: re.Match[str]) -> Resolution:
        if match.group("ordinal"):
            return f"{int(match.group('ordinal')) - 1:02d}", "DATE"
        if match.group("word"):
            return {"nineteenth": "18", "twentieth": "19", "twenty-first": "20"}[match.group("word").lower()], "DATE"
        if self.reference is None:
            return None, "DATE"
        rel = match.group("rel").lower()
        shift = {"this": 0, "next": 1}.get(rel, -1)
        return f"{self.reference.year // 100 + shift:02d}", "DATE"

    def holiday(self, match: re.Match[str]) -> Resolution:
        name = re.sub(r"\s+", " ", match.group("name").lower())
        # "Christmas Day", "Easter Sunday", "New Year's Day" are the holiday itself.
        day_of = _HOLIDAYS.get(name) or _HOLIDAYS[re.sub(r" (?:day|sunday)$", "", name)]
        if match.group("year"):
            return day_of(int(match.group("year"))).isoformat(), "DATE"
        if self.reference is None:
            return None, "DATE"
        occurrences = [day_of(year) for year in range(self.reference.year - 1, self.reference.year + 2)]
        return self.occurrence(occurrences, (match.group("rel") or "").lower(), match.start()).isoformat(), "DATE"

    # --- quarters and reporting periods ---

    def set_quarter(self, year: int, quarter: int) -> Resolution:
        self.focus_quarter = (year, quarter)
        return f"{year}-Q{quarter}", "DATE"

    def year_end(self, match: re.Match[str]) -> Resolution:
        return (None if self.reference is None else str(self.reference.year)), "DATE"

    def ref_year_quarter(self, match: re.Match[str]) -> Resolution:
        if self.reference is None:
            return None, "DATE"
        year = self.reference.year + {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
        return self.set_quarter(year, _ORDINALS[match.group("ordinal").lower()])

    def quarter(self, match: re.Match[str]) -> Resolution:
        group = match.group
        ordinal = _ORDINALS[group("ordinal").lower()]
        year_text = group("year") or group("year2") or group("year3")
        if year_text:
            year = int(year_text)
        elif self.reference is None:
            return None, "DATE"
        else:
            year = self.reference.year + {"last": -1, "next": 1}.get((group("rel") or "").lower(), 0)
            # A quarter still to come, told in the past tense, was last year's.
            if not group("rel") and ordinal > _quarter(self.reference)[1] and self.tense(match.start()) == "past":
                year -= 1
        return self.set_quarter(year, ordinal)

    def half(self, match: re.Match[str]) -> Resolution:
        group = match.group
        which = 1 if group("which").lower() in ("first", "1st") else 2
        if group("year"):
            return f"{_year_number(group('year'))}-H{which}", "DATE"
        if not (group("rel") or match.group(0).lower().endswith("year")) and self.text[match.end() : match.end() + 3] == " of":
            return None  # "the first half of the game"
        if self.reference is None:
            return None, "DATE"
        year = self.reference.year + {"last": -1, "next": 1}.get((group("rel") or "").lower(), 0)
        return f"{year}-H{which}", "DATE"

    def year_period(self, match: re.Match[str]) -> Resolution:
        year = int(match.group("year"))
        what = match.group("what").lower()
        if match.group("ordinal"):
            return self.set_quarter(year, _ORDINALS[match.group("ordinal").lower()])
        if what.endswith("half"):
            return f"{year}-H{1 if what.startswith('first') else 2}", "DATE"
        if self.focus_quarter:
            return f"{year}-Q{self.focus_quarter[1]}", "DATE"
        return str(year), "DATE"

    def quarter_ended(self, ended: re.Match[str]) -> tuple[int, int]:
        """The calendar quarter of "(the quarter) ended Sept. 30": the last such day on or before the reference."""
        assert self.reference is not None
        month, day = _month_number(ended.group("month")), int(ended.group("day"))
        if ended.group("year"):
            return int(ended.group("year")), (month - 1) // 3 + 1
        return self.reference.year - ((month, day) > (self.reference.month, self.reference.day)), (month - 1) // 3 + 1

    def year_ago_period(self, match: re.Match[str]) -> Resolution:
        group = match.group
        if group("months"):
            return f"P{_NUMBER_WORDS[group('months').lower()]}M", "DURATION"
        which = group("which").lower()
        if which in ("comparable", "corresponding") and not group("what"):
            return None
        if which.startswith("year") and " " in which and not group("what") and not group("ordinal"):
            return None  # "a year ago" is the AGO rule's
        if self.reference is None:
            return None, "DATE"
        if group("ordinal"):
            return self.set_quarter(self.reference.year - 1, _ORDINALS[group("ordinal").lower()])
        if self.focus_quarter:
            year, quarter = self.focus_quarter
            return f"{year - 1}-Q{quarter}", "DATE"
        if (group("what") or "").lower() == "quarter":
            year, quarter = _previous_quarter(*_quarter(self.reference))
            return f"{year - 1}-Q{quarter}", "DATE"
        return str(self.reference.year - 1), "DATE"

    def latest_period(self, match: re.Match[str]) -> Resolution:
        if self.reference is None:
            return None, "DATE"
        if match.group("suffix"):
            year, quarter = self.focus_quarter or _previous_quarter(*_quarter(self.reference))
            return f"{year - 1}-Q{quarter}", "DATE"
        if match.group(0).lower().startswith("the current"):
            return self.set_quarter(*_quarter(self.reference))
        if match.group(0).lower().startswith("the same"):
            return None
        return self.set_quarter(*(self.focus_quarter or _previous_quarter(*_quarter(self.reference))))

    # --- seasons, weekdays, days ---

    def season(self, match: re.Match[str]) -> Resolution:
        group = match.group
        rel = (group("rel") or "").lower()
        code = SEASONS[group("season").lower()]
        if group("year"):
            return f"{_year_number(group('year'))}-{code}", "DATE"
        if not rel and not group("rel2") and self.previous_word(match.start()) not in ("in", "during", "since", "until", "by", "through", "this"):
            return None  # "prices fall", "a hard winter" are not on the calendar
        if rel == "the" and re.match(r"\s+of\s+(?!(?:19|20)\d\d)", self.text[match.end() : match.end() + 12]):
            return None  # "the fall of the wall"
        if self.reference is None:
            return None, "DATE"
        year = self.reference.year
        if rel == "last":
            year -= 1
        elif rel == "next":
            year += 1
        return f"{year}-{code}", "DATE"

    def weekday(self, match: re.Match[str]) -> Resolution:
        group = match.group
        weekday = _WEEKDAY_NUMBERS[group("weekday").lower()[:3]]
        part = group("part")
        if group("set") or group("plural") or group("parts"):
            return f"XXXX-WXX-{weekday + 1}" + (f"T{DAY_PARTS[part.lower()]}" if part else ""), "SET"
        if self.reference is None:
            return None, "TIME" if part else "DATE"
        # "Friday's purchases" names a known event: a past one.
        date = self.weekday_date(weekday, (group("rel") or "").lower(), match.start(), known=bool(group("possessive")))
        if part:
            return f"{date.isoformat()}T{DAY_PARTS[part.lower()]}", "TIME"
        return date.isoformat(), "DATE"

    def monthly_weekday(self, match: re.Match[str]) -> Resolution:
        return f"XXXX-WXX-{_WEEKDAY_NUMBERS[match.group('weekday').lower()[:3]] + 1}", "SET"

    def weekday_date(self, weekday: int, rel: str, offset: int, known: bool = False) -> dt.date:
        """The day a weekday name refers to: "last"/"next" decide, else the tense; the reference's weekday is the reference."""
        assert self.reference is not None
        back = (self.reference.weekday() - weekday) % 7
        forward = (weekday - self.reference.weekday()) % 7
        if rel in ("last", "this past", "the previous"):
            return self.reference - dt.timedelta(days=back or 7)
        if rel in ("next", "this coming", "the following"):
            return self.reference + dt.timedelta(days=forward or 7)
        if back == 0:
            return self.reference
        if rel == "this" or (not known and self.tense(offset) in ("future", "present")):
            return self.reference + dt.timedelta(days=forward)
        return self.reference - dt.timedelta(days=back)

    def relative_day(self, match: re.Match[str]) -> Resolution:
        group = match.group
        word = group("day").lower()
        part = group("part") or group("part0")
        if match.group(0).lower().endswith("'s") and self.token_at(match.end() + 1).lower_ in _GENERIC_NOUNS:
            return None  # "today's world", "tomorrow's leaders" are no day
        if self.reference is None:
            return None, "TIME" if part or word in ("tonight", "overnight") else "DATE"
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        date = (self.reference + dt.timedelta(days=shift)).isoformat()
        if word in ("tonight", "overnight"):
            return f"{date}TNI", "TIME"
        if part:
            return f"{date}T{DAY_PARTS[part.lower()]}", "TIME"
        return date, "DATE"

    def day_part(self, match: re.Match[str]) -> Resolution:
        rel = match.group("rel").lower()
        part = DAY_PARTS[match.group("part").lower()]
        if rel == "the" and not match.group("mod"):
            return None  # "the morning after" needs the event; rarely worth a guess
        if self.reference is None:
            return None, "TIME"
        date = self.reference - dt.timedelta(days=1) if rel == "last" else self.reference
        return f"{date.isoformat()}T{part}", "TIME"

    def day_of_month(self, match: re.Match[str]) -> Resolution:
        # "the 25th" alone is a day of the month; "the 25th anniversary" or "the 5th Fleet" is not.
        following = self.token_at(match.end() + 1) if match.end() + 1 < len(self.text) else None
        if following is not None and following.idx > match.end() and following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
        day = int(match.group("day"))
        if not 1 <= day <= 31:
            return None
        if self.reference is None:
            return None, "DATE"
        year, month = self.reference.year, self.reference.month
        if day > self.reference.day and self.tense(match.start()) == "past":
            year, month = _shift_month(year, month, -1)
        elif day < self.reference.day and self.tense(match.start()) == "future":
            year, month = _shift_month(year, month, 1)
        date = _safe_date(year, month, day)
        return (date.isoformat(), "DATE") if date else None

    def clock(self, match: re.Match[str]) -> Resolution:
        group = match.group
        if group("named") and self.previous_word(match.start()) == "high":
            return None  # "high noon"
        if group("hour24") and self.previous_word(match.start()) not in ("at", "by", "until", "after", "before", "about", "around", "from", "to"):
            return None  # "3:2" scores and ratios
        read = clock_hour_minute(match)
        if read is None:
            return None
        hour, minute = read
        if self.reference is None:
            return None, "TIME"
        date = self.reference
        if group("month"):
            year = self.year_of(_month_number(group("month")), int(group("day")), match)
            date = _safe_date(year or self.reference.year, _month_number(group("month")), int(group("day"))) or self.reference
        elif group("weekday"):
            date = self.weekday_date(_WEEKDAY_NUMBERS[group("weekday").lower()[:3]], "", match.start())
        elif group("relday"):
            date = self.reference + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(group("relday").lower(), 0))
        return f"{date.isoformat()}T{hour:02d}:{minute:02d}", "TIME"

    # --- relative periods ---

    def relative_unit(self, match: re.Match[str]) -> Resolution:
        group = match.group
        rel = re.sub(r"\s+", " ", group("rel").lower())
        unit = group("unit").lower()
        mod = (group("mod") or "").lower()
        if match.group(0).istitle() and self.text[match.start() - 1 : match.start()] in ('"', "\u201c"):
            return None  # a quoted title: the "This Week" programme
        if rel == "the" or rel.startswith("the fiscal") or rel.startswith("the calendar"):
            return self.the_unit(match, unit, mod)
        if self.reference is None:
            return None, "DATE"
        step = -1 if rel in ("last", "the past", "the last", "the previous", "this past", "the latest") else 0
        if rel in ("next", "the coming", "the next"):
            step = 1
        if rel == "the past" and unit == "decade":
            return "P10Y", "DURATION"
        if unit == "week":
            return _iso_week(self.reference + dt.timedelta(weeks=step)), "DATE"
        if unit == "weekend":
            saturday = self.reference + dt.timedelta(days=5 - self.reference.weekday())
            if step < 0 or (step == 0 and self.reference.weekday() < 4 and self.tense(match.start()) == "past"):
                saturday -= dt.timedelta(weeks=1)
            elif step > 0:
                saturday += dt.timedelta(weeks=1) if self.reference.weekday() >= 5 else dt.timedelta(0)
            return f"{_iso_week(saturday)}-WE", "DATE"
        if unit == "month":
            year, month = _shift_month(self.reference.year, self.reference.month, step)
            return f"{year:04d}-{month:02d}", "DATE"
        if unit == "year":
            if group("fiscal") and rel == "the latest":
                return str(self.reference.year - 1), "DATE"
            return str(self.reference.year + step), "DATE"
        if unit == "quarter":
            year, quarter = _quarter(self.reference)
            if step < 0:
                year, quarter = _previous_quarter(year, quarter)
            elif step > 0:
                year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
            return self.set_quarter(year, quarter)
        # decade
        return str((self.reference.year + 10 * step) // 10), "DATE"

    def the_unit(self, match: re.Match[str], unit: str, mod: str) -> Resolution:
        """ "the week", "the year", "the quarter": the current one, or a duration after "for"/"during"."""
        previous = self.previous_word(match.start())
        if unit == "decade" or (unit == "month" and not mod):
            return None
        if unit == "quarter":
            if self.reference is None:
                return None, "DATE"
            ended = ENDED.match(self.text, match.end())
            if ended:
                return self.set_quarter(*self.quarter_ended(ended))
            return self.set_quarter(*(self.focus_quarter or _previous_quarter(*_quarter(self.reference))))
        if unit == "year" and not mod and previous in ("for", "during", "over", "throughout", "per"):
            return "P1Y", "DURATION"
        if unit == "year" and not mod and previous not in ("in", "of", "by", "until", "since", "through", "earlier", "later", "this"):
            return None
        if unit == "week" and previous not in ("in", "during", "for", "of", "this", "earlier", "later", "until", "by"):
            return None
        if self.reference is None:
            return None, "DATE"
        if unit == "week":
            return _iso_week(self.reference), "DATE"
        if unit == "weekend":
            saturday = self.reference + dt.timedelta(days=5 - self.reference.weekday())
            if self.tense(match.start()) != "future" and self.reference.weekday() < 4:
                saturday -= dt.timedelta(weeks=1)
            return f"{_iso_week(saturday)}-WE", "DATE"
        if unit == "month":
            return f"{self.reference.year:04d}-{self.reference.month:02d}", "DATE"
        return str(self.reference.year), "DATE"

    def ago(self, match: re.Match[str]) -> Resolution:
        group = match.group
        number = _number(group("number"))
        unit = re.sub(r"s$", "", group("unit").lower()).replace("centurie", "century")
        direction = group("direction").lower()
        if direction == "earlier" and unit not in ("year", "quarter"):
            return None  # "three days earlier" counts from the story's event: a duration, "three days"
        backwards = direction in ("ago", "earlier")
        if number is None:
            return ("PAST_REF" if backwards else "FUTURE_REF"), "DATE"
        if self.reference is None:
            return None, "DATE"
        sign = -1 if backwards else 1
        whole = int(number)
        if unit in ("year", "decade", "century"):
            years = whole * {"year": 1, "decade": 10, "century": 100}[unit]
            if unit == "year" and backwards and self.focus_quarter and whole == 1:
                year, quarter = self.focus_quarter
                return f"{year - 1}-Q{quarter}", "DATE"
            return str(self.reference.year + sign * years), "DATE"
        if unit == "quarter":
            year, quarter = _quarter(self.reference)
            index = year * 4 + quarter - 1 + sign * whole
            return f"{index // 4}-Q{index % 4 + 1}", "DATE"
        if unit == "month":
            year, month = _shift_month(self.reference.year, self.reference.month, sign * whole)
            return f"{year:04d}-{month:02d}", "DATE"
        if unit == "week":
            return _iso_week(self.reference + dt.timedelta(weeks=sign * whole)), "DATE"
        if unit == "day":
            return (self.reference + dt.timedelta(days=sign * whole)).isoformat(), "DATE"
        hours = {"hour": 1.0, "minute": 1 / 60, "second": 1 / 3600}[unit] * number
        moment = dt.datetime.combine(self.reference, dt.time()) + dt.timedelta(hours=sign * hours)
        return moment.date().isoformat(), "DATE"

    # --- durations and sets ---

    def duration(self, match: re.Match[str]) -> Resolution:
        group = match.group
        unit = re.sub(r"s$", "", group("unit").lower()).replace("centurie", "century")
        number_text = re.sub(r"\s+", " ", group("number").lower())
        if group("age"):
            return None  # ages ("52 years old", "the 6-year-old") are not annotated
        fraction = unit == "quarter" and number_text in ("a", "an", "one", "three") and self.text[match.end() : match.end() + 3] == " of"
        if (unit == "second" and number_text in ("a", "an")) or fraction:
            return None  # "a second group", "a quarter of the market", "three-quarters of its food"
        if number_text in ("a", "an", "one") and not group("article") and not group("rel") and not group("mod"):
            # "$1.76 a year", "four flights a week", "24 hours a day": a rate, so a set.
            previous = self.token_at(match.start() - 1) if match.start() else None
            if previous is not None and previous.idx < match.start() and previous.tag_ in ("CD", "NNS", "NN", "$") and number_text != "one":
                return _duration_value(1, unit), "SET"
        rel = (group("rel") or "").lower()
        number = _number(number_text)
        if group("number2"):
            number = None  # "two to three weeks": unspecified amount
        if number is not None and (group("half") or group("half2")):
            number += 0.5
        if rel == "same":
            return None  # "the same three months" refers back to a period named before
        return _duration_value(number, unit), "DURATION"

    def bare_units(self, match: re.Match[str]) -> Resolution:
        rel = (match.group("rel") or "").lower()
        unit = re.sub(r"s$", "", match.group("unit").lower()).replace("centurie", "century")
        if not rel:
            previous = self.previous_word(match.start())
            following = self.text[match.end() : match.end() + 6].lower()
            if previous not in _BARE_UNIT_CUES and not following.startswith(" ago"):
                return None  # "days" alone is a length only in "for days", "took months", "weeks ago"
        if unit == "year" and rel in ("recent", "past"):
            return "PAST_REF", "DATE"  # "in recent years": a vague past, not a length
        return _duration_value(None, unit), "DURATION"

    def set_word(self, match: re.Match[str]) -> Resolution:
        word = (match.group("word") or "").lower()
        if word:
            period = {
                "daily": "P1D",
                "nightly": "P1D",
                "weekly": "P1W",
                "biweekly": "P2W",
                "monthly": "P1M",
                "quarterly": "P3M",
                "annually": "P1Y",
                "yearly": "P1Y",
                "hourly": "PT1H",
                "semiannually": "P6M",
            }[word]
            token = self.token_at(match.start())
            if token.dep_ == "amod" or token.pos_ in ("NOUN", "PROPN"):
                return None  # "daily volume", "quarterly results", "the party daily" name things, not recurrences
            return period, "SET"
        if match.group("month"):
            return f"XXXX-{_month_number(match.group('month')):02d}", "SET"
        unit = match.group("unit").lower()
        if unit in DAY_PARTS:
            return f"XXXX-XX-XXT{DAY_PARTS[unit]}", "SET"
        if unit in SEASONS:
            return f"XXXX-{SEASONS[unit]}", "SET"
        count_text = (match.group("number") or "").lower()
        count = 2.0 if count_text == "other" else _number(count_text) if count_text else 1.0
        return _duration_value(count, unit), "SET"

    def reference_word(self, match: re.Match[str]) -> Resolution:
        word = re.sub(r"\s+", " ", match.group("word").lower())
        token = self.token_at(match.start())
        if word == "soon" and self.previous_word(match.start()) == "as":
            return None  # "as soon as" is a conjunction
        if word in ("current", "recent", "future") and (token.dep_ != "amod" or token.head.lower_ not in _STATE_NOUNS):
            return None  # the adjectives count only where they place a state of affairs in time: "current levels"
        if word in ("now", "right now", "currently", "presently", "nowadays", "at present", "these days", "current"):
            return "PRESENT_REF", "DATE"
        if word in ("recently", "lately", "recent", "the past"):
            return "PAST_REF", "DATE"
        return "FUTURE_REF", "DATE"


@dataclass(frozen=True)
class _Rule:
    """One class of expressions: its pattern, how to resolve a match, and an optional trigger.

    The trigger is a cheap pattern every match contains (a unit word, a month name): the full
    pattern then only runs in windows around the trigger's hits instead of over the whole text.
    """

    pattern: re.Pattern[str]
    resolve: Callable[[_Resolver, re.Match[str]], Resolution]
    trigger: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.trigger is None:
            yield from self.pattern.finditer(text)
            return
        window_start = window_end = -1
        for hit in self.trigger.finditer(text):
            start = max(0, hit.start() - _WINDOW_BEFORE)
            # End windows after a word: a pattern cut mid-word could match a truncated expression.
            end = min(len(text), hit.end() + _WINDOW_AFTER)
            while end < len(text) and text[end].isalnum():
                end += 1
            if start > window_end:
                if window_end >= 0:
                    yield from self.pattern.finditer(text, window_start, window_end)
                window_start = start
            window_end = end
        if window_end >= 0:
            yield from self.pattern.finditer(text, window_start, window_end)


# A match lies at most this many characters before / after its trigger ("more than two and a half years ago").
_WINDOW_BEFORE = 90
_WINDOW_AFTER = 60


def _trigger(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{words})", re.IGNORECASE)


_UNIT_TRIGGER = _trigger(r"(?:second|minute|hour|day|week|month|quarter|year|decade)s?\b|centur")
_MONTH_TRIGGER = re.compile(MONTH)
_YEAR_TRIGGER = re.compile(r"\d{4}")
_GRAMMAR: tuple[_Rule, ...] = (
    _Rule(NUMERIC_DATE, _Resolver.numeric_date, re.compile(r"\d[-/.]\d")),
    _Rule(DAY_MONTH, _Resolver.day_month, _MONTH_TRIGGER),
    _Rule(CLOCK, _Resolver.clock, _trigger(r"[ap]\.?m\b|noon|midnight|midday|o'clock|\d:\d\d")),
    _Rule(HOLIDAY_RX, _Resolver.holiday, _trigger("christmas|new year|day|halloween|easter|thanksgiving")),
    _Rule(REF_YEAR_QUARTER, _Resolver.ref_year_quarter, _trigger("year's")),
    _Rule(YEAR_END, _Resolver.year_end, _trigger(r"year\b|year's")),
    _Rule(QUARTER, _Resolver.quarter, _trigger("quarter")),
    _Rule(HALF, _Resolver.half, _trigger("half")),
    _Rule(YEAR_PERIOD, _Resolver.year_period, _YEAR_TRIGGER),
    _Rule(YEAR_AGO_PERIOD, _Resolver.year_ago_period, _trigger("year|prior|previous|comparable|corresponding")),
    _Rule(LATEST_PERIOD, _Resolver.latest_period, _trigger("period|quarter")),
    _Rule(MONTH_YEAR, _Resolver.month_year, _MONTH_TRIGGER),
    _Rule(DECADE, _Resolver.decade, re.compile(r"\d0'?s")),
    _Rule(CENTURY, _Resolver.century, _trigger("century")),
    _Rule(YEAR, _Resolver.year, _YEAR_TRIGGER),
    _Rule(SPELLED_YEAR, _Resolver.spelled_year, _trigger("nineteen|thousand")),
    _Rule(SEASON, _Resolver.season, _trigger("spring|summer|fall|autumn|winter")),
    _Rule(MONTHLY_WEEKDAY, _Resolver.monthly_weekday, _trigger("month")),
    _Rule(WEEKDAY_RX, _Resolver.weekday, re.compile(WEEKDAY)),
    _Rule(RELATIVE_DAY, _Resolver.relative_day, _trigger("today|yesterday|tomorrow|tonight|overnight")),
    _Rule(DAY_PART, _Resolver.day_part, _trigger("morning|afternoon|evening|night")),
    _Rule(AGO, _Resolver.ago, _trigger(r"ago\b|earlier\b|hence\b|from now\b")),
    _Rule(RELATIVE_UNIT, _Resolver.relative_unit, _trigger(r"(?:week|weekend|month|year|quarter|decade)\b")),
    _Rule(DURATION, _Resolver.duration, _UNIT_TRIGGER),
    _Rule(BARE_UNITS, _Resolver.bare_units, _trigger(r"(?:second|minute|hour|day|week|month|quarter|year|decade)s\b|centuries")),
    _Rule(
        SET_WORD,
        _Resolver.set_word,
        _trigger(
            "daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|semiannually|"
            r"every|each|per"
        ),
    ),
    _Rule(REFERENCE_WORD, _Resolver.reference_word),
    _Rule(DAY_OF_MONTH, _Resolver.day_of_month, re.compile(r"\d(?:st|nd|rd|th)")),
)


def _duration_value(number: float | None, unit: str) -> str:
    """A TIMEX3 duration: P3M, PT1M30S, P2Y6M, PXY (number None: unspecified)."""
    code = _UNIT_CODES[unit]
    time = code.startswith("T")
    letter = code[-1]
    if unit in ("decade", "century"):
        # TIMEX3 writes decades and centuries as years: "two decades" -> P20Y.
        return "PXY" if number is None else f"P{number * (10 if unit == 'decade' else 100):g}Y"
    if number is None:
        return f"P{'T' if time else ''}X{letter}"
    whole = int(number)
    prefix = "PT" if time else "P"
    if number == whole:
        return f"{prefix}{whole}{letter}"
    # A half goes to the next smaller unit: "a minute and a half" -> PT1M30S, "two and a half years" -> P2Y6M.
    half = {
        "year": ("M", 6, "P"),
        "month": ("D", 15, "P"),
        "week": ("D", 3, "P"),
        "day": ("H", 12, "PT"),
        "hour": ("M", 30, "PT"),
        "minute": ("S", 30, "PT"),
        "quarter": ("M", 1, "P"),
    }.get(unit)
    if half is None or number - whole != 0.5:
        return f"{prefix}{number:g}{letter}"
    small_letter, small_amount, _ = half
    if unit == "day":
        return f"P{whole}DT12H" if whole else "PT12H"
    if unit == "quarter":
        return f"P{whole * 3 + 1}M"
    head = f"{whole}{letter}" if whole else ""
    return f"{prefix}{head}{small_amount}{small_letter}"


def clock_hour_minute(match: re.Match[str]) -> tuple[int, int] | None:
    """The hour and minute a CLOCK match writes (midnight is 24:00), or None when it is no clock time ("13 pm",
    "25:10", the "am" of "I am")."""
    group = match.group
    if group("named"):
        return (24, 0) if group("named").lower() == "midnight" else (12, 0)
    if group("hour_oclock"):
        return int(_number(group("hour_oclock")) or 0), 0
    if group("hour24"):
        hour = int(group("hour24"))
        return (hour, int(group("minute24"))) if hour <= 23 else None
    hour = int(group("hour"))
    if not 1 <= hour <= 12:
        return None
    ampm = group("ampm").lower().replace(".", "")
    if ampm == "am" and group("ampm") == "am" and not group("minute"):
        return None  # "I am" is no time
    return hour % 12 + (12 if ampm == "pm" else 0), int(group("minute") or 0)


def clock_minutes(text: str) -> int | None:
    """Minutes after midnight of the clock time a time expression's text writes ("around 5:26 p.m." -> 1046), read as
    the time layer reads it; None when the text holds none."""
    match = CLOCK.search(text)
    read = clock_hour_minute(match) if match else None
    return None if read is None else read[0] * 60 + read[1]


def find_times(doc: Doc, reference: dt.date | None) -> list[TimeExpr]:
    """Every date/time expression of `doc` in text order, each with its TIMEX3 value and type.

    `reference` is the day relative expressions count from; without it relative
    expressions get value None (their type is still given). Offsets index `doc.text`.
    """
    return _Resolver(doc, reference).run()
