"""Conflicts: where the statements of one claim give different figures or days.

Figures are compared by unit ("tonne", "year", "container") as intervals
that their hedges allow ("more than 1,000" is 1,000 to 1,500, "about
1,200" is 1,020 to 1,380, a bare number allows rounding only), so "more than
1,200 tonnes" and "an estimated 1,200 tonnes" agree while "about 12,000
tonnes" does not. Days are compared after normalisation, so "on Wednesday"
in one article and "on March 5" in another agree when both resolve to
2025-03-05; "on Tuesday" in a third is a conflict.

Known limits: participants (who signed, who said) are not compared yet;
a sentence that mentions two days is compared by the first one.
"""

from __future__ import annotations

import math

from newsprism.compare.statements import DAY_VALUE, Figure, Statement
from newsprism.model import Conflict, ConflictValue, TimeExpr


def find_conflicts(group: list[Statement]) -> list[Conflict]:
    """The conflicts among the statements of one claim (one statement per outlet)."""
    conflicts = []
    for unit in sorted({figure.unit for statement in group for figure in statement.figures}):
        conflict = figure_conflict(group, unit)
        if conflict:
            conflicts.append(conflict)
    conflict = day_conflict(group)
    if conflict:
        conflicts.append(conflict)
    return conflicts


def figure_conflict(group: list[Statement], unit: str) -> Conflict | None:
    """A conflict when two statements count `unit` and no figure of one agrees with a figure of the other."""
    counted = [(statement, [f for f in statement.figures if f.unit == unit]) for statement in group]
    counted = [(statement, figures) for statement, figures in counted if figures]
    if len(counted) < 2:
        return None
    chosen = {id(statement): closest_figure(figures, counted, statement) for statement, figures in counted}
    disagreeing = any(
        not any(a.agrees_with(b) for a in first_figures for b in second_figures)
        for index, (_, first_figures) in enumerate(counted)
        for _, second_figures in counted[index + 1 :]
    )
    if not disagreeing:
        return None
    values = [
        ConflictValue(
            article=statement.article.id,
            outlet=statement.article.outlet,
            text=chosen[id(statement)].text,
            value=chosen[id(statement)].normalized,
        )
        for statement, _ in counted
    ]
    return Conflict(kind="number", what=plural(unit), values=values)


def closest_figure(figures: list[Figure], counted: list[tuple[Statement, list[Figure]]], owner: Statement) -> Figure:
    """Of a statement's figures of one unit, the one nearest (by ratio) to the other statements' figures."""
    others = [f.value for statement, fs in counted if statement is not owner for f in fs if f.value > 0]
    if len(figures) == 1 or not others:
        return figures[0]
    return min(figures, key=lambda f: min(abs(math.log(max(f.value, 1e-9) / other)) for other in others))


# Days named by when the article was written rather than by the event ("today")
# date the news peg, not the fact, and are left out of the comparison.
DEICTIC_DAYS = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening", "now"})


def day_conflict(group: list[Statement]) -> Conflict | None:
    """A conflict when two statements date the fact to different calendar days."""
    dated = [statement for statement in group if event_days(statement)]
    if len({event_days(statement)[0].value for statement in dated}) < 2:
        return None
    if not any(
        not {t.value for t in event_days(first)} & {t.value for t in event_days(second)} and alike(first, second)
        for i, first in enumerate(dated)
        for second in dated[i + 1 :]
    ):
        return None
    values = []
    for statement in dated:
        time = event_days(statement)[0]
        values.append(ConflictValue(article=statement.article.id, outlet=statement.article.outlet, text=time.text, value=time.value or ""))
    return Conflict(kind="date", what="date", values=values)


# Two statements must share this share of their content words for different
# days to be a conflict rather than two events ("Putin visited Vietnam on
# Thursday" / "On June 19, Putin ... met Kim": same actor, different events).
DAY_CONFLICT_OVERLAP = 0.15


def alike(first: Statement, second: Statement) -> bool:
    union = first.words | second.words
    return bool(union) and len(first.words & second.words) / len(union) >= DAY_CONFLICT_OVERLAP


def event_days(statement: Statement) -> list[TimeExpr]:
    """The statement's day-precise dates, without the deictic ones."""
    return [time for time in statement.dates if time.value and DAY_VALUE.match(time.value) and time.text.lower() not in DEICTIC_DAYS]


def plural(unit: str) -> str:
    if unit == "percent" or unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"
