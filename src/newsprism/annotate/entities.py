"""Entities within one article: spaCy's named entities, grouped under the fullest name the article gives.

Approach:

* mentions are spaCy's PERSON, ORG, GPE, LOC, NORP, FAC, EVENT and LAW
  entities, trimmed of a leading "the", a possessive "'s" and honorifics
  ("Mr.", "Dr."), plus acronyms in parentheses after a name ("Radio Free Asia
  (RFA)"), which the statistical model often misses;
* a person is introduced by a name of two or more words; a later single
  word ("Putin", "Mr. Putin") joins the one introduced person whose first or
  last name it is. First *or* last, because Korean and Chinese names put the
  family name first ("Kim Jong Un"). When several introduced people share
  that word (Kim Jong Un, Kim Hong Kyun), the mention stays unresolved
  (`entity` None) rather than risk the wrong person;
* roles and titles are kept as attributes of the person: the title words
  before a name ("Russian Deputy Foreign Minister Andrey Rudenko") and an
  apposition after it ("John Kirby, the White House spokesman");
* a definite description ("the Russian president") becomes a mention of the
  one person whose roles contain all its words, when exactly one does;
* organisations and places join by normalised name (case, dots, hyphens),
  by acronym ("RFA" for Radio Free Asia) and by a small table of country
  names that no rule derives ("the Soviet Union" / "the USSR").

The article's groups are `Entity` records with article-local ids ("e1",
...); `newsprism.compare.entities` links them across the articles of a run.

Known limits: no pronoun resolution for entities (quotes resolve their own
pronoun speakers); a person named only by a single word throughout an
article is kept under that word; descriptions other than "the <title>" are
not resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsprism.annotate.language import body_of
from newsprism.model import Entity, Mention

ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "facility",
    "EVENT": "event",
    "LAW": "law",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx"}
# Words that make a phrase a role or title. Offices and ranks in news copy;
# modifiers such as "foreign" or "deputy" count only next to one of these.
TITLE_HEADS = {
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ambassador",
    "envoy",
    "general",
    "admiral",
    "colonel",
    "commander",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "pope",
    "ceo",
    "chief",
    "head",
    "official",
    "officer",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "lawmaker",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "adviser",
    "advisor",
    "aide",
    "deputy",
    "vice",
    "counsellor",
    "counselor",
    "diplomat",
    "correspondent",
    "editor",
    "analyst",
    "professor",
    "founder",
    "dictator",
    "monarch",
    "lieutenant",
    "captain",
    "sergeant",
    "marshal",
    "commissioner",
    "superintendent",
    "sheriff",
    "councillor",
    "councilor",
    "speaker",
    "whip",
    "coordinator",
    "negotiator",
}
# Country and bloc names that neither normalisation nor initials connect.
NAME_GROUPS = (
    ("united states", "us", "usa", "united states of america", "america"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("soviet union", "ussr", "union of soviet socialist republics"),
    ("russia", "russian federation"),
    ("north korea", "dprk", "democratic people's republic of korea"),
    ("south korea", "rok", "republic of korea"),
    ("china", "prc", "people's republic of china"),
    ("european union", "eu"),
    ("united nations", "un"),
)
NAME_GROUP_OF = {name: group[0] for group in NAME_GROUPS for name in group}
ACRONYM_SKIP = {"of", "the", "and", "for", "de", "&"}
POSSESSIVE = re.compile(r"['’]s?$")
NON_KEY = re.compile(r"[.\u00a0]")
SPACES = re.compile(r"[\s\-‐‑–]+")


def name_key(text: str) -> str:
    """A name in the form spellings are compared in: "the U.S." -> "us", "Kim Jong-un" -> "kim jong un"."""
    text = NON_KEY.sub("", text.lower())
    text = SPACES.sub(" ", text).strip()
    text = POSSESSIVE.sub("", text).strip()
    return text[4:] if text.startswith("the ") else text


def acronym(key: str) -> str | None:
    """Initials of a name of two or more words ("radio free asia" -> "rfa"); None for one-word names."""
    words = [word for word in key.split() if word not in ACRONYM_SKIP]
    return "".join(word[0] for word in words) if len(words) >= 2 else None


def canonical_key(key: str) -> str:
    """The key that equal names share: the first name of their group when the table knows them."""
    return NAME_GROUP_OF.get(key, key)


@dataclass
class Group:
    """One entity within the article while its mentions are gathered."""

    number: int
    type: str
    names: list[str] = field(default_factory=list)  # surface forms, in order
    roles: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)  # keys that were written in capitals ("rfa")
    tokens: list[str] = field(default_factory=list)  # the fullest name's words (people)

    @property
    def id(self) -> str:
        return f"e{self.number}"

    @property
    def name(self) -> str:
        # The fullest form: most words, then the spelling used first.
        return max(self.names, key=lambda name: (len(name.split()), -self.names.index(name)))


def find_entities(doc: Doc) -> tuple[list[Mention], list[Entity]]:
    """The article's entity mentions (with article-local entity ids) and its entity groups.

    A mention whose entity cannot be told apart (a bare "Kim" in an article
    naming two Kims) has `entity` None.
    """
    groups: list[Group] = []
    mentions: list[Mention] = []
    body = body_of(doc)
    for span in entity_spans(doc):
        label = span.label_
        text, start, end = trimmed(span, body)
        if not text:
            continue
        group = resolve(groups, ENTITY_TYPES[label], text)
        if group is not None:
            group.names.append(text)
            if ENTITY_TYPES[label] == "person":
                role = role_of(span)
                if role and role.lower() not in (existing.lower() for existing in group.roles):
                    group.roles.append(role)
        mentions.append(Mention(text=text, label=label, start=start, end=end, entity=group.id if group else None))
    mentions.extend(descriptions(doc, groups, mentions))
    mentions.sort(key=lambda mention: mention.start)
    # Readable ids, unique within the article ("person:vladimir-putin", "place:kessaria-2"): the gathering numbered them.
    readable: dict[str, str] = {}
    for group in groups:
        readable[group.id] = unique_id(entity_slug(group.type, group.name), set(readable.values()))
    for mention in mentions:
        if mention.entity is not None:
            mention.entity = readable[mention.entity]
    entities = [
        Entity(id=readable[group.id], name=group.name, type=group.type, aliases=sorted(set(group.names) - {group.name}), roles=group.roles)
        for group in groups
    ]
    return mentions, entities


SLUG = re.compile(r"[^a-z0-9]+")


def entity_slug(kind: str, name: str) -> str:
    """A readable entity id: the type and the name's key, "person:kim-jong-un"."""
    return f"{kind}:{SLUG.sub('-', name_key(name)).strip('-') or 'unnamed'}"


def unique_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3` ... when it is taken."""
    candidate, suffix = base, 2
    while candidate in used:
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    return candidate


def entity_spans(doc: Doc) -> list[Span]:
    """spaCy's entities of the kinds we keep, plus parenthesised acronyms right after an organisation or place.

    A place that is one adjective ("Ukrainian officials") is a nationality, as the tagger says: the small
    model's entity recogniser often calls it a place. A nationality the recogniser cut from the rest of a name
    ("Islamic | State", "Ukrainian | Foreign Ministry") is read with it as the organisation it names.
    """
    spans = [relabelled(span) for span in doc.ents if span.label_ in ENTITY_TYPES]
    spans = [organisation_named_from(span) for span in spans]
    for span in list(spans):
        if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
            candidate = doc[span.end + 1]
            if candidate.is_upper and len(candidate.text) >= 2 and not candidate.ent_type_:
                spans.append(doc[span.end + 1 : span.end + 2])
                spans[-1].label_ = span.label_
    return sorted(spans, key=lambda span: span.start)


def relabelled(span: Span) -> Span:
    """The span, labelled a nationality (NORP) when it is a place made of one adjective."""
    if span.label_ in ("GPE", "LOC") and len(span) == 1 and span[0].tag_ == "JJ":
        return Span(span.doc, span.start, span.end, label="NORP")
    return span


def organisation_named_from(span: Span) -> Span:
    """A nationality followed by capitalised nouns outside any entity ("Islamic State") as one organisation; not when the
    nouns hold a title ("Russian President", "Japanese Prime Minister"), which introduces a person, not a body."""
    if span.label_ != "NORP":
        return span
    end = span.end
    while end < len(span.doc) and span.doc[end].tag_ == "NNP" and not span.doc[end].ent_type_ and span.doc[end].is_title:
        if is_title(span.doc[end]):
            return span
        end += 1
    return Span(span.doc, span.start, end, label="ORG") if end > span.end else span


# Words a name does not end with: the recogniser sometimes stops before the name's last part
# ("the Investigative Committee of | Russia").
DANGLING_TAGS = frozenset({"IN", "CC", "DT", "TO"})


def trimmed(span: Span, body: str) -> tuple[str, int, int]:
    """The mention's text and offsets without a leading "the", honorifics, titles, a trailing possessive or a dangling
    "of" / "and"."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ == "the" or is_honorific(tokens[0]) or (span.label_ == "PERSON" and is_title(tokens[0]))):
        tokens.pop(0)
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].tag_ in DANGLING_TAGS):
        tokens.pop()
    if not tokens:
        return "", 0, 0
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return body[start:end], start, end


def is_honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS


def is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLE_HEADS


def resolve(groups: list[Group], kind: str, text: str) -> Group | None:
    """The group a mention belongs to (created when new); None when the mention is ambiguous."""
    key = canonical_key(name_key(text))
    if not key:
        return None
    if kind == "person":
        return resolve_person(groups, key)
    if kind == "organization" and " " not in key:
        # The small model often tags a lone surname as an organisation ("Trump
        # said"): a word that names exactly one person of the article is that person.
        named = [group for group in groups if group.type == "person" and len(group.tokens) >= 2 and key in (group.tokens[0], group.tokens[-1])]
        if len(named) == 1:
            named[0].keys.add(key)
            return named[0]
    # Only a name written in capitals is taken for an acronym ("RFA", not "Rfa").
    written_as_acronym = NON_KEY.sub("", text).isupper()
    for group in groups:
        if group.type != kind:
            continue
        if key in group.keys or (written_as_acronym and any(acronym(existing) == key for existing in group.keys)) or (acronym(key) in group.acronyms):
            group.keys.add(key)
            return group
    group = Group(number=len(groups) + 1, type=kind, keys={key})
    if written_as_acronym:
        group.acronyms.add(key)
    groups.append(group)
    return group


def resolve_person(groups: list[Group], key: str) -> Group | None:
    words = key.split()
    people = [group for group in groups if group.type == "person"]
    # A one-word name is checked against everyone introduced so far every
    # time: "Kim" meant Kim Jong Un until Kim Hong Kyun was introduced.
    for group in people:
        if key in group.keys and (len(words) > 1 or len(group.tokens) == 1):
            return group
    if len(words) == 1:
        # "Putin" -> Vladimir Putin; "Kim" -> the one Kim introduced, if only one was.
        named = [group for group in people if len(group.tokens) >= 2 and words[0] in (group.tokens[0], group.tokens[-1])]
        if len(named) > 1:
            return None
        if named:
            named[0].keys.add(key)
            return named[0]
    else:
        # A full name after a bare one ("Putin" ... "Vladimir Putin") completes it, when only one fits.
        bare = [group for group in people if len(group.tokens) == 1 and group.tokens[0] in (words[0], words[-1])]
        if len(bare) == 1:
            bare[0].tokens = words
            bare[0].keys.add(key)
            return bare[0]
    group = Group(number=len(groups) + 1, type="person", keys={key}, tokens=words)
    groups.append(group)
    return group


def role_of(span: Span) -> str | None:
    """The role or title the text gives a person at this mention, if any.

    Title words right before the name ("Russian Deputy Foreign Minister") or
    an apposition after it ("..., the White House national security spokesman,").
    """
    doc = span.doc
    first = span.start
    while first > span.sent.start:
        token = doc[first - 1]
        capitalised_modifier = token.is_title and token.pos_ in ("PROPN", "ADJ") and token.ent_type_ in ("", "ORDINAL")
        if is_title(token) or token.ent_type_ in ("NORP", "GPE", "ORG") or capitalised_modifier:
            first -= 1
            continue
        if token.tag_ == "POS" and first - 1 > span.sent.start:  # "South Korea's"
            first -= 1
            continue
        break
    before = doc[first : span.start]
    while len(before) and (is_honorific(before[0]) or before[0].tag_ == "POS"):
        before = before[1:]
    if len(before) and any(is_title(token) for token in before):
        return before.text
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= span.end:
                phrase = doc[child.left_edge.i : child.right_edge.i + 1]
                if len(phrase) <= 10 and any(is_title(word) for word in phrase) and not any(word.pos_ == "VERB" for word in phrase):
                    return phrase.text[4:] if phrase.text.lower().startswith("the ") else phrase.text
    return None


def descriptions(doc: Doc, groups: list[Group], mentions: list[Mention]) -> list[Mention]:
    """Mentions for "the <title>" phrases that fit exactly one person's roles ("the Russian president")."""
    taken = {(mention.start, mention.end) for mention in mentions}
    role_words = {
        group.id: {word.lower().rstrip(".") for role in group.roles for word in re.findall(r"[\w'.-]+", role)}
        for group in groups
        if group.type == "person" and group.roles
    }
    if not role_words:
        return []
    found = []
    for chunk in doc.noun_chunks:
        if len(chunk) < 2 or chunk[0].lower_ != "the" or not is_title(chunk.root) or chunk.root.i != chunk.end - 1:
            continue
        words = {token.lower_.rstrip(".") for token in chunk[1:]}
        fitting = [group_id for group_id, known in role_words.items() if words <= known]
        if len(fitting) == 1 and (chunk.start_char, chunk.end_char) not in taken:
            found.append(Mention(text=chunk.text, label="PERSON", start=chunk.start_char, end=chunk.end_char, entity=fitting[0]))
    return found
