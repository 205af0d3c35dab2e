import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean import lines
from newsprism.clean.lines import split_lines


def test_prose_and_furniture_signals() -> None:
    lines = split_lines(
        "Sport\nCulture\nWeather\n\n"
        "The council voted on Monday to keep the old library open for another two years, after a long debate.\n"
        "© 2030 Example Media. All rights reserved.\n"
        "You have {{ n }} articles left\n"
    )
    by_text = {line.text: line for line in lines}
    assert not by_text["Sport"].prose and by_text["Sport"].block_size == 3
    assert by_text[lines[3].text].prose
    assert "legal" in by_text["© 2030 Example Media. All rights reserved."].cues
    assert "template" in by_text["You have {{ n }} articles left"].cues


def test_page_language_stoplist_is_chosen_from_the_text() -> None:
    text = (
        "Il consiglio comunale ha deciso di mantenere aperta la biblioteca per altri due anni, dopo una lunga "
        "discussione che è durata fino a tarda sera e che ha diviso la maggioranza.\n"
    ) * 3
    line = split_lines(text)[0]
    assert line.stop_ratio > 0.25 and line.prose


def test_scripts_without_a_stoplist_fall_back_to_length_and_punctuation() -> None:
    line = split_lines("这是一个很长的句子，用来测试没有停用词表的语言是否也能被识别为正文内容，而不是导航菜单。\n")[0]
    assert line.stop_ratio == -1.0
    assert line.prose


def test_a_clause_that_introduces_what_follows_with_a_colon_reads_as_prose() -> None:
    page = ("The ferry will stop at each of the following piers on every day of the summer:\n"
            "The ferry will stop at each of the following piers on every day of the summer\n"
            "Ferry stops this summer:\n")
    introduces, unpunctuated, label = split_lines(page)
    assert introduces.prose and not introduces.sentence_end
    assert not unpunctuated.prose and not label.prose


def test_digit_masked_shapes_count_as_repetition() -> None:
    lines = split_lines("2 days ago at 07:52 am\n3 days ago at 10:01 am\n5 days ago at 11:11 am\n")
    assert all(line.repeated == 3 for line in lines)


# Every string a cue pattern matches must pass that pattern's gate; otherwise the
# gate would silently hide furniture from the cleaner.
GATES = {
    "call-to-action": (lines.ENGLISH_CALL_TO_ACTION, lambda text, tokens: lines.could_match(lines.ENGLISH_CALL_TO_ACTION_GATE, tokens)),
    "call-to-action-other": (lines.OTHER_CALL_TO_ACTION, lambda text, tokens: lines.could_match(lines.OTHER_CALL_TO_ACTION_GATE, tokens)),
    "related": (lines.RELATED, lambda text, tokens: lines.may_be_related(tokens)),
    "social": (lines.SOCIAL, lambda text, tokens: lines.could_match(lines.SOCIAL_GATE, tokens)),
    "url": (lines.URL, lambda text, tokens: lines.could_match(lines.URL_GATE, tokens)),
    "copyright": (lines.COPYRIGHT, lambda text, tokens: lines.may_be_legal(text.lower())),
    "caption": (lines.CAPTION_CREDIT, lambda text, tokens: lines.may_be_caption(text.lower(), tokens)),
    "comments": (lines.COMMENTS_HEADING, lambda text, tokens: lines.could_match(lines.COMMENTS_GATE, tokens)),
}


@pytest.mark.parametrize("name", sorted(GATES))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_cue_gates_let_every_match_through(name: str, data: st.DataObject) -> None:
    pattern, gate = GATES[name]
    # A line as the cleaner sees it: one stripped line of text.
    sample = " ".join(data.draw(st.from_regex(pattern, fullmatch=True)).split())
    if pattern.search(sample.lower() if name in ("call-to-action", "call-to-action-other", "related", "comments") else sample):
        assert gate(sample, lines.WORD.findall(sample.lower())), sample


def test_only_short_lines_with_numbers_are_compared_by_shape() -> None:
    # "#1" is shaped "#0"; it must not count as a repeat of the first line, whose shape is not compared.
    lines = split_lines("A headline of several words\n#1\nSome other line\n")
    assert [line.repeated for line in lines] == [1, 1, 1]


# `split_lines` asks `boilerplate_cues` only about the lines `cue_candidates` lets
# through, so every line any cue pattern would flag must get its cues.
@pytest.mark.parametrize("name", sorted(GATES))
@settings(max_examples=200, deadline=None)
@given(data=st.data(), context=st.sampled_from(["", "Sport\nCulture\n", "A line of ordinary prose about the harbour.\n"]))
def test_every_cue_reaches_its_line(name: str, data: st.DataObject, context: str) -> None:
    pattern, _ = GATES[name]
    sample = " ".join(data.draw(st.from_regex(pattern, fullmatch=True)).split())
    for line in split_lines(context + sample + "\n" + context):
        assert line.cues == tuple(lines.boilerplate_cues(line.text, line.lowered, line.tokens, line.words)), sample


# Characters where the fast ways of `find_words` and the pattern could part: apostrophes,
# quotes, dashes, "_", spaces of other kinds, digits of other scripts, a lone surrogate.
TRICKY_CHARACTERS = "a'’‘“”—–_ \u00a0\u2009\u3000.-Ж٣²é\ud800🙂"


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from(TRICKY_CHARACTERS)) | st.text())
def test_find_words_finds_what_the_word_pattern_finds(text: str) -> None:
    assert lines.find_words(text) == lines.WORD.findall(text)


def test_line_features_match_their_definitions() -> None:
    text = "Breaking: the Mayor’s plan — ‘bold’ — costs 300 dollars.\n\nRead more\nPhoto: Getty Images\n\nПривет, мир!\n"
    for line in split_lines(text):
        assert line.tokens == lines.WORD.findall(line.text.lower())
        assert line.key == lines.normalise(line.text)
        assert line.sentence_end == bool(lines.SENTENCE_END.search(line.text))
    assert [line.block for line in split_lines(text)] == [0, 1, 1, 2]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Newsletter abonnieren und nichts verpassen", "promo"),
        ("Schreibe einen Kommentar", "promo"),
        ("Ihre E-Mail-Adresse wird nicht veröffentlicht.", "promo"),
        ("Datenschutzerklärung", "promo"),
        ("Artikel teilen", "promo"),
        ("Deja un comentario", "promo"),
        ("Mentions légales", "promo"),
        ("Zapisz się na newsletter", "promo"),
        ("Alle Rechte vorbehalten.", "legal"),
        ("© 2031 Brellport Medien. Todos los derechos reservados.", "legal"),
        ("Tous droits réservés", "legal"),
        ("Wszelkie prawa zastrzeżone", "legal"),
        ("Lesen Sie auch: Neue Fähre nach Skarra ab Juni", "related"),
        ("Das könnte Sie auch interessieren", "related"),
        ("» Mehr zum Thema", "related"),
        ("Te puede interesar", "related"),
        ("À lire aussi", "related"),
        ("Czytaj także", "related"),
        ("Leggi anche", "related"),
        ("Leia também", "related"),
        ("Lees ook", "related"),
        ("Related stories", "related"),
        ("Keep reading", "related"),
        ("About the author:", "related"),
        ("Die meistgelesenen Artikel", "related"),
        ("Über den Autor", "related"),
        ("Seguí leyendo", "related"),
        ("Mirá también", "related"),
        ("À propos de l'auteur", "related"),
        ("12 Comments", "comments"),
        ("Kommentare (3)", "comments"),
        ("2 Gedanken zu „Die Fähre nach Skarra“", "comments"),
        ("5 commentaires", "comments"),
        ("Komentarze", "comments"),
        ("1 Kommentar", "comments"),
        ("Diese Website verwendet Akismet, um Spam zu reduzieren.", "promo"),
        ("For the latest stories download the Brellport Herald apps for iOS and Android.", "promo"),
        ("Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.", "legal"),
        ("Vorschau auf den nächsten Artikel", "related"),
        ("MIRA: El ferry a Skarra zarpa dos veces al día", "related"),
        ("Lea: El puerto de Orvel cierra por obras", "related"),
        ("PUEDES VER: ¿Qué cambia en el puerto?", "related"),
        ("Infórmate más", "related"),
        ("Dowiedz się więcej: Prom do Skarry pływa dwa razy dziennie", "related"),
        ("Next post", "related"),
        ("Previous article: Ferry to run twice a day", "related"),
        ("Vorheriger Beitrag Die Fähre nach Skarra fährt wieder", "related"),
        ("Entrada anterior", "related"),
        ("Article suivant", "related"),
        ("Poprzedni wpis", "related"),
        ("This entry was posted in Harbour. Bookmark the permalink.", "promo"),
        ("Join the readers who get the latest harbour news delivered to their inboxes every week.", "promo"),
        ("Ihr Beitrag hilft, unsere Berichterstattung über den Hafen kostenlos zu halten.", "promo"),
        ("Wir informieren Sie regelmäßig über neue Fahrpläne.", "promo"),
        ("Gefällt Ihnen dieser Artikel?", "promo"),
        ("Teile diesen Beitrag auf", "promo"),
        ("Die neue Ausgabe gibt es jetzt im Abo und am Kiosk.", "promo"),
        ("¿Ya conoces nuestro canal de Telegram? Únete aquí.", "promo"),
        ("Para comentar debes registrarte.", "promo"),
        ("Tous nos podcasts dans votre boîte mail.", "promo"),
        ("Please understand that comments are moderated and may take a day to appear.", "promo"),
        ("This website uses cookies to improve your experience.", "promo"),
        ("Wir verwenden Cookies, um Ihnen das beste Erlebnis auf unserer Website zu bieten.", "promo"),
        ("Buch bestellen", "promo"),
        ("Ihre Meinung zählt! Jetzt 3 Ausgaben gratis lesen", "promo"),
        ("Wählen Sie Ihren Zugang und lesen Sie den ganzen Artikel:", "promo"),
        ("Verraten Sie uns gerne in den Kommentaren, welche Fähre Sie nehmen.", "promo"),
        ("Den Hafenboten gibt es auch als Abo.", "promo"),
        ("Explore further", "related"),
    ],
)
def test_furniture_in_the_languages_of_the_stoplists_gets_its_cue(text: str, cue: str) -> None:
    (line,) = split_lines(text + "\n")
    assert cue in line.cues, line


@pytest.mark.parametrize(
    "text",
    [
        "Die Kosten teilen sich Bund und Länder nach einem Schlüssel, der seit vielen Jahren gilt.",
        "Mehr als zweihundert Menschen kamen am Samstag zum Hafen, um die neue Fähre zu sehen.",
        "Die Polizei will die Spenden der Vereine in diesem Jahr genauer prüfen als bisher.",
        "Der Bericht nennt die Anzeige eines Nachbarn als Anlass für die Ermittlungen im Hafen.",
        "Weitere Informationen gibt es beim Hafenamt.",
        "Wie die Gebühren berechnet werden, lesen Sie weiter unten im Abschnitt über die Fähren.",
        "In den Kommentaren unter dem Aufruf meldeten sich viele Fahrgäste zu Wort.",
        "Die Stadt will die neuen Fähren im Frühjahr bestellen.",
        "Zum Thema Fähren sagte der Bürgermeister am Montag nichts.",
        "La empresa quiere compartir los costes con el ayuntamiento durante los próximos años.",
        "Le maire a dit qu'il allait lire le rapport avant la fin du mois.",
        "The report is related to the harbour fees that the board raised last year.",
        "Keep reading the harbour notices: the ferry timetable changes in June.",
        "About the author of the harbour report little is known.",
        "Die meistgelesenen Zeitungen des Landes verloren im vergangenen Jahr erneut Leser.",
        "Comments from the harbour master were brief.",
        "Two comments on the ferry plan reached the board before Monday.",
        "Next story on the agenda was the harbour fee, which the board raised by a tenth.",
        "Kommentar",  # the label of an opinion piece, as often as a comment section's heading
        "Mira hacia el puerto cada mañana, dijo el capitán del ferry a los vecinos.",
        "The board will get the latest figures from the harbour master in June, its chair said.",
        "Der Hafenmeister informiert die Fischer jeden Morgen über das Wetter auf See.",
        "El canal de acceso al puerto se dragará en invierno, según la autoridad portuaria.",
    ],
)
def test_prose_that_uses_the_same_words_gets_no_cue(text: str) -> None:
    (line,) = split_lines(text + "\n")
    assert line.cues == (), line


def test_a_line_in_the_pages_second_language_reads_as_prose() -> None:
    # The page's longest lines are an English archive banner; the post below it is German. Its sentences are prose in
    # German, though the page's language (the stoplist that covers most of the longest lines) is English.
    banner = [
        f"This page is part of a collection that the harbour archive keeps of the local blogs and of the pages they link to, "
        f"so that a reader who follows an old link can still see what was there when it was written, number {n}."
        for n in range(4)
    ]
    post = [
        "Es ist schon eine ganze Weile her, als die erste Fähre nach Skarra im Hafen anlegte, und jetzt ist auch die zweite da.",
        "So sah es aus, als die beiden Fähren zum ersten Mal nebeneinander am neuen Anleger lagen und auf die Leute warteten.",
    ]
    lines = split_lines("\n\n".join([*banner, "Fähren im Hafen", *post]) + "\n")
    assert all(line.prose for line in lines if line.text in post)
    assert not next(line for line in lines if line.text == "Fähren im Hafen").prose


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from("ab .!?:;=-)]D\"”1🙂☀😉"), min_size=1).map(str.strip).filter(bool))
def test_the_quick_sentence_end_check_agrees_with_the_pattern(text: str) -> None:
    assert lines.sentence_ends([text], [text[-1]]) == [bool(lines.SENTENCE_END.search(text[-lines.SENTENCE_TAIL :]))]


def test_a_line_of_a_post_that_ends_with_an_emoji_or_an_emoticon_ends_a_sentence() -> None:
    ends = ["Nach dem Lauf fühlt man sich wie neu, und das gefällt mir 😉", "See you all at the harbour on Sunday :-)",
            "Und bitte entschuldigt den Fehler (falls ihr ihn gefunden habt 😉 )"]
    assert all(line.sentence_end for line in split_lines("\n\n".join(ends) + "\n"))
    assert not split_lines("Ferry timetable :D-Day\n")[0].sentence_end
