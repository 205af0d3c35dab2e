"""Brief: a neutral summary of at most ten sentences, each citing the outlets that report it.

The brief is extractive on purpose: each sentence is a claim's
representative wording, taken verbatim from a source, so it says nothing
that no source says. Relative days get their calendar date in parentheses
("on Wednesday (5 March 2025)") because the reader no longer knows which
Wednesday the outlet meant. Citations [n] number the story's articles
from 1, in the order of `Story.articles`.

Order: corroborated facts (two or more outlets) first, most-supported
first; where a claim's sources disagree, the next sentence states the
conflict with each outlet's value and its citation, once: a toll told in
several claims is not stated again with values already given. Single-source facts
fill in only when fewer than MIN_SENTENCES corroborated facts exist.

A claim's representative wording avoids sentences the framing layer finds
loaded (see `compare.claims.is_loaded`), and a claim whose representative
sentence already backs a claim in the brief is left out (it would read as
a repetition).

A sentence cites the outlets of its claim whose own sentences in the claim
back it (`backs`): alignment only says that two sentences read alike, so
each cited sentence is also checked on what carries the fact: it gives no
other value for a figure, a day or a clock time the shown sentence gives;
where both count the same thing it gives one of the shown sentence's counts
(not the dead where the brief gives the injured, nor a depth in feet where
the brief gives metres); and it does not tell what another party did.

Known limits: when every outlet words a fact in a loaded way, the brief
still quotes one of them. The checks catch another value, another count or
another party, not another act told with the same parties and no figure
("the crew abandoned the ship" for "the ship caught fire"); a sentence that
packs two facts is cited for either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from newsprism.compare.conflicts import clock_times, event_days, repeats
from newsprism.compare.figures import LENGTHS, WORD
from newsprism.compare.participants import AgentReader, names_unmentioned, spellings_of
from newsprism.compare.statements import DAY_VALUE, Statement, content_words
from newsprism.model import Article, BriefSentence, Claim, Conflict, Mention

MAX_SENTENCES = 10
MAX_CONFLICT_SENTENCES = 3
MIN_SENTENCES = 4
NEAR_DUPLICATE = 0.6  # content-word overlap above which a second sentence adds nothing
QUOTE_OPENERS = "\"“‘'"


def write_brief(articles: list[Article], claims: list[Claim], members: list[list[Statement]]) -> list[BriefSentence]:
    """The brief for a story's claims (as built by newsprism.compare.claims, with their member statements)."""
    number_of = {article.id: number for number, article in enumerate(articles, start=1)}
    published = {article.id: article.published for article in articles}
    brief: list[BriefSentence] = []
    chosen_words: list[frozenset[str]] = []
    covered: set[tuple[str, int, int]] = set()  # the sentences of the claims already in the brief
    conflicts_stated = 0
    stated: list[Conflict] = []
    parties = Parties()

    def add(claim: Claim, group: list[Statement]) -> None:
        nonlocal conflicts_stated
        statement = next(s for s in group if s.source_text == claim.text)
        words = content_words(WORD.findall(statement.source_text))
        # A sentence that repeats one in the brief, or also tells a fact already there, would read as a repetition;
        # the disagreement its claim holds is still stated.
        repeated = any(overlap(words, other) > NEAR_DUPLICATE for other in chosen_words) or (statement.article.id, *statement.source_span) in covered
        if not repeated:
            covered.update((source.article, source.start, source.end) for source in claim.sources)
            cited = [article for article in agreeing_sources(claim, statement) if backs(group, article, statement, parties)]
            brief.append(BriefSentence(text=cite(with_dates(statement), cited, number_of), sources=cited, claim=claim.id))
            chosen_words.append(words)
        for conflict in claim.conflicts:
            if any(repeats(conflict, other, by_outlet=False) for other in stated):
                continue  # the same disagreement, stated already from another claim that tells the same count
            if conflicts_stated < MAX_CONFLICT_SENTENCES and len(brief) < MAX_SENTENCES:
                brief.append(conflict_sentence(conflict, claim, number_of, published))
                stated.append(conflict)
                conflicts_stated += 1

    ranked = [(claim, group) for claim, group in zip(claims, members, strict=True) if usable(claim)]
    for claim, group in ranked:
        if claim.support >= 2 and len(brief) < MAX_SENTENCES:
            add(claim, group)
    if len(brief) < MIN_SENTENCES:
        for claim, group in sorted(ranked, key=lambda pair: min(s.position for s in pair[1])):
            if claim.support == 1 and len(brief) < MIN_SENTENCES:
                add(claim, group)
    return brief


def usable(claim: Claim) -> bool:
    """A claim whose wording can stand alone in a summary: not a bare quotation, not a question."""
    text = claim.text.strip()
    return not text.startswith(tuple(QUOTE_OPENERS)) and not text.endswith("?")


def agreeing_sources(claim: Claim, statement: Statement) -> list[str]:
    """The articles whose statement agrees with the representative one (all of them when nothing conflicts)."""
    disagreeing: set[str] = set()
    for conflict in claim.conflicts:
        mine = next((value.value for value in conflict.values if value.article == statement.article.id), None)
        disagreeing |= {value.article for value in conflict.values if mine is not None and value.value != mine}
    return list(dict.fromkeys(source.article for source in claim.sources if source.article not in disagreeing))


class Parties:
    """Who a statement says did something, read once per statement from its article's parse (see participants.agents_of):
    `acting`, the agents of its acts (verbs of saying, "be" and "have" left out); `named`, the agents of every verb,
    the speaker of "the port authority said ..." too. A name in parentheses is an alias or a credit ("VEYRA (Kessaria
    Press) —"), never a party. Without a parse, nobody."""

    def __init__(self) -> None:
        self.acts, self.every_verb = AgentReader(), AgentReader(every_verb=True)

    def acting(self, statement: Statement) -> list[Mention]:
        return self.chosen(statement, self.acts(statement).values())

    def named(self, statement: Statement) -> list[Mention]:
        return self.chosen(statement, self.every_verb(statement).values())

    @staticmethod
    def chosen(statement: Statement, found: Iterable[list[Mention]]) -> list[Mention]:
        body = statement.article.body
        chosen: list[Mention] = []
        for mention in (mention for mentions in found for mention in mentions):
            if mention not in chosen and not (body[mention.start - 1 : mention.start] == "(" and body[mention.end : mention.end + 1] == ")"):
                chosen.append(mention)
        return chosen


def backs(group: list[Statement], article: str, shown: Statement, parties: Parties) -> bool:
    """Whether the article's sentences in the claim back the sentence the brief shows: each gives no other value for
    its figures, days and clock times, gives one of its counts of whatever both count, and tells of no other party."""
    if article == shown.article.id:
        return True
    mine = [statement for statement in group if statement.article.id == article]
    return all(
        gives_no_other_value(shown, statement) and gives_the_counts(shown, statement) and not another_party(shown, statement, parties)
        for statement in mine
    )


def gives_no_other_value(shown: Statement, statement: Statement) -> bool:
    """Whether `statement` can back the sentence the brief shows: none of its figures counts what a figure of the shown
    sentence counts with another value (the dead against the dead, tonnes against tonnes; see
    compare.figures.Figure.comparable), and it dates no act to another day nor to another clock time. A claim's
    conflicts catch most of these; this catches the rest, such as a figure the conflict check set aside as unrelated."""
    for figure in shown.figures:
        comparable = [other for other in statement.figures if figure.comparable(other)]
        if comparable and not any(figure.agrees_with(other) for other in comparable):
            return False
    shown_days, their_days = {t.value for t in event_days(shown)}, {t.value for t in event_days(statement)}
    if shown_days and their_days and not shown_days & their_days:
        return False
    shown_clock, their_clock = clock_times(shown), clock_times(statement)
    return not (shown_clock and their_clock and not shown_clock & their_clock)  # 5:26 p.m. does not back about 5:30 p.m.


def gives_the_counts(shown: Statement, statement: Statement) -> bool:
    """Whether `statement` gives the shown sentence's count of each thing both count: of every unit both count, a
    figure of the two that counts the same (compare.figures.Figure.comparable) and agrees, so "12 were killed" does
    not back "about 40 were injured" (the dead are not the injured); and of every length measure both give (a depth,
    a distance), an agreeing figure in the same unit, since units are not converted: a depth of "some 2,600 feet"
    cannot be checked against one of "800 metres". Vague figures of `statement` ("hundreds of flights") count nothing
    here: they give no count to agree with, nor one to differ."""
    theirs = [figure for figure in statement.figures if not figure.vague]
    for unit in {figure.unit for figure in shown.figures} & {figure.unit for figure in theirs}:
        counted = [figure for figure in theirs if figure.unit == unit]
        if not any(a.comparable(b) and a.agrees_with(b) for a in shown.figures if a.unit == unit for b in counted):
            return False
    for measure in {figure.measure for figure in shown.figures if figure.unit in LENGTHS and figure.measure}:
        given = [figure for figure in theirs if figure.unit in LENGTHS and figure.measure == measure]
        mine = [figure for figure in shown.figures if figure.unit in LENGTHS and figure.measure == measure]
        if given and not any(a.unit == b.unit and a.agrees_with(b) for a in mine for b in given):
            return False
    return True


def another_party(shown: Statement, statement: Statement, parties: Parties) -> bool:
    """Whether `statement` tells what another party did: it has a person or organisation do something that the shown
    sentence does not name, names none of the people and organisations the shown sentence has act or speak, and
    shares no count or day with it ("The Tarrow Police detained the skipper" against "On Monday, Lantern Salvage said
    it had refloated the carrier"). A party one of them leaves out is no difference; nor are two sources that say the
    same thing, since verbs of saying are not acts. Needs the articles' parse (none read: no difference)."""
    if shares_a_value(shown, statement):
        return False
    acting = parties.acting(statement)
    named = parties.named(shown) if acting else []  # the parse is read only when it can tell
    if not acting or not named:
        return False
    spellings = spellings_of([shown, statement])
    return names_unmentioned(acting, shown, spellings) and all(names_unmentioned([mention], statement, spellings) for mention in named)


def shares_a_value(first: Statement, second: Statement) -> bool:
    """Whether two statements give an agreeing count of one thing or date an act to the same day."""
    if any(a.comparable(b) and a.agrees_with(b) for a in first.figures for b in second.figures):
        return True
    return bool({time.value for time in event_days(first)} & {time.value for time in event_days(second)})


def conflict_sentence(conflict: Conflict, claim: Claim, number_of: dict[str, int], published: dict[str, dt.date | None]) -> BriefSentence:
    """'Reports differ on the tonnes: "about 12,000 tonnes" (The Clarion [3]); "an estimated 1,200 tonnes" (...).'

    An update (see `Conflict.update`) says so, and gives its values in the order of the pages' dates, each with its date.
    """
    by_value: dict[str, list[tuple[str, str, str | None]]] = {}
    for given in conflict.values:
        by_value.setdefault(given.value, []).append((given.article, given.text, given.outlet))
    groups = list(by_value.items())
    if conflict.update:  # every page of an update states its date
        groups.sort(key=lambda group: min(published[article] or dt.date.max for article, _, _ in group[1]))
    parts = []
    for normalized, carriers in groups:
        shown = carriers[0][1]
        if conflict.kind == "date" and DAY_VALUE.match(normalized) and not re.search(r"\d", shown):
            shown = f"{shown} ({long_date(normalized)})"
        outlets = ", ".join(
            f"{outlet or 'article'} [{number_of[article]}]{page_date(conflict, published[article])}" for article, _, outlet in carriers
        )
        parts.append(f"“{shown}” ({outlets})")
    subject = conflict.subject
    if conflict.update:
        subject += ", an update rather than a contradiction (each page dated later gives a higher count)"
    text = f"Reports differ on {subject}: " + "; ".join(parts) + "."
    sources = list(dict.fromkeys(given.article for given in conflict.values))
    return BriefSentence(text=text, sources=sources, claim=claim.id)


def page_date(conflict: Conflict, day: dt.date | None) -> str:
    """", 22 March 2024" after an outlet in an update (the date its page states), else nothing."""
    return f", {long_date(day.isoformat())}" if conflict.update and day else ""


def with_dates(statement: Statement) -> str:
    """The statement's sentence with the calendar date after each relative day ("on Wednesday (5 March 2025)")."""
    text, offset = statement.source_text, statement.source_span[0]
    for time in sorted(statement.dates, key=lambda t: t.start, reverse=True):
        if time.value and DAY_VALUE.match(time.value) and not re.search(r"\d", time.text):
            end = time.end - offset
            text = f"{text[:end]} ({long_date(time.value)}){text[end:]}"
    return text


def cite(text: str, articles: list[str], number_of: dict[str, int]) -> str:
    """Citation markers before the sentence's final punctuation (after a closing quotation mark)."""
    markers = "".join(f"[{number_of[article]}]" for article in articles)
    text = text.rstrip()
    if text[-1:] in ".!?":
        return f"{text[:-1]} {markers}{text[-1]}"
    return f"{text} {markers}"


def long_date(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / max(1, min(len(first), len(second)))
