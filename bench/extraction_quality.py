"""Score newsprism's article extraction on ../shared/eval/extraction with the benchmark's own scorer.

usage: python bench/extraction_quality.py [--kind text|html|both] [--wrap N] [--render lynx|lynx-numbered|w3m|markdownify] [--out DIR] [--worst N]

Prints precision / recall / F1 (word 4-gram shingles, per page averaged) for
page dumps (pages/*.txt) and raw pages (pages/*.html.gz), and the pages with
the lowest F1 so regressions can be read, not only counted.

Dumps come in other shapes than the dev set's one line per paragraph. `--wrap N`
scores the dev dumps hard-wrapped at N columns (as mail clients and terminals
save text); `--render lynx|lynx-numbered|w3m|markdownify` scores the dumps those
converters make of the dev HTML pages (`lynx -dump -nolist`, `lynx -dump`, `w3m -dump`,
or Markdown; the terminal browsers must be installed, e.g. `apt-get install lynx w3m`).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from newsprism.clean import clean_document
from newsprism.model import RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer  # noqa: E402

# Command lines of the terminal browsers `--render` runs: the page's HTML comes on stdin, its dump
# goes to stdout. "lynx" writes links as plain text; "lynx-numbered" as lynx does by default,
# "[12]Home", with the list of the page's links at the end.
TERMINAL_BROWSERS = {
    "lynx": ["lynx", "-dump", "-nolist", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "lynx-numbered": ["lynx", "-dump", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
}
# Converters `--render` can use: the terminal browsers, and markdownify (a dev dependency), which writes Markdown.
RENDERERS = [*TERMINAL_BROWSERS, "markdownify"]


def render_page(html: str, renderer: str) -> str:
    """The dump `renderer` makes of an HTML page."""
    if renderer == "markdownify":
        from markdownify import markdownify

        return str(markdownify(html))
    return subprocess.run(TERMINAL_BROWSERS[renderer], input=html, capture_output=True, text=True, check=True).stdout


def renderer_missing(renderer: str) -> str | None:
    """What to install for `renderer`, or None when it is there."""
    if renderer == "markdownify":
        return None if importlib.util.find_spec("markdownify") else "pip install markdownify"
    return None if shutil.which(TERMINAL_BROWSERS[renderer][0]) else f"apt-get install {TERMINAL_BROWSERS[renderer][0]}"


def predict(kind: str, eval_dir: Path = EVAL, wrap: int = 0, render: str = "") -> dict[str, dict[str, str]]:
    """Run the cleaner over every dev page of one kind; {id: {"articleBody": body}}.

    For kind "text", `wrap` hard-wraps the dumps at that many columns first, and
    `render` makes the dumps from the HTML pages with a converter (see RENDERERS) instead.
    """
    gold = json.loads((eval_dir / "extraction" / "gold.json").read_text())
    predictions: dict[str, dict[str, str]] = {}
    for page_id in sorted(gold):
        page = eval_dir / "extraction" / "pages" / page_id
        if kind == "text" and not render:
            content = page.with_suffix(".txt").read_text(encoding="utf-8")
        else:
            content = gzip.decompress(Path(f"{page}.html.gz").read_bytes()).decode("utf-8", "replace")
            if kind == "text":
                content = render_page(content, render)
        if kind == "text" and wrap:
            content = hard_wrap(content, wrap)
        raw = RawDocument(id=page_id, source=str(page), kind=kind, content=content)
        try:
            article = clean_document(raw)
            predictions[page_id] = {"articleBody": article.body}
        except Exception as error:  # a page with no article scores as empty
            print(f"{page_id[:12]}: {error}", file=sys.stderr)
            predictions[page_id] = {"articleBody": ""}
    return predictions


def hard_wrap(text: str, width: int) -> str:
    """The dump with every line wrapped at `width` columns; blank lines stay where they were."""
    return "\n".join("\n".join(textwrap.wrap(line, width)) if line.strip() else "" for line in text.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=["text", "html", "both"], default="both")
    parser.add_argument("--wrap", type=int, default=0, metavar="N", help="hard-wrap the text dumps at N columns first")
    parser.add_argument("--render", choices=sorted(RENDERERS), help="make the text dumps from the HTML pages with this converter")
    parser.add_argument("--out", type=Path, help="write predictions as DIR/extraction-<kind>.json")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = parser.parse_args()
    if args.render and (install := renderer_missing(args.render)):
        sys.exit(f"extraction_quality: --render {args.render} is not installed here ({install})")
    scorer = load_scorer("extraction")
    gold = json.loads((EVAL / "extraction" / "gold.json").read_text())
    for kind in (["text", "html"] if args.kind == "both" else [args.kind]):
        predictions = predict(kind, wrap=args.wrap, render=args.render or "")
        result = scorer.score(gold, predictions)
        label = kind + (f" rendered by {args.render}" if kind == "text" and args.render else "")
        label += f" wrapped at {args.wrap}" if kind == "text" and args.wrap else ""
        print(f"{label:5s} pages {result['pages']}  precision {result['precision']:.3f}  "
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
