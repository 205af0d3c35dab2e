import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean.lines import split_lines
from newsprism.clean.text_dump import split_dump
from newsprism.clean.wrapping import drop_link_numbers

# A fictional story, one paragraph per line, as a browser's copy of a page gives it.
PARAGRAPHS = [
    "The harbour authority of Port Wenlow said on Tuesday that the old grain pier would stay closed until the "
    "end of the month, after divers found that two of its wooden piles had rotted through below the waterline.",
    "Fishing crews who moor along the pier were told to move their boats to the northern basin, where the "
    "authority has set aside twenty berths free of charge while the repairs go on, a spokesperson said.",
    "“We would rather lose a few weeks than a boat,” said the harbour master, Ines Calloway, who added that "
    "the engineers expected to know by Friday whether the whole deck had to come up or only a well-worn part of it.",
    "The pier was built in 1911 and last repaired in the winter of 1987, when a storm tore away its seaward end.",
]
MENU = ["Home", "News", "Harbour", "Weather", "Contact us"]


def page(paragraphs: list[str], width: int = 0, indent: str = "") -> str:
    """A dump of the menu and the paragraphs, the paragraphs hard-wrapped at `width` columns when it is set."""
    blocks = ["\n".join(MENU)]
    for paragraph in paragraphs:
        blocks.append(textwrap.fill(paragraph, width, initial_indent=indent, subsequent_indent=indent) if width else paragraph)
    return "\n\n".join(blocks)


def line_texts(text: str) -> list[str]:
    """The page's non-empty lines as the cleaner reads them (hard-wrapped paragraphs joined)."""
    return [line.text for line in split_lines(text)]


def test_a_wrapped_page_gets_its_paragraphs_back() -> None:
    for width, indent in ((60, ""), (72, ""), (79, "   "), (100, "")):
        assert line_texts(page(PARAGRAPHS, width, indent)) == MENU + PARAGRAPHS, (width, indent)


def test_a_page_that_was_not_wrapped_keeps_its_lines() -> None:
    text = page(PARAGRAPHS) + "\n\nthe harbour office is open\nfrom nine to five on weekdays, and on\nsaturday mornings"
    assert line_texts(text) == [line.strip() for line in text.splitlines() if line.strip()]


def test_long_lines_of_prose_mean_the_page_was_not_wrapped() -> None:
    # Three long paragraphs on one line each, then lines that do look wrapped: the page is left as it is.
    wrapped = textwrap.fill(PARAGRAPHS[0] + " " + PARAGRAPHS[1], 60)
    text = "\n".join(paragraph * 2 for paragraph in PARAGRAPHS[:3]) + "\n\n" + wrapped
    assert line_texts(text) == [line for line in text.splitlines() if line]
    # With two such lines only, the wrapped part is joined.
    text = "\n".join(paragraph * 2 for paragraph in PARAGRAPHS[:2]) + "\n\n" + wrapped
    assert line_texts(text)[2:] == [PARAGRAPHS[0] + " " + PARAGRAPHS[1]]


def test_list_items_and_blank_lines_end_a_wrapped_line() -> None:
    item = "A line of a bulleted list that is long enough to have been wrapped by the"
    texts = line_texts(page(PARAGRAPHS, 72) + f"\n\n{item}\n* second item of the list\n\ntail of nothing")
    assert texts[-3:] == [item, "* second item of the list", "tail of nothing"]


def test_a_word_broken_at_its_hyphen_is_whole_again() -> None:
    widths = [width for width in range(50, 100) if "well-\n" in textwrap.fill(PARAGRAPHS[2], width)]
    assert widths  # some width breaks "well-worn" after its hyphen
    for width in widths:
        assert PARAGRAPHS[2] in line_texts(page(PARAGRAPHS, width)), width


def test_scripts_without_case_count_as_going_on() -> None:
    sentence = "항구 관리청은 화요일 오래된 곡물 부두가 이달 말까지 폐쇄된다고 밝혔다 잠수부들이 수면 아래 나무 말뚝 두 개가 썩은 것을 발견했다"
    assert line_texts(textwrap.fill(" ".join([sentence] * 6), 40)) == [" ".join([sentence] * 6)]


def test_runs_of_a_script_without_spaces_are_not_taken_for_wrapped_lines() -> None:
    # Short Chinese paragraphs with no final punctuation, one after another in a block: not a wrapped page.
    lines = [f"港口管理局周二表示旧粮食码头将关闭到本月底潜水员在水下发现 2031 年 6 月 第 {number} 期" for number in range(6)]
    assert line_texts("\n".join(lines)) == lines


def test_the_cleaner_reads_a_wrapped_dump_like_the_same_dump_unwrapped() -> None:
    assert split_dump(page(PARAGRAPHS, 72, "   ")).body == split_dump(page(PARAGRAPHS)).body == PARAGRAPHS


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12), min_size=60, max_size=200),
    breaks=st.lists(st.integers(min_value=8, max_value=40), min_size=3, max_size=6),
    width=st.integers(min_value=50, max_value=120),
)
def test_any_wrapped_lower_case_text_unwraps_to_its_paragraphs(words: list[str], breaks: list[int], width: int) -> None:
    paragraphs, start = [], 0
    for size in breaks:
        if start < len(words):
            paragraphs.append(" ".join(words[start : start + size * 3]) + ".")
            start += size * 3
    text = "\n\n".join(textwrap.fill(paragraph, width, break_on_hyphens=False) for paragraph in paragraphs)
    if sum(len(line) >= 30 and not line.endswith(".") for line in text.splitlines()) < 3:
        return  # too little wrapped text to tell the width from
    assert line_texts(text) == paragraphs


def test_link_numbers_of_terminal_browsers_are_dropped() -> None:
    lynx = "[1]Home [2]News [3]Harbour\n[4]Weather [5]Contact us\nThe pier closed.[6] Crews moved.\n"
    assert drop_link_numbers(lynx) == "Home News Harbour\nWeather Contact us\nThe pier closed.[6] Crews moved.\n"
    footnotes = "The pier closed.[1] Crews moved.[2] Repairs began [3] on Friday [4] and [5]."
    assert drop_link_numbers(footnotes) is footnotes
    few = "[1]Home [2]News"
    assert drop_link_numbers(few) is few
