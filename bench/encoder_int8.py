"""The int8 sentence encoders tried, measured against the float graph: speed, drift and independence from the batch.

Not adopted (README, speed section): every variant runs the encoder faster, but its small drift flips borderline
claim decisions on the dev stories (`bench/stories_quality.py`, run with the variant's graph), in both directions
and from one numerically equivalent build to the next. This script rebuilds the variants from this installation's
float graph (`newsprism.encoder.graph_path`) in a scratch folder, so the figures can be checked again:

* dynamic: ONNX Runtime's `quantize_dynamic`, int8 weights per output channel, each activation tensor scaled by
  its own range, so a sentence's vector depends on the sentences batched with it (and on their padding);
* per-token: the same weights, but every row of an activation (one token) gets its own symmetric scale (zero
  point 128), so a sentence's vector is the same alone and in any batch; the kernels are QuantizeLinear per axis
  and com.microsoft MatMulIntegerToFloat, times the rows' scales;
* smoothed per-token: first each weight matrix's input channels are rescaled (SmoothQuant: the activation divided
  by s_j = max|x_j|^alpha / max|W_j|^(1 - alpha), the weight's row multiplied by it; exact in float, with s from
  the sentences of the last `--calibrate` articles), so the outlier channels no longer set a token's scale.

Texts: the spaCy sentences of the first `--articles` PolNeAR dev articles (../shared/eval/quotes), encoded one
article at a time in batches of 16 sorted by length, as the bias pass does. The graphs run with the session
options `Encoder` uses, one intra-op thread (`--threads`), basic graph optimisation for the rewritten graphs
(ONNX Runtime's extended fusions assume one scale per tensor and compute wrong vectors on them).

    .venv/bin/python bench/encoder_int8.py [--articles 20] [--calibrate 50] [--alpha 0.5] [--threads 1]
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper

from newsprism.encoder import Encoder, graph_path, model_directory
from newsprism.models import Models

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, read_jsonl  # noqa: E402

BATCH = 16  # the bias pass's batch size (newsprism.encoder.BATCH_SIZE)
PAIRS = 20_000  # random sentence pairs whose cosine drift is summarised
SYMMETRIC_LEVELS = 127.0  # per-token codes: 128 + round(x / scale), scale = max|x| / 127


def sentences(articles: list[str]) -> list[list[str]]:
    nlp = Models().nlp
    return [[sentence.text.strip() for sentence in doc.sents if sentence.text.strip()] for doc in nlp.pipe(articles)]


def session(graph: Path, threads: int, basic: bool) -> onnxruntime.InferenceSession:
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.intra_op_num_threads = threads
    if basic:
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    return onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])


def encode(encoder: Encoder, articles: list[list[str]], batch: int) -> tuple[float, np.ndarray]:
    """Seconds and vectors (one row per sentence, articles in order), one article's sentences at a time."""
    started = time.perf_counter()
    vectors = [encoder.embed(texts, batch_size=batch) for texts in articles]
    return time.perf_counter() - started, np.concatenate(vectors)


def weight_inputs(model: onnx.ModelProto) -> dict[str, list[onnx.NodeProto]]:
    """Each tensor that feeds MatMuls by a constant weight, with those MatMuls (query, key and value share one)."""
    weights = {initializer.name for initializer in model.graph.initializer}
    groups: dict[str, list[onnx.NodeProto]] = collections.defaultdict(list)
    for node in model.graph.node:
        if node.op_type == "MatMul" and node.input[1] in weights:
            groups[node.input[0]].append(node)
    return groups


def smooth(source: Path, target: Path, encoder: Encoder, calibration: list[str], alpha: float) -> None:
    """SmoothQuant's per-channel rescaling of the float graph (exact in float)."""
    model = onnx.load(str(source))
    groups = weight_inputs(model)
    probe = onnx.load(str(source))
    probe.graph.output.extend(helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in groups)
    probe_path = target.with_suffix(".probe.onnx")
    onnx.save(probe, str(probe_path))
    runner = session(probe_path, 0, basic=False)
    names = [output.name for output in runner.get_outputs()]
    largest = {name: np.zeros(1, dtype=np.float32) for name in groups}
    for begin in range(0, len(calibration), BATCH):
        tokens = encoder.tokenize(calibration[begin : begin + BATCH])
        outputs = dict(zip(names, runner.run(None, {"input_ids": tokens.ids, "attention_mask": tokens.mask}), strict=True))
        real = tokens.mask.astype(bool)
        for name in groups:
            largest[name] = np.maximum(largest[name], np.abs(outputs[name][real]).max(0))
    weights = {initializer.name: initializer for initializer in model.graph.initializer}
    nodes = list(model.graph.node)
    for name, matmuls in groups.items():
        weight_largest = np.max([np.abs(numpy_helper.to_array(weights[node.input[1]])).max(1) for node in matmuls], axis=0)
        factor = (np.maximum(largest[name], 1e-5) ** alpha / np.maximum(weight_largest, 1e-5) ** (1 - alpha)).astype(np.float32)
        model.graph.initializer.append(numpy_helper.from_array(1 / factor, f"{name}_smooth"))
        for node in matmuls:
            node.input[0] = f"{name}_smoothed"
            weight = numpy_helper.to_array(weights[node.input[1]])
            weights[node.input[1]].CopyFrom(numpy_helper.from_array((weight * factor[:, None]).astype(np.float32), node.input[1]))
        producer = next((index for index, node in enumerate(nodes) if name in node.output), -1)
        nodes.insert(producer + 1, helper.make_node("Mul", [name, f"{name}_smooth"], [f"{name}_smoothed"]))
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    onnx.save(model, str(target))


def quantize(source: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), per_channel=True, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"])


def per_token(source: Path, target: Path) -> None:
    """Rewrite a `quantize_dynamic` graph: each DynamicQuantizeLinear (one scale per tensor) becomes one scale per row."""
    model = onnx.load(str(source))
    graph = model.graph
    weights = {initializer.name: initializer for initializer in graph.initializer}
    graph.initializer.extend([
        numpy_helper.from_array(np.array(SYMMETRIC_LEVELS, dtype=np.float32), "pt_levels"),
        numpy_helper.from_array(np.array(1e-8, dtype=np.float32), "pt_epsilon"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "pt_one"),
        numpy_helper.from_array(np.array(128, dtype=np.uint8), "pt_zero_point"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "pt_flat"),
    ])
    consumers: dict[str, list[onnx.NodeProto]] = collections.defaultdict(list)
    producers: dict[str, onnx.NodeProto] = {}
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)
        for name in node.output:
            producers[name] = node
    width = {node.input[0]: numpy_helper.to_array(weights[node.input[1]]).shape[0] for node in graph.node if node.op_type == "MatMulInteger"}
    dropped: set[int] = set()
    nodes: list[onnx.NodeProto] = []
    for number, node in enumerate(graph.node):
        if node.op_type == "DynamicQuantizeLinear":
            x, (codes, scale, _) = node.input[0], node.output
            prefix = f"pt{number}_"
            graph.initializer.append(numpy_helper.from_array(np.array([-1, width[codes]], dtype=np.int64), prefix + "rows"))
            nodes += [
                helper.make_node("ReduceMax", [x], [prefix + "high"], axes=[-1], keepdims=1),
                helper.make_node("ReduceMin", [x], [prefix + "low"], axes=[-1], keepdims=1),
                helper.make_node("Neg", [prefix + "low"], [prefix + "minus_low"]),
                helper.make_node("Max", [prefix + "high", prefix + "minus_low", "pt_epsilon"], [prefix + "largest"]),
                helper.make_node("Div", [prefix + "largest", "pt_levels"], [scale]),
                helper.make_node("Reshape", [scale, "pt_flat"], [prefix + "scales"]),
                helper.make_node("Shape", [prefix + "scales"], [prefix + "count"]),
                helper.make_node("ConstantOfShape", [prefix + "count"], [prefix + "zero_points"],
                                 value=numpy_helper.from_array(np.array([128], dtype=np.uint8))),
                helper.make_node("Reshape", [x, prefix + "rows"], [prefix + "matrix"]),
                helper.make_node("QuantizeLinear", [prefix + "matrix", prefix + "scales", prefix + "zero_points"], [prefix + "codes"], axis=0),
                helper.make_node("Shape", [x], [prefix + "shape"]),
                helper.make_node("Reshape", [prefix + "codes", prefix + "shape"], [codes]),
            ]
        elif node.op_type == "MatMulInteger":
            (cast,) = consumers[node.output[0]]
            (rescale,) = consumers[cast.output[0]]
            product = producers[next(name for name in rescale.input if name != cast.output[0])]
            weight_scale = next(name for name in product.input if name in weights)
            row_scale = next(name for name in product.input if name not in weights)
            dropped.update({id(cast), id(rescale), id(product)})
            nodes += [
                helper.make_node("MatMulIntegerToFloat", [node.input[0], node.input[1], "pt_one", weight_scale, "pt_zero_point", node.input[3]],
                                 [node.output[0] + "_float"], domain="com.microsoft"),
                helper.make_node("Mul", [node.output[0] + "_float", row_scale], [rescale.output[0]]),
            ]
        else:
            nodes.append(node)
    del graph.node[:]
    graph.node.extend(node for node in nodes if id(node) not in dropped)
    model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, str(target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--calibrate", type=int, default=50, help="the last N of the dev articles set the smoothing factors")
    parser.add_argument("--alpha", type=float, default=0.5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    records = read_jsonl(EVAL / "quotes" / "docs.jsonl")
    articles = sentences([record["text"] for record in records[: args.articles]])
    calibration = [text for texts in sentences([record["text"] for record in records[-args.calibrate :]]) for text in texts]
    encoder = Encoder(graph_path(), model_directory())
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        quantize(graph_path(), folder / "dynamic.onnx")
        per_token(folder / "dynamic.onnx", folder / "per-token.onnx")
        smooth(graph_path(), folder / "smoothed.onnx", encoder, calibration, args.alpha)
        quantize(folder / "smoothed.onnx", folder / "smoothed-dynamic.onnx")
        per_token(folder / "smoothed-dynamic.onnx", folder / "smoothed-per-token.onnx")
        variants = {
            "float (as shipped)": (graph_path(), False),
            "dynamic int8": (folder / "dynamic.onnx", False),
            "per-token int8": (folder / "per-token.onnx", True),
            f"smoothed (alpha {args.alpha}) per-token int8": (folder / "smoothed-per-token.onnx", True),
        }
        count = sum(len(texts) for texts in articles)
        print(f"{count} sentences of {len(articles)} articles, batches of {BATCH}, {args.threads} thread(s)")
        reference: np.ndarray | None = None
        rng = np.random.default_rng(0)
        first, second = rng.integers(0, count, PAIRS), rng.integers(0, count, PAIRS)
        for name, (graph, basic) in variants.items():
            encoder.session = session(graph, args.threads, basic)
            encode(encoder, articles[:2], BATCH)  # warm-up
            seconds, vectors = encode(encoder, articles, BATCH)
            _, alone = encode(encoder, articles, 1)
            reference = vectors if reference is None else reference
            cosines = (vectors * reference).sum(1)
            drift = np.abs((reference[first] * reference[second]).sum(1) - (vectors[first] * vectors[second]).sum(1))
            print(f"{name:36s} {seconds:6.2f} s  cosine to float mean {cosines.mean():.4f} min {cosines.min():.4f}; "
                  f"pair cosine drift mean {drift.mean():.4f} p99 {np.percentile(drift, 99):.4f} max {drift.max():.4f}; "
                  f"alone vs batched: largest difference {np.abs(alone - vectors).max():.1e}")


if __name__ == "__main__":
    main()
