"""Statement vectors: all-MiniLM-L6-v2 (see `newsprism.encoder`), unit-length 384-d rows, so a dot product is the cosine.

A statement that is a whole sentence of its article takes the vector
`prepare` kept for that sentence (`Prepared.vectors`, from the bias model's
pass); only what the story stages make themselves, clauses read on their
own and short statements read with a neighbour, goes through the encoder
here. An article prepared and one read back from JSON give the same vectors.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.compare.statements import Statement
from newsprism.encoder import DIMENSIONS, Encoder
from newsprism.model import Article
from newsprism.prepared import unpack_vectors


def statement_vectors(statements: Sequence[Statement], extra_texts: Sequence[str], encoder: Encoder) -> tuple[np.ndarray, np.ndarray]:
    """One vector per statement (its compared text), and one per extra text, encoding only what no article kept."""
    kept: dict[int, dict[tuple[int, int], np.ndarray]] = {}
    vectors = np.zeros((len(statements), DIMENSIONS), dtype=np.float32)
    missing: list[int] = []
    for index, statement in enumerate(statements):
        article = statement.article
        if id(article) not in kept:
            kept[id(article)] = sentence_vectors(article)
        vector = kept[id(article)].get((statement.start, statement.end)) if statement.reading is None else None
        if vector is None:
            missing.append(index)
        else:
            vectors[index] = vector
    texts = [statements[index].compared_text for index in missing] + list(extra_texts)
    encoded = encode(encoder, texts)
    vectors[missing] = encoded[: len(missing)]
    return vectors, encoded[len(missing) :]


def sentence_vectors(article: Article) -> dict[tuple[int, int], np.ndarray]:
    """The vectors `prepare` kept for the article's sentences, by sentence span ({} when it kept none)."""
    if article.prepared is None:
        return {}
    rows = unpack_vectors(article.prepared.vectors)
    if len(rows) != len(article.prepared.sentences):
        return {}  # not this article's vectors: encode its statements instead
    return dict(zip(article.prepared.sentences, rows, strict=True))


def encode(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of the texts, one row each (float32), each distinct text encoded once."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    distinct = list(dict.fromkeys(texts))
    rows = dict(zip(distinct, encoder.embed(distinct), strict=True))
    return np.stack([rows[text] for text in texts]).astype(np.float32, copy=False)


__all__ = ["encode", "sentence_vectors", "statement_vectors"]
