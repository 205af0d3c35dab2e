"""Statements: the fact-bearing pieces of each article that claims are aligned from.

A statement is a sentence of the body (the parse's sentences, cut at
paragraph breaks), or a clause of a long sentence cut at a semicolon. It
carries what the comparison stages need: the story-wide ids of the
entities it mentions, its numbers with their units and hedges, the calendar
dates of its time expressions, and the quote it reports, if any. Relative
and adverbial clauses that tell a fact of their own ("the carrier that ran
aground on Kettle Shoal", "after a carrier ran aground ...") are statements
too, read on their own (`clause_statements`), so that a sentence can
support the two facts it reports. So are, as secondary readings that can
join a claim but never form one, the two main clauses of "X, but Y", what
a sentence's speaker said ("The Coast Guard said families had been
notified"), and a long sentence's stretches between commas and dashes.

Counts carry what they count ("171 passengers", "five of the six crew"),
and, when the words next to them say, what they measure: a length's depth,
height, distance or size; what befell the people counted (killed, injured,
missing, trapped, detained, in a critical condition).

Known limits: numbers written as words are read up to twenty, plus "a
dozen"/"dozens"; units are not converted (feet and metres are not
compared); what befell the people counted is read from nearby words, not
from the parse, so "17 of the people evacuated were injured" reads as the
evacuated.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from newsprism.annotate.quotes import SPEECH_VERBS
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
# ... but never more than half a unit of the number's last written digit: only round numbers are rounded, so 72 km
# and 71 km, 143 and 145 dead, a magnitude 7.6 and 7.5 differ, while 1,200 still allows 1,182 to 1,218.
HALF_DIGIT = 0.49

_hedge = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_word_number = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?:\b(?P<hedge>{_hedge})\s+)?"
    rf"(?:(?P<digits>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)|\b(?:an?\s+)?(?P<word>{_word_number})\b)"
    r"(?P<half>\s+and\s+a\s+half\b)?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    r"(?:\s*(?P<percent>%|per\s?cent\b|percent\b)|[\s-]+(?:of\s+)?(?P<unit>[^\W\d_][\w'-]*))?",
    re.IGNORECASE,
)
# Words that say a figure is a record ("the first closure in 16 years"): kept among the words around a figure.
ORDINALS = frozenset({"first", "last", "second", "third", "latest", "largest", "biggest", "worst"})
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

    measure: str | None = None  # what a length measures, when the words around it say: "depth", "height", "distance"

    def agrees_with(self, other: Figure) -> bool:
        return self.low <= other.high and other.low <= self.high

    def comparable(self, other: Figure) -> bool:
        """Same unit, and not two different measures of it (a wreck's depth against the debris' distance from it)."""
        return self.unit == other.unit and (self.measure is None or other.measure is None or self.measure == other.measure)

    @property
    def normalized(self) -> str:
        number = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:,.2f}".rstrip("0")
        return f"{number.replace(',', '')} {self.unit}"


@dataclass
class Statement:
    """One fact-bearing sentence or clause of one article."""

    article: Article
    doc: Doc | None  # the article's parse, read back from Article.prepared (None for an article whose annotation failed)
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
    # A clause statement (see `clause_statements`): the span of the sentence it was read from, and how it reads
    # on its own ("the bulk carrier ran aground ..." for "the bulk carrier that ran aground ...").
    sentence: tuple[int, int] | None = None
    reading: str | None = None
    # A reading that only joins claims other statements form, never forms one (see `conjunct_readings`).
    secondary: bool = False
    # Per-statement work done once, however many pairs the statement is compared in (see conflicts.act_words).
    acts: dict[int, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def days(self) -> list[str]:
        return [time.value for time in self.dates if time.value and DAY_VALUE.match(time.value)]

    @property
    def compared_text(self) -> str:
        """What is embedded and compared: the clause's own reading, else the text."""
        return self.reading or self.text

    @property
    def source_span(self) -> tuple[int, int]:
        """What a reader is shown: the whole sentence, also for a clause of it."""
        return self.sentence or (self.start, self.end)

    @property
    def source_text(self) -> str:
        start, end = self.source_span
        return self.article.body[start:end]


def find_statements(articles: Sequence[Article], parses: Sequence[Doc | None] | None = None) -> list[Statement]:
    """The statements of every article, in article order then text order; `parses` are the articles' parses, in order
    (None: no parse, so no clause statements and no parse-based conflict checks)."""
    statements: list[Statement] = []
    docs = parses if parses is not None else [None] * len(articles)
    for number, (article, doc) in enumerate(zip(articles, docs, strict=True), start=1):
        position = 0
        for start, end in pieces(article):
            text = article.body[start:end]
            words = WORD.findall(text)
            if len(words) < MIN_WORDS:
                continue
            statements.append(
                Statement(
                    article=article,
                    doc=doc,
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
        if statement.sentence is not None or len(WORD.findall(statement.text)) >= SHORT_WORDS:
            continue  # a clause is read with the noun it is about already
        for other in (index - 1, index + 1):
            if 0 <= other < len(statements) and statements[other].sentence is None and same_paragraph(statement, statements[other]):
                first, second = sorted((statement, statements[other]), key=lambda s: s.start)
                pairs.append((index, f"{first.text} {second.text}"))
    return pairs


# Subordinating words that open an adverbial clause telling an event of its own ("after a carrier ran aground").
EVENT_MARKERS = frozenset({"after", "before", "when", "as", "since", "because", "while", "until", "once"})
RELATIVE_WORDS = frozenset({"who", "which", "that"})


def clause_statements(statements: list[Statement]) -> list[Statement]:
    """The clauses of sentences that state a fact of their own, as statements read on their own.

    "Kessaria and Sarvel signed an accord ... for the bulk carrier that ran
    aground on Kettle Shoal" and "Putin, who visited Pyongyang for the first
    time in 24 years, told Kim ..." each report a second fact, which other
    outlets may tell in a sentence of its own. Two kinds of clause are read:
    a relative clause with its own verb, read about the noun it follows ("the
    bulk carrier ran aground on Kettle Shoal"), and an adverbial clause with
    its own subject opened by "after", "when", "because" ... ("a bulk carrier
    ran aground at the entrance to Port Veyra"). The clause statement keeps
    the clause's span, figures, dates and entities (and the noun's), and its
    sentence's span for what readers are shown. Needs the article's parse.

    Secondary readings come too (`Statement.secondary`): the two main clauses
    of "X, but Y" (`conjunct_readings`), what a sentence's speaker said
    (`reported_reading`) and a long sentence's stretches (`stretch_readings`).
    """
    clauses: list[Statement] = []
    for statement in statements:
        doc = statement.doc
        span = doc.char_span(statement.start, statement.end, alignment_mode="expand") if doc is not None else None
        if doc is None or span is None:
            continue
        readings = [(read, False) for token in span if (read := clause_reading(token, span)) is not None]
        readings += [(read, True) for token in span for read in conjunct_readings(token, span)]
        readings += [(read, True) for token in span if (read := reported_reading(token, span)) is not None]
        readings += [(read, True) for read in stretch_readings(statement)]
        sentence_words = len(WORD.findall(statement.text))
        for ((start, end), (name_start, name_end), text), secondary in readings:
            words = len(WORD.findall(text))
            if words < MIN_WORDS or (secondary and words > MOST_OF_SENTENCE * sentence_words):
                continue  # too short to tell a fact, or so much of its sentence that it reads as the sentence does
            article = statement.article
            clauses.append(Statement(
                article=article, doc=doc, number=statement.number, outlet=statement.outlet, position=statement.position,
                start=start, end=end, text=article.body[start:end], words=content_words(WORD.findall(text)),
                entities=entities_in(article, start, end) | entities_in(article, name_start, name_end),
                figures=figures_in(article, start, end),
                dates=[time for time in statement.dates if start <= time.start and time.end <= end],
                quoted=quoted_phrases(text), sentence=(statement.start, statement.end), reading=text, secondary=secondary,
            ))  # fmt: skip
    return clauses


def clause_reading(verb: Token, sentence: Span) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """For the verb of a relative or adverbial clause inside the sentence: the clause's span, the span of the
    noun phrase it is about ((0, 0) if none), and the clause read as a sentence; None for any other token."""
    first, last = verb.left_edge, verb.right_edge
    if first.i < sentence.start or last.i >= sentence.end or verb.pos_ not in ("VERB", "AUX"):
        return None
    doc = verb.doc
    if verb.dep_ == "relcl" and verb.head.i < first.i and first.lower_ in RELATIVE_WORDS:
        noun = verb.head
        noun_start = max(noun.left_edge.i, sentence.start)
        name = doc[noun_start : noun.i + 1]
        if first.i + 1 > last.i:
            return None
        rest = doc[first.i + 1 : last.i + 1]
        return (first.idx, last.idx + len(last)), (name.start_char, name.end_char), f"{name.text} {rest.text}"
    if verb.dep_ == "advcl" and any(child.dep_ == "nsubj" for child in verb.children):
        markers = [child for child in verb.children if child.dep_ == "mark" and child.lower_ in EVENT_MARKERS and child.i == first.i]
        if not markers or first.i + 1 > last.i:
            return None
        rest = doc[first.i + 1 : last.i + 1]
        return (rest.start_char, rest.end_char), (0, 0), rest.text
    return None


def reported_reading(verb: Token, sentence: Span) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """For the verb of saying that heads a sentence ("The Coast Guard said families of the men had been notified"):
    what was said, read as a sentence of its own ("families of the men had been notified"); None for any other
    token. A secondary reading (see `conjunct_readings`): who said it is part of the fact too."""
    if verb.dep_ != "ROOT" or verb.lemma_ not in SPEECH_VERBS:
        return None
    said = next((child for child in verb.children if child.dep_ == "ccomp" and any(c.dep_ in SUBJECTS for c in child.children)), None)
    if said is None:
        return None
    first, last = said.left_edge, said.right_edge
    while first.i < last.i and (first.dep_ == "mark" or first.is_punct):
        first = first.doc[first.i + 1]  # "that" opens the clause but is not part of what was said
    if first.i < sentence.start or last.i >= sentence.end:
        return None
    content = first.doc[first.i : last.i + 1]
    return (content.start_char, content.end_char), (0, 0), content.text


MOST_OF_SENTENCE = 0.8  # a secondary reading longer than this share of its sentence's words adds nothing to it
LONG_FOR_STRETCHES = 30  # words from which a sentence is also read a stretch at a time
STRETCH_WORDS = 10  # the fewest words a stretch holds
STRETCH_BREAK = re.compile(r",\s+|\s+[—–-]\s+|;\s+")


def stretch_readings(statement: Statement) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """A long sentence's stretches between commas and dashes, each of STRETCH_WORDS words or more (short ones run on
    into the next), read on their own: "The 6.8-magnitude quake struck ... at 11:11 pm Friday, the US Geological
    Survey said, wiping out entire villages" tells three facts that other outlets tell in sentences of their own.
    Secondary readings (see `conjunct_readings`); the sentence itself is not repeated."""
    text = statement.text
    words = len(WORD.findall(text))
    if words < LONG_FOR_STRETCHES:
        return []
    cuts = [0, *(match.end() for match in STRETCH_BREAK.finditer(text)), len(text)]
    readings = []
    for first in range(len(cuts) - 1):
        last = first + 1
        while last < len(cuts) - 1 and len(WORD.findall(text[cuts[first] : cuts[last]])) < STRETCH_WORDS:
            last += 1
        piece = text[cuts[first] : cuts[last]].strip(" ,;—–-")
        if piece and STRETCH_WORDS <= len(WORD.findall(piece)) < words - 3:
            start = statement.start + text.index(piece, cuts[first])
            readings.append(((start, start + len(piece)), (0, 0), piece))
    return readings


SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
COORDINATORS = frozenset({"and", "but", "while", "yet", "whereas"})


def conjunct_readings(verb: Token, sentence: Span) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """For the verb of a second main clause with a subject of its own ("All 379 aboard escaped, but five of the six
    crew died"): each of the two clauses read as a sentence of its own; [] for any other token.

    These readings are secondary statements: they join a claim that other
    outlets' sentences form (the lede that packs two facts supports both),
    but never form or merge claims themselves, since a short clause read
    alone ("the people of the port did not wreck this ship") resembles too
    many sentences of the story.
    """
    head = verb.head
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or head.pos_ not in ("VERB", "AUX") or head.i >= verb.i:
        return []
    if head.dep_ != "ROOT" or not any(child.dep_ in SUBJECTS for child in verb.children):
        return []
    doc = verb.doc
    first, last = verb.left_edge.i, min(verb.right_edge.i, sentence.end - 1)
    before = first
    while before > sentence.start and (doc[before - 1].is_punct or doc[before - 1].lower_ in COORDINATORS):
        before -= 1  # ", but" belongs to neither clause
    if before <= sentence.start or first > last:
        return []
    opening, closing = doc[sentence.start : before], doc[first : last + 1]
    return [((part.start_char, part.end_char), (0, 0), part.text) for part in (opening, closing)]


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
    matches = list(NUMBER.finditer(text))
    wholes: set[int] = set()  # the "six" of "five of the six crew": the whole a part is counted in, not a fact's figure
    for index, match in enumerate(matches):
        number_start = match.start("digits") if match.group("digits") else match.start("word")
        unit_before = unit_named_before(text, match)
        if index in wholes or any(a <= number_start < b for a, b in timed) or (not unit_before and in_a_name(text, match)):
            continue
        named = named_noun(text, match)
        whole = matches[index + 1] if index + 1 < len(matches) else None
        counted = match  # what the fate of the counted is read around: the whole of a part ("five of the six crew died")
        if whole is not None and is_partitive(text, match, whole):
            wholes.add(index + 1)
            named = named_noun(text, whole) or whole.group("unit") or ""
            counted = whole
        if unit_before:
            named = unit_before
        counts_nothing = (match.group("unit") or "").lower() in NOT_UNITS | {""} and not match.group("percent")
        toll = bare_count_fate(text, match) if counts_nothing and not unit_before else None
        unit_word = (match.group("unit") or "").lower()
        if not toll and not unit_before and FATES.get(unit_word) in COUNTED_FATES and named is None:
            toll = FATES[unit_word]  # "with 329 injured", "11 dead": the word after the number says what befell them
        if toll:
            named = "people"
        figure = read_figure(match, start, figures[-1].unit if figures else None, named)
        if figure and (toll or unit_before):  # the word after the number ("93 but", "4.5 rattled") is not part of the figure
            number_end = match.end("digits") if match.group("digits") else match.end("word")
            figure = dataclasses.replace(figure, text=text[match.start() : number_end], end=start + number_end)
        if figure:
            if figure.unit in LENGTHS:
                figure = dataclasses.replace(figure, measure=measure_of(text, match) or size_of(match))
            elif figure.unit in PEOPLE:
                figure = dataclasses.replace(figure, measure=toll or fate_of(text, counted))
            figures.append(figure)
    return figures


# Counts of people, and what befell the people counted, told by the words next to the count: "143 people were
# killed", "672 people were injured", "killing at least 820 people", "nearly 150 are wounded". The dead, the
# injured, the missing and the trapped of one disaster are different counts, never a conflict.
PEOPLE = frozenset({"people", "person", "passenger", "crew", "member", "civilian", "resident", "child", "victim", "villager", "tourist", "worker"})
FATES = {
    **dict.fromkeys(("killed", "killing", "dead", "died", "death", "deaths", "die", "dying", "fatalities", "lives", "toll", "bodies"), "dead"),
    **dict.fromkeys(("injured", "injuring", "injuries", "wounded", "wounding", "hurt", "hospitalized", "hospitalised"), "injured"),
    **dict.fromkeys(("missing", "unaccounted"), "missing"),
    **dict.fromkeys(("trapped", "buried"), "trapped"),
    **dict.fromkeys(("detained", "arrested", "held", "apprehended", "detention", "arrest"), "detained"),
    **dict.fromkeys(("evacuated", "rescued", "escaped", "survived", "safe", "safely"), "safe"),
    **dict.fromkeys(("homeless", "displaced"), "displaced"),
    "critical": "critical",  # "205 in a critical condition" are some of the injured, counted apart
}
FATE_WORDS_AFTER = 6  # "143 people were killed", "five of the six crew on the plane died"
FATE_WORDS_BEFORE = 3  # "killing at least 820 people", "the deaths of 115 people"


def fate_of(text: str, match: re.Match[str]) -> str | None:
    """What befell the people a count counts, when the words right after it (else right before it) say."""
    # Within the number's own clause: in "382 people were injured, 205 of whom received outpatient care" the 205
    # are not said to be injured again.
    after = WORD.findall(re.split(r"[,;:.()]", text[match.end() :], maxsplit=1)[0].lower())[:FATE_WORDS_AFTER]
    before = WORD.findall(re.split(r"[,;:.()]", text[: match.start()])[-1].lower())[-FATE_WORDS_BEFORE:]
    for word in after:
        if word in FATES:
            return FATES[word]
    for word in reversed(before):
        if word in FATES:
            return FATES[word]
    return None


# A bare number that counts people by what befell them: a toll rises to it ("the death toll ... has risen to 93",
# "now stands at 115", "the number of people killed ... rose to 115"), or it is what was killed ("nearly 150 are
# wounded", "143 were killed", "205 in a critical condition").
TOLL = re.compile(
    r"\b(?P<fate>death|casualty|injury)?\s*toll\b[^.;:]{0,160}?\b(?:to|at|reached|hit|of)\s+$"
    r"|\bnumber of (?:people |those )?(?P<counted>killed|dead|injured|wounded|missing)\b[^.;:]{0,80}?\b(?:to|at|reached|hit)\s+$",
    re.IGNORECASE,
)
TOLL_FATES = {"": "dead", "death": "dead", "casualty": "dead", "injury": "injured"}
COUNTED_FATES = frozenset({"dead", "injured", "missing", "trapped", "critical"})  # what a number alone may count
BEFALLEN = re.compile(
    r"\s+(?:(?:are|were|have been|had been|was|remain|remained)\s+(?:\w+ly\s+)?(?P<fate>\w+)|in (?:a )?(?P<condition>critical) condition)",
    re.IGNORECASE,
)
TOLL_WINDOW = 220  # characters read before the number for the toll it is the value of


def bare_count_fate(text: str, match: re.Match[str]) -> str | None:
    """The fate a number with no counted noun counts, when a toll rises to it or a verb of harm follows; else None."""
    found = TOLL.search(text[max(0, match.start() - TOLL_WINDOW) : match.start()])  # the match opens with its hedge
    if found is not None:
        if found.group("counted"):
            return FATES.get(found.group("counted").lower())
        return TOLL_FATES[(found.group("fate") or "").lower()]
    number_end = match.end("digits") if match.group("digits") else match.end("word")
    befallen = BEFALLEN.match(text, number_end)
    fate = FATES.get((befallen.group("fate") or befallen.group("condition")).lower()) if befallen else None
    return fate if fate in COUNTED_FATES else None


PARTITIVES = frozenset({"them", "those", "these", "which", "whom"})  # "four tugs, two of them": still tugs
WORD_AFTER = re.compile(r"[\s-]+([^\W_][\w'-]*)")
NAME_WORDS_AHEAD = 4  # "65 Boeing 737 MAX 9 planes": name words skipped to reach the counted noun


# One name per unit, whichever way it is spelt or shortened ("71 km" and "72 kilometres" are compared).
UNIT_NAMES = {
    **dict.fromkeys(("km", "kms", "kilometer", "kilometers", "kilometres"), "kilometre"),
    **dict.fromkeys(("meter", "meters", "metres"), "metre"),
    **dict.fromkeys(("ft", "foot"), "feet"),
    **dict.fromkeys(("mi", "miles"), "mile"),
    **dict.fromkeys(("kg", "kilo", "kilos", "kilogram", "kilograms"), "kilogramme"),
}

# What a length measures, told by the words next to it: "12,400 feet under the sea", "a depth of 13,000 feet",
# "1,600 feet from the bow", "at an altitude of 16,000 feet".
LENGTHS = frozenset({"feet", "metre", "mile", "kilometre", "yard", "inch"})
MEASURE_CUES = {
    **dict.fromkeys(("depth", "deep", "under", "beneath", "below", "underwater", "seabed", "seafloor"), "depth"),
    **dict.fromkeys(("altitude", "high", "above", "height", "tall", "elevation", "climbing", "cruising"), "height"),
    **dict.fromkeys(("from", "away", "off", "distance", "apart"), "distance"),
}
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})  # "north of": distance
MEASURE_WINDOW = 25  # characters read on each side of the figure


def measure_of(text: str, match: re.Match[str]) -> str | None:
    """The measure a length's neighbours name: the first cue after it, else the last one before it."""
    after = WORD.findall(text[match.end() : match.end() + MEASURE_WINDOW].lower())
    before = WORD.findall(text[max(0, match.start() - MEASURE_WINDOW) : match.start()].lower())
    for position, word in enumerate(after):
        if word in MEASURE_CUES:
            return MEASURE_CUES[word]
        if word in COMPASS and after[position + 1 : position + 2] == ["of"]:
            return "distance"
    for word in reversed(before):
        if word in MEASURE_CUES:
            return MEASURE_CUES[word]
    return None


def size_of(match: re.Match[str]) -> str | None:
    """ "size" for a length written as an adjective ("the 22-foot submersible", "a 6.7-metre hull"): what it measures
    is the size of the thing it describes, not a depth or a distance; else None."""
    unit = match.group("unit")
    return "size" if unit and match.group(0).rstrip().endswith("-" + unit) else None


# Units written before the number: "a magnitude 7.2 quake", "a magnitude-7.6 earthquake" measure magnitude, not quakes.
UNITS_BEFORE = frozenset({"magnitude"})


def unit_named_before(text: str, match: re.Match[str]) -> str | None:
    """The unit a number follows ("magnitude 7.2"), when one of UNITS_BEFORE comes right before it."""
    if match.group("hedge"):
        return None
    before = re.search(r"([^\W\d_]+)[\s-]+$", text[max(0, match.start() - 20) : match.start()])
    return before.group(1).lower() if before and before.group(1).lower() in UNITS_BEFORE else None


PARTITIVE_DETERMINERS = frozenset({"the", "its", "their", "these", "those", "his", "her", "our"})


def is_partitive(text: str, part: re.Match[str], whole: re.Match[str]) -> bool:
    """Whether `part` counts some of `whole`: "five of the six crew", "two of its 40 jets", "five out of six crew"
    (the part counts crew)."""
    unit = (part.group("unit") or "").lower()
    between = text[part.end() : whole.start()].strip().lower()
    if whole.group("hedge"):
        return False
    if unit in PARTITIVE_DETERMINERS:
        return re.search(r"\bof\s+\S+$", part.group(0)) is not None and not between
    return unit == "out" and between in ("of", "of the", "of its", "of their")


def in_a_name(text: str, match: re.Match[str]) -> bool:
    """Whether the number is part of a name or a model ("Boeing 737", "MAX 9", "Flight 1282", "Dash-8"): it follows
    a capitalised word that is not a sentence's opening function word, or hangs on a word by a hyphen."""
    if match.group("hedge"):
        return False
    before = text[: match.start()]
    if before.endswith("-") and before[-2:-1].isalpha():
        return True
    words = before.split()
    if not words:
        return False
    last = words[-1].strip("\"'“”‘’(")
    return bool(last) and last[0].isupper() and last.lower() not in STOP_WORDS and not last.endswith((",", ";", ":", "."))


def named_noun(text: str, match: re.Match[str]) -> str | None:
    """What a number counts when a name stands between them ("65 Boeing 737 MAX 9 planes" counts planes): the first
    word in lower case after the name's words; None when the word after the number is not a name."""
    unit = match.group("unit")
    if not unit or not unit[0].isupper():
        return None
    position = match.end()
    for _ in range(NAME_WORDS_AHEAD):
        following = WORD_AFTER.match(text, position)
        if following is None:
            return ""
        word = following.group(1)
        if word[0].islower():
            return word
        position = following.end()
    return ""  # only names follow: what is counted is not said


def read_figure(match: re.Match[str], offset: int, previous_unit: str | None, named: str | None = None) -> Figure | None:
    digits, word = match.group("digits"), match.group("word")
    if digits:
        value = float(digits.replace(",", ""))
        if re.fullmatch(r"(?:1[89]|20)\d\d", digits) and not match.group("unit"):
            return None  # a bare year
    else:
        value = float(WORD_NUMBERS[word.lower()])
    if match.group("half"):
        value += 0.5  # "eight and a half hours"
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    if match.group("percent"):
        unit = "percent"
    else:
        unit_word = (named if named is not None else match.group("unit") or "").lower()
        if unit_word in PARTITIVES and previous_unit:
            unit_word = previous_unit
        if not unit_word or unit_word in NOT_UNITS:
            return None  # a number that counts nothing we can name cannot be compared
        unit = UNIT_NAMES.get(unit_word, singular(unit_word))
    hedge = (match.group("hedge") or "").lower()
    low, high = HEDGES.get(hedge, EXACT)
    low, high = value * low, value * high
    if not hedge and digits:
        margin = min(value - low, HALF_DIGIT * last_digit_unit(digits) * (SCALES[match.group("scale").lower()] if match.group("scale") else 1))
        low, high = value - margin, value + margin
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


def last_digit_unit(digits: str) -> float:
    """The value of one unit of the last digit written: 1 for "72", 100 for "1,200", 0.1 for "7.6"."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".", 1)[1])
    stripped = plain.rstrip("0")
    return 10.0 ** (len(plain) - len(stripped)) if stripped else 1.0


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
