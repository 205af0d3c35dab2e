"""Unit tests of the story stages on hand-built articles (no parse, no embedding model)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np

from newsprism.compare.claims import PairScores, build_claims, disagree
from newsprism.compare.conflicts import find_conflicts
from newsprism.compare.coverage import outlet_coverage
from newsprism.compare.statements import Statement, find_statements
from newsprism.model import Article, Conflict, Framing, LoadedTerm, Mention, TimeExpr
from newsprism.synthesize import build_timeline, write_brief
from tests.conftest import with_sentences


def article(article_id: str, outlet: str, body: str, times: list[TimeExpr] | None = None) -> Article:
    return with_sentences(Article(id=article_id, source=f"{article_id}.txt", outlet=outlet, body=body, times=times or []), [(0, len(body))])


def day(body: str, text: str, value: str) -> TimeExpr:
    start = body.index(text)
    return TimeExpr(text=text, value=value, type="DATE", start=start, end=start + len(text))


def only_statement(made: Article) -> Statement:
    (statement,) = find_statements([made])
    return statement


def test_figures_carry_units_and_hedges() -> None:
    statement = only_statement(article("a", "A", "More than 1,200 tonnes of cargo and about 60 ships were counted in 2025 by 3 officials."))
    figures = {f.unit: f for f in statement.figures}
    assert figures["tonne"].value == 1200 and figures["tonne"].low == 1200 and figures["tonne"].high == 1800
    assert figures["ship"].low < 60 < figures["ship"].high
    assert "official" in figures
    assert all(f.value != 2025 for f in statement.figures), "a bare year is not a count"


def test_partitives_and_vague_plurals() -> None:
    statement = only_statement(article("a", "A", "Four tugs, two of them from the north, joined dozens of ships offshore."))
    units = [(f.value, f.unit) for f in statement.figures]
    assert (4, "tug") in units and (2, "tug") in units
    dozens = next(f for f in statement.figures if f.unit == "ship")
    assert dozens.low <= 60 <= dozens.high


def test_different_counts_of_the_same_thing_conflict_and_hedged_equal_ones_do_not() -> None:
    first = only_statement(article("a", "Alpha Post", "About 12,000 tonnes of grain spilled into the bay, officials said."))
    second = only_statement(article("b", "Beta Daily", "An estimated 1,200 tonnes of grain have spilled into the bay."))
    third = only_statement(article("c", "Gamma Wire", "More than 1,200 tonnes of grain spilled from the hull."))
    assert disagree(first, second) and not disagree(second, third)
    (conflict,) = find_conflicts([first, second, third])
    assert conflict.kind == "number" and conflict.what == "tonnes"
    assert {(v.outlet, v.value) for v in conflict.values} == {
        ("Alpha Post", "12000 tonne"),
        ("Beta Daily", "1200 tonne"),
        ("Gamma Wire", "1200 tonne"),
    }


def test_days_conflict_after_normalisation_only() -> None:
    bodies = {
        "a": "The two ministers signed the harbour accord on Wednesday in the port offices.",
        "b": "The two ministers signed the harbour accord on March 5 in the port offices.",
        "c": "The two ministers signed the harbour accord on Tuesday in the port offices.",
    }
    made = [
        article("a", "Alpha Post", bodies["a"], [day(bodies["a"], "Wednesday", "2031-03-05")]),
        article("b", "Beta Daily", bodies["b"], [day(bodies["b"], "March 5", "2031-03-05")]),
    ]
    agreeing = find_statements(made)
    assert find_conflicts(agreeing) == []
    made.append(article("c", "Gamma Wire", bodies["c"], [day(bodies["c"], "Tuesday", "2031-03-04")]))
    (conflict,) = find_conflicts(find_statements(made))
    assert conflict.kind == "date"
    assert {v.value for v in conflict.values} == {"2031-03-05", "2031-03-04"}


def timed(article_id: str, outlet: str, body: str, *clocks: tuple[str, str]) -> Article:
    """A one-sentence article whose clock times (text, TIMEX3 value) the time layer found."""
    times = [TimeExpr(text=text, value=value, type="TIME", start=body.index(text), end=body.index(text) + len(text)) for text, value in clocks]
    return article(article_id, outlet, body, times)


def test_clock_times_of_one_act_conflict_and_a_time_in_two_zones_agrees_with_either() -> None:
    made = [
        timed("a", "Alpha Post", "The ferry docked at Lisca Island at 5:26 p.m. with 80 passengers.", ("5:26 p.m.", "T17:26")),
        timed("b", "Beta Daily", "The ferry docked at Lisca Island at about 5:40 p.m., the port said.", ("about 5:40 p.m.", "T17:40")),
    ]
    (conflict,) = find_conflicts(find_statements(made))
    assert conflict.kind == "time" and {v.value for v in conflict.values} == {"17:26", "17:40"}
    made[1] = timed("b", "Beta Daily", "The ferry docked at Lisca Island at 5:26pm (4:26pm GMT).", ("5:26pm", "T17:26"), ("4:26pm GMT", "T16:26"))
    assert find_conflicts(find_statements(made)) == []


def test_clock_times_that_name_their_zones_compare_in_utc_and_only_conflicting_times_are_listed() -> None:
    # 1:30 p.m. PT and 4:30 p.m. ET are one moment; a time that names no zone says nothing against one that does.
    made = [
        timed("a", "Alpha Post", "The regatta started off Lisca Island at 1:30 p.m. PT in light wind.", ("1:30 p.m. PT", "T13:30")),
        timed("b", "Beta Daily", "The regatta started off Lisca Island at 4:30 p.m. ET, the club said.", ("4:30 p.m.", "T16:30")),
        timed("c", "Gamma Wire", "The regatta started off Lisca Island at 3:30 p.m. with 40 boats.", ("3:30 p.m.", "T15:30")),
    ]
    assert find_conflicts(find_statements(made)) == []
    made.append(timed("d", "Delta News", "The regatta started off Lisca Island at 5:30 p.m. ET after a delay.", ("5:30 p.m. ET", "T17:30")))
    made.append(timed("e", "Epsilon", "The harbour office was told of the storm at 9:10 a.m. on the day.", ("9:10 a.m.", "T09:10")))
    (conflict,) = find_conflicts(find_statements(made))
    assert conflict.kind == "time"
    assert {(v.outlet, v.value) for v in conflict.values} == {("Alpha Post", "13:30"), ("Beta Daily", "16:30"), ("Delta News", "17:30")}


def toll(article_id: str, published: str | None, dead: int) -> Article:
    made = article(article_id, f"Outlet {article_id}", f"{dead} people were killed in the fire at the Lisca market, officials said.")
    made.published = dt.date.fromisoformat(published) if published else None
    return made


def test_a_toll_that_rises_with_the_pages_dates_is_an_update_and_one_that_does_not_is_a_contradiction() -> None:
    (rising,) = find_conflicts(find_statements([toll("a", "2031-03-05", 60), toll("b", "2031-03-06", 93), toll("c", "2031-03-07", 143)]))
    assert rising.kind == "number" and rising.update
    (same_day,) = find_conflicts(find_statements([toll("a", "2031-03-05", 60), toll("b", "2031-03-05", 93), toll("c", "2031-03-07", 143)]))
    assert not same_day.update, "two pages of one day that differ are not explained by when they were written"
    (falling,) = find_conflicts(find_statements([toll("a", "2031-03-05", 93), toll("b", "2031-03-06", 60)]))
    assert not falling.update
    (undated,) = find_conflicts(find_statements([toll("a", "2031-03-05", 60), toll("b", None, 93)]))
    assert not undated.update, "a page that states no date explains nothing"


def test_the_brief_gives_an_update_in_the_order_of_the_pages_dates() -> None:
    made = [toll("b", "2031-03-06", 93), toll("a", "2031-03-05", 60)]
    statements = find_statements(made)
    (claim,), members = build_claims(statements, PairScores.from_matrix(np.array([[0.0, 0.9], [0.9, 0.0]], dtype=np.float32)))
    claim.conflicts = find_conflicts(members[0])
    brief = write_brief(made, [claim], members)
    stated = next(sentence.text for sentence in brief if sentence.text.startswith("Reports differ"))
    assert "an update rather than a contradiction" in stated
    assert stated.index("5 March 2031") < stated.index("6 March 2031") and stated.index("“60") < stated.index("“93"), stated


def dated(article_id: str, outlet: str, body: str, day_text: str, value: str) -> Statement:
    """The statement of a one-sentence article naming Lisca Island on a day."""
    made = article(article_id, outlet, body, [day(body, day_text, value)])
    start = body.index("Mayor Ortis")
    made.entities = [Mention(text="Mayor Ortis", label="PERSON", start=start, end=start + len("Mayor Ortis"), entity="person:ortis")]
    return only_statement(made)


def test_different_days_are_a_conflict_only_for_the_same_act() -> None:
    signed = dated("a", "Alpha Post", "Mayor Ortis signed the ferry contract on Wednesday.", "Wednesday", "2031-03-05")
    signed_later = dated("b", "Beta Daily", "On March 7, Mayor Ortis signed the new ferry contract.", "March 7", "2031-03-07")
    toured = dated("c", "Gamma Wire", "On March 4, Mayor Ortis toured the flooded villages.", "March 4", "2031-03-04")
    assert disagree(signed, signed_later)
    assert not disagree(signed, toured), "two acts of one person on two days are two facts, not a conflict"


def test_claims_brief_timeline_and_coverage_from_given_scores() -> None:
    bodies = [
        ("a", "Alpha Post", "The bridge over the Lune river reopened to traffic on Monday after repairs."),
        ("b", "Beta Daily", "Traffic returned to the Lune river bridge on Monday once repairs ended."),
        ("c", "Gamma Wire", "The mayor of Tarrow thanked the engineers for the quick repair work."),
    ]
    articles = [article(i, o, b, [day(b, "Monday", "2031-04-07")] if "Monday" in b else []) for i, o, b in bodies]
    statements = find_statements(articles)
    scores = PairScores.from_matrix(np.array([[0, 0.9, 0.1], [0.9, 0, 0.1], [0.1, 0.1, 0]], dtype=np.float32))
    claims, members = build_claims(statements, scores)
    assert [c.support for c in claims] == [2, 1]
    assert claims[0].date == "2031-04-07"
    brief = write_brief(articles, claims, members)
    assert brief[0].text.endswith("on Monday (7 April 2031) after repairs [1][2].")
    assert brief[0].sources == ["a", "b"]
    timeline = build_timeline(claims)
    assert [entry.date for entry in timeline] == ["2031-04-07"]
    coverage = {c.outlet: c for c in outlet_coverage(articles, claims, [])}
    assert coverage["Gamma Wire"].exclusive == [claims[1].id]
    assert coverage["Gamma Wire"].omitted == [claims[0].id]


def test_the_claim_is_worded_by_the_outlet_that_does_not_load_it() -> None:
    loaded_body = "The hapless ferry operator finally scrapped the Lisca crossing on Tuesday."
    plain_body = "The ferry operator cancelled the Lisca crossing on Tuesday."
    loaded = article("a", "Alpha Post", loaded_body)
    start = loaded_body.index("hapless")
    loaded.framing = Framing(loaded=[LoadedTerm(text="hapless", category="evaluative", start=start, end=start + 7, voice="outlet")])
    plain = article("b", "Beta Daily", plain_body)
    statements = find_statements([loaded, plain])
    scores = PairScores.from_matrix(np.array([[0, 0.9], [0.9, 0]], dtype=np.float32))
    (claim,), _ = build_claims(statements, scores)
    assert claim.text == plain_body
    # Without loaded wording, the first outlet's sentence would have been as good a choice.
    loaded.framing = Framing()
    (claim,), _ = build_claims(find_statements([loaded, plain]), scores)
    assert claim.text == loaded_body


def clock(body: str, text: str) -> TimeExpr:
    start = body.index(text)
    return TimeExpr(text=text, value=None, type="TIME", start=start, end=start + len(text))


def test_the_brief_cites_only_sources_whose_sentence_gives_the_shown_figures_and_times() -> None:
    bodies = [
        ("a", "Alpha Post", "The ferry from Tarrow docked safely at 6:40 p.m. with 212 passengers aboard, the operator said."),
        ("b", "Beta Daily", "The Tarrow ferry docked safely at 6:40 p.m. with 212 passengers aboard."),
        ("c", "Gamma Wire", "The Tarrow ferry docked safely at 7:15 p.m. with its passengers, the operator said."),
        ("d", "Delta News", "The Tarrow ferry docked safely with 190 passengers aboard, the operator said."),
        ("e", "Echo Times", "The Tarrow ferry docked safely with all its passengers aboard, the operator said."),
    ]
    articles = [article(i, o, b) for i, o, b in bodies]
    for made in articles:
        made.times = [clock(made.body, text) for text in ("6:40 p.m.", "7:15 p.m.") if text in made.body]
    statements = find_statements(articles)
    matrix = np.full((5, 5), 0.9, dtype=np.float32)
    np.fill_diagonal(matrix, 0)
    matrix[0, 1] = matrix[1, 0] = 0.99  # the first two word it alike: one of them is shown
    claims, members = build_claims(statements, PairScores.from_matrix(matrix))
    [sentence] = write_brief(articles, claims[:1], members[:1])[:1]
    # Gamma gives another time and Delta another count (the conflict check reports Delta; Gamma's time is caught here).
    assert sentence.sources == ["a", "b", "e"]


def test_a_secondary_reading_joins_a_claim_others_formed_but_never_forms_one() -> None:
    import dataclasses

    bodies = [
        ("a", "Alpha Post", "All 212 passengers were rescued on Tuesday, but two of the five crew members died."),
        ("b", "Beta Daily", "Two of the ferry's five crew members died in the fire."),
        ("c", "Gamma Wire", "The fire killed two of the five crew members on board."),
    ]
    articles = [article(i, o, b) for i, o, b in bodies]
    plain = find_statements(articles)
    lede = plain[0]
    clause_start = lede.text.index("two of the five")
    half = dataclasses.replace(
        lede, start=lede.start + clause_start, text=lede.text[clause_start:], reading=lede.text[clause_start:],
        sentence=(lede.start, lede.end), secondary=True,
    )  # fmt: skip
    statements = [*plain, half]
    matrix = np.array([[0, 0.3, 0.3, 0], [0.3, 0, 0.9, 0.8], [0.3, 0.9, 0, 0.8], [0, 0.8, 0.8, 0]], dtype=np.float32)
    claims, _ = build_claims(statements, PairScores.from_matrix(matrix))
    assert [(claim.support, [source.article for source in claim.sources]) for claim in claims] == [(3, ["a", "b", "c"]), (1, ["a"])]
    # A secondary reading like nothing else is no claim: its sentence is one already.
    matrix[3, 1:3] = matrix[1:3, 3] = 0.2
    claims, _ = build_claims(statements, PairScores.from_matrix(matrix))
    assert [(claim.support, [source.article for source in claim.sources]) for claim in claims] == [(2, ["b", "c"]), (1, ["a"])]


def test_the_brief_states_a_disagreement_once_and_names_what_a_scale_or_a_length_measures() -> None:
    made = [toll("a", "2031-03-05", 60), toll("b", "2031-03-05", 93), toll("c", "2031-03-05", 60), toll("d", "2031-03-05", 93)]
    statements = find_statements(made)
    pairs = np.zeros((4, 4), dtype=np.float32)
    pairs[0, 1] = pairs[1, 0] = pairs[2, 3] = pairs[3, 2] = 0.9  # a and b in one claim, c and d in another
    claims, members = build_claims(statements, PairScores.from_matrix(pairs))
    for claim, group in zip(claims, members, strict=True):
        claim.conflicts = find_conflicts(group)
    assert all(claim.conflicts for claim in claims)
    stated = [sentence.text for sentence in write_brief(made, claims, members) if sentence.text.startswith("Reports differ")]
    assert len(stated) == 1, "the second claim's 60 against 93 says nothing the first one's did not"
    def subject(kind: Literal["number", "date", "time", "participant"], what: str) -> str:
        return Conflict(kind=kind, what=what, values=[]).subject

    assert subject("number", "magnitudes") == "the magnitude" and subject("number", "kilometres distance") == "the distance in kilometres"
    assert subject("number", "people dead") == "the number of people dead" and subject("date", "date") == "the date"
