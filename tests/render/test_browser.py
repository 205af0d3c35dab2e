"""The HTML report in a real browser (Debian's Chromium, driven by Playwright): hostile article text runs no script,
the page never scrolls sideways at phone width, folded parts open on a tap and print open."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.model import Article, BriefSentence, Claim, ClaimSource, Entity, Mention, Story
from newsprism.render.html import story_html
from tests.conftest import EXAMPLES, analyzed

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = os.environ.get("NEWSPRISM_TEST_BROWSER") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else "")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("no Chromium for the browser tests: `make test` installs Debian's as root, or set NEWSPRISM_TEST_BROWSER")
        pytest.skip("no Chromium (install Debian's chromium, or set NEWSPRISM_TEST_BROWSER)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=FLAGS)
        yield launched
        launched.close()


def open_report(browser: object, story: Story, folder: Path, width: int) -> object:
    page_file = folder / f"report-{width}.html"
    page_file.write_text(story_html(story), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page.goto(page_file.as_uri())
    return page


def hostile_story() -> Story:
    body = f"Mara Quell opened the pier. {HOSTILE} The council paid for it."
    article = Article(id="h.txt", source="h.txt", outlet=HOSTILE, headline=HOSTILE, body=body,
                      entities=[Mention(text="Mara Quell", label="PERSON", start=0, end=10, entity="person:quell")])
    claim = Claim(id="c1", text=HOSTILE, support=1, sources=[ClaimSource(article="h.txt", text=HOSTILE, start=0, end=10)])
    return Story(id="story-h", articles=[article], claims=[claim], entities=[Entity(id="person:quell", name=HOSTILE, type="person")],
                 brief=[BriefSentence(text=f"{HOSTILE} [1]", sources=["h.txt"])])


def test_hostile_article_text_runs_no_script(browser: object, tmp_path: Path) -> None:
    page = open_report(browser, hostile_story(), tmp_path, 1400)
    assert page.evaluate("window.pwned === undefined")  # type: ignore[attr-defined]
    assert HOSTILE in page.inner_text("main")  # type: ignore[attr-defined]  # shown as text, not run


@pytest.mark.parametrize("width", [390, 1400])
def test_the_example_report_never_scrolls_sideways(browser: object, tmp_path: Path, width: int) -> None:
    page = open_report(browser, analyzed(str(EXAMPLES / "port-veyra-grounding")), tmp_path, width)
    page_width, view_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")  # type: ignore[attr-defined]
    assert page_width <= view_width
    page.screenshot(path=str(tmp_path / f"report-{width}.png"), full_page=True)  # type: ignore[attr-defined]


def test_folded_facts_open_on_a_tap_and_print_open(browser: object, tmp_path: Path) -> None:
    page = open_report(browser, analyzed(str(EXAMPLES / "port-veyra-grounding")), tmp_path, 390)
    first_fact = page.locator("details.single li").first  # type: ignore[attr-defined]
    assert not first_fact.is_visible()
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert first_fact.is_visible()
    page.emulate_media(media="screen")  # type: ignore[attr-defined]
    page.locator("details.single summary").first.click()  # type: ignore[attr-defined]
    assert first_fact.is_visible()


def test_a_highlight_spells_out_its_details_on_a_tap(browser: object, tmp_path: Path) -> None:
    page = open_report(browser, analyzed(str(EXAMPLES / "port-veyra-grounding")), tmp_path, 390)
    page.locator("details.article summary").first.click()  # type: ignore[attr-defined]
    mark = page.locator("details.article mark[data-detail]").first  # type: ignore[attr-defined]
    detail = mark.get_attribute("data-detail")
    shown = "getComputedStyle(element, '::after').content"
    assert mark.evaluate(f"element => {shown}") in ("none", "normal", "")
    mark.focus()
    assert detail and detail in mark.evaluate(f"element => {shown}")
