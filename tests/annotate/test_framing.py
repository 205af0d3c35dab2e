"""The per-article framing layer on fictional articles: voices, editorializing, categories, labels (real parse and model)."""

from __future__ import annotations

from newsprism.annotate.framing import sentence_case
from newsprism.model import Article, RawDocument
from newsprism.pipeline import prepare

BODY = (
    "The hapless mayor of Norvale rammed his bloated budget through the council on Monday.\n\n"
    "“It is a disgrace and a scandal,” said opposition leader Ada Brenn.\n\n"
    "Is anyone in Norvale surprised?\n\n"
    "The truth is that the city cannot afford another year like this.\n\n"
    "The council should start again.\n\n"
    "The budget sets aside 40 million crowns for roads, the mayor's office said.\n\n"
    "Meanwhile the Norvian strongman Ivo Stan, the city's patron, claimed the plan was sound."
)


def framed(body: str = BODY, headline: str = "Mayor's monstrous budget sails through") -> Article:
    raw = RawDocument(id="a", source="a.jsonl:1", kind="body", content=body, outlet="Norvale Mirror", title=headline)
    return prepare(raw)


def test_words_inside_a_quote_belong_to_the_speaker() -> None:
    article = framed()
    quoted = [term for term in article.framing.loaded if term.voice == "quoted"]
    assert any("disgrace" in term.text or "scandal" in term.text for term in quoted)
    assert all(term.speaker_name and "Brenn" in term.speaker_name for term in quoted)
    own = [term.text for term in article.framing.loaded if term.voice == "outlet"]
    assert not any("disgrace" in text or "scandal" in text for text in own)


def test_the_outlet_s_own_loaded_words_and_their_categories() -> None:
    article = framed()
    own = {term.text.lower(): term for term in article.framing.loaded if term.voice == "outlet" and term.where == "body"}
    assert own["claimed"].category == "saying-verb"
    assert "strongman" in own and own["strongman"].category == "label"
    assert any(word in own for word in ("hapless", "rammed", "bloated")), sorted(own)
    for term in own.values():
        assert article.body[term.start : term.end] == term.text
    assert not any(term in own for term in ("budget", "council", "roads")), sorted(own)


def test_headline_terms_are_marked_as_headline() -> None:
    article = framed()
    headline_terms = [term for term in article.framing.loaded if term.where == "headline"]
    assert all(article.headline and article.headline[term.start : term.end] == term.text for term in headline_terms)


def test_editorializing_kinds() -> None:
    article = framed()
    kinds = {opinion.text.split()[0]: opinion.kind for opinion in article.framing.opinion}
    assert kinds.get("Is") == "rhetorical_question"
    assert kinds.get("The") in ("the_reality_is", "exhortation")
    assert {opinion.kind for opinion in article.framing.opinion} >= {"rhetorical_question", "the_reality_is", "exhortation"}
    assert not any("40 million" in opinion.text for opinion in article.framing.opinion), "an attributed fact is not opinion"


def test_a_plain_report_has_no_editorializing_and_a_low_score() -> None:
    plain = (
        "The city council approved the budget on Monday by nine votes to four.\n\n"
        "The budget sets aside 40 million crowns for roads and 12 million for schools, the finance office said.\n\n"
        "The council will meet again on 14 March."
    )
    article = framed(plain, "Council approves city budget")
    assert article.framing.opinion == []
    assert article.framing.score is not None and article.framing.score < framed().framing.score  # type: ignore[operator]
    assert len(article.framing.sentences) == 3


def test_a_title_case_headline_is_read_in_running_text_case() -> None:
    body = "The Norvale council met on Monday. Mayor Ivo Stan and the council agreed a budget."  # "Mayor" only before a name
    assert sentence_case("Norvale Council Gives Mayor Stan A Blank Cheque", body) == "Norvale council gives Mayor Stan a blank cheque"
    assert sentence_case("Norvale council gives the mayor a blank cheque", body) == "Norvale council gives the mayor a blank cheque"
    assert sentence_case("NORVALE: Budget Passes", body) == "NORVALE: budget passes"


def test_the_quote_verb_between_two_parts_of_a_quote_is_the_outlet_s() -> None:
    body = (
        "The mayor was in a generous mood on Monday.\n\n"
        "“Our city has never been richer,” gloated Mayor Ivo Stan. “Every road will be rebuilt.”"
    )
    article = framed(body, headline="Norvale budget passes")
    gloated = [term for term in article.framing.loaded if term.text == "gloated"]
    assert gloated and gloated[0].voice == "outlet" and gloated[0].category == "saying-verb"


def test_a_plain_verdict_in_the_outlet_s_voice_is_editorializing() -> None:
    body = (
        "The Lisca bridge closed on Monday after engineers found cracks in two piers.\n\n"
        "The danger to Norvale is real.\n\n"
        "The bridge is closed to lorries.\n\n"
        "The risk is obvious, the harbour master said."
    )
    article = framed(body, headline="Lisca bridge closes")
    kinds = {opinion.text: opinion.kind for opinion in article.framing.opinion}
    assert kinds.get("The danger to Norvale is real.") == "evaluation"
    assert "The bridge is closed to lorries." not in kinds, "a state reported, not judged"
    assert not any("harbour master" in text for text in kinds), "attributed: the speaker's verdict"
