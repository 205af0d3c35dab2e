"""Entities across the articles of a story: one canonical id per real-world entity.

Each article arrives with its own entity groups (`Article.prepared.entities`,
from `newsprism.annotate.entities`). Groups of different articles are the
same entity when

* their normalised names are equal ("Kim Jong Un" / "Kim Jong-un", "the U.S." /
  "US") or a country table puts them together ("the Soviet Union" / "the USSR");
* one is the acronym of the other ("RFA" / "Radio Free Asia");
* a person named by one word in an article ("Putin") has exactly one
  person of the story whose first or last name that word is (or, when none
  is, is but for one letter: "Gilreat" for Shannon Gilreath);
* a full name is another one misspelt by one letter in its last word, with
  the same first names ("Duncan Raite" / "Duncan Rait"), and no other person
  of the story is spelt that close;
* a short organisation name begins exactly one longer one ("Caldera Line" /
  "Caldera Line Shipping").

Full names that differ stay apart, so Kim Jong Un, Kim Jong Il and Kim Hong
Kyun are three people, and North Korea and South Korea two places. A bare
name that fits several people of the story stays unresolved (its mentions'
`entity` is None). Types may disagree between articles (spaCy calls an
outlet an ORG in one text and a GPE in another, a surname a PERSON here and
an ORG there): groups of any type link by name, and the entity takes the
type most articles gave it.

Ids are readable and unique within a story: "person:vladimir-putin", "place:north-korea".
"""

from __future__ import annotations

from collections import Counter

from newsprism.annotate.entities import acronym, canonical_key, entity_slug, name_key, unique_id
from newsprism.model import Article, Entity, Mention


class Links:
    """Union-find over (article index, local entity) pairs."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, str], tuple[int, str]] = {}

    def add(self, item: tuple[int, str]) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: tuple[int, str]) -> tuple[int, str]:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: tuple[int, str], second: tuple[int, str]) -> None:
        self.parent[self.find(first)] = self.find(second)


def link_entities(articles: list[Article]) -> list[Entity]:
    """The story's entity table; sets every mention's `entity` and every quote's `speaker` to story-wide ids.

    Returns the entities sorted by how many articles mention them (then by name).
    """
    links = Links()
    local: dict[tuple[int, str], Entity] = {}
    for number, article in enumerate(articles):
        for entity in article.prepared.entities if article.prepared else []:
            local[(number, entity.id)] = entity
            links.add((number, entity.id))

    # Same name (or country-table name) links any two groups, whatever types
    # the model gave them; an acronym links to the name it abbreviates.
    by_key: dict[str, tuple[int, str]] = {}
    for item, entity in local.items():
        for key in keys_of(entity):
            if key in by_key:
                links.join(item, by_key[key])
            else:
                by_key[key] = item
    for item, entity in local.items():
        short = acronym(name_key(entity.name))
        if entity.type != "person" and short and short in by_key and is_written_acronym(local[by_key[short]]):
            links.join(item, by_key[short])
    # A short organisation name ("Caldera Line") joins the one longer name of the story it begins ("Caldera Line Shipping").
    organizations = {name_key(entity.name): item for item, entity in local.items() if entity.type == "organization"}
    for key, item in organizations.items():
        longer = {links.find(other) for other_key, other in organizations.items() if other_key.startswith(key + " ")}
        if len(longer) == 1:
            links.join(item, longer.pop())

    # A full name misspelt by one letter in its last word ("Duncan Raite") joins the one person of the story spelt
    # otherwise with the same first names ("Duncan Rait").
    person_names = [(item, name_key(entity.name).split()) for item, entity in local.items() if entity.type == "person"]
    full_names = [(item, words) for item, words in person_names if len(words) >= 2]
    for item, words in full_names:
        close = {links.find(other) for other, others in full_names if others[:-1] == words[:-1] and one_letter_apart(words[-1], others[-1])}
        close.discard(links.find(item))
        if len(close) == 1:
            links.join(item, close.pop())

    # A one-word person joins the one multi-word person of the story it names (or, failing that, names but for one letter).
    full_people: dict[str, set[tuple[int, str]]] = {}
    for item, words in full_names:
        for word in (words[0], words[-1]):
            full_people.setdefault(word, set()).add(links.find(item))
    unresolved: set[tuple[int, str]] = set()
    for item, words in person_names:
        if len(words) == 1:
            roots = {links.find(candidate) for candidate in full_people.get(words[0], set())}
            if not roots:
                misspelt = [candidates for word, candidates in full_people.items() if one_letter_apart(words[0], word)]
                roots = {links.find(candidate) for candidates in misspelt for candidate in candidates}
            if len(roots) == 1:
                links.join(item, roots.pop())
            elif len(roots) > 1:
                unresolved.add(item)

    members: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for item in local:
        if item not in unresolved:
            members.setdefault(links.find(item), []).append(item)
    story_id: dict[tuple[int, str], str | None] = dict.fromkeys(unresolved)
    table: list[Entity] = []
    used_ids: set[str] = set()
    for group in members.values():
        entity = merged(articles, [local[item] for item in group], [item[0] for item in group], used_ids)
        table.append(entity)
        for item in group:
            story_id[item] = entity.id

    names = {entity.id: entity.name for entity in table}
    by_id = {entity.id: entity for entity in table}
    for number, article in enumerate(articles):
        for mention in article.entities:
            if mention.entity is not None:
                mention.entity = story_id.get((number, mention.entity))
        present = [entity for entity in table if article.id in entity.articles]
        for quote in article.quotes:
            speaker = speaker_mention(article.entities, quote.speaker_span)
            entity_id = speaker.entity if speaker is not None else None
            if entity_id is None and quote.speaker_name:
                # The model missed the speaker's name as an entity ("Varesh said"): read the name itself.
                entity_id = person_named(quote.speaker_name, present)
            if entity_id is not None and by_id[entity_id].type in PLACE_TYPES:
                entity_id = organization_named(by_id[entity_id].name, present)
            if entity_id is not None:
                quote.speaker = entity_id
                quote.speaker_name = names[entity_id]
    table.sort(key=lambda entity: (-len(entity.articles), entity.name.lower()))
    return table


def speaker_mention(mentions: list[Mention], span: tuple[int, int] | None) -> Mention | None:
    """The entity mention that names a quote's speaker: one that overlaps the speaker span and reaches its end, where
    the phrase's head is. A name that only modifies the head ("Russian" in "Russian authorities", "Tokyo" in "Tokyo's
    fire department") names no speaker: the authorities speak, not Russia."""
    if span is None:
        return None
    start, end = span
    return next((mention for mention in mentions if mention.start < end and start < mention.end and mention.end >= end), None)


# Entity types that are not speakers: a place does not speak ("Alaska said" is its airline, "Ukraine denied" its
# government, which the story may not name as an entity), nor does a building.
PLACE_TYPES = frozenset({"place", "facility"})


def organization_named(name: str, present: list[Entity]) -> str | None:
    """The one organisation of the article whose name begins with a place's name ("Alaska" -> "Alaska Airlines"),
    the speaker a place's name stands for in a story about it; None when none or several do."""
    key = name_key(name)
    fitting = [entity.id for entity in present if entity.type == "organization" and name_key(entity.name).startswith(key + " ")]
    return fitting[0] if len(fitting) == 1 else None


# Shorter names are too often two people's ("Lee" / "Lea", "Rao" / "Roy").
MISSPELT_MIN_LETTERS = 4


def one_letter_apart(first: str, second: str) -> bool:
    """Whether two names of MISSPELT_MIN_LETTERS letters or more differ by one letter changed, added or dropped."""
    if first == second or abs(len(first) - len(second)) > 1 or min(len(first), len(second)) < MISSPELT_MIN_LETTERS:
        return False
    if len(first) == len(second):
        return sum(a != b for a, b in zip(first, second, strict=True)) == 1
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def person_named(name: str, people: list[Entity]) -> str | None:
    """The id of the one person of `people` this name is, or a surname of; None when none or several fit."""
    key = name_key(name)
    fitting = set()
    for entity in people:
        words = name_key(entity.name).split()
        if entity.type == "person" and words and (" ".join(words) == key or (" " not in key and key in (words[0], words[-1]))):
            fitting.add(entity.id)
    return fitting.pop() if len(fitting) == 1 else None


def keys_of(entity: Entity) -> set[str]:
    """Name keys that identify an entity: its name's and, for places and organisations, its aliases'."""
    names = [entity.name] if entity.type == "person" else [entity.name, *entity.aliases]
    return {canonical_key(name_key(name)) for name in names if name_key(name)}


def is_written_acronym(entity: Entity) -> bool:
    return any(name.replace(".", "").isupper() for name in [entity.name, *entity.aliases])


def merged(articles: list[Article], parts: list[Entity], article_numbers: list[int], used_ids: set[str]) -> Entity:
    """One story-wide entity from the article groups that name it."""
    spellings: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for part in parts:
        spellings[part.name] += 1
        types[part.type] += 1
    # The spelling most articles use among the fullest forms ("Kim Jong Un" over "Kim").
    most_words = max(len(name.split()) for name in spellings)
    name = max((spelling for spelling in spellings if len(spelling.split()) == most_words), key=lambda spelling: (spellings[spelling], spelling))
    kind = types.most_common(1)[0][0]
    aliases = sorted({alias for part in parts for alias in [part.name, *part.aliases]} - {name})
    roles: list[str] = []
    for part in parts:
        for role in part.roles:
            if role.lower() not in (known.lower() for known in roles):
                roles.append(role)
    entity_id = unique_id(entity_slug(kind, name), used_ids)
    used_ids.add(entity_id)
    article_ids = list(dict.fromkeys(articles[number].id for number in sorted(article_numbers)))
    return Entity(id=entity_id, name=name, type=kind, aliases=aliases, roles=roles, articles=article_ids)
