"""Conflicts on events the comparison was never tuned on: ECB+'s 42 real events, each analysed as one story.

The dev stories (bench/stories_quality.py) carry gold conflicts; these events do not, so this script prints
every conflict it reports with the sentence behind each value, for reading by hand, and the counts per kind. The
events are ECB+'s sub-topics (../shared/eval/clusters: 496 articles, 5 to 22 per event, several outlets each):
disasters, shootings, trials, sports results, firings. Their text comes tokenised ("6. 1 - magnitude", "2, 029
points", "p. m."); `detokenise` joins what tokenisation split, so that the figures read as a page prints them.

Limits: ECB+ articles carry no outlet and no publication date, so relative days resolve against the dates their
text states; sports recaps are dense with statistics of many players, a harder case for referents than the dev
stories' disasters.

    .venv/bin/python bench/conflicts_heldout.py [-v] [--cache DIR] [--events N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, read_jsonl  # noqa: E402

from newsprism import Article, Models, analyze_story, prepare  # noqa: E402
from newsprism.errors import NewsprismError  # noqa: E402
from newsprism.model import Claim, Conflict  # noqa: E402

CLUSTERS = EVAL / "clusters"
JOINS = [
    (re.compile(r"(\d)\. (\d)"), r"\1.\2"),  # "6. 1" -> "6.1"
    (re.compile(r"(\d), (\d{3})\b"), r"\1,\2"),  # "2, 029" -> "2,029"
    (re.compile(r"(\d): (\d\d)\b"), r"\1:\2"),  # "5: 40" -> "5:40"
    (re.compile(r"\b([ap])\. m\."), r"\1.m."),  # "p. m." -> "p.m."
    (re.compile(r"(\w) - (\w)"), r"\1-\2"),  # "36 - year - old" -> "36-year-old"
    (re.compile(r" ([’'])\s?(s|t|re|ve|ll|d)\b"), r"\1\2"),  # "Sudan ’ s", "hadn ’ t"
    (re.compile(r" ([,.;:!?)”])"), r"\1"),
    (re.compile(r"([(“]) "), r"\1"),
]


def detokenise(text: str) -> str:
    for pattern, replacement in JOINS:
        text = pattern.sub(replacement, text)
        text = pattern.sub(replacement, text)  # overlapping matches ("36 - year - old")
    return text


def events() -> dict[str, list[dict[str, object]]]:
    """ECB+ documents by sub-topic (one real event each), detokenised."""
    documents = {record["id"]: record for record in read_jsonl(CLUSTERS / "docs.jsonl")}
    by_event: dict[str, list[dict[str, object]]] = defaultdict(list)
    for record in read_jsonl(CLUSTERS / "gold.jsonl"):
        document = dict(documents[record["id"]])
        document["text"] = detokenise(str(document["text"]))
        by_event[record["subtopic"]].append(document)
    return dict(sorted(by_event.items()))


def prepared(event: str, documents: list[dict[str, object]], models: Models, cache: Path | None) -> list[Article]:
    """The event's articles, prepared (or read back from `cache`, where they are kept as extract's JSON)."""
    stored = cache / f"{event}.jsonl" if cache else None
    if stored and stored.exists():
        return [Article.model_validate_json(line) for line in stored.read_text(encoding="utf-8").splitlines()]
    articles = []
    for document in documents:
        try:
            articles.append(prepare(document, models=models))
        except NewsprismError as error:
            print(f"  skipped {document['id']}: {error}", file=sys.stderr)
    if stored:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text("".join(article.model_dump_json() + "\n" for article in articles), encoding="utf-8")
    return articles


def show(event: str, claim: Claim, conflict: Conflict) -> str:
    """A conflict as a reader judges it: each value once, with the sentence of the claim it comes from."""
    lines = [f"{event} {claim.id} {conflict.kind} {conflict.what!r}{' (update)' if conflict.update else ''}"]
    seen: set[str] = set()
    for value in conflict.values:
        if value.value in seen:
            continue
        seen.add(value.value)
        sentence = next((source.text for source in claim.sources if source.article == value.article and value.text in source.text), "")
        sentence = sentence or next((source.text for source in claim.sources if source.article == value.article), "")
        lines.append(f"    [{value.value}] {value.text!r}: {sentence[:220]!r}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every conflict with its sentences")
    parser.add_argument("--cache", type=Path, help="keep the prepared articles here and read them back on the next run")
    parser.add_argument("--events", type=int, default=0, help="the first N events only")
    args = parser.parse_args()
    models = Models()
    kinds: Counter[str] = Counter()
    stories = claims = 0
    for number, (event, documents) in enumerate(events().items()):
        if args.events and number >= args.events:
            break
        story = analyze_story(prepared(event, documents, models, args.cache), models=models)
        stories += 1
        claims += len(story.claims)
        for claim in story.claims:
            for conflict in claim.conflicts:
                kinds[conflict.kind] += 1
                if args.verbose:
                    print(show(event, claim, conflict))
    total = sum(kinds.values())
    print(f"{stories} events, {claims} claims, {total} conflicts ({', '.join(f'{kind} {count}' for kind, count in sorted(kinds.items()))})")


if __name__ == "__main__":
    main()
