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

Each statement's figures come from `newsprism.compare.figures`.

Known limits: a fact told across two sentences meets the other outlets'
sentence through the closer of the two only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from newsprism.annotate.quote_words import SPEECH_VERBS
from newsprism.compare.figures import WORD, Figure, figures_in, singular
from newsprism.model import Article, TimeExpr

MIN_WORDS = 5  # shorter pieces are headings, credits or fragments, not facts
SHORT_WORDS = 12  # shorter statements lean on their neighbours ("The shutdown is the first in 16 years.")
LONG_SENTENCE_WORDS = 40  # longer sentences are cut at semicolons into clauses

DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")



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
    acts: dict[tuple[int, bool], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

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
    of "X, but Y" (`conjunct_readings`), the two halves of "X although Y"
    (`concessive_readings`), what a sentence's speaker said
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
        readings += [(read, True) for token in span for read in concessive_readings(token, span)]
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


# Openers of a clause that sets a second fact against the sentence's own ("... although Moscow repeated its line").
CONCESSIVE_MARKERS = frozenset({"although", "though", "whereas", "while"})


def concessive_readings(verb: Token, sentence: Span) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """For the verb of a clause opened by "although", "though", "whereas" or "while" with a subject of its own, at the
    start or the end of its sentence ("The attack was swiftly claimed by Islamic State although Moscow has repeated
    its line"): the sentence without that clause, and the clause without its opener, each read as a sentence of its
    own; [] for any other token. Secondary readings, like `conjunct_readings`'."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.pos_ not in ("VERB", "AUX") or head.dep_ != "ROOT" or head.i == verb.i:
        return []
    marker = next((child for child in verb.children if child.dep_ == "mark"), None)
    if marker is None or marker.lower_ not in CONCESSIVE_MARKERS or not any(child.dep_ in SUBJECTS for child in verb.children):
        return []
    doc = verb.doc
    first, last = verb.left_edge.i, min(verb.right_edge.i, sentence.end - 1)
    ending = sentence.end - 1
    while ending > last and doc[ending].is_punct:
        ending -= 1
    if first > sentence.start and ending == last:  # "X although Y."
        main_end = first
        while main_end > sentence.start and doc[main_end - 1].is_punct:
            main_end -= 1
        main = doc[sentence.start : main_end]
    elif first == sentence.start and last < ending:  # "Although Y, X."
        main_start = last + 1
        while main_start <= ending and doc[main_start].is_punct:
            main_start += 1
        main = doc[main_start : ending + 1]
    else:
        return []
    clause = doc[marker.i + 1 : last + 1] if marker.i == first else doc[first : last + 1]
    return [((part.start_char, part.end_char), (0, 0), part.text) for part in (main, clause) if len(part)]


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
