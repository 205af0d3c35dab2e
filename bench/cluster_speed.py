"""Story clustering on long streams: throughput, peak memory, and their growth from 10,000 to 100,000 articles.

The streams are synthetic, made from the prepared dev sets (ECB+ and the dev
stories, 546 articles of 47 events): copy k of the set becomes 47 new events
by writing its texts in a letter substitution of their own ("Varnholm" ->
"Qdyjmelc") and its figures with the copy's number appended (14 -> 14173), so
no two copies share a word, a name or a wire text, and by turning its
sentence vectors with a random rotation of their own, so meanings relate
within a copy as in the original and not across copies;
each copy is dated two days after the one before, an event's articles over
its first four days. A stream of 100,000 articles so spans about a year, with
about 270 articles a day, each copy's vocabulary new: the worst case for the
word statistics the matcher keeps.

Each size runs in a fresh process: `newsprism.cluster.StoryMatcher` fed one
day at a time (as a store feeds it), timing the placing only (making the
synthetic articles is left out); peak memory is the process's maximum
resident set. The stories found are scored against the synthetic events
(B-cubed F1). The peer, in the same script: TF-IDF + average-link
agglomerative clustering (scikit-learn) on the 10,000-article stream, whose
pairwise distances grow with the square of the stream (it is not run at
100,000: about 80 GB of distances).

    .venv/bin/python bench/cluster_speed.py [--sizes 10000 100000] [--cache DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import string
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_quality import ROOT, bcubed, dev_stories, ecb_plus, peer_labels  # noqa: E402

from newsprism.cluster import StoryMatcher  # noqa: E402
from newsprism.encoder import DIMENSIONS  # noqa: E402
from newsprism.model import Article, Prepared  # noqa: E402
from newsprism.prepared import pack_vectors, unpack_vectors  # noqa: E402

START = dt.date(2030, 1, 1)
DAYS_PER_COPY = 2
DAYS_PER_EVENT = 4
PEER_DISTANCE = 0.85  # the peer's best on ECB+ (bench/cluster_quality.py)
FIGURE = re.compile(r"\b\d+\b")


def base_set(cache: Path) -> tuple[list[Article], list[str]]:
    ecb, ecb_events, _ = ecb_plus(cache)
    stories, story_events, _ = dev_stories(cache)
    slim = [article.model_copy(update={"prepared": without_parse(article.prepared)}) for article in ecb + stories]
    return slim, ecb_events + story_events


def without_parse(prepared: Prepared | None) -> Prepared | None:
    return prepared.model_copy(update={"parse": ""}) if prepared else None


@lru_cache(maxsize=4)
def rotation(copy: int) -> np.ndarray:
    """A random orthogonal matrix of its own for each copy: meanings within a copy relate as in the original."""
    matrix, _ = np.linalg.qr(np.random.default_rng(copy).standard_normal((DIMENSIONS, DIMENSIONS)))
    return matrix


@lru_cache(maxsize=4)
def cipher(copy: int) -> dict[int, str]:
    """A letter substitution of its own for each copy (none for the first)."""
    letters = list(string.ascii_lowercase)
    shuffled = letters[:]
    random.Random(copy).shuffle(shuffled)
    pairs = dict(zip(letters, shuffled, strict=True)) if copy else {}
    return str.maketrans({**pairs, **{key.upper(): value.upper() for key, value in pairs.items()}})


def variant(article: Article, copy: int, event_day: int, number: int) -> Article:
    """Copy `copy` of an article: its own names and figures, a new id, dated within its event's days."""
    body = article.body.translate(cipher(copy))
    body = FIGURE.sub(lambda match: match.group() + str(copy), body) if copy else body
    people = [mention.model_copy(update={"text": mention.text.translate(cipher(copy))}) for mention in article.entities if mention.label == "PERSON"]
    published = START + dt.timedelta(days=copy * DAYS_PER_COPY + event_day)
    prepared = article.prepared
    if prepared is not None and copy:
        rotated = unpack_vectors(prepared.vectors).astype(np.float32) @ rotation(copy)
        prepared = prepared.model_copy(update={"vectors": pack_vectors(rotated)})
    update = {"id": f"a{number}", "body": body, "entities": people, "published": published, "provisional_date": False, "prepared": prepared}
    return article.model_copy(update=update)


def stream(size: int, cache: Path) -> Iterator[tuple[list[Article], list[str]]]:
    """The synthetic stream one day at a time: the day's articles and their events. Made a copy at a time, so no
    more than two copies' articles are held at once."""
    base, events = base_set(cache)
    seen: Counter[str] = Counter()
    rank = []  # an article's place among its event's articles: they come over DAYS_PER_EVENT days
    for event in events:
        rank.append(seen[event])
        seen[event] += 1
    days: dict[int, tuple[list[Article], list[str]]] = {}
    for number in range(size):
        copy, index = divmod(number, len(base))
        if index == 0:
            for day in sorted(day for day in days if day < copy * DAYS_PER_COPY):  # no later copy writes to these days
                yield days.pop(day)
        event_day = rank[index] % DAYS_PER_EVENT
        articles, labels = days.setdefault(copy * DAYS_PER_COPY + event_day, ([], []))
        articles.append(variant(base[index], copy, event_day, number))
        labels.append(f"{copy}:{events[index]}")
    for day in sorted(days):
        yield days[day]


def run_size(size: int, cache: Path) -> dict[str, float]:
    """In this process: place a stream of `size` articles a day at a time; what it cost and how well it did."""
    matcher = StoryMatcher()
    placing = 0.0
    gold: list[str] = []
    found: list[str] = []
    open_most = 0
    for articles, labels in stream(size, cache):
        began = time.perf_counter()
        placements = matcher.place(articles)
        placing += time.perf_counter() - began
        gold += labels
        found += [placement.story for placement in placements]
        open_most = max(open_most, len(matcher.stories))
    state_bytes = len(matcher.state().model_dump_json())
    return {
        "size": size,
        "seconds": placing,
        "per_second": size / placing,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "f1": bcubed(gold, found)[2],
        "open_most": open_most,
        "state_mib": state_bytes / 2**20,
    }


def run_peer(size: int, cache: Path) -> dict[str, float]:
    """The peer of bench/cluster_quality.py at the distance it found best on ECB+, on the same stream."""
    articles, gold = [], []
    for day_articles, labels in stream(size, cache):
        articles += day_articles
        gold += labels
    began = time.perf_counter()
    found = peer_labels(articles, PEER_DISTANCE)
    seconds = time.perf_counter() - began
    return {
        "size": size,
        "seconds": seconds,
        "per_second": size / seconds,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "f1": bcubed(gold, found)[2],
    }


def child(kind: str, size: int, cache: Path) -> dict[str, float]:
    """One measurement in a fresh process, so each peak is its own."""
    command = [sys.executable, __file__, "--child", kind, "--sizes", str(size), "--cache", str(cache)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--child", choices=["newsprism", "peer"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        measure = run_size if options.child == "newsprism" else run_peer
        print(json.dumps(measure(options.sizes[0], options.cache)))
        return
    base_set(options.cache)  # prepared once, before any timing
    results = []
    for size in options.sizes:
        result = child("newsprism", size, options.cache)
        results.append(result)
        print(
            f"newsprism {size:>7,} articles: {result['per_second']:7.0f} articles/s ({result['seconds']:.1f} s), "
            f"peak {result['peak_mib']:.0f} MiB, at most {result['open_most']:.0f} stories open, state {result['state_mib']:.1f} MiB, "
            f"B-cubed F1 {result['f1']:.3f}",
            flush=True,
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(
            f"growth {small['size']:,} -> {large['size']:,}: throughput x{large['per_second'] / small['per_second']:.2f}, "
            f"peak memory x{large['peak_mib'] / small['peak_mib']:.2f}"
        )
    peer_size = min(options.sizes)
    peer = child("peer", peer_size, options.cache)
    print(
        f"peer      {peer_size:>7,} articles: {peer['per_second']:7.0f} articles/s ({peer['seconds']:.1f} s), "
        f"peak {peer['peak_mib']:.0f} MiB, B-cubed F1 {peer['f1']:.3f}"
    )
    speed, memory = results[0]["per_second"] / peer["per_second"], results[0]["peak_mib"] / peer["peak_mib"]
    print(f"newsprism / peer at {peer_size:,}: throughput x{speed:.1f}, peak memory x{memory:.2f}")


if __name__ == "__main__":
    main()
