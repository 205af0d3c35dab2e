"""How long one story takes end to end: in a fresh process, and warm (models loaded), with peak memory.

Targets (issue 4): a 5-article story in <= 10 s in a fresh process and <= 2 s
for another story in a warm process, on 2 cores. The fresh run is timed as a
subprocess (`newsprism analyze`, imports and model loading included). The warm
runs analyze two stories in one process, one to load the models and then the
other; peer figures in the same process: spaCy alone over the same bodies and
the embedding model alone over the same statements.

    .venv/bin/python bench/story_speed.py [--first DIR] [--second DIR] [--articles 5]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXAMPLE = ROOT / "examples" / "port-veyra-grounding"


def pick(directory: Path, count: int) -> list[str]:
    files = sorted(p for p in directory.iterdir() if p.suffix in {".txt", ".html", ".htm", ".gz"})
    return [str(p) for p in files[:count]]


def fresh_run(inputs: list[str]) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "newsprism", "analyze", *inputs, "-o", str(Path(scratch) / "story.json"), "--quiet"],
            check=True,
        )
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--first", type=Path, default=EXAMPLE, help="story loaded first (warms the models)")
    parser.add_argument("--second", type=Path, default=SEEDS if SEEDS.is_dir() else EXAMPLE, help="story timed warm")
    parser.add_argument("--articles", type=int, default=5)
    args = parser.parse_args()

    first, second = pick(args.first, args.articles), pick(args.second, args.articles)
    print(f"fresh process, {len(first)} articles of {args.first.name}: {fresh_run(first):.2f} s (target <= 10 s)")

    from newsprism.compare.statements import find_statements
    from newsprism.config import Settings
    from newsprism.model import Story
    from newsprism.models import Models
    from newsprism.pipeline import run

    settings = Settings()  # one spaCy process: for five articles, starting workers costs more than it saves
    models = Models()

    def analyze(inputs: list[str]) -> Story:
        return next(item for item in run(inputs, models=models, settings=settings) if isinstance(item, Story))

    started = time.perf_counter()
    analyze(first)
    print(f"warm-up story in this process: {time.perf_counter() - started:.2f} s")
    best = float("inf")
    story = None
    for _ in range(3):
        started = time.perf_counter()
        story = analyze(second)
        best = min(best, time.perf_counter() - started)
    assert story is not None
    print(f"warm, {len(second)} articles of {args.second.name}: {best:.2f} s (best of 3; target <= 2 s)")

    bodies = [article.body for article in story.articles]
    started = time.perf_counter()
    list(models.nlp.pipe(bodies, n_process=2))
    spacy_seconds = time.perf_counter() - started
    texts = [statement.text for statement in find_statements(story.articles)]
    started = time.perf_counter()
    models.encoder.embed(texts)  # the peer encodes every statement itself, as it would without the framing layer's vectors
    embed_seconds = time.perf_counter() - started
    print(f"peers on the same story: spaCy parse alone {spacy_seconds:.2f} s, embeddings alone ({len(texts)} statements) {embed_seconds:.2f} s")
    print(f"whole story / (parse + embeddings): {best / (spacy_seconds + embed_seconds):.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {peak:.0f} MiB, largest child {children:.0f} MiB")


if __name__ == "__main__":
    main()
