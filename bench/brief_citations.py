"""Whether the brief's citations hold, judged by the hand-made gold of ../shared/eval/stories.

Each sentence of a story's brief shows one outlet's sentence (its claim's
representative) and cites the other outlets of the claim. A citation holds
when the cited outlet's sentence in that claim states the same fact. The
gold judges a citation when it knows both sentences:

* verified: the shown sentence holds a file's phrase of a gold `together`
  group and the cited sentence holds the cited file's phrase of the same
  group; or both hold their phrases of one gold `conflicts` entry with the
  same value, or of one `agreements` entry;
* wrong: both hold their phrases of one gold conflict with different
  values (the brief would cite a source for a figure it does not give), or
  of an `apart` pair (tempting, but another fact); or, with nothing that
  verifies it, the cited sentence holds a single-source phrase (a fact no
  other outlet tells) or its phrase of a `together` group whose phrase for
  the shown outlet is in another sentence of that outlet (another fact).

Every other citation is not judged: the gold does not cover every
sentence. Sentences that state a conflict ("Reports differ on ...") cite
each value's own outlet and are not judged.

When the claim holds several sentences of the cited outlet, the citation
holds if one of them states the fact (so `verified` takes any of them), and
the last two `wrong` rules (another fact, told by a single-source phrase or
a phrase of another group) need every one of them to tell another fact: one
sentence shown to tell another fact says nothing of its neighbour, which may
be the one that states this fact. (Until this was written the judge read the
outlet's sentences as one text, so one sentence about another fact made the
citation wrong whatever the other said.) A conflict or `apart` pair still
makes it wrong from any of them: that outlet gives another value.

    from brief_citations import judge_story
    verified, wrong, unjudged, notes = judge_story(gold["crocus"], story_json)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evaldata import load_scorer

SCORER = load_scorer("stories")  # its text normalisation and value tokens, so the judge reads text as the scorer does


def contains(text: str, phrase: str) -> bool:
    return SCORER.norm(phrase) in SCORER.norm(text)


def judge_story(gold: dict[str, Any], story: dict[str, Any]) -> tuple[int, int, int, list[str]]:
    """(verified, wrong, not judged, a line per wrong citation) over the story's brief."""
    file_of = {article["id"]: Path(article.get("source") or article["id"]).name for article in story.get("articles", [])}
    claims = {claim["id"]: claim for claim in story.get("claims", [])}
    verified = wrong = unjudged = 0
    notes: list[str] = []
    for sentence in story.get("brief", []):
        claim = claims.get(sentence.get("claim"))
        if claim is None or sentence["text"].startswith("Reports differ"):
            continue
        shown = next((source for source in claim["sources"] if source["text"] == claim["text"]), None)
        if shown is None:
            continue
        shown_file = file_of.get(shown["article"])
        for article in sentence["sources"]:
            if article == shown["article"]:
                continue
            cited = [source["text"] for source in claim["sources"] if source["article"] == article]
            verdict = judge(gold, shown_file or "", shown["text"], file_of.get(article, ""), cited)
            if verdict is None:
                unjudged += 1
            elif verdict:
                verified += 1
            else:
                wrong += 1
                notes.append(f"{shown_file} {shown['text'][:90]!r} cites {file_of.get(article)} {' / '.join(cited)[:90]!r}")
    return verified, wrong, unjudged, notes


def judge(gold: dict[str, Any], shown_file: str, shown: str, cited_file: str, cited: list[str]) -> bool | None:
    """True (the cited sentences state the shown sentence's fact), False (they state another) or None (not judged)."""

    def holds(texts: list[str], phrase: str | None) -> bool:
        return phrase is not None and any(contains(text, phrase) for text in texts)

    agrees = disagrees = False
    for group in gold["together"]:
        parts = group["parts"]
        agrees |= holds([shown], parts.get(shown_file)) and holds(cited, parts.get(cited_file))
    for entry in gold["conflicts"]:
        values = entry["values"]
        if holds([shown], values.get(shown_file)) and holds(cited, values.get(cited_file)):
            same = SCORER.tokens(values[shown_file]) == SCORER.tokens(values[cited_file])
            agrees |= same
            disagrees |= not same
    for entry in gold.get("agreements", []):
        values = entry["values"]
        agrees |= holds([shown], values.get(shown_file)) and holds(cited, values.get(cited_file))
    for file_a, phrase_a, file_b, phrase_b in gold["apart"]:
        for (mine_file, mine), (their_file, theirs) in (((file_a, phrase_a), (file_b, phrase_b)), ((file_b, phrase_b), (file_a, phrase_a))):
            if mine_file == shown_file and their_file == cited_file and holds([shown], mine) and holds(cited, theirs):
                disagrees = True
    if disagrees:
        return False
    if agrees:
        return True
    if cited and all(another_fact(gold, shown_file, shown, cited_file, text) for text in cited):
        return False
    return None


def another_fact(gold: dict[str, Any], shown_file: str, shown: str, cited_file: str, text: str) -> bool:
    """Whether one cited sentence tells another fact: it holds a single-source phrase (a fact no other outlet tells), or
    its outlet's phrase of a `together` group whose phrase for the shown outlet is not in the shown sentence (the
    shown outlet tells that fact in another of its sentences)."""
    if any(file == cited_file and contains(text, phrase) for file, phrase in gold["single_source"]):
        return True
    for group in gold["together"]:
        theirs, mine = group["parts"].get(cited_file), group["parts"].get(shown_file)
        if theirs is not None and mine is not None and contains(text, theirs) and not contains(shown, mine):
            return True
    return False
