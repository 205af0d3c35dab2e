"""Command-line interface. Each command calls the library and reports its errors as one line each."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism import __version__
from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.ingest import expand
from newsprism.model import Story
from newsprism.pipeline import run
from newsprism.render.json import article_line, article_schema, story_record, story_schema

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


Inputs = Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for stdin.", show_default=False)]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")]
Strict = Annotated[bool, typer.Option("--strict", help="Exit with status 1 if any document fails.")]
Processes = Annotated[
    int, typer.Option("--processes", "-j", min=1, help="Language-pipeline worker processes (worth it for hundreds of articles).")
]


@app.command("extract")
def extract_command(
    inputs: Inputs,
    output: Annotated[
        str, typer.Option("-o", "--output", help="Where to write one JSON object per article (JSONL); - for stdout.")
    ] = "-",
    quiet: Quiet = False,
    strict: Strict = False,
    processes: Processes = 1,
) -> None:
    """Every input as an article: clean body, outlet, headline, byline, dates, removed blocks, entities, quotes, times.

    Writes one JSON object per article (schema: schema/article.schema.json). The inputs of one call are
    read as one story: dates are settled and entities get one id across them. A document that cannot be
    read or holds no article is reported on stderr as "SOURCE: cause" and skipped; the others are written.
    Exit status: 0 when at least one article was written (1 with --strict if any failed), 1 when none was,
    2 for usage errors.
    """

    def write(story: Story, sink: TextIO) -> int:
        for article in story.articles:
            sink.write(article_line(article) + "\n")
        return len(story.articles)

    execute(inputs, output, quiet, strict, Settings(processes=processes), write, "article(s)")


@app.command("analyze")
def analyze_command(
    inputs: Inputs,
    output: Annotated[str, typer.Option("-o", "--output", help="Where to write the story as one JSON document; - for stdout.")] = "-",
    quiet: Quiet = False,
    strict: Strict = False,
    processes: Processes = 1,
) -> None:
    """Read the inputs as the coverage of one story and write the story: its articles and its entity table.

    Writes one JSON document (schema: schema/story.schema.json): the articles exactly as `extract` writes
    them, and `entities`, one record per person, organisation or place with its canonical name, type,
    aliases, roles and the articles that mention it. Errors and exit status as for `extract`.
    """

    def write(story: Story, sink: TextIO) -> int:
        sink.write(json.dumps(story_record(story), ensure_ascii=False, indent=2) + "\n")
        return len(story.articles)

    execute(inputs, output, quiet, strict, Settings(processes=processes), write, "article(s) analysed")


def execute(
    inputs: list[str], output: str, quiet: bool, strict: bool, settings: Settings,
    write: Callable[[Story, TextIO], int], written_what: str,
) -> None:
    """Run the pipeline with a progress bar, report bad documents one line each, write the story, exit as documented."""
    try:
        sink: TextIO = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        stderr.print(f"newsprism: cannot write {output}: {error.strerror}")
        raise typer.Exit(2) from None
    written = failed = 0
    show_progress = not quiet and stderr.is_terminal
    total = sum(1 for _ in expand_all(inputs)) if show_progress else None
    progress = Progress(
        TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=True, disable=not show_progress,
    )
    with progress, sink:
        task = progress.add_task("read", total=total)
        own_output = [] if output == "-" else [Path(output)]
        for item in run(inputs, settings, on_document=lambda: progress.advance(task), exclude=own_output):
            if isinstance(item, Story):
                progress.update(task, description="analysing")
                written = write(item, sink) if item.articles else 0
                continue
            failed += 1
            progress.console.print(f"newsprism: {item}", markup=False, highlight=False, soft_wrap=True)
    if not quiet:
        where = "stdout" if output == "-" else output
        stderr.print(f"newsprism: {written} {written_what} written to {where}, {failed} failed", markup=False, soft_wrap=True)
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
    story: Annotated[bool, typer.Option("--story", help="The schema of `analyze` output instead of one `extract` line.")] = False,
) -> None:
    """Print the JSON Schema of one `extract` output line, or with --story of the `analyze` output (generated from the data model)."""
    text = json.dumps(story_schema() if story else article_schema(), indent=2, ensure_ascii=False) + "\n"
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



