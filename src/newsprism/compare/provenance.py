"""Quote provenance: one story quote per thing said, with every outlet that carries it.

Outlets rarely carry a quote the same way: one prints the full sentence,
another a fragment in quote marks inside its own sentence, a third
paraphrases it with most of the words kept, a wire copy changes one word or
the punctuation. `merge_quotes` groups the quotes of a run's articles so that
each group is one quote, with the outlets carrying it, the channel each
credits (`via`) and the wordings they use.

Two quotes of different articles are the same quote when, after
normalisation (casefold, curly/straight quotes and dashes unified,
punctuation dropped, whitespace collapsed; tokens are words):

* exact: the token lists are equal (and say something: two content words);
* near-exact: SequenceMatcher's ratio over the token lists is >= 0.85
  (one word changed in a sentence of ten or more, or a few in a long one);
* partial: the shorter one (>= 5 tokens) lies as a contiguous run inside the
  longer one, or they share a run of consecutive tokens holding at least
  three content words that is >= 4 tokens and >= 60% of the shorter one, or
  >= 6 tokens when one of the two is direct or mixed (two paraphrases share
  background phrases like "his visit to the capital in 2000" without
  reporting one statement);
* quoted fragment: words one article puts in quote marks (a mixed quote's
  "cooperating fully", or all of a direct quote) lie as a contiguous run in
  the other quote. A fragment of >= 5 tokens is enough on its own; a short
  one (2-4 tokens, at least two of them content words) only when both quotes
  have the same resolved speaker, or when it holds three content words and
  the other outlet puts it in quote marks too: a two-word fragment is the
  outlet's claim that these are the speaker's own words, which a paraphrase
  that contains them confirms, but a same speaker alone is never enough;
* translation: with the encoder given, two direct or mixed quotes of one
  person (one entity, or one surname when one side is not linked) whose
  closest sentences have a sentence-vector cosine >= 0.74, neither negating
  what the other affirms: one sentence of an address in two English
  translations ("... will be justly and inevitably punished" / "... will
  receive a just and inevitable punishment"), or one quote trimmed two ways.

Quotes whose resolved speakers differ (both known) merge only when exact
and at least five tokens long: a wire copy may credit the wrong person, but
a short scrap ("the decision") said by two people is two quotes.

Known limits: a paraphrase that keeps no long run of the original words is
recognised only as a translation (a named person's direct words); a quote split around its attribution
("...," she said, "...") in one article stays two quotes of that article,
and only the longer fragment joins the other outlets' full quote (each
article contributes at most one quote to a story quote, so that a story
quote's outlets and sources stay one per article); translations of an
unnamed speaker's words ("a passenger told Kyodo") are not merged, since
nothing but their meaning ties them together.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.compare.embeddings import encode
from newsprism.encoder import Encoder
from newsprism.model import Article, Quote, QuoteSource, StoryQuote

NEAR_EXACT_RATIO = 0.85
MIN_CONTAINED = 5  # tokens a shorter quote needs to match by lying inside a longer one
LONG_RUN = 6  # consecutive shared tokens that make two quotes one, whatever their lengths
SHORT_RUN = 4  # ... or this many, when they are most of the shorter quote
RUN_SHARE = 0.6
MIN_CONTENT = 2  # content words any match must rest on ("the decision" is not a quote to trace)
CROSS_SPEAKER_EXACT = 5  # tokens an exact match needs to merge quotes credited to different speakers
QUOTED_BY_BOTH = 3  # content words a fragment both outlets put in quotation marks needs, whoever they credit it to
# Cosine of two quotes' sentence vectors (all-MiniLM-L6-v2) at which one person's quotes are one statement in two
# translations: the two English versions of one sentence of a Russian address score 0.76; one sentence and its
# negation 0.72 (negations are told apart by their words, see `_translations`).
TRANSLATION_COSINE = 0.74

# Curly and straight quote marks, primes and every dash become one form each,
# and soft hyphens and zero-width characters go, so that typography never
# decides whether two wordings are the same.
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    }
)  # fmt: skip
_DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d{3})")  # "1,200" and "1200" are one number
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")  # "Russia's" -> "russias", "don't" -> "dont"
_WORD = re.compile(r"[^\W_]+")  # hyphens split: "military-technical" = "military technical"

# Function words (spaCy's English list): a match must rest on more than these ("of the", "that it was").
# Tokens here have their apostrophes dropped ("don't" -> "dont"), so the list's contractions are folded alike.
STOPWORDS = frozenset(word.replace("'", "").replace("\u2019", "") for word in STOP_WORDS)

_OPENING = "\u201c\u201e\u201f\u00ab"
_CLOSING = "\u201d\u00bb"


def normalize(text: str) -> str:
    """Casefolded text with quotes and dashes unified, punctuation dropped, whitespace collapsed."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """The words of a text as the matching sees them (see `normalize`)."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    folded = _APOSTROPHE.sub("", _DIGIT_GROUP.sub("", folded))
    return _WORD.findall(folded)


def quoted_fragments(text: str) -> list[str]:
    """The stretches of `text` that stand inside quote marks.

    A mixed quote's text is the reporter's sentence with the speaker's words
    in marks; the annotator's span may start or end inside the marks
    ('the biggest issue” was whether ...'), so a closing mark with no
    opening one closes a fragment that began at the start, and an opening
    mark that never closes runs to the end (a quote over two paragraphs).
    Straight double quotes open and close in turn.
    """
    fragments: list[str] = []
    start: int | None = None
    boundary = 0  # where an unopened fragment would begin: the text's start or the last closing mark
    for position, char in enumerate(text):
        opening = char in _OPENING or (char == '"' and start is None)
        closing = char in _CLOSING or (char == '"' and start is not None)
        if opening:
            start = position + 1
        elif closing:
            fragments.append(text[boundary if start is None else start : position])
            start = None
            boundary = position + 1
    if start is not None:
        fragments.append(text[start:])
    return [fragment for fragment in fragments if fragment.strip()]


@dataclass
class _Item:
    """One article's quote, with what matching needs precomputed."""

    order: int  # position in the run (article order, then quote order)
    article_index: int
    article_id: str
    outlet: str  # outlet key: the outlet's name, or the article id when the outlet is unknown
    index: int
    quote: Quote
    words: list[str]
    joined: str  # " w1 w2 ... " for contiguous-run tests by substring search
    content: int  # how many content words
    grams: set[tuple[str, ...]]  # its runs of SHORT_RUN words
    fragments: list[list[str]] = field(default_factory=list)  # words in quote marks (all of a direct quote)
    # Sentence vectors of a direct or mixed quote with a named speaker, when encoded: the whole quote's and, for a
    # quote of several sentences, each sentence's (one outlet may carry a single sentence of it).
    vectors: np.ndarray | None = None
    pieces: list[str] = field(default_factory=list)  # the texts of those vectors, in order


@dataclass
class _Group:
    members: list[_Item]

    @property
    def articles(self) -> set[int]:
        return {member.article_index for member in self.members}

    @property
    def fullest(self) -> _Item:
        return max(self.members, key=_fullness)


_KIND_RANK = {"direct": 2, "mixed": 1, "indirect": 0}


def _fullness(item: _Item) -> tuple[int, int, int]:
    # The speaker's own words first (a direct quote over a mixed one over a
    # paraphrase), then the longest, then the earliest.
    return (_KIND_RANK[item.quote.kind], len(item.words), -item.order)


def _content_count(words: list[str]) -> int:
    return sum(word not in STOPWORDS for word in words)


def _contains(item: _Item, words: list[str]) -> bool:
    return f" {' '.join(words)} " in item.joined


def _conflicting(first: _Item, second: _Item) -> bool:
    return first.quote.speaker is not None and second.quote.speaker is not None and first.quote.speaker != second.quote.speaker


def match_score(first: _Item, second: _Item) -> float:
    """How surely two quotes of different articles are one quote: 0 when not, else higher is surer (exact is 4)."""
    if first.content < 1 or second.content < 1:
        return 0.0
    if first.words == second.words:
        if first.content < MIN_CONTENT:
            return 0.0
        if _conflicting(first, second) and len(first.words) < CROSS_SPEAKER_EXACT:
            return 0.0
        return 4.0
    if _conflicting(first, second):
        return 0.0
    shorter, longer = sorted((first, second), key=lambda item: len(item.words))
    matcher = SequenceMatcher(None, shorter.words, longer.words, autojunk=False)
    # real_quick_ratio and quick_ratio are cheap upper bounds of the ratio.
    if (
        len(shorter.words) >= SHORT_RUN
        and matcher.real_quick_ratio() >= NEAR_EXACT_RATIO
        and matcher.quick_ratio() >= NEAR_EXACT_RATIO
        and matcher.ratio() >= NEAR_EXACT_RATIO
    ):
        return 3.0 + matcher.ratio()
    # The run rules need SHORT_RUN tokens in a row in common: without a
    # shared SHORT_RUN-gram, skip the longest-match search.
    if not shorter.grams.isdisjoint(longer.grams):
        run = matcher.find_longest_match(0, len(shorter.words), 0, len(longer.words))
        shared = shorter.words[run.a : run.a + run.size]
        if run.size == len(shorter.words) >= MIN_CONTAINED and shorter.content >= MIN_CONTENT:
            return 2.0 + run.size / len(longer.words)
        # A long run is the speaker's words only when one side claims to quote
        # them: two paraphrases share background phrases ("his visit to North
        # Korea in 2000") without reporting the same statement. Most of the
        # shorter quote, though, is the same statement whatever the kinds.
        verbatim = first.quote.kind != "indirect" or second.quote.kind != "indirect"
        if _content_count(shared) >= MIN_CONTENT + 1 and (
            (run.size >= LONG_RUN and verbatim) or (run.size >= SHORT_RUN and run.size >= RUN_SHARE * len(shorter.words))
        ):
            return 1.0 + run.size / len(shorter.words)
    same_speaker = first.quote.speaker is not None and first.quote.speaker == second.quote.speaker
    best = 0.0
    for owner, other in ((first, second), (second, first)):
        for fragment in owner.fragments:
            if _content_count(fragment) < MIN_CONTENT or not _contains(other, fragment):
                continue
            # Two outlets that both put the same few words in quotation marks both vouch that they were said.
            quoted_by_both = _content_count(fragment) >= QUOTED_BY_BOTH and any(_runs_inside(fragment, theirs) for theirs in other.fragments)
            if len(fragment) >= MIN_CONTAINED or same_speaker or quoted_by_both:
                best = max(best, 0.5 + len(fragment) / (len(owner.words) + len(other.words)))
    if not best and _translations(first, second):
        best = 0.25  # the weakest match: it never outranks a match on the words themselves
    return best


def _runs_inside(words: list[str], other: list[str]) -> bool:
    return f" {' '.join(words)} " in f" {' '.join(other)} "


NEGATIONS = frozenset({"not", "no", "never", "nt", "cannot", "nothing", "none"})


def _translations(first: _Item, second: _Item) -> bool:
    """Whether two quotes are one speaker's words in two translations or wordings: both claim to be the speaker's
    words (direct or mixed), the same person says them (one entity, or one surname), their sentence vectors are
    close, and neither negates what the other affirms ("we will dredge" / "we will not dredge" stay apart)."""
    if first.vectors is None or second.vectors is None or not _same_person(first.quote, second.quote):
        return False
    cosines = first.vectors @ second.vectors.T
    i, j = np.unravel_index(int(cosines.argmax()), cosines.shape)
    if (NEGATIONS & set(tokens(first.pieces[i]))) != (NEGATIONS & set(tokens(second.pieces[j]))):
        return False
    return float(cosines[i, j]) >= TRANSLATION_COSINE


def _same_person(first: Quote, second: Quote) -> bool:
    if first.speaker is not None and second.speaker is not None:
        return first.speaker == second.speaker and first.speaker.startswith("person:")
    surnames = [_surname(quote.speaker_name) for quote in (first, second)]
    return surnames[0] is not None and surnames[0] == surnames[1]


def _surname(name: str | None) -> str | None:
    """The last word of a speaker's name when it is a name (capitalised), else None ("a passenger", "the group")."""
    words = (name or "").split()
    return words[-1].lower() if words and words[-1][:1].isupper() and len(words[-1]) >= 3 else None


def merge_quotes(articles: list[Article], encoder: Encoder | None = None) -> tuple[list[StoryQuote], dict[tuple[str, int], str]]:
    """Every quote of the story's articles, merged across articles when they carry the same quote.

    Returns the story quotes (most outlets first, then order of first
    appearance) and a map (article id, index into article.quotes) -> story
    quote id. Every quote of every article is in exactly one story quote; a
    quote no other article carries is a story quote of its own.
    An outlet is named by `Article.outlet`, or by the article id when the
    outlet is unknown; `StoryQuote.outlets` and each `QuoteSource.outlet` use
    that key, so two articles of one outlet count once.

    Grouping is greedy, longest quotes first, so each group forms around its
    fullest wording and fragments then attach to it. A quote joins the group
    that it matches best (see the module docstring), provided the group has
    no quote of its article yet and the quote matches the group's fullest
    wording or more than half of its members: that guards against chains
    (A like B, B like C, C unlike A) gluing different quotes together.
    """
    items = _items(articles)
    candidates = _candidates(items)
    if encoder is not None:
        _add_vectors(items, candidates, encoder)
    scores: dict[tuple[int, int], float] = {}

    def score(first: _Item, second: _Item) -> float:
        if second.order not in candidates.get(first.order, ()):
            return 0.0
        key = (min(first.order, second.order), max(first.order, second.order))
        if key not in scores:
            scores[key] = match_score(first, second)
        return scores[key]

    groups: list[_Group] = []
    group_of: dict[int, _Group] = {}  # item order -> its group, for looking up candidates' groups
    for item in sorted(items, key=lambda item: (-len(item.words), item.order)):
        best: tuple[float, _Group] | None = None
        seen: set[int] = set()
        for other_order in sorted(candidates.get(item.order, ())):  # sorted: ties go to the earliest group
            group = group_of.get(other_order)
            if group is None or id(group) in seen or item.article_index in group.articles:
                continue
            seen.add(id(group))
            fit = _fit(item, group, score)
            if fit > 0 and (best is None or fit > best[0]):
                best = (fit, group)
        if best is None:
            group = _Group([item])
            groups.append(group)
        else:
            group = best[1]
            group.members.append(item)
        group_of[item.order] = group

    for group in groups:
        group.members.sort(key=lambda member: member.order)
    groups.sort(key=lambda group: (-len({member.outlet for member in group.members}), group.members[0].order))

    story_quotes: list[StoryQuote] = []
    mapping: dict[tuple[str, int], str] = {}
    for number, group in enumerate(groups, start=1):
        story_quote = _story_quote(f"quote-{number}", group)
        story_quotes.append(story_quote)
        for member in group.members:
            mapping[(member.article_id, member.index)] = story_quote.id
    return story_quotes, mapping


def _fit(item: _Item, group: _Group, score: Callable[[_Item, _Item], float]) -> float:
    """How well `item` fits `group`: its match with the fullest wording, else its mean match when it matches most members."""
    # Different resolved speakers inside one group only through exact copies.
    for member in group.members:
        if _conflicting(item, member) and score(item, member) < 4.0:
            return 0.0
    with_fullest = score(item, group.fullest)
    if with_fullest > 0:
        return with_fullest
    matched = [score(item, member) for member in group.members]
    hits = [value for value in matched if value > 0]
    if 2 * len(hits) > len(group.members):
        return sum(hits) / len(group.members)
    return 0.0


def _items(articles: list[Article]) -> list[_Item]:
    items: list[_Item] = []
    for article_index, article in enumerate(articles):
        for index, quote in enumerate(article.quotes):
            words = tokens(quote.text)
            if quote.kind == "direct":
                fragments = [words]
            elif quote.kind == "mixed":
                fragments = [tokens(fragment) for fragment in quoted_fragments(quote.text)]
            else:
                fragments = []  # a paraphrase claims no verbatim words
            items.append(
                _Item(
                    order=len(items),
                    article_index=article_index,
                    article_id=article.id,
                    outlet=article.reporting_outlet,
                    index=index,
                    quote=quote,
                    words=words,
                    joined=f" {' '.join(words)} ",
                    content=_content_count(words),
                    grams={tuple(words[start : start + SHORT_RUN]) for start in range(len(words) - SHORT_RUN + 1)},
                    fragments=[fragment for fragment in fragments if len(fragment) >= 2],
                )
            )
    return items


def _add_vectors(items: list[_Item], candidates: dict[int, set[int]], encoder: Encoder) -> None:
    """Sentence vectors for the quotes that can match as translations: direct or mixed, of one person as a candidate
    of theirs (a story's few such pairs, not its hundreds of quotes, go through the encoder)."""

    def verbatim(item: _Item) -> bool:
        return item.quote.kind != "indirect" and bool(item.quote.speaker or _surname(item.quote.speaker_name))

    paired = {
        order
        for item in items
        if verbatim(item)
        for other in candidates.get(item.order, ())
        if verbatim(items[other]) and _same_person(item.quote, items[other].quote)
        for order in (item.order, other)
    }
    wanted = [item for item in items if item.order in paired]
    texts = [[item.quote.text, *_sentences(item.quote.text)] for item in wanted]
    vectors = encode(encoder, [text for pieces in texts for text in pieces])
    start = 0
    for item, pieces in zip(wanted, texts, strict=True):
        item.vectors, item.pieces = vectors[start : start + len(pieces)], pieces
        start += len(pieces)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")


def _sentences(text: str) -> list[str]:
    """The sentences of a quote of more than one that say something on their own (MIN_CONTAINED words or more);
    none for a one-sentence quote: the whole is already there."""
    pieces = [piece.strip() for piece in _SENTENCE_END.split(text)]
    return [piece for piece in pieces if len(_WORD.findall(piece)) >= MIN_CONTAINED] if len(pieces) > 1 else []


def _candidates(items: list[_Item]) -> dict[int, set[int]]:
    """Pairs of quotes of different articles that share a word pair holding a content word.

    Every match rule needs that (an exact or contained quote, a fragment or a
    shared run of two or more words with content words in it), so only these
    pairs are compared; a story's few hundred quotes give few of them.
    Returns, per item order, the orders of its candidates.
    """
    index: dict[tuple[str, str], list[int]] = {}
    for item in items:
        for bigram in set(zip(item.words, item.words[1:], strict=False)):
            if bigram[0] in STOPWORDS and bigram[1] in STOPWORDS:
                continue
            index.setdefault(bigram, []).append(item.order)
    candidates: dict[int, set[int]] = {}
    for orders in index.values():
        for position, first in enumerate(orders):
            for second in orders[position + 1 :]:
                if items[first].article_index == items[second].article_index:
                    continue
                candidates.setdefault(first, set()).add(second)
                candidates.setdefault(second, set()).add(first)
    return candidates


def _story_quote(quote_id: str, group: _Group) -> StoryQuote:
    fullest = group.fullest
    speakers = Counter(member.quote.speaker for member in group.members if member.quote.speaker)
    speaker = _most_common(speakers)
    names = Counter(
        member.quote.speaker_name for member in group.members if member.quote.speaker_name and (speaker is None or member.quote.speaker == speaker)
    )
    outlets: list[str] = []
    for member in group.members:
        if member.outlet not in outlets:
            outlets.append(member.outlet)
    # Variants are other wordings: a copy that differs from the representative
    # (or from an earlier variant) only in case, quote marks or punctuation is
    # the same wording, kept once as first written.
    wordings = {fullest.joined}
    variants: list[str] = []
    for member in group.members:
        if member.joined not in wordings:
            wordings.add(member.joined)
            variants.append(member.quote.text)
    return StoryQuote(
        id=quote_id,
        text=fullest.quote.text,
        speaker=speaker,
        speaker_name=_most_common(names),
        kind=fullest.quote.kind,
        outlets=outlets,
        sources=[
            QuoteSource(
                article=member.article_id,
                outlet=member.outlet,
                text=member.quote.text,
                cue=member.quote.cue,
                via=member.quote.via,
            )
            for member in group.members
        ],
        variants=variants,
    )


def _most_common(counts: Counter[str]) -> str | None:
    """The most frequent value; ties go to the one seen first in the group (members are in run order)."""
    if not counts:
        return None
    top = max(counts.values())
    return next(value for value in counts if counts[value] == top)
