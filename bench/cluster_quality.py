"""Stories and near-duplicates on the dev sets, against TF-IDF + average-link agglomerative clustering.

1. ECB+ (../shared/eval/clusters, 496 documents, 21 topics of two events of one
   kind each): sub-topic (event) B-cubed precision, recall and F1, and topic
   precision, of `newsprism.group` on the documents in the order given and in
   SHUFFLES shuffled orders (target: F1 >= 0.95, topic precision >= 0.99).
   The peer: TF-IDF over the same clean bodies (scikit-learn, sublinear tf,
   English stop words) and average-link agglomerative clustering on cosine
   distance, at the distance threshold that suits these documents best (an
   oracle choice, its best case).
2. The dev stories (../shared/eval/stories) read as one mixed stream:
   B-cubed on the gold's `clusters` label per file (target: F1 >= 0.95), the
   copies flagged against the gold `duplicates`, and any copy flagged across
   two stories (target: none). The peer as above, at the threshold it found
   best on ECB+.
3. With --fit, what the matcher's weights and threshold rest on: a logistic
   regression on pairs of articles of both sets (ECB+ pairs within a topic,
   every pair of the dev stories) with each of the four similarities and the
   two conflicts (years, protagonists) as features, and the best threshold of
   each set on its own against the one they share.
4. With --cv, whether the year conflict's weight carries over to topics it
   was not chosen on: ECB+'s topics in three folds (six ways), the weight
   chosen (from YEAR_WEIGHTS) on two folds' documents as a stream, scored on
   the third's; with the protagonist conflict in use and without it.

The documents are prepared once (`newsprism extract`, about two minutes) and
kept in --cache (default .cache/bench/), which later runs read.

    .venv/bin/python bench/cluster_quality.py [--fit] [--cv] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

from newsprism import Article, InputError, extract, group
from newsprism.cluster import stories as matcher
from newsprism.cluster.features import BAGS, features

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import EVAL, load_scorer, read_jsonl  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
score = load_scorer("clusters")
PEER_THRESHOLDS = [round(0.05 * step, 2) for step in range(4, 20)]
YEAR_WEIGHTS = [0.0, 0.08, 0.12, 0.15, 0.2, 0.25]  # the weights of the year conflict --cv chooses from
SHUFFLES = 6
SIMILARITIES = ("lede", *BAGS)
CONFLICTS = ("years", "protagonists")


def prepared(name: str, inputs: list[Path], cache: Path, keep: Callable[[Article], bool] = lambda article: True) -> list[Article]:
    """The articles `extract` makes of the inputs, read from the cache when an earlier run kept them."""
    path = cache / f"{name}.jsonl"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        print(f"preparing {name} (once; kept in {path})", file=sys.stderr)
        with path.open("w", encoding="utf-8") as out:
            for item in extract(inputs):
                if isinstance(item, InputError):
                    print(f"  {item}", file=sys.stderr)
                else:
                    out.write(item.model_dump_json() + "\n")
    with path.open(encoding="utf-8") as lines:
        articles = [Article.model_validate_json(line) for line in lines]
    return [article for article in articles if keep(article)]


def labels_of(articles: Sequence[Article]) -> list[str]:
    """Each article's story id as `group` gives it, in the order given."""
    story_of = {}
    for story in group(articles):
        for article in story:
            story_of[article.source, article.id] = article.story
    return [story_of[article.source, article.id] or "" for article in articles]


def peer_labels(articles: Sequence[Article], threshold: float) -> list[int]:
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([article.body for article in articles])
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold)
    return [int(label) for label in model.fit_predict(cosine_distances(vectors))]


def bcubed(gold: Sequence[str], predicted: Sequence[object]) -> tuple[float, float, float]:
    precision, recall, f1 = score.bcubed(list(gold), list(predicted))
    return precision, recall, f1


def ecb_plus(cache: Path) -> tuple[list[Article], list[str], list[str]]:
    gold = {row["id"]: row for row in read_jsonl(EVAL / "clusters" / "gold.jsonl")}
    articles = prepared("ecb-plus", [EVAL / "clusters" / "docs.jsonl"], cache)
    return articles, [gold[article.id]["subtopic"] for article in articles], [gold[article.id]["topic"] for article in articles]


def dev_stories(cache: Path) -> tuple[list[Article], list[str], list[list[str]]]:
    folder = EVAL / "stories"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    files = sorted(path for path in folder.glob("*/*") if path.suffix in (".txt", ".html"))
    articles = prepared("dev-stories", files, cache)
    duplicates = [
        sorted(f"{story}/{name}" for name in pair) for story, entry in gold.items() if isinstance(entry, dict) for pair in entry.get("duplicates", [])
    ]
    return articles, [gold["clusters"][file_key(article)] for article in articles], duplicates


def file_key(article: Article) -> str:
    """"crocus/01_ifpnews.com.txt": the article's file as the stories' gold names it."""
    return "/".join(Path(article.source).parts[-2:])


def report_ecb(articles: list[Article], subtopics: list[str], topics: list[str]) -> float:
    print(f"ECB+: {len(articles)} documents, {len(set(topics))} topics, {len(set(subtopics))} events")
    shuffled = []
    for seed in (None, *range(SHUFFLES)):
        order = list(range(len(articles)))
        if seed is not None:
            random.Random(seed).shuffle(order)
        stream = [articles[index] for index in order]
        labels = labels_of(stream)
        precision, recall, f1 = bcubed([subtopics[index] for index in order], labels)
        topic_precision = bcubed([topics[index] for index in order], labels)[0]
        name = "as given" if seed is None else f"shuffled ({seed})"
        scores = f"events P {precision:.3f} R {recall:.3f} F1 {f1:.3f}   topic P {topic_precision:.3f}"
        print(f"  newsprism {name:13} {scores}   stories {len(set(labels))}")
        if seed is not None:
            shuffled.append(f1)
    print(f"  newsprism in {SHUFFLES} shuffled orders: events F1 {min(shuffled):.3f} to {max(shuffled):.3f}, mean {np.mean(shuffled):.3f}")
    results = [(bcubed(subtopics, labels)[2], threshold, labels) for threshold in PEER_THRESHOLDS for labels in [peer_labels(articles, threshold)]]
    best_f1, best_threshold, labels = max(results, key=lambda result: result[0])
    print(
        f"  peer (TF-IDF + average link, best distance {best_threshold:.2f}) events F1 {best_f1:.3f}   "
        f"topic P {bcubed(topics, labels)[0]:.3f}   stories {len(set(labels))}"
    )
    return best_threshold


def report_stories(articles: list[Article], stories: list[str], duplicates: list[list[str]], peer_threshold: float) -> None:
    print(f"Dev stories as one stream: {len(articles)} pages, {len(set(stories))} stories")
    placed = [article for story in group(articles) for article in story]
    by_key = {file_key(article): article for article in placed}
    labels = [by_key[file_key(article)].story for article in articles]
    precision, recall, f1 = bcubed(stories, labels)
    print(f"  newsprism stories P {precision:.3f} R {recall:.3f} F1 {f1:.3f}   stories {len(set(labels))}")
    ids = {article.id: file_key(article) for article in placed}
    flagged = sorted(sorted([key, ids[article.duplicate_of]]) for key, article in by_key.items() if article.duplicate_of)
    gold_story = dict(zip((file_key(article) for article in articles), stories, strict=True))
    found = [pair for pair in duplicates if pair in flagged]
    across = [pair for pair in flagged if gold_story[pair[0]] != gold_story[pair[1]]]
    others = [pair for pair in flagged if pair not in duplicates and pair not in across]
    print(f"  copies: {len(found)}/{len(duplicates)} gold pairs flagged, {len(across)} flagged across stories, {len(others)} others within a story")
    for pair in others:
        print(f"    also flagged: {pair[0]} ~ {pair[1]}")
    peer = peer_labels(articles, peer_threshold)
    print(f"  peer (distance {peer_threshold:.2f}, its best on ECB+) stories F1 {bcubed(stories, peer)[2]:.3f}   stories {len(set(peer))}")


def pair_features(articles: list[Article]) -> dict[str, np.ndarray]:
    """Every pair's four similarities (lede, and each bag's TF-IDF cosine, the statistics of the whole set), and the
    conflicts: "years", 1 where both articles have a year and they lie YEAR_GAP or more apart; "protagonists", 1 where
    both are about a person (`features.protagonist`) and not the same one."""
    state = matcher.StoryMatcher()
    seen = [features(article) for article in articles]
    for item in seen:
        state.count(item)
    vectors = [state.vectors(item) for item in seen]
    ledes = np.stack([item.lede for item in vectors])
    result = {"lede": ledes @ ledes.T}
    for bag in BAGS:
        vocabulary = {word: number for number, word in enumerate({word for item in vectors for word in item.bags[bag]})}
        matrix = np.zeros((len(articles), len(vocabulary)))
        for row, item in enumerate(vectors):
            for word, value in item.bags[bag].items():
                matrix[row, vocabulary[word]] = value
        result[bag] = matrix @ matrix.T
    years = np.array([item.year if item.year is not None else np.nan for item in vectors])
    result["years"] = (np.abs(years[:, None] - years[None, :]) >= matcher.YEAR_GAP).astype(float)  # NaN compares False
    people = [item.protagonist for item in vectors]
    result["protagonists"] = np.array([[float(one is not None and two is not None and one != two) for two in people] for one in people])
    return result


def in_use(similarities: dict[str, np.ndarray]) -> np.ndarray:
    """The matcher's score of every pair: the weighted similarities less the conflicts."""
    conflicts = matcher.YEAR_CONFLICT * similarities["years"] + matcher.PROTAGONIST_CONFLICT * similarities["protagonists"]
    return sum(matcher.WEIGHTS[name] * similarities[name] for name in SIMILARITIES) - conflicts


def pair_rows(articles: list[Article], labels: Sequence[str], groups: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The pairs within a group: a row of similarities and conflicts (SIMILARITIES, CONFLICTS) each, and whether the
    pair is on one event."""
    similarities = pair_features(articles)
    upper = np.triu_indices(len(articles), 1)
    same = np.array(labels)[:, None] == np.array(labels)[None, :]
    keep = (np.array(groups)[:, None] == np.array(groups)[None, :])[upper]
    return np.stack([similarities[name][upper][keep] for name in (*SIMILARITIES, *CONFLICTS)], axis=1), same[upper][keep]


def pair_model(rows: Sequence[np.ndarray], targets: Sequence[np.ndarray]) -> tuple[np.ndarray, float]:
    """The logistic regression's weights on the pairs, scaled so that the similarities' weights sum to 1 (as the
    matcher's do), and its even-odds score on that scale."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=10, class_weight="balanced", max_iter=1000).fit(np.vstack(rows), np.concatenate(targets))
    scale = model.coef_[0][: len(SIMILARITIES)].sum()
    return model.coef_[0] / scale, float(-model.intercept_[0] / scale)


def fit(ecb: tuple[list[Article], list[str], list[str]], stories: tuple[list[Article], list[str], list[list[str]]]) -> None:
    from sklearn.metrics import roc_auc_score

    rows, targets = zip(*(pair_rows(ecb[0], ecb[1], ecb[2]), pair_rows(stories[0], stories[1], ["one stream"] * len(stories[0]))), strict=True)
    print("Pairs: how well each similarity alone tells same-event pairs from others (ROC AUC; ECB+ within a topic, dev stories all)")
    for set_name, set_rows, set_same in (("ECB+", rows[0], targets[0]), ("dev stories", rows[1], targets[1])):
        signs = [1] * len(SIMILARITIES) + [-1] * len(CONFLICTS)  # a conflict tells against
        aucs = [roc_auc_score(set_same, sign * set_rows[:, column]) for column, sign in enumerate(signs)]
        weights = [*(matcher.WEIGHTS[name] for name in SIMILARITIES), -matcher.YEAR_CONFLICT, -matcher.PROTAGONIST_CONFLICT]
        combined = roc_auc_score(set_same, set_rows @ np.array(weights))
        each = ", ".join(f"{name} {auc:.3f}" for name, auc in zip((*SIMILARITIES, *(f"no {name} conflict" for name in CONFLICTS)), aucs, strict=True))
        print(f"  {set_name:12} {each}, weighted sum in use {combined:.3f}")
    weights, even_odds = pair_model(rows, targets)
    print("Fit: logistic regression on pairs of both sets (ECB+ within a topic, all dev-story pairs)")
    fitted = ", ".join(f"{name} {weight:.3f}" for name, weight in zip((*SIMILARITIES, *CONFLICTS), weights, strict=True))
    print(f"  weights {fitted}   (in use: {matcher.WEIGHTS}, years -{matcher.YEAR_CONFLICT}, protagonists -{matcher.PROTAGONIST_CONFLICT})")
    print(f"  even-odds score {even_odds:.3f}   (JOIN_SCORE in use: {matcher.JOIN_SCORE})")
    print("Margins: each article's mean score against the other articles of its own event, and against its best other event")
    for set_name, (articles, labels) in (("ECB+", (ecb[0], ecb[1])), ("dev stories", (stories[0], stories[1]))):
        own, other = event_scores(articles, labels)
        print(f"  {set_name:12} own event: lowest {np.nanmin(own):.3f}, 5th percentile {np.nanpercentile(own, 5):.3f}   "
              f"best other event: highest {np.max(other):.3f}, 95th percentile {np.percentile(other, 95):.3f}")
    used = matcher.JOIN_SCORE
    print("  threshold   ECB+ events F1   ECB+ topic P   dev stories F1")
    for threshold in (0.18, 0.2, 0.22, 0.23, 0.24, 0.26, 0.28, 0.3):
        matcher.JOIN_SCORE = threshold
        labels = labels_of(ecb[0])
        scores = f"{bcubed(ecb[1], labels)[2]:14.3f}   {bcubed(ecb[2], labels)[0]:12.3f}   {bcubed(stories[1], labels_of(stories[0]))[2]:14.3f}"
        print(f"  {threshold:9.2f}   {scores}")
    matcher.JOIN_SCORE = used


def event_scores(articles: list[Article], labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per article, the weighted score averaged over the other articles of its event, and over those of the best other
    event (the whole set's word statistics)."""
    scores = in_use(pair_features(articles))
    events = np.array(labels)
    own, other = [], []
    for index in range(len(articles)):
        mates = events == events[index]
        mates[index] = False
        own.append(scores[index, mates].mean() if mates.any() else np.nan)
        other.append(max(scores[index, events == event].mean() for event in set(labels) if event != events[index]))
    return np.array(own), np.array(other)


def cross_validate(
    ecb: tuple[list[Article], list[str], list[str]], stories: tuple[list[Article], list[str], list[list[str]]], folds: int = 3, partitions: int = 6
) -> None:
    """ECB+'s topics in `folds` folds, `partitions` ways, scored on each fold's documents as a stream: the protagonist
    conflict weighed as the pair regression weighs it on the other folds' pairs and the dev stories' (as `fit` sets
    it for the matcher), the year weight that groups the other folds' documents best; then without the protagonist
    conflict, and with no conflict at all."""
    articles, subtopics, topics = ecb
    story_rows = pair_rows(stories[0], stories[1], ["one stream"] * len(stories[0]))
    weights_in_use = matcher.YEAR_CONFLICT, matcher.PROTAGONIST_CONFLICT
    print(f"Cross-validation by topic ({folds} folds, {partitions} partitions): the year weight chosen on the other folds, "
          "events F1 on the fold, averaged over the folds")

    def f1(kept: list[int], year: float, protagonist: float) -> float:
        matcher.YEAR_CONFLICT, matcher.PROTAGONIST_CONFLICT = year, protagonist
        return bcubed([subtopics[index] for index in kept], labels_of([articles[index] for index in kept]))[2]

    held_out: dict[str, list[float]] = {name: [] for name in ("fitted", "no protagonist conflict", "no conflicts")}
    for partition in range(partitions):
        names = sorted(set(topics))
        random.Random(partition).shuffle(names)
        scores: dict[str, list[float]] = {name: [] for name in held_out}
        fitted: list[float] = []
        chosen: dict[str, list[float]] = {"fitted": [], "no protagonist conflict": []}
        for fold in range(folds):
            test = set(names[fold::folds])
            train = [index for index, topic in enumerate(topics) if topic not in test]
            kept = [index for index, topic in enumerate(topics) if topic in test]
            fold_rows = pair_rows([articles[index] for index in train], [subtopics[index] for index in train], [topics[index] for index in train])
            weights, _ = pair_model([fold_rows[0], story_rows[0]], [fold_rows[1], story_rows[1]])
            variants = {"fitted": round(-float(weights[len(SIMILARITIES) + CONFLICTS.index("protagonists")]), 2), "no protagonist conflict": 0.0}
            for name, protagonist in variants.items():
                weight = max(YEAR_WEIGHTS, key=lambda year: f1(train, year, protagonist))
                chosen[name].append(weight)
                if name == "fitted":
                    fitted.append(protagonist)
                scores[name].append(f1(kept, weight, protagonist))
            scores["no conflicts"].append(f1(kept, 0.0, 0.0))
        for name, values in scores.items():
            held_out[name].append(float(np.mean(values)))
        chosen_weights = "; ".join(f"{name} " + "/".join(f"{weight:.2f}" for weight in values) for name, values in chosen.items())
        print(f"  partition {partition}: " + ", ".join(f"{name} {np.mean(values):.3f}" for name, values in scores.items())
              + "   (protagonist weights " + "/".join(f"{weight:.2f}" for weight in fitted) + f"; year weights {chosen_weights})")
    print("  held-out F1 over the partitions: "
          + ", ".join(f"{name} {np.mean(values):.3f} ({min(values):.3f}-{max(values):.3f})" for name, values in held_out.items()))
    matcher.YEAR_CONFLICT, matcher.PROTAGONIST_CONFLICT = weights_in_use


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--fit", action="store_true", help="also print the pair model behind the weights and a threshold scan")
    parser.add_argument("--cv", action="store_true", help="also cross-validate the year conflict's weight by topic")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "bench", help="where the prepared dev sets are kept")
    options = parser.parse_args()
    ecb = ecb_plus(options.cache)
    stories = dev_stories(options.cache)
    counts = Counter(label for label in stories[1])
    assert len(counts) > 1, "the dev stories were not found"
    peer_threshold = report_ecb(*ecb)
    report_stories(*stories, peer_threshold)
    if options.fit:
        fit(ecb, stories)
    if options.cv:
        cross_validate(ecb, stories)


if __name__ == "__main__":
    main()
