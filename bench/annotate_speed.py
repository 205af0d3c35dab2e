"""Words per second of the per-article layer (`extract`: parse, entities, quotes, times, framing) next to spaCy alone.

Peer: spaCy's own pipeline over the same texts with the same number of
processes, in the same run, so the ratio holds on a busy machine where
absolute figures do not. Target: the layer keeps >= 60% of spaCy's throughput.
Texts: the news articles of ../shared/eval/quotes (PolNeAR dev).

usage: python bench/annotate_speed.py [--processes 2] [--limit 150] [--rounds 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.model import RawDocument
from newsprism.models import Models
from newsprism.pipeline import extract

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, read_jsonl  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    records = read_jsonl(EVAL / "quotes" / "docs.jsonl")[: args.limit]
    texts = [record["text"] for record in records]
    words = sum(len(text.split()) for text in texts)
    models = Models()
    nlp = models.nlp

    def spacy_alone() -> None:
        for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
            pass

    failures: list[object] = []

    def layer() -> None:
        documents = [
            RawDocument(id=record["id"], source=record["id"], kind="body", content=record["text"],
                        published=dt.date.fromisoformat(record["published"]) if record.get("published") else None)
            for record in records
        ]
        found = extract(documents, models=models, settings=Settings(processes=args.processes))
        failures.extend(item for item in found if isinstance(item, InputError))

    # Alternate the two and keep each one's best round: the least disturbed on a shared machine.
    best = {"spacy": float("inf"), "layer": float("inf")}
    for _ in range(args.rounds):
        for name, function in (("spacy", spacy_alone), ("layer", layer)):
            start = time.perf_counter()
            function()
            best[name] = min(best[name], time.perf_counter() - start)
    spacy_rate, layer_rate = words / best["spacy"], words / best["layer"]

    print(f"texts                 {len(texts)} articles, {words} words, {args.processes} process(es)")
    print(f"spaCy pipeline alone  {spacy_rate:8.0f} words/s  (peer)")
    print(f"newsprism extract     {layer_rate:8.0f} words/s  (parse, entities, quotes, times, framing, kept parse and vectors)")
    print(f"ratio                 {layer_rate / spacy_rate:8.2f}   (target: >= 0.60)")
    if failures:
        print(f"{len(failures)} article(s) failed: {failures[0]}")


if __name__ == "__main__":
    main()
