from newsprism.clean.lines import split_lines
from newsprism.clean.segment import best_segment, headline_position, unrepeat_listed_headings
from newsprism.clean.text_dump import split_dump
from tests.conftest import DOCTOR_DEK, DOCTOR_PARAGRAPHS, FICTIONAL_DUMP, doctor_page


def test_body_keeps_every_paragraph_and_the_subheading_in_order() -> None:
    parts = split_dump(FICTIONAL_DUMP)
    assert parts.body[0].startswith("More than forty thousand visitors")
    assert "Crowds and caution" in parts.body
    assert parts.body[-1].startswith("The committee will meet on the 20th")
    order = [line.split()[0] for line in parts.body]
    assert order == ["More", "The", "Crowds", "Police", '"We', "The"]


def test_every_kind_of_furniture_is_removed_with_a_reason() -> None:
    parts = split_dump(FICTIONAL_DUMP)
    body = "\n".join(parts.body)
    for furniture in ["{{ remaining }}", "Sign up for our weekly", "Ferry timetable", "Share this article",
                      "Leave a comment", "© 2031", "IMG 40211", "Photo: Tamsin Greer", "Home"]:
        assert furniture not in body
    reasons = {removed.text: removed.reason for removed in parts.removed}
    assert reasons["You have {{ remaining }} free articles left this month."] == "paywall"
    assert reasons["Sign up for our weekly newsletter and get the best of Brellport in your inbox."] == "promo"
    assert reasons["© 2031 Brellport Herald Media Ltd. All rights reserved."] == "legal"
    assert reasons["Ferry timetable changes from Monday"] == "link-list"
    assert any(reason == "caption" for reason in reasons.values())


def test_removed_and_body_account_for_every_line() -> None:
    parts = split_dump(FICTIONAL_DUMP)
    lines = [line.strip() for line in FICTIONAL_DUMP.splitlines() if line.strip()]
    kept = set(parts.body) | {removed.text for removed in parts.removed}
    assert all(line in kept or line.lstrip("• ") in kept for line in lines)


def test_a_page_with_no_prose_has_no_body() -> None:
    parts = split_dump("Home\nNews\nSport\n\nLog in\nSubscribe\n")
    assert parts.body == []


def test_best_segment_takes_the_maximum_sum_run() -> None:
    assert best_segment([-1, 2, 3, -1, 4, -9, 5]) == (1, 5)
    assert best_segment([-1, -2]) == (0, 0)


def test_comment_threads_after_the_article_are_not_body() -> None:
    article = "\n\n".join(
        f"The harbour board said on Tuesday that the new pier number {n} would be finished before the "
        f"winter storms, and that the contractors had already delivered most of the steel for it."
        for n in range(6)
    )
    comments = "\n\n".join(
        f"{n} days ago at 0{n}:15 pm\nI have lived by this harbour all my life and I think the board is wasting "
        f"money on piers that nobody will ever use in the winter.\nRating: {n} Votes" for n in range(1, 8)
    )
    page = f"Harbour board backs pier plan - Brellport Herald\n\nHarbour board backs pier plan\n\n{article}\n\n" \
           f"Top Comments\n\n{comments}\n"
    body = "\n".join(split_dump(page).body)
    assert "pier number 5" in body
    assert "lived by this harbour" not in body


def test_comments_in_full_sentences_below_a_comment_heading_are_not_body() -> None:
    article = "\n\n".join(
        f"The ferry board said on Monday that the crossing to Skarra number {n} would run twice a day from June, "
        f"and that the new boat had passed its last sea trial in the bay." for n in range(5)
    )
    readers = ["Orla Penn", "Tomas Vey", "Ines Moro", "Fenwick Olu"]
    comments = "\n\n".join(
        f"{name}\nI have taken this ferry for twenty years and the board has never once kept to a timetable it promised "
        f"in spring, so I will believe it when I see the boat at the pier." for name in readers
    )
    for heading in ("4 Comments", "4 Kommentare", "Comentarios (4)", "4 thoughts on “Ferry to run twice a day”"):
        page = (f"Ferry to run twice a day - Brellport Herald\n\nFerry to run twice a day\n\n{article}\n\n"
                f"{heading}\n\n{comments}\n")
        parts = split_dump(page)
        body = "\n".join(parts.body)
        assert "crossing to Skarra number 4" in body, heading
        assert "taken this ferry for twenty years" not in body, heading
        assert {removed.text: removed.reason for removed in parts.removed}[heading] == "comments"


def test_a_long_comment_thread_below_its_heading_is_not_body() -> None:
    # Twelve comments in full sentences outweigh the heading's wall: the article must still end at the heading.
    article = "\n\n".join(
        f"The ferry board said on Monday that the crossing to Skarra number {n} would run twice a day from June, "
        f"and that the new boat had passed its last sea trial in the bay." for n in range(4)
    )
    comments = "\n\n".join(
        f"Reader {n}\nI have taken this ferry for {n + 10} years and the board has never once kept to a timetable it promised "
        f"in spring, so I will believe it when I see boat number {n} at the pier on the first Monday of June." for n in range(12)
    )
    page = f"Ferry to run twice a day - Brellport Herald\n\nFerry to run twice a day\n\n{article}\n\n12 Comments\n\n{comments}\n"
    body = "\n".join(split_dump(page).body)
    assert "crossing to Skarra number 3" in body
    assert "taken this ferry for" not in body


def test_a_comment_count_under_the_headline_and_an_opinion_label_do_not_end_the_article() -> None:
    first = "The ferry board said on Monday that the crossing to Skarra would run twice a day from June onwards."
    rest = "\n\n".join(
        f"Its chair said the new boat number {n} had passed its last sea trial in the bay and would carry its first "
        f"passengers in the week after the harbour festival." for n in range(4)
    )
    # The count sits between the headline and the text; "Kommentar" labels the piece as opinion, mid-page.
    page = (f"Ferry to run twice a day - Brellport Herald\n\nFerry to run twice a day\n\n3 Kommentare\n\n{first}\n\n"
            f"{rest}\n\nKommentar\n\n{rest.replace('Its chair', 'Her deputy')}\n")
    body = "\n".join(split_dump(page).body)
    assert first in body
    assert "Her deputy said the new boat number 3" in body


def test_a_timestamp_between_paragraphs_is_a_dateline_not_a_subheading() -> None:
    paragraph = ("The ferry board said on Monday that the crossing to Skarra number {n} would run twice a day from June, "
                 "and that the new boat had passed its last sea trial in the bay.")
    page = (f"Ferry to run twice a day - Brellport Herald\n\nFerry to run twice a day\n\n{paragraph.format(n=1)}\n\n"
            f"Aktualisiert am 14.05.2031, 15:40 Uhr\n\n{paragraph.format(n=2)}\n\nThe timetable for 2031\n\n"
            f"{paragraph.format(n=3)}\n")
    parts = split_dump(page)
    assert "Aktualisiert am 14.05.2031, 15:40 Uhr" not in parts.body
    assert "The timetable for 2031" in parts.body  # a subheading with a year and no clock time stays
    assert {removed.text: removed.reason for removed in parts.removed}["Aktualisiert am 14.05.2031, 15:40 Uhr"] == "dateline"


def lighthouse_page(opening: str) -> str:
    """A fictional page: title, menu, headline, `opening`, a table of contents, then the article's sections."""
    sections = ["The old lamp", "A new crew", "Winter duty", "The logbooks", "Visitors", "The foghorn",
                "Supplies", "The radio room", "Storms", "What comes next"]
    contents = "\n".join(f"{n}. {name}" for n, name in enumerate(sections, 1))
    body = "\n\n".join(
        f"{n}. {name}\n\nThe keepers said that the {name.lower()} had been the hardest part of the first month, "
        f"and that they wrote down every change in the weather for the harbour office.\n\n"
        f"In the part of their log about {name.lower()}, most of the entries were written at night, while the beam turned."
        for n, name in enumerate(sections, 1)
    )
    return (f"Lighthouse keepers return to Skarra Point | Brellport Herald\n\nHome\nNews\nSport\nWeather\n\n"
            f"Lighthouse keepers return to Skarra Point\n\n{opening}\n\nContents\n{contents}\n\n{body}\n\n"
            f"© 2031 Brellport Herald Media Ltd. All rights reserved.\n")


def test_the_article_starts_at_its_headline_above_a_table_of_contents() -> None:
    opening = ("For the first time in forty years, two keepers live in the lighthouse at Skarra Point again.\n\n"
               "The harbour board hired them in the spring, after the automatic lamp failed twice in one winter.")
    parts = split_dump(lighthouse_page(opening))
    assert parts.body[0].startswith("For the first time in forty years")
    assert parts.body[1].startswith("The harbour board hired them")
    assert "Contents" not in parts.body
    assert parts.body[-1].startswith("In the part of their log about what comes next")


def test_a_dek_between_the_headline_and_the_byline_is_header() -> None:
    opening = ("Two keepers live at Skarra Point again, and they say the work has not changed at all.\n\n"
               "By\nTamsin Greer\nUpdated 12 March 2031 10:04 am ET\nShare")
    parts = split_dump(lighthouse_page(opening))
    assert not any(line.startswith("Two keepers live") for line in parts.body)
    assert "Two keepers live at Skarra Point again, and they say the work has not changed at all." in parts.header


def test_the_headline_is_the_longest_line_that_repeats_part_of_the_title() -> None:
    dump = ("Pier tolls rise again | Brellport Herald\n\nBrellport Herald\nHome\nNews\n\nPier tolls rise again\n\n"
            "The harbour board raised the tolls on the north pier for the second time this year.\n")
    lines = split_lines(dump)
    assert lines[headline_position(lines) or 0].text == "Pier tolls rise again"
    two_words = split_lines("Ferry timetable - Brellport Herald\n\nHome\n\nFerry timetable\n\nThe ferry leaves at nine.\n")
    assert two_words[headline_position(two_words) or 0].text == "Ferry timetable"
    assert headline_position(split_lines("Home\n\nHome\nNews\n")) is None


def test_a_list_that_a_paragraph_introduces_inside_the_article_is_body() -> None:
    paragraphs = [
        "The lighthouse keepers bake the same bread every Sunday, and they were happy to share the recipe with us.",
        "It takes a whole afternoon, but most of that time the dough is left alone in a warm corner of the lamp room.",
        "Knead everything for ten minutes, then cover the bowl and let it rest until the dough has doubled in size.",
        "Bake it for forty minutes in a hot oven, and let the loaf cool on the window sill before you cut it.",
    ]
    items = "500 g flour\n10 g salt\n7 g dried yeast\n350 ml warm water"
    menu = "Home\nNews\nSport\nWeather"
    page = (f"Sunday bread at Skarra Point | Brellport Herald\n\n{menu}\n\nSunday bread at Skarra Point\n\n"
            f"{paragraphs[0]}\n\n{paragraphs[1]}\n\n{items}\n\n{paragraphs[2]}\n\n{paragraphs[3]}\n\n{menu}\n")
    body = split_dump(page).body
    assert body == [paragraphs[0], paragraphs[1], *items.splitlines(), paragraphs[2], paragraphs[3]]


def test_the_byline_block_under_a_dek_is_not_a_list_of_the_text() -> None:
    # Name, date with clock time and comment count sit one per line right under the dek: the block follows
    # a paragraph as an introduced list does, but it is the byline, not body.
    body = split_dump(doctor_page("Tomas Vell\nUpdated: 14.05.2031, 09:12\n12 comments\n12")).body
    assert body == [DOCTOR_DEK, *DOCTOR_PARAGRAPHS]


def test_a_page_that_carries_its_article_twice_keeps_the_first_copy() -> None:
    article = "\n\n".join([
        "The ferry to Skarra Point will run twice a day from next month, the harbour board said on Friday.",
        "Until now the island had a boat only on Mondays and Thursdays, and only when the weather allowed it.",
        "The board said that the new timetable would cost less than the repairs to the old pier had cost.",
        "Islanders have asked for a daily ferry for years, and most of them welcomed the news at once.",
    ])
    page = (f"Ferry to run twice a day | Brellport Herald\n\nHome\nNews\nSport\n\nFerry to run twice a day\n\n{article}\n\n"
            f"Print edition\n\n{article}\n\n© 2031 Brellport Herald Media Ltd. All rights reserved.\n")
    body = split_dump(page).body
    assert body == article.split("\n\n")


def test_a_form_below_the_article_ends_it() -> None:
    # Labels of required fields ("Name *") are a form, never article text: the prose under the form
    # (its notes, a teaser) is not body, though it outscores the short labels between.
    article = "\n\n".join(
        f"The lighthouse keepers of Brellport repainted tower number {n} this spring, and the town paid for the "
        f"paint out of the harbour fund that the council set up last year." for n in range(4)
    )
    form = "Name *\n\nMail *\n\nWebsite\n\nKeep my name and address in this browser for the next time that I write a note here."
    teaser = "The ferry to the islands will run twice a day from June, the shipping office said in a short note on Friday."
    page = f"Keepers repaint the towers - Brellport Herald\n\nKeepers repaint the towers\n\n{article}\n\nWhat do you think?\n\n{form}\n\n{teaser}\n"
    parts = split_dump(page)
    body = "\n".join(parts.body)
    assert "tower number 3" in body
    assert "Keep my name" not in body and "ferry to the islands" not in body
    assert {removed.text: removed.reason for removed in parts.removed}["Name *"] == "promo"


GERMAN_ARTICLE = [
    f"Die Fähre nach Skarra soll ab dem {day}. Juni zweimal am Tag fahren, teilte das Hafenamt von Brellport am Freitag mit, "
    f"nachdem der Gemeinderat die Kosten für den neuen Anleger in seiner letzten Sitzung gebilligt hatte."
    for day in (1, 2, 3, 4)
]


def german_page(*blocks: str) -> str:
    """A fictional German page: its title, the headline, then `blocks` set apart by blank lines."""
    return "Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n" + "\n\n".join(blocks) + "\n"


def test_a_german_legal_line_ends_the_article() -> None:
    notice = "Eine Verwendung der Texte und Bilder dieser Seite ist ohne die Zustimmung des Verlags nicht erlaubt, auch nicht in Auszügen."
    article = "\n\n".join(GERMAN_ARTICLE)
    page = f"Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n{article}\n\nAlle Rechte vorbehalten.\n\n{notice}\n"
    parts = split_dump(page)
    assert parts.body == GERMAN_ARTICLE
    assert {removed.text: removed.reason for removed in parts.removed}["Alle Rechte vorbehalten."] == "legal"
def test_a_teaser_after_a_german_related_heading_is_not_body() -> None:
    teaser = "Der Leuchtturm von Skarra wird im Sommer neu gestrichen, und die Gemeinde sucht dafür noch Freiwillige aus dem Ort."
    article = "\n\n".join(GERMAN_ARTICLE)
    page = (f"Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n{article}\n\n"
            f"Das könnte Sie auch interessieren\n\n{teaser}\n\nAlle Rechte vorbehalten.\n")
    parts = split_dump(page)
    assert parts.body == GERMAN_ARTICLE
    reasons = {removed.text: removed.reason for removed in parts.removed}
    assert reasons["Das könnte Sie auch interessieren"] == "link-list"
    assert reasons["Alle Rechte vorbehalten."] == "legal"


def test_a_related_heading_inside_a_german_article_does_not_end_it() -> None:
    # German news sets "Lesen Sie auch" and a teaser headline between two paragraphs of the article.
    last = (
        "Der neue Anleger soll bis zum Herbst fertig sein. Bis dahin legt die Fähre weiter am alten Steg an, der "
        "aber bei Sturm gesperrt werden muss, wie das Hafenamt in seiner Mitteilung vom Freitag schreibt."
    )
    page = (f"Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n{GERMAN_ARTICLE[0]}\n\n"
            f"{GERMAN_ARTICLE[1]}\n\nLesen Sie auch\n\nLeuchtturm wird im Sommer neu gestrichen\n\n{last}\n\nAlle Rechte vorbehalten.\n")
    body = split_dump(page).body
    assert body == [*GERMAN_ARTICLE[:2], last]


def test_a_picture_credit_with_a_copyright_sign_inside_the_article_does_not_end_it() -> None:
    # "© Agency / Photographer" between two paragraphs credits a picture; a notice with a year ends the article.
    page = (f"Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n{GERMAN_ARTICLE[0]}\n\n{GERMAN_ARTICLE[1]}\n\n"
            f"Die Fähre im Hafen von Brellport. © Hafenamt / Jana Roe\n\n{GERMAN_ARTICLE[2]}\n\n"
            f"© 2031 Brellport Bote\n\n{GERMAN_ARTICLE[3]}\n")
    parts = split_dump(page)
    assert parts.body == GERMAN_ARTICLE[:3]
    assert {removed.text: removed.reason for removed in parts.removed}["Die Fähre im Hafen von Brellport. © Hafenamt / Jana Roe"] == "legal"


def test_the_subheadings_a_table_of_contents_lists_are_body() -> None:
    # Each section name occurs twice (in the contents and above its section), which alone would make it furniture.
    opening = ("For the first time in forty years, two keepers live in the lighthouse at Skarra Point again.\n\n"
               "The harbour board hired them in the spring, after the automatic lamp failed twice in one winter.")
    parts = split_dump(lighthouse_page(opening))
    assert "3. Winter duty" in parts.body and "10. What comes next" in parts.body
    assert parts.body.count("3. Winter duty") == 1


def test_a_menu_repeated_in_the_footer_stays_furniture() -> None:
    # The footer repeats three menu items as lines of their own, but no paragraph follows them.
    menu = "Home\nNews\nSport\nWeather\nHarbour"
    page = (f"Ferry to run twice a day | Brellport Herald\n\n{menu}\n\nFerry to run twice a day\n\n"
            + "\n\n".join(GERMAN_ARTICLE) + "\n\nHome\n\nSport\n\nHarbour\n\nThe Brellport Herald is printed in Brellport by the harbour press.\n")
    lines = split_lines(page)
    unrepeat_listed_headings(lines)
    assert all(line.repeated > 1 for line in lines if line.text in ("Home", "Sport", "Harbour"))


def test_a_headline_worded_otherwise_than_the_title_is_found() -> None:
    # No line repeats part of the title; the headline shares most of its words with it, the menu and the teaser do not.
    opening = ("For the first time in forty years, two keepers live in the lighthouse at Skarra Point again.\n\n"
               "The harbour board hired them in the spring, after the automatic lamp failed twice in one winter.")
    page = lighthouse_page(opening).replace("Lighthouse keepers return to Skarra Point | Brellport Herald",
                                            "Skarra Point: keepers return to the lighthouse | Brellport Herald", 1)
    lines = split_lines(page)
    assert lines[headline_position(lines) or 0].text == "Lighthouse keepers return to Skarra Point"
    # So the article's opening above its table of contents is found again.
    assert split_dump(page).body[0].startswith("For the first time in forty years")
    assert headline_position(split_lines("Skarra Point: the keepers are back\n\nHome\n\nFerry timetable for the winter\n")) is None


def test_a_list_a_paragraph_announces_with_a_colon_does_not_end_the_article() -> None:
    # Five short items would cost more than the one short paragraph after them brings back.
    intro = "Die Fähre hält im Sommer an jedem Tag und bei jedem Wetter an den folgenden Stegen der Inseln vor Brellport:"
    items = "Skarra Nord\nSkarra Hafen\nLütt Holm\nOstersand\nBrellport Kai"
    last = "Der Fahrplan gilt ab dem ersten Juni bis zum Ende der Ferien."
    page = ("Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n" + "\n\n".join(GERMAN_ARTICLE)
            + f"\n\n{intro}\n\n{items}\n\n{last}\n\nStartseite\nPolitik\nSport\nWetter\n")
    body = split_dump(page).body
    assert body == [*GERMAN_ARTICLE, intro, *items.splitlines(), last]


def test_a_clause_that_introduces_a_table_with_a_colon_is_body() -> None:
    # The clause ends in a colon, not a sentence end; a table of short rows follows, then the article goes on.
    article = [
        "The harbour board published the new ferry fares on Friday, and most of them are higher than last year.",
        "Islanders who cross every day will pay less than before, the board said, because of a new monthly ticket.",
    ]
    intro = "The board set the fares for the four crossings of the summer as follows:"
    rows = "Skarra Point 4.50 6.00\nLütt Holm 3.00 4.00\nOstersand 5.50 7.50\nBrellport Quay 2.00 2.50"
    last = "The new fares will apply from the first of June until the end of the holidays in September."
    page = (f"Ferry fares rise | Brellport Herald\n\nHome\nNews\nSport\n\nFerry fares rise\n\n{article[0]}\n\n{article[1]}\n\n"
            f"{intro}\n\n{rows}\n\n{last}\n\nHome\nNews\nSport\n")
    assert split_dump(page).body == [*article, intro, *rows.splitlines(), last]


def test_the_articles_copy_of_a_lead_the_page_repeats_in_a_teaser_box_is_body() -> None:
    # The lead also stands in a teaser box among short lines; in the article it stands among paragraphs.
    lead = "The ferry to Skarra Point will run twice a day from next month, the harbour board said on Friday."
    rest = [
        "Until now the island had a boat only on Mondays and Thursdays, and only when the weather allowed it.",
        "The board said that the new timetable would cost less than the repairs to the old pier had cost.",
    ]
    page = (f"Ferry to run twice a day | Brellport Herald\n\nHome\nNews\nSport\n\nTop story\n{lead}\nFerry\n\n"
            f"Weather\nTides\nEvents\n\nFerry to run twice a day\n\n{lead}\n\n{rest[0]}\n\n{rest[1]}\n\nHome\nNews\nSport\n")
    assert split_dump(page).body == [lead, *rest]


def test_one_opening_paragraph_longer_than_a_dek_above_a_table_of_contents_is_body() -> None:
    opening = ("For the first time in forty years, two keepers live in the lighthouse at Skarra Point again: the harbour board "
               "hired them in the spring, after the automatic lamp failed twice in one winter, and the two of them have since "
               "repainted the tower, mended the foghorn and started a new logbook for the harbour office.")
    parts = split_dump(lighthouse_page(opening))
    assert parts.body[0] == opening
    assert opening not in parts.header


def test_a_short_opening_paragraph_of_three_sentences_above_a_table_of_contents_is_body() -> None:
    # Shorter than DEK_MAX_WORDS, but a dek is a sentence or two: three make the article's first paragraph.
    opening = "Two keepers live at Skarra Point again. The board hired them in spring. The lamp had failed twice."
    parts = split_dump(lighthouse_page(opening))
    assert parts.body[0] == opening
    dek = "Two keepers live at Skarra Point again, forty years after the last one left the tower."
    parts = split_dump(lighthouse_page(dek))
    assert dek not in parts.body


def test_a_one_sentence_paragraph_between_paragraphs_on_consecutive_lines_is_body() -> None:
    # Paragraphs set on consecutive lines make one block of several lines, as a link list's items do: a short
    # sentence or a subheading between two paragraphs of it is the article's, a label of two words is not.
    dump = (
        "Home\nNews\nWeather\n\n"
        "The harbour board of Tollmere on Tuesday closed the north quay to all boats after divers found a crack in its wall.\n"
        "Repairs are expected to take three weeks, the board said in a statement published on its website.\n"
        "The closure affects about 40 boats.\n"
        "Fishing crews will use the south quay, where the board has added moorings and a second crane for the season.\n"
        "Where the boats go now\n"
        "Most of the trawlers moved to the south quay on Wednesday morning, and the ferries kept their usual berths.\n"
        "Latest videos\n"
        "A spokesperson said the divers would inspect the remaining walls of the harbour before the end of the month.\n"
        "\n© 2031 Tollmere Gazette. All rights reserved.\n"
    )
    parts = split_dump(dump)
    assert "The closure affects about 40 boats." in parts.body
    assert "Where the boats go now" in parts.body  # a subheading of three words or more
    assert "Latest videos" not in parts.body
    assert parts.body[0].startswith("The harbour board") and parts.body[-1].startswith("A spokesperson")


def test_a_german_picture_credit_inside_the_article_is_a_caption() -> None:
    # "Foto:", "Bild:", "Abbildung 2:" open a credit in German as "Photo:" does in English.
    credits = ["Foto: Jana Roe", "Abbildung 2: Der neue Anleger von Norden. Bild: Hafenamt Brellport"]
    page = (f"Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n{GERMAN_ARTICLE[0]}\n\n{credits[0]}\n\n"
            f"{GERMAN_ARTICLE[1]}\n\n{credits[1]}\n\n{GERMAN_ARTICLE[2]}\n\n{GERMAN_ARTICLE[3]}\n")
    parts = split_dump(page)
    assert parts.body == GERMAN_ARTICLE
    assert all(credit in parts.captions for credit in credits)


def test_sentences_on_consecutive_lines_that_end_an_article_set_apart_by_blank_lines_are_body() -> None:
    # A page that sets its paragraphs apart with blank lines may still set a list's sentences on consecutive lines:
    # the steps that close a how-to, the points of a summary. They are the article's, not a teaser box.
    steps = [
        "Den Anleger am Vorabend auf Treibgut prüfen und die Leinen bereitlegen.",
        "Die Fähre um sieben Uhr mit halber Kraft an den neuen Anleger fahren.",
        "Die Passagiere erst aussteigen lassen, wenn beide Leinen fest sind.",
    ]
    paragraphs = [*GERMAN_ARTICLE, "Der Kapitän der Fähre erklärte, das Anlegen am neuen Steg sei einfacher als am alten, aber es brauche Übung."]
    page = ("Fähre fährt zweimal am Tag | Brellport Bote\n\nFähre fährt zweimal am Tag\n\n" + "\n\n".join(paragraphs) + "\n\n"
            + "\n".join(steps) + "\n\nAlle Rechte vorbehalten.\n")
    parts = split_dump(page)
    assert parts.body == [*paragraphs, *steps]


def test_a_lone_opening_and_closing_sentence_of_the_article_are_body() -> None:
    # Each too short to read as prose, each right outside the article's run of paragraphs: the run never starts or
    # ends on a line that scores below zero, so they are taken in when they are a sentence with no cue.
    opening, closing = "Ihr kennt das sicher auch!", "Vielen Dank für das Gespräch."
    parts = split_dump(german_page(opening, *GERMAN_ARTICLE, closing, "Newsletter abonnieren\nImpressum\nDatenschutzerklärung"))
    assert parts.body == [opening, *GERMAN_ARTICLE, closing]


def test_a_question_or_a_label_right_after_the_article_is_not_body() -> None:
    for after in ("Sie wollen mehr über den Hafen wissen?", "Mehr vom Hafen"):
        assert split_dump(german_page(*GERMAN_ARTICLE, after, "Newsletter abonnieren\nImpressum")).body == GERMAN_ARTICLE


def test_a_caption_that_ends_with_its_credit_is_not_body_wherever_it_sits() -> None:
    # "(Foto: ...)", "Kuva: ...", "Imagen: ..." end a caption in German, Finnish, Spanish, "(l.)" places a person in it,
    # a photographer and an agency ("Jane Roe/Reuters") credit it;
    # between two paragraphs the run crosses it as any short line, and the line itself is dropped as a caption.
    captions = ["Der neue Anleger am Morgen nach der Eröffnung. (Foto: Privat)", "Die Fähre im Hafen von Brellport. Kuva: Jana Roe",
                "Jana Roe (l.) und Tom Doe am neuen Anleger.", "Der Anleger im Nebel. Tom Doe/Reuters files"]
    first, second, third, fourth = GERMAN_ARTICLE
    parts = split_dump(german_page(first, captions[0], second, captions[2], third, captions[3], captions[1], fourth))
    assert parts.body == GERMAN_ARTICLE
    assert all(caption in parts.captions for caption in captions)


def test_a_paragraph_that_cites_its_source_in_parentheses_stays_body() -> None:
    cited = "Im vergangenen Jahr legten in Brellport mehr Fähren an als je zuvor. (Quelle: Hafenamt Brellport)"
    assert cited in split_dump(german_page(*GERMAN_ARTICLE[:2], cited, *GERMAN_ARTICLE[2:])).body


def test_a_one_word_subheading_between_paragraphs_is_body_but_an_ad_marker_or_a_label_is_not() -> None:
    first, second, third, fourth = GERMAN_ARTICLE
    body = split_dump(german_page(first, "Fahrplan", second, "Anzeige", third, "Hintergrund:", fourth)).body
    assert body == [first, "Fahrplan", second, third, fourth]


def test_a_picture_between_two_paragraphs_does_not_end_the_article() -> None:
    # A slideshow leaves a credit (with an address: a wall on its own), the agency and a counter between paragraphs.
    first, second, third, fourth = GERMAN_ARTICLE
    pictures = [f"Bild: www.brellport-bote.example/bilder/{n}\nAgenturen\n{n} / 3" for n in (1, 2, 3)]
    parts = split_dump(german_page(first, pictures[0], second, pictures[1], third, pictures[2], fourth, "Impressum\nDatenschutz"))
    assert parts.body == GERMAN_ARTICLE


def test_a_note_about_the_author_below_the_article_is_not_body() -> None:
    paragraphs = [
        "The harbour board will decide on Monday whether the old fish market becomes a concert hall or a car park.",
        "Traders who still rent stalls there asked the board to wait until the summer season is over.",
        "Ilse Marrow, who chairs the board, said that both plans would keep the building's iron roof.",
    ]
    note = "Tomas Vell\n\nTomas is a retired ferry captain and writes about the harbour every week. He lives in Brellport."
    page = ("Fish market's future decided on Monday | Brellport Herald\n\nHome\nNews\n\nFish market's future decided on Monday\n\n"
            "By Anja Roe and Tomas Vell\n\n" + "\n\n".join(paragraphs) + f"\n\n{note}\n\nHome\nNews\n")
    assert split_dump(page).body == paragraphs
    # A note that presents the writer by the job goes without a byline too.
    job = "Anja Roe is a senior reporter for the Brellport Herald and covers the harbour."
    assert split_dump(page.replace("By Anja Roe and Tomas Vell", "").replace(note, f"Anja Roe\n\n{job}")).body == paragraphs
    # Without a byline naming him, the note reads as the article's last paragraph.
    assert note.split("\n\n")[1] in split_dump(page.replace("By Anja Roe and Tomas Vell", "By Anja Roe")).body


def test_licence_notices_and_licensed_picture_credits_are_not_body() -> None:
    paragraphs = [
        "The volunteers of the Skarra Point archive have scanned four thousand photographs of the old harbour.",
        "Most of them were taken by the harbour master's family between the two wars, on glass plates.",
        "The archive will show a hundred of them in the lamp room of the lighthouse from the first of June.",
    ]
    credit = "The harbour in 1931, before the north pier was built. Photo: Ilse Marrow (CC BY-SA 4.0)"
    notice = "Die Inhalte dieser Seite sind unter einer Creative Commons-Lizenz lizenziert."
    about = "Creative Commons licences help archives like this one share what they hold with everyone."
    page = (f"Harbour photographs go on show | Brellport Herald\n\nHome\nNews\n\nHarbour photographs go on show\n\n"
            f"{paragraphs[0]}\n\n{credit}\n\n{paragraphs[1]}\n\n{about}\n\n{paragraphs[2]}\n\n{notice}\n\nHome\nNews\n")
    parts = split_dump(page)
    assert parts.body == [paragraphs[0], paragraphs[1], about, paragraphs[2]]
    assert {removed.text: removed.reason for removed in parts.removed}[credit] == "legal"


def test_a_link_to_a_file_with_its_size_is_not_body() -> None:
    first, second, third, fourth = GERMAN_ARTICLE
    link = "Fahrplan der Fähre nach Skarra, gültig ab Juni (PDF, 180 KB)"
    sized = "Die neue Fähre fasst 120 Fahrgäste und lädt ihre Fahrpläne als Datei von 2 MB auf jedes Telefon."
    body = split_dump(german_page(first, second, link, third, sized, fourth)).body
    assert body == [first, second, third, sized, fourth]


def test_a_recipes_ingredients_above_its_steps_are_body() -> None:
    intro = "Die Leuchtturmwärter von Skarra backen diesen Kuchen jeden Sonntag, und sie haben uns das Rezept verraten."
    ingredients = ["Für den Teig:", "250 g Mehl", "125 g Butter", "2 EL Zucker", "1 Prise Salz", "2 Eier"]
    steps = [
        "Mehl, Butter, Zucker und Salz in einer Schüssel verkneten, dann die Eier dazugeben und alles zu einem glatten Teig verarbeiten.",
        "Den Teig eine Stunde kalt stellen, danach ausrollen und in eine gefettete Form legen, den Rand dabei gut andrücken.",
        "Den Kuchen bei 180 Grad etwa vierzig Minuten backen, bis er goldbraun ist, und vor dem Anschneiden abkühlen lassen.",
    ]
    ratings = "4,5 von 5 Sternen\n120 Bewertungen\nRezept drucken"
    page = (f"Sonntagskuchen | Brellport Kocht\n\nStartseite\nRezepte\nKuchen\n\nSonntagskuchen\n\n{intro}\n\n{ratings}\n\nZutaten\n\n"
            f"{ingredients[0]}\n\n" + "\n".join(ingredients[1:]) + "\n\nZubereitung\n\n" + "\n\n".join(steps) + "\n\nStartseite\nRezepte\n")
    assert split_dump(page).body == ingredients + steps
    # Quantities on lines of their own above their foods, with a level spoon: an ingredient list as well.
    split = ["250 g", "Mehl", "125 g", "Butter", "2 gestr. EL", "Zucker", "1 Prise", "Salz", "2", "Eier"]
    assert split_dump(page.replace("\n".join(ingredients[1:]), "\n".join(split))).body == [ingredients[0], *split, *steps]
    # A price list is no ingredient list: it has no cook's units.
    prices = "Mehl 2 Euro\nButter 3 Euro\nZucker 1 Euro\nSalz 1 Euro"
    assert "Mehl 2 Euro" not in split_dump(page.replace("\n".join(ingredients[1:]), prices)).body


def test_a_line_of_smileys_below_the_last_paragraph_is_the_posts_sign_off() -> None:
    first, second, third, fourth = GERMAN_ARTICLE
    assert split_dump(german_page(first, second, third, fourth, "=)")).body == [*GERMAN_ARTICLE, "=)"]
    assert split_dump(german_page(first, second, third, fourth, "Keine Kommentare »")).body == GERMAN_ARTICLE
