"""How `Prepared` keeps an article's parse and sentence vectors as text, and reads them back.

* The parse is a spaCy DocBin with the attributes the story stages and the
  time layer read (words and spaces, tags, parts of speech, lemmas,
  dependencies, entities), zlib-compressed by spaCy and then base64. A Doc
  read back has the same tokens, tags, heads and entities as the one parsed.
* The vectors are float16, one row of 384 per sentence, base64: 1 kB of text
  per sentence. The story reads the same packed vectors whether the article
  was just prepared or read back from JSON, so both give the same Story.

Measured (bench/corpus_speed.py, the first 20 PolNeAR articles, 780 words on average):
the parse takes 16 kB and is read back in 7 ms, where parsing the body again
takes 160 ms; the vectors take 47 kB and save encoding the article's 47
sentences again, 190 ms. Half precision left every claim of the dev stories,
the seeds and the example as it was; int8 rows (half the size) moved one
seed claim's support from 3 outlets to 2.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import numpy as np

from newsprism.encoder import DIMENSIONS

if TYPE_CHECKING:  # spaCy is imported where a parse is packed or read (the vectors alone do not need its 2 s import)
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

PARSE_ATTRIBUTES = ["ORTH", "SPACY", "TAG", "POS", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


def pack_parse(doc: Doc) -> str:
    """The parse as base64 text (user data is left out: it holds only caches)."""
    from spacy.tokens import DocBin

    bin_ = DocBin(attrs=PARSE_ATTRIBUTES, store_user_data=False)
    bin_.add(doc)
    return base64.b64encode(bin_.to_bytes()).decode("ascii")


def unpack_parse(text: str, vocab: Vocab) -> Doc:
    """The parse `pack_parse` kept, as a Doc over `vocab`. Raises ValueError when the text is not a packed parse."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(base64.b64decode(text, validate=True)).get_docs(vocab))
    except Exception as error:  # noqa: BLE001 - base64, zlib and srsly raise several types for damaged data
        raise ValueError(f"not a packed parse ({type(error).__name__})") from None
    if len(docs) != 1:
        raise ValueError(f"a packed parse holds one Doc, not {len(docs)}")
    return docs[0]


def pack_vectors(vectors: np.ndarray) -> str:
    """Rows of unit vectors as base64 text of little-endian float16."""
    return base64.b64encode(np.asarray(vectors, dtype="<f2").tobytes()).decode("ascii")


def unpack_vectors(text: str) -> np.ndarray:
    """The rows `pack_vectors` kept, as float32. Raises ValueError when the text is not packed vectors."""
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        raise ValueError("packed vectors are not base64") from None
    if len(data) % (2 * DIMENSIONS):
        raise ValueError(f"packed vectors are not rows of {DIMENSIONS} float16")
    return np.frombuffer(data, dtype="<f2").reshape(-1, DIMENSIONS).astype(np.float32)


__all__ = ["PARSE_ATTRIBUTES", "pack_parse", "pack_vectors", "unpack_parse", "unpack_vectors"]
