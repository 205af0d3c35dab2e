"""Framing against the example story's answer key (examples/port-veyra-grounding.expected.json).

Prints, for the example: the outlets' framing scores (least loaded first)
next to the key's loaded / intermediate / neutral groups; the recall of the
key's loaded terms among each outlet's own-voice terms; whether the key's
loaded words inside quotes are charged to their speakers (and never to the
outlet); and the recall of the key's editorializing sentences. Matching is
by shared words, never by offsets.

    .venv/bin/python bench/framing_quality.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsprism.model import Story

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "port-veyra-grounding"
KEY = ROOT / "examples" / "port-veyra-grounding.expected.json"


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def term_found(story: Story, outlet: str, phrase: str, voice: str) -> bool:
    """Whether an outlet's articles hold a loaded term of that voice sharing a word with the phrase."""
    wanted = words(phrase)
    return any(
        term.voice == voice and wanted & words(term.text)
        for article in story.articles
        if article.reporting_outlet == outlet
        for term in article.framing.loaded
    )


def sentence_found(story: Story, outlet: str, sentence: str) -> bool:
    """Whether an outlet's editorializing holds the sentence (or the key's fragment of it)."""
    fragment = sentence[:40]
    return any(fragment in opinion.text for article in story.articles if article.reporting_outlet == outlet for opinion in article.framing.opinion)


def measure(story: Story, key: dict) -> dict[str, float]:
    """The figures this bench prints (the quality test asserts floors on them)."""
    loaded = [(outlet, term) for outlet, terms in key["loaded_terms"].items() for term in terms]
    quoted = key["loaded_terms_in_quotes"]
    opinions = [(outlet, text) for outlet, texts in key["editorializing"].items() for text in texts]
    return {
        "loaded_recall": sum(term_found(story, outlet, term, "outlet") for outlet, term in loaded) / len(loaded),
        "quoted_charged_to_speaker": sum(term_found(story, q["outlet"], q["term"], "quoted") for q in quoted) / len(quoted),
        "quoted_charged_to_outlet": sum(term_found(story, q["outlet"], q["term"], "outlet") for q in quoted) / len(quoted),
        "editorializing_recall": sum(sentence_found(story, outlet, text) for outlet, text in opinions) / len(opinions),
    }


def main() -> None:
    from newsprism.pipeline import run

    key = json.loads(KEY.read_text(encoding="utf-8"))
    story = next(item for item in run([str(EXAMPLE)]) if isinstance(item, Story))
    groups = {outlet: group for group in ("loaded", "intermediate", "neutral") for outlet in key["framing"][f"{group}_outlets"]}
    print("outlets, least loaded first (score: see Framing.score):")
    for profile in story.framing.outlets:
        score = "n/a" if profile.score is None else f"{profile.score:.2f}"
        print(f"  {profile.outlet:28.28} {score:>5}  key: {groups.get(profile.outlet, '-'):12}  own terms: {', '.join(profile.loaded[:8])}")
    for name, value in measure(story, key).items():
        print(f"{name}: {value:.2f}")


if __name__ == "__main__":
    main()
