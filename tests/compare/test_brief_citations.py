"""Which outlets a brief sentence cites, on hand-built fictional articles: only those whose sentence backs it."""

from __future__ import annotations

import numpy as np

from newsprism.compare.claims import PairScores, build_claims
from newsprism.compare.statements import Statement, find_statements
from newsprism.model import Article, BriefSentence, Mention
from newsprism.synthesize import write_brief
from tests.conftest import parse, with_sentences

# Story-wide entity ids of the fictional parties, by every spelling the articles use.
IDS = {
    "Lantern Salvage": "organization:lantern-salvage",
    "Tarrow Police": "organization:tarrow-police",
    "Veyra Port Authority": "organization:veyra-port-authority",
}


def article(article_id: str, outlet: str, body: str, names: tuple[str, ...] = ()) -> Article:
    """An article of one sentence whose entity mentions are `names`, found in order in the body."""
    mentions, offset = [], 0
    for name in names:
        start = body.index(name, offset)
        mentions.append(Mention(text=name, label="ORG", start=start, end=start + len(name), entity=IDS[name]))
        offset = start + len(name)
    return with_sentences(Article(id=article_id, source=f"{article_id}.txt", outlet=outlet, body=body, entities=mentions), [(0, len(body))])


def first_sentence(articles: list[Article], statements: list[Statement]) -> BriefSentence:
    """The brief sentence of one claim holding every statement, the first article's sentence shown (it scores highest
    with the second)."""
    matrix = np.full((len(statements), len(statements)), 0.9, dtype=np.float32)
    np.fill_diagonal(matrix, 0)
    matrix[0, 1] = matrix[1, 0] = 0.99
    claims, members = build_claims(statements, PairScores.from_matrix(matrix))
    assert len(claims) == 1 and claims[0].text == articles[0].body
    return write_brief(articles, claims, members)[0]


def test_a_sentence_that_counts_the_dead_does_not_back_one_that_counts_the_injured() -> None:
    articles = [
        article("a", "Alpha Post", "Floods in Tarrow injured about 40 people on Monday, the district office said."),
        article("b", "Beta Daily", "About 40 people were injured in the Tarrow floods, the district office said."),
        article("c", "Gamma Wire", "The Tarrow floods killed 12 people, the district office said."),
        article("d", "Delta News", "The Tarrow floods hurt villagers across the district, the district office said."),
    ]
    sentence = first_sentence(articles, find_statements(articles))
    # Gamma gives the dead, not the injured: it counts people, but none of its counts is the brief's.
    assert sentence.sources == ["a", "b", "d"]


def test_a_length_given_only_in_another_unit_does_not_back_the_shown_one() -> None:
    articles = [
        article("a", "Alpha Post", "The wreck of the Marlin lies 800 metres below the surface, the survey found."),
        article("b", "Beta Daily", "The survey found the wreck of the Marlin 800 metres below the surface."),
        article("c", "Gamma Wire", "The wreck of the Marlin lies some 2,600 feet below the surface, the survey found."),
        article("d", "Delta News", "The Marlin rests 800 metres, or 2,600 feet, below the surface, the survey found."),
    ]
    sentence = first_sentence(articles, find_statements(articles))
    # Units are not converted: Gamma's depth in feet cannot be checked against the metres shown; Delta gives both.
    assert sentence.sources == ["a", "b", "d"]


def test_a_sentence_about_what_another_party_did_does_not_back_the_shown_one() -> None:
    articles = [
        article("a", "Alpha Post", "On Monday, Lantern Salvage said it had refloated the grounded carrier off Veyra.", ("Lantern Salvage",)),
        article("b", "Beta Daily", "Lantern Salvage refloated the grounded carrier off Veyra on Monday.", ("Lantern Salvage",)),
        article("c", "Gamma Wire", "The Tarrow Police detained the skipper of the grounded carrier off Veyra.", ("Tarrow Police",)),
        article("d", "Delta News", "The grounded carrier was refloated off Veyra, the Veyra Port Authority said.", ("Veyra Port Authority",)),
    ]
    sentence = first_sentence(articles, find_statements(articles, [parse(made.body) for made in articles]))
    # Gamma has a party the shown sentence never names do something else; Delta only credits another source.
    assert sentence.sources == ["a", "b", "d"]
