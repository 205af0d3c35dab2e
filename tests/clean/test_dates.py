import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean.dates import LOWER_CASE, reference_date, settle_reference_dates, stated_date, years_since_matches
from newsprism.model import Article

STALE_BODY = (
    "The ministers met in Corvale on the 19th and signed the accord. On the 25th, the deputy minister told "
    "the Harbour Wire that a return visit would follow this month. It was the first visit in 24 years; the "
    "last one was in 2007."
)


def test_stated_date_formats_and_update_stamps() -> None:
    assert stated_date(["Friday, April 4, 2031"]) == (dt.date(2031, 4, 4), False)
    assert stated_date(["06/21/2030"]) == (dt.date(2030, 6, 21), False)
    assert stated_date(["4 March 2032"]) == (dt.date(2032, 3, 4), False)
    assert stated_date(["Mar. 4, 2032 10:31 pm"]) == (dt.date(2032, 3, 4), False)
    assert stated_date(["Updated 15 December 2031"]) == (dt.date(2031, 12, 15), True)
    assert stated_date(["Updated 15 December 2031", "Posted 3 March 2031"]) == (dt.date(2031, 3, 3), False)
    assert stated_date(["no date here"]) == (None, False)


def test_a_stamp_the_content_contradicts_is_flagged() -> None:
    reference, note = reference_date(dt.date(2032, 4, 4), STALE_BODY)
    assert reference is None  # the year is known (2031) but not the month
    assert note and "contradicts" in note and "25th" in note and "2031" in note


def test_a_consistent_stamp_is_kept_without_note() -> None:
    assert reference_date(dt.date(2031, 6, 26), STALE_BODY) == (dt.date(2031, 6, 26), None)


def test_undated_page_infers_from_caption_and_copyright() -> None:
    ref, note = reference_date(None, "Troops fired warning shots on June 20.", legal=["Copyright 2031,"])
    assert ref == dt.date(2031, 6, 20) and note and "copyright" in note
    ref, note = reference_date(None, "The summit opens on Wednesday.", captions=["The pier, June 18, 2031. (AP)"])
    assert ref == dt.date(2031, 6, 18) and note and "caption" in note


def make(source: str, body: str, published: dt.date | None) -> Article:
    reference, note = reference_date(published, body)
    return Article(id=source, source=source, body=body, published=published, reference_date=reference, date_note=note)


def test_settlement_takes_the_month_from_peers_and_the_day_from_the_text() -> None:
    stale = make("stale", STALE_BODY, dt.date(2032, 4, 4))
    peers = [make("a", "The accord was signed on Wednesday.", dt.date(2031, 6, 20)),
             make("b", "Ministers met on Wednesday.", dt.date(2031, 6, 21))]
    settle_reference_dates([stale, *peers])
    assert stale.reference_date == dt.date(2031, 6, 25)
    assert stale.date_note and "other articles" in stale.date_note


def test_an_update_stamp_far_from_peers_is_replaced() -> None:
    reference, note = reference_date(dt.date(2031, 12, 15), "The accord was signed on Tuesday.", weak=True)
    updated = Article(id="u", source="u", body="The accord was signed on Tuesday.", published=dt.date(2031, 12, 15),
                      reference_date=reference, date_note=note)
    updated.provisional_date = True
    peer = make("p", "It was signed on Wednesday.", dt.date(2031, 3, 5))
    settle_reference_dates([updated, peer])
    assert updated.reference_date == dt.date(2031, 3, 5)
    assert updated.published == dt.date(2031, 12, 15)  # the stamp is still reported as stated


# `years_since_matches` finds YEARS_SINCE's matches from their ends; it must find exactly what the pattern finds.
YEARS_SINCE_PIECES = ["first", "since", "in", "in 5 years", "in 24  years", "visit", "within", "firstin", "years", "2000", "x" * 30]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(YEARS_SINCE_PIECES), st.sampled_from(["", " ", ".", ",", "\n"])), max_size=30))
def test_years_since_matches_are_the_pattern_matches(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + separator for piece, separator in pieces)
    expected = [(match.group(1), match.end()) for match in LOWER_CASE.years_since.finditer(text)]
    assert [(match.group(1), match.end()) for match in years_since_matches(text, LOWER_CASE)] == expected
