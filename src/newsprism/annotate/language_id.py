"""Which language an article is written in (ISO 639-1), told by lingua from the clean body.

The annotators read English only (spaCy's English pipeline, an English
sentence encoder, English word lists): an article in another language is
kept with its body and metadata, marked with its `language`, and not run
through them, rather than annotated into nonsense ("C'est" read as an
organisation). An article in English, or one whose language cannot be told
with confidence, is annotated as before.

The detector is lingua's low-accuracy mode over all its 75 languages (about
60 MB; a few milliseconds per article: 4.6 ms on the dev stories' pages, 2.6 ms
for 1,000 characters, on a loaded core): it reads trigrams only, which is plenty
for a news body of a few hundred words (its high-accuracy mode is for single
words and short phrases). The first SAMPLE characters are read.

Limits: an article that mixes languages (an English report quoting a long
French statement) takes the language of most of its sample; languages lingua
does not know come out as the closest one it does, or undecided.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

SAMPLE = 3000
# The best language's relative confidence (lingua's values sum to 1) needed to call an article not English:
# anything less leaves it undecided, and undecided articles are annotated, since most news the tool reads is English.
CONFIDENCE = 0.5
ENGLISH = "en"


def load_detector() -> LanguageDetector:
    """lingua's detector over all its languages, low-accuracy mode (load once per process, through `Models`)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(detector: LanguageDetector, text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language; None when no language stands out (too short, mixed, unknown)."""
    sample = text[:SAMPLE]
    values = detector.compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    if code == ENGLISH or best.value >= CONFIDENCE:
        return code
    return None


def language_name(code: str) -> str:
    """'French' for 'fr' (the code itself for one lingua does not know)."""
    from lingua import IsoCode639_1, Language

    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name.title()
    except (AttributeError, ValueError):
        return code


__all__ = ["ENGLISH", "detect_language", "language_name", "load_detector"]
