"""Media bias per sentence, and the loaded words that carry it: linear heads over one MiniLM pass.

`assess_sentences` runs the shipped sentence encoder (all-MiniLM-L6-v2, see
`newsprism.encoder`) once over a batch of sentences and reads
three small linear models off its hidden states:

* a word head: for every word (a \\w+ run, hyphenated words kept whole) the
  probability that it is a loaded word, from the mean of its wordpieces'
  vectors in layers 3 and 5 plus a few surface features;
* a sentence head: a logistic regression over the mean-pooled layers 3 and 6;
* a stacker: combines the sentence head with the strongest loaded words of
  the sentence into the final score (a sentence is biased mostly because of
  a few words, which a mean-pooled vector dilutes).

The weights (`bias_model.npz`, ~7 kB, plus `bias_model.json` with the
thresholds and training figures) were fitted on BABE by
`scripts/train_bias_model.py`; `bench/bias_quality.py` measures them by
cross-validation.

Known limits: trained on English news sentences about US politics (BABE),
so "biased" means what BABE's expert annotators meant there; a sentence
longer than the encoder's 256 wordpieces is judged on its first 256 and
its later words get no probability; quoted speech is not told apart from
the outlet's own voice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.encoder import BATCH_SIZE, DIMENSIONS, Encoder, mean_pool, normalize
from newsprism.errors import ConfigurationError

WEIGHTS_FILE = "bias_model.npz"
META_FILE = "bias_model.json"
FORMAT_VERSION = 1
REGENERATE = "python scripts/train_bias_model.py"

WORD = re.compile(r"\w+(?:-\w+)*")
# Hidden-state indices (0 = embeddings, 6 = last layer). Middle layers carry more lexical
# and affective information than the last one, which all-MiniLM tuned for topic similarity;
# in cross-validation they beat the last layer alone for both heads.
SENTENCE_LAYERS = (3, 6)
WORD_LAYERS = (3, 5)
SURFACE_FEATURES = 5
WORD_FEATURES = len(WORD_LAYERS) * DIMENSIONS + SURFACE_FEATURES
SENTENCE_FEATURES = len(SENTENCE_LAYERS) * DIMENSIONS
# What a sentence without any word (only punctuation, or empty) looks like to the stacker.
NO_WORD_PROBABILITY = 1e-3


@dataclass(frozen=True)
class LoadedWord:
    """A loaded word or phrase (adjacent loaded words merged): character offsets into its sentence."""

    start: int
    end: int
    probability: float


@dataclass(frozen=True)
class SentenceBias:
    """`score` is the probability that the sentence is biased; `biased` is score >= the shipped threshold."""

    score: float
    biased: bool
    words: tuple[LoadedWord, ...]


@dataclass(frozen=True)
class Encoded:
    """What one encoder pass over some sentences gives both heads (used by training too, so they cannot drift)."""

    sentence_vectors: np.ndarray  # (n, 384) unit-length mean-pooled last layer: the same vectors as Encoder.embed
    sentence_features: np.ndarray  # (n, SENTENCE_FEATURES)
    word_spans: list[list[tuple[int, int]]]  # per sentence: (start, end) of each encoded word
    word_features: list[np.ndarray]  # per sentence: (words, WORD_FEATURES)

    def rows(self, start: int, stop: int) -> Encoded:
        """The encoding of texts start..stop, in arrays of their own: the heads then compute on them exactly what they
        compute for those texts encoded alone (a matrix product over more rows may round differently)."""
        return Encoded(self.sentence_vectors[start:stop].copy(), self.sentence_features[start:stop].copy(),
                       self.word_spans[start:stop], self.word_features[start:stop])


@dataclass(frozen=True)
class LinearHead:
    """A logistic regression with its feature standardisation folded into the weights."""

    coef: np.ndarray
    intercept: float

    def logit(self, features: np.ndarray) -> np.ndarray:
        return np.asarray(features @ self.coef + self.intercept, dtype=np.float64)


@dataclass(frozen=True)
class BiasModel:
    """The three heads and the two thresholds chosen by cross-validation when the weights were fitted."""

    sentence_head: LinearHead
    word_head: LinearHead
    stack_head: LinearHead
    threshold: float
    word_threshold: float

    def word_probabilities(self, encoded: Encoded) -> list[np.ndarray]:
        return [sigmoid(self.word_head.logit(features)) for features in encoded.word_features]

    def scores(self, encoded: Encoded, word_probabilities: list[np.ndarray]) -> np.ndarray:
        sentence_logits = self.sentence_head.logit(encoded.sentence_features)
        return sigmoid(self.stack_head.logit(stack_features(sentence_logits, word_probabilities)))


def sigmoid(logits: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0))), dtype=np.float64)


def logit_of(probabilities: np.ndarray) -> np.ndarray:
    clipped = np.clip(probabilities, 1e-4, 1 - 1e-4)
    return np.asarray(np.log(clipped / (1 - clipped)), dtype=np.float64)


def stack_features(sentence_logits: np.ndarray, word_probabilities: list[np.ndarray]) -> np.ndarray:
    """Stacker input per sentence: sentence-head logit, strongest word, mean of the two strongest, log total mass."""
    rows = []
    for logit, probabilities in zip(sentence_logits, word_probabilities, strict=True):
        ranked = np.sort(probabilities)[::-1] if len(probabilities) else np.array([NO_WORD_PROBABILITY])
        rows.append([logit, logit_of(ranked[:1])[0], logit_of(ranked[:2].mean(keepdims=True))[0], np.log(ranked.sum() + 1e-3)])
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), 4)


def surface_features(text: str, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Cheap cues the contextual vector under-weights: names (capitalised) and numbers are rarely loaded."""
    rows = []
    for index, (start, end) in enumerate(spans):
        word = text[start:end]
        rows.append([word[0].isupper(), word.isdigit(), len(word) / 10, "-" in word, index == 0])
    return np.asarray(rows, dtype=np.float32).reshape(len(rows), SURFACE_FEATURES)


def encode(encoder: Encoder, texts: Sequence[str]) -> Encoded:
    """One forward pass of the encoder over the texts: sentence vectors and per-word features."""
    count = len(texts)
    sentence_vectors = np.zeros((count, DIMENSIONS), dtype=np.float32)
    sentence_features = np.zeros((count, SENTENCE_FEATURES), dtype=np.float32)
    word_spans: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    word_features: list[np.ndarray] = [np.zeros((0, WORD_FEATURES), dtype=np.float32) for _ in range(count)]
    for batch, tokens in encoder.batches(texts, BATCH_SIZE):
        hidden = encoder.hidden_states(tokens)
        pooled = {layer: mean_pool(hidden[layer], tokens.mask) for layer in {*SENTENCE_LAYERS, len(hidden) - 1}}
        # The normalised mean of the last layer: exactly the vector Encoder.embed gives.
        sentence_vectors[batch] = normalize(pooled[len(hidden) - 1])
        sentence_features[batch] = np.concatenate([pooled[layer] for layer in SENTENCE_LAYERS], axis=1)
        word_states = np.concatenate([hidden[layer] for layer in WORD_LAYERS], axis=2)
        for row, index in enumerate(batch):
            spans, vectors = _word_vectors(texts[index], tokens.offsets[row], word_states[row])
            word_spans[index] = spans
            word_features[index] = np.hstack([vectors, surface_features(texts[index], spans)]).astype(np.float32)
    return Encoded(sentence_vectors, sentence_features, word_spans, word_features)


def _word_vectors(text: str, offsets: np.ndarray, states: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The words of a text that reached the encoder, and the mean of each word's wordpiece vectors."""
    spans = [(match.start(), match.end()) for match in WORD.finditer(text)]
    if not spans:
        return [], np.zeros((0, states.shape[1]), dtype=np.float32)
    starts = np.array([start for start, _ in spans])
    ends = np.array([end for _, end in spans])
    token_starts, token_ends = offsets[:, 0], offsets[:, 1]
    owner = np.searchsorted(starts, token_starts, side="right") - 1
    # Special and padding tokens have empty offsets; punctuation between words belongs to no word.
    inside = (token_ends > token_starts) & (owner >= 0) & (token_starts < ends[np.maximum(owner, 0)])
    tokens = np.flatnonzero(inside)
    if not len(tokens):
        return [], np.zeros((0, states.shape[1]), dtype=np.float32)
    owners = owner[tokens]  # non-decreasing: tokens come in text order
    # A word past the truncation point has no wordpiece, hence no vector: only words owning tokens are kept.
    firsts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    pieces = np.diff(np.r_[firsts, len(tokens)])
    # reduceat rather than a membership-matrix product: many tiny BLAS calls cost far more here.
    vectors = np.add.reduceat(states[tokens], firsts, axis=0) / pieces[:, None]
    return [spans[index] for index in owners[firsts]], vectors


def loaded_words(text: str, spans: Sequence[tuple[int, int]], probabilities: np.ndarray, threshold: float) -> tuple[LoadedWord, ...]:
    """Words at or above the threshold; neighbours separated only by spaces merge into one phrase (at its strongest word's probability)."""
    found: list[LoadedWord] = []
    for (start, end), probability in zip(spans, probabilities, strict=True):
        if probability < threshold:
            continue
        # Only whitespace between them means no unloaded word (nor a comma) separates the two.
        if found and not text[found[-1].end : start].strip():
            previous = found.pop()
            found.append(LoadedWord(previous.start, end, max(previous.probability, float(probability))))
        else:
            found.append(LoadedWord(start, end, float(probability)))
    return tuple(found)


def model_to_arrays(model: BiasModel) -> dict[str, np.ndarray]:
    heads = {"sentence": model.sentence_head, "word": model.word_head, "stack": model.stack_head}
    arrays: dict[str, np.ndarray] = {}
    for name, head in heads.items():
        arrays[f"{name}_coef"] = head.coef.astype(np.float32)
        arrays[f"{name}_intercept"] = np.array([head.intercept], dtype=np.float32)
    return arrays


def save_model(model: BiasModel, directory: Path, meta: dict[str, Any]) -> tuple[Path, Path]:
    """Write the weights and their JSON sidecar (thresholds, layers, training figures) into a directory."""
    weights = directory / WEIGHTS_FILE
    # numpy's stub cannot tell a **dict of arrays from its allow_pickle keyword
    np.savez_compressed(weights, **model_to_arrays(model))  # type: ignore[arg-type]
    sidecar = directory / META_FILE
    meta = {"format": FORMAT_VERSION, "sentence_layers": list(SENTENCE_LAYERS), "word_layers": list(WORD_LAYERS),
            "threshold": model.threshold, "word_threshold": model.word_threshold, **meta}
    sidecar.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return weights, sidecar


def load_model() -> BiasModel:
    """The shipped weights (load them once, through `newsprism.models.Models`).

    Raises ConfigurationError when they are missing, unreadable or from another format.
    """
    package = resources.files("newsprism.annotate")
    try:
        meta = json.loads(package.joinpath(META_FILE).read_text(encoding="utf-8"))
        with package.joinpath(WEIGHTS_FILE).open("rb") as stream, np.load(stream, allow_pickle=False) as weights:
            arrays = {name: np.asarray(weights[name], dtype=np.float64) for name in weights.files}
        model = BiasModel(
            sentence_head=LinearHead(arrays["sentence_coef"], float(arrays["sentence_intercept"][0])),
            word_head=LinearHead(arrays["word_coef"], float(arrays["word_intercept"][0])),
            stack_head=LinearHead(arrays["stack_coef"], float(arrays["stack_intercept"][0])),
            threshold=float(meta["threshold"]),
            word_threshold=float(meta["word_threshold"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        raise ConfigurationError(f"the bias model weights are missing or unreadable ({error}); regenerate them with `{REGENERATE}`") from error
    shapes_ok = (model.sentence_head.coef.shape == (SENTENCE_FEATURES,) and model.word_head.coef.shape == (WORD_FEATURES,)
                 and model.stack_head.coef.shape == (4,))
    if meta.get("format") != FORMAT_VERSION or not shapes_ok:
        raise ConfigurationError(f"the bias model weights do not match this version of newsprism; regenerate them with `{REGENERATE}`")
    return model


def assess_and_embed(
    encoder: Encoder, model: BiasModel, texts: Sequence[str], word_threshold: float | None = None
) -> tuple[list[SentenceBias], np.ndarray]:
    """Bias of each sentence, and its unit-length sentence embedding (the same as `Encoder.embed`), from one encoder pass.

    `word_threshold` overrides the shipped word threshold (chosen for BABE's
    word F1) for a caller that filters the candidates further itself.

    The embeddings are float32, one row per text, so the story layer can reuse
    them instead of encoding the same sentences again. Raises
    ConfigurationError when the encoder or the weights are not installed.
    """
    if not texts:
        return [], np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoded = encode(encoder, texts)
    return assess_encoded(model, texts, encoded, word_threshold), encoded.sentence_vectors


def assess_and_embed_groups(
    encoder: Encoder, model: BiasModel, groups: Sequence[Sequence[str]], word_threshold: float | None = None
) -> list[tuple[list[SentenceBias], np.ndarray]]:
    """`assess_and_embed` for each group of texts (an article's sentences), from one encoder pass over all of them.

    Batching several articles' sentences together pads less than batching each article alone; each group's result is
    bit for bit what `assess_and_embed` gives for that group alone (the encoder's states do not depend on the batch,
    and the heads run on each group's own rows).
    """
    encoded = encode(encoder, [text for group in groups for text in group])
    results = []
    start = 0
    for group in groups:
        rows = encoded.rows(start, start + len(group))
        results.append((assess_encoded(model, group, rows, word_threshold) if group else [], rows.sentence_vectors))
        start += len(group)
    return results


def assess_encoded(model: BiasModel, texts: Sequence[str], encoded: Encoded, word_threshold: float | None = None) -> list[SentenceBias]:
    """Apply a model to already-encoded texts (the benchmark scores fold models this way, exactly as inference does)."""
    word_probabilities = model.word_probabilities(encoded)
    scores = model.scores(encoded, word_probabilities)
    threshold = model.word_threshold if word_threshold is None else word_threshold
    return [
        SentenceBias(float(score), bool(score >= model.threshold), loaded_words(text, spans, probabilities, threshold))
        for text, score, spans, probabilities in zip(texts, scores, encoded.word_spans, word_probabilities, strict=True)
    ]


def assess_sentences(encoder: Encoder, model: BiasModel, texts: Sequence[str]) -> list[SentenceBias]:
    """Bias of each sentence (score, verdict, loaded words with offsets into that sentence); [] for no input."""
    return assess_and_embed(encoder, model, texts)[0]


__all__ = ["BiasModel", "LoadedWord", "SentenceBias", "assess_and_embed", "assess_and_embed_groups", "assess_sentences", "load_model"]
