"""What an article brings to the question "which story is this?": its lede's meaning and the words that name its event.

* `lede`: the mean of the vectors `prepare` kept for the body's first
  LEDE_SENTENCES sentences (all-MiniLM-L6-v2, unit length): what the article
  is about, whatever words it uses;
* `bags` of the words that tell one event of a kind from another, counted:
  "names" (capitalised words inside a sentence: people, places, bodies,
  ships), "people" (the words of the person mentions) and "numbers" (every
  figure as written: tolls, magnitudes, flight numbers, years);
* `year`: the year the article is placed in (`event_year`): its stated
  date's, else the year its text writes most often, which the matcher
  compares (two reports whose years lie far apart are seldom on one event).

Measured as the area under the ROC curve for telling pairs of articles on
one event from other pairs (bench/cluster_quality.py --fit): on ECB+
(../shared/eval/clusters), pairs within a topic (two real events of one
kind), the lede 0.86, names 0.91, people 0.85, numbers 0.80, and the four
weighted as the matcher weighs them 0.956; on the dev stories read as one
stream, 0.95, 0.99, 0.69, 0.76 and 0.993.

Known limits: English capitalisation (a language without capitals has no
"names"); a date the text gives only as "on Thursday" is not among the
numbers; the headline is not encoded (`prepare` keeps vectors of the body's
sentences only), though its names count when the body repeats them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np

from newsprism.cluster.order import date_of
from newsprism.encoder import DIMENSIONS
from newsprism.model import Article, Prepared
from newsprism.prepared import pack_vectors, unpack_vectors

LEDE_SENTENCES = 3
PROTAGONIST_MENTIONS = 3
PROTAGONIST_LEAD = 1.5
BAGS = ("names", "people", "numbers")
# A capitalised word that does not open a sentence (nor the text).
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
WORD = re.compile(r"[^\W\d_]+")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
# A year as a report writes it: four digits from 1900 to 2099 standing alone (not "1,998", "2008.5" or "20081").
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d]|[.,]\d)")


@cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, read on first use (importing spaCy takes two seconds that grouping alone need not pay
    up front)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@dataclass
class Features:
    """One article as the story matcher sees it."""

    date: dt.date | None
    lede: np.ndarray  # unit length; zeros when the article kept no vectors
    bags: dict[str, Counter[str]]
    year: int | None = None  # the year the body writes most often (`main_year`)
    protagonist: str | None = None  # the person the article is about, when one stands out (`protagonist`)


def features(article: Article) -> Features:
    """The article's date, lede vector and word bags (see the module's docstring)."""
    lede = np.zeros(DIMENSIONS, dtype=np.float32)
    if article.prepared is not None and article.prepared.vectors:
        vectors = unpack_vectors(article.prepared.vectors)[:LEDE_SENTENCES]
        if len(vectors):
            lede = vectors.mean(axis=0)
            lede /= max(float(np.linalg.norm(lede)), 1e-12)
    names = Counter(word for word in (match.group().lower() for match in NAME.finditer(article.body)) if word not in stop_words())
    people = Counter(word for mention in article.entities if mention.label == "PERSON" for word in WORD.findall(mention.text.lower()))
    numbers = Counter(NUMBER.findall(article.body))
    bags = {"names": names, "people": people, "numbers": numbers}
    return Features(date=date_of(article), lede=lede, bags=bags, year=event_year(article), protagonist=protagonist(article))


def protagonist(article: Article) -> str | None:
    """The surname of the person the article is about, when one stands out: named PROTAGONIST_MENTIONS times or more and
    PROTAGONIST_LEAD times as often as anyone else ("Reggie Bush", "Bush", "Bush" -> "bush"). A report on one person's
    act (an arrest, a signing, an injury) names them again and again; two such reports about different people are
    seldom on one event, however much else (the team, the city, the charge) they share. Limits: the surname alone
    (two Williamses are one); a report on a disaster or a vote usually has none, and then nothing is compared."""
    surnames = (WORD.findall(mention.text.lower()) for mention in article.entities if mention.label == "PERSON")
    counts = Counter(words[-1] for words in surnames if words)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < PROTAGONIST_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < PROTAGONIST_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def event_year(article: Article) -> int | None:
    """The year the article is placed in: its stated date's, else the year its text writes most often (`main_year`)."""
    date = date_of(article)
    return date.year if date is not None else main_year(article.body)


def main_year(text: str) -> int | None:
    """The year the text writes most often, the latest of those tied ("in 2008", "the 2008 season", "since 2004" ->
    2008): a report names its event's year again and again, a background year ("first won in 2004") or a year ahead
    ("a contract to 2030") mostly once, and it is seldom written before the latest year it names. Compared with the
    latest year alone, held-out ECB+ F1 under cross-validation by topic rose from 0.929 to 0.945
    (bench/cluster_quality.py --cv). Limits: a year that is not one ("Route 2001") counts too; a short report that
    names two years once each is placed in the later."""
    counts = Counter(int(match.group()) for match in YEAR.finditer(text))
    if not counts:
        return None
    most = max(counts.values())
    return max(year for year, count in counts.items() if count == most)


def what_grouping_reads(article: Article) -> Article:
    """The article cut down to what `features` and the copy finder read (body, dates, person mentions, the lede's
    vectors), for holding long streams in memory: 5.6 kB of JSON against 31 kB for the dev stories' articles."""
    prepared = article.prepared
    if prepared is not None:
        sentences = prepared.sentences[:LEDE_SENTENCES]
        vectors = pack_vectors(unpack_vectors(prepared.vectors)[:LEDE_SENTENCES]) if prepared.vectors else ""
        prepared = Prepared(parse="", sentences=sentences, vectors=vectors)
    people = [mention for mention in article.entities if mention.label == "PERSON"]
    keep = {"id", "source", "url", "outlet", "headline", "published", "reference_date", "provisional_date", "body", "story", "duplicate_of"}
    return Article.model_validate({**article.model_dump(include=keep), "entities": people, "prepared": prepared})


__all__ = ["BAGS", "Features", "features", "main_year", "protagonist", "what_grouping_reads"]
