"""Timeline: the dated facts of a story, merged across outlets and put in calendar order."""

from __future__ import annotations

from newsprism.model import Claim, TimelineEntry


def build_timeline(claims: list[Claim]) -> list[TimelineEntry]:
    """One entry per dated claim, earliest first; on one date, the most-supported first.

    A claim's date is the day (or month) most of its sources give (see
    `newsprism.compare.claims.claim_date`), so "Wednesday" in one article and
    "March 5" in another are one event on 2025-03-05. Durations, clock
    times and PRESENT_REF are not dates and never make an entry.
    """
    dated = [claim for claim in claims if claim.date]
    dated.sort(key=lambda claim: (claim.date or "", -claim.support))
    return [TimelineEntry(date=claim.date or "", text=claim.text, claim=claim.id, sources=claim.sources) for claim in dated]
