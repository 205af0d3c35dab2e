from newsprism.compare.entities import link_entities
from newsprism.model import Article, Entity, Mention, Quote
from tests.conftest import with_sentences


def article(article_id: str, groups: list[tuple[str, str, str]]) -> Article:
    """An article whose entity groups and mentions are built by hand: (local id, name, type)."""
    built = Article(id=article_id, source=article_id, body="")
    built.entities = [Mention(text=name, label="PERSON" if kind == "person" else "GPE", start=0, end=len(name), entity=local)
                      for local, name, kind in groups]
    with_sentences(built, []).prepared.entities = [Entity(id=local, name=name, type=kind) for local, name, kind in groups]  # type: ignore[union-attr]
    return built


def test_spelling_variants_link_and_different_people_stay_apart() -> None:
    first = article("a", [("e1", "Park Ji Hoon", "person"), ("e2", "Park Min Seo", "person"), ("e3", "North Marovia", "place")])
    second = article("b", [("e1", "Park Ji-hoon", "person"), ("e2", "South Marovia", "place"), ("e3", "Park", "person")])
    third = article("c", [("e1", "Brandvoll", "person"), ("e2", "Ilsa Brandvoll", "person")])
    table = link_entities([first, second, third])
    ids = {mention.text: mention.entity for item in (first, second, third) for mention in item.entities}
    assert ids["Park Ji Hoon"] == ids["Park Ji-hoon"] is not None
    assert ids["Park Min Seo"] != ids["Park Ji Hoon"]
    assert ids["North Marovia"] != ids["South Marovia"]
    assert ids["Park"] is None  # two Parks in the run: a bare "Park" is not guessed
    assert ids["Brandvoll"] == ids["Ilsa Brandvoll"]
    park = next(entity for entity in table if entity.id == ids["Park Ji Hoon"])
    assert park.articles == ["a", "b"] and park.type == "person" and park.id.startswith("person:")


def test_a_name_misspelt_by_one_letter_links_only_when_one_person_fits() -> None:
    first = article("a", [("e1", "Tamsin Gilreath", "person"), ("e2", "Odo Var", "person")])
    second = article("b", [("e1", "Tamsin Gilreat", "person"), ("e2", "Ilse Var", "person")])
    third = article("c", [("e1", "Gilreth", "person"), ("e2", "Odo Vay", "person"), ("e3", "Marta Selk", "person")])
    fourth = article("d", [("e1", "Marta Silk", "person"), ("e2", "Marta Sulk", "person")])
    link_entities([first, second, third, fourth])
    ids = {(item.id, mention.text): mention.entity for item in (first, second, third, fourth) for mention in item.entities}
    assert ids["a", "Tamsin Gilreath"] == ids["b", "Tamsin Gilreat"] == ids["c", "Gilreth"] is not None
    assert ids["a", "Odo Var"] != ids["b", "Ilse Var"]  # other first names: other people
    assert ids["a", "Odo Var"] != ids["c", "Odo Vay"]  # a surname of three letters: too short to call a misspelling
    # Selk, Silk and Sulk are each one letter from the others: no spelling is the right one, so none links.
    assert len({ids["c", "Marta Selk"], ids["d", "Marta Silk"], ids["d", "Marta Sulk"]}) == 3


def test_a_speaker_is_never_a_place_nor_the_place_that_modifies_it() -> None:
    def spoken(article_id: str, body: str, names: list[tuple[str, str, str]], speaker: str) -> Article:
        built = Article(id=article_id, source=article_id, body=body)
        labels = {"person": "PERSON", "organization": "ORG", "place": "GPE", "group": "NORP"}
        built.entities = [Mention(text=name, label=labels[kind], start=body.rindex(name), end=body.rindex(name) + len(name), entity=local)
                          for local, name, kind in names]
        with_sentences(built, [(0, len(body))]).prepared.entities = [  # type: ignore[union-attr]
            Entity(id=local, name=name, type=kind) for local, name, kind in names
        ]
        start = body.rindex(speaker)
        built.quotes = [Quote(text="the pier will reopen", speaker_name=speaker, start=0, end=5, speaker_span=(start, start + len(speaker)))]
        return built

    # "Marovian authorities": the authorities speak, not the Marovians.
    modified = spoken("a", "Marovian authorities said the pier will reopen.", [("e1", "Marovian", "group")], "Marovian authorities")
    # A place's name standing for the article's one organisation of that name: the airline speaks.
    airline = spoken("b", "Caldera Line runs the pier. It will reopen, Caldera said.",
                     [("e1", "Caldera Line", "organization"), ("e2", "Caldera", "place")], "Caldera")
    # A country: it names no one who speaks, so the quote keeps the name as written and no entity.
    country = spoken("c", "Marovia denied that the pier will reopen.", [("e1", "Marovia", "place")], "Marovia")
    person = spoken("d", "Odile Barrant said the pier will reopen.", [("e1", "Odile Barrant", "person")], "Odile Barrant")
    link_entities([modified, airline, country, person])
    assert modified.quotes[0].speaker is None and modified.quotes[0].speaker_name == "Marovian authorities"
    assert airline.quotes[0].speaker is not None and airline.quotes[0].speaker_name == "Caldera Line"
    assert country.quotes[0].speaker is None and country.quotes[0].speaker_name == "Marovia"
    assert person.quotes[0].speaker is not None and person.quotes[0].speaker_name == "Odile Barrant"
