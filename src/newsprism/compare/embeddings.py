"""Sentence embeddings: all-MiniLM-L6-v2 (see `newsprism.encoder`), unit-length 384-d vectors, so a dot product is the cosine.

The framing layer already runs the encoder over every body sentence; it
hands those vectors to `remember`, and `embed` takes a remembered text's
vector instead of encoding it again (the same model and pooling give the
same vector). The memory is bounded and only ever holds exact texts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.encoder import DIMENSIONS, load_encoder

REMEMBERED_TEXTS = 20_000  # about 30 MB of vectors; forgotten all at once when full

_remembered: dict[str, np.ndarray] = {}


def remember(texts: Sequence[str], vectors: np.ndarray) -> None:
    """Keep unit-length vectors of these texts computed elsewhere with the same encoder, for `embed` to reuse."""
    if len(_remembered) + len(texts) > REMEMBERED_TEXTS:
        _remembered.clear()
    for text, vector in zip(texts, vectors, strict=True):
        _remembered[text] = vector


def forget() -> None:
    """Drop every remembered vector (benchmarks time the encoder alone this way)."""
    _remembered.clear()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of the texts, one row each (float32)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    missing = list(dict.fromkeys(text for text in texts if text not in _remembered))
    fresh = dict(zip(missing, load_encoder().embed(missing), strict=True)) if missing else {}
    return np.stack([fresh[text] if text in fresh else _remembered[text] for text in texts]).astype(np.float32, copy=False)
