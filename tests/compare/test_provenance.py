"""merge_quotes: hand-built articles (fictional people and outlets), then the seed pages and the bundled example."""

from __future__ import annotations

import json
import random
import time
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.compare.provenance import merge_quotes, normalize, quoted_fragments
from newsprism.model import Article, Quote, Story, StoryQuote
from tests.conftest import EXAMPLES, SHARED, analyzed

DREDGING = "We will dredge the northern channel before the autumn storms arrive, whatever the council decides."


def quote(text: str, speaker: str | None = None, kind: str = "direct", via: str | None = None) -> Quote:
    """A quote built by hand; the speaker's name is derived from the id ("person:ines-calloway" -> "Ines Calloway")."""
    name = speaker.split(":")[1].replace("-", " ").title() if speaker else None
    return Quote(text=text, speaker=speaker, speaker_name=name, cue="said", via=via, kind=kind, start=0, end=len(text))  # type: ignore[arg-type]


def article(article_id: str, *quotes: Quote, outlet: str | None = "") -> Article:
    built = Article(id=article_id, source=article_id, outlet=outlet if outlet != "" else f"The {article_id.title()} Gazette", body="")
    built.quotes = list(quotes)
    return built


def merged(*articles: Article) -> tuple[list[StoryQuote], dict[tuple[str, int], str]]:
    story_quotes, mapping = merge_quotes(list(articles))
    check_partition(list(articles), story_quotes, mapping)
    return story_quotes, mapping


def check_partition(articles: list[Article], story_quotes: list[StoryQuote], mapping: dict[tuple[str, int], str]) -> None:
    """Every quote in exactly one story quote, at most one quote per article in each, ids in output order."""
    assert [story_quote.id for story_quote in story_quotes] == [f"quote-{number}" for number in range(1, len(story_quotes) + 1)]
    keys = {(item.id, index) for item in articles for index in range(len(item.quotes))}
    assert set(mapping) == keys
    members = Counter(mapping.values())
    for story_quote in story_quotes:
        assert members[story_quote.id] == len(story_quote.sources)
        assert len({source.article for source in story_quote.sources}) == len(story_quote.sources)
        assert story_quote.text not in story_quote.variants
    assert sum(len(story_quote.sources) for story_quote in story_quotes) == len(keys)
    outlet_counts = [len(story_quote.outlets) for story_quote in story_quotes]
    assert outlet_counts == sorted(outlet_counts, reverse=True)


def group_of(story_quotes: list[StoryQuote], mapping: dict[tuple[str, int], str], article_id: str, index: int) -> StoryQuote:
    return next(story_quote for story_quote in story_quotes if story_quote.id == mapping[(article_id, index)])


def test_normalize_unifies_typography() -> None:
    assert normalize("\u201cWe\u2019re ready \u2014 for 1,200 tonnes,\u201d") == normalize('"We\'re ready - for 1200 tonnes"')
    assert normalize('"We\'re ready - for 1200 tonnes"') == "were ready for 1200 tonnes"
    assert normalize("military-technical  co\u00adoperation") == normalize("Military technical cooperation")


def test_quoted_fragments_even_when_the_span_starts_inside_the_marks() -> None:
    assert quoted_fragments('the mayor was "deeply sorry" and "ready to talk"') == ["deeply sorry", "ready to talk"]
    assert quoted_fragments("the main worry\u201d was whether the dam \u201cwill hold another winter.\u201d") == [
        "the main worry",
        "will hold another winter.",
    ]
    assert quoted_fragments("\u201cthe second paragraph runs on") == ["the second paragraph runs on"]


def test_exact_quote_is_one_story_quote_with_both_outlets() -> None:
    first = article("harbour", quote(DREDGING, "person:ines-calloway"))
    second = article("ledger", quote(DREDGING, "person:ines-calloway", via="Radio Tessel"))
    [story_quote], mapping = merged(first, second)
    assert story_quote.outlets == ["The Harbour Gazette", "The Ledger Gazette"]
    assert story_quote.text == DREDGING and story_quote.variants == []
    assert story_quote.speaker == "person:ines-calloway" and story_quote.speaker_name == "Ines Calloway"
    assert mapping == {("harbour", 0): "quote-1", ("ledger", 0): "quote-1"}


def test_near_exact_one_word_changed_and_other_punctuation() -> None:
    reworded = DREDGING.replace("autumn", "winter")
    typeset = "\u201cWe will dredge the northern channel before the autumn storms arrive \u2014 whatever the council decides\u201d"
    [story_quote], _ = merged(
        article("harbour", quote(DREDGING, "person:ines-calloway")),
        article("ledger", quote(reworded, "person:ines-calloway")),
        article("tribune", quote(typeset, None)),
    )
    assert len(story_quote.outlets) == 3
    # Only the changed word makes a variant; marks and dashes are the same wording.
    assert story_quote.variants == [reworded]
    assert story_quote.speaker == "person:ines-calloway"


def test_near_exact_short_sentence_with_its_middle_word_changed() -> None:
    story_quotes, _ = merged(
        article("harbour", quote("The ferry fares will rise in the spring.", "person:odo-brask")),
        article("ledger", quote("The ferry fares will fall in the spring.", "person:odo-brask")),
    )
    assert len(story_quotes) == 1 and story_quotes[0].variants == ["The ferry fares will fall in the spring."]


def test_partial_fragment_inside_a_mixed_quote_joins_the_full_quote() -> None:
    fragment = 'Calloway said the city would "dredge the northern channel before the autumn storms" this year'
    full = article("harbour", quote(DREDGING, "person:ines-calloway"))
    partial = article("ledger", quote(fragment, "person:ines-calloway", kind="mixed"))
    [story_quote], _ = merged(partial, full)
    assert story_quote.text == DREDGING and story_quote.kind == "direct"  # the fullest direct wording, whatever the order
    assert story_quote.variants == [fragment]
    assert [source.article for source in story_quote.sources] == ["ledger", "harbour"]


def test_short_quoted_fragment_needs_the_same_resolved_speaker() -> None:
    full = quote("We are not worried about the ferry. We are worried about the widening gap between the two islands.", "person:odo-brask")
    same = quote('the impact of "the widening gap" on fishing families', "person:odo-brask", kind="mixed")
    unknown = quote('the impact of "the widening gap" on fishing families', None, kind="mixed")
    story_quotes, _ = merged(article("harbour", full), article("ledger", same))
    assert len(story_quotes) == 1
    story_quotes, _ = merged(article("harbour", full), article("ledger", unknown))
    assert len(story_quotes) == 2


def test_quoted_hyphenated_term_matches_the_same_speakers_paraphrase() -> None:
    # One outlet paraphrases, another puts the speaker's two words in marks.
    paraphrase = quote("that Tessel would not rule out deeper naval-logistics cooperation with Brask", "person:odo-brask", "indirect")
    marked = quote("hinted at future \u201cnaval logistics cooperation.\u201d", "person:odo-brask", "mixed")
    other_speaker = quote("hinted at future \u201cnaval logistics cooperation.\u201d", "person:marta-quell", "mixed")
    assert len(merged(article("harbour", paraphrase), article("ledger", marked))[0]) == 1
    assert len(merged(article("harbour", paraphrase), article("ledger", other_speaker))[0]) == 2


def test_paraphrase_joins_only_with_a_long_shared_run() -> None:
    full = article("harbour", quote(DREDGING, "person:ines-calloway"))
    close = article("ledger", quote("that the city will dredge the northern channel before the autumn storms", "person:ines-calloway", "indirect"))
    loose = article("tribune", quote("that dredging would come before the bad weather", "person:ines-calloway", "indirect"))
    story_quotes, mapping = merged(full, close, loose)
    assert mapping[("harbour", 0)] == mapping[("ledger", 0)] != mapping[("tribune", 0)]


def test_two_paraphrases_sharing_a_background_phrase_stay_apart() -> None:
    first = article("harbour", quote("that the levy was set during his visit to the Tessel islands in 1998", "person:odo-brask", "indirect"))
    second = article("ledger", quote("that nothing has been built since his visit to the Tessel islands in 1998", None, "indirect"))
    assert len(merged(first, second)[0]) == 2


def test_different_quotes_by_the_same_speaker_stay_apart() -> None:
    first = article("harbour", quote("The northern channel is the priority for the harbour this year.", "person:ines-calloway"))
    second = article("ledger", quote("The harbour will hire forty new pilots by the end of the year.", "person:ines-calloway"))
    assert len(merged(first, second)[0]) == 2


def test_different_speakers_merge_only_on_an_exact_copy() -> None:
    reworded = DREDGING.replace("autumn", "winter")
    story_quotes, _ = merged(article("harbour", quote(DREDGING, "person:ines-calloway")), article("ledger", quote(reworded, "person:odo-brask")))
    assert len(story_quotes) == 2
    # A wire copy crediting the wrong person is still the same words.
    story_quotes, _ = merged(article("harbour", quote(DREDGING, "person:ines-calloway")), article("ledger", quote(DREDGING, "person:odo-brask")))
    assert len(story_quotes) == 1
    # ... but a short scrap said by two people is two quotes.
    story_quotes, _ = merged(
        article("harbour", quote("the new bridge", "person:ines-calloway", "indirect")),
        article("ledger", quote("the new bridge", "person:odo-brask", "indirect")),
    )
    assert len(story_quotes) == 2


def test_a_quote_split_in_one_article_contributes_its_longer_piece_once() -> None:
    # The harbour article splits the quote around its attribution into two quotes;
    # each article gives a story quote at most one source, so the longer piece joins.
    head = "We will dredge the northern channel before the autumn storms arrive,"
    tail = "whatever the council decides."
    split = article("harbour", quote(head, "person:ines-calloway"), quote(tail, "person:ines-calloway"))
    whole = article("ledger", quote(DREDGING, "person:ines-calloway"))
    story_quotes, mapping = merged(split, whole)
    assert mapping[("harbour", 0)] == mapping[("ledger", 0)] != mapping[("harbour", 1)]
    assert len(story_quotes) == 2


def test_fragments_within_one_article_never_merge() -> None:
    same = article("harbour", quote(DREDGING, "person:ines-calloway"), quote(DREDGING, "person:ines-calloway"))
    assert len(merged(same)[0]) == 2


def test_via_is_kept_per_source_and_unknown_outlet_falls_back_to_the_article_id() -> None:
    first = article("harbour", quote(DREDGING, "person:ines-calloway", via="Radio Tessel"))
    second = article("wire-17", quote(DREDGING, "person:ines-calloway", via="Tessel News Agency"), outlet=None)
    third = article("ledger", quote(DREDGING, "person:ines-calloway"))
    [story_quote], _ = merged(first, second, third)
    assert [(source.article, source.via) for source in story_quote.sources] == [
        ("harbour", "Radio Tessel"),
        ("wire-17", "Tessel News Agency"),
        ("ledger", None),
    ]
    assert story_quote.outlets == ["The Harbour Gazette", "wire-17", "The Ledger Gazette"]


def test_two_articles_of_one_outlet_count_as_one_outlet() -> None:
    first = article("morning", quote(DREDGING, "person:ines-calloway"), outlet="Tessel Daily")
    second = article("evening", quote(DREDGING, "person:ines-calloway"), outlet="Tessel Daily")
    [story_quote], _ = merged(first, second)
    assert story_quote.outlets == ["Tessel Daily"] and len(story_quote.sources) == 2


def test_ids_follow_outlet_count_then_first_appearance() -> None:
    lone = quote("The pilots have not been paid since March.", "person:odo-brask")
    pair = quote("Nobody will be allowed on the breakwater until the repairs are finished.", "person:ines-calloway")
    also_lone = quote("The ferry timetable stays as it is for now.", "person:marta-quell")
    story_quotes, mapping = merged(article("harbour", lone, pair), article("ledger", also_lone, pair))
    assert [story_quote.text for story_quote in story_quotes] == [pair.text, lone.text, also_lone.text]
    assert mapping == {("harbour", 1): "quote-1", ("ledger", 1): "quote-1", ("harbour", 0): "quote-2", ("ledger", 0): "quote-3"}


def test_chains_do_not_glue_different_quotes_together() -> None:
    # a ~ b and b ~ c share long runs, but a and c have nothing in common.
    a = "The pier will close on Monday for repairs to the lower deck and the old crane will be removed by barge."
    b = "The old crane will be removed by barge and the fish market will move to the car park behind the station."
    c = "The fish market will move to the car park behind the station until the roof is fixed next spring."
    story_quotes, mapping = merged(
        article("harbour", quote(a, "person:ines-calloway")),
        article("ledger", quote(b, "person:ines-calloway")),
        article("tribune", quote(c, "person:ines-calloway")),
    )
    assert len({mapping[("harbour", 0)], mapping[("ledger", 0)], mapping[("tribune", 0)]}) == 2
    assert mapping[("harbour", 0)] != mapping[("tribune", 0)]


WORDS = ["the", "channel", "pilots", "storm", "will", "open", "bridge", "council", "before", "winter", "of", "ferry"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
                st.sampled_from([None, "person:ines-calloway", "person:odo-brask"]),
                st.sampled_from(["direct", "mixed", "indirect"]),
            ),
            max_size=6,
        ),
        max_size=5,
    )
)
def test_every_quote_lands_in_exactly_one_story_quote(specs: list[list[tuple[list[str], str | None, str]]]) -> None:
    articles = [article(f"a{number}", *(quote(" ".join(words), speaker, kind) for words, speaker, kind in quotes))
                for number, quotes in enumerate(specs)]
    merged(*articles)


def test_a_few_hundred_quotes_merge_quickly() -> None:
    # 300 quotes over ten articles: 200 distinct sentences, 100 copies of them
    # (some cut to a fragment), speakers drawn from a few people.
    rng = random.Random(7)
    vocabulary = [f"w{number}" for number in range(400)] + ["the", "of", "and", "to", "a", "in", "that", "is"] * 20
    speakers = [None, "person:ines-calloway", "person:odo-brask", "person:marta-quell"]
    sentences = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 40))) for _ in range(200)]
    texts = sentences + [(text if rng.random() < 0.5 else " ".join(text.split()[2:9])) for text in rng.sample(sentences, 100)]
    rng.shuffle(texts)
    articles = [article(f"outlet{number}", *(quote(text, rng.choice(speakers)) for text in texts[number::10])) for number in range(10)]
    started = time.perf_counter()
    merged(*articles)
    assert time.perf_counter() - started < 1.0


# --- the real seed pages (skipped when ../shared is absent) and the bundled fictional example ---


@pytest.fixture(scope="module")
def seed_story() -> Story:
    path = SHARED / "corpus" / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return analyzed(str(path))


@pytest.fixture(scope="module")
def example_story() -> Story:
    return analyzed(str(EXAMPLES / "port-veyra-grounding"))


def carriers(story: Story, speaker: str, *words: str) -> set[str]:
    """Outlet keys of the articles with a quote by `speaker` holding all `words` (normalized)."""
    wanted = [normalize(word) for word in words]
    return {
        item.outlet or item.id
        for item in story.articles
        for found in item.quotes
        if found.speaker == speaker and all(word in normalize(found.text) for word in wanted)
    }


def test_seed_kirby_quote_is_one_story_quote_across_its_outlets(seed_story: Story) -> None:
    story_quotes, mapping = merge_quotes(seed_story.articles)
    check_partition(seed_story.articles, story_quotes, mapping)
    outlets = carriers(seed_story, "person:john-kirby", "deepening relationship")
    assert len(outlets) == 2  # two of the five pages quote him on it, one in full and one in fragments
    [kirby] = [story_quote for story_quote in story_quotes if "deepening relationship" in normalize(story_quote.text)]
    assert set(kirby.outlets) == outlets
    assert kirby.speaker == "person:john-kirby" and kirby.kind == "direct"
    assert "concerned" in normalize(kirby.text)  # the fuller wording represents it


def test_seed_putin_quote_is_merged_across_outlets(seed_story: Story) -> None:
    # Putin's "military-technical cooperation" is reported speech on one page ("Putin also says that Russia would
    # not rule out ...") and two words in quotation marks after "hinted at" on another: the only Putin words two seed
    # pages share. Both must be extracted, with Putin as the speaker, and merged into one story quote.
    outlets = carriers(seed_story, "person:vladimir-putin", "military-technical cooperation")
    assert len(outlets) >= 2, f"the annotator finds the quote in {len(outlets)} page(s) only"
    story_quotes, _ = merge_quotes(seed_story.articles)
    [putin] = [story_quote for story_quote in story_quotes if "military technical cooperation" in normalize(story_quote.text)]
    assert set(putin.outlets) == outlets and putin.speaker == "person:vladimir-putin"


def test_seed_putin_quotes_of_one_page_only_stay_single(seed_story: Story) -> None:
    story_quotes, _ = merge_quotes(seed_story.articles)
    for story_quote in story_quotes:
        if story_quote.speaker == "person:vladimir-putin" and "moscow" in normalize(story_quote.text):
            assert len(story_quote.outlets) == 1, story_quote  # his invitations to Moscow appear on one page only


def test_example_quote_carried_by_two_outlets(example_story: Story) -> None:
    key = json.loads((EXAMPLES / "port-veyra-grounding.expected.json").read_text(encoding="utf-8"))
    clarion = next(q for q in key["articles"]["kessarian-clarion.txt"]["quotes"] if q["text_fragment"] == "cooperating fully")
    courier = next(q for q in key["articles"]["veyra-courier.txt"]["quotes"] if "cooperating fully" in q["text_fragment"])
    assert clarion["speaker"] == courier["speaker"] == "Anna Vossberg"
    story_quotes, mapping = merge_quotes(example_story.articles)
    check_partition(example_story.articles, story_quotes, mapping)
    [vossberg] = [story_quote for story_quote in story_quotes if "cooperating fully" in normalize(story_quote.text)]
    assert set(vossberg.outlets) == {"The Kessarian Clarion", "The Veyra Courier"}
    assert vossberg.speaker_name == "Anna Vossberg"
    assert any(normalize(courier["text_fragment"]) in normalize(source.text) for source in vossberg.sources)
    # Ilona Varesh's two different expectations (reimbursement; the voyage data) share
    # only "her government expected" and stay two quotes.
    varesh = [story_quote for story_quote in story_quotes if "her government expected" in normalize(story_quote.text)]
    assert len(varesh) >= 2 and all(len(story_quote.outlets) == 1 for story_quote in varesh)


def test_three_content_words_both_outlets_put_in_quotation_marks_are_one_quote_whoever_is_credited() -> None:
    claimed = quote('that its crews sank the barge, "flooding and disabling every lock" on the canal', "organization:tessel-front", "mixed")
    uncredited = quote('its crews struck at dawn, "flooding and disabling every lock and gate" before they left', None, "mixed")
    assert len(merged(article("harbour", claimed), article("ledger", uncredited))[0]) == 1
    # Two content words are not enough without the same speaker (see the test above).
    short = quote('its crews struck at dawn, "flooding every lock" before they left', None, "mixed")
    assert len(merged(article("harbour", quote('they boasted of "flooding every lock" on the canal', "organization:tessel-front", "mixed")),
                      article("ledger", short))[0]) == 2  # fmt: skip


def test_one_persons_sentence_in_two_translations_is_one_quote_but_its_negation_is_not() -> None:
    from tests.conftest import MODELS

    first = quote("Everyone who planned, paid for or carried out this attack on the ferry will be justly and inevitably punished. "
                  "Nobody will escape. We will not rest.", "person:ilse-marrow")  # fmt: skip
    second = quote("All who organised, financed and committed this attack on the ferry will receive a just and inevitable punishment,", None)
    second.speaker_name = "Marrow"
    stories, _ = merge_quotes([article("harbour", first), article("ledger", second)], MODELS.encoder)
    assert len(stories) == 1 and set(stories[0].outlets) == {"The Harbour Gazette", "The Ledger Gazette"}
    # Without the encoder, no semantic matching: the two wordings share too few words.
    assert len(merge_quotes([article("harbour", first), article("ledger", second)])[0]) == 2
    negated = quote("Everyone who planned this attack on the ferry will not be justly and inevitably punished.", None)
    negated.speaker_name = "Marrow"
    assert len(merge_quotes([article("harbour", first), article("ledger", negated)], MODELS.encoder)[0]) == 2
    other_person = quote("All who organised, financed and committed this attack on the ferry will receive a just and inevitable punishment,", None)
    other_person.speaker_name = "a spokesman"
    assert len(merge_quotes([article("harbour", first), article("ledger", other_person)], MODELS.encoder)[0]) == 2
