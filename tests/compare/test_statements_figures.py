"""Numbers inside names and models are not counts, and a count reads past a name to the noun it counts."""

from __future__ import annotations

from newsprism.compare.statements import figures_in
from newsprism.model import Article


def counted(text: str) -> list[str]:
    return [figure.normalized for figure in figures_in(Article(id="a", source="a", body=text), 0, len(text))]


def test_model_numbers_and_flight_numbers_are_names_not_counts() -> None:
    assert counted("The FAA grounded 171 Boeing 737 MAX 9 planes on Saturday.") == ["171 plane"]
    assert counted("Flight 1282 carried 171 passengers and six crew members.") == ["171 passenger", "6 crew"]
    assert counted("The Dash-8 carried six people when it hit the Airbus A350.") == ["6 people"]


def test_ordinary_counts_are_read_as_before() -> None:
    assert counted("About 12,000 tonnes of urea spilled; some 35,000 visitors came.") == ["12000 tonne", "35000 visitor"]
    assert counted("The 65 planes were grounded.") == ["65 plane"]


def test_a_part_counts_what_its_whole_counts_and_the_whole_is_no_figure() -> None:
    assert counted("Five of the six crew members on the coast guard plane died.") == ["5 crew"]
    assert counted("It killed five out of six crew members.") == ["5 crew"]
    assert counted("Two of its 40 jets were grounded; the plane carried six crew.") == ["2 jet", "6 crew"]
