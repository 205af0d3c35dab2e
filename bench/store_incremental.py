"""What adding articles to a store costs, against building the store again from nothing.

A store of 1,000 articles (JSONL records made from the PolNeAR, TempEval-3 and
ECB+ dev sets, taken in turn until each runs out) takes 10 more:
the time of that ingest, the stories it touched, against an ingest of all
1,010 into an empty store (a full rebuild). The articles are prepared once
beforehand and ingested as `extract` wrote them, so both times are the
store's own work (storing, placing, analysing the stories); what preparing
costs per article is printed beside them, measured on the same articles.
Both stores are SQLite files in a temporary folder; one process, models
loaded once before any timing.

    .venv/bin/python bench/store_incremental.py [--base 1000] [--added 10] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_speed import SETS  # noqa: E402
from evaldata import EVAL, read_jsonl  # noqa: E402

from newsprism import Article, InputError, Models, extract  # noqa: E402
from newsprism.store import IngestSummary, Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def dev_records(count: int) -> list[dict[str, object]]:
    """`count` distinct article records, the dev sets taken in turn until each runs out (1,052 in all)."""
    sets = [read_jsonl(EVAL / name / "docs.jsonl") for name in SETS]
    taken: list[dict[str, object]] = []
    for number in range(max(len(rows) for rows in sets)):
        for rows in sets:
            if number < len(rows):
                taken.append({"id": rows[number]["id"], "text": rows[number]["text"], "published": rows[number].get("published")})
    if len(taken) < count:
        raise SystemExit(f"the dev sets hold {len(taken)} articles, fewer than {count}")
    return taken[:count]


def prepared(count: int, cache: Path, models: Models) -> tuple[Path, float]:
    """`count` prepared articles as a JSONL file (made once and kept), and the seconds preparing took per article."""
    path = cache / f"store-{count}.jsonl"
    timing = cache / f"store-{count}.seconds"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        records = cache / f"store-{count}-records.jsonl"
        records.write_text("".join(json.dumps(record) + "\n" for record in dev_records(count)), encoding="utf-8")
        print(f"preparing {count} articles (once; kept in {path})", file=sys.stderr)
        began = time.perf_counter()
        with path.open("w", encoding="utf-8") as out:
            for item in extract([records], models=models):
                if isinstance(item, Article):
                    out.write(item.model_dump_json() + "\n")
        timing.write_text(str((time.perf_counter() - began) / count))
    return path, float(timing.read_text())


def ingest(store: Store, path: Path, models: Models) -> tuple[float, IngestSummary]:
    began = time.perf_counter()
    results = list(store.ingest([path], models=models))
    seconds = time.perf_counter() - began
    errors = [item for item in results if isinstance(item, InputError)]
    assert not errors, errors[:3]
    summary = results[-1]
    assert isinstance(summary, IngestSummary)
    return seconds, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--base", type=int, default=1000)
    parser.add_argument("--added", type=int, default=10)
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "bench")
    options = parser.parse_args()
    models = Models()
    models.nlp, models.encoder, models.bias  # noqa: B018 - loaded before any timing
    path, preparing = prepared(options.base + options.added, options.cache, models)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as folder:
        base, added, whole = (Path(folder) / name for name in ("base.jsonl", "added.jsonl", "whole.jsonl"))
        base.write_text("".join(lines[: options.base]), encoding="utf-8")
        added.write_text("".join(lines[options.base :]), encoding="utf-8")
        whole.write_text("".join(lines), encoding="utf-8")
        rebuild_seconds, rebuilt = ingest(Store(f"sqlite:///{Path(folder) / 'rebuilt.db'}"), whole, models)
        store = Store(f"sqlite:///{Path(folder) / 'grown.db'}")
        base_seconds, _ = ingest(store, base, models)
        added_seconds, grown = ingest(store, added, models)
    touched = grown.stories_created + grown.stories_updated
    print(f"full rebuild: {len(lines)} articles into an empty store in {rebuild_seconds:.1f} s ({rebuilt.stories_created} stories)")
    print(f"the first {options.base} alone: {base_seconds:.1f} s")
    print(
        f"adding {grown.new}: {added_seconds:.2f} s, {touched} stories touched ({grown.stories_created} new, {grown.stories_updated} grown); "
        f"ratio to the full rebuild {added_seconds / rebuild_seconds:.3f}"
    )
    print(f"preparing (not in the times above): {preparing:.2f} s per article, so {preparing * grown.new:.1f} s for the {grown.new} added")


if __name__ == "__main__":
    main()
