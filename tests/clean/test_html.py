from newsprism.clean import clean_document
from newsprism.errors import NoArticleFound
from newsprism.model import RawDocument

PARAGRAPH = ("<p>The Mirrow canal festival drew more than forty thousand visitors on Friday night, organisers said, "
             "the largest crowd since the event began, and the town's cafes ran out of food before midnight.</p>")
PAGE = f"""<!doctype html><html><head><title>Festival crowds | Brellport Herald</title>
<meta property="og:site_name" content="Brellport Herald">
<meta property="article:published_time" content="2021-10-11T08:00:00Z">
<meta name="author" content="Odile Farraway"></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav>
<article><h1>Festival crowds</h1>{PARAGRAPH * 4}
<p>Sign up for our newsletter to get stories like this in your inbox.</p></article>
<footer>© 2021 Brellport Herald</footer></body></html>"""


def test_html_page_to_article_with_metadata() -> None:
    article = clean_document(RawDocument(id="h", source="h.html", kind="html", content=PAGE))
    assert "forty thousand visitors" in article.body
    assert "newsletter" not in article.body
    assert article.outlet == "Brellport Herald"
    assert article.byline == ["Odile Farraway"]
    assert article.published is not None and article.published.isoformat() == "2021-10-11"
    assert any(removed.reason == "promo" for removed in article.removed)


def test_html_without_article_raises() -> None:
    raw = RawDocument(id="e", source="empty.html", kind="html", content="<html><body><nav>Home</nav></body></html>")
    try:
        clean_document(raw)
    except NoArticleFound as error:
        assert error.source == "empty.html"
    else:
        raise AssertionError("expected NoArticleFound")


def test_soft_hyphens_and_zero_width_spaces_leave_the_text_of_every_kind_of_page() -> None:
    # Pages set them inside words for line breaking: left in, "Festi\u00adval" is another word than "Festival".
    hidden = PAGE.replace("festival drew", "festi&shy;val drew").replace("organisers", "organ\u00adisers\u200b")
    html = clean_document(RawDocument(id="h", source="h.html", kind="html", content=hidden))
    dump = "Festival crowds | Brellport Herald\n\nFestival crowds\n\n" + "\n\n".join(
        f"On day {day} the Mirrow canal festi\u00adval drew more than forty thousand visitors, organ\u00adisers said, "
        f"the largest crowd since the event began, and the town's cafes ran out of food before mid\u200bnight." for day in range(4)) + "\n"
    text = clean_document(RawDocument(id="t", source="t.txt", kind="text", content=dump))
    for article in (html, text):
        assert "festival drew" in article.body and "organisers said" in article.body
        assert not any(character in article.body for character in "\u00ad\u200b\u2060\ufeff")
