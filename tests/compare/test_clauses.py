"""Clause statements: the second fact of a sentence, read on its own (fictional articles, real parse)."""

from __future__ import annotations

from newsprism.compare.claims import disagree, kinds_told_as_several
from newsprism.compare.statements import Statement, clause_statements, find_statements
from newsprism.model import RawDocument
from newsprism.pipeline import prepare
from newsprism.prepared import unpack_parse
from tests.conftest import MODELS


def clauses(body: str) -> list[Statement]:
    article = prepare(RawDocument(id="a", source="a.txt", kind="body", content=body, outlet="Alpha Post"), models=MODELS)
    assert article.prepared is not None
    return clause_statements(find_statements([article], [unpack_parse(article.prepared.parse, MODELS.vocab)]))


def readings(body: str) -> list[str]:
    return [clause.reading or "" for clause in clauses(body)]


def test_relative_clauses_are_read_about_their_noun() -> None:
    found = readings("Mayor Ivo Stan, who opened the new ferry terminal on Lisca Island last spring, told the council that fares would rise.")
    assert any(reading.startswith("Mayor Ivo Stan opened the new ferry terminal") for reading in found), found
    found = readings("The council paid for the repairs of the ferry that sank off Lisca Island in a gale last winter.")
    assert any(reading.endswith("ferry sank off Lisca Island in a gale last winter") for reading in found), found


def test_an_event_clause_is_read_without_its_conjunction() -> None:
    found = readings("Lisca Island and Norvale agreed on Monday to share the costs after a ferry sank at the entrance to the harbour.")
    assert "a ferry sank at the entrance to the harbour" in found, found


def test_a_clause_statement_shows_its_whole_sentence() -> None:
    body = "Lisca Island and Norvale agreed on Monday to share the costs after a ferry sank at the entrance to the harbour."
    (clause,) = clauses(body)
    assert clause.source_text == body and clause.text == "a ferry sank at the entrance to the harbour"
    assert "monday" not in clause.words, "the date belongs to the agreement, not to the sinking"


def test_short_or_restrictive_fragments_are_not_statements() -> None:
    found = clauses("The ferry that sank was old, officials said on Monday in Norvale.")
    assert [clause.reading for clause in found if not clause.secondary] == []
    # What the officials said is read on its own, as a secondary reading that can join a claim but never form one.
    assert [clause.reading for clause in found] == ["The ferry that sank was old"]


def test_secondary_readings_of_a_sentence_that_packs_facts() -> None:
    found = {clause.reading: clause.secondary for clause in clauses(
        "All 212 passengers of the Lisca ferry were rescued from the burning deck on Tuesday, but two of the five crew members "
        "died, the coast guard of Norvale said in a statement."
    )}  # fmt: skip
    assert any(reading and reading.startswith("two of the five crew members died") for reading in found), found
    assert any(reading and reading.startswith("All 212 passengers of the Lisca ferry were rescued") for reading in found), found
    assert all(found.values()), "readings of main clauses and stretches never form claims"


def test_what_a_speaker_said_is_read_without_the_attribution() -> None:
    found = readings("The harbour master of Norvale said that the families of the crew had been told of the sinking.")
    assert "the families of the crew had been told of the sinking" in found, found


def parsed_statements(*bodies: str) -> list[Statement]:
    """One statement per fictional article (each body one sentence), with the article's parse."""
    articles = [
        prepare(RawDocument(id=f"a{number}", source=f"a{number}.txt", kind="body", content=body, outlet=f"Outlet {number}"), models=MODELS)
        for number, body in enumerate(bodies)
    ]
    docs = [unpack_parse(article.prepared.parse, MODELS.vocab) for article in articles if article.prepared is not None]
    return find_statements(articles, docs)


def test_two_values_of_one_of_several_things_do_not_disagree() -> None:
    first, second, plural = parsed_statements(
        "A magnitude 3.9 tremor shook the coast of Lisca Island an hour after the main quake.",
        "On Tuesday a tremor of magnitude 3.2 shook the same coast.",
        "Tremors kept the islanders outdoors all night.",
    )
    several = kinds_told_as_several([first, second, plural])
    assert "tremor" in several
    assert disagree(first, second), "without the story's plural, two values of a tremor's magnitude disagree"
    assert not disagree(first, second, several=several), "the story tells of tremors: these may be two of them"
    third, fourth = parsed_statements(
        "The magnitude 6.1 quake struck Lisca Island on Monday night.",
        "The magnitude 5.8 quake struck Lisca Island late on Monday.",
    )
    assert disagree(third, fourth, several=several | {"quake"}), "'the quake' points at one quake, whatever the story says"


def test_a_time_in_a_describing_participle_times_its_clause_and_a_phrasal_verb_meets_its_noun() -> None:
    from newsprism.compare.conflicts import act_words, clock_expressions

    climbed, noun = parsed_statements(
        "The ferry had reached open water after casting off from Lisca, bound for Norvale, around 5:07 p.m., the port said.",
        "The ferry ran into trouble shortly after castoff at 5:06 p.m.",
    )
    (late, _), (early, _) = clock_expressions(climbed)[0], clock_expressions(noun)[0]
    assert "castoff" in act_words(climbed, late), "'bound for Norvale' only describes: the time belongs to the casting off"
    assert act_words(climbed, late) & act_words(noun, early)


def test_a_sentence_that_sets_a_second_fact_against_its_own_is_also_read_in_halves() -> None:
    found = clauses("The ferry strike was swiftly called off by the dockers' union although the port authority has repeated its warnings.")
    halves = {clause.reading: clause.secondary for clause in found}
    assert halves.get("The ferry strike was swiftly called off by the dockers' union") is True, halves
    assert halves.get("the port authority has repeated its warnings") is True, halves
