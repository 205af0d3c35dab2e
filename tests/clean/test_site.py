"""An article whose page names no outlet takes the site its URL or its file's name gives, never a path."""

from __future__ import annotations

from pathlib import Path

from newsprism import Article, extract
from newsprism.clean.site import site_of_name, site_of_url
from tests.conftest import FICTIONAL_DUMP, MODELS

BODY = (
    "The ferry that links Tessing and Mirrow resumed its crossings on Thursday after three days in port, the lake's "
    "boat company said, once mechanics had replaced a faulty pump and the vessel passed a safety inspection."
)


def test_sites_from_urls_and_from_files_named_after_one() -> None:
    assert site_of_url("https://www.latimes.com/california/story/x") == "latimes.com"
    assert site_of_url("ftp://files.example.org/a") is None and site_of_url("/home/me/a.txt") is None
    assert site_of_name("/home/me/stories/crocus/03_sputnikglobe.com.txt") == "sputnikglobe.com"
    assert site_of_name("pages/www.nhk.or.jp.html.gz") == "nhk.or.jp"
    assert site_of_name("mb.com.ph.txt") == "mb.com.ph"
    for name in ("veyra-courier.txt", "story.txt", "notes.v2.txt", "feed.jsonl:3", "1999.txt"):
        assert site_of_name(name) is None, name


def test_a_dump_without_masthead_takes_its_files_site_and_a_record_its_urls(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "07_lakeside-news.co.uk.txt").write_text(BODY * 3, encoding="utf-8")
    (folder / "plain.txt").write_text(BODY * 3, encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"id": "r1", "text": "' + BODY + '", "url": "https://www.orvell-wire.example.com/a"}\n', encoding="utf-8")
    (folder / "herald.txt").write_text(FICTIONAL_DUMP, encoding="utf-8")
    articles = {a.id: a for a in extract([folder], models=MODELS) if isinstance(a, Article)}
    assert articles["07_lakeside-news.co.uk.txt"].outlet == "lakeside-news.co.uk"
    assert articles["plain.txt"].outlet is None and articles["plain.txt"].source == str(folder / "plain.txt")
    assert articles["r1"].outlet == "orvell-wire.example.com"
    assert articles["herald.txt"].outlet == "The Brellport Herald"  # the page's own name comes first
    assert not any(str(tmp_path) in key for key in articles)  # ids name files, not the folders they sit in
