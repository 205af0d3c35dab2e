"""URL inputs, told apart from paths: a URL string, or a file of URLs (`UrlList`, the command line's `-i urls.txt`).

Kept free of the HTTP client so that reading local files never imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def is_url(text: str) -> bool:
    """Whether an input names a web page or feed (http or https) rather than a path."""
    stripped = text.strip()
    return stripped.lower().startswith(("http://", "https://")) and not any(space in stripped for space in "\n\r\t ")


@dataclass(frozen=True)
class UrlList:
    """A file of URLs, one per line; blank lines and lines starting with # are skipped."""

    path: Path


__all__ = ["UrlList", "is_url"]
