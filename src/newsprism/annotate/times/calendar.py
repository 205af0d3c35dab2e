"""Calendar arithmetic for resolving time expressions: months shifted, ISO weeks, quarters, the n-th weekday of a
month, Easter and the holidays news mentions by name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by `months` (negative: back)."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
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
    last = dt.date(*shift_month(year, month, 1), 1) - dt.timedelta(days=1)
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
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
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


