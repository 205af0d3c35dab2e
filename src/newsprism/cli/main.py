"""Command-line interface. Each command calls the library and reports its errors as one line each."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism import __version__
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import expand
from newsprism.pipeline import extract
from newsprism.render.json import article_line, article_schema

app = typer.Typer(
    name="newsprism",
    help=(
        "Read many outlets' coverage of a news story side by side: clean articles with their metadata, "
        "entities, quotes, dates, cross-outlet facts and framing.\n\n"
        "Inputs are page dumps (.txt), HTML pages (.html, .htm, optionally .gz), JSON/JSONL records "
        "({id, text|html, url, outlet, title, published}), directories of those, glob patterns, or - for stdin."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsprism: cross-outlet news analysis."""


@app.command("extract")
def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for stdin.", show_default=False)],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Where to write one JSON object per article (JSONL); - for stdout.")
    ] = "-",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit with status 1 if any document fails.")] = False,
) -> None:
    """Clean every input into an article: body, outlet, headline, byline, dates and removed blocks.

    Writes one JSON object per article (schema: schema/article.schema.json). A document that cannot be
    read or holds no article is reported on stderr as "SOURCE: cause" and skipped; the others are written.
    Exit status: 0 when at least one article was written (1 with --strict if any failed), 1 when none was,
    2 for usage errors.
    """
    try:
        sink: TextIO = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        stderr.print(f"newsprism: cannot write {output}: {error.strerror}")
        raise typer.Exit(2) from None
    written = failed = 0
    show_progress = not quiet and stderr.is_terminal
    total = sum(1 for _ in expand_all(inputs)) if show_progress else None
    progress = Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=True, disable=not show_progress,
    )
    with progress, sink:
        task = progress.add_task("extract", total=total)
        own_output = [] if output == "-" else [Path(output)]
        for item in extract(inputs, on_document=lambda: progress.advance(task), exclude=own_output):
            if isinstance(item, InputError):
                failed += 1
                progress.console.print(f"newsprism: {item}", markup=False, highlight=False, soft_wrap=True)
                continue
            sink.write(article_line(item) + "\n")
            written += 1
    if not quiet:
        where = "stdout" if output == "-" else output
        stderr.print(f"newsprism: {written} article(s) written to {where}, {failed} failed", markup=False, soft_wrap=True)
    if written == 0 or (strict and failed):
        raise typer.Exit(1)


def expand_all(inputs: list[str]) -> list[object]:
    """The files the inputs name (for the progress total); stdin counts as one."""
    files: list[object] = []
    for item in inputs:
        files.extend(["-"] if item == "-" else list(expand(item)))
    return files


@app.command("schema")
def schema_command(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the schema here instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of one `extract` output line (generated from the data model)."""
    text = json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def main() -> None:
    """Console entry point: library errors become one line on stderr, never a traceback."""
    try:
        app()
    except NewsprismError as error:
        stderr.print(f"newsprism: {error}", markup=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        stderr.print("newsprism: interrupted", markup=False)
        sys.exit(130)



