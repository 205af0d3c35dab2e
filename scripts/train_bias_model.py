"""Fit the shipped media-bias model (src/newsprism/annotate/bias_model.npz + .json) on BABE.

usage: python scripts/train_bias_model.py [BIAS_DIR] [--out DIR]

BIAS_DIR holds docs.jsonl ({id, text, ...}) and gold.jsonl ({id, label, biased_words});
it defaults to ../shared/eval/bias next to the repository. Only the sentence text is
read from docs.jsonl: outlet and topic are never features, so a sentence's bias
comes from its words alone.

The features come from `newsprism.annotate.bias.encode`, the function inference
uses, so training and inference cannot drift. The fit is deterministic (fixed
fold seeds, lbfgs). `fit_bias_model` is also what bench/bias_quality.py runs
inside each cross-validation fold: every threshold and the stacker are chosen
on inner folds of the training sentences only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from newsprism.annotate.bias import BiasModel, Encoded, LinearHead, encode, save_model, stack_features
from newsprism.encoder import load_encoder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BIAS_DIR = ROOT.parent / "shared" / "eval" / "bias"
PACKAGE_DIR = ROOT / "src" / "newsprism" / "annotate"

SEED = 0
INNER_FOLDS = 5
# Strong L2 (small C): 768 standardised dimensions against ~2,400 sentences; chosen by CV among 0.001-0.1.
SENTENCE_C = 0.003
WORD_C = 0.003
STACK_C = 1.0
TOKEN = re.compile(r"\w+")


def read_bias_dir(bias_dir: Path) -> tuple[list[str], list[str], np.ndarray, list[list[str]]]:
    """Ids, texts, labels (1 = biased) and gold loaded words of the sentences in both files, in docs order."""
    with (bias_dir / "gold.jsonl").open(encoding="utf-8") as lines:
        gold = {row["id"]: row for row in (json.loads(line) for line in lines if line.strip())}
    with (bias_dir / "docs.jsonl").open(encoding="utf-8") as lines:
        docs = [row for row in (json.loads(line) for line in lines if line.strip()) if row["id"] in gold]
    labels = np.array([int(gold[doc["id"]]["label"]) for doc in docs])
    return [doc["id"] for doc in docs], [doc["text"] for doc in docs], labels, [list(gold[doc["id"]]["biased_words"] or []) for doc in docs]


def word_labels(text: str, spans: Sequence[tuple[int, int]], gold_words: Sequence[str]) -> np.ndarray:
    """1 for each word that lies in an occurrence of a gold loaded word/phrase (matched on lower-cased \\w+ tokens, as the scorer does)."""
    tokens = [(match.start(), match.end(), match.group().lower()) for match in TOKEN.finditer(text)]
    sequence = [token for _, _, token in tokens]
    marked: list[tuple[int, int]] = []
    for phrase in gold_words:
        wanted = [token.lower() for token in TOKEN.findall(phrase)]
        for first in range(len(sequence) - len(wanted) + 1) if wanted else ():
            if sequence[first : first + len(wanted)] == wanted:
                marked.extend((start, end) for start, end, _ in tokens[first : first + len(wanted)])
    return np.array([int(any(start <= s and e <= end for s, e in marked)) for start, end in spans], dtype=np.int64)


def subset(encoded: Encoded, indices: Sequence[int] | np.ndarray) -> Encoded:
    return Encoded(encoded.sentence_vectors[indices], encoded.sentence_features[indices],
                   [encoded.word_spans[i] for i in indices], [encoded.word_features[i] for i in indices])


def fit_head(features: np.ndarray, labels: np.ndarray, c: float) -> LinearHead:
    """Standardise, fit an L2 logistic regression, and fold the standardisation into its weights."""
    scaler = StandardScaler().fit(features)
    regression = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(features), labels)
    coef = regression.coef_[0] / scaler.scale_
    return LinearHead(coef, float(regression.intercept_[0] - coef @ scaler.mean_))


def fit_heads(encoded: Encoded, labels: np.ndarray, word_targets: list[np.ndarray]) -> tuple[LinearHead, LinearHead]:
    sentence_head = fit_head(encoded.sentence_features, labels, SENTENCE_C)
    word_head = fit_head(np.vstack(encoded.word_features), np.concatenate(word_targets), WORD_C)
    return sentence_head, word_head


def best_threshold(labels: np.ndarray, scores: np.ndarray, metric: str) -> float:
    """The threshold on a 0.01 grid that maximises macro-F1 (sentences) or F1 of the positive class (words)."""
    grid = np.round(np.arange(0.10, 0.91, 0.01), 2)
    average = "macro" if metric == "macro" else "binary"
    values = [f1_score(labels, scores >= threshold, average=average) for threshold in grid]
    return float(grid[int(np.argmax(values))])


def fit_bias_model(encoded: Encoded, labels: np.ndarray, word_targets: list[np.ndarray], log: bool = False) -> tuple[BiasModel, dict[str, Any]]:
    """Fit both heads, the stacker and the two thresholds on these sentences only.

    The stacker must learn from sentence logits and word probabilities of
    sentences the heads did not see, so they come from inner folds; the final
    heads are then refitted on all the sentences. Returns the model and the
    inner cross-validation figures (an honest estimate, made on the training
    sentences alone).
    """
    count = len(labels)
    sentence_logits = np.zeros(count)
    word_probabilities: list[np.ndarray] = [np.zeros(0)] * count
    inner = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=SEED + 1)
    for fold, (train, held_out) in enumerate(inner.split(np.zeros(count), labels)):
        started = time.perf_counter()
        sentence_head, word_head = fit_heads(subset(encoded, train), labels[train], [word_targets[i] for i in train])
        probe = BiasModel(sentence_head, word_head, LinearHead(np.zeros(4), 0.0), 0.5, 0.5)
        sentence_logits[held_out] = sentence_head.logit(encoded.sentence_features[held_out])
        for index, probabilities in zip(held_out, probe.word_probabilities(subset(encoded, held_out)), strict=True):
            word_probabilities[index] = probabilities
        if log:
            print(f"  inner fold {fold + 1}/{INNER_FOLDS} fitted in {time.perf_counter() - started:.1f} s", flush=True)
    stacked = stack_features(sentence_logits, word_probabilities)
    # The stacker's own threshold is chosen on its out-of-fold predictions too.
    stack_scores = np.zeros(count)
    for train, held_out in StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=SEED + 2).split(stacked, labels):
        regression = LogisticRegression(C=STACK_C, max_iter=1000).fit(stacked[train], labels[train])
        stack_scores[held_out] = regression.predict_proba(stacked[held_out])[:, 1]
    threshold = best_threshold(labels, stack_scores, "macro")
    all_words, all_targets = np.concatenate(word_probabilities), np.concatenate(word_targets)
    word_threshold = best_threshold(all_targets, all_words, "binary")
    stacker = LogisticRegression(C=STACK_C, max_iter=1000).fit(stacked, labels)
    sentence_head, word_head = fit_heads(encoded, labels, word_targets)
    model = BiasModel(sentence_head, word_head, LinearHead(stacker.coef_[0], float(stacker.intercept_[0])), threshold, word_threshold)
    predicted = all_words >= word_threshold
    figures = {
        "sentences": count,
        "macro_f1": round(float(f1_score(labels, stack_scores >= threshold, average="macro")), 4),
        "auc": round(float(roc_auc_score(labels, stack_scores)), 4),
        "sentence_head_auc": round(float(roc_auc_score(labels, sentence_logits)), 4),
        "word_precision": round(float(all_targets[predicted].mean()) if predicted.any() else 0.0, 4),
        "word_recall": round(float(predicted[all_targets == 1].mean()), 4),
    }
    return model, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bias_dir", nargs="?", type=Path, default=DEFAULT_BIAS_DIR, help="folder with docs.jsonl and gold.jsonl")
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR, help="where to write bias_model.npz/.json (default: the package)")
    args = parser.parse_args()
    if not (args.bias_dir / "docs.jsonl").is_file():
        sys.exit(f"no docs.jsonl in {args.bias_dir}")

    _, texts, labels, gold_words = read_bias_dir(args.bias_dir)
    print(f"{len(texts)} sentences ({int(labels.sum())} biased) from {args.bias_dir}")
    started = time.perf_counter()
    encoded = encode(load_encoder(), texts)
    targets = [word_labels(text, spans, words) for text, spans, words in zip(texts, encoded.word_spans, gold_words, strict=True)]
    words = sum(len(spans) for spans in encoded.word_spans)
    print(f"encoded in {time.perf_counter() - started:.1f} s: {words} words, {int(sum(t.sum() for t in targets))} of them loaded")
    started = time.perf_counter()
    model, figures = fit_bias_model(encoded, labels, targets, log=True)
    print(f"fitted in {time.perf_counter() - started:.1f} s; sentence threshold {model.threshold:.2f}, word threshold {model.word_threshold:.2f}")
    print("inner 5-fold CV on the training sentences (per-word P/R, not the scorer's phrase matching): "
          + "  ".join(f"{key} {value}" for key, value in figures.items()))
    meta = {"trained_on": "BABE SG2 dev sentences (../shared/eval/bias)", "inner_cv": figures,
            "heads": {"sentence_c": SENTENCE_C, "word_c": WORD_C, "stack_c": STACK_C, "seed": SEED}}
    args.out.mkdir(parents=True, exist_ok=True)
    for path in save_model(model, args.out, meta):
        print(f"wrote {path} ({path.stat().st_size / 1024:.1f} kB)")


if __name__ == "__main__":
    main()
