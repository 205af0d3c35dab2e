import datetime as dt

from newsprism.clean import clean_document
from newsprism.clean.metadata import byline_names, split_title
from newsprism.model import RawDocument
from tests.conftest import DOCTOR_DEK, DOCTOR_PARAGRAPHS, FICTIONAL_DUMP, doctor_page


def dump_article(text: str = FICTIONAL_DUMP):  # type: ignore[no-untyped-def]
    return clean_document(RawDocument(id="t", source="t.txt", kind="text", content=text))


def test_metadata_of_a_page_dump() -> None:
    article = dump_article()
    assert article.headline == "Lantern festival draws record crowds to Mirrow"
    assert article.byline == ["Odile Farraway"]
    assert article.outlet == "The Brellport Herald"
    assert article.published == dt.date(2031, 10, 11)
    assert article.reference_date == dt.date(2031, 10, 11)
    assert article.date_note is None
    reasons = {removed.text: removed.reason for removed in article.removed}
    assert reasons["By Odile Farraway"] == "byline"
    assert reasons["Saturday, October 11, 2031"] == "dateline"


def test_outlet_from_copyright_line_when_the_title_has_no_site() -> None:
    text = FICTIONAL_DUMP.replace(" | The Brellport Herald", "")
    assert dump_article(text).outlet == "Brellport Herald"


def test_split_title_and_bylines() -> None:
    assert split_title("Storm closes ferry port | Gulf Observer") == ("Storm closes ferry port", "Gulf Observer")
    assert split_title("No separator here") == ("No separator here", None)
    assert byline_names("By Ilse Marren and Tobiah Quist") == ["Ilse Marren", "Tobiah Quist"]
    assert byline_names("Mara Quell - Nov 19, 2031, 10:31 pm") == ["Mara Quell"]
    assert byline_names("The council voted on Monday to keep the old library open.") == []


def test_record_fields_win_over_page_metadata() -> None:
    raw = RawDocument(id="r1", source="f.jsonl:1", kind="text", content=FICTIONAL_DUMP, outlet="Herald",
                      title="Given title", published=dt.date(2031, 10, 12))
    article = clean_document(raw)
    assert (article.outlet, article.headline, article.published) == ("Herald", "Given title", dt.date(2031, 10, 12))


def test_outlet_named_by_promos_is_the_first_seen_on_a_tie() -> None:
    paragraph = ("The ferry service across the bay resumed on Tuesday after a week of storms kept every boat in port, "
                 "and the harbour master said the timetable would be back to normal by the weekend.")
    promo = "Subscribe to HarborWire and GULL for more stories like this"
    text = "\n\n".join(["Ferry service resumes across the bay", promo, paragraph, paragraph.replace("Tuesday", "Monday"),
                        paragraph.replace("weekend", "holiday"), promo, "Sign up for the GULL and HarborWire newsletter"])
    assert dump_article(text).outlet == "HarborWire"


def test_a_byline_inside_the_article_run_leaves_the_body_and_names_the_authors() -> None:
    bylines = (("By Tomas Vell and Anja Roe", ["Tomas Vell", "Anja Roe"]), ("Von Tomas Vell und Anja Roe, Brellport", ["Tomas Vell", "Anja Roe"]),
               ("Par Tomas Vell, le 3 juin 2031", ["Tomas Vell"]))
    for byline, names in bylines:
        article = dump_article(doctor_page(byline))
        assert article.body.split("\n\n") == [DOCTOR_DEK, *DOCTOR_PARAGRAPHS]
        assert {removed.text: removed.reason for removed in article.removed}[byline] == "byline"
        assert article.byline == names
    # A subheading that opens with "Von" and is no byline stays in the body.
    heading = "Von Risiken und Nebenwirkungen"
    first, second, third = DOCTOR_PARAGRAPHS
    page = (f"Skarra Point loses its doctor | Brellport Herald\n\nHome\nNews\n\nSkarra Point loses its doctor\n\n"
            f"{first}\n\n{heading}\n\n{second}\n\n{third}\n\nHome\nNews\n")
    assert heading in dump_article(page).body.split("\n\n")


def test_a_byline_in_another_language_above_the_article_names_its_authors() -> None:
    page = FICTIONAL_DUMP.replace("By Odile Farraway", "Von Odile Farraway und Tomas Vell")
    assert dump_article(page).byline == ["Odile Farraway", "Tomas Vell"]
    # The names end before the outlet, a date or a field's label; a hyphen inside a name does not end it.
    for byline, names in (("By Odile Farraway-Quist For The Sunday Herald", ["Odile Farraway-Quist"]),
                          ("Von Odile Farraway Veröffentlicht am 11.10.2031", ["Odile Farraway"])):
        assert dump_article(FICTIONAL_DUMP.replace("By Odile Farraway", byline)).byline == names
    # A headline that opens with "Von" names nobody.
    assert dump_article(FICTIONAL_DUMP.replace("By Odile Farraway", "Von Mirrow bis Brellport")).byline == []
