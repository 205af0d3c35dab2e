"""The shipped media-bias model on invented sentences, and an in-sample smoke floor on BABE when it is present."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from newsprism.annotate import bias
from newsprism.annotate.bias import LoadedWord, SentenceBias, assess_and_embed, assess_sentences, load_model
from newsprism.errors import ConfigurationError
from tests.conftest import MODELS

BABE = Path(__file__).resolve().parents[3] / "shared" / "eval" / "bias"

NEUTRAL = "The council approved the budget on Tuesday."
LOADED = "The corrupt, power-mad council rammed through its bloated budget."
SENTENCES = [
    NEUTRAL,
    LOADED,
    "Officials in Mirrow said the ferry would resume service in March.",
    "These radical extremists are destroying everything decent people built.",
    "",
    "The harbour board, which met for three hours, published its accounts.",
]


def test_shipped_weights_load() -> None:
    model = load_model()
    assert 0.0 < model.threshold < 1.0
    assert 0.0 < model.word_threshold < 1.0


def test_loaded_sentence_scores_above_neutral_one() -> None:
    neutral, loaded = assess_sentences(MODELS.encoder, MODELS.bias, [NEUTRAL, LOADED])
    assert 0.0 <= neutral.score < loaded.score <= 1.0
    assert loaded.biased
    assert not neutral.biased


def test_loaded_words_point_into_the_sentence() -> None:
    (assessed,) = assess_sentences(MODELS.encoder, MODELS.bias, [LOADED])
    assert assessed.words
    for word in assessed.words:
        assert 0 <= word.start < word.end <= len(LOADED)
        assert LOADED[word.start : word.end].strip() == LOADED[word.start : word.end]
        assert 0.0 < word.probability <= 1.0
    found = " ".join(LOADED[word.start : word.end].lower() for word in assessed.words)
    assert any(term in found for term in ("corrupt", "power-mad", "bloated", "rammed"))


def test_empty_input() -> None:
    assert assess_sentences(MODELS.encoder, MODELS.bias, []) == []
    assessed, vectors = assess_and_embed(MODELS.encoder, MODELS.bias, [])
    assert assessed == []
    assert vectors.shape == (0, 384)


def test_batch_equals_one_by_one() -> None:
    batched = assess_sentences(MODELS.encoder, MODELS.bias, SENTENCES)
    for text, together in zip(SENTENCES, batched, strict=True):
        (alone,) = assess_sentences(MODELS.encoder, MODELS.bias, [text])
        # Padding in a batch changes the float arithmetic a little, never the verdict or the words.
        assert alone.score == pytest.approx(together.score, abs=1e-4)
        assert alone.biased == together.biased
        assert [(w.start, w.end) for w in alone.words] == [(w.start, w.end) for w in together.words]


def test_vectors_are_the_encoders_embeddings() -> None:
    assessed, vectors = assess_and_embed(MODELS.encoder, MODELS.bias, SENTENCES)
    assert len(assessed) == len(SENTENCES)
    assert all(isinstance(item, SentenceBias) for item in assessed)
    assert vectors.shape == (len(SENTENCES), 384)
    assert np.allclose(vectors, MODELS.encoder.embed(SENTENCES), atol=1e-4)


def test_text_longer_than_the_encoder_window_is_truncated_safely() -> None:
    long_text = "The corrupt council met again. " * 200
    (assessed,) = assess_sentences(MODELS.encoder, MODELS.bias, [long_text])
    assert 0.0 <= assessed.score <= 1.0
    assert all(isinstance(word, LoadedWord) and word.end <= len(long_text) for word in assessed.words)


@pytest.fixture
def missing_weights(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(bias, "WEIGHTS_FILE", "no_such_bias_model.npz")
    yield


@pytest.mark.usefixtures("missing_weights")
def test_missing_weights_raise_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="train_bias_model.py"):
        load_model()


def test_in_sample_floor_on_babe() -> None:
    """IN-SAMPLE smoke floor: the shipped model was fitted on these sentences (bench/bias_quality.py gives the CV figure)."""
    if not (BABE / "docs.jsonl").is_file():
        pytest.skip("../shared/eval/bias is not present")
    with (BABE / "gold.jsonl").open(encoding="utf-8") as lines:
        labels = {row["id"]: int(row["label"]) for row in map(json.loads, lines)}
    with (BABE / "docs.jsonl").open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line, _ in zip(lines, range(300), strict=False)]
    predicted = [item.biased for item in assess_sentences(MODELS.encoder, MODELS.bias, [doc["text"] for doc in docs])]
    gold = [bool(labels[doc["id"]]) for doc in docs]
    f1 = []
    for cls in (True, False):
        tp = sum(p == g == cls for p, g in zip(predicted, gold, strict=True))
        fp = sum(p == cls != g for p, g in zip(predicted, gold, strict=True))
        fn = sum(g == cls != p for p, g in zip(predicted, gold, strict=True))
        f1.append(2 * tp / (2 * tp + fp + fn))
    assert sum(f1) / 2 >= 0.80
