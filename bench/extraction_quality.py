"""Score newsprism's article extraction on ../shared/eval/extraction with the benchmark's own scorer.

usage: python bench/extraction_quality.py [--kind text|html|both] [--out DIR] [--worst N]

Prints precision / recall / F1 (word 4-gram shingles, per page averaged) for
page dumps (pages/*.txt) and raw pages (pages/*.html.gz), and the pages with
the lowest F1 so regressions can be read, not only counted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from newsprism.clean import clean_document
from newsprism.model import RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer  # noqa: E402


def predict(kind: str, eval_dir: Path = EVAL) -> dict[str, dict[str, str]]:
    """Run the cleaner over every dev page of one kind; {id: {"articleBody": body}}."""
    gold = json.loads((eval_dir / "extraction" / "gold.json").read_text())
    predictions: dict[str, dict[str, str]] = {}
    for page_id in sorted(gold):
        page = eval_dir / "extraction" / "pages" / page_id
        if kind == "text":
            content = (page.with_suffix(".txt")).read_text(encoding="utf-8")
        else:
            content = gzip.decompress(Path(f"{page}.html.gz").read_bytes()).decode("utf-8", "replace")
        raw = RawDocument(id=page_id, source=str(page), kind=kind, content=content)
        try:
            article = clean_document(raw)
            predictions[page_id] = {"articleBody": article.body}
        except Exception as error:  # a page with no article scores as empty
            print(f"{page_id[:12]}: {error}", file=sys.stderr)
            predictions[page_id] = {"articleBody": ""}
    return predictions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=["text", "html", "both"], default="both")
    parser.add_argument("--out", type=Path, help="write predictions as DIR/extraction-<kind>.json")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = parser.parse_args()
    scorer = load_scorer("extraction")
    gold = json.loads((EVAL / "extraction" / "gold.json").read_text())
    for kind in (["text", "html"] if args.kind == "both" else [args.kind]):
        predictions = predict(kind)
        result = scorer.score(gold, predictions)
        print(f"{kind:5s} pages {result['pages']}  precision {result['precision']:.3f}  "
              f"recall {result['recall']:.3f}  F1 {result['f1']:.3f}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"extraction-{kind}.json").write_text(json.dumps(predictions))
        if args.worst:
            rows = []
            for page_id, item in gold.items():
                p, r, _, _ = scorer.page_pr(item["articleBody"], predictions[page_id]["articleBody"])
                rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, page_id))
            for f1, p, r, page_id in sorted(rows)[: args.worst]:
                print(f"   {page_id[:12]}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")


if __name__ == "__main__":
    main()
