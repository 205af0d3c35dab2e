"""The content of the story reports, computed once for both formats (`render.markdown`, `render.html`).

`story_report(story)` turns a Story into plain rows: the numbered sources, the
brief, the conflicts, the fact-by-outlet matrix, quotes grouped by speaker, the
timeline, per-outlet coverage, per-outlet framing (least loaded first), the
labels each outlet gives the key actors, the entity table and each article's
body cut into annotated segments. Everything here is raw, unescaped text from the
articles: each renderer escapes it for its own format.

Known limits: outlets are told apart by `Article.outlet` (an article without
one counts as an outlet of its own, named by its id); the matrix shows at most
`MATRIX_LIMIT` claims (every multi-outlet claim first), the rest stay in story.json;
claims one sentence words are one row (`worded_once`), and the summary line counts
facts by wording too, so it can count fewer than story.json's claims.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from newsprism.ingest.urls import is_url
from newsprism.model import Article, Claim, ClaimSource, ConflictValue, Entity, Story, StoryQuote
from newsprism.render.graph import GraphDrawing, draw_graph

SECTIONS = (
    "Sources",
    "Brief",
    "Conflicts",
    "Facts by outlet",
    "Quotes by speaker",
    "Timeline",
    "Coverage per outlet",
    "Framing by outlet",
    "Labels for the key actors",
    "Entities",
    "Who is named with whom",
)
ARTICLES_SECTION = "Articles"  # HTML only: the Markdown report does not repeat the bodies
MATRIX_LIMIT = 80  # claims two or more outlets report, in the matrix
FRAGMENT_WORDS = 3  # a quoted phrase shorter than this (a word or two) is not listed among the quotes by speaker
SINGLE_SOURCE_LIMIT = 40  # facts one outlet alone reports, listed under its name
UNATTRIBUTED = "Unattributed"

# A citation marker of the brief: [3] or [1, 4] (numbers of story.articles, from 1).
CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")

# How story_report names the outlet of a (article id, outlet as recorded) pair.
OutletOf = Callable[[str, str | None], str]


@dataclass(frozen=True)
class Source:
    number: int
    anchor: str
    outlet: str
    headline: str
    date: str
    date_note: str | None
    date_inferred: bool  # the page states no date of its own: newsprism estimated it (date_note says how)
    source: str  # the page's URL when it was fetched, else its id (a file name): never a local path
    url: str | None
    byline: tuple[str, ...]


    @property
    def shown_date(self) -> str:
        """The date as reports show it: a stated date as it is, an estimate marked as one."""
        return f"about {self.date} (inferred)" if self.date_inferred else self.date


@dataclass(frozen=True)
class Cell:
    """One outlet's entry for one claim: "reported", "conflict" (text = its value) or "absent"."""

    state: str
    text: str
    title: str = ""


@dataclass(frozen=True)
class MatrixRow:
    claim: Claim
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class SingleSource:
    """The facts one outlet alone reports (claims of support 1), folded under the shared ones."""

    outlet: str
    claims: tuple[str, ...]
    hidden: int  # more of them, in story.json only


@dataclass(frozen=True)
class ConflictEntry:
    outlet: str
    value: str
    date: str  # the date the outlet's page states, "" when it states none
    sentence: tuple[str, str, str]  # the outlet's sentence in the claim, cut around the phrase: (before, phrase, after)


@dataclass(frozen=True)
class ConflictView:
    claim: str
    what: str  # in words (`Conflict.subject`): "the number of people dead", "the magnitude", "the date"
    entries: tuple[ConflictEntry, ...]
    update: bool  # a running count that later pages give as higher (see compare.conflicts.rises_with_time)


def sentence_around(claim: Claim, value: ConflictValue) -> tuple[str, str, str]:
    """The outlet's sentence in the claim that gives the value, cut around the value's phrase, so a reader sees each
    side of a conflict in its own words; ("", phrase, "") when the claim holds no sentence of that outlet with it."""
    sentences = [source.text for source in claim.sources if source.article == value.article]
    for sentence in sentences:
        at = sentence.find(value.text)
        if at >= 0:
            return sentence[:at], value.text, sentence[at + len(value.text) :]
    return ("", value.text, "")


@dataclass(frozen=True)
class QuoteView:
    quote: StoryQuote
    outlets: tuple[str, ...]
    channels: tuple[tuple[str, tuple[str, ...]], ...]  # (via, outlets crediting it)
    variants: tuple[str, ...]


@dataclass(frozen=True)
class SpeakerGroup:
    name: str
    speaker: str | None
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True)
class TimelineRow:
    date: str
    text: str
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class CoverageRow:
    outlet: str
    articles: int
    corroborated: tuple[str, ...]  # claim texts
    exclusive: tuple[str, ...]
    omitted: tuple[str, ...]
    voices: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class FramingRow:
    outlet: str
    score: str  # "0.31": see Framing.score
    biased: str  # "4 of 21" sentences the bias model judges biased
    loaded: tuple[str, ...]
    in_quotes: tuple[str, ...]
    editorializing: tuple[tuple[str, str], ...]  # (kind, sentence)
    voices: tuple[str, ...]  # "government (Russia): Vladimir Putin, ... (5 quotes)"


@dataclass(frozen=True)
class LabelRow:
    actor: str
    cells: tuple[str, ...]  # one per outlet of Report.outlets ("" when it gives none)


@dataclass(frozen=True)
class EntityRow:
    entity: Entity
    articles: int


@dataclass(frozen=True)
class Segment:
    """A run of body text under one set of annotations (classes: entity, loaded, opinion, quote, time)."""

    text: str
    classes: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Paragraph:
    segments: tuple[Segment, ...]
    after: str  # the line breaks that followed it in the body, kept so the body reads back exactly


@dataclass(frozen=True)
class ArticleView:
    source: Source
    paragraphs: tuple[Paragraph, ...]
    entities: int
    quotes: int
    times: int
    loaded: int
    opinion: int


@dataclass
class Report:
    title: str
    summary: str  # the story at a glance: outlets, shared and single-source facts, conflicts, copies
    sources: list[Source]
    outlets: list[str]
    brief: list[str]
    conflicts: list[ConflictView]
    matrix: list[MatrixRow]
    matrix_hidden: int
    single_source: list[SingleSource]
    claims: int
    speakers: list[SpeakerGroup]
    timeline: list[TimelineRow]
    coverage: list[CoverageRow]
    framing: list[FramingRow]
    labels: list[LabelRow]
    entities: list[EntityRow]
    graph: GraphDrawing | None = None
    articles: list[ArticleView] = field(default_factory=list)


def story_report(story: Story, with_bodies: bool = True) -> Report:
    """The report rows of a story (see the module docstring); `with_bodies=False` skips the annotated bodies."""
    by_id = {article.id: article for article in story.articles}
    outlets = list(dict.fromkeys(outlet_label(article) for article in story.articles))
    claim_text = {claim.id: claim.text for claim in story.claims}
    entities = {entity.id: entity for entity in story.entities}

    def outlet_of(article_id: str, outlet: str | None) -> str:
        article = by_id.get(article_id)
        return outlet_label(article) if article else (outlet or article_id)

    def outlets_of(sources: list[ClaimSource]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(outlet_of(s.article, s.outlet) for s in sources))

    sources = [source_of(number, article) for number, article in enumerate(story.articles, 1)]

    stated = {article.id: article.published.isoformat() if article.published else "" for article in story.articles}
    conflicts = [
        ConflictView(
            claim=claim.text,
            what=conflict.subject,
            entries=tuple(
                ConflictEntry(outlet_of(v.article, v.outlet), v.value, stated.get(v.article, ""), sentence_around(claim, v))
                for v in conflict.values
            ),
            update=conflict.update,
        )
        for claim in story.claims
        for conflict in claim.conflicts
    ]

    shared = worded_once([claim for claim in story.claims if claim.support >= 2])
    matrix = [matrix_row(claim, outlets, outlet_of) for claim in shared[:MATRIX_LIMIT]]
    in_matrix = {claim.text for claim in shared}
    alone: dict[str, list[str]] = defaultdict(list)
    for claim in story.claims:
        if claim.support < 2 and claim.sources and claim.text not in in_matrix:
            listed = alone[outlet_of(claim.sources[0].article, claim.sources[0].outlet)]
            if claim.text not in listed:
                listed.append(claim.text)
    single_source = [
        SingleSource(outlet, tuple(alone[outlet][:SINGLE_SOURCE_LIMIT]), max(0, len(alone[outlet]) - SINGLE_SOURCE_LIMIT))
        for outlet in outlets
        if alone.get(outlet)
    ]

    timeline = [TimelineRow(entry.date, entry.text, outlets_of(entry.sources)) for entry in story.timeline]

    coverage = [
        CoverageRow(
            outlet=row.outlet,
            articles=len(row.articles),
            corroborated=tuple(claim_text.get(i, i) for i in row.corroborated),
            exclusive=tuple(claim_text.get(i, i) for i in row.exclusive),
            omitted=tuple(claim_text.get(i, i) for i in row.omitted),
            voices=tuple((voice.speaker_name or voice.speaker or UNATTRIBUTED, voice.quotes) for voice in row.voices),
        )
        for row in story.coverage
    ]

    framing = [
        FramingRow(
            outlet=row.outlet,
            score="n/a" if row.score is None else f"{row.score:.2f}",
            biased=f"{row.biased_sentences} of {row.sentences}",
            loaded=tuple(row.loaded),
            in_quotes=tuple(row.loaded_in_quotes),
            editorializing=tuple((opinion.kind.replace("_", " "), opinion.text) for opinion in row.editorializing),
            voices=tuple(
                f"{group.affiliation}{f' ({group.country})' if group.country else ''}: {', '.join(group.speakers)} ({count(group.quotes, 'quote')})"
                for group in row.voices
            ),
        )
        for row in story.framing.outlets
    ]
    labels = [LabelRow(row.name, tuple(", ".join(row.labels.get(outlet, [])) for outlet in outlets)) for row in story.framing.labels]

    entity_rows = sorted((EntityRow(entity, len(entity.articles)) for entity in story.entities), key=lambda row: -row.articles)

    report = Report(
        title=f"Story report: {count(len(story.articles), 'article')} from {count(len(outlets), 'outlet')}",
        summary=at_a_glance(story, outlets, shared),
        sources=sources,
        outlets=outlets,
        brief=[sentence.text for sentence in story.brief],
        conflicts=conflicts,
        matrix=matrix,
        matrix_hidden=max(0, len(shared) - MATRIX_LIMIT),
        single_source=single_source,
        claims=len(story.claims),
        speakers=speaker_groups(story.quotes, outlet_of),
        timeline=timeline,
        coverage=coverage,
        framing=framing,
        labels=labels,
        entities=entity_rows,
        graph=draw_graph(story.graph),
    )
    if with_bodies:
        report.articles = [
            ArticleView(
                source=source,
                paragraphs=paragraphs(annotated_segments(article, entities)),
                entities=len(article.entities),
                quotes=len(article.quotes),
                times=len(article.times),
                loaded=len(article.framing.loaded),
                opinion=len(article.framing.opinion),
            )
            for source, article in zip(sources, story.articles, strict=True)
        ]
    return report


def at_a_glance(story: Story, outlets: list[str], shared_rows: list[Claim]) -> str:
    """One line a reader takes in first: how many outlets, facts shared by two or more of them (`shared_rows`, one
    per wording, see `worded_once`), facts one outlet alone reports, conflicts, and texts several outlets ran."""
    shared = len(shared_rows)
    single = len({claim.text for claim in story.claims if claim.support < 2} - {claim.text for claim in shared_rows})
    conflicts = sum(len(claim.conflicts) for claim in story.claims)
    copies = sum(1 for article in story.articles if article.duplicate_of)
    return " · ".join(
        [
            count(len(outlets), "outlet"),
            f"{count(shared, 'fact')} reported by two or more outlets",
            f"{count(single, 'fact')} by one outlet only",
            count(conflicts, "conflict"),
            f"{count(copies, 'article')} copying another's text",
        ]
    )


def outlet_label(article: Article) -> str:
    """The outlet as reports name it: the article's outlet (or site), else its id marked as a source whose outlet is
    not known. Never a local path: ids are file names relative to the folder read (see `newsprism.ingest`)."""
    return article.outlet or f"{article.id} (outlet unknown)"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def source_of(number: int, article: Article) -> Source:
    date = article.reference_date or article.published
    return Source(
        number=number,
        anchor=f"article-{number}",
        outlet=outlet_label(article),
        headline=article.headline or "(no headline)",
        date=date.isoformat() if date else "undated",
        date_note=article.date_note,
        date_inferred=date is not None and (article.provisional_date or article.published is None),
        source=article.source if is_url(article.source) else article.id,
        url=article.url,
        byline=tuple(article.byline),
    )


def worded_once(claims: list[Claim]) -> list[Claim]:
    """The claims with one row per wording: a sentence that packs two facts may word two claims (see
    compare.claims), and the reader would meet it twice. Claims worded alike are shown as one, with every outlet and
    every conflict of each; the first keeps its place. story.json keeps them apart."""
    rows: dict[str, Claim] = {}
    for claim in claims:
        row = rows.get(claim.text)
        if row is None:
            rows[claim.text] = claim
            continue
        sources = list({(s.article, s.start, s.end): s for s in [*row.sources, *claim.sources]}.values())
        conflicts = row.conflicts + [conflict for conflict in claim.conflicts if conflict not in row.conflicts]
        outlets = {source.outlet or source.article for source in sources}
        rows[claim.text] = row.model_copy(update={"sources": sources, "conflicts": conflicts, "support": len(outlets)})
    return list(rows.values())


def matrix_row(claim: Claim, outlets: list[str], outlet_of: OutletOf) -> MatrixRow:
    reporting = {outlet_of(s.article, s.outlet) for s in claim.sources}
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for conflict in claim.conflicts:
        for value in conflict.values:
            values[outlet_of(value.article, value.outlet)].append((value.value, value.text))
    cells = []
    for outlet in outlets:
        if outlet in values:
            given = list(dict.fromkeys(values[outlet]))
            cells.append(Cell("conflict", "; ".join(v for v, _ in given), "; ".join(f"“{t}”" for _, t in given)))
        elif outlet in reporting:
            cells.append(Cell("reported", "✓"))
        else:
            cells.append(Cell("absent", ""))
    return MatrixRow(claim, tuple(cells))


def speaker_groups(quotes: list[StoryQuote], outlet_of: OutletOf) -> list[SpeakerGroup]:
    """Quotes grouped by speaker, the most widely carried speakers first, unattributed quotes last; within a speaker,
    the most widely carried quotes first, then the longest. Fragments (under FRAGMENT_WORDS words: "that", "a
    disaster") are left to story.json: alone they tell a reader nothing."""
    groups: dict[str, list[QuoteView]] = defaultdict(list)
    speaker_ids: dict[str, str | None] = {}
    for quote in quotes:
        if len(quote.text.split()) < FRAGMENT_WORDS:
            continue
        name = quote.speaker_name or quote.speaker or UNATTRIBUTED
        speaker_ids.setdefault(name, quote.speaker)
        carried = tuple(quote.outlets) or tuple(dict.fromkeys(outlet_of(s.article, s.outlet) for s in quote.sources))
        channels: dict[str, list[str]] = defaultdict(list)
        for source in quote.sources:
            if source.via:
                outlet = outlet_of(source.article, source.outlet)
                if outlet not in channels[source.via]:
                    channels[source.via].append(outlet)
        groups[name].append(QuoteView(quote, carried, tuple((via, tuple(o)) for via, o in channels.items()), tuple(quote.variants)))

    def reach(name: str) -> tuple[bool, int, int, str]:
        carried = {outlet for view in groups[name] for outlet in view.outlets}
        return (name == UNATTRIBUTED, -len(carried), -len(groups[name]), name)

    return [
        SpeakerGroup(name, speaker_ids[name], tuple(sorted(groups[name], key=lambda view: (-len(view.outlets), -len(view.quote.text)))))
        for name in sorted(groups, key=reach)
    ]


def annotated_segments(article: Article, entities: dict[str, Entity] | None = None) -> list[Segment]:
    """The body cut into consecutive segments, each under the set of annotations covering it.

    Annotations may nest or overlap (a quote holds mentions and dates; a loaded
    term may straddle a mention): cutting at every span boundary gives
    non-overlapping segments, so the output is well-formed whatever the spans.
    Spans outside the body or empty are ignored. The segments' texts join to
    the body exactly.
    """
    entities = entities or {}
    body = article.body
    spans: list[tuple[int, int, str, str]] = []
    for mention in article.entities:
        entity = entities.get(mention.entity or "")
        what = f"{entity.name} ({mention.entity})" if entity else (mention.entity or "unlinked")
        spans.append((mention.start, mention.end, "entity", f"{mention.label}: {what}"))
    for quote in article.quotes:
        speaker = quote.speaker_name or quote.speaker or "unknown speaker"
        detail = ", ".join(part for part in (quote.cue, quote.via) if part)
        spans.append((quote.start, quote.end, "quote", f"{quote.kind} quote: {speaker}" + (f" ({detail})" if detail else "")))
    for time in article.times:
        spans.append((time.start, time.end, "time", f"{time.type}: {time.value or 'unresolved'}"))
    for term in article.framing.loaded:
        if term.where == "body":
            voice = f"in a quote of {term.speaker_name or 'someone'}" if term.voice == "quoted" else "the outlet's own words"
            spans.append((term.start, term.end, "loaded", f"loaded ({term.category}), {voice}"))
    for opinion in article.framing.opinion:
        spans.append((opinion.start, opinion.end, "opinion", f"editorializing: {opinion.kind.replace('_', ' ')}"))
    spans = [(max(0, s), min(len(body), e), kind, title) for s, e, kind, title in spans]
    spans = [span for span in spans if span[0] < span[1]]

    cuts = sorted({0, len(body), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    opening: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for span in spans:
        opening[span[0]].append(span)
    active: list[tuple[int, int, str, str]] = []
    segments: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):  # a sweep: the spans open over [start, end)
        active = [span for span in active if span[1] > start] + opening[start]
        covering = sorted(active, key=lambda span: (span[2], span[0]))
        classes = tuple(dict.fromkeys(kind for _, _, kind, _ in covering))
        title = "\n".join(dict.fromkeys(title for _, _, _, title in covering))
        segments.append(Segment(body[start:end], classes, title))
    return segments


_BREAKS = re.compile(r"\n+")


def paragraphs(segments: list[Segment]) -> tuple[Paragraph, ...]:
    """Segments regrouped into paragraphs at line breaks (a segment crossing a break is cut there).

    Each paragraph keeps the run of line breaks that follows it, so the
    paragraphs' texts and breaks join to the body exactly.
    """
    body = "".join(segment.text for segment in segments)
    starts: list[int] = []
    position = 0
    for segment in segments:
        starts.append(position)
        position += len(segment.text)
    bounds: list[tuple[int, int, str]] = []  # (start, end, break after)
    position = 0
    for brk in _BREAKS.finditer(body):
        bounds.append((position, brk.start(), brk.group()))
        position = brk.end()
    if position < len(body) or not bounds:
        bounds.append((position, len(body), ""))
    pieces: list[list[Segment]] = [[] for _ in bounds]
    index = 0  # one pass: segments and paragraphs are both in body order
    for segment, offset in zip(segments, starts, strict=True):
        stop = offset + len(segment.text)
        while index < len(bounds):
            start, end, _ = bounds[index]
            lo, hi = max(start, offset), min(end, stop)
            if lo < hi:
                pieces[index].append(Segment(body[lo:hi], segment.classes, segment.title))
            if stop <= end:
                break
            index += 1
    return tuple(Paragraph(tuple(parts), after) for parts, (_, _, after) in zip(pieces, bounds, strict=True))


def citation_numbers(marker: str) -> list[int]:
    """The article numbers of one citation marker's inner text ("1, 4" -> [1, 4])."""
    return [int(part) for part in marker.split(",")]
