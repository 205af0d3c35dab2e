"""Framing within one article: a bias verdict for every sentence, loaded terms, editorializing.

Approach:

* every sentence of the body (and the headline and dek) goes through the BABE-trained
  model (`newsprism.annotate.bias`): a bias score, a yes/no verdict, and the
  words the word model finds loaded;
* loaded terms are those words plus the lexicon's entries
  (`newsprism.annotate.loaded_lexicon`) plus loaded verbs of saying (a quote's
  cue that is not a plain "said"), grown to the phrase they belong to
  ("eccentric" + "dictator", a hyphenated word, a noun compound) and given a
  category from the lexicon or from the parse: a label when the phrase names
  a person or group, a saying verb when it reports speech, a metaphor for a
  figurative noun compound, an intensifier or an evaluative word otherwise;
* voice: a term inside an attributed quote or inside quotation marks is the
  quoted speaker's wording, not the outlet's (`voice` "quoted", with the
  speaker's name); only the outlet's own wording counts against it;
* editorializing: a sentence in the outlet's own voice (no quote in it) that
  asks a rhetorical question, asserts "the reality is ...", draws a moral
  lesson (addresses the reader, gives an order, "teaches"), exhorts
  ("should", "must"), or evaluates (the model judges it biased with high
  confidence and it carries loaded wording of the outlet's own);
* the article's framing score is the mean of two shares over its own-voice
  sentences: those that carry loaded wording or editorializing, and the
  bias model's mean score.

Known limits: irony and loaded selection of facts are not seen; a label is
tied to an actor only by the story layer (`newsprism.compare.framing`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsprism.annotate.bias import SentenceBias, assess_and_embed, assess_and_embed_groups
from newsprism.annotate.language import body_of
from newsprism.annotate.loaded_lexicon import CATEGORY_OF, NEUTRAL_SAYING_VERBS
from newsprism.annotate.quote_words import CUE_VERBS, SAYING_VERBS
from newsprism.annotate.quotes import quoted_stretches
from newsprism.model import ActorLabel, Article, Framing, LoadedCategory, LoadedTerm, OpinionKind, OpinionSentence, Quote, SentenceVerdict

if TYPE_CHECKING:
    from newsprism.models import Models

LONGEST_LEXICON_ENTRY = 4  # tokens
TITLE_WORD = re.compile(r"[^\W\d_]+")
TITLE_CASE_SHARE = 0.8  # of a line's words longer than three letters capitalised: the line is in Title Case
# The word model's threshold for a candidate loaded word. Lower than the one
# shipped for BABE (0.25, best word F1 there): outside US politics its
# probabilities run lower, and the candidates are filtered here by the parse
# (content words only, never a name).
CANDIDATE_WORD_PROBABILITY = 0.15
CONTENT_POS = {"ADJ", "ADV", "NOUN", "VERB"}
MODIFIER_DEPS = {"amod", "advmod", "compound", "nmod", "prt", "npadvmod", "poss"}
# A sentence this much inside quotes is the speaker's, not the outlet's.
QUOTED_SHARE = 0.5
# How sure the model must be before an unattributed sentence counts as the outlet's evaluation.
EVALUATION_SCORE = 0.85
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# Endings of nouns that name a person or a group of people ("loyalist", "dictator", "strongman").
PERSON_NOUN_ENDINGS = ("ist", "or", "er", "man", "men", "ite", "ant", "crat", "ian", "ee", "eur", "ista")
ASSERTION = re.compile(
    r"\b(?:the (?:reality|truth|fact|point|lesson|problem|bottom line|irony|upshot) (?:here )?(?:is|remains)|"
    r"make no mistake|let(?:'|’)s be clear|let us be clear|in reality|in truth|there is no doubt)\b",
    re.IGNORECASE,
)
EXHORTING_MODALS = {"should", "must", "ought", "shall"}
# Adjectives that judge rather than describe when the outlet says a thing simply "is" so.
VERDICT_ADJECTIVES = {
    "real", "clear", "obvious", "plain", "undeniable", "unmistakable", "inevitable", "inescapable", "unacceptable",
    "inexcusable", "indefensible", "absurd", "laughable", "shameful", "disgraceful", "outrageous", "appalling",
    "alarming", "troubling", "worrying", "damning", "telling", "hollow", "meaningless", "pointless", "futile",
}  # fmt: skip
LESSON_VERBS = {"teach", "remind", "learn"}
READER_PRONOUNS = {"you", "your", "yours", "yourself", "we", "us", "our", "ours", "ourselves"}


def display_lines(article: Article) -> list[tuple[Literal["headline", "dek"], str]]:
    """The headline and the dek (standfirst) the article has, as the outlet wrote them."""
    given: list[tuple[Literal["headline", "dek"], str | None]] = [("headline", article.headline), ("dek", article.dek)]
    return [(where, text.strip()) for where, text in given if text and text.strip()]


def sentence_case(line: str, body: str) -> str:
    """A Title Case headline in the case its words have in running text ("Bear Hug Is Tightening" -> "Bear hug is
    tightening"), keeping names the body writes capitalised; other lines unchanged. The length is kept, so offsets hold.

    The bias model learned that capitalised words are names and rarely loaded: in a Title Case line every word is.
    """
    words = list(TITLE_WORD.finditer(line))
    long_words = [match.group() for match in words if len(match.group()) > 3]
    if len(long_words) < 2 or sum(word[0].isupper() for word in long_words) < TITLE_CASE_SHARE * len(long_words):
        return line
    lowered = set(TITLE_WORD.findall(body)) if body else set()
    characters = list(line)
    for number, match in enumerate(words):
        word = match.group()
        if number == 0 or (len(word) > 1 and word.isupper()) or not word[0].isupper():
            continue  # the first word, acronyms and words already in lower case stay as they are
        if word.lower() in lowered or word not in lowered:  # the body writes it in lower case, or never: not a name
            characters[match.start()] = word[0].lower()
    return "".join(characters)


def assessed_texts(article: Article, sentence_spans: Sequence[tuple[int, int]]) -> list[str]:
    """What the bias model reads for one article: its body sentences, then its headline and dek (see `sentence_case`)."""
    texts = [article.body[start:end] for start, end in sentence_spans]
    return texts + [sentence_case(line, article.body) for _, line in display_lines(article)]


def assess_article(models: Models, article: Article, sentence_spans: Sequence[tuple[int, int]]) -> tuple[list[SentenceBias], np.ndarray]:
    """The bias model's verdicts on `assessed_texts(article, sentence_spans)`, and the body sentences' vectors from
    the same encoder pass (the story layer aligns claims with them: kept in `Prepared.vectors`, never encoded twice)."""
    assessments, vectors = assess_and_embed(models.encoder, models.bias, assessed_texts(article, sentence_spans), CANDIDATE_WORD_PROBABILITY)
    return assessments, vectors[: len(sentence_spans)]


def assess_articles(
    models: Models, requests: Sequence[tuple[Article, Sequence[tuple[int, int]]]]
) -> list[tuple[list[SentenceBias], np.ndarray]]:
    """`assess_article` for several articles in one encoder pass: their sentences are batched together by length,
    which pads less than batching each article's few sentences alone. Each article's result is the same as alone (a
    sentence's encoding does not depend on the sentences batched with it)."""
    texts = [assessed_texts(article, spans) for article, spans in requests]
    results = assess_and_embed_groups(models.encoder, models.bias, texts, CANDIDATE_WORD_PROBABILITY)
    return [(assessments, vectors[: len(spans)]) for (_, spans), (assessments, vectors) in zip(requests, results, strict=True)]


def frame_article(
    models: Models, article: Article, doc: Doc, sentence_spans: Sequence[tuple[int, int]], assessments: Sequence[SentenceBias]
) -> Framing:
    """The article's framing: a verdict per body sentence, loaded terms of body, headline and dek, editorializing.

    `assessments` are `assess_article`'s for the same sentences.
    """
    body = body_of(doc)
    texts = [body[start:end] for start, end in sentence_spans]
    quoted = _QuotedText(body, article.quotes)

    verdicts = [SentenceVerdict(text=text, score=round(a.score, 4), biased=a.biased) for text, a in zip(texts, assessments, strict=False)]
    terms: list[LoadedTerm] = []
    opinions: list[OpinionSentence] = []
    flagged = own_voice = 0
    own_scores: list[float] = []
    for (start, end), assessment in zip(sentence_spans, assessments, strict=False):
        sentence = doc.char_span(start, end, alignment_mode="expand")
        if sentence is None:
            continue
        found = loaded_terms(sentence, start, assessment, quoted, article.quotes)
        terms.extend(found)
        if quoted.share(start, end) >= QUOTED_SHARE:
            continue
        own_voice += 1
        own_scores.append(assessment.score)
        own_terms = [term for term in found if term.voice == "outlet"]
        kind = editorializing_kind(sentence, assessment, bool(own_terms), quoted)
        if kind:
            opinions.append(OpinionSentence(text=body[start:end], kind=kind, start=start, end=end))
        if own_terms or kind:
            flagged += 1
    lines = display_lines(article)
    for (where, line), assessment in zip(lines, assessments[len(texts) :], strict=True):
        cased = sentence_case(line, body)
        for term in loaded_terms(models.nlp(cased)[:], 0, assessment, _QuotedText(cased, []), []):
            terms.append(term.model_copy(update={"where": where, "text": line[term.start : term.end]}))
    # Half what the evidence shows (sentences with loaded wording or editorializing), half what the model
    # reads in the wording as a whole: the evidence explains the score, the model separates close cases.
    score = round((flagged / own_voice + sum(own_scores) / own_voice) / 2, 4) if own_voice else None
    return Framing(loaded=terms, opinion=opinions, sentences=verdicts, score=score)


class _QuotedText:
    """Which characters of a text are someone else's words, and whose: quote spans and quotation marks."""

    def __init__(self, text: str, quotes: Sequence[Quote]) -> None:
        stretches = quoted_stretches(text)
        spans = [(quote.start, quote.end, quote.speaker_name) for quote in quotes]
        # A direct quote is the speaker's inside its quotation marks only: the verb between two parts of it
        # ("...," rhapsodized the paper. "...") is the outlet's choice. Reported speech, with or without a
        # quoted phrase in it, is the speaker's throughout.
        self.regions: list[tuple[int, int, str | None]] = [
            (quote.start, quote.end, quote.speaker_name)
            for quote in quotes
            if quote.kind != "direct" or not any(start < quote.end and quote.start < end for start, end in stretches)
        ]
        for start, end in stretches:
            speaker = next((name for q_start, q_end, name in spans if q_start <= end and start <= q_end), None)
            self.regions.append((start, end, speaker))

    def speaker_at(self, start: int, end: int) -> tuple[bool, str | None]:
        """Whether [start, end) lies inside quoted text, and the speaker when known."""
        inside = [(speaker, q_end - q_start) for q_start, q_end, speaker in self.regions if q_start <= start and end <= q_end]
        if not inside:
            return False, None
        named = [item for item in inside if item[0]]
        return True, (min(named, key=lambda item: item[1])[0] if named else None)

    def share(self, start: int, end: int) -> float:
        """The share of [start, end) inside quoted text."""
        covered = [False] * (end - start)
        for q_start, q_end, _ in self.regions:
            for position in range(max(start, q_start), min(end, q_end)):
                covered[position - start] = True
        return sum(covered) / (end - start) if end > start else 0.0


def loaded_terms(sentence: Span, offset: int, assessment: SentenceBias, quoted: _QuotedText, quotes: Sequence[Quote]) -> list[LoadedTerm]:
    """The loaded terms of one sentence; `offset` is where the sentence's text starts in its document text."""
    seeds: dict[int, LoadedCategory | None] = {}  # token index -> lexicon category (None: the word model's find)
    for word in assessment.words:
        for token in _tokens_between(sentence, offset + word.start, offset + word.end):
            if token.pos_ in CONTENT_POS and not (token.is_stop or token.ent_type_ or token.like_num or _is_speech_verb(token)):
                seeds.setdefault(token.i, None)
    for first, last, category in _lexicon_phrases(sentence):
        for index in range(first, last + 1):
            seeds[index] = category
    cues = {quote.cue.lower() for quote in quotes if quote.cue and " " not in quote.cue}
    for token in sentence:
        if token.pos_ == "VERB" and (token.text.lower() in cues or _speaks_about_quotation(token, quoted)) and _is_loaded_cue(token):
            seeds[token.i] = "saying-verb"

    doc = sentence.doc
    terms = []
    for first, last in _phrases(doc, seeds):
        span = doc[first : last + 1]
        given = [seeds[i] for i in range(first, last + 1) if seeds.get(i) is not None]
        kind = given[0] if given and given[0] else _category(span)
        inside, speaker = quoted.speaker_at(span.start_char, span.end_char)
        terms.append(
            LoadedTerm(
                text=span.text,
                category=kind,
                start=span.start_char,
                end=span.end_char,
                voice="quoted" if inside else "outlet",
                speaker_name=speaker,
            )
        )
    return terms


def _tokens_between(sentence: Span, start: int, end: int) -> list[Token]:
    """The sentence's tokens that overlap the characters [start, end) of the document's text."""
    return [token for token in sentence if token.idx < end and start < token.idx + len(token)]


def _lexicon_phrases(sentence: Span) -> list[tuple[int, int, LoadedCategory]]:
    """Lexicon entries in the sentence as (first token, last token, category), longest match first.

    An entry matches a window of tokens by its lemmas ("lavish praise" finds "lavished praise") or by its text.
    """
    tokens = list(sentence)
    lemmas = [token.lemma_.lower() for token in tokens]
    texts = [token.lower_ for token in tokens]
    spaced = [token.text_with_ws.lower() for token in tokens]  # a window's text is these joined, the last one without its space
    found: list[tuple[int, int, LoadedCategory]] = []
    index = 0
    while index < len(tokens):
        for size in range(min(LONGEST_LEXICON_ENTRY, len(tokens) - index), 0, -1):
            last = index + size - 1
            keys = (" ".join(lemmas[index : last + 1]), "".join(spaced[index:last]) + texts[last])
            category = next((CATEGORY_OF[key] for key in keys if key in CATEGORY_OF), None)
            if category and not (category == "saying-verb" and tokens[index].pos_ != "VERB"):
                found.append((tokens[index].i, tokens[last].i, category))
                index += size - 1
                break
        index += 1
    return found


def _is_speech_verb(token: Token) -> bool:
    """A verb of saying or thinking: whether it colours the report is decided by `_is_loaded_cue`, not the word model."""
    return token.pos_ == "VERB" and token.lemma_.lower() in CUE_VERBS and CATEGORY_OF.get(token.lemma_.lower()) != "saying-verb"


def _speaks_about_quotation(verb: Token, quoted: _QuotedText) -> bool:
    """A verb that introduces quoted words through "about" ("rhapsodized about 'a new chapter'"), which quote finders skip."""
    return any(
        preposition.lower_ == "about" and any(quoted.speaker_at(obj.idx, obj.idx + len(obj))[0] for obj in preposition.children if obj.dep_ == "pobj")
        for preposition in verb.children
        if preposition.dep_ == "prep"
    )


def _is_loaded_cue(token: Token) -> bool:
    """A verb of saying that judges: in the lexicon, or unusual enough that the quote finder's lists lack it."""
    lemma = token.lemma_.lower()
    return CATEGORY_OF.get(lemma) == "saying-verb" or (lemma not in CUE_VERBS and lemma not in NEUTRAL_SAYING_VERBS)


def _phrases(doc: Doc, seeds: dict[int, LoadedCategory | None]) -> list[tuple[int, int]]:
    """Seed tokens grown into phrases: a noun compound's head, a verb's particle, hyphenated words, adjacent seeds.

    Phrases are (first, last) token indices; "and" between two seeds keeps them two phrases.
    """
    grown: set[int] = set(seeds)
    for index in list(seeds):
        token = doc[index]
        if token.dep_ == "compound" and token.head.i == index + 1 and token.pos_ in ("NOUN", "PROPN"):
            grown.add(token.head.i)
        grown.update(child.i for child in token.children if child.dep_ == "prt" and child.i == index + 1)
    for index in sorted(grown):  # a hyphen joins the words on both sides into one word ("hand-picked")
        left, right = index, index
        while left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_:
            left -= 2
        while right + 2 < len(doc) and doc[right + 1].text == "-" and not doc[right].whitespace_ and not doc[right + 1].whitespace_:
            right += 2
        grown.update(range(left, right + 1))
    # Neighbours join when one modifies the other ("fat-cat owners"), not merely for standing side by side.
    runs: list[list[int]] = []
    for index in sorted(grown):
        previous = runs[-1][-1] if runs else -2
        joined = _modifies(doc[index], doc[previous]) or _modifies(doc[previous], doc[index]) or "-" in (doc[index].text, doc[previous].text)
        if index == previous + 1 and joined:
            runs[-1].append(index)
        else:
            runs.append([index])
    phrases = []
    for run in runs:
        while run and doc[run[0]].is_punct:
            run.pop(0)
        while run and doc[run[-1]].is_punct:
            run.pop()
        if run and not all(doc[i].is_stop for i in run):
            phrases.append((run[0], run[-1]))
    return phrases


def _modifies(dependent: Token, head: Token) -> bool:
    return dependent.head.i == head.i and dependent.dep_ in MODIFIER_DEPS


def _category(span: Span) -> LoadedCategory:
    """The category of a phrase the word model found, read from the parse."""
    head = span.root
    if head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() in SAYING_VERBS or any(child.dep_ == "ccomp" for child in head.children)):
        return "saying-verb"
    if head.pos_ in ("NOUN", "PROPN"):
        if _names_an_actor(head):
            return "label"
        if len([token for token in span if not token.is_punct]) > 1:
            return "metaphor"
        return "evaluative"
    if head.pos_ == "ADV" or (head.pos_ == "ADJ" and head.tag_ in ("JJS", "JJR")):
        return "intensifier"
    return "evaluative"


def _names_an_actor(noun: Token) -> bool:
    """Whether a noun names a person or group: it stands beside a name, or it has the form of a person noun."""
    if noun.ent_type_ in NAME_LABELS:
        return True
    related = [noun.head, *noun.children] if noun.dep_ in ("appos", "compound", "attr") else list(noun.children)
    if any(token.ent_type_ in ("PERSON", "ORG", "NORP") for token in related if token.dep_ in ("appos", "compound", "amod", "poss", "attr", "nsubj")):
        return True
    return noun.lemma_.lower().endswith(PERSON_NOUN_ENDINGS) and noun.lemma_.lower() not in ("order", "power", "matter", "water", "number")


def editorializing_kind(sentence: Span, assessment: SentenceBias, has_own_loaded_terms: bool, quoted: _QuotedText) -> OpinionKind | None:
    """Why an own-voice sentence is the outlet's opinion ("rhetorical_question", ...), or None when it is not."""
    own_words = [token for token in sentence if not quoted.speaker_at(token.idx, token.idx + len(token))[0]]
    if not own_words:
        return None
    text = sentence.text.strip()
    if text.rstrip("\"'\u201d\u2019)").endswith("?") and not quoted.speaker_at(sentence.end_char - 1, sentence.end_char)[0]:
        return "rhetorical_question"
    if ASSERTION.search(text):
        return "the_reality_is"
    if _is_lesson(sentence, own_words):
        return "moral_lesson"
    if any(token.tag_ == "MD" and token.lemma_.lower() in EXHORTING_MODALS for token in own_words):
        return "exhortation"
    if assessment.score >= EVALUATION_SCORE and has_own_loaded_terms and not _is_attributed(sentence):
        return "evaluation"
    if _is_verdict(sentence) and not _is_attributed(sentence):
        return "evaluation"
    return None


def _is_verdict(sentence: Span) -> bool:
    """The outlet pronounces on a state of affairs in so many words: "The danger to Norvale is real.",
    "The reasons are obvious." (a common-noun subject, "be", a judging adjective; figures and names are reports)."""
    root = sentence.root
    if root.lemma_ != "be" or any(token.like_num for token in sentence):
        return False
    subjects = [child for child in root.children if child.dep_ == "nsubj"]
    predicates = [child for child in root.children if child.dep_ == "acomp" and child.lemma_.lower() in VERDICT_ADJECTIVES]
    return bool(subjects and predicates) and subjects[0].pos_ == "NOUN" and not subjects[0].ent_type_


def _is_lesson(sentence: Span, own_words: list[Token]) -> bool:
    """The outlet speaks to its readers or draws a lesson: "you"/"we", an order, or a text that "teaches"."""
    if any(token.lower_ in READER_PRONOUNS and token.pos_ == "PRON" for token in own_words):
        return True
    if any(token.lemma_.lower() in LESSON_VERBS and token.pos_ == "VERB" for token in own_words):
        return True
    root = sentence.root
    subject = any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in root.children)
    return root.tag_ == "VB" and not subject and root.i == next(t.i for t in sentence if not (t.is_punct or t.is_space or t.dep_ == "cc"))


def _is_attributed(sentence: Span) -> bool:
    """Whether the sentence reports what someone said or found ("... , officials said", "according to")."""
    return any(token.lemma_.lower() in CUE_VERBS and token.pos_ == "VERB" for token in sentence) or "according to" in sentence.text.lower()


# --- how the article names its people ------------------------------------------------------------

TITLE_DEPS = {"compound", "amod", "nmod"}
HONORIFIC_WORDS = {"mr", "mrs", "ms", "messrs", "dr", "sir", "dame"}


def actor_labels(article: Article, doc: Doc) -> list[ActorLabel]:
    """How the article names each person: the words it uses, tied to a mention of them or to a nationality.

    The words are the titles before a name ("North Korean leader Kim Jong
    Un" -> "leader"), an apposition ("Kirby, the White House spokesman" ->
    "spokesman"), and the outlet's own loaded labels standing for a person:
    said of a name ("Putin, the strongman"), or carrying a nationality ("the
    Russian strongman"), which the story layer ties to the one person whose
    roles carry it.
    """
    people = [mention for mention in article.entities if mention.label == "PERSON" and mention.entity]
    uses: list[ActorLabel] = []
    named: set[int] = set()  # tokens inside person mentions
    for mention in people:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        named.update(token.i for token in span)
        appositions = [child for child in span.root.children if child.dep_ == "appos" and doc[child.left_edge.i - 1].text == ","]
        for words in (_title_before(span), *(_apposition(child) for child in appositions)):
            if words:
                uses.append(ActorLabel(words=words, mention=(mention.start, mention.end)))
    for term in article.framing.loaded:
        if term.where != "body" or term.voice != "outlet" or term.category not in ("label", "put-down"):
            continue
        span = doc.char_span(term.start, term.end, alignment_mode="expand")
        if span is None or any(token.i in named for token in span):
            continue
        noun = span.root
        partner = _partner_of(noun)
        said_of = next((m for m in people if partner is not None and m.start <= partner.idx < m.end), None)
        nations = [t.lower_ for t in noun.subtree if t.ent_type_ in ("NORP", "GPE") and t.i < noun.i]
        if said_of is not None:
            uses.append(ActorLabel(words=term.text.lower(), mention=(said_of.start, said_of.end)))
        elif nations:
            uses.append(ActorLabel(words=term.text.lower(), nations=nations))
    return uses


def _title_before(name: Span) -> str:
    """The common words of the title in front of a name, without nationalities or honorifics."""
    words: list[Token] = []
    for token in name.root.children:
        if token.i < name.start and token.dep_ in TITLE_DEPS:
            words.extend(
                t
                for t in token.subtree
                if t.i < name.start and not t.ent_type_ and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_.rstrip(".") not in HONORIFIC_WORDS
            )
    return " ".join(t.lower_ for t in sorted(set(words), key=lambda t: t.i))


def _apposition(head: Token) -> str:
    """The noun phrase of an apposition without its determiner, names and clauses ("the White House spokesman" -> "spokesman")."""
    if head.ent_type_:
        return ""
    words: list[Token] = [t for t in head.lefts if t.dep_ in ("amod", "compound") and not t.ent_type_] + [head]
    return " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i) if t.pos_ in ("NOUN", "PROPN", "ADJ"))


def _partner_of(noun: Token) -> Token | None:
    """The word a label is said of: the name it is in apposition to, or the subject of "X is a <label>"."""
    if noun.dep_ == "appos":
        return noun.head
    if noun.dep_ == "attr":
        return next((child for child in noun.head.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def same_nation(first: str, second: str) -> bool:
    """'Russia' and 'Russian', 'Sarvel' and 'Sarvelian': one word begins with the other but for its last letter.

    Words under four letters ("US") must be equal; "Austria" is not "Australian".
    """
    first, second = first.lower(), second.lower()
    if min(len(first), len(second)) < 4:
        return first == second
    return second.startswith(first[: max(4, len(first) - 1)]) or first.startswith(second[: max(4, len(second) - 1)])
