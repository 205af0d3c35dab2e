"""Shared fixtures: paths to the shared evaluation data (tests skip when it is absent) and page builders."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest
from spacy.tokens import Doc

from newsprism.model import Article, Prepared, Story
from newsprism.models import Models
from newsprism.pipeline import run
from tests.website import Site

ROOT = Path(__file__).resolve().parents[1]
# One set of models for the test process, as a user's process holds one.
MODELS = Models.shared()
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def load_bench(name: str) -> ModuleType:
    """A module of bench/ (quality tests score the way the benchmarks do, with their helpers)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def seeds_dir() -> Path:
    path = SHARED / "corpus" / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return path


@pytest.fixture
def eval_dir() -> Path:
    path = SHARED / "eval"
    if not (path / "extraction" / "gold.json").is_file():
        pytest.skip("../shared/eval is not present")
    return path


# A fictional page dump with the furniture a real one carries.
FICTIONAL_DUMP = """\
Lantern festival draws record crowds to Mirrow | The Brellport Herald

Home
News
Sport
Culture
Weather

Lantern festival draws record crowds to Mirrow

By Odile Farraway

Saturday, October 11, 2031

• IMG 40211
Lanterns float over the Mirrow canal on Friday night. (Photo: Tamsin Greer/Brellport Herald)

You have {{ remaining }} free articles left this month.
Subscribe now for full access.

More than forty thousand visitors crowded the banks of the Mirrow canal on Friday night for the town's \
lantern festival, the largest turnout since the event began in 1994, organisers said.

The festival committee said it had printed twice as many programmes as last year and still ran out \
before the first lanterns were lit at dusk.

Crowds and caution

Police closed two footbridges for an hour after they became too crowded, and a spokesman said that \
nobody had been hurt during the evening.

"We planned for a big night, but not for this," said committee chair Benedikt Olaru, who has run the \
event for eleven years.

Sign up for our weekly newsletter and get the best of Brellport in your inbox.

The committee will meet on the 20th to decide whether next year's festival should run over two nights \
instead of one.

Most read
Ferry timetable changes from Monday
Council approves new cycle lanes
Bakery on Quay Street wins regional prize

Share this article
Leave a comment

© 2031 Brellport Herald Media Ltd. All rights reserved.
"""

# A fictional article with a three-sentence dek, for the tests of what sits under a dek (a byline, a timestamp).
DOCTOR_DEK = ("The island's only doctor retires this summer. The health board has found nobody to take over. "
              "Patients will have to take the ferry.")
DOCTOR_PARAGRAPHS = [
    "Dr Ilse Marrow has looked after the four hundred people of Skarra Point for thirty-one years, mostly alone.",
    "The board advertised the post twice last winter, and neither notice brought a single application.",
    "Until someone is found, a doctor from the mainland will cross on the ferry every Tuesday and Friday.",
]


def doctor_page(under_dek: str) -> str:
    """The fictional doctor article as a page dump, with `under_dek` (lines) between its dek and its paragraphs."""
    return (f"Skarra Point loses its doctor | Brellport Herald\n\nHome\nNews\nSport\n\nSkarra Point loses its doctor\n\n"
            f"{DOCTOR_DEK}\n\n{under_dek}\n\n" + "\n\n".join(DOCTOR_PARAGRAPHS) + "\n\nHome\nNews\nSport\n")


@lru_cache(maxsize=4)
def analyzed(*inputs: str) -> Story:
    """The story of a run over `inputs`, analyzed once per test session (parsing and embedding cost seconds)."""
    return next(item for item in run(list(inputs)) if isinstance(item, Story))


def parse(text: str) -> Doc:
    """spaCy's parse of a text, as the annotators read it."""
    return MODELS.nlp(text)


def parse_all(texts: Iterable[str]) -> Iterator[Doc]:
    """spaCy's parses of many texts, in order, batched as prepare batches them."""
    yield from MODELS.nlp.pipe(texts, batch_size=32)


def with_sentences(article: Article, spans: list[tuple[int, int]]) -> Article:
    """A hand-built article given its sentence spans, as prepare keeps them (no parse or vectors: unit tests give their own)."""
    article.prepared = Prepared(parse="", sentences=spans, vectors="")
    return article


@pytest.fixture
def site() -> Iterator[Site]:
    """A web site on loopback (tests/website.py), empty until the test adds pages."""
    served = Site()
    yield served
    served.close()
