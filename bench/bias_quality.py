"""Cross-validated quality of the media-bias model on ../shared/eval/bias (BABE), next to two simple peers.

usage: python bench/bias_quality.py [--folds N] [--out PRED.jsonl] [--shipped]

Default: N-fold stratified cross-validation (N = 5, fixed seed) over the dev
sentences. Each fold's model is fitted on the other folds by the training
code of scripts/train_bias_model.py (inner folds choose its stacker and
thresholds), the out-of-fold predictions of all folds are written to one
JSONL file and scored once with the shared scorer. The peers are fitted on
the same folds at threshold 0.5: logistic regression over TF-IDF word
uni+bigrams, and over the MiniLM sentence embeddings (the vectors `Encoder.embed`
gives). Prints macro-F1, Biased P/R/F1, AUC and the scorer's loaded-word
recall/precision, and the ratios of our macro-F1 to the peers'.

--shipped scores the shipped weights on the whole dev set instead. They were
fitted on these very sentences, so that figure is IN-SAMPLE: a smoke check of
the shipped file, not an estimate of quality.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from newsprism.annotate.bias import Encoded, SentenceBias, assess_encoded, encode, load_model
from newsprism.encoder import load_encoder

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = 0


def training_module() -> ModuleType:
    """scripts/train_bias_model.py, so the benchmark fits exactly what the training script ships."""
    spec = importlib.util.spec_from_file_location("train_bias_model", ROOT / "scripts" / "train_bias_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rows_of(texts: list[str], assessed: list[SentenceBias]) -> list[dict[str, Any]]:
    return [{"biased": int(bias.biased), "score": bias.score, "loaded_words": [text[word.start : word.end] for word in bias.words]}
            for text, bias in zip(texts, assessed, strict=True)]


def cross_validate(train: ModuleType, texts: list[str], labels: np.ndarray, targets: list[np.ndarray], encoded: Encoded,
                   folds: list[tuple[np.ndarray, np.ndarray]]) -> dict[str, list[dict[str, Any]]]:
    """Out-of-fold predictions of our model and of the two peers, one row per sentence, in input order."""
    ours: list[dict[str, Any]] = [{} for _ in texts]
    tfidf: list[dict[str, Any]] = [{} for _ in texts]
    minilm: list[dict[str, Any]] = [{} for _ in texts]
    for number, (fit_on, held_out) in enumerate(folds, 1):
        started = time.perf_counter()
        model, _ = train.fit_bias_model(train.subset(encoded, fit_on), labels[fit_on], [targets[i] for i in fit_on])
        held_texts = [texts[i] for i in held_out]
        for index, row in zip(held_out, rows_of(held_texts, assess_encoded(model, held_texts, train.subset(encoded, held_out))), strict=True):
            ours[index] = row
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        peer = LogisticRegression(max_iter=5000).fit(vectorizer.fit_transform([texts[i] for i in fit_on]), labels[fit_on])
        for index, score in zip(held_out, peer.predict_proba(vectorizer.transform(held_texts))[:, 1], strict=True):
            tfidf[index] = {"biased": int(score >= 0.5), "score": float(score)}
        peer = LogisticRegression(max_iter=5000).fit(encoded.sentence_vectors[fit_on], labels[fit_on])
        for index, score in zip(held_out, peer.predict_proba(encoded.sentence_vectors[held_out])[:, 1], strict=True):
            minilm[index] = {"biased": int(score >= 0.5), "score": float(score)}
        print(f"fold {number}/{len(folds)}: fitted on {len(fit_on)}, predicted {len(held_out)} ({time.perf_counter() - started:.0f} s)", flush=True)
    return {"newsprism bias": ours, "TF-IDF LR": tfidf, "MiniLM LR": minilm}


def score_rows(scorer: ModuleType, gold_path: Path, ids: list[str], rows: list[dict[str, Any]], path: Path) -> dict[str, Any]:
    with path.open("w", encoding="utf-8") as out:
        for sentence_id, row in zip(ids, rows, strict=True):
            out.write(json.dumps({"id": sentence_id, **row}) + "\n")
    result: dict[str, Any] = scorer.score(str(gold_path), str(path))
    return result


def line(name: str, result: dict[str, Any]) -> str:
    text = (f"{name:16s} macro-F1 {result['macro_f1']:.3f}  Biased P {result['biased_precision']:.3f} R {result['biased_recall']:.3f} "
            f"F1 {result['biased_f1']:.3f}  AUC {result.get('auc') or 0.0:.3f}")
    if "word_recall" in result:
        text += f"  loaded words R {result['word_recall']:.3f} P {result['word_precision']:.3f} (gold {result['gold_words']})"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, help="also keep our prediction JSONL here")
    parser.add_argument("--shipped", action="store_true", help="score the shipped weights on all dev sentences (in-sample)")
    args = parser.parse_args()

    bias_dir = EVAL / "bias"
    train = training_module()
    ids, texts, labels, gold_words = train.read_bias_dir(bias_dir)
    scorer = load_scorer("bias")
    started = time.perf_counter()
    encoded = encode(load_encoder(), texts)
    print(f"{len(texts)} sentences ({int(labels.sum())} biased), encoded in {time.perf_counter() - started:.0f} s")
    with tempfile.TemporaryDirectory() as temporary:
        if args.shipped:
            rows = rows_of(texts, assess_encoded(load_model(), texts, encoded))
            result = score_rows(scorer, bias_dir / "gold.jsonl", ids, rows, args.out or Path(temporary) / "shipped.jsonl")
            print("shipped weights on the sentences they were fitted on — IN-SAMPLE, not a quality estimate:")
            print(line("newsprism bias", result))
            return
        targets = [train.word_labels(text, spans, words) for text, spans, words in zip(texts, encoded.word_spans, gold_words, strict=True)]
        splitter = StratifiedKFold(args.folds, shuffle=True, random_state=SEED)
        folds = list(splitter.split(np.zeros(len(labels)), labels))
        predictions = cross_validate(train, texts, labels, targets, encoded, folds)
        results = {}
        for name, rows in predictions.items():
            path = args.out if args.out and name == "newsprism bias" else Path(temporary) / f"{name.replace(' ', '_')}.jsonl"
            results[name] = score_rows(scorer, bias_dir / "gold.jsonl", ids, rows, path)
    print(f"\n{args.folds}-fold stratified cross-validation (seed {SEED}), out-of-fold predictions scored once by score_bias.py:")
    for name, result in results.items():
        print(line(name, result))
    ours = results["newsprism bias"]["macro_f1"]
    print("macro-F1 ratio: " + "  ".join(f"vs {name} {ours / results[name]['macro_f1']:.3f}" for name in ("TF-IDF LR", "MiniLM LR")))


if __name__ == "__main__":
    main()
