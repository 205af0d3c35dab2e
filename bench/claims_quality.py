"""Claim alignment against the example story's answer key (examples/port-veyra-grounding.expected.json).

For each fact the key says several outlets report, the claim that holds the
source sentence closest to the key's wording (by embedding) is taken as its
claim; we print how many of the key's outlets that claim has (outlet recall)
and how many of its outlets the key lists (outlet precision). For each fact
the key calls single-source, we check that its claim has support 1. Also
printed: the planted conflicts found.

    .venv/bin/python bench/claims_quality.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "port-veyra-grounding"
KEY = ROOT / "examples" / "port-veyra-grounding.expected.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print each fact with its claim")
    args = parser.parse_args()

    from newsprism.compare.embeddings import encode
    from newsprism.model import Story
    from newsprism.models import Models
    from newsprism.pipeline import run

    models = Models()
    key = json.loads(KEY.read_text(encoding="utf-8"))
    story = next(item for item in run([str(EXAMPLE)], models=models) if isinstance(item, Story))
    outlet_of = {article.id: article.outlet or article.id for article in story.articles}
    present = set(outlet_of.values())

    sources = [(claim, source) for claim in story.claims for source in claim.sources]
    source_vectors = encode(models.encoder, [source.text for _, source in sources])

    def claim_for(fact: str):  # noqa: ANN202 - a local helper
        scores = source_vectors @ encode(models.encoder, [fact])[0]
        return sources[int(np.argmax(scores))][0]

    recalls, precisions = [], []
    for fact in key["shared_facts"]:
        expected = set(fact["outlets"]) & present
        claim = claim_for(fact["fact"])
        got = {outlet_of[s.article] for s in claim.sources}
        recalls.append(len(expected & got) / len(expected))
        precisions.append(len(expected & got) / len(got))
        if args.verbose:
            print(f"{recalls[-1]:.2f} {precisions[-1]:.2f}  {fact['fact'][:70]}  ->  {claim.id} ({claim.support})")
    single = [claim_for(fact["fact"]).support == 1 for fact in key["single_source_facts"]]
    print(f"shared facts: {len(recalls)}; mean outlet recall {np.mean(recalls):.3f}, mean outlet precision {np.mean(precisions):.3f}")
    print(f"single-source facts kept single-source: {sum(single)}/{len(single)}")
    conflicts = [c for claim in story.claims for c in claim.conflicts]
    print(f"conflicts reported: {len(conflicts)} (answer key plants {len(key['conflicts'])})")
    for conflict in conflicts:
        print("  ", conflict.kind, conflict.what, "; ".join(f"{v.outlet}: {v.text} = {v.value}" for v in conflict.values))


if __name__ == "__main__":
    main()
