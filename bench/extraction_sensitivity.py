"""How text-dump F1 on ../shared/eval/extraction moves when each weight of the cleaner moves.

usage: python bench/extraction_sensitivity.py [--factors 0.7 0.85 1.15 1.3] [--wide]

The text-dump cleaner decides from a handful of named weights: the line scores of
`newsprism.clean.segment` and the prose thresholds of `newsprism.clean.lines`.
This benchmark scales each of them in turn by every factor, rescoring the dev pages
each time, and prints the F1 at each factor and the largest drop from the F1 at the
weights as set. A flat table means the cleaner rests on the weights' signs and
order, as it should to score as well on pages it has never seen; a steep drop next
to the set value would mean a weight is tuned to these pages. With --wide the same
is done on trafilatura's 990 evaluation pages (extraction-wide, snippet F1), where the
recipe thresholds of `newsprism.clean.text_dump` come into play as well.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from newsprism.clean import lines, segment, text_dump

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer  # noqa: E402
from extraction_quality import predict  # noqa: E402
from extraction_wide import newsprism_bodies  # noqa: E402

# (module, name) of every weight the cleaner's choice of the article rests on.
WEIGHTS: list[tuple[ModuleType, str]] = [
    (segment, "FURNITURE_SCORE"),
    (segment, "PROMO_SCORE"),
    (segment, "CAPTION_SCORE"),
    (segment, "REPEATED_SCORE"),
    (segment, "MENU_SCORE"),
    (segment, "OTHER_SCORE"),
    (segment, "PROSE_SCORE"),
    (segment, "PROSE_WORDS_PER_POINT"),
    (segment, "PROSE_WORDS_CAP"),
    (segment, "INSERT_SCORE"),
    (lines, "PROSE_MIN_WORDS"),
    (lines, "SENTENCE_STOP_RATIO"),
    (lines, "UNPUNCTUATED_PROSE_WORDS"),
    (lines, "UNPUNCTUATED_STOP_RATIO"),
    (lines, "LONG_PROSE_WORDS"),
    (lines, "LONG_PROSE_STOP_RATIO"),
    (lines, "NO_STOPLIST_SENTENCE_WORDS"),
    (text_dump, "RECIPE_REACH"),
    (text_dump, "INGREDIENT_SHARE"),
]


@contextlib.contextmanager
def scaled(module: ModuleType, name: str, factor: float) -> Iterator[float | int]:
    """Set one weight to `factor` times its value (rounded when it counts words), and put it back after."""
    original = getattr(module, name)
    value = round(original * factor) if isinstance(original, int) else original * factor
    setattr(module, name, value)
    try:
        yield value
    finally:
        setattr(module, name, original)


def text_f1(scorer: ModuleType, gold: dict[str, dict[str, str]], wide: bool) -> float:
    # Pages left without an article are scored as empty; their messages are not news here.
    with contextlib.redirect_stderr(io.StringIO()):
        if wide:
            return float(scorer.score(gold, {page_id: {"articleBody": body} for page_id, body in newsprism_bodies(gold).items()})["f1"])
        return float(scorer.score(gold, predict("text"))["f1"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=float, nargs="+", default=[0.7, 0.85, 1.15, 1.3], help="scales applied to each weight")
    parser.add_argument("--wide", action="store_true", help="score trafilatura's 990 evaluation pages instead of the 88 dev pages")
    args = parser.parse_args()
    folder = EVAL / ("extraction-wide" if args.wide else "extraction")
    if not (folder / "gold.json").exists():
        sys.exit(f"extraction_sensitivity: no pages in {folder} (../shared/eval beside the repository)")
    scorer = load_scorer("extraction_wide" if args.wide else "extraction")
    gold = json.loads((folder / "gold.json").read_text())
    base = text_f1(scorer, gold, args.wide)
    print(f"text F1 at the weights as set: {base:.4f} ({len(gold)} {'extraction-wide' if args.wide else 'dev'} pages)")
    print(f"{'weight':28} {'set':>6}  " + "  ".join(f"x{factor:<5g}" for factor in args.factors) + "  largest drop")
    worst_drop, worst_weight = 0.0, ""
    for module, name in WEIGHTS:
        scores = []
        for factor in args.factors:
            with scaled(module, name, factor):
                scores.append(text_f1(scorer, gold, args.wide))
        drop = max(0.0, base - min(scores))
        if drop > worst_drop:
            worst_drop, worst_weight = drop, name
        print(f"{name:28} {getattr(module, name):6g}  " + "  ".join(f"{score:6.4f}" for score in scores) + f"  {drop:.4f}", flush=True)
    print(f"largest drop over all weights and factors: {worst_drop:.4f} ({worst_weight})")


if __name__ == "__main__":
    main()
