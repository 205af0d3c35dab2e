"""Resolution: each candidate the grammar finds is put on the calendar against the article's reference date, in
text order (see the package docstring for the approach and its limits)."""

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
from newsprism.annotate.times.calendar import HOLIDAYS, iso_week, previous_quarter, quarter_of, safe_date, shift_month
from newsprism.annotate.times.grammar import (
    AGO,
    BARE_UNITS,
    CENTURY,
    CLOCK,
    DAY_MONTH,
    DAY_OF_MONTH,
    DAY_PART,
    DECADE,
    DURATION,
    ENDED,
    HALF,
    HOLIDAY_RX,
    LATEST_PERIOD,
    MONTH_YEAR,
    MONTHLY_WEEKDAY,
    NUMERIC_DATE,
    QUARTER,
    REF_YEAR_QUARTER,
    REFERENCE_WORD,
    RELATIVE_DAY,
    RELATIVE_UNIT,
    SEASON,
    SET_WORD,
    SPELLED_YEAR,
    WEEKDAY_RX,
    YEAR,
    YEAR_AGO_PERIOD,
    YEAR_END,
    YEAR_PERIOD,
)
from newsprism.annotate.times.words import (
    BARE_UNIT_CUES,
    DAY_PARTS,
    FUTURE_CUE,
    FUTURE_GOVERNORS,
    FUTURE_LOOKBACK,
    GENERIC_NOUNS,
    INTENTION_NOUNS,
    MONTH,
    MONTH_CUES,
    NUMBER_WORDS,
    ORDINALS,
    PAST_LOOKAHEAD,
    SCHEDULING,
    SEASONS,
    STATE_NOUNS,
    UNIT_CODES,
    WEEKDAY,
    WEEKDAY_NUMBERS,
    YEAR_CUES,
    month_of,
    number_value,
    year_value,
)
from newsprism.model import TimeExpr

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"] | None
Resolution = tuple[str | None, TimeType] | None  # None: the candidate is not a time expression after all


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int  # the rule's position in the grammar: breaks ties between equal spans
    match: re.Match[str]



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
        if FUTURE_CUE.search(before):
            return "future"
        verb = self.token_at(offset)
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(4):
            if verb.pos_ not in ("VERB", "AUX"):
                return None
            auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
            words = {aux.lower_ for aux in auxiliaries}
            if words & {"will", "'ll", "shall", "wo"} or verb.lemma_ in SCHEDULING:
                return "future"
            if "to" in words and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.lemma_ in FUTURE_GOVERNORS:
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
                if verb.head.lemma_ in INTENTION_NOUNS:
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
        date = safe_date(year, month, day)
        return (date.isoformat(), "DATE") if date else None

    def day_month(self, match: re.Match[str]) -> Resolution:
        group = match.group
        month = month_of(group("month") or group("month2") or group("month3"))
        day = int(group("day") or group("day2") or group("day3"))
        if not 1 <= day <= 31:
            return None
        year = self.year_of(month, day, match)
        if year is None:
            return None, "DATE"
        date = safe_date(year, month, day)
        return (date.isoformat(), "DATE") if date else None

    def year_of(self, month: int, day: int | None, match: re.Match[str]) -> int | None:
        """The year of a month (and day): written, "this/last/next year", or the occurrence `occurrence` picks.

        None: no year can be given (no reference).
        """
        groups = match.groupdict()
        if groups.get("year"):
            return year_value(groups["year"])
        if self.reference is None:
            return None
        year_rel = (groups.get("year_rel") or "").lower()
        if year_rel:
            return self.reference.year + {"last": -1, "this": 0, "next": 1}[year_rel]
        rel = re.sub(r"\s+", " ", (groups.get("rel") or "").lower())
        just_gone = shift_month(self.reference.year, month, 1)[1] == self.reference.month
        if day is None and (month == self.reference.month or (rel == "last" and just_gone)):
            # This month is "this month"; and "last February" in March is last year's, the month just gone being "last month".
            return self.reference.year + {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
        years = range(self.reference.year - 1, self.reference.year + 2)
        occurrences = [date for date in (safe_date(year, month, day or 15) for year in years) if date]
        return self.occurrence(occurrences, rel, match.start()).year

    def occurrence(self, occurrences: list[dt.date], rel: str, offset: int) -> dt.date:
        """Which of a recurring day's occurrences (last year's, this year's, next year's) the text means.

        "this" takes this year's; "last"/"next" the latest/coming one strictly before/after the
        reference. A past clause takes the latest one at most `PAST_LOOKAHEAD` days after the
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
            return [date for date in occurrences if (date - reference).days <= PAST_LOOKAHEAD][-1]
        if tense == "future":
            return next(date for date in occurrences if (reference - date).days <= FUTURE_LOOKBACK)
        return min(occurrences, key=lambda date: abs((date - reference).days))

    def month_year(self, match: re.Match[str]) -> Resolution:
        group = match.group
        month_text = group("month")
        bare = not (group("year") or group("rel") or group("mod") or group("year_rel"))
        if bare and month_text in ("May", "March"):
            # The modal "may" and the verb or event "march" are far more common than the bare month.
            token = self.token_at(match.start("month"))
            if token.tag_ == "MD" or token.pos_ == "VERB" or self.previous_word(match.start()) not in MONTH_CUES:
                return None
        month = month_of(month_text)
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
            if token.ent_type_ != "DATE" and previous not in YEAR_CUES:
                return None
            if following.idx > match.end() and following.tag_ == "NNS":
                return None  # "1990 shares"
            if self.text[match.start() - 1 : match.start()] == "$":
                return None
        return str(year), "DATE"

    def spelled_year(self, match: re.Match[str]) -> Resolution:
        if match.group("tens"):
            year = 1900 + NUMBER_WORDS[match.group("tens").lower()] + (NUMBER_WORDS[match.group("ones").lower()] if match.group("ones") else 0)
        else:
            if not match.group(0).lower().startswith("the year") and self.previous_word(match.start()) not in ("in", "since", "by", "until"):
                return None
            year = 2000 + (NUMBER_WORDS[match.group("after").lower()] if match.group("after") else 0)
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
        day_of = HOLIDAYS.get(name) or HOLIDAYS[re.sub(r" (?:day|sunday)$", "", name)]
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
        return self.set_quarter(year, ORDINALS[match.group("ordinal").lower()])

    def quarter(self, match: re.Match[str]) -> Resolution:
        group = match.group
        ordinal = ORDINALS[group("ordinal").lower()]
        year_text = group("year") or group("year2") or group("year3")
        if year_text:
            year = int(year_text)
        elif self.reference is None:
            return None, "DATE"
        else:
            year = self.reference.year + {"last": -1, "next": 1}.get((group("rel") or "").lower(), 0)
            # A quarter still to come, told in the past tense, was last year's.
            if not group("rel") and ordinal > quarter_of(self.reference)[1] and self.tense(match.start()) == "past":
                year -= 1
        return self.set_quarter(year, ordinal)

    def half(self, match: re.Match[str]) -> Resolution:
        group = match.group
        which = 1 if group("which").lower() in ("first", "1st") else 2
        if group("year"):
            return f"{year_value(group('year'))}-H{which}", "DATE"
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
            return self.set_quarter(year, ORDINALS[match.group("ordinal").lower()])
        if what.endswith("half"):
            return f"{year}-H{1 if what.startswith('first') else 2}", "DATE"
        if self.focus_quarter:
            return f"{year}-Q{self.focus_quarter[1]}", "DATE"
        return str(year), "DATE"

    def quarter_ended(self, ended: re.Match[str]) -> tuple[int, int]:
        """The calendar quarter of "(the quarter) ended Sept. 30": the last such day on or before the reference."""
        assert self.reference is not None
        month, day = month_of(ended.group("month")), int(ended.group("day"))
        if ended.group("year"):
            return int(ended.group("year")), (month - 1) // 3 + 1
        return self.reference.year - ((month, day) > (self.reference.month, self.reference.day)), (month - 1) // 3 + 1

    def year_ago_period(self, match: re.Match[str]) -> Resolution:
        group = match.group
        if group("months"):
            return f"P{NUMBER_WORDS[group('months').lower()]}M", "DURATION"
        which = group("which").lower()
        if which in ("comparable", "corresponding") and not group("what"):
            return None
        if which.startswith("year") and " " in which and not group("what") and not group("ordinal"):
            return None  # "a year ago" is the AGO rule's
        if self.reference is None:
            return None, "DATE"
        if group("ordinal"):
            return self.set_quarter(self.reference.year - 1, ORDINALS[group("ordinal").lower()])
        if self.focus_quarter:
            year, quarter = self.focus_quarter
            return f"{year - 1}-Q{quarter}", "DATE"
        if (group("what") or "").lower() == "quarter":
            year, quarter = previous_quarter(*quarter_of(self.reference))
            return f"{year - 1}-Q{quarter}", "DATE"
        return str(self.reference.year - 1), "DATE"

    def latest_period(self, match: re.Match[str]) -> Resolution:
        if self.reference is None:
            return None, "DATE"
        if match.group("suffix"):
            year, quarter = self.focus_quarter or previous_quarter(*quarter_of(self.reference))
            return f"{year - 1}-Q{quarter}", "DATE"
        if match.group(0).lower().startswith("the current"):
            return self.set_quarter(*quarter_of(self.reference))
        if match.group(0).lower().startswith("the same"):
            return None
        return self.set_quarter(*(self.focus_quarter or previous_quarter(*quarter_of(self.reference))))

    # --- seasons, weekdays, days ---

    def season(self, match: re.Match[str]) -> Resolution:
        group = match.group
        rel = (group("rel") or "").lower()
        code = SEASONS[group("season").lower()]
        if group("year"):
            return f"{year_value(group('year'))}-{code}", "DATE"
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
        weekday = WEEKDAY_NUMBERS[group("weekday").lower()[:3]]
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
        return f"XXXX-WXX-{WEEKDAY_NUMBERS[match.group('weekday').lower()[:3]] + 1}", "SET"

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
        if match.group(0).lower().endswith("'s") and self.token_at(match.end() + 1).lower_ in GENERIC_NOUNS:
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
            year, month = shift_month(year, month, -1)
        elif day < self.reference.day and self.tense(match.start()) == "future":
            year, month = shift_month(year, month, 1)
        date = safe_date(year, month, day)
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
            year = self.year_of(month_of(group("month")), int(group("day")), match)
            date = safe_date(year or self.reference.year, month_of(group("month")), int(group("day"))) or self.reference
        elif group("weekday"):
            date = self.weekday_date(WEEKDAY_NUMBERS[group("weekday").lower()[:3]], "", match.start())
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
            return iso_week(self.reference + dt.timedelta(weeks=step)), "DATE"
        if unit == "weekend":
            saturday = self.reference + dt.timedelta(days=5 - self.reference.weekday())
            if step < 0 or (step == 0 and self.reference.weekday() < 4 and self.tense(match.start()) == "past"):
                saturday -= dt.timedelta(weeks=1)
            elif step > 0:
                saturday += dt.timedelta(weeks=1) if self.reference.weekday() >= 5 else dt.timedelta(0)
            return f"{iso_week(saturday)}-WE", "DATE"
        if unit == "month":
            year, month = shift_month(self.reference.year, self.reference.month, step)
            return f"{year:04d}-{month:02d}", "DATE"
        if unit == "year":
            if group("fiscal") and rel == "the latest":
                return str(self.reference.year - 1), "DATE"
            return str(self.reference.year + step), "DATE"
        if unit == "quarter":
            year, quarter = quarter_of(self.reference)
            if step < 0:
                year, quarter = previous_quarter(year, quarter)
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
            return self.set_quarter(*(self.focus_quarter or previous_quarter(*quarter_of(self.reference))))
        if unit == "year" and not mod and previous in ("for", "during", "over", "throughout", "per"):
            return "P1Y", "DURATION"
        if unit == "year" and not mod and previous not in ("in", "of", "by", "until", "since", "through", "earlier", "later", "this"):
            return None
        if unit == "week" and previous not in ("in", "during", "for", "of", "this", "earlier", "later", "until", "by"):
            return None
        if self.reference is None:
            return None, "DATE"
        if unit == "week":
            return iso_week(self.reference), "DATE"
        if unit == "weekend":
            saturday = self.reference + dt.timedelta(days=5 - self.reference.weekday())
            if self.tense(match.start()) != "future" and self.reference.weekday() < 4:
                saturday -= dt.timedelta(weeks=1)
            return f"{iso_week(saturday)}-WE", "DATE"
        if unit == "month":
            return f"{self.reference.year:04d}-{self.reference.month:02d}", "DATE"
        return str(self.reference.year), "DATE"

    def ago(self, match: re.Match[str]) -> Resolution:
        group = match.group
        number = number_value(group("number"))
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
            year, quarter = quarter_of(self.reference)
            index = year * 4 + quarter - 1 + sign * whole
            return f"{index // 4}-Q{index % 4 + 1}", "DATE"
        if unit == "month":
            year, month = shift_month(self.reference.year, self.reference.month, sign * whole)
            return f"{year:04d}-{month:02d}", "DATE"
        if unit == "week":
            return iso_week(self.reference + dt.timedelta(weeks=sign * whole)), "DATE"
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
        number = number_value(number_text)
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
            if previous not in BARE_UNIT_CUES and not following.startswith(" ago"):
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
            return f"XXXX-{month_of(match.group('month')):02d}", "SET"
        unit = match.group("unit").lower()
        if unit in DAY_PARTS:
            return f"XXXX-XX-XXT{DAY_PARTS[unit]}", "SET"
        if unit in SEASONS:
            return f"XXXX-{SEASONS[unit]}", "SET"
        count_text = (match.group("number") or "").lower()
        count = 2.0 if count_text == "other" else number_value(count_text) if count_text else 1.0
        return _duration_value(count, unit), "SET"

    def reference_word(self, match: re.Match[str]) -> Resolution:
        word = re.sub(r"\s+", " ", match.group("word").lower())
        token = self.token_at(match.start())
        if word == "soon" and self.previous_word(match.start()) == "as":
            return None  # "as soon as" is a conjunction
        if word in ("current", "recent", "future") and (token.dep_ != "amod" or token.head.lower_ not in STATE_NOUNS):
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
    code = UNIT_CODES[unit]
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
        return int(number_value(group("hour_oclock")) or 0), 0
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
