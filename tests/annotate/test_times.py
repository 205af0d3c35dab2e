"""find_times on invented sentences, against a fixed reference date (Wednesday 19 June 2024)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.annotate.times import find_times
from newsprism.model import TimeExpr
from tests.conftest import parse

REFERENCE = dt.date(2024, 6, 19)  # a Wednesday, ISO week 25, second quarter


def times_in(text: str, reference: dt.date | None = REFERENCE) -> list[TimeExpr]:
    return find_times(parse(text), reference)


def values_in(text: str, reference: dt.date | None = REFERENCE) -> list[tuple[str, str | None]]:
    return [(time.text, time.value) for time in times_in(text, reference)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # weekdays: past clause -> the latest before the reference; future clause -> the coming one
        ("The mayor of Brellport signed the harbour accord on Monday.", [("Monday", "2024-06-17")]),
        ("The council of Mirrow will vote on Friday.", [("Friday", "2024-06-21")]),
        ("Ms Olvera is to sign the lease on Monday.", [("Monday", "2024-06-24")]),
        ("The guild plans to reopen the mill on Tuesday.", [("Tuesday", "2024-06-25")]),
        ("The ferry left Tarn on Wednesday.", [("Wednesday", "2024-06-19")]),  # the reference's own weekday is the reference
        ("The lantern fair opened last Friday.", [("last Friday", "2024-06-14")]),
        ("The lantern fair opens next Friday.", [("next Friday", "2024-06-21")]),
        # a bare weekday under an intention or plan is the coming one, also through a noun ("an attempt to ...")
        ("Salvage divers plan a first attempt to lift the barge on Friday.", [("Friday", "2024-06-21")]),
        ("The Kellow crews aim to lift the barge on Friday.", [("Friday", "2024-06-21")]),
        ("Inspectors are due to visit the Tarn mill on Monday.", [("Monday", "2024-06-24")]),
        ("Inspectors are set to visit the Tarn mill on Monday.", [("Monday", "2024-06-24")]),
        ("The ferry guild announced plans to resume sailings on Friday.", [("Friday", "2024-06-21")]),
        ("Salvors are expected to make another attempt to free the barge on Monday.", [("Monday", "2024-06-24")]),
        # ... but an attempt already made, or a past verb, keeps the day in the past
        ("Divers from Oster made a first attempt to lift the barge on Friday.", [("Friday", "2024-06-14")]),
        ("The attempt to lift the barge on Monday failed.", [("Monday", "2024-06-17")]),
        ("Divers tried to lift the barge on Monday.", [("Monday", "2024-06-17")]),
        # day of the month
        ("The festival in Kellow opened on the 25th.", [("the 25th", "2024-05-25")]),
        ("The Kellow market will close on the 25th.", [("the 25th", "2024-06-25")]),
        # months, weeks, years
        ("Rents in Brellport rose sharply this month.", [("this month", "2024-06")]),
        ("Rents in Brellport fell last month.", [("last month", "2024-05")]),
        ("Dr Anselm visited the Tarn observatory last September.", [("last September", "2023-09")]),
        ("Grain prices in Mirrow fell last week.", [("last week", "2024-W24")]),
        ("The Oster guild meets again this week.", [("this week", "2024-W25")]),
        ("The Oster guild meets again next week.", [("next week", "2024-W26")]),
        ("The Kellow bridge was built in 2000.", [("2000", "2000")]),
        ("The Kellow bridge was rebuilt last year.", [("last year", "2023")]),
        ("The Kellow bridge will be painted next year.", [("next year", "2025")]),
        ("The bridge closed a year ago.", [("a year ago", "2023")]),
        # month and day: the year comes from the reference, moved back for a past date far ahead
        ("The harbour of Brellport reopened on June 19.", [("June 19", "2024-06-19")]),
        ("The lighthouse keeper retired on Aug. 2.", [("Aug. 2", "2023-08-02")]),
        ("The new lighthouse will open on Aug. 2.", [("Aug. 2", "2024-08-02")]),
        ("The charter was signed on Sept. 30, 1989, in Oster.", [("Sept. 30, 1989", "1989-09-30")]),
        # numeric and ISO forms
        ("The tender closes on 06/21/2024.", [("06/21/2024", "2024-06-21")]),
        ("The tender closes on 2024-06-21.", [("2024-06-21", "2024-06-21")]),
        ("The tender closes on 21.06.2024.", [("21.06.2024", "2024-06-21")]),
        # relative days, times of day, vague references
        ("The storm reached Mirrow yesterday.", [("yesterday", "2024-06-18")]),
        ("The storm reaches Kellow tomorrow.", [("tomorrow", "2024-06-20")]),
        ("The vote in Tarn began at 10:30 a.m. today.", [("10:30 a.m. today", "2024-06-19T10:30")]),
        ("The mayor of Tarn spoke this morning.", [("this morning", "2024-06-19TMO")]),
        ("The ferry is now running again.", [("now", "PRESENT_REF")]),
        # quarters, seasons, decades
        ("Profit at Oster Mills will rise in the third quarter.", [("the third quarter", "2024-Q3")]),
        ("Oster Mills reported third-quarter results.", [("third-quarter", "2023-Q3")]),  # a quarter still to come, told in the past
        ("Sales fell in the first quarter and were flat a year earlier.", [("the first quarter", "2024-Q1"), ("a year earlier", "2023-Q1")]),
        ("The Kellow museum closed last fall.", [("last fall", "2023-FA")]),
        ("The quarry flourished in the 1990s.", [("the 1990s", "199")]),
        # durations and sets
        ("Ms Olvera has lived in Tarn for 24 years.", [("24 years", "P24Y")]),
        ("The applause lasted a minute and a half.", [("a minute and a half", "PT1M30S")]),
        ("The pumps ran for twenty four hours.", [("twenty four hours", "PT24H")]),
        ("Prices in Kellow rose over the past three months.", [("the past three months", "P3M")]),
        ("The Mirrow ferry sails daily.", [("daily", "P1D")]),
        ("The Tarn council meets on the second Tuesday of every month.", [("the second Tuesday of every month", "XXXX-WXX-2")]),
    ],
)
def test_values(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert values_in(sentence) == expected


def test_types() -> None:
    kinds = {time.text: time.type for time in times_in("The pumps ran for two days, daily, and stopped this morning on Monday.")}
    assert kinds == {"two days": "DURATION", "daily": "SET", "this morning": "TIME", "Monday": "DATE"}


def test_offsets_point_into_the_text() -> None:
    text = "On Monday the Brellport council met.\n\nLast week, on June 3, it had met for three hours."
    times = times_in(text)
    assert [time.text for time in times] == ["Monday", "Last week", "June 3", "three hours"]
    assert all(text[time.start:time.end] == time.text for time in times)


def test_extent_leaves_out_the_preposition() -> None:
    assert [time.text for time in times_in("The Kellow bridge reopened on Friday.")] == ["Friday"]


def test_without_reference_relative_values_are_none_and_absolute_ones_resolve() -> None:
    text = "The council met on Monday, as it did in 2000 and on Sept. 30, 1989, for three hours."
    assert values_in(text, None) == [("Monday", None), ("2000", "2000"), ("Sept. 30, 1989", "1989-09-30"), ("three hours", "PT3H")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials in Mirrow may resign over the affair.",  # the modal, not the month
        "Prices fall when the harvest in Tarn is good.",  # the verb, not the season
        "The 52 years old ferryman of Kellow retired.",  # ages are not time expressions
        "The Oster guild sold 1990 shares of the mill.",  # a number, not a year
    ],
)
def test_non_dates_are_left_alone(sentence: str) -> None:
    assert times_in(sentence) == []
