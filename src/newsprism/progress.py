"""What a long run reports as it goes (kept apart from the pipeline, so the CLI can draw it without importing spaCy)."""

from __future__ import annotations

from pathlib import Path


class Progress:
    """What a long run reports as it goes; the CLI draws it, this default says nothing. Override what you need."""

    def skipped(self, path: Path) -> None:
        """A file of a folder that is not of a kind newsprism reads."""

    def read(self) -> None:
        """One more document read, good or bad."""

    def prepared(self) -> None:
        """One more article prepared."""

    def noted(self, source: str, message: str) -> None:
        """Something a user should know about an article that was kept (not an error): it is not in English, say."""

    def stage(self, name: str, total: int | None = None) -> None:
        """A stage over all articles begins: "grouping", or "comparing" (with the story's article count)."""

    def placed(self) -> None:
        """One more article placed in a story (the grouping stage's first pass)."""


QUIET = Progress()


__all__ = ["QUIET", "Progress"]
