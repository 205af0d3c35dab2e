"""Participants: where the statements of one claim name different people or organisations in one role.

Participants are compared by role: the people and organisations (story-wide
entity ids, so a title or alias is the same entity) that are the agent of a
verb, i.e. its subject or the "by X" of a passive, in statements that use the
same verb ("signed by X and Y" / "X and Z signed"). Two outlets conflict
only when each names, in that role, an entity of the same type that the
other statement does not mention at all: "X and Y" against "X" is an
omission, and "the minister" against "X" is no entity, so neither conflicts.

Known limits: Participants are compared only for the same verb lemma ("signed" / "inked"
are not compared) and only as agents, not as objects; verbs of saying are
left out (two people may well say the same thing). The roles come from the
article's parse (kept by prepare); an article without one has no agents.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import combinations

from spacy.tokens import Doc, Token

from newsprism.annotate.entities import acronym
from newsprism.annotate.quote_words import SPEECH_VERBS
from newsprism.compare.statements import Statement
from newsprism.model import Conflict, ConflictValue, Mention

# Entity types whose difference in a role is a conflict (the prefix of a story-wide entity id).
PARTICIPANT_TYPES = ("person", "organization")
# Verbs whose agent is a source, not a participant: "A said the port closed" and "B said the port closed" agree.
# Acts that one party performs ("announced", "ordered") stay.
ATTRIBUTION_VERBS = (SPEECH_VERBS - {"announce", "order", "rule", "propose"}) | {"accord", "quote", "cite", "be", "have", "do"}
# Dependencies that start a clause of their own: a "by" phrase below them belongs to another verb.
CLAUSE_PARTS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj"})
# What names the same agent again or adds one: "Marrick and Varesh", "Marrick, the deputy minister".
AGENT_LINKS = frozenset({"conj", "appos"})

Agents = dict[tuple[str, str], list[Mention]]  # (verb lemma, entity type) -> the mentions filling its agent role


def participant_conflicts(group: list[Statement]) -> list[Conflict]:
    """Conflicts where statements of different outlets name different agents of the same verb.

    For each verb lemma and entity type, a pair of statements conflicts when
    each names an agent the other statement does not mention (by entity id,
    or by any spelling of it, or of a name containing it) and the two tell
    one act (see `told_alike`); the values are the agents each statement of
    a conflicting pair gives.
    """
    candidates = [statement for statement in group if participant_ids(statement)]
    if not any(could_conflict(first, second) for first, second in combinations(candidates, 2)):
        return []  # nothing to parse: most claims name the same parties or none
    read = AgentReader()
    read.prefetch(candidates)
    agents = {id(statement): read(statement) for statement in candidates}
    spellings = spellings_of(group)
    conflicts: list[Conflict] = []
    seen: set[frozenset[tuple[str, str]]] = set()
    for key in sorted({key for found in agents.values() for key in found}):
        involved: dict[int, Statement] = {}
        for first, second in combinations(candidates, 2):
            if first.article is second.article or key not in agents[id(first)] or key not in agents[id(second)]:
                continue
            if not told_alike(first, second):
                continue  # two acts of their own: "Hansbrough finished 7-for-14 ..." / "Vaughn finished with 16 points ..."
            if names_unmentioned(agents[id(first)][key], second, spellings) and names_unmentioned(agents[id(second)][key], first, spellings):
                involved.update({id(first): first, id(second): second})
        if not involved:
            continue
        ordered = sorted(involved.values(), key=lambda s: (s.number, s.start))
        values = [participant_value(statement, agents[id(statement)][key], spellings) for statement in ordered]
        signature = frozenset((value.article, value.value) for value in values)
        if signature not in seen:
            seen.add(signature)
            conflicts.append(Conflict(kind="participant", what="participant", values=values))
    return conflicts


# Share of the shorter statement's content words the other must give for two statements naming nobody alike to tell
# one act ("announced the closure of the Tarn channel on Monday" both ways, by two ministers).
TOLD_ALIKE = 0.5


def told_alike(first: Statement, second: Statement) -> bool:
    """Whether two statements tell one act, so that different agents of it disagree: they name a party alike (the
    cosignatory both give), or they share most of their content words. Two players each "finished" with their own
    statistics share neither."""
    if participant_ids(first) & participant_ids(second):
        return True
    shared = len(first.words & second.words)
    return shared >= TOLD_ALIKE * max(1, min(len(first.words), len(second.words)))


def may_differ_in_agents(first: Statement, second: Statement) -> bool:
    """The parse-free part of `participants_differ`: each names a party the other lacks, and they share one."""
    return could_conflict(first, second) and bool(participant_ids(first) & participant_ids(second))


def participants_differ(first: Statement, second: Statement, read: AgentReader) -> bool:
    """Whether two statements give the same verb agents with a party in common and a different one each
    ("signed by X and Y" / "signed by X and Z"): the party in common is the evidence that they tell one event,
    for the claim aligner to keep them together although their differing names lower their score."""
    if not may_differ_in_agents(first, second):
        return False
    agents_first, agents_second = read(first), read(second)
    spellings = spellings_of([first, second])
    for key in agents_first.keys() & agents_second.keys():
        if not {m.entity for m in agents_first[key]} & {m.entity for m in agents_second[key]}:
            continue
        if names_unmentioned(agents_first[key], second, spellings) and names_unmentioned(agents_second[key], first, spellings):
            return True
    return False


class AgentReader:
    """The agents of statements (see `agents_of`), each statement read once from its part of its article's parse;
    with `every_verb`, of every verb (see `agents_of`)."""

    def __init__(self, every_verb: bool = False) -> None:
        self.every_verb = every_verb
        self.found: dict[int, Agents] = {}
        self.kept: list[Statement] = []  # keeps the statements alive, so that their ids stay theirs

    def prefetch(self, statements: Iterable[Statement]) -> None:
        for statement in statements:
            self(statement)

    def __call__(self, statement: Statement) -> Agents:
        key = id(statement)
        if key not in self.found:
            self.kept.append(statement)
            cut = cut_from_article(statement)
            self.found[key] = agents_of(statement, *cut, every_verb=self.every_verb) if cut is not None else {}
        return self.found[key]


def cut_from_article(statement: Statement) -> tuple[Doc, int] | None:
    """The statement's part of its article's parse, as a Doc of its own (grown to whole tokens), and the body offset it
    starts at; None without a parse."""
    body = statement.doc
    if body is None:
        return None
    span = body.char_span(statement.start, statement.end) or body.char_span(statement.start, statement.end, alignment_mode="expand")
    return (span.as_doc(), span.start_char) if span is not None else None


def entity_type(entity: str) -> str:
    return entity.split(":", 1)[0]


def participant_ids(statement: Statement) -> set[str]:
    return {entity for entity in statement.entities if entity_type(entity) in PARTICIPANT_TYPES}


def could_conflict(first: Statement, second: Statement) -> bool:
    """Whether each statement names a person or organisation of one type that the other does not mention (no parse needed)."""
    if first.article is second.article:
        return False
    only_first = {entity_type(entity) for entity in participant_ids(first) - second.entities}
    only_second = {entity_type(entity) for entity in participant_ids(second) - first.entities}
    return bool(only_first & only_second)


def names_unmentioned(mentions: list[Mention], other: Statement, spellings: dict[str, set[str]]) -> bool:
    """Whether one of the agents is nowhere in `other`: not its entity id, nor a spelling of it in the text,
    nor a name of `other` that contains it or that it contains ("Kessaria" / "United Provinces of Kessaria":
    the entity linker may have kept them apart, and a wrong conflict is worse than a missed one)."""
    text = other.text.lower()
    others = {spelling for entity in participant_ids(other) for spelling in spellings.get(entity, set())}
    for mention in mentions:
        assert mention.entity is not None
        if mention.entity in other.entities:
            continue
        names = spellings.get(mention.entity, set()) | {mention.text.lower()}
        if any(contains(text, name) for name in names):
            continue
        if any(contains(name, known) or contains(known, name) for name in names for known in others):
            continue
        return True
    return False


def contains(text: str, name: str) -> bool:
    """Whether `name` occurs in `text` as whole words (both lower-cased)."""
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def agents_of(statement: Statement, doc: Doc, offset: int, every_verb: bool = False) -> Agents:
    """The person and organisation mentions of the statement that are the agent of a verb, by verb lemma and type.
    Verbs of saying, "be", "have" and "do" (ATTRIBUTION_VERBS) count only with `every_verb`: participants are compared
    without them ("A said the port closed" and "B said the port closed" agree), the brief asks who a sentence is about.

    `doc` is a Doc of the statement's part of the body, which starts at body offset `offset` (see `AgentReader`). A mention fills the role when
    it heads the agent phrase or a conjunct or apposition of it ("Marrick and
    Varesh"); names inside a title or a modifier ("Deputy Transport Minister
    Marrick", "crews of Lantern Salvage") do not. The outlet's own name (a
    dateline's "(MPA)") is never an agent.
    """
    mentions = [mention for mention in statement.article.entities if is_participant(mention, statement)]
    found: Agents = {}
    if not mentions:
        return found
    roots: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        if span is not None:
            roots[span.root.i] = mention
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or (verb.lemma_.lower() in ATTRIBUTION_VERBS and not every_verb):
            continue
        for head in agent_phrases(verb):
            for token in linked(head):
                agent = roots.get(token.i)
                if agent is None or agent.entity is None:
                    continue
                entry = found.setdefault((verb.lemma_.lower(), entity_type(agent.entity)), [])
                if agent not in entry:
                    entry.append(agent)
    return found


def is_participant(mention: Mention, statement: Statement) -> bool:
    if not mention.entity or entity_type(mention.entity) not in PARTICIPANT_TYPES:
        return False
    if not (statement.start <= mention.start and mention.end <= statement.end):
        return False
    outlet = (statement.article.outlet or "").lower()
    text = mention.text.lower()
    return not outlet or not (contains(outlet, text) or acronym(outlet) == text)


def agent_phrases(verb: Token, depth: int = 0) -> list[Token]:
    """Heads of the phrases that do what `verb` says: its subject, the "by" phrase of a passive,
    or, for a verb without a subject of its own, the subject of the verb it is joined to ("arrived and signed")
    or controlled by ("is expected to sign")."""
    heads = [child for child in verb.children if child.dep_ == "nsubj"]
    if is_passive(verb):
        bys = [token for token in clause_tokens(verb) if token.lower_ == "by" and token.dep_ in ("agent", "prep")]
        heads += [phrase for by in bys for phrase in by.children if phrase.dep_ == "pobj"]
    if heads or depth > 2 or any(child.dep_ in ("nsubjpass", "csubj", "expl") for child in verb.children):
        return heads
    if verb.dep_ == "conj":
        return agent_phrases(verb.head, depth + 1)
    if verb.dep_ == "xcomp":
        controllers = [child for child in verb.head.children if child.dep_ in ("nsubj", "nsubjpass")]
        return controllers or agent_phrases(verb.head, depth + 1)
    return []


def is_passive(verb: Token) -> bool:
    """A passive verb: "was signed by", or the participle of "the accord, signed by ..."."""
    if any(child.dep_ in ("auxpass", "nsubjpass", "agent") for child in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl")


def clause_tokens(verb: Token) -> list[Token]:
    """The tokens below `verb` that belong to its own clause (a misattached "signed at the offices ... by X" included)."""
    tokens: list[Token] = []
    stack = [child for child in verb.children if child.dep_ not in CLAUSE_PARTS]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(child for child in token.children if child.dep_ not in CLAUSE_PARTS or child.pos_ not in ("VERB", "AUX"))
    return tokens


def linked(head: Token) -> list[Token]:
    """The head of an agent phrase with its conjuncts and appositions ("Marrick and Varesh")."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(child for child in token.children if child.dep_ in AGENT_LINKS)
    return tokens


def spellings_of(group: list[Statement]) -> dict[str, set[str]]:
    """Every spelling the group's articles use for each entity, lower-cased."""
    spellings: dict[str, set[str]] = {}
    articles = {id(statement.article): statement.article for statement in group}
    for article in articles.values():
        for mention in article.entities:
            if mention.entity:
                spellings.setdefault(mention.entity, set()).add(mention.text.lower())
    return spellings


def participant_value(statement: Statement, mentions: list[Mention], spellings: dict[str, set[str]]) -> ConflictValue:
    """What one statement gives for the role: the mentions as written, and the entities' fullest names."""
    ordered = sorted(mentions, key=lambda m: m.start)
    span = statement.article.body[ordered[0].start : ordered[-1].end]
    text = span if len(span) <= 80 and "\n" not in span else ", ".join(m.text for m in ordered)
    names = {m.entity: fullest_name(m.entity, statement, spellings) for m in ordered if m.entity}
    return ConflictValue(article=statement.article.id, outlet=statement.article.outlet, text=text, value=" and ".join(sorted(names.values())))


def fullest_name(entity: str, statement: Statement, spellings: dict[str, set[str]]) -> str:
    """The entity's name with the most words among its mentions in the statement's article, as written."""
    written = Counter(m.text for m in statement.article.entities if m.entity == entity)
    if not written:
        return entity
    return max(written, key=lambda text: (len(text.split()), written[text], text))
