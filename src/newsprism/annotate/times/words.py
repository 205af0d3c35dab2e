"""The words of time expressions: month and weekday names, numbers written out, units, and the cues that tell a
word's time from its other senses (the vocabulary the grammar and the resolver share)."""

from __future__ import annotations

import re

from newsprism.clean.dates import month_number

# Month names are matched case-sensitively: "may", "march" and "fall" are mostly not dates in lower case.
MONTH = (
    r"(?-i:January|Jan\.|February|Feb\.|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|August|Aug\.|"
    r"September|Sept?\.|October|Oct\.|November|Nov\.|December|Dec\.)"
)
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_NUMBERS = {name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}

ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS = {word: value for value, word in enumerate(ONES, start=1)}
NUMBER_WORDS.update({word: value for value, word in enumerate(TEENS, start=10)})
NUMBER_WORDS.update({word: 10 * value for value, word in enumerate(TENS, start=2)})
NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "a hundred": 100, "one hundred": 100})
SPELLED = rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(ONES)}))?|{'|'.join(TEENS)}|{'|'.join(ONES)})"
VAGUE_NUMBER = r"(?:a\s+few|few|several|many|some|a\s+number\s+of|numerous)"
# Written numbers that are not years (a year before a unit is "the 1988 quarter", not 1,988 quarters).
NUMBER = rf"(?:(?!(?:1[89]|20)\d\d\b)\d+(?:\.\d+)?(?:\s+1/2)?|(?:a\s+)?couple\s+of|a\s+dozen|(?:a|one)\s+hundred|{SPELLED}|an?|{VAGUE_NUMBER})"

YEAR_NUMBER = rf"(?:(?:1[5-9]|20)\d\d(?![\d,.]\d)|nineteen\s+(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(ONES)}))?)"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

# Duration units and the letter TIMEX3 gives them (T marks the time part of a duration).
UNIT_CODES = {
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
FUTURE_GOVERNORS = {
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
INTENTION_NOUNS = {"plan", "intention", "intent", "proposal", "aim", "hope", "goal", "target", "timetable", "schedule"}
# How far after the reference a date told in the past tense may lie, and how far before it one told in the future.
PAST_LOOKAHEAD = 30
FUTURE_LOOKBACK = 20
# Words before "May" or "March" that make it the month ("in May", "since March").
MONTH_CUES = {
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
SCHEDULING = {"plan", "schedule", "slate", "postpone", "delay", "reschedule"}
# Words right before a date that make it a deadline or a coming event whatever the verb's tense.
FUTURE_CUE = re.compile(r"(?:\buntil|\btill|\bas (?:early|soon) as|\bstarting|\bbeginning|\beffective|\bpayable)\s+(?:on\s+)?$")
# Nouns that "current", "recent" and "future" place in time ("current prices"; "the current account" is no time).
STATE_NOUNS = {
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
BARE_UNIT_CUES = {"for", "in", "over", "within", "took", "take", "takes", "lasted", "last", "spent"}
GENERIC_NOUNS = {"world", "society", "youth", "young", "generation", "generations", "children", "leaders", "standards", "age", "economy"}
# Words before a bare four-digit number that make it a year ("in 2000", "fiscal 1989").
YEAR_CUES = {
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


def number_value(text: str) -> float | None:
    """The value of a spelled or written number ("twenty four", "5 1/2", "a"), None for vague ones ("several")."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d+ 1/2", text):
        return float(text.split()[0]) + 0.5
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in ONES:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def year_value(text: str) -> int:
    """The year written as digits or spelled ("nineteen ninety-seven")."""
    if text.isdigit():
        return int(text)
    return 1900 + int(number_value(text.split(None, 1)[1]) or 0)


def month_of(text: str) -> int:
    """The month a MONTH match names (the pattern admits month names only)."""
    return month_number(text) or 0


