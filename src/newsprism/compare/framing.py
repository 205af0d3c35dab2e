"""Framing across outlets: each outlet's profile, the labels it gives the key actors, whose voices it uses.

Approach:

* an outlet's score is the share of its own-voice sentences (not inside
  quotes) that carry loaded wording or editorializing, over all its articles
  (see `newsprism.annotate.framing`); profiles are listed least loaded first;
* labels: the words each outlet uses for each person who appears in two or
  more outlets (titles, appositions and its own loaded labels), side by side;
* voices: the speakers an outlet quotes, grouped by whom they speak for.
  The affiliation is read from the words the story itself gives the speaker
  (its name and roles: "Russian Deputy Foreign Minister", "the North's party
  newspaper", "analyst"), and the country from the nationality or place
  among those words. Nothing is looked up outside the articles, so a
  speaker the texts do not describe stays "unknown".
"""

from __future__ import annotations

import re
from collections import Counter

from newsprism.annotate.framing import same_nation
from newsprism.model import ActorLabel, ActorLabels, Article, Entity, OpinionSentence, OutletFraming, StoryFraming, VoiceGroup

KEY_ACTOR_OUTLETS = 2  # a person named by this many outlets is a key actor
# A speaker described with a media word is media; state media when a state word comes with it ("party newspaper").
MEDIA_WORDS = frozenset(
    {"newspaper", "paper", "broadcaster", "radio", "television", "tv", "news", "daily", "magazine", "editorial",
     "reporter", "correspondent", "journalist", "outlet", "media", "network", "channel", "press"}
)
STATE_WORDS = frozenset({"state-run", "state-owned", "state", "party", "official"})
# Otherwise, words that say whom a speaker speaks for, checked in this order (the first group that matches wins).
AFFILIATION_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    # Named analysts ("founder", "professor") before any title that sounds official ("president" of a think tank).
    (
        "analyst",
        frozenset({"analyst", "expert", "professor", "researcher", "scholar", "economist", "scientist", "founder", "consultant", "academic"}),
    ),
    (
        "government",
        frozenset(
            {"president", "minister", "ministry", "prime", "premier", "spokesman", "spokeswoman", "spokesperson", "official", "officials",
             "government", "adviser", "advisor", "ambassador", "envoy", "department", "secretary", "senator", "governor", "mayor", "cabinet",
             "parliament", "lawmaker", "military", "army", "navy", "command", "commander", "general", "authority", "authorities", "leader",
             "council", "councillor", "councilor", "chancellor", "king", "queen", "diplomat", "embassy", "coast", "guard", "police",
             "agency", "administration", "kremlin", "house", "office"}
        ),
    ),
    ("analyst", frozenset({"fellow", "think", "tank", "institute", "university", "lecturer", "director", "coordinator", "former"})),
    (
        "citizen",
        frozenset({"resident", "fisherman", "fishermen", "fisher", "farmer", "worker", "dockworker", "trader", "witness", "local", "shopkeeper",
                   "parent", "student", "volunteer", "activist", "campaigner", "villager", "citizen", "passenger", "neighbour", "neighbor"}),
    ),
    ("organization", frozenset({"company", "firm", "group", "union", "association", "federation", "charity", "owner", "operator", "insurer"})),
)


def compare_framing(articles: list[Article], entities: list[Entity]) -> StoryFraming:
    """The story's framing comparison: outlet profiles, least loaded first, and the key actors' labels."""
    by_outlet: dict[str, list[Article]] = {}
    for article in articles:
        by_outlet.setdefault(article.reporting_outlet, []).append(article)
    entity_by_id = {entity.id: entity for entity in entities}
    affiliations = Affiliations(entities)
    profiles = [outlet_profile(outlet, group, entity_by_id, affiliations) for outlet, group in by_outlet.items()]
    profiles.sort(key=lambda profile: (profile.score is None, profile.score or 0.0, profile.outlet))
    return StoryFraming(outlets=profiles, labels=labels_by_outlet(articles, entity_by_id))


def outlet_profile(outlet: str, articles: list[Article], entity_by_id: dict[str, Entity], affiliations: Affiliations) -> OutletFraming:
    """One outlet's framing over its articles: score, evidence spans, editorializing and voices."""
    own: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    editorializing: list[OpinionSentence] = []
    weighted = weight = 0.0
    sentences = biased = 0
    for article in articles:
        framing = article.framing
        for term in framing.loaded:
            if term.voice == "outlet":
                own[term.text] += 1
            else:
                quoted[f"{term.text} ({term.speaker_name})" if term.speaker_name else term.text] += 1
        editorializing.extend(framing.opinion)
        sentences += len(framing.sentences)
        biased += sum(verdict.biased for verdict in framing.sentences)
        if framing.score is not None:
            weighted += framing.score * len(framing.sentences)
            weight += len(framing.sentences)
    return OutletFraming(
        outlet=outlet,
        articles=[article.id for article in articles],
        score=round(weighted / weight, 4) if weight else None,
        biased_sentences=biased,
        sentences=sentences,
        loaded=_distinct(own),
        loaded_in_quotes=_distinct(quoted),
        editorializing=editorializing,
        voices=voice_groups(articles, entity_by_id, affiliations),
    )


def _distinct(counts: Counter[str]) -> list[str]:
    """Terms most frequent first, one spelling per term whatever its case."""
    seen: set[str] = set()
    terms = []
    for term, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower())):
        if term.lower() not in seen:
            seen.add(term.lower())
            terms.append(term)
    return terms


def labels_by_outlet(articles: list[Article], entity_by_id: dict[str, Entity]) -> list[ActorLabels]:
    """For each key actor (a person named by two or more outlets), the words each outlet uses for them."""
    labels: dict[str, dict[str, list[str]]] = {}
    outlets_naming: dict[str, set[str]] = {}
    people = [entity for entity in entity_by_id.values() if entity.type == "person"]
    for article in articles:
        outlet = article.reporting_outlet
        for mention in article.entities:
            if mention.entity and entity_by_id.get(mention.entity) is not None and entity_by_id[mention.entity].type == "person":
                outlets_naming.setdefault(mention.entity, set()).add(outlet)
        for use in article.prepared.labels if article.prepared else []:
            person = _person_named(article, use, people)
            if person is not None:
                used = labels.setdefault(person, {}).setdefault(outlet, [])
                if use.words not in used:
                    used.append(use.words)
    key_actors = [entity for entity_id, entity in entity_by_id.items() if len(outlets_naming.get(entity_id, ())) >= KEY_ACTOR_OUTLETS]
    key_actors.sort(key=lambda entity: (-len(outlets_naming[entity.id]), entity.name))
    return [ActorLabels(entity=entity.id, name=entity.name, labels=labels.get(entity.id, {})) for entity in key_actors if labels.get(entity.id)]


def _person_named(article: Article, use: ActorLabel, people: list[Entity]) -> str | None:
    """The story-wide id of the person a label use names: by its mention, or the one person of its nationality."""
    if use.mention is not None:
        return next((m.entity for m in article.entities if (m.start, m.end) == use.mention and m.entity), None)
    if not use.nations:
        return None
    fitting = [
        person
        for person in people
        if all(any(same_nation(nation, word) for word in re.findall(r"\w+", " ".join(person.roles).lower())) for nation in use.nations)
    ]
    fitting.sort(key=lambda person: -len(person.articles))
    if not fitting or (len(fitting) > 1 and len(fitting[0].articles) == len(fitting[1].articles)):
        return None  # nobody, or no one person stands out
    return fitting[0].id


class Affiliations:
    """`affiliation_of` over one story's entities, each speaker worked out once however often they are quoted."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.found: dict[tuple[str, str | None], tuple[str, str | None]] = {}

    def __call__(self, name: str, speaker: Entity | None) -> tuple[str, str | None]:
        key = (name, speaker.id if speaker else None)
        if key not in self.found:
            self.found[key] = affiliation_of(name, speaker, self.entities)
        return self.found[key]


def voice_groups(articles: list[Article], entity_by_id: dict[str, Entity], affiliations: Affiliations) -> list[VoiceGroup]:
    """The speakers the articles quote, grouped by affiliation and country, most quoted group first."""
    groups: dict[tuple[str, str | None], Counter[str]] = {}
    for article in articles:
        for quote in article.quotes:
            speaker = entity_by_id.get(quote.speaker) if quote.speaker else None
            name = speaker.name if speaker else quote.speaker_name
            if not name:
                continue
            affiliation, country = affiliations(name, speaker)
            groups.setdefault((affiliation, country), Counter())[name] += 1
    ordered = sorted(groups.items(), key=lambda item: (-sum(item[1].values()), item[0][0], item[0][1] or ""))
    return [
        VoiceGroup(affiliation=affiliation, country=country, speakers=[name for name, _ in counts.most_common()], quotes=sum(counts.values()))
        for (affiliation, country), counts in ordered
    ]


def affiliation_of(name: str, speaker: Entity | None, entities: list[Entity]) -> tuple[str, str | None]:
    """Whom a speaker speaks for ('government', 'state media', ...) and their country, from the story's own words."""
    description = " ".join([name, *(speaker.roles if speaker else [])])
    words = {word.lower() for word in re.findall(r"[\w-]+", description)}
    country = _country_in(description, speaker, entities)
    if speaker is not None and speaker.type == "place":
        return "government", speaker.name  # "North Korea blames ...": the country speaking through its government
    if speaker is None:
        # A quote's speaker is never a place entity (compare.entities): "Ukraine denied" keeps only the name.
        place = next((entity for entity in entities if entity.type == "place" and name in (entity.name, *entity.aliases)), None)
        if place is not None:
            return "government", place.name
    if words & MEDIA_WORDS:
        return ("state media" if words & STATE_WORDS else "media"), country
    for affiliation, cues in AFFILIATION_WORDS:
        if words & cues or {word.rstrip("s") for word in words} & cues:  # "fishermen" no, "residents" yes
            return affiliation, country
    if speaker is not None and speaker.type == "organization":
        return "organization", country
    return "unknown", country


def _country_in(description: str, speaker: Entity | None, entities: list[Entity]) -> str | None:
    """The story's place whose name (or its nationality adjective) appears in the speaker's description."""
    places = [entity for entity in entities if entity.type == "place" and entity is not speaker]
    words = re.findall(r"\w+", description)
    for place in sorted(places, key=lambda entity: -len(entity.name)):
        for form in (place.name, *place.aliases):
            name = re.findall(r"\w+", form)
            runs = (words[i : i + len(name)] for i in range(len(words) - len(name) + 1))
            if name and any(all(same_nation(part, word) for part, word in zip(name, run, strict=True)) for run in runs):
                return place.name
    return None
