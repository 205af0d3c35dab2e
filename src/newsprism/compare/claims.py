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
fits that claim's members well enough (SECOND_MEMBERSHIP_BEST and _MEAN)
or repeats its figure. Secondary readings (the two halves of "X, but Y",
what a speaker said, a long sentence's stretches between commas) only ever
join claims that whole sentences formed, the same way, and may join the
claim of another sentence of their own article: the lede that packs two
facts supports both, though its outlet tells one of them again further
down. A second member supports its claim; of its values only counts that
say what they measure are compared. Support counts outlets, not articles.

Scale: candidate pairs come from the embeddings, a block of rows at a time
(pairs under CANDIDATE_FLOOR cosine are never scored, and never held: a
story of 100 articles has some 5,000 statements and 12 million pairs), so
only candidates are scored in Python; scores are kept sparse (`PairScores`),
and merging keeps every pair of groups' score total up to date, so no step
re-reads a whole group.

Known limits: facts told in two sentences by one outlet and in one by
another meet only through the closer of the two; two facts joined by "and"
in one sentence meet the second claim only through the whole sentence.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from newsprism.compare.conflicts import dated_acts_meet
from newsprism.compare.figures import ORDINALS, WORD, Figure
from newsprism.compare.participants import AgentReader, participants_differ
from newsprism.compare.statements import Statement, content_words
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
# A statement joins a further claim when its best pair with the claim's members and its mean over them reach these.
# Lower than THRESHOLD: a second member only supports the claim (it never merges claims, and only its counts that say
# what they measure are compared, see conflicts.find_conflicts). Measured on the dev stories of ../shared/eval/stories
# (bench/stories_quality.py): from (0.65, 0.60) to these, facts shared grouped rose 16 -> 19 of 42 with no fact
# wrongly merged, no single-source fact lost and no false conflict more.
SECOND_MEMBERSHIP_BEST = 0.58
SECOND_MEMBERSHIP_MEAN = 0.53
CANDIDATE_FLOOR = 0.4  # pairs below this cosine are not scored further
CONTEXT_PENALTY = 0.05  # a statement read with its neighbour may match the neighbour's fact
CONTEXT_CHARACTERS = 40  # around a figure, for the words that say what it counts


# Rows of the cosine matrix computed at a time: 512 rows of a 5,000-statement story are 10 MB of float32.
BLOCK_ROWS = 512


class PairScores:
    """The scores of the candidate pairs of statements, symmetric and sparse: every other pair scores 0.

    Scores are float32 values, as a dense float32 matrix would hold them.
    """

    def __init__(self, count: int) -> None:
        self.rows: list[dict[int, float]] = [{} for _ in range(count)]

    @classmethod
    def from_matrix(cls, matrix: np.ndarray) -> PairScores:
        """From a dense symmetric matrix (tests and small examples)."""
        scores = cls(len(matrix))
        for i, j in zip(*np.nonzero(np.triu(matrix, k=1)), strict=True):
            scores.set(int(i), int(j), float(matrix[i, j]))
        return scores

    def __len__(self) -> int:
        return len(self.rows)

    def set(self, i: int, j: int, score: float) -> None:
        value = float(np.float32(score))
        self.rows[i][j] = value
        self.rows[j][i] = value

    def get(self, i: int, j: int) -> float:
        return self.rows[i].get(j, 0.0)

    def total(self, i: int, others: Iterable[int]) -> float:
        row = self.rows[i]
        return sum(row.get(j, 0.0) for j in others)

    def best(self, i: int, others: Iterable[int]) -> float:
        row = self.rows[i]
        return max((row.get(j, 0.0) for j in others), default=0.0)

    def pairs(self, threshold: float) -> list[tuple[int, int]]:
        """The pairs (i < j) scoring at least `threshold`, strongest first (ties in index order)."""
        found = [(-score, i, j) for i, row in enumerate(self.rows) for j, score in row.items() if i < j and score >= threshold]
        found.sort()
        return [(i, j) for _, i, j in found]


def pair_scores(statements: list[Statement], embeddings: np.ndarray, contextual: Sequence[tuple[int, np.ndarray]] = ()) -> PairScores:
    """Score of every candidate pair of statements from different articles (see `PairScores`).

    `embeddings` has one row per statement; `contextual` adds, for short
    statements, the embedding of the statement read with a neighbour
    (see `statements.contextual_texts`): the pair's cosine is the better of
    the readings, a contextual one less CONTEXT_PENALTY. A pair is a
    candidate when that cosine reaches CANDIDATE_FLOOR; it is found a block of
    rows at a time with matrix products, and only candidates are scored.
    """
    count = len(statements)
    scores = PairScores(count)
    if not count:
        return scores
    articles = np.array([statement.number for statement in statements])
    owners = np.array([index for index, _ in contextual], dtype=np.int64)
    readings = np.stack([vector for _, vector in contextual]) if contextual else np.zeros((0, embeddings.shape[1]), dtype=np.float32)
    for begin in range(0, count, BLOCK_ROWS):
        rows = np.arange(begin, min(count, begin + BLOCK_ROWS))
        cosine = embeddings[rows] @ embeddings.T
        # A short statement read with its neighbour, against every plain statement: as a row of its own ...
        for reading, owner in zip(readings, owners.tolist(), strict=True):
            if begin <= owner < begin + BLOCK_ROWS:
                np.maximum(cosine[owner - begin], embeddings @ reading - CONTEXT_PENALTY, out=cosine[owner - begin])
        # ... and as a column of the other statements' rows.
        if len(readings):
            against = readings @ embeddings[rows].T - CONTEXT_PENALTY
            for reading, owner in enumerate(owners.tolist()):
                np.maximum(cosine[:, owner], against[reading], out=cosine[:, owner])
        candidates = (cosine >= CANDIDATE_FLOOR) & (np.arange(count)[None, :] > rows[:, None]) & (articles[None, :] != articles[rows][:, None])
        for row, column in zip(*np.nonzero(candidates), strict=True):
            i, j = int(rows[row]), int(column)
            scores.set(i, j, float(cosine[row, column]) * EMBEDDING_WEIGHT + evidence(statements[i], statements[j]))
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


def align_statements(statements: list[Statement], scores: PairScores) -> tuple[list[list[int]], list[set[int]]]:
    """Groups of statement indices that report one fact (average-linkage merging with one statement per article),
    and for each group the members that joined it as a second claim of theirs (see `add_second_memberships`).

    A first pass merges pairs above THRESHOLD; a second lets pairs down to
    CONFLICT_THRESHOLD join when they disagree on a figure or a day about
    the same thing (see `disagree`), or name one party of an act alike and
    another differently (see `participants.participants_differ`), so that
    conflicts are not split apart.
    """
    groups = Groups(statements, scores)
    groups.merge_pairs(THRESHOLD, None)
    read = AgentReader()  # reads the agents only of statements in pairs that name different parties
    several = kinds_told_as_several(statements)
    groups.merge_pairs(
        CONFLICT_THRESHOLD,
        lambda i, j: disagree(statements[i], statements[j], several=several) or participants_differ(statements[i], statements[j], read),
    )
    # A statement whose article already has a sentence in the claim still joins
    # when it gives the fact a different value: the disagreement must be seen.
    # Figures only: an outlet's second dated sentence is more often another event than another date for this one.
    groups.merge_pairs(CONFLICT_THRESHOLD, lambda i, j: disagree(statements[i], statements[j], days=False, several=several), one_per_article=False)
    found = [sorted(group) for group in groups.members.values()]
    joined = add_second_memberships(found, statements, scores)
    # A secondary reading that joined no claim is no claim of its own: its sentence is one already.
    kept = [number for number, group in enumerate(found) if any(not statements[index].secondary for index in group)]
    return [found[number] for number in kept], [{index for group, index in joined if group == number} for number in kept]


class Groups:
    """Average-linkage merging over sparse scores: each group's members, its articles, and its score total with
    every group it has a scored pair with, updated on each merge (so a merge never re-reads whole groups)."""

    def __init__(self, statements: list[Statement], scores: PairScores) -> None:
        self.statements, self.scores = statements, scores
        self.group_of = list(range(len(statements)))
        self.members: dict[int, list[int]] = {index: [index] for index in range(len(statements))}
        self.articles: dict[int, Counter[int]] = {index: Counter([s.number]) for index, s in enumerate(statements)}
        self.links: dict[int, dict[int, float]] = {index: dict(row) for index, row in enumerate(scores.rows)}

    def merge_pairs(self, threshold: float, condition: Callable[[int, int], bool] | None, one_per_article: bool = True) -> None:
        """Merge the groups of the pairs scoring at least `threshold`, strongest pair first, when `condition` holds and
        the groups' mean pair score (over pairs of different articles) clears the threshold too."""
        for row, column in self.scores.pairs(threshold):
            first, second = self.group_of[row], self.group_of[column]
            if first == second or self.statements[row].secondary or self.statements[column].secondary:
                continue
            if condition and not condition(row, column):
                continue
            left, right = self.articles[first], self.articles[second]
            if one_per_article and left.keys() & right.keys():
                continue
            if not one_per_article and len(self.members[second]) > 1:
                continue  # only single statements join an outlet's claim a second time
            # Pairs of one article score 0 by construction: the mean is over the others only.
            others = sum(left.values()) - sum(left[article] for article in right)
            pairs = others * len(self.members[second])
            if not pairs or self.links[first].get(second, 0.0) / pairs < threshold:
                continue
            self.merge(first, second)

    def merge(self, first: int, second: int) -> None:
        for index in self.members[second]:
            self.group_of[index] = first
        self.members[first] += self.members.pop(second)
        self.articles[first] += self.articles.pop(second)
        links = self.links.pop(second)
        links.pop(first, None)
        self.links[first].pop(second, None)
        for other, total in links.items():
            self.links[first][other] = self.links[first].get(other, 0.0) + total
            neighbour = self.links[other]
            neighbour[first] = neighbour.get(first, 0.0) + neighbour.pop(second)


def add_second_memberships(groups: list[list[int]], statements: list[Statement], scores: PairScores) -> set[tuple[int, int]]:
    """Let a sentence that packs several facts support a second claim it fits as well as its members fit each other,
    or whose figure it repeats in a sentence close enough to one member's.

    "Putin, who visited Pyongyang for the first time in 24 years, told Kim ..."
    reports the visit's rarity and what Putin told Kim: the merging above
    puts it with one of the two facts only (its clause statement, if the
    parse gave one, may have joined the other). Returns the (group, statement)
    pairs it added: such a member supports the claim, but its figures and
    days are not compared (it was judged on its likeness, not on its values).
    """
    added: set[tuple[int, int]] = set()
    groups_of: dict[int, list[int]] = {}
    for number, group in enumerate(groups):
        for index in group:
            groups_of.setdefault(index, []).append(number)
    candidates = {
        (index, number) for index, row in enumerate(scores.rows) for other, score in row.items() if score >= THRESHOLD for number in groups_of[other]
    }
    for index, number in sorted(candidates):
        group = groups[number]
        if index in group or len(group) < 2:
            continue
        if statements[index].number in {statements[i].number for i in group} and not statements[index].secondary:
            continue  # a clause of a sentence that packs two facts may join the claim its outlet tells again elsewhere
        if (statements[index].number, statements[index].source_span) in {(statements[i].number, statements[i].source_span) for i in group}:
            continue  # its sentence is in the claim already
        best, mean = scores.best(index, group), scores.total(index, group) / len(group)
        fits = best >= SECOND_MEMBERSHIP_BEST and mean >= SECOND_MEMBERSHIP_MEAN
        if fits or any(scores.get(index, member) >= THRESHOLD and corroborates(statements[index], statements[member]) for member in group):
            group.append(index)
            added.add((number, index))
    return added


def corroborates(first: Statement, second: Statement) -> bool:
    """Whether two statements give the same figure for the same thing ("first visit ... in 24 years" twice)."""
    return any(
        a.unit == b.unit and a.value > 2 and a.agrees_with(b) and (context_words(first, a) & context_words(second, b)) - {a.unit}
        for a in first.figures
        for b in second.figures
    )


def disagree(first: Statement, second: Statement, days: bool = True, several: frozenset[str] = frozenset()) -> bool:
    """Whether two statements give different values for the same thing.

    Figures: a count of the same unit on both sides, none of which agree,
    with a content word in common around the figures ("tonnes of urea"),
    unless both describe one thing of a kind the story tells of several (see
    `one_of_several`, with `several` from `kinds_told_as_several`).
    Days: calendar days on both sides, none shared, and an entity in common.
    """
    for a in first.figures:
        for b in second.figures:
            if not a.comparable(b) or a.agrees_with(b):
                continue
            if one_of_several(first, a, several) and one_of_several(second, b, several):
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




# Determiners that bring in a new thing of a kind rather than point at one the reader knows.
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another"})
# How far up the parse a figure's noun phrase is followed: number -> unit -> noun, through one "of".
REFERENT_STEPS = 4


def kinds_told_as_several(statements: list[Statement]) -> frozenset[str]:
    """The lemmas of the nouns some article of the story writes in the plural ("aftershocks", "flights")."""
    docs = {id(statement.doc): statement.doc for statement in statements if statement.doc is not None}
    return frozenset(token.lemma_.lower() for doc in docs.values() for token in doc if token.tag_ in ("NNS", "NNPS"))


def one_of_several(statement: Statement, figure: Figure, several: frozenset[str]) -> bool:
    """Whether the figure describes one thing of a kind the story tells of several, brought in with "a", "an" or "another".

    "a 4.9 magnitude aftershock" and "an aftershock of magnitude 4.5", in a
    story that speaks of aftershocks, may be two aftershocks: a difference
    between their values does not by itself pull their sentences into one
    claim (they still meet on likeness alone). "a five-day search" against
    "a four-day search" is one search when no outlet writes of searches, and
    "the 6.8-magnitude quake" against "the magnitude 7.2 quake" points at one
    quake whatever the story says. Needs the article's parse; without one, False.
    """
    doc = statement.doc
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    # The tokens from the number up to the noun it describes. The small parser sometimes hangs the determiner and
    # the noun on each other the wrong way round ("A magnitude 3.9 tremor" read as "A magnitude", "3.9 tremor"),
    # so any token of the path may carry the determiner, and any noun of it name the kind.
    path = [span.root]
    while len(path) < REFERENT_STEPS and path[-1].head.i != path[-1].i and path[-1].head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "ADP"):
        path.append(path[-1].head)
    indefinite = any(child.dep_ == "det" and child.lower_ in INDEFINITE_DETERMINERS for token in path for child in token.children)
    kinds = several - {figure.unit}  # the unit is what is measured ("magnitude"), not the kind of thing measured
    return indefinite and any(token.pos_ == "NOUN" and token.lemma_.lower() in kinds for token in path)


def context_words(statement: Statement, figure: Figure) -> frozenset[str]:
    """Content words near a figure, with ordinals kept: "the first ... in 16 years" is about a record."""
    start = max(0, figure.start - statement.start - CONTEXT_CHARACTERS)
    end = figure.end - statement.start + CONTEXT_CHARACTERS
    words = WORD.findall(statement.text[start:end])
    return content_words(words) | {word.lower() for word in words if word.lower() in ORDINALS}


def build_claims(statements: list[Statement], scores: PairScores) -> tuple[list[Claim], list[list[Statement]]]:
    """Claims, most-supported first (then in the order the articles tell them), with their statements.

    Sources show the sentence each statement comes from (the whole sentence for a clause statement);
    a claim's text is its representative statement's sentence.
    """
    aligned, second = align_statements(statements, scores)

    def importance(pair: tuple[list[int], set[int]]) -> tuple[int, float]:
        group = pair[0]
        outlets = {statements[i].outlet for i in group}
        return (-len(outlets), sum(statements[i].position for i in group) / len(group))

    ordered = sorted(zip(aligned, second, strict=True), key=importance)
    claims, members = [], []
    for number, (group, joined) in enumerate(ordered, start=1):
        # A second member is handed on marked secondary: it supports the claim, its values are not compared.
        group_statements = [
            dataclasses.replace(statements[i], secondary=True) if i in joined else statements[i]
            for i in sorted(group, key=lambda i: (statements[i].number, statements[i].start))
        ]
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


def representative_of(group: list[int], statements: list[Statement], scores: PairScores) -> int:
    """The member closest to all others, preferring plain reporting over quotation, self-contained openings,
    and wording without the outlet's own loaded terms or editorializing (the brief quotes it)."""
    if len(group) == 1:
        return group[0]

    def centrality(index: int) -> float:
        statement = statements[index]
        others = [other for other in group if other != index]
        mean = scores.total(index, others) / len(others)
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
