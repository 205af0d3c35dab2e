"""Compare: what the articles of one story share and where they differ (entities linked across outlets first)."""

from __future__ import annotations

from newsprism.compare.entities import link_entities

__all__ = ["link_entities"]
