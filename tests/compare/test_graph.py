"""The entity graph: nodes are the story's entities, edges rest on claims and quotes that can be checked."""

from __future__ import annotations

from newsprism.compare.graph import entity_graph
from newsprism.model import Article, Claim, ClaimSource, Entity, Mention, Quote, Story
from newsprism.render.html import story_html
from newsprism.render.markdown import story_markdown
from tests.conftest import EXAMPLES, analyzed

BODY = "Mara Quell said the Tessing council had closed the Orvell pier. \"Quell Holdings will rebuild the Orvell pier,\" she said."


def small_story(name: str = "Mara Quell") -> Story:
    assert BODY[51:57] == BODY[97:103] == "Orvell" and BODY[65:109] == "Quell Holdings will rebuild the Orvell pier,"
    mentions = [
        Mention(text="Mara Quell", label="PERSON", start=0, end=10, entity="person:quell"),
        Mention(text="Tessing", label="GPE", start=20, end=27, entity="place:tessing"),
        Mention(text="Orvell", label="GPE", start=51, end=57, entity="place:orvell"),
        Mention(text="Orvell", label="GPE", start=97, end=103, entity="place:orvell"),
    ]
    quote = Quote(text="Quell Holdings will rebuild the Orvell pier,", speaker="person:quell", start=65, end=109)
    article = Article(id="a.txt", source="a.txt", body=BODY, entities=mentions, quotes=[quote])
    entities = [
        Entity(id="person:quell", name=name, type="person", articles=["a.txt"]),
        Entity(id="place:tessing", name="Tessing", type="place", articles=["a.txt"]),
        Entity(id="place:orvell", name="Orvell", type="place", articles=["a.txt"]),
    ]
    claim = Claim(id="claim-1", text=BODY[:63], sources=[ClaimSource(article="a.txt", text=BODY[:63], start=0, end=63)], support=1)
    story = Story(id="story-t", articles=[article], entities=entities, claims=[claim])
    story.graph = entity_graph(story)
    return story


def test_claims_link_the_entities_they_name_and_quotes_link_the_speaker_to_whom_they_name() -> None:
    graph = small_story().graph
    assert [(node.entity, node.mentions) for node in graph.nodes] == [("place:orvell", 2), ("person:quell", 1), ("place:tessing", 1)]
    edges = {(edge.kind, edge.source, edge.target): edge for edge in graph.edges}
    assert set(edges) == {
        ("together", "person:quell", "place:orvell"),
        ("together", "person:quell", "place:tessing"),
        ("together", "place:orvell", "place:tessing"),
        ("speaks_about", "person:quell", "place:orvell"),
    }
    assert edges[("together", "place:orvell", "place:tessing")].claims == ["claim-1"]


def test_the_example_graph_rests_on_its_own_claims() -> None:
    story = analyzed(str(EXAMPLES / "port-veyra-grounding"))
    graph = story.graph
    assert {node.entity for node in graph.nodes} == {entity.id for entity in story.entities}
    claims = {claim.id: claim for claim in story.claims}
    articles = {article.id: article for article in story.articles}
    assert any(edge.kind == "speaks_about" for edge in graph.edges) and any(edge.kind == "together" for edge in graph.edges)
    for edge in graph.edges:
        assert edge.count >= 1 and edge.source != edge.target
        for claim_id in edge.claims:  # each claim behind an edge names both entities in one of its outlets' sentences
            named = {
                mention.entity
                for source in claims[claim_id].sources
                for mention in articles[source.article].entities
                if source.start <= mention.start and mention.end <= source.end
            }
            assert {edge.source, edge.target} <= named


def test_the_drawing_escapes_entity_names() -> None:
    story = small_story(name="<script>alert(1)</script>")
    html = story_html(story)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<svg" in html and "| is quoted naming |" in story_markdown(story).replace("&lt;", "<")


def test_every_drawn_entity_has_its_counts_in_a_table_for_touch_and_print() -> None:
    story = small_story(name="Ilse Marrow")
    html = story_html(story)
    table = html[html.index('<table class="graph-entities">') :]
    table = table[: table.index("</table>")]
    drawn = [node for node in (story.graph.nodes if story.graph else []) if f">{node.name}</text>" in html]
    assert drawn, "the small story draws no entity"
    for node in drawn:
        assert f"<td>{node.name}</td><td>{node.type}</td><td class=\"num\">{node.mentions}</td>" in table
