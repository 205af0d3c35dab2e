"""The `newsprism` command: thin wrappers over the library that turn its errors into one-line messages."""

from newsprism.cli.main import app, main

__all__ = ["app", "main"]
