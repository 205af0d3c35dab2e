"""Who said what: the reported speech of one article, with speaker, cue verb and channel.

Approach (one pass over the text's quotation marks, one over the parsed
sentences; no model beyond the spaCy parse, lexicons are sets of lemmas):

1. Quotation marks. Curly, low and guillemet marks say which way they face;
   straight marks and the two apostrophes of some archives ('') alternate.
   A paragraph that ends inside a quotation continues into the next one when
   that paragraph reopens with a mark (the newspaper convention for quotes
   over several paragraphs); otherwise the quotation ends with its paragraph.
2. Attribution frames. A token outside quotation marks whose lemma is a verb
   of saying, thinking or showing, of intent, of judgement or of announcing
   (the `*_VERBS` sets) opens a frame. Its speaker is the verb's subject
   (also the passive subject of "was quoted as saying", the agent of a
   passive, the noun a relative "who" stands for), found by climbing from an
   `xcomp`/`advcl`/`conj`/`pcomp` verb to one that has a subject ("Smith
   said ..., adding that ..."). Its content is the clausal complement
   (ccomp); else the infinitive of a verb of intent ("vowed to ..."); else
   the objects after a verb of judgement ("called him a “loser”"); else the
   object of a verb of announcing ("denied the report"); else, for a cue in
   parenthesis ("..., Smith said"), the clause it interrupts. "according to
   X" has X as speaker and the rest of its sentence as content. Content stays
   within the cue's paragraph. A reporting frame ("..., Tass reported") or an
   "according to" around another frame of its sentence becomes that frame's
   channel (`via`) instead of a quote; so do "told <Name>", "in an interview
   with <Name>" and "on <Name>" when the name is not a person or place.
   After a quotation of four or more words ending in a comma, any finite verb
   right after the closing mark (“...,” rhapsodized the Wire) or right after a
   subject that follows it (“...,” the Wire gushed) is a cue, listed or not,
   with that quotation as content. A sentence the parse runs over a paragraph
   break is read as one per paragraph.
3. Direct quotes. A quotation belongs to the frame whose content covers it
   or, failing that, to the nearest cue in its paragraph within the
   sentences it opens and closes in. When the covering content has two or
   more words besides the quotation, the quote is *mixed* and its text is
   the content. A quotation with no cue of its own continues the quote it
   follows when only the attribution separates them (“A,” he said, “B.” is
   one quote, its text the parts joined by a space, its span from the first
   to the last); it takes the preceding speaker when it is in the same
   paragraph or is a quote-only paragraph right after; a quote-only paragraph
   after one that ends with a colon takes that sentence's speaker
   ("Kirby said:", "Jones echoed:"); an unattributed fragment in the sentence
   of a mixed quote takes its speaker. Quotations of fewer than four words are
   speech only inside a frame's content, so scare quotes around a term
   ("aggression") are not quotes; longer unattributed ones need a verb and
   must not be a title in capitals.
4. Speakers. A name is the spaCy entity (PERSON, ORG, GPE, NORP) the subject
   is part of or has as apposition or compound, trimmed like the entity
   mentions (no "the", honorifics, a person's titles, possessive); a common
   noun keeps its phrase up to the head ("the White House spokesman"). A
   pronoun ("he", "she", "they", "it") is resolved to an earlier entity of a
   compatible kind in the nearest sentence that names one, its subject
   first, for "he"/"she" skipping people whose honorific ("Mr.", "Mrs.",
   "Ms.") says otherwise; unresolved, the pronoun itself is the name.

Known limits: the parse decides the extent of indirect content, so a
misparsed sentence gives a too long or too short quote, and the words after
an embedded quotation ("... “excited” as he faces ...") stay in a mixed
quote; single quotation marks are not read as quotes (they are apostrophes
too often); nested attributions keep only the innermost speaker; a quote
attributed only in a later paragraph, by a transcript label ("SMITH: ..."),
or by a noun ("X's statement that ...") gets no or the wrong speaker;
pronoun resolution is a recency heuristic, and gender is known only from
honorifics. PolNeAR-style attributions without a verb of saying ("X ruled
against Y", "voters fear ...") are found only when their verb is listed (`quote_words`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsprism.annotate.entities import is_honorific, is_title
from newsprism.annotate.language import body_of, sentences
from newsprism.annotate.quote_words import (
    CHANNEL_CUES,
    CHANNEL_PREPOSITIONS,
    CUE_VERBS,
    DESCRIBE_VERBS,
    GROUP_PRONOUNS,
    HONORIFIC_GENDER,
    INTENT_VERBS,
    MESSAGE_OBJECT_VERBS,
    OCCASION_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from newsprism.model import Quote

PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
# Double quotation marks; two apostrophes stand for one in some newspapers' archives (''like this'').
QUOTE_MARK = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]|''(?!')")
OPENING_MARKS = "\u201c\u201e\u00ab"
CLOSING_MARKS = "\u201d\u00bb"
WORD = re.compile(r"\w+")
# The marks that reopen a continued quotation at the start of its next paragraph, removed from its text.
REOPENING = re.compile(r"(\n[ \t\u00a0]*\n\s*)(?:[\"\u201c\u201e\u00ab]|'')")

NOT_CHANNEL_LABELS = {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT", "LAW"}
# The dependents through which a describing verb (`DESCRIBE_VERBS`) takes what it reports.
DESCRIBE_DEPS = {"dobj", "oprd", "prep", "dative", "attr", "acomp", "xcomp"}
# Dependencies through which a verb without a subject borrows the subject of its head.
CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "dobj", "pobj", "oprd"}
SUBJECT_DEPS = {"nsubj", "csubj"}
# A cue after a quotation's closing mark, whatever its verb: a finite verb, and the subject that follows
# it in the inverted order (which the parse often takes for an object: “...,” rhapsodized the Wire).
FINITE_TAGS = {"VBD", "VBZ"}
INVERTED_SUBJECT_DEPS = {"nsubj", "dobj", "npadvmod"}
# Dependencies inside a noun phrase, climbed from its first word to its head ("the" -> "Wire", "Ms." -> "Orlo").
NOUN_PHRASE_DEPS = {"det", "compound", "amod", "poss", "nmod", "case", "nummod"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
SPEAKER_MODIFIER_LABELS = {"PERSON", "ORG"}  # a name before the subject's noun that is the speaker ("Boeing officials")
SPEAKER_POS = {"PROPN", "NOUN", "PRON"}
NOT_SPEAKER_LABELS = {"DATE", "TIME"}
# A mixed quote: the content holds at least this many words besides the quotation.
MIXED_MIN_WORDS = 2
# An unattributed quotation is speech only from this many words on (and with a verb).
SPEECH_MIN_WORDS = 4
# Reported speech without quotation marks needs this many words: one ("defend itself") is a verb's object, not speech.
INDIRECT_MIN_WORDS = 2
# A quotation resumes an attributed one when at most this many words ("he said on Monday") separate them.
RESUME_MAX_WORDS = 8
# A pronoun's antecedent is looked for this many tokens back at most.
ANTECEDENT_WINDOW = 400


@dataclass
class _Quotation:
    """A stretch of text inside quotation marks: `start`/`end` is the content, `outer_*` includes the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    first_token: int = 0
    last_token: int = 0
    used: bool = False


@dataclass
class _Frame:
    """One act of saying: the cue token, who, through which channel, and what (a list of character spans)."""

    cue: Token
    cue_text: str
    speaker: Token | None
    content: list[tuple[int, int]] = field(default_factory=list)
    via: str | None = None
    channel_only: bool = False
    used: bool = False


def find_quotes(doc: Doc) -> list[Quote]:
    """The article's reported speech, in text order: direct, indirect and mixed `Quote`s.

    Each quote has its text, character span, kind, cue as written, channel
    (`via`) and `speaker_name`, with the speaker mention's span in
    `Quote.speaker_span` (the antecedent's span for a pronoun). `speaker`
    (the entity id) is left for the entity linker.
    """
    text = body_of(doc)
    quotations = _quotations(text)
    _map_tokens(doc, quotations)
    quoted = _quoted_token_mask(len(doc), quotations)
    frames = _frames(doc, text, quoted, _tag_verbs(doc, text, quotations, quoted))
    resolver = _Resolver(doc, quoted)
    quotes = [*_direct_quotes(doc, text, quotations, frames, resolver), *_indirect_quotes(text, frames, quotations, resolver)]
    quotes.sort(key=lambda quote: quote.start)
    return quotes


# --- 1. quotation marks -----------------------------------------------------------------------------


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch of `text` inside quotation marks, marks included (for the framing layer)."""
    return [(quotation.outer_start, quotation.outer_end) for quotation in _quotations(text)]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, paragraphs being separated by blank lines."""
    spans, start = [], 0
    for gap in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return spans


def _quotations(text: str) -> list[_Quotation]:
    """The quoted stretches of `text`, in order, a quotation over several paragraphs being one stretch."""
    quotations: list[_Quotation] = []
    paragraphs = _paragraph_spans(text)
    opening: re.Match[str] | None = None  # the opening mark of the quotation being read
    for index, (start, end) in enumerate(paragraphs):
        carried, opening = opening, None
        for mark in QUOTE_MARK.finditer(text, start, end):
            if carried is not None:
                # The reopening mark of a continued quotation starts no new one.
                if mark.start() == start and mark.group() not in CLOSING_MARKS:
                    opening, carried = carried, None
                    continue
                carried = None
            if opening is None:
                if mark.group() in CLOSING_MARKS and not _opens_word(text, mark.start()):
                    continue  # a stray closing mark
                opening = mark
            elif mark.group() not in OPENING_MARKS:
                quotations.append(_Quotation(opening.end(), mark.start(), opening.start(), mark.end()))
                opening = None
        if opening is None:
            continue
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else len(text)
        if QUOTE_MARK.match(text, following) and text[following] not in CLOSING_MARKS:
            continue  # the quotation goes on in the next paragraph
        quotations.append(_Quotation(opening.end(), end, opening.start(), end))
        opening = None
    return [quotation for quotation in quotations if WORD.search(text, quotation.start, quotation.end)]


def _opens_word(text: str, position: int) -> bool:
    """Whether a closing-style mark is used as an opening one: after a space, before a word."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before.isspace() and after.isalnum()


def _map_tokens(doc: Doc, quotations: list[_Quotation]) -> None:
    """Set each quotation's first and last token (marks included); tokens and quotations are both in order."""
    token = 0
    for quotation in quotations:
        while token < len(doc) and doc[token].idx + len(doc[token]) <= quotation.outer_start:
            token += 1
        quotation.first_token = token
        last = token
        while last + 1 < len(doc) and doc[last + 1].idx < quotation.outer_end:
            last += 1
        quotation.last_token = last
        token = last


def _quoted_token_mask(length: int, quotations: list[_Quotation]) -> list[bool]:
    """For each token, whether it lies inside quotation marks (marks included)."""
    mask = [False] * length
    for quotation in quotations:
        mask[quotation.first_token : quotation.last_token + 1] = [True] * (quotation.last_token + 1 - quotation.first_token)
    return mask


# --- 2. attribution frames --------------------------------------------------------------------------


def _frames(doc: Doc, text: str, quoted: list[bool], tags: dict[int, _Frame]) -> list[_Frame]:
    """The attribution frames of the article in text order, channel-only frames marked as such.

    `tags` are the frames of unlisted verbs after a quotation ending in a comma,
    by cue token. A sentence the parse runs on over a paragraph break is read
    as one sentence per paragraph.
    """
    frames: list[_Frame] = []
    for sentence in sentences(doc):
        in_sentence: list[_Frame] = []
        for token in sentence:
            if quoted[token.i]:
                continue
            frame = None
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                frame = _according_frame(token, doc[token.i + 1], sentence)
            elif token.lemma_ in CUE_VERBS and token.pos_ in ("VERB", "AUX"):
                frame = _verb_frame(token, quoted)
            if frame is None and token.i in tags:
                in_sentence.append(tags[token.i])
                continue
            if frame is not None:
                frame.content = _within_paragraph(text, token.idx, frame.content)
                in_sentence.append(frame)
        _credit_channels(in_sentence)
        frames.extend(in_sentence)
    return frames


def _tag_verbs(doc: Doc, text: str, quotations: list[_Quotation], quoted: list[bool]) -> dict[int, _Frame]:
    """Frames for the attribution right after a quotation that ends in a comma, whatever its verb, by cue token.

    “...,” gushed the Wire / “...,” the Wire gushed: a finite verb that follows
    the closing mark, or whose subject follows it with the verb right after, is
    the cue; its subject (in the inverted order also the noun the parse takes
    for its object) is the speaker, the quotation its content.
    """
    tags: dict[int, _Frame] = {}
    for quotation in quotations:
        content = text[quotation.start : quotation.end]
        if not content.rstrip().endswith(",") or len(WORD.findall(content)) < SPEECH_MIN_WORDS:
            continue  # not followed by an attribution, or a title or term ("“Unplugged,” which aired ...")
        after = quotation.last_token + 1
        while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
            after += 1
        if after >= len(doc) or quoted[after]:
            continue
        first = doc[after]
        verb, speaker = None, None
        if first.tag_ in FINITE_TAGS:
            # Inverted: “...,” rhapsodized the Harbour Wire.
            verb = first
            speaker = next((child for child in verb.children if child.dep_ in INVERTED_SUBJECT_DEPS and child.left_edge.i == verb.i + 1), None)
        else:
            # Plain: “...,” the Harbour Wire gushed.
            subject = first
            while subject.dep_ in NOUN_PHRASE_DEPS and subject.head.i > subject.i:
                subject = subject.head
            following = subject.right_edge.i + 1
            while following < len(doc) and doc[following].is_punct:
                following += 1
            if subject.dep_ in SUBJECT_DEPS and subject.left_edge.i == after and following == subject.head.i and subject.head.tag_ in FINITE_TAGS:
                verb, speaker = subject.head, subject
        if verb is None or speaker is None or quoted[verb.i] or verb.pos_ != "VERB":
            continue  # no attribution, or a copula ("“...,” is the right choice")
        if speaker.pos_ not in SPEAKER_POS or speaker.ent_type_ in NOT_SPEAKER_LABELS or speaker.lower_ in RELATIVE_PRONOUNS:
            continue
        cue_text = verb.text + "".join(" " + child.text for child in verb.children if child.dep_ == "prt")
        tags[verb.i] = _Frame(verb, cue_text, speaker, [(quotation.start, quotation.end)], via=_channel_of(verb))
    return tags


def _within_paragraph(text: str, cue: int, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content spans cut to the paragraph of the cue: reported speech without marks does not run on."""
    paragraph_start, paragraph_end = _paragraph_around(text, cue, cue)
    clipped = [(max(start, paragraph_start), min(end, paragraph_end)) for start, end in content]
    return [(start, end) for start, end in clipped if WORD.search(text, start, end)]


def _verb_frame(verb: Token, quoted: list[bool]) -> _Frame | None:
    """The frame a cue verb opens, or None when it has no speaker."""
    if verb.lemma_ == "point" and not any(child.lower_ == "out" for child in verb.children):
        return None  # "point" is a cue only as "point out"
    speaker, cue_text = _subject(verb)
    if speaker is None or quoted[speaker.i] or speaker.pos_ not in SPEAKER_POS or speaker.ent_type_ in NOT_SPEAKER_LABELS:
        return None
    content: list[tuple[int, int]] = []
    complement = next((child for child in verb.children if child.dep_ == "ccomp"), None)
    if complement is None and verb.lemma_ in INTENT_VERBS:
        complement = next((child for child in verb.children if child.dep_ == "xcomp"), None)
    if complement is not None:
        content = [_subtree_span(complement)]
    elif verb.lemma_ in DESCRIBE_VERBS:
        content = _right_complements(verb)
    elif verb.lemma_ in MESSAGE_OBJECT_VERBS and (message := next((child for child in verb.children if child.dep_ == "dobj"), None)) is not None:
        content = [_subtree_span(message)]
    elif verb.lemma_ in SPEECH_VERBS and _quotes_in_complements(verb, quoted):
        # "hinted at future “military-technical cooperation”": the quoted words are what was said.
        content = _right_complements(verb)
    elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.head.lemma_ not in CUE_VERBS:
        # "The talks failed, Smith said": the cue interrupts the clause it reports.
        content = _clause_without(verb.head, verb)
    return _Frame(verb, cue_text, speaker, content, via=_channel_of(verb), channel_only=verb.lemma_ in CHANNEL_CUES)


def _quotes_in_complements(verb: Token, quoted: list[bool]) -> bool:
    """Whether an object or complement after the verb holds words in quotation marks."""
    return any(quoted[token.i] for child in verb.children if child.i > verb.i and child.dep_ in DESCRIBE_DEPS for token in child.subtree)


def _right_complements(verb: Token) -> list[tuple[int, int]]:
    """The span of the objects and complements after a verb: "called him a “loser”", "referred to X as Y"."""
    after = [child for child in verb.children if child.i > verb.i and child.dep_ in DESCRIBE_DEPS]
    if not after:
        return []
    return [(after[0].left_edge.idx, after[-1].right_edge.idx + len(after[-1].right_edge))]


def _subject(verb: Token) -> tuple[Token | None, str]:
    """The speaker token of a cue verb and the cue as written ("said", "quoted as saying", "pointed out")."""
    cue_text = verb.text + "".join(" " + child.text for child in verb.children if child.dep_ == "prt")
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS or (child.dep_ == "nsubjpass" and token.lemma_ == "quote"):
                if token.lemma_ == "quote" and token.i != verb.i:
                    cue_text = verb.doc[token.i : verb.i + 1].text
                return _relative_antecedent(child, token), cue_text
            if child.dep_ == "agent":
                agent = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
                if agent is not None:
                    return agent, cue_text
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            break
        token = token.head
    return None, cue_text


def _relative_antecedent(subject: Token, verb: Token) -> Token:
    """The noun a relative pronoun subject stands for ("Smith, who said ..."), else the subject itself."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def _according_frame(according: Token, to: Token, sentence: Span) -> _Frame | None:
    """The frame of "according to X": X is the speaker, the sentence around the phrase the content.

    Where the phrase ends a clause that a conjunction continues ("..., according
    to X, but ..."), only the part before it is X's. The parse's attachment of
    "according" is not used: it is wrong too often.
    """
    source = next((child for child in to.children if child.dep_ == "pobj"), None)
    if source is None:
        return None
    doc = according.doc
    before = doc[sentence.start : according.left_edge.i]
    after = doc[according.right_edge.i + 1 : sentence.end]
    after_words = [token for token in after if not token.is_punct and not token.is_space]
    if after_words and after_words[0].dep_ == "cc" and WORD.search(before.text):
        after = doc[after.start : after.start]
    return _Frame(according, "according to", source, [(part.start_char, part.end_char) for part in (before, after) if WORD.search(part.text)])


def _clause_without(clause: Token, cue: Token) -> list[tuple[int, int]]:
    """The character spans of `clause`'s subtree left and right of `cue`'s subtree."""
    doc = clause.doc
    left = doc[clause.left_edge.i : cue.left_edge.i]
    right = doc[cue.right_edge.i + 1 : clause.right_edge.i + 1]
    return [(part.start_char, part.end_char) for part in (left, right) if WORD.search(part.text)]


def _subtree_span(token: Token) -> tuple[int, int]:
    """The character span of a token's subtree."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def _channel_of(verb: Token) -> str | None:
    """The channel a cue credits: "told Sputnik", "in an interview with CNN", "on Fox News", else None."""
    for child in verb.children:
        if verb.lemma_ == "tell" and child.dep_ in ("dobj", "dative") and _is_channel(child):
            return _name_phrase(child)
        if child.dep_ != "prep":
            continue
        for grand in child.children:
            if grand.dep_ != "pobj":
                continue
            if child.lower_ in CHANNEL_PREPOSITIONS and _is_channel(grand):
                return _name_phrase(grand)
            if child.lower_ == "in" and grand.lemma_ in OCCASION_NOUNS:
                for preposition in grand.children:
                    target = next((pobj for pobj in preposition.children if pobj.dep_ == "pobj"), None)
                    if preposition.lower_ in CHANNEL_PREPOSITIONS and target is not None and _is_channel(target):
                        return _name_phrase(target)
    return None


def _is_channel(token: Token) -> bool:
    """Whether a proper noun can be a medium: not a person, place, people or date ("told Smith", "on Monday")."""
    return token.pos_ == "PROPN" and token.ent_type_ not in NOT_CHANNEL_LABELS


def _name_phrase(token: Token) -> str:
    """A proper noun with its compounds, without a leading article: "the Harbour Wire" -> "Harbour Wire"."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ in ("compound", "det", "amod") and token.doc[start - 1].head.i in range(start, token.i + 1):
        start -= 1
    words = token.doc[start : token.i + 1]
    if words[0].lower_ == "the":
        words = words[1:]
    return words.text


def _credit_channels(frames: list[_Frame]) -> None:
    """Turn a reporting frame around another frame of its sentence into that frame's channel."""
    for outer in frames:
        if not (outer.channel_only or outer.cue_text == "according to") or outer.speaker is None:
            continue
        inner = [frame for frame in frames if frame is not outer and not frame.channel_only and frame.cue_text != "according to"]
        if inner:
            for frame in inner:
                frame.via = frame.via or _name_phrase(outer.speaker)
            outer.channel_only = True
        else:
            outer.channel_only = False


# --- 3. quotes ---------------------------------------------------------------------------------------


def _direct_quotes(doc: Doc, text: str, quotations: list[_Quotation], frames: list[_Frame], resolver: _Resolver) -> list[Quote]:
    """Quotes built from quotation marks: direct, or mixed when the frame's content says more than the quotation."""
    speech = _FrameIndex([frame for frame in frames if not frame.channel_only])
    quotes: list[Quote] = []
    previous: _Previous | None = None
    mixed_end = 0  # the end (token) of the sentence of the last mixed quote's cue
    for index, quotation in enumerate(quotations):
        if quotation.used:
            continue
        near = speech.between(*_sentence_window(doc, quotation))
        frame = _covering_frame(quotation, near)
        if frame is not None and not frame.used and _outside_words(text, frame.content, quotation) >= MIXED_MIN_WORDS:
            quotes.append(_mixed_quote(text, frame, quotations[index:], resolver))
            previous, mixed_end = None, doc[frame.cue.i].sent.end
            continue
        covered = frame is not None
        frame = frame or _nearest_cue(text, quotation, near)
        if previous is not None and previous.resumed_by(text, quotation, frame):
            _extend(text, previous.quote, quotation)
            previous.quotation = quotation
            continue
        if not covered and not _is_speech(doc, text, quotation, frame):
            continue
        quote = _quote_from(text, quotation, frame, resolver)
        if frame is None and previous is not None and previous.lends_speaker(text, quotation):
            _copy_speaker(previous.quote, quote)
        elif frame is None and quotes and quotes[-1].kind == "mixed" and quotation.first_token < mixed_end:
            # A second fragment of the sentence an attributed fragment is in: “A” was whether Y “B”.
            _copy_speaker(quotes[-1], quote)
        elif frame is None:
            _attribute_to_colon(doc, text, quotation, speech, quote, resolver)
        quotes.append(quote)
        previous = _Previous(quotation, quote, frame)
    return quotes


class _FrameIndex:
    """Frames in text order, looked up by the token position of their cue."""

    def __init__(self, frames: list[_Frame]) -> None:
        self.frames = frames
        self.cues = [frame.cue.i for frame in frames]

    def between(self, low: int, high: int) -> list[_Frame]:
        """The frames whose cue token lies in [low, high)."""
        return self.frames[bisect_left(self.cues, low) : bisect_left(self.cues, high)]


@dataclass
class _Previous:
    """The last direct quote made, the quotation it ends with and the frame it came from."""

    quotation: _Quotation
    quote: Quote
    frame: _Frame | None

    def resumed_by(self, text: str, quotation: _Quotation, frame: _Frame | None) -> bool:
        """Whether `quotation` resumes this quote after its attribution in the same paragraph: “A,” he said, “B.”"""
        between = text[self.quotation.outer_end : quotation.outer_start]
        if self.quote.cue is None or "\n" in between:
            return False
        return (frame is not None and frame is self.frame) or (frame is None and len(WORD.findall(between)) <= RESUME_MAX_WORDS)

    def lends_speaker(self, text: str, quotation: _Quotation) -> bool:
        """Whether an unattributed quotation is this speaker's: in the same paragraph, or a quote-only paragraph right after."""
        between = text[self.quotation.outer_end : quotation.outer_start]
        return "\n" not in between or (_is_whole_paragraph(text, quotation) and len(PARAGRAPH_BREAK.findall(between)) == 1)


def _sentence_window(doc: Doc, quotation: _Quotation) -> tuple[int, int]:
    """The token range of the sentences a quotation opens and closes in, not reaching into other paragraphs."""
    first, last = quotation.first_token, quotation.last_token
    before = doc[first - 1] if first > 0 and "\n" not in doc[first - 1].text else doc[first]
    after = doc[last + 1] if last + 1 < len(doc) and "\n" not in doc[last + 1].text else doc[last]
    return before.sent.start, after.sent.end


def _covering_frame(quotation: _Quotation, frames: list[_Frame]) -> _Frame | None:
    """The frame whose content overlaps most of the quotation (at least half of the shorter of the two)."""
    best, best_overlap = None, 0
    for frame in frames:
        for start, end in frame.content:
            overlap = min(end, quotation.end) - max(start, quotation.start)
            if overlap > best_overlap and overlap * 2 >= min(quotation.end - quotation.start, end - start):
                best, best_overlap = frame, overlap
    return best


def _nearest_cue(text: str, quotation: _Quotation, frames: list[_Frame]) -> _Frame | None:
    """The frame whose cue is nearest the quotation in its paragraph, before its opening mark or after its closing one."""
    paragraph_start, paragraph_end = _paragraph_around(text, quotation.outer_start, quotation.outer_end)
    best, best_distance = None, 0
    for frame in frames:
        if not paragraph_start <= frame.cue.idx < paragraph_end:
            continue
        index = frame.cue.i
        distance = quotation.first_token - index if index < quotation.first_token else index - quotation.last_token
        if best is None or distance < best_distance:
            best, best_distance = frame, distance
    return best


def _outside_words(text: str, content: list[tuple[int, int]], quotation: _Quotation) -> int:
    """How many words of a frame's content lie outside the quotation ("that" not counted)."""
    count = 0
    for start, end in content:
        for word in WORD.finditer(text, start, end):
            if not quotation.outer_start <= word.start() < quotation.outer_end and word.group().lower() != "that":
                count += 1
    return count


def _mixed_quote(text: str, frame: _Frame, following: list[_Quotation], resolver: _Resolver) -> Quote:
    """An indirect quote with quoted fragments; the `following` quotations that open inside its content are used up.

    The content is stretched to the closing mark of a fragment the parse cut short.
    """
    end = frame.content[-1][1]
    for quotation in following:
        if quotation.start >= end:
            break
        quotation.used = True
        end = max(end, quotation.outer_end)
    frame.content[-1] = (frame.content[-1][0], end)
    return _frame_quote(text, frame, "mixed", resolver)


def _quote_from(text: str, quotation: _Quotation, frame: _Frame | None, resolver: _Resolver) -> Quote:
    """A direct quote of one quotation, attributed to `frame` when there is one."""
    quotation.used = True
    start, end = _trim(text, quotation.start, quotation.end, punctuation="")
    quote = Quote(text=_quotation_text(text, quotation), kind="direct", start=start, end=end)
    if frame is not None:
        frame.used = True
        quote.cue, quote.via = frame.cue_text, frame.via
        _set_speaker(quote, frame.speaker, resolver)
    return quote


def _quotation_text(text: str, quotation: _Quotation) -> str:
    """The words inside the marks, without the marks that reopen a quotation in its next paragraphs."""
    return REOPENING.sub(r"\1", text[slice(*_trim(text, quotation.start, quotation.end, punctuation=""))])


def _extend(text: str, quote: Quote, quotation: _Quotation) -> None:
    """Join a resumed quotation onto its quote (the span then covers the attribution in between)."""
    quotation.used = True
    quote.text = f"{quote.text} {_quotation_text(text, quotation)}"
    quote.end = _trim(text, quotation.start, quotation.end, punctuation="")[1]


def _paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the line (paragraph) holding text[start:end]."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _is_whole_paragraph(text: str, quotation: _Quotation) -> bool:
    """Whether a quotation is all of its paragraph (apart from punctuation)."""
    paragraph_start, paragraph_end = _paragraph_around(text, quotation.outer_start, quotation.outer_end)
    return not WORD.search(text, paragraph_start, quotation.outer_start) and not WORD.search(text, quotation.outer_end, paragraph_end)


def _attribute_to_colon(doc: Doc, text: str, quotation: _Quotation, frames: _FrameIndex, quote: Quote, resolver: _Resolver) -> None:
    """Attribute a quote-only paragraph introduced by a colon ("Kirby said:", "Jones echoed:") to that sentence's speaker."""
    if not _is_whole_paragraph(text, quotation):
        return
    colon = quotation.first_token - 1
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon < 0 or doc[colon].text != ":":
        return
    sentence = doc[colon].sent
    cues = frames.between(sentence.start, colon)
    if cues:
        quote.cue, quote.via = cues[-1].cue_text, cues[-1].via
        _set_speaker(quote, cues[-1].speaker, resolver)
        return
    # Not a known cue verb ("echoed:"): the introducing verb's subject is still the speaker.
    verb = sentence.root
    subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS and child.pos_ in SPEAKER_POS), None)
    if subject is not None and verb.i < colon:
        quote.cue = verb.text
        _set_speaker(quote, subject, resolver)


def _copy_speaker(source: Quote, quote: Quote) -> None:
    """Give `quote` the attribution of `source`."""
    quote.cue, quote.via, quote.speaker_name = source.cue, source.via, source.speaker_name
    if source.speaker_span is not None:
        quote.speaker_span = source.speaker_span


def _is_speech(doc: Doc, text: str, quotation: _Quotation, frame: _Frame | None) -> bool:
    """Whether a quotation that no frame's content covers reads as speech.

    Four or more words; without a cue nearby also a verb and not a title in
    capitals. Shorter quotations are terms or labels ("aggression"): speech
    only when a frame's content takes them in.
    """
    words = WORD.findall(text, quotation.start, quotation.end)
    if len(words) < SPEECH_MIN_WORDS:
        return False
    if frame is not None:
        return True
    tokens = doc[quotation.first_token : quotation.last_token + 1]
    has_verb = any(token.pos_ in ("VERB", "AUX") for token in tokens)
    title_case = all(word[0].isupper() for word in words if len(word) > 3)
    return has_verb and not title_case


def _indirect_quotes(text: str, frames: list[_Frame], quotations: list[_Quotation], resolver: _Resolver) -> list[Quote]:
    """Quotes from frames with content that no quotation took: reported speech without quotation marks."""
    quotes = []
    ends = [quotation.outer_end for quotation in quotations]
    for frame in frames:
        if frame.channel_only or frame.used or not frame.content or _overlaps_quotation(frame, quotations, ends):
            continue
        if sum(len(WORD.findall(text, start, end)) for start, end in frame.content) < INDIRECT_MIN_WORDS:
            continue  # "defend itself", "denied that": a single word is an object, not reported speech
        quotes.append(_frame_quote(text, frame, "indirect", resolver))
    return quotes


def _overlaps_quotation(frame: _Frame, quotations: list[_Quotation], ends: list[int]) -> bool:
    """Whether a frame's content runs into a quotation (then the quotation's quote speaks for it); `ends` are their outer ends."""
    start, end = frame.content[0][0], frame.content[-1][1]
    index = bisect_left(ends, start + 1)
    return index < len(quotations) and quotations[index].outer_start < end


def _frame_quote(text: str, frame: _Frame, kind: Literal["indirect", "mixed"], resolver: _Resolver) -> Quote:
    """A quote whose text is a frame's content (its parts joined by a space); the frame is used up."""
    frame.used = True
    spans = [_trim(text, start, end) for start, end in frame.content]
    quote = Quote(
        text=" ".join(text[start:end] for start, end in spans),
        kind=kind,
        start=spans[0][0],
        end=spans[-1][1],
        cue=frame.cue_text,
        via=frame.via,
    )
    _set_speaker(quote, frame.speaker, resolver)
    return quote


def _trim(text: str, start: int, end: int, punctuation: str = ",;:-\u2013\u2014") -> tuple[int, int]:
    """A span without surrounding white space and `punctuation` (and without a final full stop when trimming punctuation)."""
    while start < end and (text[start].isspace() or text[start] in punctuation):
        start += 1
    trailing = punctuation + "." if punctuation else ""
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


# --- 4. speakers -------------------------------------------------------------------------------------


def _set_speaker(quote: Quote, speaker: Token | None, resolver: _Resolver) -> None:
    """Fill `speaker_name` and the speaker span from the subject token (pronouns resolved)."""
    if speaker is None:
        return
    mention = resolver.mention(speaker)
    if mention is None:
        quote.speaker_name = speaker.text
        return
    quote.speaker_name = mention.text
    quote.speaker_span = (mention.start_char, mention.end_char)


class _Resolver:
    """Names the speaker a subject token stands for: its entity, its noun phrase, or a pronoun's antecedent."""

    def __init__(self, doc: Doc, quoted: list[bool]) -> None:
        self.doc = doc
        self.entities = [entity for entity in doc.ents if entity.label_ in NAME_LABELS]
        # A name inside quotation marks is what someone said, not who is speaking: never an antecedent.
        self.quoted_entity = [quoted[entity.start] for entity in self.entities]
        self.entity_of = [-1] * len(doc)
        for number, entity in enumerate(self.entities):
            for index in range(entity.start, entity.end):
                self.entity_of[index] = number
        self.starts = [entity.start for entity in self.entities]
        self.gender = self._honorific_genders()

    def _honorific_genders(self) -> dict[str, str]:
        """Gender of each person's last name as an honorific before any of its mentions tells it."""
        gender = {}
        for entity in self.entities:
            before = self.doc[entity.start - 1].lower_ if entity.start else ""
            honorific = HONORIFIC_GENDER.get(entity[0].lower_) or HONORIFIC_GENDER.get(before)
            if entity.label_ == "PERSON" and honorific:
                gender[entity[-1].lower_] = honorific
        return gender

    def mention(self, token: Token) -> Span | None:
        """The span naming the speaker `token` stands for, or None for an unresolved pronoun."""
        if token.pos_ == "PRON":
            return self._antecedent(token)
        number = self.entity_of[token.i]
        if number < 0:
            # "the carrier, Caldera Line" names its speaker in the apposition, "Caldera Line officials" in the compound; "U.S.
            # officials" and "a Moscow court" do not: a place that modifies the speaker is not the speaker.
            number = next(
                (
                    self.entity_of[child.i]
                    for child in token.children
                    if self.entity_of[child.i] >= 0
                    and (child.dep_ == "appos" or child.dep_ == "compound" and self.label_of(child) in SPEAKER_MODIFIER_LABELS)
                ),
                -1,
            )
        if number >= 0:
            return _name_part(self.entities[number])
        return _name_part(self.doc[token.left_edge.i : token.i + 1])

    def label_of(self, token: Token) -> str:
        """The label of the entity a token is part of ("" for none)."""
        number = self.entity_of[token.i]
        return self.entities[number].label_ if number >= 0 else ""

    def _antecedent(self, pronoun: Token) -> Span | None:
        """The last earlier entity a pronoun can refer to (a person for he/she, a group or body for they/it)."""
        word = pronoun.lower_
        if word in PERSON_PRONOUNS:
            labels, gender = {"PERSON"}, PERSON_PRONOUNS[word]
        elif word in GROUP_PRONOUNS:
            labels, gender = {"ORG", "NORP", "GPE"}, ""
        else:
            return None
        candidates: list[Span] = []
        number = bisect_left(self.starts, pronoun.i) - 1
        while number >= 0 and pronoun.i - self.entities[number].start < ANTECEDENT_WINDOW:
            entity = self.entities[number]
            if candidates and entity.sent.start != candidates[0].sent.start:
                break
            if entity.label_ in labels and not self.quoted_entity[number] and self.gender.get(entity[-1].lower_, gender) == gender:
                candidates.append(entity)
            number -= 1
        # In the nearest sentence naming someone compatible, the subject is the likelier antecedent.
        subjects = [entity for entity in candidates if entity.root.dep_ in ("nsubj", "nsubjpass")]
        return _name_part((subjects or candidates)[0]) if candidates else None


def _name_part(span: Span) -> Span:
    """The span without a leading "the", honorifics, a person's titles or a trailing possessive, as the entity mentions are trimmed."""
    start, end = span.start, span.end
    doc = span.doc
    # Titles go only before a person's name ("Mayor Elena Varga"), not from a description ("the port spokesman").
    personal = span.label_ == "PERSON" or (not span.label_ and span[-1].pos_ == "PROPN")
    while end - start > 1 and (doc[start].lower_ == "the" or is_honorific(doc[start]) or (personal and is_title(doc[start]))):
        start += 1
    while end - start > 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]
