"""Near-duplicates: the same text on two sites (a wire copy, a syndicated piece, a lightly edited rewrite).

Each clean body is read as its letters and digits only, lower-cased, with
every space and mark dropped (a copy that lost its spaces, "mountainarea",
is still the same text), and cut into overlapping shingles of
SHINGLE_CHARACTERS characters. Two bodies are copies when the Jaccard
similarity of their shingle sets reaches COPY_JACCARD. MinHash signatures
(datasketch) estimate it, and an LSH index over them finds the candidates
without comparing every pair.

Measured on the dev stories (../shared/eval/stories): the three syndicated
pairs have Jaccard 0.77, 0.62 and 0.49; a close paraphrase of one text by
another site 0.54 (flagged too: it is a copy in all but name); two outlets'
own reports from one agency's facts at most 0.28. A signature takes about
0.9 ms for a 600-word body.

Known limits: a translation, or a rewrite that keeps the facts and changes
most sentences, is not a copy; a copy that adds or cuts more than about half
of the text is not found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.cluster.order import time_order
from newsprism.model import Article, SharedText

SHINGLE_CHARACTERS = 9
PERMUTATIONS = 256  # the Jaccard estimate's standard error is about 0.03 at 0.5
COPY_JACCARD = 0.4
# The LSH index finds candidates, each then checked against COPY_JACCARD. Tuned to the copy threshold itself it would
# miss 59% of the pairs at 0.4 and 20% at 0.5 (its bands: 51 of 5 rows); tuned to 0.25 (64 bands of 3 rows) it
# misses 1.5% at 0.4 and none above 0.5, at the price of checking more candidates.
CANDIDATE_JACCARD = 0.25
SCHEME = "affine32"  # datasketch's hashing; signatures kept by an earlier run must have been made with the same
NOT_LETTERS = re.compile(r"[\W_]+")


# Each shingle's bytes are hashed as a polynomial in one pass over the whole body (numpy, wrapping at 64 bits),
# folded to the 32 bits the signatures' scheme takes: a fifth of the time of hashing each shingle in Python.
SHINGLE_POWERS = np.array([pow(0x9E3779B97F4A7C15, power, 1 << 64) for power in range(SHINGLE_CHARACTERS)], dtype=np.uint64)


def squashed(body: str) -> bytes:
    """The body's letters and digits, lower-cased, as UTF-8: spaces and marks dropped."""
    return NOT_LETTERS.sub("", body.lower()).encode("utf-8")


def shingles(body: str) -> set[bytes]:
    """The body's shingles: runs of SHINGLE_CHARACTERS bytes of its `squashed` text."""
    text = squashed(body)
    if len(text) <= SHINGLE_CHARACTERS:
        return {text}
    return {text[start : start + SHINGLE_CHARACTERS] for start in range(len(text) - SHINGLE_CHARACTERS + 1)}


def shingle_hashes(body: str) -> np.ndarray:
    """A 32-bit hash of each distinct shingle of the body (see `shingles`)."""
    text = np.frombuffer(squashed(body), dtype=np.uint8)
    if len(text) < SHINGLE_CHARACTERS:
        text = np.concatenate([text, np.zeros(SHINGLE_CHARACTERS - len(text), dtype=np.uint8)])
    windows = np.lib.stride_tricks.sliding_window_view(text, SHINGLE_CHARACTERS).astype(np.uint64)
    with np.errstate(over="ignore"):
        hashes = (windows * SHINGLE_POWERS).sum(axis=1, dtype=np.uint64)
    return np.unique((hashes ^ (hashes >> np.uint64(32))) & np.uint64(0xFFFFFFFF))


def identity(value: int) -> int:
    return value


class Copies:
    """An LSH index of the bodies seen so far, which says of each new body whether it copies one of them."""

    def __init__(self) -> None:
        self.index = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=PERMUTATIONS)
        self.signatures: dict[str, MinHash] = {}
        self.original: dict[str, str] = {}  # a copy's key -> the key of the first body it copies
        self.order: dict[str, int] = {}  # a key -> when its body came
        self.added = 0

    @cached_property
    def template(self) -> MinHash:
        return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME)  # its random permutations, drawn once, are shared by every signature

    def signature(self, body: str) -> MinHash:
        minhash = MinHash(num_perm=PERMUTATIONS, seed=1, hashfunc=identity, permutations=self.template.permutations, scheme=SCHEME)
        minhash.update_batch(shingle_hashes(body).tolist())
        return minhash

    def add(self, key: str, body: str, signature: Sequence[int] | None = None) -> str | None:
        """Index a body under `key`; returns the key of the earliest body seen before that it copies (the original of a
        copy it copies), or None.

        `signature` is the body's `hashvalues` from an earlier run, which saves making it again.
        """
        if signature is None:
            minhash = self.signature(body)
        else:
            minhash = MinHash(num_perm=PERMUTATIONS, seed=1, hashvalues=np.asarray(signature), scheme=SCHEME)
        copied = [candidate for candidate in self.index.query(minhash) if minhash.jaccard(self.signatures[candidate]) >= COPY_JACCARD]
        first = min(copied, key=self.order.__getitem__) if copied else None
        original = self.original.get(first, first) if first is not None else None
        if key not in self.signatures:
            self.index.insert(key, minhash)
            self.signatures[key] = minhash
            self.order[key] = self.added
            self.added += 1
            if original is not None:
                self.original[key] = original
        return original

    def forget(self, key: str) -> None:
        """Drop a body from the index (its story has closed: a copy of it would start a story of its own)."""
        if key in self.signatures:
            self.index.remove(key)
            del self.signatures[key], self.order[key]
            self.original.pop(key, None)


def copied_from(articles: Sequence[Article]) -> list[str | None]:
    """For each article, the id of the earliest of the others whose text it copies (None for an original), the
    articles read in time order."""
    copies = Copies()
    found: list[str | None] = [None] * len(articles)
    for index in time_order(articles):
        original = copies.add(str(index), articles[index].body)
        found[index] = articles[int(original)].id if original is not None else None
    return found


def shared_texts(articles: Sequence[Article], copied: Sequence[str | None]) -> list[SharedText]:
    """The texts several articles ran, from each article's `copied` original: the original's id, its copies', and the
    outlets that ran it."""
    by_id = {article.id: article for article in articles}
    groups: dict[str, list[str]] = {}
    for article, original in zip(articles, copied, strict=True):
        if original is not None and original in by_id:
            groups.setdefault(original, []).append(article.id)
    texts = []
    for original, copies in groups.items():
        outlets = list(dict.fromkeys(by_id[key].reporting_outlet for key in [original, *copies]))
        texts.append(SharedText(original=original, copies=copies, outlets=outlets))
    return texts


__all__ = ["COPY_JACCARD", "Copies", "copied_from", "shared_texts", "shingle_hashes", "shingles"]
