"""The grammar of time expressions: one precompiled pattern per class of expression (see the package docstring)."""

from __future__ import annotations

import re

from newsprism.annotate.times.calendar import HOLIDAY
from newsprism.annotate.times.words import DURATION_MODIFIER, MONTH, NUMBER, ONES, QUARTER_ORDINAL, TEENS, TENS, UNIT, WEEKDAY, YEAR_NUMBER


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
    (?:the\s+year\s+)?(?:nineteen\s+(?P<tens>{"|".join(TENS)})(?:[- ](?P<ones>{"|".join(ONES)}))?
                      |two\s+thousand(?:\s+and\s+(?P<after>{"|".join(ONES + TEENS)}))?)""")
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
       |(?P<hour_oclock>{"|".join(ONES + TEENS[:3])}|\d{{1,2}})\s+o'clock
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


