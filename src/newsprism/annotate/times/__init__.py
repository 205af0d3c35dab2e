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

Layout: `words` holds the vocabulary (month and weekday names, numbers written out, units, the cues that tell
a word's time from its other senses), `calendar` the arithmetic (shifted months, ISO weeks, quarters, holidays),
`grammar` the patterns, and `resolve` the resolver that runs them and puts each match on the calendar.

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

from newsprism.annotate.times.resolve import clock_hour_minute, clock_minutes, find_times

__all__ = ["clock_hour_minute", "clock_minutes", "find_times"]
