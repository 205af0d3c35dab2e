"""find_quotes on invented articles (fictional people and outlets), parsed with the real pipeline."""

from __future__ import annotations

import pytest

from newsprism.annotate.quotes import find_quotes
from newsprism.model import Quote
from tests.conftest import parse


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(parse(text))


def only(quotes: list[Quote], kind: str) -> list[Quote]:
    return [quote for quote in quotes if quote.kind == kind]


@pytest.mark.parametrize("marks", [('"', '"'), ("\u201c", "\u201d"), ("''", "''")])
def test_direct_quote_in_any_marks_with_speaker_after(marks: tuple[str, str]) -> None:
    opening, closing = marks
    text = f"{opening}The bridge will reopen in May,{closing} Mayor Elena Varga said on Tuesday."
    [quote] = quotes_of(text)
    assert quote.kind == "direct"
    assert quote.text == "The bridge will reopen in May,"
    assert text[quote.start : quote.end] == quote.text
    assert quote.cue == "said"
    assert quote.speaker_name == "Elena Varga"
    assert quote.speaker_span is not None
    assert text[slice(*quote.speaker_span)] == "Elena Varga"


def test_split_quote_is_one_quote_with_both_parts() -> None:
    text = "\u201cTo finish the tunnel,\u201d Mr. Oskar Brandt was quoted as saying, \u201cwe will need another two winters of work.\u201d"
    [quote] = quotes_of(text)
    assert quote.text == "To finish the tunnel, we will need another two winters of work."
    assert quote.speaker_name == "Oskar Brandt"
    assert quote.cue == "quoted as saying"


def test_quote_over_two_paragraphs_is_one_quote() -> None:
    text = (
        "Councillor Mira Holt spoke at length.\n\n"
        "\u201cThe harbour has been neglected for a decade. Nobody wanted to pay for the dredging.\n\n"
        "\u201cNow the ferries cannot dock at low tide,\u201d Holt said."
    )
    [quote] = quotes_of(text)
    assert quote.kind == "direct"
    assert quote.text.startswith("The harbour has been neglected")
    assert quote.text.endswith("cannot dock at low tide,")
    assert "\u201c" not in quote.text
    assert quote.speaker_name == "Holt"


def test_quote_only_paragraph_after_colon_takes_that_speaker() -> None:
    text = "Fleet captain Ruth Amsel said:\n\n\u201cWe have never lost a boat in this channel and we do not intend to start now.\u201d"
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Ruth Amsel"
    assert quote.cue == "said"
    assert quote.text.startswith("We have never lost a boat")


def test_quote_only_paragraph_continues_the_previous_speaker() -> None:
    text = (
        "\u201cThe vote was rushed,\u201d said Daniel Ferro, the union's treasurer.\n\n"
        "\u201cMembers had two days to read a ninety-page contract.\u201d"
    )
    quotes = quotes_of(text)
    assert [quote.speaker_name for quote in quotes] == ["Daniel Ferro", "Daniel Ferro"]


def test_pronoun_speaker_resolves_to_last_person_named() -> None:
    text = "Ingrid Solberg chairs the port authority. She said the new cranes would arrive before the summer season began."
    [quote] = quotes_of(text)
    assert quote.kind == "indirect"
    assert quote.speaker_name == "Ingrid Solberg"
    assert quote.speaker_span is not None
    assert text[slice(*quote.speaker_span)] == "Ingrid Solberg"


def test_pronoun_speaker_respects_gender_given_by_honorific() -> None:
    text = "Mrs. Lotte Brinck met Mr. Aldo Ferris on Monday. She said that the talks had gone well for both sides."
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Lotte Brinck"


def test_indirect_said_that_keeps_the_cue_as_written() -> None:
    text = "Transport minister Paulo Reis said that the rail strike would end by Friday."
    [quote] = quotes_of(text)
    assert quote.kind == "indirect"
    assert quote.text == "that the rail strike would end by Friday"
    assert quote.cue == "said"
    assert quote.speaker_name == "Paulo Reis"


def test_claimed_is_kept_apart_from_said() -> None:
    text = "The opposition leader Tomas Wendt claimed that the budget figures had been invented."
    [quote] = quotes_of(text)
    assert quote.cue == "claimed"
    assert quote.text == "that the budget figures had been invented"


def test_according_to_names_the_source() -> None:
    text = "The factory will close next year, according to the Northgate Courier."
    [quote] = quotes_of(text)
    assert quote.cue == "according to"
    assert quote.text == "The factory will close next year"
    assert quote.speaker_name is not None and "Northgate Courier" in quote.speaker_name


def test_told_outlet_is_the_channel() -> None:
    text = "Jonas Whitfield told the Harbour Wire that the ferry schedule would be cut in half."
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Jonas Whitfield"
    assert quote.via == "Harbour Wire"
    assert quote.text == "that the ferry schedule would be cut in half"


def test_outlet_reporting_a_statement_is_the_channel() -> None:
    text = "Governor Anya Petrov said the border crossing would stay closed, the Valley Sentinel reported."
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].speaker_name == "Anya Petrov"
    assert quotes[0].via == "Valley Sentinel"


def test_scare_quotes_are_not_speech() -> None:
    text = (
        "The convoy joined an \u201calliance\u201d exercise. Critics see the \u201creform\u201d as a delay.\n\n"
        "\u201cWe will not take part in this,\u201d the fisheries minister Karl Odin said."
    )
    direct = only(quotes_of(text), "direct")
    assert [quote.text for quote in direct] == ["We will not take part in this,"]


def test_term_in_quotes_inside_reported_speech_makes_a_mixed_quote() -> None:
    text = "Kara Lindqvist said the new tariff was \u201ceconomic aggression\u201d against her country."
    [quote] = quotes_of(text)
    assert quote.kind == "mixed"
    assert "\u201ceconomic aggression\u201d" in quote.text
    assert quote.speaker_name == "Kara Lindqvist"


def test_quotes_come_in_text_order_with_valid_spans() -> None:
    text = (
        "Rafael Osei said the museum would stay open.\n\n"
        "\u201cWe owe it to the city,\u201d Osei said. The board member Lena Marsh disagreed.\n\n"
        "\u201cThere is no money left for the roof,\u201d Marsh said."
    )
    quotes = quotes_of(text)
    assert [quote.speaker_name for quote in quotes] == ["Rafael Osei", "Osei", "Marsh"]
    assert [quote.start for quote in quotes] == sorted(quote.start for quote in quotes)
    for quote in quotes:
        assert quote.speaker is None
        assert 0 <= quote.start < quote.end <= len(text)


def test_pronoun_prefers_the_subject_of_the_nearest_sentence() -> None:
    text = "Oskar Lindgren met Piet Daalmans in the capital on Monday. He said that the treaty was ready for signature."
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Oskar Lindgren"


def test_interview_with_outlet_is_the_channel() -> None:
    text = "Senator Hanna Kovacs said in an interview with the Lakeside Gazette that she would not run again."
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Hanna Kovacs"
    assert quote.via == "Lakeside Gazette"
    assert quote.text == "that she would not run again"


def test_unlisted_verb_inverted_after_the_quote_is_the_cue() -> None:
    text = (
        "\u201cThe new ferry terminal is a triumph of civic design,\u201d rhapsodized the Harbour Wire.\n\n"
        "\u201cNo other port on this coast can match it for light and space.\u201d"
    )
    quotes = quotes_of(text)
    assert [quote.speaker_name for quote in quotes] == ["Harbour Wire", "Harbour Wire"]
    assert quotes[0].cue == "rhapsodized"


@pytest.mark.parametrize(
    ("attribution", "cue", "speaker"),
    [("the Harbour Wire gushed", "gushed", "Harbour Wire"), ("Councillor Bram Tessel grumbled on Monday", "grumbled", "Bram Tessel")],
)
def test_unlisted_verb_after_its_subject_after_the_quote_is_the_cue(attribution: str, cue: str, speaker: str) -> None:
    text = f"\u201cThe budget will not survive the winter session,\u201d {attribution}."
    [quote] = quotes_of(text)
    assert quote.kind == "direct"
    assert quote.cue == cue
    assert quote.speaker_name == speaker


def test_title_in_quotes_before_a_relative_clause_is_not_speech() -> None:
    text = "Viewers still remember \u201cHarbour Lights at Midnight,\u201d which aired for six seasons."
    assert only(quotes_of(text), "direct") == []


def test_second_fragment_of_an_attributed_sentence_takes_its_speaker() -> None:
    text = (
        "The ferry strike entered its second week.\n\n"
        "The Lakeside Gazette, which is printed in Norrby, reported \u201cthe biggest issue\u201d was whether Mr. Corvin "
        "\u201cwill agree to hand over the harbour keys before the regatta.\u201d\n\n"
        "The Gazette reported a former port official, Ida Mell, predicting the union \u201cwill hold out until the spring "
        "and probably well beyond it\u201d \u2014 a long wait for the islands."
    )
    quotes = [quote for quote in quotes_of(text) if "harbour keys" in quote.text]
    assert quotes
    assert all(quote.speaker_name == "Lakeside Gazette" for quote in quotes)


def test_quoted_words_after_a_speech_verb_and_a_preposition_are_a_mixed_quote() -> None:
    [hint] = quotes_of("The harbour master hinted at a “temporary closure of the northern berth” in her briefing.")
    assert hint.kind == "mixed" and hint.cue == "hinted" and "temporary closure of the northern berth" in hint.text
    assert hint.speaker_name == "harbour master"


def test_a_single_word_object_of_a_cue_verb_is_not_a_quote() -> None:
    assert [quote.text for quote in quotes_of("Mayor Odile Barrant affirmed the town’s right to defend itself.")] == []


def test_a_place_before_the_subject_is_not_the_speaker() -> None:
    [quote] = quotes_of('"The pier will reopen in May," U.S. officials said on Tuesday.')
    assert quote.speaker_name == "U.S. officials"
