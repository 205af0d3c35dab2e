"""Claims: statements of different outlets that report the same fact, aligned into one claim.

Two statements are scored by their sentence embeddings (all-MiniLM-L6-v2
cosine), by the content words they share, by the entities they share and
by the figures and calendar days they agree on. Statements are then merged
greedily, strongest pair first, under two guards against chaining one fact
into the next:

* a claim holds at most one statement per article (an outlet restating its
  lede later is not extra support; two articles of one outlet, say a story
  and its update, may both be in, and may disagree), and
* two groups merge only when their average pair score, over every pair
  across them, also clears the threshold, not only their best pair.

Figures and dates that differ do not lower the score: "1,200 tonnes" and
"12,000 tonnes" in otherwise matching sentences must align, so that the
conflict between them can be seen (newsprism.compare.conflicts).

A sentence that packs several facts may join a second claim through one of
its clauses (see `statements.clause_statements`), or as a whole when it
fits that claim's members well enough or repeats its figure. Support counts
outlets, not articles.

Known limits: facts told in two sentences by one outlet and in one by
another meet only through the closer of the two; two facts joined by "and"
in one sentence meet the second claim only through the whole sentence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from newsprism.compare.conflicts import AgentReader, dated_acts_meet, may_differ_in_agents, participants_differ
from newsprism.compare.statements import WORD, Figure, Statement, content_words
from newsprism.model import Claim, ClaimSource

# Weights of the evidence in a pair's score (they sum to 1 without the
# bonuses) and the score two statements need to report one fact. Set on
# the fictional example story and checked on the seed pages (see
# tests/compare/test_claims.py and bench/claims_quality.py).
EMBEDDING_WEIGHT = 0.75
LEXICAL_WEIGHT = 0.25
ENTITY_BONUS = 0.04  # per shared entity, up to two
AGREEING_FIGURE_BONUS = 0.04  # the same count of the same thing is strong evidence of the same fact
AGREEING_DAY_BONUS = 0.02
SHARED_QUOTATION_BONUS = 0.15  # the same words inside quotation marks: the same quote, so the same fact
THRESHOLD = 0.6
# Weaker pairs still join when they disagree on a figure or a day in the same
# context: "An estimated 1,200 tonnes of urea ... has washed into the water" and
# "About 12,000 tonnes of urea ... has gushed through two gaping holes" are one
# fact told with different numbers and different words.
CONFLICT_THRESHOLD = 0.45
SECOND_MEMBERSHIP_MARGIN = 0.05
CANDIDATE_FLOOR = 0.4  # pairs below this cosine are not scored further
CONTEXT_PENALTY = 0.05  # a statement read with its neighbour may match the neighbour's fact
CONTEXT_CHARACTERS = 40  # around a figure, for the words that say what it counts


def pair_scores(statements: list[Statement], embeddings: np.ndarray, contextual: Sequence[tuple[int, np.ndarray]] = ()) -> np.ndarray:
    """Score of every pair of statements from different articles (0 for pairs of one article).

    `embeddings` has one row per statement; `contextual` adds, for short
    statements, the embedding of the statement read with a neighbour
    (see `statements.contextual_texts`): the pair's cosine is the better of
    the two readings, the contextual one less CONTEXT_PENALTY.
    """
    count = len(statements)
    cosine = embeddings @ embeddings.T if count else np.zeros((0, 0), dtype=np.float32)
    for index, vector in contextual:
        row = np.maximum(cosine[index], embeddings @ vector - CONTEXT_PENALTY)
        cosine[index, :] = row
        cosine[:, index] = row
    scores = np.zeros((count, count), dtype=np.float32)
    articles = [statement.article.id for statement in statements]
    rows, columns = np.nonzero(np.triu(cosine >= CANDIDATE_FLOOR, k=1))
    for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
        if articles[i] == articles[j]:
            continue
        score = float(cosine[i, j]) * EMBEDDING_WEIGHT + evidence(statements[i], statements[j])
        scores[i, j] = scores[j, i] = score
    return scores


def evidence(first: Statement, second: Statement) -> float:
    """The non-embedding part of a pair's score: shared words, entities, figures and days."""
    shared_words = len(first.words & second.words)
    lexical = shared_words / math.sqrt(len(first.words) * len(second.words)) if shared_words else 0.0
    score = lexical * LEXICAL_WEIGHT
    score += ENTITY_BONUS * min(2, len(first.entities & second.entities))
    if any(a.unit == b.unit and a.agrees_with(b) for a in first.figures for b in second.figures):
        score += AGREEING_FIGURE_BONUS
    if set(first.days) & set(second.days):
        score += AGREEING_DAY_BONUS
    if shares_quotation(first, second) or shares_quotation(second, first):
        score += SHARED_QUOTATION_BONUS
    return score


def shares_quotation(first: Statement, second: Statement) -> bool:
    """Whether a phrase `first` puts in quotation marks appears word for word in `second`."""
    if not first.quoted:
        return False
    other = " ".join(WORD.findall(second.compared_text.lower()))
    return any(phrase in other for phrase in first.quoted)


def align_statements(statements: list[Statement], scores: np.ndarray) -> list[list[int]]:
    """Groups of statement indices that report one fact (average-linkage merging with one statement per article).

    A first pass merges pairs above THRESHOLD; a second lets pairs down to
    CONFLICT_THRESHOLD join when they disagree on a figure or a day about
    the same thing (see `disagree`), or name one party of an act alike and
    another differently (see `conflicts.participants_differ`), so that
    conflicts are not split apart.
    """
    group_of = list(range(len(statements)))
    members: dict[int, list[int]] = {index: [index] for index in range(len(statements))}

    def merge_pairs(threshold: float, condition: Callable[[int, int], bool] | None, one_per_article: bool = True) -> None:
        rows, columns = np.nonzero(np.triu(scores >= threshold, k=1))
        order = np.argsort(-scores[rows, columns], kind="stable")
        for k in order.tolist():
            row, column = int(rows[k]), int(columns[k])
            first, second = group_of[row], group_of[column]
            if first == second or (condition and not condition(row, column)):
                continue
            left, right = members[first], members[second]
            if one_per_article and {statements[i].article.id for i in left} & {statements[i].article.id for i in right}:
                continue
            if not one_per_article and len(right) > 1:
                continue  # only single statements join an outlet's claim a second time
            # Average linkage over pairs of different articles (a pair of one article scores 0 by construction).
            articles_right = {statements[i].article.id for i in right}
            others = [i for i in left if statements[i].article.id not in articles_right]
            if not others or float(scores[np.ix_(others, right)].mean()) < threshold:
                continue
            members[first] = left + right
            for index in right:
                group_of[index] = first
            del members[second]

    merge_pairs(THRESHOLD, None)
    read = AgentReader()  # parses, in one batch, only the statements of pairs that name different parties
    pairs = np.argwhere(np.triu(scores >= CONFLICT_THRESHOLD, k=1)).tolist()
    read.prefetch(statements[k] for i, j in pairs if may_differ_in_agents(statements[i], statements[j]) for k in (i, j))
    merge_pairs(CONFLICT_THRESHOLD, lambda i, j: disagree(statements[i], statements[j]) or participants_differ(statements[i], statements[j], read))
    # A statement whose article already has a sentence in the claim still joins
    # when it gives the fact a different value: the disagreement must be seen.
    # Figures only: an outlet's second dated sentence is more often another event than another date for this one.
    merge_pairs(CONFLICT_THRESHOLD, lambda i, j: disagree(statements[i], statements[j], days=False), one_per_article=False)
    groups = [sorted(group) for group in members.values()]
    add_second_memberships(groups, statements, scores)
    return groups


def add_second_memberships(groups: list[list[int]], statements: list[Statement], scores: np.ndarray) -> None:
    """Let a sentence that packs several facts support a second claim it fits as well as its members fit each other,
    or whose figure it repeats in a sentence close enough to one member's.

    "Putin, who visited Pyongyang for the first time in 24 years, told Kim ..."
    reports the visit's rarity and what Putin told Kim: the merging above
    puts it with one of the two facts only (its clause statement, if the
    parse gave one, may have joined the other).
    """
    group_of = {index: number for number, group in enumerate(groups) for index in group}
    rows, columns = np.nonzero(scores >= THRESHOLD)
    candidates = {(int(row), group_of[int(column)]) for row, column in zip(rows, columns, strict=True)}
    for index, number in sorted(candidates):
        group = groups[number]
        if index in group or len(group) < 2:
            continue
        if statements[index].article.id in {statements[i].article.id for i in group}:
            continue
        fits = float(scores[index, group].max()) >= THRESHOLD + SECOND_MEMBERSHIP_MARGIN and float(scores[index, group].mean()) >= THRESHOLD
        if fits or any(scores[index, member] >= THRESHOLD and corroborates(statements[index], statements[member]) for member in group):
            group.append(index)


def corroborates(first: Statement, second: Statement) -> bool:
    """Whether two statements give the same figure for the same thing ("first visit ... in 24 years" twice)."""
    return any(
        a.unit == b.unit and a.value > 2 and a.agrees_with(b) and (context_words(first, a) & context_words(second, b)) - {a.unit}
        for a in first.figures
        for b in second.figures
    )


def disagree(first: Statement, second: Statement, days: bool = True) -> bool:
    """Whether two statements give different values for the same thing.

    Figures: a count of the same unit on both sides, none of which agree,
    with a content word in common around the figures ("tonnes of urea").
    Days: calendar days on both sides, none shared, and an entity in common.
    """
    for a in first.figures:
        for b in second.figures:
            if a.unit != b.unit or a.agrees_with(b):
                continue
            if any(x.unit == a.unit and x.agrees_with(y) for x in first.figures for y in second.figures if y.unit == a.unit):
                continue
            if (context_words(first, a) & context_words(second, b)) - {a.unit}:
                return True
    if not days:
        return False
    first_days, second_days = set(first.days), set(second.days)
    if not (first_days and second_days) or first_days & second_days or not first.entities & second.entities:
        return False
    return dated_acts_meet(first, second)


ORDINALS = frozenset({"first", "last", "second", "third", "latest", "largest", "biggest", "worst"})


def context_words(statement: Statement, figure: Figure) -> frozenset[str]:
    """Content words near a figure, with ordinals kept: "the first ... in 16 years" is about a record."""
    start = max(0, figure.start - statement.start - CONTEXT_CHARACTERS)
    end = figure.end - statement.start + CONTEXT_CHARACTERS
    words = WORD.findall(statement.text[start:end])
    return content_words(words) | {word.lower() for word in words if word.lower() in ORDINALS}


def build_claims(statements: list[Statement], scores: np.ndarray) -> tuple[list[Claim], list[list[Statement]]]:
    """Claims, most-supported first (then in the order the articles tell them), with their statements.

    Sources show the sentence each statement comes from (the whole sentence for a clause statement);
    a claim's text is its representative statement's sentence.
    """
    groups = align_statements(statements, scores)

    def importance(group: list[int]) -> tuple[int, float]:
        outlets = {statements[i].outlet for i in group}
        return (-len(outlets), sum(statements[i].position for i in group) / len(group))

    groups.sort(key=importance)
    claims, members = [], []
    for number, group in enumerate(groups, start=1):
        group_statements = [statements[i] for i in sorted(group, key=lambda i: (statements[i].number, statements[i].start))]
        representative = statements[representative_of(group, statements, scores)]
        claims.append(
            Claim(
                id=f"claim-{number}",
                text=representative.source_text,
                sources=[
                    ClaimSource(article=s.article.id, outlet=s.article.outlet, text=s.source_text, start=s.source_span[0], end=s.source_span[1])
                    for s in group_statements
                ],
                support=len({s.outlet for s in group_statements}),
                date=claim_date(group_statements),
            )
        )
        members.append(group_statements)
    return claims, members


def representative_of(group: list[int], statements: list[Statement], scores: np.ndarray) -> int:
    """The member closest to all others, preferring plain reporting over quotation, self-contained openings,
    and wording without the outlet's own loaded terms or editorializing (the brief quotes it)."""
    if len(group) == 1:
        return group[0]

    def centrality(index: int) -> float:
        statement = statements[index]
        others = [other for other in group if other != index]
        mean = float(scores[index, others].mean())
        text = statement.text.lstrip("\"'“‘ ")
        if statement.text[:1] in "\"“‘'":
            mean -= 0.1  # an outlet's own wording reads better in a summary than a speaker's
        if text.split(" ", 1)[0] in DANGLING_OPENERS:
            mean -= 0.1  # "He said ..." or "It also ..." needs the sentence before it
        if statement.sentence is not None:
            mean -= 0.2  # a clause's sentence is mostly about something else: a sentence that tells the fact reads better
        if is_loaded(statement):
            mean -= 0.3  # "ploughed into" where another outlet wrote "struck": the neutral wording goes into the brief
        return mean

    return max(group, key=centrality)


def is_loaded(statement: Statement) -> bool:
    """Whether the sentence shown for the statement reads as loaded in a summary (see annotate.framing): the bias
    model judges it biased, or it carries loaded terms (a reported speaker's too: without its quotation marks the
    brief would say them) or editorializing."""
    start, end = statement.source_span
    framing = statement.article.framing
    text = statement.source_text
    return (
        any(verdict.biased for verdict in framing.sentences if verdict.text == text)
        or any(term.where == "body" and start <= term.start and term.end <= end for term in framing.loaded)
        or any(opinion.start < end and start < opinion.end for opinion in framing.opinion)
    )


DANGLING_OPENERS = frozenset(
    ["He", "She", "It", "They", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Then", "But", "And", "Also", "Meanwhile", "There"]
)


def claim_date(group: list[Statement]) -> str | None:
    """The calendar day (else month) most of the claim's sources give, if any."""
    days = Counter(day for statement in group for day in dict.fromkeys(statement.days))
    if days:
        return days.most_common(1)[0][0]
    months = Counter(value for statement in group for value in dict.fromkeys(t.value for t in statement.dates if t.value))
    return months.most_common(1)[0][0] if months else None


def link_claim_quotes(claims: list[Claim], members: list[list[Statement]], quote_ids: dict[tuple[str, int], str]) -> None:
    """Set each claim's `quote` to the story quote its first attributed statement reports."""
    for claim, group in zip(claims, members, strict=True):
        keys = [(s.article.id, s.quote) for s in group if s.quote is not None]
        claim.quote = next((quote_ids[key] for key in keys if key in quote_ids), None)
