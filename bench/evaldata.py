"""Where the shared evaluation sets live, and how to load their scorers (used by every quality benchmark)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load_scorer(name: str) -> ModuleType:
    """The stdlib-only scorer `score_<name>.py` shipped next to the data (its `score(gold, pred)` function)."""
    spec = importlib.util.spec_from_file_location(f"score_{name}", EVAL / f"score_{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
