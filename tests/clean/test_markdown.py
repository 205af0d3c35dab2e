from newsprism.clean.markdown import markdown_to_text
from newsprism.clean.text_dump import split_dump

# A fictional page as a Markdown converter writes it: a menu of links, a logo, the headline, the article.
MENU = "\n".join(f"* [{name}](https://wenlow-courier.example/{name.lower()}/)" for name in ("Home", "News", "Harbour", "Weather", "Sport"))
ARTICLE = [
    "The harbour authority of Port Wenlow said on Tuesday that the old grain pier would stay closed until the end "
    "of the month, after divers found that two of its wooden piles had rotted through below the waterline.",
    "Fishing crews who moor along the pier were told to move their boats to the northern basin, where the "
    "authority has set aside twenty berths free of charge while the repairs go on, a spokesperson said.",
    "“We would rather lose a few weeks than a boat,” said the harbour master, Ines Calloway, who added that the "
    "engineers expected to know by Friday whether the whole deck had to come up.",
]
MARKDOWN_ARTICLE = [
    "The harbour authority of [Port Wenlow](https://wenlow-courier.example/tag/port-wenlow/) said on Tuesday that "
    "the old grain pier would stay closed until the end of the month, after divers found that **two of its wooden "
    "piles** had rotted through below the waterline.",
    "Fishing crews who moor along the pier were told to move their boats to the _northern basin_, where the "
    "authority has set aside twenty berths free of charge while the repairs go on, a [spokesperson said]"
    "(https://wenlow-courier.example/2031/06/\nstatement-on-the-pier/ \"Statement\").",
    "“We would rather lose a few weeks than a boat,” said the harbour master, Ines Calloway, who added that the "
    "engineers expected to know by Friday whether the whole deck had to come up.",
]
PAGE = (
    f"{MENU}\n\n[![Wenlow Courier](https://wenlow-courier.example/logo.png)](https://wenlow-courier.example/)\n\n"
    "# Old grain pier to stay shut\n\n" + "\n\n".join(MARKDOWN_ARTICLE)
)


def test_links_keep_their_text_and_lose_their_address() -> None:
    text = markdown_to_text(PAGE)
    assert "https://" not in text and "logo.png" not in text and "Wenlow Courier" not in text
    assert "* Home\n* News" in text
    assert "\nOld grain pier to stay shut\n" in text
    for paragraph in ARTICLE:
        assert paragraph in text


def test_the_cleaner_reads_a_markdown_page_like_the_same_page_as_text() -> None:
    assert split_dump(PAGE).body == ARTICLE


def test_escapes_reference_links_and_words_with_underscores() -> None:
    page = PAGE + (
        "\n\nThe pier dates from 1911\\. Its [seaward end][3] was rebuilt; see pier\\_history and snake_case_name.\n\n"
        "[3]: https://wenlow-courier.example/archive/1987/"
    )
    text = markdown_to_text(page)
    assert "The pier dates from 1911. Its seaward end was rebuilt; see pier_history and snake_case_name." in text
    assert "archive/1987" not in text


def test_pages_that_are_not_markdown_are_left_alone() -> None:
    plain = "Home\nNews\n\n" + "\n\n".join(ARTICLE) + "\n\nA bracket [like this](or this) and *stars* stay."
    assert markdown_to_text(plain) is plain


def test_a_page_full_of_stray_brackets_is_read_in_bounded_time() -> None:
    page = "[" * 200_000 + "](x)" * 5
    assert markdown_to_text(page).startswith("[")
