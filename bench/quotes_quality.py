"""Score newsprism's quote finder on ../shared/eval/quotes (PolNeAR) with the shared scorer.

usage: python bench/quotes_quality.py [--limit N] [--worst N] [--out PRED.jsonl] [--peer]

Parses the articles with the newsprism pipeline, runs `find_quotes` and
prints precision / recall / F1 and speaker accuracy overall, for direct and
for indirect quotes. `--worst N` lists up to N missed gold quotes and N
spurious predictions (direct first) for reading. `--peer` also scores
textacy's `direct_quotations` on the same parses and prints the speed of
find_quotes, of textacy's extractor and of the spaCy parse (tokens/second).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsprism.annotate.language import load_pipeline
from newsprism.annotate.quotes import find_quotes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer, read_jsonl  # noqa: E402

Prediction = dict[str, list[dict[str, Any]]]


def newsprism_quotes(doc: Doc) -> list[dict[str, Any]]:
    """find_quotes in the scorer's format; indirect quotes are flagged so per-class precision means something."""
    return [{"text": quote.text, "speaker": quote.speaker_name, "direct": quote.kind != "indirect"} for quote in find_quotes(doc)]


def textacy_quotes(doc: Doc) -> list[dict[str, Any]]:
    """textacy's direct quotations in the scorer's format (none when it refuses an odd number of marks)."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on an unclosed quotation
        return []
    return [{"text": triple.content.text, "speaker": " ".join(token.text for token in triple.speaker), "direct": True} for triple in triples]


def run(extractor: Callable[[Doc], list[dict[str, Any]]], ids: list[str], docs: list[Doc]) -> tuple[Prediction, float]:
    """Predictions of one extractor over the parsed docs, and the seconds it took."""
    started = time.perf_counter()
    predictions = {doc_id: extractor(doc) for doc_id, doc in zip(ids, docs, strict=True)}
    return predictions, time.perf_counter() - started


def print_scores(name: str, result: dict[str, Any]) -> None:
    """One line per class: precision, recall, F1, speaker accuracy."""
    for kind in ("all", "direct", "indirect"):
        figures = result[kind]
        print(f"{name:9s} {kind:8s} P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}  "
              f"speaker {figures['speaker_acc']:.3f}  (gold {figures['gold']}, predicted {figures['pred']})")


def print_errors(scorer: Any, gold: Prediction, predictions: Prediction, limit: int) -> None:
    """Up to `limit` missed gold quotes and `limit` spurious predictions, direct ones first."""
    misses, spurious, wrong_speaker = [], [], []
    for doc_id, golds in gold.items():
        preds = [quote for quote in predictions.get(doc_id, []) if scorer.tokens(quote["text"])]
        pairs = scorer.match_article(golds, preds)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        for i, quote in enumerate(golds):
            if i not in matched_gold:
                misses.append((not scorer.is_direct(quote["content"]), doc_id, quote["source"], quote["cue"], quote["content"]))
        for j, quote in enumerate(preds):
            if j not in matched_pred:
                spurious.append((not quote.get("direct"), doc_id, quote["speaker"], None, quote["text"]))
        for i, j in pairs:
            source = golds[i].get("source")
            if source and not scorer.speaker_ok(preds[j]["speaker"], source):
                wrong_speaker.append((False, doc_id, f"{preds[j]['speaker']!r} vs gold {source!r}", golds[i]["cue"], preds[j]["text"]))
    for title, rows in (("MISSED", misses), ("SPURIOUS", spurious), ("WRONG SPEAKER", wrong_speaker)):
        print(f"\n== {title} ({len(rows)}) ==")
        for _, doc_id, speaker, cue, text in sorted(rows, key=lambda row: row[0])[:limit]:
            print(f"[{doc_id[:10]}] {speaker!s} | {cue!s} | {text[:220]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--worst", type=int, default=0, help="list N misses, N spurious predictions and N wrong speakers")
    parser.add_argument("--out", type=Path, help="write newsprism's predictions as JSONL")
    parser.add_argument("--peer", action="store_true", help="also score textacy's direct_quotations and compare speeds")
    args = parser.parse_args()
    scorer = load_scorer("quotes")
    rows = read_jsonl(EVAL / "quotes" / "docs.jsonl")[: args.limit]
    gold_rows = {row["id"]: row["quotes"] for row in read_jsonl(EVAL / "quotes" / "gold.jsonl")}
    ids = [row["id"] for row in rows]
    gold = {doc_id: gold_rows[doc_id] for doc_id in ids}

    started = time.perf_counter()
    docs = list(load_pipeline().pipe((row["text"] for row in rows), batch_size=32))
    parse_seconds = time.perf_counter() - started
    n_tokens = sum(len(doc) for doc in docs)

    predictions, seconds = run(newsprism_quotes, ids, docs)
    print(f"articles {len(ids)}, tokens {n_tokens}")
    print_scores("newsprism", scorer.score(gold, predictions))
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for doc_id in ids:
                out.write(json.dumps({"id": doc_id, "quotes": predictions[doc_id]}, ensure_ascii=False) + "\n")
    if args.peer:
        peer, peer_seconds = run(textacy_quotes, ids, docs)
        print_scores("textacy", scorer.score(gold, peer))
        print(f"speed (tokens/s): spaCy parse {n_tokens / parse_seconds:,.0f}  find_quotes {n_tokens / seconds:,.0f} "
              f"({seconds / parse_seconds:.1%} of the parse time)  textacy {n_tokens / peer_seconds:,.0f}")
    if args.worst:
        print_errors(scorer, gold, predictions, args.worst)


if __name__ == "__main__":
    main()
