"""Statements: the fact-bearing pieces of each article that claims are aligned from.

A statement is a sentence of the body (the parse's sentences, cut at
paragraph breaks), or a clause of a long sentence cut at a semicolon. It
carries what the comparison stages need: the story-wide ids of the
entities it mentions, its numbers with their units and hedges, the calendar
dates of its time expressions, and the quote it reports, if any. An aside
set off by commas (", who visited Pyongyang ...") is also read as a
statement of its own about the name it follows (`aside_readings`), for the
claim aligner to let the sentence support that fact too.

Known limits: clauses are cut only at semicolons; a sentence that states
two facts joined by "and" stays one statement. Numbers written as words
are read up to twenty, plus "a dozen"/"dozens".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.model import Article, TimeExpr

MIN_WORDS = 5  # shorter pieces are headings, credits or fragments, not facts
SHORT_WORDS = 12  # shorter statements lean on their neighbours ("The shutdown is the first in 16 years.")
LONG_SENTENCE_WORDS = 40  # longer sentences are cut at semicolons into clauses

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "dozen": 12, "dozens": 24,
    "scores": 40, "hundreds": 200, "thousands": 2000,
}  # fmt: skip
# Plural round numbers say only an order of magnitude: "dozens of ships" agrees with "about 60 ships".
VAGUE = {"dozens": (24.0, 144.0), "scores": (40.0, 200.0), "hundreds": (200.0, 1000.0), "thousands": (2000.0, 10000.0)}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}

# How journalists hedge a figure, as the interval of true values the phrase allows.
# "more than 1,000" is read as 1,000 to 1,500, not as any number above 1,000: a
# reporter who knew of 11,000 would not write "more than 1,000", so the two conflict.
HEDGES: dict[str, tuple[float, float]] = {
    "more than": (1.0, 1.5), "over": (1.0, 1.5), "at least": (1.0, 1.5), "upwards of": (1.0, 1.5),
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "close to": (0.85, 1.02), "up to": (0.7, 1.0),
    "less than": (0.7, 1.0), "fewer than": (0.7, 1.0), "under": (0.7, 1.0),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "some": (0.85, 1.15), "roughly": (0.85, 1.15),
    "approximately": (0.85, 1.15), "an estimated": (0.85, 1.15), "estimated": (0.85, 1.15),
}  # fmt: skip
EXACT = (0.985, 1.015)  # rounding: 1,200 and 1,190 agree, 24 and 23 do not

_hedge = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_word_number = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?:\b(?P<hedge>{_hedge})\s+)?"
    rf"(?:(?P<digits>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)|\b(?:an?\s+)?(?P<word>{_word_number})\b)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    r"(?:\s*(?P<percent>%|per\s?cent\b|percent\b)|[\s-]+(?:of\s+)?(?P<unit>[^\W\d_][\w'-]*))?",
    re.IGNORECASE,
)
# Words after a number that are not what it counts.
NOT_UNITS = frozenset(STOP_WORDS) | {"percent", "per", "cent"}


@dataclass(frozen=True)
class Figure:
    """A number as written, with what it counts and the interval of values its hedge allows."""

    text: str
    value: float
    unit: str
    low: float
    high: float
    start: int
    end: int

    def agrees_with(self, other: Figure) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def normalized(self) -> str:
        number = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:,.2f}".rstrip("0")
        return f"{number.replace(',', '')} {self.unit}"


@dataclass
class Statement:
    """One fact-bearing sentence or clause of one article."""

    article: Article
    number: int  # 1-based position of the article in the story, for citations
    outlet: str
    position: int  # index of the statement within its article (0 = lede)
    start: int
    end: int
    text: str
    words: frozenset[str]  # content words, lower-cased, for lexical overlap
    entities: frozenset[str] = frozenset()
    figures: list[Figure] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)  # DATE expressions with a calendar value
    quote: int | None = None  # index into article.quotes of the quote it reports
    quoted: list[str] = field(default_factory=list)  # lower-cased phrases inside quotation marks, 2+ content words

    @cached_property
    def days(self) -> list[str]:
        return [time.value for time in self.dates if time.value and DAY_VALUE.match(time.value)]


def find_statements(articles: list[Article]) -> list[Statement]:
    """The statements of every article, in article order then text order."""
    statements: list[Statement] = []
    for number, article in enumerate(articles, start=1):
        position = 0
        for start, end in pieces(article):
            text = article.body[start:end]
            words = WORD.findall(text)
            if len(words) < MIN_WORDS:
                continue
            statements.append(
                Statement(
                    article=article,
                    number=number,
                    outlet=article.reporting_outlet,
                    position=position,
                    start=start,
                    end=end,
                    text=text,
                    words=content_words(words),
                    entities=entities_in(article, start, end),
                    figures=figures_in(article, start, end),
                    dates=[
                        time
                        for time in article.times
                        if start <= time.start
                        and time.end <= end
                        and time.type == "DATE"
                        and time.value
                        and (DAY_VALUE.match(time.value) or MONTH_VALUE.match(time.value))
                    ],
                    quote=quote_in(article, start, end),
                    quoted=quoted_phrases(text),
                )
            )
            position += 1
    return statements


def contextual_texts(statements: list[Statement]) -> list[tuple[int, str]]:
    """(statement index, text) pairs that read a short statement together with a neighbour in its paragraph.

    A short sentence often names its subject by reference ("The shutdown",
    "The move"): embedded alone it looks like nothing; next to the sentence
    before or after it in the same paragraph it shows what it is about.
    """
    pairs = []
    for index, statement in enumerate(statements):
        if len(WORD.findall(statement.text)) >= SHORT_WORDS:
            continue
        for other in (index - 1, index + 1):
            if 0 <= other < len(statements) and same_paragraph(statement, statements[other]):
                first, second = sorted((statement, statements[other]), key=lambda s: s.start)
                pairs.append((index, f"{first.text} {second.text}"))
    return pairs


def aside_readings(statements: list[Statement]) -> list[tuple[int, Statement]]:
    """(statement index, reading) for every aside of a statement: a relative clause set off by commas, read as a
    sentence of its own about the name it follows.

    "Putin, who visited Pyongyang for the first time in 24 years, told Kim ..."
    reports the visit as well as what Putin told Kim; its aside reads "Putin
    visited Pyongyang for the first time in 24 years", which the claim
    aligner can hold against the outlets that report the visit alone. The
    reading has the aside's own words, entities (with the name's), figures
    and dates; its span is the aside's. Needs the article's kept parse.
    """
    readings: list[tuple[int, Statement]] = []
    for index, statement in enumerate(statements):
        doc = statement.article.parse
        span = doc.char_span(statement.start, statement.end, alignment_mode="expand") if doc is not None else None
        if doc is None or span is None:
            continue
        for token in span:
            if token.dep_ != "relcl" or token.head.i >= token.i or token.head.i < span.start:
                continue
            first, last = token.left_edge, token.right_edge
            if first.i == 0 or doc[first.i - 1].text != "," or first.lower_ not in ("who", "which") or last.i >= span.end:
                continue  # only a non-restrictive aside: ", who ..." / ", which ..."
            clause = doc[first.i + 1 : last.i + 1]
            if len(WORD.findall(clause.text)) < MIN_WORDS - 1:
                continue
            name_start, name_end = name_around(statement.article, token.head.idx, token.head.idx + len(token.head))
            name = statement.article.body[name_start:name_end]
            text = f"{name} {clause.text}"
            start, end = clause.start_char, clause.end_char
            readings.append((index, Statement(
                article=statement.article, number=statement.number, outlet=statement.outlet, position=statement.position,
                start=start, end=end, text=text, words=content_words(WORD.findall(text)),
                entities=entities_in(statement.article, start, end) | entities_in(statement.article, name_start, name_end),
                figures=figures_in(statement.article, start, end),
                dates=[time for time in statement.dates if start <= time.start and time.end <= end],
            )))  # fmt: skip
    return readings


def name_around(article: Article, start: int, end: int) -> tuple[int, int]:
    """The span of the entity mention that holds [start, end) ("Vladimir Putin" around "Putin"), else the span itself."""
    for mention in article.entities:
        if mention.start <= start and end <= mention.end:
            return mention.start, mention.end
    return start, end


def same_paragraph(first: Statement, second: Statement) -> bool:
    if first.article is not second.article:
        return False
    start, end = sorted((first.start, second.start))
    return "\n" not in first.article.body[start:end]


def pieces(article: Article) -> list[tuple[int, int]]:
    """Sentence spans of the body, long sentences cut into clauses at semicolons."""
    spans = article.sentences or paragraph_spans(article.body)
    result: list[tuple[int, int]] = []
    for start, end in spans:
        text = article.body[start:end]
        if len(WORD.findall(text)) <= LONG_SENTENCE_WORDS or ";" not in text:
            result.append((start, end))
            continue
        offset = start
        for clause in text.split(";"):
            stripped = clause.strip()
            if stripped:
                clause_start = offset + clause.index(stripped)
                result.append((clause_start, clause_start + len(stripped)))
            offset += len(clause) + 1
    return result


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Fallback for an article without a parse: its non-empty lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", body)]


def content_words(words: list[str]) -> frozenset[str]:
    """Lower-cased words without stop words, plurals made singular so "ship" meets "ships"."""
    result = set()
    for word in words:
        lower = word.lower().replace("’", "'")
        if lower in STOP_WORDS or lower.isdigit():
            continue
        result.add(singular(lower))
    return frozenset(result)


def singular(word: str) -> str:
    """A rough singular of an English plural: enough for "ships"/"ship" and "countries"/"country" to meet."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def figures_in(article: Article, start: int, end: int) -> list[Figure]:
    """The counted numbers of a span; calendar dates, clock times and years are the time layer's, not figures."""
    text = article.body[start:end]
    timed = [(t.start - start, t.end - start) for t in article.times if t.type != "DURATION"]
    figures: list[Figure] = []
    for match in NUMBER.finditer(text):
        number_start = match.start("digits") if match.group("digits") else match.start("word")
        if any(a <= number_start < b for a, b in timed):
            continue
        figure = read_figure(match, start, figures[-1].unit if figures else None)
        if figure:
            figures.append(figure)
    return figures


PARTITIVES = frozenset({"them", "those", "these", "which", "whom"})  # "four tugs, two of them": still tugs


def read_figure(match: re.Match[str], offset: int, previous_unit: str | None) -> Figure | None:
    digits, word = match.group("digits"), match.group("word")
    if digits:
        value = float(digits.replace(",", ""))
        if re.fullmatch(r"(?:1[89]|20)\d\d", digits) and not match.group("unit"):
            return None  # a bare year
    else:
        value = float(WORD_NUMBERS[word.lower()])
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    if match.group("percent"):
        unit = "percent"
    else:
        unit_word = (match.group("unit") or "").lower()
        if unit_word in PARTITIVES and previous_unit:
            unit_word = previous_unit
        if not unit_word or unit_word in NOT_UNITS:
            return None  # a number that counts nothing we can name cannot be compared
        unit = singular(unit_word)
    hedge = (match.group("hedge") or "").lower()
    low, high = HEDGES.get(hedge, EXACT)
    low, high = value * low, value * high
    if word and word.lower() in VAGUE and not match.group("scale"):
        low, high = VAGUE[word.lower()]
    return Figure(
        text=match.group(0).strip(),
        value=value,
        unit=unit,
        low=low,
        high=high,
        start=offset + match.start(),
        end=offset + match.end(),
    )


def entities_in(article: Article, start: int, end: int) -> frozenset[str]:
    """Entity ids mentioned in the span, and the speaker of a quote it holds (a speaker named in another sentence counts)."""
    ids = {m.entity for m in article.entities if m.entity and start <= m.start and m.end <= end}
    ids |= {q.speaker for q in article.quotes if q.speaker and q.start < end and start < q.end}
    return frozenset(ids)


QUOTED = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")


def quoted_phrases(text: str) -> list[str]:
    """Phrases between quotation marks that carry at least two content words, lower-cased."""
    return [
        " ".join(WORD.findall(match.group(1).lower())) for match in QUOTED.finditer(text) if len(content_words(WORD.findall(match.group(1)))) >= 2
    ]


def quote_in(article: Article, start: int, end: int) -> int | None:
    """The index of the quote that overlaps the span most, if any."""
    best, best_overlap = None, 0
    for index, quote in enumerate(article.quotes):
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best
