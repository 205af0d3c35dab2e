"""The setup command: the encoder graph is exported once, and an unusable cache is one clear line, not a traceback."""

import os
import subprocess
import sys
from pathlib import Path

from newsprism.encoder import graph_path


def setup(cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSPRISM_CACHE": str(cache), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "newsprism", "setup"], capture_output=True, text=True, env=env, timeout=600, check=False)


def test_an_existing_graph_is_reused(tmp_path: Path) -> None:
    existing = graph_path()  # this installation's, made by `make setup`
    (tmp_path / existing.name).symlink_to(existing)
    result = setup(tmp_path)
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / existing.name) in result.stdout
    assert "preparing" not in result.stderr  # nothing exported again


def test_an_unwritable_cache_is_one_line(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    result = setup(blocked / "cache")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsprism: could not")]
    assert len(errors) == 1 and "NEWSPRISM_CACHE" in errors[0]
