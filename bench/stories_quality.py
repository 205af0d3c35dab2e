"""The five real stories of ../shared/eval/stories, scored by the shared `score_stories.py`, and their outlets.

Each story folder is analysed as one story (as `newsprism analyze FOLDER` does) and its JSON written to a
temporary folder the scorer reads; the scorer prints claims (together / apart / single-source), conflicts found
and false, and shared quotes merged, per story and in total. Then each page's outlet is checked against the
manifest: right when it names the page's site (its host, "www." dropped) or the outlet the manifest gives. Last, the
brief's citations are judged by the gold (see brief_citations.py): the share of judged citations that hold.

    .venv/bin/python bench/stories_quality.py [-v]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from brief_citations import judge_story  # noqa: E402
from evaldata import EVAL  # noqa: E402

from newsprism import Models, Story, run  # noqa: E402
from newsprism.render.json import story_record  # noqa: E402

STORIES = EVAL / "stories"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="the scorer lists every miss")
    args = parser.parse_args()
    manifest = json.loads((STORIES / "manifest.json").read_text(encoding="utf-8"))
    models = Models()
    gold = json.loads((STORIES / "gold.json").read_text(encoding="utf-8"))
    right = total = paths = 0
    verified = wrong = unjudged = 0
    wrong_notes: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, pages in manifest.items():
            if not isinstance(pages, list):
                continue
            story = next(item for item in run([STORIES / name], models=models) if isinstance(item, Story))
            record = story_record(story)
            (Path(folder) / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            counts = judge_story(gold[name], record)
            verified, wrong, unjudged = verified + counts[0], wrong + counts[1], unjudged + counts[2]
            wrong_notes += [f"{name}: {note}" for note in counts[3]]
            by_file = {Path(article.source).name: article for article in story.articles}
            for page in pages:
                article = by_file.get(page["file"])
                if article is None:
                    continue
                total += 1
                outlet = (article.outlet or "").lower()
                host = (urlsplit(page["url"]).hostname or "").removeprefix("www.")
                right += bool(outlet) and (outlet == host or outlet in page["outlet"].lower() or host.endswith("." + outlet))
                paths += "/" in outlet
        command = [sys.executable, str(EVAL / "score_stories.py"), str(STORIES / "gold.json"), folder] + (["-v"] if args.verbose else [])
        subprocess.run(command, check=True)
    print(f"outlets: {right}/{total} pages name their site or outlet; {paths} paths as outlets")
    judged = verified + wrong
    share = f"{verified / judged:.3f}" if judged else "-"
    print(f"brief citations the gold judges: {verified}/{judged} verified ({share}), {wrong} wrong; {unjudged} not judged")
    if args.verbose:
        for note in wrong_notes:
            print(f"    wrong citation: {note}")


if __name__ == "__main__":
    main()
