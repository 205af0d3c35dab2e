"""The entity graph drawn for the HTML report: a fixed circular layout, computed here, drawn as inline SVG.

The strongest links only: the NODES most mentioned entities that take part in
an edge, and among them the EDGES strongest edges. Entities sit on a circle,
grouped by type (people, organisations, places, ...), each circle's area
following its mentions; "together" edges are grey lines, as thick as the
claims behind them; "speaks_about" edges are dashed arrows from the speaker.
Everything is computed in Python, so the page needs no script (its CSP
forbids any) and prints as it shows; the same edges, and each drawn entity's
mentions, are listed as tables under the drawing for readers who cannot
hover (touch screens, print).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsprism.model import EntityGraph, GraphEdge

NODES = 24
EDGES = 60
WIDTH, HEIGHT = 760, 620
RADIUS = 230  # of the circle the entities sit on
TYPE_ORDER = ("person", "organization", "group", "place", "facility", "event", "law")


@dataclass(frozen=True)
class NodeMark:
    x: float
    y: float
    r: float
    name: str
    type: str
    title: str
    mentions: int
    articles: int
    label_x: float
    label_y: float
    anchor: str  # text-anchor of the label: start on the right half, end on the left


@dataclass(frozen=True)
class EdgeMark:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    kind: str
    title: str


@dataclass(frozen=True)
class EdgeRow:
    source: str
    target: str
    kind: str
    count: int


@dataclass(frozen=True)
class GraphDrawing:
    width: int
    height: int
    nodes: list[NodeMark]
    edges: list[EdgeMark]
    rows: list[EdgeRow]


def draw_graph(graph: EntityGraph) -> GraphDrawing | None:
    """The drawing of the graph's strongest part; None when it has no edge."""
    linked = {entity for edge in graph.edges for entity in (edge.source, edge.target)}
    chosen = [node for node in graph.nodes if node.entity in linked][:NODES]
    if not chosen:
        return None
    chosen.sort(key=lambda node: (TYPE_ORDER.index(node.type) if node.type in TYPE_ORDER else len(TYPE_ORDER), -node.mentions, node.name))
    most = max(node.mentions for node in chosen) or 1
    centre_x, centre_y = WIDTH / 2, HEIGHT / 2
    places: dict[str, tuple[float, float]] = {}
    nodes = []
    for index, node in enumerate(chosen):
        angle = -math.pi / 2 + 2 * math.pi * index / len(chosen)
        x, y = centre_x + RADIUS * math.cos(angle), centre_y + RADIUS * math.sin(angle)
        places[node.entity] = (x, y)
        r = 4 + 10 * math.sqrt(node.mentions / most)
        cos, sin = math.cos(angle), math.sin(angle)
        label_x, label_y = centre_x + (RADIUS + r + 6) * cos, centre_y + (RADIUS + r + 6) * sin
        # Labels read away from the circle: right of it on the right, left on the left, centred at the top and bottom.
        anchor = "middle" if abs(cos) < 0.35 else "start" if cos > 0 else "end"
        shift = 10 if anchor == "middle" and sin > 0 else -2 if anchor == "middle" else 4
        nodes.append(
            NodeMark(
                x=round(x, 1), y=round(y, 1), r=round(r, 1), name=node.name, type=node.type,
                title=f"{node.name} ({node.type}): {node.mentions} mentions in {node.articles} articles",
                mentions=node.mentions, articles=node.articles,
                label_x=round(label_x, 1), label_y=round(label_y + shift, 1), anchor=anchor,
            )
        )
    names = {node.entity: node.name for node in chosen}
    kept = [edge for edge in graph.edges if edge.source in places and edge.target in places][:EDGES]
    strongest = max((edge.count for edge in kept), default=1)
    edges = [edge_mark(edge, places, names, strongest) for edge in kept]
    rows = [EdgeRow(names[edge.source], names[edge.target], edge.kind, edge.count) for edge in kept[:20]]
    return GraphDrawing(width=WIDTH, height=HEIGHT, nodes=nodes, edges=edges, rows=rows)


def edge_mark(edge: GraphEdge, places: dict[str, tuple[float, float]], names: dict[str, str], strongest: int) -> EdgeMark:
    (x1, y1), (x2, y2) = places[edge.source], places[edge.target]
    if edge.kind == "speaks_about":  # stop short of the target's circle, so the arrow head shows
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        x2, y2 = x2 - (x2 - x1) * 16 / length, y2 - (y2 - y1) * 16 / length
        title = f"{names[edge.source]} is quoted naming {names[edge.target]} ({edge.count} quotes)"
    else:
        title = f"{names[edge.source]} and {names[edge.target]}: named in {edge.count} claims"
    width = 0.8 + 4.2 * edge.count / strongest
    return EdgeMark(x1=round(x1, 1), y1=round(y1, 1), x2=round(x2, 1), y2=round(y2, 1), width=round(width, 2), kind=edge.kind, title=title)


__all__ = ["GraphDrawing", "draw_graph"]
