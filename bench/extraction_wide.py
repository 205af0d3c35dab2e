"""Score the text-dump cleaner on ../shared/eval/extraction-wide (trafilatura's 990 evaluation pages), beside two peers.

usage: python bench/extraction_wide.py [--peers] [--languages] [--worst N] [--out FILE]

The pages come as whole-page text dumps (`pages/<id>.txt`, what a browser's
"save as text" gives) and as their HTML. newsprism cleans the dumps; the score
is trafilatura's own: whitespace-normalised "with" snippets found in the body
are true positives, "without" snippets found are false positives, counts summed
over all pages (`score_extraction_wide.py`, shipped with the data).

`--peers` runs, on the same pages in the same process: jusText over the dumps'
lines (one paragraph per non-empty line) with trafilatura's all-language
stoplist, and trafilatura on the pages' HTML (the ceiling: it sees the markup
the dumps have lost). `--languages` splits the figures by the language of each
page's gold snippets (told by lingua); `--worst N` lists the pages that lose the
most snippets, with what they lose. `--known-run` measures how much rests on
choosing the article's run of lines: the cleaner is given, on each page, the run
from the first to the last line that holds a 'with' snippet (the least a
perfect choice would take), and its in-run filters do the rest; printed
beside it, that run kept whole, every line of it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsprism.clean import clean_document
from newsprism.errors import NewsprismError
from newsprism.model import RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer  # noqa: E402

WIDE = EVAL / "extraction-wide"


def newsprism_bodies(gold: dict[str, Any]) -> dict[str, str]:
    """The cleaner's body of every page's text dump ("" when it finds no article)."""
    bodies = {}
    for page_id in sorted(gold):
        dump = (WIDE / "pages" / f"{page_id}.txt").read_text(encoding="utf-8")
        raw = RawDocument(id=page_id, source=f"{page_id}.txt", kind="text", content=dump)
        try:
            bodies[page_id] = clean_document(raw).body
        except NewsprismError:  # too short after cleaning: scores as an empty body
            bodies[page_id] = ""
    return bodies


def known_run_bodies(gold: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The cleaner's body of every dump when the run it keeps is the gold's (first to last line holding a 'with'
    snippet), and that run's lines kept whole. A page whose snippets no line holds gets the cleaner's own run."""
    from newsprism.clean import text_dump
    from newsprism.clean.lines import Line

    chooser = text_dump.choose_segment
    filtered, whole = {}, {}
    for page_id in sorted(gold):
        dump = (WIDE / "pages" / f"{page_id}.txt").read_text(encoding="utf-8")
        snippets = [" ".join(snippet.split()) for snippet in gold[page_id]["with"]]

        def gold_run(lines: list[Line], snippets: list[str] = snippets) -> tuple[int, int]:
            holding = [line.position for line in lines if any(snippet in " ".join(line.text.split()) for snippet in snippets)]
            return (min(holding), max(holding) + 1) if holding else chooser(lines)

        text_dump.choose_segment = gold_run  # measurement only: the run the gold marks, in place of the cleaner's choice
        try:
            filtered[page_id] = clean_document(RawDocument(id=page_id, source=f"{page_id}.txt", kind="text", content=dump)).body
        except NewsprismError:
            filtered[page_id] = ""
        finally:
            text_dump.choose_segment = chooser
        lines = dump.splitlines()
        holding = [number for number, line in enumerate(lines) if any(snippet in " ".join(line.split()) for snippet in snippets)]
        whole[page_id] = "\n".join(lines[min(holding) : max(holding) + 1]) if holding else ""
    return filtered, whole


def justext_bodies(gold: dict[str, Any]) -> dict[str, str]:
    """jusText's good paragraphs of every dump, each non-empty line a paragraph, with the all-language stoplist."""
    from html import escape

    import justext
    from trafilatura.external import jt_stoplist_init

    stoplist = jt_stoplist_init()
    bodies = {}
    for page_id in sorted(gold):
        dump = (WIDE / "pages" / f"{page_id}.txt").read_text(encoding="utf-8")
        html = "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in dump.splitlines() if line.strip()) + "</body></html>"
        try:
            paragraphs = justext.justext(html, stoplist)
        except Exception:  # jusText gives up on a few pages (no paragraphs at all)
            paragraphs = []
        bodies[page_id] = "\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)
    return bodies


def trafilatura_bodies(gold: dict[str, Any]) -> dict[str, str]:
    """trafilatura's extraction of every page's HTML (bytes: it detects the charset itself)."""
    import trafilatura

    bodies = {}
    for page_id in sorted(gold):
        page = gzip.decompress((WIDE / "pages" / f"{page_id}.html.gz").read_bytes())
        bodies[page_id] = trafilatura.extract(page, include_tables=True, include_comments=False) or ""
    return bodies


def languages_of(gold: dict[str, Any]) -> dict[str, str]:
    """Each page's language, told from its gold "with" snippets ("?" when lingua cannot tell)."""
    from newsprism.annotate.language_id import detect_language, load_detector

    detector = load_detector()
    return {page_id: detect_language(detector, " ".join(item["with"])) or "?" for page_id, item in gold.items()}


def report(name: str, scorer: Any, gold: dict[str, Any], bodies: dict[str, str], seconds: float) -> None:
    result = scorer.score(gold, {page_id: {"articleBody": body} for page_id, body in bodies.items()})
    # F1 to four places with the counts behind it: a target such as 0.90 is met or missed by a snippet or two.
    print(f"{name:34s} precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.4f}"
          f"  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']}; {len(gold) / seconds:.0f} pages/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", action="store_true", help="also score jusText over the dumps and trafilatura over the HTML")
    parser.add_argument("--languages", action="store_true", help="split newsprism's figures by page language")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N pages that lose the most snippets")
    parser.add_argument("--out", type=Path, help="write newsprism's predictions here as JSON")
    parser.add_argument("--known-run", action="store_true", help="also score the cleaner given the gold's run of lines, and that run whole")
    args = parser.parse_args()
    scorer = load_scorer("extraction_wide")
    gold = json.loads((WIDE / "gold.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    bodies = newsprism_bodies(gold)
    report("newsprism, text dumps", scorer, gold, bodies, time.perf_counter() - started)
    if args.out:
        args.out.write_text(json.dumps({page_id: {"articleBody": body} for page_id, body in bodies.items()}))
    if args.known_run:
        started = time.perf_counter()
        filtered, whole = known_run_bodies(gold)
        seconds = time.perf_counter() - started
        report("newsprism given the gold's run", scorer, gold, filtered, seconds)
        report("the gold's run, every line", scorer, gold, whole, seconds)
    if args.peers:
        for name, peer in (("peer: jusText, text dumps", justext_bodies), ("peer: trafilatura, HTML", trafilatura_bodies)):
            started = time.perf_counter()
            peer_bodies = peer(gold)
            report(name, scorer, gold, peer_bodies, time.perf_counter() - started)
    if args.languages:
        by_language: dict[str, list[str]] = defaultdict(list)
        for page_id, language in languages_of(gold).items():
            by_language[language].append(page_id)
        for language, pages in sorted(by_language.items(), key=lambda item: -len(item[1])):
            subset = {page_id: gold[page_id] for page_id in pages}
            result = scorer.score(subset, {page_id: {"articleBody": bodies[page_id]} for page_id in pages})
            print(f"   {language:3s} {len(pages):4d} pages  precision {result['precision']:.3f}  "
                  f"recall {result['recall']:.3f}  F1 {result['f1']:.3f}")
    if args.worst:
        losses = []
        for page_id, item in gold.items():
            tp, fp, fn, _ = scorer.count_item(item, bodies[page_id])
            losses.append((fp + fn, fp, fn, page_id))
        for lost, fp, fn, page_id in sorted(losses, reverse=True)[: args.worst]:
            print(f"   {page_id}  {lost} lost: {fn} of {len(gold[page_id]['with'])} 'with' missed, {fp} 'without' kept"
                  f"  ({gold[page_id]['url'] or gold[page_id]['file']})")


if __name__ == "__main__":
    main()
