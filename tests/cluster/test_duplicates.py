"""Near-duplicates: the same text under other furniture is a copy; the same facts in other words are not."""

from __future__ import annotations

import datetime as dt

from newsprism.cluster.duplicates import Copies, copied_from, shared_texts, shingles
from newsprism.model import Article

WIRE = (
    "Fire broke out in the engine room of the passenger ferry Silver Wren on Monday evening as it crossed Lake Orvell, "
    "forcing the crew to stop the ship two kilometres from the Brannow pier. All 83 people on board were taken off "
    "within forty minutes by the lake police and three fishing boats, the Orvell Lake Authority said. Two crew members "
    "were treated for smoke inhalation. The ferry was towed to the Brannow yard on Tuesday morning."
)
RETOLD = (
    "Eighty-three passengers were rescued from the Silver Wren when its engine room caught fire on Lake Orvell. Police "
    "boats and fishers reached the ferry within forty minutes; two of its crew needed treatment for smoke. Inspectors "
    "will examine the ship at the Brannow yard, where it was towed on Tuesday."
)


def article(key: str, body: str, published: dt.date | None = None, outlet: str | None = None) -> Article:
    return Article(id=key, source=f"{key}.txt", body=body, published=published, outlet=outlet)


def test_shingles_ignore_case_spaces_and_marks() -> None:
    assert shingles("The Silver Wren, towed.") == shingles("the silverwren  towed")
    assert shingles("short") == {b"short"}


def test_a_copy_with_lost_spaces_and_a_cut_ending_is_found_and_a_retelling_is_not() -> None:
    copies = Copies()
    assert copies.add("wire", WIRE) is None
    squashed = WIRE.replace("passenger ferry", "passengerferry").rsplit(".", 2)[0] + "."
    assert copies.add("copy", squashed) == "wire"
    assert copies.add("retold", RETOLD) is None
    assert copies.add("copy of the copy", squashed + " Updated.") == "wire"  # points at the original, not at the copy


def test_copied_from_names_the_earliest_copy_whatever_the_order_given() -> None:
    late = article("late", WIRE, dt.date(2025, 6, 18), "Tessing Daily")
    early = article("early", WIRE + " More soon.", dt.date(2025, 6, 17), "Orvell Herald")
    other = article("other", RETOLD, dt.date(2025, 6, 17), "Lakeland Press")
    given = [late, other, early]
    copied = copied_from(given)
    assert copied == ["early", None, None]
    (text,) = shared_texts(given, copied)
    assert (text.original, text.copies, text.outlets) == ("early", ["late"], ["Orvell Herald", "Tessing Daily"])


def test_a_forgotten_body_is_no_longer_an_original() -> None:
    copies = Copies()
    copies.add("wire", WIRE)
    copies.forget("wire")
    assert copies.add("again", WIRE) is None
