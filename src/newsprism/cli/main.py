"""Command-line interface. Each command calls the library and reports its errors as one line each."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
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
from newsprism.render.html import story_html
from newsprism.render.json import article_line, article_schema, story_record, story_schema
from newsprism.render.markdown import story_markdown

app = typer.Typer(
    name="newsprism",
    help=(
        "Read many outlets' coverage of a news story side by side: clean articles with their metadata, "
        "entities, quotes, dates, cross-outlet facts and framing.\n\n"
        "Inputs are page dumps (.txt: a browser's copy of a page, a terminal browser's dump such as lynx -dump, "
        "or Markdown), HTML pages (.html, .htm, optionally .gz), JSON/JSONL records "
        "({id, text|html, url, outlet, title, published}), directories of those, glob patterns, or - for stdin."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)

# An extra output of `analyze`: where to write it, and how to render the story for it.
Report = tuple[Path, Callable[[Story], str]]


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """newsprism: cross-outlet news analysis."""


Inputs = Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for stdin.", show_default=False)]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")]
Strict = Annotated[bool, typer.Option("--strict", help="Exit with status 1 if any document fails.")]
Processes = Annotated[int, typer.Option("--processes", "-j", min=1, help="Language-pipeline worker processes (worth it for hundreds of articles).")]


@app.command("extract")
def extract_command(
    inputs: Inputs,
    output: Annotated[str, typer.Option("-o", "--output", help="Where to write one JSON object per article (JSONL); - for stdout.")] = "-",
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
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="PATH",
            show_default=False,
            help="Also write a self-contained HTML report here (one file, no external assets): brief, fact-by-outlet "
            "matrix, quotes by speaker, timeline, coverage, and each article with its annotations highlighted.",
        ),
    ] = None,
    md: Annotated[
        Path | None,
        typer.Option(
            "--md",
            metavar="PATH",
            show_default=False,
            help="Also write a Markdown report here: the same sections as the HTML report, without the article texts.",
        ),
    ] = None,
    quiet: Quiet = False,
    strict: Strict = False,
    processes: Processes = 1,
) -> None:
    """Read the inputs as the coverage of one story and write the story, and optionally its HTML and Markdown reports.

    Writes one JSON document (schema: schema/story.schema.json): the articles exactly as `extract` writes
    them; `entities`, one record per person, organisation or place with its canonical name, type, aliases,
    roles and the articles that mention it; and the story's quotes, claims, timeline, brief and coverage.
    With --html and --md the reports are written after the JSON; article text is escaped in both.
    Errors and exit status as for `extract`; an output file that cannot be written is reported in one
    line on stderr, with exit status 2.
    """

    def write(story: Story, sink: TextIO) -> int:
        sink.write(json.dumps(story_record(story), ensure_ascii=False, indent=2) + "\n")
        return len(story.articles)

    reports: list[Report] = []
    if html is not None:
        reports.append((html, story_html))
    if md is not None:
        reports.append((md, story_markdown))
    execute(inputs, output, quiet, strict, Settings(processes=processes), write, "article(s) analysed and", reports)


def execute(
    inputs: list[str],
    output: str,
    quiet: bool,
    strict: bool,
    settings: Settings,
    write: Callable[[Story, TextIO], int],
    written_what: str,
    reports: Sequence[Report] = (),
) -> None:
    """Run the pipeline with a progress bar, report bad documents one line each, write the story and its reports, exit as documented.

    Every output file is opened before the run, so a path that cannot be written fails at once, and none
    of them is read as an input.
    """
    with ExitStack() as outputs:
        sink: TextIO = sys.stdout if output == "-" else outputs.enter_context(open_output(output))
        report_sinks = [(outputs.enter_context(open_output(str(path))), render) for path, render in reports]
        own_output = ([] if output == "-" else [Path(output)]) + [path for path, _ in reports]
        written, failed = run_story(inputs, quiet, settings, sink, write, report_sinks, own_output)
    if not quiet:
        places = ["stdout" if output == "-" else output] + ([str(path) for path, _ in reports] if written else [])
        where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
        stderr.print(f"newsprism: {written} {written_what} written to {where}, {failed} failed", markup=False, soft_wrap=True)
    if written == 0 or (strict and failed):
        raise typer.Exit(1)


def open_output(path: str) -> TextIO:
    """An output file opened for writing; a failure is one line on stderr and exit status 2."""
    try:
        return open(path, "w", encoding="utf-8")  # noqa: SIM115 - the caller's ExitStack closes it
    except OSError as error:
        stderr.print(f"newsprism: cannot write {path}: {error.strerror}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None


def run_story(
    inputs: list[str],
    quiet: bool,
    settings: Settings,
    sink: TextIO,
    write: Callable[[Story, TextIO], int],
    report_sinks: list[tuple[TextIO, Callable[[Story], str]]],
    own_output: list[Path],
) -> tuple[int, int]:
    """The pipeline under a progress bar: bad documents reported as they come, then the story and its reports written.

    Returns (articles written, documents failed).
    """
    written = failed = 0
    show_progress = not quiet and stderr.is_terminal
    total = sum(1 for _ in expand_all(inputs)) if show_progress else None
    progress = Progress(
        TextColumn("reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not show_progress,
    )
    with progress:
        task = progress.add_task("read", total=total)
        for item in run(inputs, settings, on_document=lambda: progress.advance(task), exclude=own_output):
            if isinstance(item, Story):
                progress.update(task, description="analysing")
                written = write(item, sink) if item.articles else 0
                for report_sink, render in report_sinks if written else []:
                    write_report(report_sink, render(item))
                continue
            failed += 1
            progress.console.print(f"newsprism: {item}", markup=False, highlight=False, soft_wrap=True)
    return written, failed


def write_report(sink: TextIO, text: str) -> None:
    """One report into its open file; a failure (disk full) is one line on stderr and exit status 2."""
    try:
        sink.write(text)
        sink.flush()
    except OSError as error:
        stderr.print(f"newsprism: cannot write {sink.name}: {error.strerror}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None


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


@app.command("prepare")
def prepare_command(
    force: Annotated[bool, typer.Option("--force", help="Export again even when the graph exists (e.g. after a damaged file).")] = False,
) -> None:
    """Export the sentence encoder to the ONNX graph every run loads (once per installation; `make setup` does it, and so does the first run)."""
    from newsprism.encoder import prepare_encoder

    typer.echo(f"sentence encoder ready: {prepare_encoder(force)}")


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
