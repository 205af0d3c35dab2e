"""What the per-article layer would cost with a cheaper encoder for the bias verdicts and float vectors kept only for
the lede (issue 22's architecture lever): CPU seconds per part, and the annotate_speed ratio each variant implies.

Not adopted; this measures. The parts, over the first `--articles` PolNeAR dev articles (../shared/eval/quotes), one
process, one intra-op thread, CPU time (`time.process_time`, so other load on a shared machine does not count):

* spaCy: `nlp.pipe` over the bodies (the peer of bench/annotate_speed.py, and the layer's own parse);
* the annotators: entities, quotes, times, framing with the verdicts given, the kept parse, the language check;
* each encoder variant over every assessed sentence, articles pooled `--pool` at a time and batched 16 by wordpieces
  (as the bias thread does): float as shipped; the float graph cut after layer `--layers` (the bias heads would have
  to be refitted on the layers left); the smoothed per-token int8 graph of bench/encoder_int8.py, whole and cut;
* float vectors for the first `--lede` sentences of each article only (what clustering reads at prepare time).

The implied ratio is spaCy / (spaCy + annotators + bias encoder [+ float lede]): the layer's parts share two cores with
the spaCy workers, so on a busy machine its throughput follows its total CPU time (today's float figures give 0.33,
bench/annotate_speed.py measured 0.25-0.48 in the same session). Limits: the int8 graphs are rebuilt here with
calibration on the last `--calibrate` articles; the ratio ignores the hand-over of parses between processes, which the
peer pays too; a variant's quality is not measured here (bench/bias_quality.py, bench/stories_quality.py).

    .venv/bin/python bench/encoder_split.py [--articles 60] [--pool 8] [--layers 4] [--lede 3] [--calibrate 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import onnx
from onnx.utils import Extractor

from newsprism.annotate import annotate_facts, in_english
from newsprism.annotate.bias import NO_WORD_PROBABILITY, SentenceBias
from newsprism.annotate.framing import actor_labels, assessed_texts, frame_article
from newsprism.encoder import LAYERS, Encoder, graph_path, model_directory
from newsprism.model import Article
from newsprism.models import Models
from newsprism.prepared import pack_parse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from encoder_int8 import per_token, quantize, session, smooth  # noqa: E402
from evaldata import EVAL, read_jsonl  # noqa: E402

BATCH = 16


def cut(source: Path, target: Path, layers: int) -> None:
    """The graph with only the hidden states 0..layers as outputs, and only the nodes they need."""
    model = onnx.load(str(source))
    kept = Extractor(model).extract_model(["input_ids", "attention_mask"], [f"hidden_{layer}" for layer in range(layers + 1)])
    onnx.save(kept, str(target))


def cpu(function: Callable[[], object], rounds: int = 2) -> float:
    """The least CPU time of `rounds` calls."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        function()
        best = min(best, time.process_time() - started)
    return best


def run_encoder(encoder: Encoder, groups: list[list[str]], pool: int) -> None:
    for begin in range(0, len(groups), pool):
        texts = [text for group in groups[begin : begin + pool] for text in group]
        for _, tokens in encoder.batches(texts, BATCH):
            encoder.hidden_states(tokens)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--pool", type=int, default=8)
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--lede", type=int, default=3)
    parser.add_argument("--calibrate", type=int, default=50)
    parser.add_argument("--alpha", type=float, default=0.5)
    args = parser.parse_args()
    records = read_jsonl(EVAL / "quotes" / "docs.jsonl")
    chosen = records[: args.articles]
    models = Models()
    nlp = models.nlp
    bodies = [record["text"] for record in chosen]
    spacy_seconds = cpu(lambda: list(nlp.pipe(bodies, batch_size=8)))

    docs = list(nlp.pipe(bodies, batch_size=8))
    articles = [Article(id=record["id"], source=record["id"], body=record["text"],
                        published=dt.date.fromisoformat(record["published"]) if record.get("published") else None) for record in chosen]

    def annotators() -> None:
        for article, doc in zip(articles, docs, strict=True):
            in_english(article, models)
            spans, _ = annotate_facts(article, doc)
            verdicts = [SentenceBias(NO_WORD_PROBABILITY, False, ()) for _ in assessed_texts(article, spans)]
            article.framing = frame_article(models, article, doc, spans, verdicts)
            actor_labels(article, doc)
            pack_parse(doc)

    annotator_seconds = cpu(annotators)
    groups = [assessed_texts(article, annotate_facts(article, doc)[0]) for article, doc in zip(articles, docs, strict=True)]
    ledes = [group[: args.lede] for group in groups]
    calibration = [text for doc in nlp.pipe(record["text"] for record in records[-args.calibrate :]) for text in
                   (sentence.text.strip() for sentence in doc.sents) if text]
    encoder = Encoder(graph_path(), model_directory())
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        cut(graph_path(), folder / "float-cut.onnx", args.layers)
        smooth(graph_path(), folder / "smoothed.onnx", encoder, calibration, args.alpha)
        quantize(folder / "smoothed.onnx", folder / "smoothed-dynamic.onnx")
        per_token(folder / "smoothed-dynamic.onnx", folder / "int8.onnx")
        cut(folder / "int8.onnx", folder / "int8-cut.onnx", args.layers)
        variants = {
            f"float, {LAYERS - 1} layers (as shipped)": (graph_path(), False),
            f"float, {args.layers} layers": (folder / "float-cut.onnx", False),
            f"smoothed per-token int8, {LAYERS - 1} layers": (folder / "int8.onnx", True),
            f"smoothed per-token int8, {args.layers} layers": (folder / "int8-cut.onnx", True),
        }
        for name, (graph, basic) in variants.items():
            encoder.session = session(graph, 1, basic)
            run_encoder(encoder, groups[:2], args.pool)  # warm-up
            seconds[name] = cpu(lambda: run_encoder(encoder, groups, args.pool))
        encoder.session = session(graph_path(), 1, False)
        lede_seconds = cpu(lambda: run_encoder(encoder, ledes, args.pool))
    count = sum(len(group) for group in groups)
    print(f"{args.articles} articles, {count} assessed sentences, pooled {args.pool} articles, batches of {BATCH}; CPU seconds, one thread")
    print(f"spaCy pipeline                         {spacy_seconds:6.2f}")
    print(f"annotators, framing, kept parse        {annotator_seconds:6.2f}")
    print(f"float lede vectors ({args.lede} sentences/article)   {lede_seconds:6.2f}")
    base = spacy_seconds + annotator_seconds
    for name, value in seconds.items():
        shipped = name.endswith("(as shipped)")
        implied = spacy_seconds / (base + value) if shipped else spacy_seconds / (base + value + lede_seconds)
        print(f"{name:38s} {value:6.2f}  implied ratio {implied:.2f}{'' if shipped else ' (with the float lede)'}")


if __name__ == "__main__":
    main()
