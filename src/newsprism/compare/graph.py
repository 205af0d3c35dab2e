"""The story's entity graph: which entities its claims name together, and whom each speaker's quotes name.

Nodes are the story-wide entities (`link_entities`), with their mentions and
the articles naming them. Two kinds of edge:

* "together": two entities mentioned inside the sentences of one claim (any
  of its outlets' wordings); the count is the number of claims, the first ten
  claim ids are kept, so a reader can go from an edge to what it rests on.
* "speaks_about": a quote whose speaker is an entity, naming another entity
  inside the quoted words; counted per quote, across articles.

Both need the articles' mentions with story-wide ids, so the graph is built
after the entities are linked and the claims aligned.

Limits: co-occurrence is not a relation: "together" says two entities share a
fact, not what links them; an entity named only by a pronoun in a sentence is
not counted there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from newsprism.model import Article, Claim, EntityGraph, GraphEdge, GraphNode, Mention, Story

CLAIMS_KEPT = 10


def entity_graph(story: Story) -> EntityGraph:
    """The graph of a story whose entities are linked and whose claims are built."""
    mentions: dict[str, list[Mention]] = {article.id: [m for m in article.entities if m.entity] for article in story.articles}
    counts: Counter[str] = Counter(m.entity for found in mentions.values() for m in found if m.entity)
    nodes = [
        GraphNode(entity=entity.id, name=entity.name, type=entity.type, mentions=counts[entity.id], articles=len(entity.articles))
        for entity in story.entities
    ]
    nodes.sort(key=lambda node: (-node.mentions, -node.articles, node.name))
    known = {node.entity for node in nodes}
    edges = together_edges(story.claims, mentions, known) + speaker_edges(story.articles, mentions, known)
    edges.sort(key=lambda edge: (-edge.count, edge.kind, edge.source, edge.target))
    return EntityGraph(nodes=nodes, edges=edges)


def together_edges(claims: list[Claim], mentions: dict[str, list[Mention]], known: set[str]) -> list[GraphEdge]:
    """Pairs of entities named inside one claim's sentences, with the claims that name both."""
    claims_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for claim in claims:
        named: set[str] = set()
        for source in claim.sources:
            named |= {m.entity for m in mentions.get(source.article, []) if m.entity and source.start <= m.start and m.end <= source.end}
        for pair in combinations(sorted(named & known), 2):
            claims_of[pair].append(claim.id)
    return [
        GraphEdge(source=first, target=second, kind="together", count=len(ids), claims=ids[:CLAIMS_KEPT])
        for (first, second), ids in claims_of.items()
    ]


def speaker_edges(articles: list[Article], mentions: dict[str, list[Mention]], known: set[str]) -> list[GraphEdge]:
    """Speaker -> each entity named inside the words they are quoted saying."""
    counts: Counter[tuple[str, str]] = Counter()
    for article in articles:
        for quote in article.quotes:
            if not quote.speaker or quote.speaker not in known:
                continue
            named = {m.entity for m in mentions.get(article.id, []) if m.entity and quote.start <= m.start and m.end <= quote.end}
            for entity in named & known - {quote.speaker}:
                counts[(quote.speaker, entity)] += 1
    return [GraphEdge(source=speaker, target=entity, kind="speaks_about", count=count) for (speaker, entity), count in counts.items()]


__all__ = ["entity_graph"]
