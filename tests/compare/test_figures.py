"""Numbers inside names and models are not counts, and a count reads past a name to the noun it counts."""

from __future__ import annotations

from newsprism.compare.figures import Figure, figures_in
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


def test_lengths_carry_what_they_measure_and_only_alike_measures_compare() -> None:
    def measured(text: str) -> list[tuple[str, str | None]]:
        return [(f.normalized, f.measure) for f in figures_in(Article(id="a", source="a", body=text), 0, len(text))]

    assert measured("The wreck sits 3,800 meters (12,400 feet) under the sea.") == [("3800 metre", "depth"), ("12400 feet", "depth")]
    assert measured("Debris lay 1,600 feet from the bow, at a depth of around 13,000 feet in the North Atlantic.") == [
        ("1600 feet", "distance"),
        ("13000 feet", "depth"),
    ]
    assert measured("The village lies 70 kilometres south of Marrakesh; the panel blew at 16,000 feet.") == [
        ("70 kilometre", "distance"),
        ("16000 feet", None),
    ]
    depth, distance, unsaid = (
        figures_in(Article(id="a", source="a", body=t), 0, len(t))[0]
        for t in ("12,400 feet under the sea", "1,600 feet from the bow", "at 12,000 feet")
    )
    assert not depth.comparable(distance) and depth.comparable(unsaid) and distance.comparable(unsaid)


def test_a_magnitude_is_read_whichever_side_of_the_number_it_is_written() -> None:
    assert counted("The magnitude 7.2 quake struck; a magnitude-7.6 earthquake followed; the 6.8-magnitude quake.") == [
        "7.2 magnitude",
        "7.6 magnitude",
        "6.8 magnitude",
    ]


def fates(text: str) -> list[tuple[str, str | None]]:
    return [(f.normalized, f.measure) for f in figures_in(Article(id="a", source="a", body=text), 0, len(text))]


def test_a_count_of_people_carries_what_befell_them() -> None:
    assert fates("At least 41 people were killed and 230 people were injured in the blast.") == [("41 people", "dead"), ("230 people", "injured")]
    assert fates("The flood displaced 900 residents, killing at least 12 people.") == [("900 resident", "displaced"), ("12 people", "dead")]
    assert fates("Rescuers said 14 people remain missing.") == [("14 people", "missing")]
    assert fates("Five of the six crew members on the patrol boat died; its 12 crew were rescued.") == [("5 crew", "dead"), ("12 crew", "safe")]
    # What befalls a count is read in its own clause only: the 75 are not said to be injured again.
    assert fates("Some 300 people were hurt, 75 of whom were treated and sent home.") == [("300 people", "injured"), ("75 people", None)]


def test_a_bare_number_a_toll_rises_to_counts_the_dead() -> None:
    assert fates("The death toll from the landslide at Orvel Pass has climbed to 38, officials said.") == [("38 people", "dead")]
    assert fates("The number of people killed in the fire rose to at least 19 on Sunday.") == [("19 people", "dead")]
    assert fates("Nearly 60 were wounded.") == [("60 people", "injured")]
    assert fates("The toll stood at 7 but is expected to rise.") == [("7 people", "dead")]
    assert fates("The bridge has stood at 40 metres since 1990.") == [("40 metre", None)]
    assert fates("He said 12 were seen leaving.") == []


def test_the_dead_and_the_injured_are_never_compared() -> None:
    dead, injured, unsaid = (
        figures_in(Article(id="a", source="a", body=t), 0, len(t))[0] for t in ("29 people were killed", "29 people were injured", "29 people")
    )
    assert not dead.comparable(injured) and dead.comparable(unsaid) and injured.comparable(unsaid)


def test_only_round_numbers_allow_rounding() -> None:
    def one(text: str):  # type: ignore[no-untyped-def]
        return figures_in(Article(id="a", source="a", body=text), 0, len(text))[0]

    assert not one("72 kilometres from the coast").agrees_with(one("71 kilometres from the coast"))
    assert not one("a magnitude 7.6 quake").agrees_with(one("a magnitude 7.5 quake"))
    assert not one("143 people were killed").agrees_with(one("145 people were killed"))
    assert one("1,200 tonnes of urea").agrees_with(one("1,190 tonnes of urea"))
    assert one("2.1 million barrels").agrees_with(one("2,095,000 barrels"))


def test_some_of_the_injured_in_a_critical_condition_are_counted_apart() -> None:
    assert fates("Another 672 people were injured, including 205 in a critical condition.") == [
        ("672 people", "injured"),
        ("205 people", "critical"),
    ]


def test_a_length_written_as_an_adjective_measures_a_size() -> None:
    hull, depth = (figures_in(Article(id="a", source="a", body=t), 0, len(t))[0] for t in ("the 22-foot submersible", "12,400 feet under the sea"))
    assert hull.measure == "size" and not hull.comparable(depth)
    assert counted("71 km from the coast, 72 kilometres inland, 16,000 ft up") == ["71 kilometre", "72 kilometre", "16000 feet"]


def test_halves_and_fates_written_as_the_counted_word() -> None:
    assert counted("It took eight and a half hours to put out the fire.") == ["8.5 hour"]
    toll = "The toll, which officials of the northern province gave on Saturday night after a long day, has risen to 632, with 329 injured."
    assert fates(toll) == [
        ("632 people", "dead"),
        ("329 people", "injured"),
    ]


def test_all_but_one_of_six_counts_the_five() -> None:
    assert fates("All but one of the six people on the patrol boat were killed.") == [("5 people", "dead")]


def test_a_fate_written_where_the_counted_noun_goes_counts_people() -> None:
    assert fates("All 212 escaped before the fire; 12 arrested after the raid; three died.") == [
        ("212 people", "safe"),
        ("12 people", "detained"),
        ("3 people", "dead"),
    ]


def test_units_written_against_the_number_and_numbers_that_start_with_a_zero() -> None:
    assert counted("The quake hit at a depth of 10km, 55km south of Tollmere.") == ["10 kilometre", "55 kilometre"]
    assert counted("The climber fell about 2,000ft; another fell 2, 000ft.") == ["2000 feet"]


def test_a_conversion_in_parentheses_measures_what_its_length_measures_and_allows_its_rounding() -> None:
    def read(text: str) -> list[tuple[str, str | None]]:
        return [(f.normalized, f.measure) for f in figures_in(Article(id="a", source="a", body=text), 0, len(text))]

    # The depth stays a depth though a distance follows after the comma; the conversion takes the depth it converts.
    assert read("It struck at a depth of 10 kilometres (6.2 miles), 55 kilometres south of Tollmere.") == [
        ("10 kilometre", "depth"),
        ("6.2 mile", "depth"),
        ("55 kilometre", "distance"),
    ]
    assert read("Debris lay some 1,600 feet (488 meters) from the bow.") == [("1600 feet", "distance"), ("488 metre", "distance")]
    rounded = figures_in(Article(id="a", source="a", body="at a depth of 10 kilometres (6.2 miles)"), 0, 40)[1]
    other = figures_in(Article(id="b", source="b", body="at a depth of 10 kilometres (6 miles)"), 0, 38)[1]
    assert rounded.agrees_with(other)
    told = figures_in(Article(id="c", source="c", body="the quake was 6.2 miles deep"), 0, 28)[0]
    assert not figures_in(Article(id="d", source="d", body="the quake was 6 miles deep"), 0, 26)[0].agrees_with(told)


def test_several_dozen_is_an_order_of_magnitude_and_a_floor_allows_the_next_number() -> None:
    def figure(text: str) -> Figure:
        return figures_in(Article(id="a", source="a", body=text), 0, len(text))[0]

    several = figure("Several dozen people were wounded in the blast.")
    assert several.vague and several.agrees_with(figure("55 people were wounded in the blast."))
    assert not figure("A dozen people were wounded in the blast.").vague
    floor = figure("At least one bomb landed in the camp.")
    assert floor.agrees_with(figure("Two bombs landed in the camp."))
    assert not figure("At least 40 people died.").agrees_with(figure("Some 75 people died."))


def test_a_number_coordinated_with_the_next_shares_its_unit_but_a_year_does_not() -> None:
    assert counted("It was the third since 7.6 and 7.5 magnitude quakes struck the coast.") == ["7.6 magnitude", "7.5 magnitude"]
    assert counted("The fix is for 32- and 64-bit versions.") == ["32 bit", "64 bit"]
    assert counted("Between 10 and 20 kilometres of road were closed.") == ["10 kilometre", "20 kilometre"]
    assert counted("Crews killed 5 and injured 20 people.") == ["20 people"]
    assert counted("In 2004 and 2005 the harbour was closed.") == []
