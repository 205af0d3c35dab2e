"""Corpus-scale runs: `extract` stays linear with flat memory, and `analyze` costs little more than `extract`.

1. `newsprism extract` on 100 and on 1,000 articles, each in a fresh process
   with its defaults: articles/s of each (target: the 1,000 run within 10% of
   the 100 run), peak memory of the process tree and its value at each tenth
   of the run (target: flat), seconds until the first article is in the
   output file. The 100 articles take the three dev sets in turn; the 1,000
   are those 100 ten times over (new ids), so both runs read the same mix.
2. `newsprism analyze` against `newsprism extract` on the same 100 articles, in
   the same bench run (target: analyze / extract <= 1.5). The 100 articles are
   first 100 of PolNeAR's US political coverage of 2015-16, read as one story:
   many similar statements, the hard case for the comparison.
3. What `Article.prepared` costs and saves, per article: the packed parse and
   vectors in bytes, reading the parse back against parsing the body again, and
   encoding the sentences again (what keeping the vectors saves).

Articles: JSONL records ({id, text, published}) made from the dev sets of
../shared/eval: PolNeAR (quotes), TempEval-3 (timex) and ECB+ (clusters).

    .venv/bin/python bench/corpus_speed.py [--small 100] [--large 1000] [--processes 1]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, read_jsonl  # noqa: E402

SETS = ("quotes", "timex", "clusters")


def record(row: dict[str, object], copy: int) -> dict[str, object]:
    return {"id": f"{row['id']}#{copy}", "text": row["text"], "published": row.get("published")}


def mixed(count: int, copies: int = 1) -> list[dict[str, object]]:
    """`count` article records taking the dev sets in turn, the whole list `copies` times over (each copy with new ids)."""
    sets = [read_jsonl(EVAL / name / "docs.jsonl") for name in SETS]
    rows = [sets[number % len(sets)][number // len(sets)] for number in range(count)]
    return [record(row, copy) for copy in range(copies) for row in rows]


def watched(command: list[str], output: Path) -> tuple[float, float | None, list[float]]:
    """Run a command: its wall time, the seconds until `output` holds a first complete line, and the RSS (MiB) of its
    process tree sampled every 50 ms."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[float] = []
    first = None
    watch = psutil.Process(process.pid)

    def sample() -> None:
        nonlocal first
        while process.poll() is None:
            try:
                tree = [watch, *watch.children(recursive=True)]
                samples.append(sum(member.memory_info().rss for member in tree) / 2**20)
            except psutil.Error:
                pass
            if first is None and output.exists() and b"\n" in output.read_bytes()[:1_000_000]:
                first = time.perf_counter() - started
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {errors.decode(errors='replace')[-500:]}")
    return time.perf_counter() - started, first, samples or [0.0]


def tenths(samples: list[float]) -> str:
    """The largest sample of each tenth of a run, in MiB: flat memory shows as a flat row."""
    size = max(1, len(samples) // 10)
    return " ".join(f"{max(samples[start : start + size]):,.0f}" for start in range(0, size * 10, size) if samples[start : start + size])


def newsprism(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsprism", *args, "--quiet"]


def prepared_costs(sample: list[dict[str, object]]) -> None:
    """Section 3: sizes of the packed parse and vectors, and the time to read back, parse again and encode again."""
    from newsprism.model import Article, RawDocument
    from newsprism.models import Models
    from newsprism.pipeline import extract
    from newsprism.prepared import unpack_parse

    models = Models()
    documents = [RawDocument(id=str(row["id"]), source=str(row["id"]), kind="body", content=str(row["text"])) for row in sample]
    articles = [item for item in extract(documents, models=models) if isinstance(item, Article)]
    prepared = [article.prepared for article in articles if article.prepared]
    parse_bytes = statistics.mean(len(kept.parse) for kept in prepared)
    vector_bytes = statistics.mean(len(kept.vectors) for kept in prepared)
    article_bytes = statistics.mean(len(article.model_dump_json(exclude={"prepared"})) for article in articles)
    started = time.perf_counter()
    for kept in prepared:
        unpack_parse(kept.parse, models.vocab)
    restore = (time.perf_counter() - started) / len(prepared)
    started = time.perf_counter()
    for _ in models.nlp.pipe((article.body for article in articles), batch_size=8):
        pass
    reparse = (time.perf_counter() - started) / len(articles)
    sentences = [article.body[start:end] for article in articles for start, end in article.sentences]
    started = time.perf_counter()
    models.encoder.embed(sentences)
    reencode = (time.perf_counter() - started) / len(articles)
    print(f"prepared, per article ({len(articles)} articles): parse {parse_bytes / 1024:.1f} KiB and vectors {vector_bytes / 1024:.1f} KiB "
          f"of base64 text (the article without them: {article_bytes / 1024:.1f} KiB)")
    print(f"  reading the kept parse back {restore * 1000:.1f} ms   parsing the body again {reparse * 1000:.0f} ms   "
          f"encoding its {len(sentences) / len(articles):.0f} sentences again {reencode * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=1, help="-j for every run")
    args = parser.parse_args()
    jobs = ["-j", str(args.processes)]

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        rates: dict[int, tuple[float, float]] = {}
        for copies in (1, args.large // args.small):
            count = args.small * copies
            source = folder / f"articles-{count}.jsonl"
            source.write_text("".join(json.dumps(row) + "\n" for row in mixed(args.small, copies)), encoding="utf-8")
            output = folder / f"extract-{count}.jsonl"
            seconds, first, memory = watched(newsprism("extract", str(source), "-o", str(output), *jobs), output)
            written = sum(1 for _ in output.open(encoding="utf-8"))
            # After the first article the process is started and its models loaded: what is left is the pipeline's own pace.
            steady = (written - 1) / (seconds - first) if first is not None and written > 1 else written / seconds
            rates[count] = (written / seconds, steady)
            print(f"extract {count:>5} articles: {seconds:7.1f} s  {written / seconds:5.2f} articles/s ({steady:.2f} after the first)  "
                  f"first article after {first if first is None else round(first, 1)} s  peak memory {max(memory):,.0f} MiB  ({written} written)")
            print(f"    memory by tenth of the run, MiB: {tenths(memory)}")
        small, large = rates[args.small], rates[args.small * (args.large // args.small)]
        print(f"articles/s, {args.small * (args.large // args.small)} against {args.small}: {large[0] / small[0]:.2f} for the whole command, "
              f"{large[1] / small[1]:.2f} after the first article (target: 0.90 or more)")

        source = folder / "polnear.jsonl"
        polnear = [record(row, 0) for row in read_jsonl(EVAL / "quotes" / "docs.jsonl")[: args.small]]
        source.write_text("".join(json.dumps(row) + "\n" for row in polnear), encoding="utf-8")
        again, story_file = folder / "again.jsonl", folder / "story.json"
        extract_seconds, _, extract_memory = watched(newsprism("extract", str(source), "-o", str(again), *jobs), again)
        analyze_seconds, _, analyze_memory = watched(newsprism("analyze", str(source), "-o", str(story_file), *jobs), story_file)
        extract_peak, analyze_peak = max(extract_memory), max(analyze_memory)
        story = json.loads(story_file.read_text(encoding="utf-8"))
        print(f"analyze {args.small} articles as one story: {analyze_seconds:.1f} s ({len(story['claims'])} claims, peak {analyze_peak:,.0f} MiB); "
              f"extract of the same: {extract_seconds:.1f} s (peak {extract_peak:,.0f} MiB); "
              f"analyze / extract {analyze_seconds / extract_seconds:.2f} (target: 1.5 or less)")
        prepared_costs(polnear[:20])


if __name__ == "__main__":
    main()
