"""Score newsprism's time expressions (find_times) on ../shared/eval/timex (TempEval-3) with the shared scorer.

usage: python bench/timex_quality.py [--limit N] [--worst N] [--out PRED.jsonl]

Each document's `published` date is its reference date. Prints relaxed
P/R/F1, strict F1, value accuracy and value F1 (the TempEval-3 figures), the
speed of find_times next to the spaCy parse of the same texts, and with
--worst the first N mismatches of each kind (missed, spurious, wrong value)
so that errors can be read, not only counted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from newsprism.annotate.language import load_pipeline
from newsprism.annotate.times import find_times

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer, read_jsonl  # noqa: E402

TimeRow = dict[str, Any]


def predict(docs: list[dict[str, Any]]) -> tuple[dict[str, list[TimeRow]], float, float, dict[str, str]]:
    """Predictions {id: times}, seconds spent parsing, seconds spent in find_times, and {id: text}."""
    started = time.perf_counter()
    parsed = list(load_pipeline().pipe((doc["text"] for doc in docs), batch_size=32))
    parse_seconds = time.perf_counter() - started
    predictions: dict[str, list[TimeRow]] = {}
    started = time.perf_counter()
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        reference = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        times = find_times(spacy_doc, reference)
        predictions[doc["id"]] = [{"text": t.text, "value": t.value, "type": t.type, "start": t.start} for t in times]
    times_seconds = time.perf_counter() - started
    return predictions, parse_seconds, times_seconds, {doc["id"]: doc["text"] for doc in docs}


def mismatches(scorer: Any, gold: dict[str, list[TimeRow]], predictions: dict[str, list[TimeRow]],
               published: dict[str, str], texts: dict[str, str]) -> dict[str, list[str]]:
    """Readable lines for missed gold expressions, spurious predictions and wrong values, with their context."""
    found: dict[str, list[str]] = {"missed": [], "spurious": [], "wrong value": []}
    for doc_id, golds in gold.items():
        preds = [t for t in predictions.get(doc_id, []) if scorer.tokens(t.get("text"))]
        pairs = scorer.match_doc(golds, preds)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        tag = f"{doc_id[:24]:24s} {published[doc_id]}"
        for i, g in enumerate(golds):
            if i not in matched_gold:
                found["missed"].append(f"{tag}  {g['text']!r} {g['type']} {g['value']}")
        for j, p in enumerate(preds):
            if j not in matched_pred:
                start = p["start"]
                context = texts[doc_id][max(0, start - 50):start + len(p["text"]) + 30].replace("\n", " ")
                found["spurious"].append(f"{tag}  {p['text']!r} {p['type']} {p['value']}   …{context}…")
        for i, j in pairs:
            g, p = golds[i], preds[j]
            if scorer.norm_value(g["value"]) != scorer.norm_value(p["value"]):
                start = p["start"]
                context = texts[doc_id][max(0, start - 60):start + len(p["text"]) + 30].replace("\n", " ")
                found["wrong value"].append(f"{tag}  gold {g['text']!r} {g['value']}  pred {p['text']!r} {p['value']}   …{context}…")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--worst", type=int, default=0, help="print up to N mismatches of each kind")
    parser.add_argument("--out", type=Path, help="write the predictions as JSONL")
    args = parser.parse_args()

    docs = read_jsonl(EVAL / "timex" / "docs.jsonl")[: args.limit]
    gold_rows = {row["id"]: row["times"] for row in read_jsonl(EVAL / "timex" / "gold.jsonl")}
    gold = {doc["id"]: gold_rows.get(doc["id"], []) for doc in docs}
    predictions, parse_seconds, times_seconds, texts = predict(docs)
    scorer = load_scorer("timex")
    result = scorer.score(gold, predictions)

    words = sum(len(doc["text"].split()) for doc in docs)
    print(f"docs {result['docs']}  gold {result['gold']}  pred {result['pred']}  matched {result['matched']}")
    print(f"relaxed P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}  strict F1 {result['strict_f1']:.3f}")
    print(f"value accuracy {result['value_accuracy']:.3f}  value F1 {result['value_f1']:.3f}  "
          f"type accuracy {result.get('type_accuracy', 0.0):.3f}")
    print(f"speed: find_times {words / times_seconds:,.0f} words/s ({times_seconds:.2f} s)   "
          f"spaCy parse {words / parse_seconds:,.0f} words/s ({parse_seconds:.2f} s)   "
          f"find_times = {100 * times_seconds / parse_seconds:.1f}% of the parse time")
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for doc_id, times in predictions.items():
                rows = [{"text": t["text"], "value": t["value"], "type": t["type"]} for t in times]
                out.write(json.dumps({"id": doc_id, "times": rows}) + "\n")
    if args.worst:
        published = {doc["id"]: doc.get("published") or "-" for doc in docs}
        for kind, lines in mismatches(scorer, gold, predictions, published, texts).items():
            print(f"\n== {kind}: {len(lines)}")
            for line in lines[: args.worst]:
                print("  " + line)


if __name__ == "__main__":
    main()
