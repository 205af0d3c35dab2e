"""Participant conflicts on hand-built fictional articles (entity mentions given by hand; the roles come from the parse)."""

from __future__ import annotations

import datetime as dt

from newsprism.compare.conflicts import find_conflicts
from newsprism.compare.participants import participant_conflicts
from newsprism.compare.statements import Statement, find_statements
from newsprism.model import Article, Conflict, Mention, TimeExpr
from tests.conftest import parse, with_sentences

# Story-wide entity ids of the fictional parties, by every spelling the articles use.
IDS = {
    "Odile Barrant": "person:odile-barrant",
    "Barrant": "person:odile-barrant",
    "Fenwick Olu": "person:fenwick-olu",
    "Olu": "person:fenwick-olu",
    "Maris Quell": "person:maris-quell",
    "Quell": "person:maris-quell",
    "Tobin Reyes": "person:tobin-reyes",
    "Reyes": "person:tobin-reyes",
    "Ines Moro": "person:ines-moro",
    "Harbour Guild": "organization:harbour-guild",
    "Lantern Salvage": "organization:lantern-salvage",
    "Corvo Marine": "organization:corvo-marine",
}


def article(article_id: str, outlet: str, body: str, names: list[str]) -> Article:
    """An article of one sentence whose entity mentions are `names`, found in order in the body."""
    mentions, offset = [], 0
    for name in names:
        start = body.index(name, offset)
        label = "PERSON" if IDS[name].startswith("person:") else "ORG"
        mentions.append(Mention(text=name, label=label, start=start, end=start + len(name), entity=IDS[name]))
        offset = start + len(name)
    return with_sentences(Article(id=article_id, source=f"{article_id}.txt", outlet=outlet, body=body, entities=mentions), [(0, len(body))])


def statements_of(*made: Article) -> list[Statement]:
    return find_statements(list(made), [parse(article.body) for article in made])


def participants(group: list[Statement]) -> list[Conflict]:
    return [conflict for conflict in find_conflicts(group) if conflict.kind == "participant"]


def test_a_different_cosignatory_is_a_conflict_naming_both_outlets_and_both_values() -> None:
    group = statements_of(
        article("a", "Alpha Post", "The harbour accord was signed by Odile Barrant and Fenwick Olu in Tarn.", ["Odile Barrant", "Fenwick Olu"]),
        article("b", "Beta Daily", "The harbour accord was signed by Odile Barrant and Maris Quell in Tarn.", ["Odile Barrant", "Maris Quell"]),
    )
    (conflict,) = participants(group)
    assert conflict.what == "participant"
    assert {(v.outlet, v.value) for v in conflict.values} == {
        ("Alpha Post", "Fenwick Olu and Odile Barrant"),
        ("Beta Daily", "Maris Quell and Odile Barrant"),
    }
    assert {v.text for v in conflict.values} == {"Odile Barrant and Fenwick Olu", "Odile Barrant and Maris Quell"}


def test_a_different_announcer_in_active_and_passive_voice_is_a_conflict() -> None:
    group = statements_of(
        article("a", "Alpha Post", "Harbour minister Odile Barrant announced the closure of the Tarn channel on Monday.", ["Odile Barrant"]),
        article("b", "Beta Daily", "The closure of the Tarn channel was announced by minister Tobin Reyes on Monday.", ["Tobin Reyes"]),
    )
    (conflict,) = participants(group)
    assert {(v.outlet, v.text, v.value) for v in conflict.values} == {
        ("Alpha Post", "Odile Barrant", "Odile Barrant"),
        ("Beta Daily", "Tobin Reyes", "Tobin Reyes"),
    }


def test_a_different_company_as_agent_is_a_conflict_among_three_outlets() -> None:
    group = statements_of(
        article("a", "Alpha Post", "Lantern Salvage towed the stranded barge off the Tarn sandbank overnight.", ["Lantern Salvage"]),
        article("b", "Beta Daily", "Corvo Marine towed the stranded barge off the Tarn sandbank overnight.", ["Corvo Marine"]),
        article(
            "c",
            "Gamma Wire",
            "Lantern Salvage towed the barge off the sandbank overnight, the Harbour Guild said.",
            ["Lantern Salvage", "Harbour Guild"],
        ),
    )
    (conflict,) = participants(group)
    assert {(v.outlet, v.value) for v in conflict.values} == {
        ("Alpha Post", "Lantern Salvage"),
        ("Beta Daily", "Corvo Marine"),
        ("Gamma Wire", "Lantern Salvage"),
    }


def test_an_omitted_cosignatory_is_not_a_conflict() -> None:
    group = statements_of(
        article("a", "Alpha Post", "The harbour accord was signed by Odile Barrant and Fenwick Olu in Tarn.", ["Odile Barrant", "Fenwick Olu"]),
        article("b", "Beta Daily", "Odile Barrant signed the harbour accord in Tarn on Wednesday.", ["Odile Barrant"]),
    )
    assert participants(group) == []


def test_paraphrases_titles_and_aliases_are_not_conflicts() -> None:
    group = statements_of(
        article("a", "Alpha Post", "The harbour accord was signed by Odile Barrant and Fenwick Olu in Tarn.", ["Odile Barrant", "Fenwick Olu"]),
        # the same two, by surname and in the active voice
        article("b", "Beta Daily", "Barrant and Olu put their names to the harbour accord; they signed it in Tarn.", ["Barrant", "Olu"]),
        # the same two by title only: no entity, so nothing to compare
        article("c", "Gamma Wire", "The two harbour ministers signed the accord in Tarn on Wednesday.", []),
        # the parties in a different order and voice
        article("d", "Delta Times", "Fenwick Olu and Odile Barrant signed the harbour accord at Tarn.", ["Fenwick Olu", "Odile Barrant"]),
    )
    assert participants(group) == []


def test_other_roles_and_sources_are_not_conflicts() -> None:
    group = statements_of(
        # a different person who only said it: a source, not a participant
        article("a", "Alpha Post", "Odile Barrant signed the harbour accord in Tarn, Fenwick Olu said.", ["Odile Barrant", "Fenwick Olu"]),
        article("b", "Beta Daily", "Odile Barrant signed the harbour accord in Tarn, Maris Quell said.", ["Odile Barrant", "Maris Quell"]),
        # another person in another role (the one she signed it with is named, not the signer)
        article("c", "Gamma Wire", "Odile Barrant signed the harbour accord with Tobin Reyes in Tarn.", ["Odile Barrant", "Tobin Reyes"]),
    )
    assert participants(group) == []


def test_a_person_and_an_organisation_are_not_compared() -> None:
    group = statements_of(
        article("a", "Alpha Post", "Odile Barrant towed the stranded barge off the Tarn sandbank overnight.", ["Odile Barrant"]),
        article("b", "Beta Daily", "Corvo Marine towed the stranded barge off the Tarn sandbank overnight.", ["Corvo Marine"]),
    )
    assert participant_conflicts(group) == []


def test_statements_of_one_article_are_not_compared_but_two_articles_of_one_outlet_are() -> None:
    first = "Lantern Salvage towed the stranded barge off the Tarn sandbank overnight."
    second = "Corvo Marine towed the stranded barge off the Tarn sandbank overnight."
    one_article = article("a", "Alpha Post", f"{first} {second}", ["Lantern Salvage", "Corvo Marine"])
    with_sentences(one_article, [(0, len(first)), (len(first) + 1, len(first) + 1 + len(second))])
    assert participant_conflicts(statements_of(one_article)) == []
    # A story and its update by the same outlet may disagree, and that is worth seeing.
    update = statements_of(
        article("a", "Alpha Post", first, ["Lantern Salvage"]),
        article("b", "Alpha Post", second, ["Corvo Marine"]),
    )
    assert len(participant_conflicts(update)) == 1


def test_an_agent_the_other_statement_mentions_in_another_role_is_not_a_conflict() -> None:
    group = statements_of(
        article("a", "Alpha Post", "The harbour accord was signed by Odile Barrant and Fenwick Olu in Tarn.", ["Odile Barrant", "Fenwick Olu"]),
        # Olu is named, as the drafter: the two statements do not give two different cosignatories
        article(
            "b",
            "Beta Daily",
            "The harbour accord, drafted by Fenwick Olu, was signed by Odile Barrant and Maris Quell.",
            ["Fenwick Olu", "Odile Barrant", "Maris Quell"],
        ),
    )
    assert participants(group) == []


def plain_article(article_id: str, outlet: str, body: str) -> Article:
    return with_sentences(Article(id=article_id, source=f"{article_id}.txt", outlet=outlet, body=body), [(0, len(body))])


def test_counts_of_the_dead_and_of_the_injured_are_compared_apart_each_outlet_showing_its_own() -> None:
    group = statements_of(
        plain_article("a", "The Ledger", "The death toll from the Orvel Pass landslide rose to 38, and nearly 90 were injured."),
        plain_article("b", "Valley Post", "Officials said 41 people were killed and 90 people were injured at Orvel Pass."),
    )
    numbers = {conflict.what: conflict for conflict in find_conflicts(group) if conflict.kind == "number"}
    assert list(numbers) == ["people dead"]  # 90 injured on both sides agree; 38 dead against 41 dead do not
    assert [(value.outlet, value.value) for value in numbers["people dead"].values] == [("The Ledger", "38 people"), ("Valley Post", "41 people")]


def test_counts_of_different_people_and_vague_plurals_are_no_conflict() -> None:
    def numbers(*bodies: str) -> list[Conflict]:
        made = [plain_article(chr(97 + index), f"Outlet {index}", body) for index, body in enumerate(bodies)]
        return [conflict for conflict in find_conflicts(statements_of(*made)) if conflict.kind == "number"]

    # Arrests come in batches: the four who attacked are not the nine held elsewhere.
    assert not numbers(
        "Police said they have arrested the four people who attacked Orvel Hall on Friday.",
        "Border guards have detained nine people allegedly linked to the Orvel Hall suspects.",
    )
    # "Hundreds of flights" says an order of magnitude, not a count to set against 97.
    assert not numbers("Tessel Air canceled 97 flights on Saturday.", "Tessel Air has canceled hundreds of flights since the incident.")
    # The same count, told around the same words, still conflicts.
    assert numbers("The fire at the Orvel depot burned for about six hours.", "It took eight and a half hours to put out the fire at the depot.")


def number_conflicts(*made: Article) -> list[Conflict]:
    return [conflict for conflict in find_conflicts(statements_of(*made)) if conflict.kind == "number"]


def test_figures_of_other_people_are_no_conflict_but_one_persons_two_figures_are() -> None:
    reyes = "Tobin Reyes caught 39 passes for the Gulls this season, a club record."
    assert not number_conflicts(
        article("a", "The Ledger", reyes, ["Tobin Reyes"]),
        article("b", "Valley Post", "Ines Moro caught 29 passes for the Gulls this season.", ["Ines Moro"]),
    )
    assert number_conflicts(
        article("a", "The Ledger", reyes, ["Tobin Reyes"]),
        article("b", "Valley Post", "Reyes caught 29 passes for the Gulls this season.", ["Reyes"]),
    )
    # A source who gives the figure is not whom it counts: the two outlets' sources differ, their counts still do.
    assert number_conflicts(
        article("a", "The Ledger", "Odile Barrant said 41 people were killed in the Orvel Pass landslide.", ["Odile Barrant"]),
        article("b", "Valley Post", "The Orvel Pass landslide killed 38 people, Fenwick Olu said.", ["Fenwick Olu"]),
    )


def test_a_figure_of_an_earlier_year_is_no_conflict_with_this_years() -> None:
    def dated(article_id: str, body: str, year: str | None, value: str | None = None) -> Article:
        made = plain_article(article_id, f"Outlet {article_id}", body)
        made.reference_date = dt.date(2031, 5, 2)
        if year:
            made.times = [TimeExpr(text=year, value=value or year, start=body.index(year), end=body.index(year) + len(year))]
        return made

    now = dated("a", "The landslide at Orvel Pass killed 38 people on Friday.", None)
    assert not number_conflicts(now, dated("b", "In 2019, a landslide at Orvel Pass killed 212 people.", "2019"))
    assert number_conflicts(now, dated("b", "The landslide at Orvel Pass killed 41 people.", None))
    # A month with its year written out places another event too; a month alone may be this one's.
    assert not number_conflicts(now, dated("b", "In September 2019 a landslide at Orvel Pass killed 212 people.", "September 2019", "2019-09"))
    assert number_conflicts(now, dated("b", "Since September a landslide at Orvel Pass killed 212 people.", "September", "2030-09"))
    # Nor is it shown beside this year's figures when those conflict.
    later = dated("b", "The landslide at Orvel Pass killed 41 people.", None)
    [conflict] = number_conflicts(now, later, dated("c", "In 2019, a landslide at Orvel Pass killed 212 people.", "2019"))
    assert [value.value for value in conflict.values] == ["38 people", "41 people"]


def test_a_count_under_a_modal_is_no_report_to_contradict() -> None:
    reported = plain_article("a", "The Ledger", "The landslide at Orvel Pass killed 38 people on Friday.")
    # A forecast, or a rule, is not what happened.
    assert not number_conflicts(reported, plain_article("b", "Valley Post", "The landslide at Orvel Pass could have killed 120 people."))
    assert number_conflicts(reported, plain_article("b", "Valley Post", "The landslide at Orvel Pass killed 41 people on Friday."))


def test_a_part_counted_in_a_whole_is_no_conflict_with_the_whole() -> None:
    whole = plain_article("a", "The Ledger", "Seven bullets struck the patrol car on Orvel Street, police said.")
    assert not number_conflicts(whole, plain_article("b", "Valley Post", "Three of the seven bullets struck the patrol car on Orvel Street."))
    assert number_conflicts(whole, plain_article("b", "Valley Post", "Nine bullets struck the patrol car on Orvel Street."))


def test_ages_are_compared_only_for_one_person() -> None:
    pike = plain_article("a", "The Ledger", "The jury convicted the 34-year-old Pike of defrauding the Orvel credit union.")
    assert not number_conflicts(pike, plain_article("b", "Valley Post", "The jury convicted Pike of defrauding his partner, the 29-year-old Moro."))
    assert number_conflicts(pike, plain_article("b", "Valley Post", "The jury convicted the 36-year-old Pike of defrauding the credit union."))


def test_figures_hung_from_different_verbs_are_no_conflict_unless_their_words_say_one_thing() -> None:
    storm = plain_article("a", "The Ledger", "The storm destroyed 40 homes in the Orvel valley overnight.")
    assert not number_conflicts(storm, plain_article("b", "Valley Post", "Volunteers rebuilt 12 homes in the valley."))
    assert number_conflicts(storm, plain_article("b", "Valley Post", "The storm destroyed 52 homes in the Orvel valley overnight."))
    # Two verbs for one spill: the words around the figures say it is the same fuel.
    assert number_conflicts(
        plain_article("a", "The Ledger", "An estimated 300 tonnes of diesel fuel has washed into Orvel Bay from the wreck."),
        plain_article("b", "Valley Post", "About 3,000 tonnes of diesel fuel has gushed into the bay through a breach in the hull."),
    )


def test_a_conflict_two_claims_share_is_reported_once_on_the_first() -> None:
    from newsprism.compare.conflicts import drop_repeated_conflicts
    from newsprism.model import Claim, ConflictValue

    def conflict(*values: tuple[str, str]) -> Conflict:
        return Conflict(kind="number", what="people injured", values=[ConflictValue(article=a, outlet=a, text=v, value=v) for a, v in values])

    first = Claim(id="claim-1", text="x", sources=[], support=2, conflicts=[conflict(("a", "15 people"), ("b", "17 people"))])
    second = Claim(id="claim-2", text="y", sources=[], support=2, conflicts=[conflict(("b", "17 people"), ("a", "15 people"))])
    third = Claim(id="claim-3", text="z", sources=[], support=3, conflicts=[conflict(("a", "15 people"), ("c", "14 people"))])
    drop_repeated_conflicts([first, second, third])
    assert [len(claim.conflicts) for claim in (first, second, third)] == [1, 0, 1]
    # A toll told in several claims: a later conflict whose outlets' values an earlier one all gives adds nothing, even
    # when it does not say what the count measures; one with a value of its own stays.
    toll = Claim(id="claim-1", text="x", sources=[], support=3, conflicts=[conflict(("a", "15 people"), ("b", "17 people"), ("c", "14 people"))])
    toll.conflicts[0].what = "people"
    part = Claim(id="claim-2", text="y", sources=[], support=2, conflicts=[conflict(("a", "15 people"), ("c", "14 people"))])
    more = Claim(id="claim-3", text="z", sources=[], support=2, conflicts=[conflict(("a", "15 people"), ("d", "19 people"))])
    drop_repeated_conflicts([toll, part, more])
    assert [len(claim.conflicts) for claim in (toll, part, more)] == [1, 0, 1]


def test_units_read_in_the_plural_as_a_reader_writes_them() -> None:
    from newsprism.compare.conflicts import plural

    units = ("ship", "casualty", "aircraft", "child", "day", "feet")
    assert [plural(unit) for unit in units] == ["ships", "casualties", "aircraft", "children", "days", "feet"]


def test_only_days_of_the_event_conflict() -> None:
    def dated(article_id: str, body: str, day: str, value: str) -> Article:
        made = plain_article(article_id, f"Outlet {article_id}", body)
        made.times = [TimeExpr(text=day, value=value, start=body.index(day), end=body.index(day) + len(day))]
        return made

    def days(*made: Article) -> list[Conflict]:
        return [conflict for conflict in find_conflicts(statements_of(*made)) if conflict.kind == "date"]

    monday = dated("a", "The ferry Tessel struck the Orvel pier on Monday night, the harbour master said.", "Monday", "2031-05-05")
    assert days(monday, dated("b", "The ferry Tessel struck the Orvel pier on Tuesday night.", "Tuesday", "2031-05-06"))
    # The day a source spoke dates the report, not the event.
    spoke = "On Tuesday, the ferry's owners explained that the ferry Tessel struck the Orvel pier at night."
    assert not days(monday, dated("b", spoke, "Tuesday", "2031-05-06"))
    # A plan is not an act: the ferry that struck the pier on Monday may sail again on Tuesday.
    sailed = dated("a", "The ferry Tessel sailed from the Orvel pier on Monday with 40 passengers.", "Monday", "2031-05-05")
    assert days(sailed, dated("b", "The ferry Tessel sailed from the Orvel pier on Tuesday with 40 passengers.", "Tuesday", "2031-05-06"))
    assert not days(sailed, dated("b", "The ferry Tessel will sail from the Orvel pier on Tuesday with 40 passengers.", "Tuesday", "2031-05-06"))
    # One sentence, syndicated, read against two pages' reference dates: the pages' dates differ, not the outlets.
    copy = "The ferry Tessel struck the Orvel pier on Monday night, the harbour master said."
    assert not days(monday, dated("b", copy, "Monday", "2031-05-12"))
    # Two acts of one case, dated by their own verbs: the trial opened on one day, the verdict came on another.
    # The clauses below the verbs tell the same crime, which is not what the days date.
    trial = dated("a", "Two deckhands went on trial on Monday for sinking the ferry Tessel off the Orvel pier.", "Monday", "2031-05-05")
    verdict = "One deckhand was convicted on Tuesday for sinking the ferry Tessel off the Orvel pier."
    assert not days(trial, dated("b", verdict, "Tuesday", "2031-05-06"))
    # One act worded otherwise still meets on its verb.
    fined = dated("a", "The owners of the ferry Tessel were fined 40,000 crowns on Monday.", "Monday", "2031-05-05")
    assert days(fined, dated("b", "On Tuesday the owners of the ferry Tessel were fined 40,000 crowns.", "Tuesday", "2031-05-06"))


def test_two_agents_of_one_verb_that_tell_acts_of_their_own_are_no_conflict() -> None:
    # Each rower "finished" with a time of her own: the verb is shared, the act is not, and nobody is named alike.
    group = statements_of(
        article("a", "Alpha Post", "Odile Barrant finished the Tarn regatta in second place after a slow start.", ["Odile Barrant"]),
        article("b", "Beta Daily", "Maris Quell finished with a course record and a lead of forty seconds over the field.", ["Maris Quell"]),
    )
    assert participant_conflicts(group) == []
