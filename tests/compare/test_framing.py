"""Unit tests of the story-level framing comparison on hand-built articles (no parse, no model)."""

from __future__ import annotations

from newsprism.compare.framing import affiliation_of, compare_framing
from newsprism.model import ActorLabel, Article, Entity, Framing, LoadedTerm, Mention, OpinionSentence, Quote, SentenceVerdict
from tests.conftest import with_sentences

PLACES = [
    Entity(id="place:norvia", name="Norvia", type="place"),
    Entity(id="place:ostrel", name="Ostrel", type="place"),
]


def person(entity_id: str, name: str, *roles: str) -> Entity:
    return Entity(id=entity_id, name=name, type="person", roles=list(roles))


def test_affiliation_and_country_come_from_the_story_s_own_words() -> None:
    minister = person("person:ada-brenn", "Ada Brenn", "Norvian Foreign Minister")
    assert affiliation_of("Ada Brenn", minister, PLACES) == ("government", "Norvia")
    paper = Entity(id="org:the-beacon", name="The Beacon", type="organization", roles=["Ostrel's state-run newspaper"])
    assert affiliation_of("The Beacon", paper, PLACES) == ("state media", "Ostrel")
    wire = Entity(id="org:linewire", name="Linewire", type="organization", roles=["Norvian news agency"])
    assert affiliation_of("Linewire", wire, PLACES) == ("media", "Norvia")
    scholar = person("person:jon-pell", "Jon Pell", "analyst")
    assert affiliation_of("Jon Pell", scholar, PLACES) == ("analyst", None)
    assert affiliation_of("Ostrel", PLACES[1], PLACES) == ("government", "Ostrel")
    assert affiliation_of("Ostrel", None, PLACES) == ("government", "Ostrel")  # a country named as speaker, no entity linked
    assert affiliation_of("Someone", None, PLACES) == ("unknown", None)


def article(article_id: str, outlet: str, body: str, framing: Framing, quotes: list[Quote] | None = None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", outlet=outlet, body=body, framing=framing, quotes=quotes or [])


def verdicts(*scores: float) -> list[SentenceVerdict]:
    return [SentenceVerdict(text=f"s{i}", score=score, biased=score >= 0.5) for i, score in enumerate(scores)]


def test_profiles_rank_outlets_least_loaded_first_and_keep_quoted_words_apart() -> None:
    calm_body = "The council met on Monday. It approved the budget."
    calm = article("a", "Calm Wire", calm_body, Framing(sentences=verdicts(0.1, 0.2), score=0.0))
    loud_body = "The hapless council rammed it through. Is anyone surprised? “A farce,” said Ada Brenn."
    loud_framing = Framing(
        loaded=[
            LoadedTerm(text="hapless", category="evaluative", start=4, end=11),
            LoadedTerm(text="rammed", category="metaphor", start=20, end=26),
            LoadedTerm(text="A farce", category="evaluative", start=65, end=72, voice="quoted", speaker_name="Ada Brenn"),
        ],
        opinion=[OpinionSentence(text="Is anyone surprised?", kind="rhetorical_question", start=39, end=59)],
        sentences=verdicts(0.9, 0.8, 0.7),
        score=1.0,
    )
    quote = Quote(text="A farce,", speaker_name="Ada Brenn", speaker="person:ada-brenn", start=64, end=73)
    loud = article("b", "Loud Daily", loud_body, loud_framing, [quote])
    story_framing = compare_framing([loud, calm], [person("person:ada-brenn", "Ada Brenn", "Norvian Foreign Minister"), *PLACES])

    assert [profile.outlet for profile in story_framing.outlets] == ["Calm Wire", "Loud Daily"]
    calm_profile, loud_profile = story_framing.outlets
    assert calm_profile.score == 0.0 and calm_profile.loaded == [] and calm_profile.biased_sentences == 0
    assert loud_profile.loaded == ["hapless", "rammed"], "the quoted 'A farce' is not the outlet's"
    assert loud_profile.loaded_in_quotes == ["A farce (Ada Brenn)"]
    assert [opinion.kind for opinion in loud_profile.editorializing] == ["rhetorical_question"]
    (voices,) = loud_profile.voices
    assert (voices.affiliation, voices.country, voices.speakers, voices.quotes) == ("government", "Norvia", ["Ada Brenn"], 1)


def test_labels_line_up_each_outlet_s_words_for_a_person_named_by_two_outlets() -> None:
    body_a = "Premier Ivo Stan spoke."
    body_b = "The autocrat Ivo Stan spoke."
    first = article("a", "Alpha", body_a, Framing())
    second = article("b", "Beta", body_b, Framing())
    first.entities = [Mention(text="Ivo Stan", label="PERSON", start=8, end=16, entity="person:ivo-stan")]
    second.entities = [Mention(text="Ivo Stan", label="PERSON", start=13, end=21, entity="person:ivo-stan")]
    with_sentences(first, []).prepared.labels = [ActorLabel(words="premier", mention=(8, 16))]  # type: ignore[union-attr]
    with_sentences(second, []).prepared.labels = [  # type: ignore[union-attr]
        ActorLabel(words="autocrat", mention=(13, 21)),
        ActorLabel(words="despot", nations=["norvian"]),
        ActorLabel(words="crony", nations=["ostrelian"]),
    ]
    people = [person("person:ivo-stan", "Ivo Stan", "Norvian Premier"), person("person:ada-brenn", "Ada Brenn", "Ostrelian envoy")]
    people[0].articles, people[1].articles = ["a", "b"], ["a", "b"]
    story_framing = compare_framing([first, second], people)
    (row,) = story_framing.labels
    assert row.name == "Ivo Stan" and row.labels == {"Alpha": ["premier"], "Beta": ["autocrat", "despot"]}, "a nationality ties a label"
