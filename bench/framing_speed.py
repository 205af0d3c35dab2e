"""Sentences per second of the whole framing layer (`frame_article`), next to the embedding model alone.

The framing layer is everything issue 5 adds per article: the bias model's
pass over every body sentence (and headline and dek), loaded terms grown
over the parse, their voice, editorializing, and the headline's own parse.
Peer: the encoder's `embed` over the same sentences in the same process, the one forward
pass of all-MiniLM-L6-v2 the layer cannot do without; the ratio holds on a
busy machine where absolute figures do not. Rounds interleave the two and
the best of each is kept. The articles are cleaned, parsed and annotated
once, outside the timing.

Articles: the seed pages (../shared/corpus/seeds) and our example story.

    .venv/bin/python bench/framing_speed.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bias_speed import best_of  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from newsprism.annotate.framing import assess_article, assessed_texts, frame_article
    from newsprism.model import Article
    from newsprism.models import Models
    from newsprism.pipeline import extract

    models = Models()
    inputs = [str(ROOT.parent / "shared" / "corpus" / "seeds"), str(ROOT / "examples" / "port-veyra-grounding")]
    articles = [item for item in extract(inputs, models=models) if isinstance(item, Article)]
    docs = list(models.nlp.pipe(article.body for article in articles))
    spans = [article.sentences for article in articles]
    texts = [text for article, sentences in zip(articles, spans, strict=True) for text in assessed_texts(article, sentences)]
    models.encoder.embed(texts[:16])  # load the models outside the timing

    def framing() -> None:
        for article, doc, sentences in zip(articles, docs, spans, strict=True):
            frame_article(models, article, doc, sentences, assess_article(models, article, sentences)[0])

    def embedding() -> None:
        models.encoder.embed(texts)

    framing_seconds, embedding_seconds = best_of(args.rounds, framing, embedding)
    print(f"{len(articles)} articles, {len(texts)} sentences (body, headline, dek), best of {args.rounds}, one process")
    print(f"framing layer {len(texts) / framing_seconds:,.0f} sentences/s ({framing_seconds:.2f} s)   "
          f"embedding alone {len(texts) / embedding_seconds:,.0f} sentences/s ({embedding_seconds:.2f} s)   "
          f"framing = {embedding_seconds / framing_seconds:.2f}x the embedding model's throughput")


if __name__ == "__main__":
    main()
