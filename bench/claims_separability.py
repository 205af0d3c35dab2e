"""How far a pair score alone can take claim alignment on the dev stories (../shared/eval/stories).

Claims are built by merging statements whose pair score (sentence embeddings, shared words, entities, agreeing
figures and days; `pipeline.scored_statements`) clears a threshold. This script asks what any merging on that
score could reach, whatever its guards, by reading the gold pairs' scores directly. At each threshold it counts:

* together: gold facts (told by 2+ outlets) whose outlets' sentences are all joined by a chain of pairs at or
  above the threshold, each pair between two of the fact's own sentences. It is an optimistic figure: single
  linkage with no one-sentence-per-article guard, the most generous merge of the fact's own sentences (a chain
  through a third outlet's sentence aside). The story run groups 20 where this counts 21 at 0.60;
* single-source: facts only one outlet tells whose sentence has no pair at or above the threshold with another
  outlet's statement. It is a lower bound: a pair over the bar need not end in a merge, and the guards of
  `compare.claims` keep some of these apart (the story run keeps 23 of 25 at its threshold of 0.60);
* apart: tempting pairs of different facts scored under the threshold (the same caveat).

A threshold that groups 0.80 of the shared facts while keeping the other two near 0.90 would show room for a
better merge; none that does shows that the score itself must separate better first.

    .venv/bin/python bench/claims_separability.py [--cosine]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL  # noqa: E402

from newsprism import Models, Story, run  # noqa: E402
from newsprism.compare.embeddings import encode  # noqa: E402
from newsprism.compare.statements import Statement  # noqa: E402
from newsprism.pipeline import scored_statements  # noqa: E402
from newsprism.prepared import unpack_parse  # noqa: E402

STORIES = EVAL / "stories"
NAMES = ["crocus", "alaska", "titan", "morocco", "haneda"]
THRESHOLDS = [0.40, 0.45, 0.50, 0.52, 0.54, 0.56, 0.58, 0.60, 0.65, 0.70]


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).lower()


def connected(parts: list[list[int]], best: Callable[[list[int], list[int]], float], threshold: float) -> bool:
    """Whether the fact's sentences form one component over pairs scored at or above the threshold."""
    joined, waiting = [parts[0]], parts[1:]
    while waiting:
        reached = [part for part in waiting if any(best(part, member) >= threshold for member in joined)]
        if not reached:
            return False
        joined += reached
        waiting = [part for part in waiting if part not in reached]
    return True


def story_counts(story: Story, gold: dict[str, Any], models: Models, cosine: bool) -> dict[float, list[int]]:
    """{threshold: [together connected, single-source kept, apart kept]} for one story."""
    parses = [unpack_parse(article.prepared.parse, models.vocab) if article.prepared else None for article in story.articles]
    statements, scores = scored_statements(story.articles, parses, models)
    vectors = encode(models.encoder, [statement.compared_text for statement in statements]) if cosine else None
    file_of = {article.id: Path(article.source).name for article in story.articles}

    def sentences(file: str, phrase: str) -> list[int]:
        wanted = norm(phrase)
        found = enumerate(statements)
        return [index for index, statement in found if file_of[statement.article.id] == file and wanted in norm(statement.source_text)]

    def pair(i: int, j: int) -> float:
        if vectors is not None:
            return float(vectors[i] @ vectors[j])
        return scores.get(min(i, j), max(i, j))

    def best(first: list[int], second: list[int]) -> float:
        return max((pair(i, j) for i in first for j in second), default=0.0)

    def others(statement: Statement) -> list[int]:
        return [index for index, other in enumerate(statements) if other.article.id != statement.article.id]

    facts = [[sentences(file, phrase) for file, phrase in fact["parts"].items()] for fact in gold["together"]]
    facts = [parts for parts in facts if all(parts)]  # a phrase the cleaner lost cannot be grouped at any threshold
    singles = []
    for file, phrase in gold["single_source"]:
        found = sentences(file, phrase)
        singles.append(best(found, others(statements[found[0]])) if found else 0.0)
    aparts = [best(sentences(file_a, phrase_a), sentences(file_b, phrase_b)) for file_a, phrase_a, file_b, phrase_b in gold["apart"]]
    return {
        threshold: [
            sum(connected(parts, best, threshold) for parts in facts),
            sum(score < threshold for score in singles),
            sum(score < threshold for score in aparts),
        ]
        for threshold in THRESHOLDS
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cosine", action="store_true", help="the embeddings' cosine alone instead of the pair score")
    args = parser.parse_args()
    gold = json.loads((STORIES / "gold.json").read_text(encoding="utf-8"))
    models = Models()
    totals = {threshold: [0, 0, 0] for threshold in THRESHOLDS}
    sizes = [0, 0, 0]
    for name in NAMES:
        story = next(item for item in run([STORIES / name], models=models) if isinstance(item, Story))
        for threshold, counts in story_counts(story, gold[name], models, args.cosine).items():
            totals[threshold] = [total + count for total, count in zip(totals[threshold], counts, strict=True)]
        sizes = [sizes[0] + len(gold[name]["together"]), sizes[1] + len(gold[name]["single_source"]), sizes[2] + len(gold[name]["apart"])]
    print(f"{'cosine' if args.cosine else 'pair score'} at or above   together (bound)   single-source kept   apart kept")
    for threshold, (together, single, apart) in totals.items():
        print(
            f"  {threshold:.2f}                  {together:2d}/{sizes[0]} {together / sizes[0]:.2f}        "
            f"{single:2d}/{sizes[1]} {single / sizes[1]:.2f}           {apart:2d}/{sizes[2]} {apart / sizes[2]:.2f}"
        )


if __name__ == "__main__":
    main()
