"""Coverage: per outlet, what it shares with others, what it alone reports, what it leaves out, whom it quotes."""

from __future__ import annotations

from collections import Counter

from newsprism.model import Article, Claim, OutletCoverage, StoryQuote, Voice

CORROBORATED_BY = 2  # "corroborated" = reported by this many other outlets as well


def outlet_coverage(articles: list[Article], claims: list[Claim], quotes: list[StoryQuote]) -> list[OutletCoverage]:
    """One OutletCoverage per outlet, in the order the outlets first appear among the articles."""
    outlets: dict[str, list[str]] = {}
    for article in articles:
        outlets.setdefault(article.reporting_outlet, []).append(article.id)
    outlet_by_article = {article.id: article.reporting_outlet for article in articles}
    claim_outlets = {claim.id: {outlet_by_article[source.article] for source in claim.sources} for claim in claims}

    coverage = []
    for outlet, article_ids in outlets.items():
        voices: Counter[tuple[str | None, str | None]] = Counter()
        for quote in quotes:
            carried = sum(1 for source in quote.sources if outlet_by_article[source.article] == outlet)
            if carried and (quote.speaker or quote.speaker_name):
                voices[(quote.speaker, quote.speaker_name)] += carried
        coverage.append(
            OutletCoverage(
                outlet=outlet,
                articles=article_ids,
                corroborated=[c.id for c in claims if outlet in claim_outlets[c.id] and len(claim_outlets[c.id]) > CORROBORATED_BY],
                exclusive=[c.id for c in claims if claim_outlets[c.id] == {outlet}],
                omitted=[c.id for c in claims if outlet not in claim_outlets[c.id] and len(claim_outlets[c.id]) >= CORROBORATED_BY],
                voices=[
                    Voice(speaker=speaker, speaker_name=name, quotes=count)
                    for (speaker, name), count in sorted(voices.items(), key=lambda item: (-item[1], item[0][1] or ""))
                ],
            )
        )
    return coverage
