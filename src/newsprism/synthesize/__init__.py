"""Synthesize: the story told back from its aligned facts (timeline, brief)."""

from __future__ import annotations

from newsprism.synthesize.brief import write_brief
from newsprism.synthesize.timeline import build_timeline

__all__ = ["build_timeline", "write_brief"]
