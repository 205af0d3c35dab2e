"""The data model: one vocabulary for every stage (see DESIGN.md, "Data model").

Every span (`start`, `end`) is a character offset into `Article.body`.
The JSON form of an `Article` is the per-article output contract of
`newsprism extract`; `schema/article.schema.json` is generated from these
classes (`newsprism schema`), and the tests validate real output against it.

Everything a later stage needs from an earlier one is a field here, so it
survives a JSON or database round trip: a prepared Article read back from
`extract`'s output gives the same Story as the fresh one. What only the story
stages read (the body's parse, its sentence vectors, the article's own entity
table) sits in `Article.prepared`, which the story's JSON leaves out.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RawDocument(_Model):
    """What ingest hands to clean: one document's decoded content and what its container said about it.

    `kind` decides the cleaner: "text" is a page dump (full of boilerplate),
    "html" is a raw page, "body" is an already clean article body (a JSONL
    record's "text" field), "article" an article `prepare` made before (a line
    of `newsprism extract`'s output, as JSON), which is taken as it is.
    """

    id: str
    source: str = Field(description="Where the document came from: a path, path:line, a URL or <stdin>.")
    kind: Literal["text", "html", "body", "article"]
    content: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None


class Removed(_Model):
    """A block the cleaner took out of the page, and why."""

    text: str
    reason: str = Field(
        description="navigation, paywall, promo, link-list, comments, caption, credit, legal, headline, dek, byline, dateline, repeated, ..."
    )


class Mention(_Model):
    """An entity mention in the body; `entity` is the story-wide entity id once linked."""

    text: str
    label: str
    start: int
    end: int
    entity: str | None = None


class Entity(_Model):
    """A person, organisation, place, group, facility, event or law under one canonical name.

    Within one article before linking, ids are article-local ("e1"); after
    `newsprism.compare.entities.link_entities` they are story-wide
    ("person:vladimir-putin") and `articles` lists where the entity appears.
    """

    id: str
    name: str
    type: str = Field(description="person, organization, place, group, facility, event or law")
    aliases: list[str] = Field(default_factory=list, description="Other spellings and short forms used for it.")
    roles: list[str] = Field(default_factory=list, description="Roles and titles the texts give it.")
    articles: list[str] = Field(default_factory=list, description="Ids of the articles that mention it.")


class Quote(_Model):
    """Reported speech: who said what, with which verb, through which channel."""

    text: str
    speaker_name: str | None = None
    speaker: str | None = Field(default=None, description="Entity id of the speaker, when resolved.")
    cue: str | None = Field(default=None, description="The verb or phrase of saying: said, claimed, according to.")
    via: str | None = Field(default=None, description="The channel credited: 'told Sputnik', 'Tass reported'.")
    kind: Literal["direct", "indirect", "mixed"] = "direct"
    start: int
    end: int
    speaker_span: tuple[int, int] | None = Field(
        default=None,
        description="(start, end) of where the speaker is named in the body: the mention the cue attaches to, or a pronoun's antecedent. "
        "The story's entity linker turns it into `speaker`.",
    )


class TimeExpr(_Model):
    """A date or time expression resolved to a TIMEX3-style value against the reference date."""

    text: str
    value: str | None = Field(description="TIMEX3 value: 2024-06-19, 2024-06, 2024-W25, PRESENT_REF, P24Y, 2024-06-19T10:30, ...")
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    start: int
    end: int


LoadedCategory = Literal["label", "put-down", "intensifier", "metaphor", "saying-verb", "evaluative"]
OpinionKind = Literal["rhetorical_question", "the_reality_is", "moral_lesson", "exhortation", "evaluation"]


class LoadedTerm(_Model):
    """A word or phrase that judges rather than reports, with whose voice it is in."""

    text: str
    category: LoadedCategory
    start: int
    end: int
    where: Literal["body", "headline", "dek"] = Field(default="body", description="What start/end index: the body, the headline or the dek.")
    voice: Literal["outlet", "quoted"] = Field(default="outlet", description="'quoted': inside a quote, the speaker's words, not the outlet's.")
    speaker_name: str | None = Field(default=None, description="Who is quoted saying it, for a quoted term.")


class OpinionSentence(_Model):
    """A sentence in which the outlet itself evaluates, predicts or exhorts, without attributing it."""

    text: str
    kind: OpinionKind
    start: int
    end: int


class SentenceVerdict(_Model):
    """The bias model's verdict on one body sentence (BABE-style: is the sentence biased?)."""

    text: str
    score: float = Field(description="Probability that the sentence is biased, 0 to 1.")
    biased: bool


class Framing(_Model):
    loaded: list[LoadedTerm] = Field(default_factory=list)
    opinion: list[OpinionSentence] = Field(default_factory=list, description="Editorializing sentences.")
    sentences: list[SentenceVerdict] = Field(default_factory=list, description="One verdict per body sentence, in order.")
    score: float | None = Field(
        default=None,
        description="0 to 1 over the article's own-voice sentences: the mean of the share with loaded wording or editorializing "
        "and the bias model's mean score.",
    )


class ActorLabel(_Model):
    """Words an article uses for a person: beside a mention of them, or free-standing ("the Norvian strongman")."""

    words: str
    mention: tuple[int, int] | None = Field(default=None, description="(start, end) of the mention it stands beside.")
    nations: list[str] = Field(default_factory=list, description="For a free-standing label: the nationality words that tie it to one person.")


PREPARED_FORMAT = 1  # raise when Prepared changes shape: articles prepared by another version are then prepared again


class Prepared(_Model):
    """What `prepare` keeps of its work on one article for the story stages, so they never parse or encode its body again.

    `newsprism extract` writes it with the article and `newsprism analyze`
    reads it back; the story's own JSON leaves it out. The parse and the
    vectors are packed (see `newsprism.prepared`): about 10 kB and 0.8 kB per
    sentence before base64.
    """

    format: int = PREPARED_FORMAT
    parse: str = Field(description="The body's spaCy parse: a DocBin (tags, lemmas, dependencies, entities), base64.")
    sentences: list[tuple[int, int]] = Field(default_factory=list, description="(start, end) of each body sentence, cut at paragraph breaks.")
    vectors: str = Field(description="One all-MiniLM-L6-v2 vector per sentence, float16, base64 (from the bias model's pass).")
    entities: list[Entity] = Field(default_factory=list, description="The article's own entities, with the article-local ids its mentions use.")
    labels: list[ActorLabel] = Field(default_factory=list, description="How the article names its people, for the story's label comparison.")


class Article(_Model):
    """One outlet's article: clean body, metadata, what was removed, and its annotations."""

    id: str
    source: str
    url: str | None = None
    outlet: str | None = None
    headline: str | None = None
    dek: str | None = None
    byline: list[str] = Field(default_factory=list)
    published: dt.date | None = Field(default=None, description="The date the page states.")
    reference_date: dt.date | None = Field(default=None, description="The day the article's relative expressions refer to.")
    provisional_date: bool = Field(
        default=False,
        description="reference_date is an estimate, not a date the page states (an update stamp, a date inferred from "
        "the content, or one taken from the story's other articles); date_note says how. A story may replace it "
        "with the date its other articles give.",
    )
    date_note: str | None = Field(default=None, description="Why reference_date differs from published, or how it was inferred.")
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code of the body's language (detected); an article not in English is kept but not annotated. "
        "Null when it could not be told.",
    )
    notes: list[str] = Field(default_factory=list, description="What was done to the article that its reader should know (a body cut short, ...).")
    body: str
    removed: list[Removed] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    entities: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    framing: Framing = Field(default_factory=Framing)
    story: str | None = Field(default=None, description="Id of the story `group` placed it in.")
    duplicate_of: str | None = Field(
        default=None, description="Id of the earliest article whose text this one copies (a wire or syndicated copy, a light rewrite)."
    )

    prepared: Prepared | None = Field(default=None, description="Set by prepare, for the story stages; not in the story's JSON.")

    @property
    def reporting_outlet(self) -> str:
        """The outlet the article counts for in a story: its outlet, or its own id when the page names none."""
        return self.outlet or self.id

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """The body's sentence spans (empty before preparation)."""
        return self.prepared.sentences if self.prepared else []


class ClaimSource(_Model):
    """One article's wording of a claim."""

    article: str = Field(description="Id of the article.")
    outlet: str | None = None
    text: str
    start: int
    end: int


class ConflictValue(_Model):
    """What one article says where the outlets disagree."""

    article: str
    outlet: str | None = None
    text: str = Field(description="The phrase as the article writes it: 'more than 1,200 tonnes', 'on Tuesday'.")
    value: str = Field(description="Its normalized value: '1200 tonnes', '2025-03-04', 'Teodor Marrick'.")


class Conflict(_Model):
    """Aligned statements that give different numbers, dates, clock times or participants for one fact."""

    kind: Literal["number", "date", "time", "participant"]
    what: str = Field(description="What differs: the unit of a number ('tonnes', 'years'), 'date', 'clock time' or 'participant'.")
    values: list[ConflictValue]
    update: bool = Field(
        default=False,
        description="The difference is explained by when the pages were written: a running count (the dead, the injured, "
        "the missing) that every page dated later gives as higher, as a toll rises; an update, not a contradiction.",
    )

    @property
    def subject(self) -> str:
        """What the outlets disagree on, in words: "the date", "the time", "who took part", "the number of people
        dead", "the magnitude", "the distance in kilometres" (a number's `what` is its plural unit, then what it
        measures when the words around it say: "people dead", "magnitudes", "kilometres distance")."""
        if self.kind != "number":
            return {"date": "the date", "time": "the time", "participant": "who took part"}[self.kind]
        unit, _, measure = self.what.partition(" ")
        if unit in SCALE_SUBJECTS and not measure:
            return SCALE_SUBJECTS[unit]
        if measure in LENGTH_MEASURES:
            return f"the {measure} in {unit}"
        return f"the number of {self.what}"


# What a length measures (see compare.figures), as the last word of a number conflict's `what`.
LENGTH_MEASURES = frozenset({"depth", "height", "distance", "size"})
# Units that are a scale, not a count: "the magnitude", not "the number of magnitudes".
SCALE_SUBJECTS = {"magnitudes": "the magnitude", "percent": "the percentage"}


class Claim(_Model):
    """One fact as reported across outlets: statements of several articles aligned into one claim."""

    id: str
    text: str = Field(description="Representative wording, taken verbatim from one source.")
    sources: list[ClaimSource]
    support: int = Field(description="Number of distinct outlets that report it.")
    conflicts: list[Conflict] = Field(default_factory=list)
    quote: str | None = Field(default=None, description="Id of the story quote the claim reports, when it is attributed.")
    date: str | None = Field(default=None, description="The calendar date the claim is about, when its sources give one.")


class QuoteSource(_Model):
    """One article's rendering of a story quote."""

    article: str
    outlet: str | None = None
    text: str
    cue: str | None = None
    via: str | None = None


class StoryQuote(_Model):
    """One quote across the outlets that carry it (exactly, nearly or in part)."""

    id: str
    text: str = Field(description="The fullest wording carried.")
    speaker: str | None = None
    speaker_name: str | None = None
    kind: Literal["direct", "indirect", "mixed"] = "direct"
    outlets: list[str] = Field(default_factory=list, description="Distinct outlets carrying it.")
    sources: list[QuoteSource] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list, description="Other wordings of the same quote.")


class TimelineEntry(_Model):
    """A dated event, merged across the outlets that report it."""

    date: str = Field(description="ISO date (or month, year) of the event.")
    text: str
    claim: str | None = Field(default=None, description="Id of the claim it comes from.")
    sources: list[ClaimSource] = Field(default_factory=list)


class BriefSentence(_Model):
    """One sentence of the neutral brief; the [n] markers in its text number the story's articles from 1."""

    text: str
    sources: list[str] = Field(description="Ids of the articles it cites.")
    claim: str | None = None


class Voice(_Model):
    speaker: str | None = None
    speaker_name: str | None = None
    quotes: int


class OutletCoverage(_Model):
    """What one outlet reports, alone or with others, what it leaves out, and whom it quotes."""

    outlet: str
    articles: list[str]
    corroborated: list[str] = Field(default_factory=list, description="Claims it reports that two or more other outlets also report.")
    exclusive: list[str] = Field(default_factory=list, description="Claims only it reports.")
    omitted: list[str] = Field(default_factory=list, description="Claims two or more other outlets report and it does not.")
    voices: list[Voice] = Field(default_factory=list, description="Whom it quotes, most quoted first.")


class ActorLabels(_Model):
    """How each outlet names one key actor, in its own voice."""

    entity: str = Field(description="Story-wide entity id.")
    name: str
    labels: dict[str, list[str]] = Field(description="Outlet -> the words it uses for the actor ('leader', 'dictator').")


class VoiceGroup(_Model):
    """Speakers an outlet quotes, grouped by whom they speak for."""

    affiliation: str = Field(description="'government', 'state media', 'media', 'analyst', 'organization', 'citizen' or 'unknown'.")
    country: str | None = Field(default=None, description="The country they speak for, when the text says.")
    speakers: list[str]
    quotes: int


class OutletFraming(_Model):
    """One outlet's framing profile: its score, the evidence for it, and whose voices it uses."""

    outlet: str
    articles: list[str]
    score: float | None = Field(description="Its articles' framing scores (see Framing.score), weighted by their sentences.")
    biased_sentences: int = Field(description="Body sentences the bias model judges biased.")
    sentences: int
    loaded: list[str] = Field(default_factory=list, description="Its own loaded terms, most frequent first.")
    loaded_in_quotes: list[str] = Field(default_factory=list, description="Loaded terms inside the quotes it carries (the speakers' words).")
    editorializing: list[OpinionSentence] = Field(default_factory=list)
    voices: list[VoiceGroup] = Field(default_factory=list)


class StoryFraming(_Model):
    """How the outlets compare: profiles from least to most loaded, and the labels each gives the key actors."""

    outlets: list[OutletFraming] = Field(default_factory=list, description="Least loaded first.")
    labels: list[ActorLabels] = Field(default_factory=list)


class SharedText(_Model):
    """One text that several outlets ran: an original and its copies (each still counts as its outlet's coverage)."""

    original: str = Field(description="Id of the earliest article with the text.")
    copies: list[str] = Field(description="Ids of the articles that copy it.")
    outlets: list[str] = Field(description="The outlets that ran it, the original's first.")


class GraphNode(_Model):
    """One entity of the story's graph."""

    entity: str = Field(description="Story-wide entity id.")
    name: str
    type: str
    mentions: int = Field(description="Mentions across the story's articles.")
    articles: int = Field(description="Articles that mention it.")


class GraphEdge(_Model):
    """Two entities linked by the story: named in the same claims ("together"), or one quoted about the other."""

    source: str = Field(description="Entity id; the speaker for 'speaks_about'.")
    target: str = Field(description="Entity id; whom the speaker's words name for 'speaks_about'.")
    kind: Literal["together", "speaks_about"]
    count: int = Field(description="Claims naming both ('together'), or quotes of the source naming the target ('speaks_about').")
    claims: list[str] = Field(default_factory=list, description="Ids of the claims behind a 'together' edge (the first ten).")


class EntityGraph(_Model):
    """Who and what the story names together: entities as nodes, claims and quotes as edges."""

    nodes: list[GraphNode] = Field(default_factory=list, description="Every story-wide entity, most mentioned first.")
    edges: list[GraphEdge] = Field(default_factory=list, description="Strongest first.")


class Story(_Model):
    """One story as covered by its articles: the output of `newsprism analyze`."""

    id: str = Field(
        default="",
        description="Stable: the id `group` gave the articles, else 'story-' and a hash of the body of its earliest article; "
        "the same articles give the same id, wherever they are read from.",
    )
    articles: list[Article] = Field(default_factory=list)
    shared_texts: list[SharedText] = Field(default_factory=list, description="Texts that several of its outlets ran (near-duplicates).")
    entities: list[Entity] = Field(default_factory=list, description="Story-wide entities; mentions refer to their ids.")
    quotes: list[StoryQuote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list, description="Most-supported first.")
    timeline: list[TimelineEntry] = Field(default_factory=list)
    brief: list[BriefSentence] = Field(default_factory=list)
    coverage: list[OutletCoverage] = Field(default_factory=list)
    framing: StoryFraming = Field(default_factory=StoryFraming)
    graph: EntityGraph = Field(default_factory=EntityGraph)
