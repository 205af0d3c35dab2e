"""Sentences per second of `assess_sentences` (bias + loaded words) next to the sentence encoder alone (`Encoder.embed`).

Peer: the encoder's `embed` over the same sentences in the same process, so the ratio holds
on a busy machine where absolute figures do not. Both run one forward pass of
all-MiniLM-L6-v2; the bias model adds the hidden-state pooling and three
linear heads, so the ratio should stay close to 1.
Sentences: the texts of ../shared/eval/bias (BABE dev), best of N rounds each.

usage: python bench/bias_speed.py [--limit 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.annotate.bias import assess_sentences
from newsprism.models import Models

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, read_jsonl  # noqa: E402


def best_of(rounds: int, *works: Callable[[], object]) -> list[float]:
    """Best wall time of each work; rounds interleave them, so a burst of load elsewhere hits both alike."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(rounds):
        for work, spent in zip(works, times, strict=True):
            started = time.perf_counter()
            work()
            spent.append(time.perf_counter() - started)
    return [min(spent) for spent in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [record["text"] for record in read_jsonl(EVAL / "bias" / "docs.jsonl")][: args.limit]
    models = Models()
    assess_sentences(models.encoder, models.bias, texts[:16]), models.encoder.embed(texts[:16])  # load and warm up the runtime outside the timing

    encoder, model = models.encoder, models.bias
    encoder_seconds, bias_seconds = best_of(args.rounds, lambda: encoder.embed(texts), lambda: assess_sentences(encoder, model, texts))
    print(f"{len(texts)} sentences, best of {args.rounds}, one process")
    print(f"assess_sentences {len(texts) / bias_seconds:,.0f} sentences/s ({bias_seconds:.2f} s)   "
          f"embed alone {len(texts) / encoder_seconds:,.0f} sentences/s ({encoder_seconds:.2f} s)   "
          f"bias model = {encoder_seconds / bias_seconds:.2f}x the encoder's throughput")


if __name__ == "__main__":
    main()
