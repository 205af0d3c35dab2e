"""Command-line interface. Each command calls the library and reports its errors as one line each."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Protocol, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from newsprism import __version__
from newsprism.config import Settings
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import STDIN, expand
from newsprism.ingest.readers import RECORD_SUFFIXES, base_suffix
from newsprism.progress import Progress

if TYPE_CHECKING:
    from newsprism.cluster import ClusterState
    from newsprism.ingest.urls import UrlList
    from newsprism.model import Article, Story
    from newsprism.store import Store

# The library (spaCy, the models, the renderers) is imported inside each command, when it runs: `newsprism --help`
# and a usage error answer at once instead of after two seconds of imports.

app = typer.Typer(
    name="newsprism",
    help=(
        "Read many outlets' coverage of a news story side by side: clean articles with their metadata, "
        "entities, quotes, dates, cross-outlet facts and framing.\n\n"
        "Inputs are page dumps (.txt or .md: a browser's copy of a page, a terminal browser's dump such as lynx -dump, "
        "or Markdown), HTML pages (.html, .htm; gzipped ones too), JSON/JSONL records "
        "({id, text|html, url, outlet, title, published}, or articles as extract writes them), directories of those, "
        "glob patterns, WARC files (.warc, .warc.gz: every HTML response in them), http(s) URLs of pages or of RSS/Atom "
        "feeds (each item fetched) and files of URLs (-i), or - for stdin. URLs are fetched politely: robots.txt is "
        "honoured, a few at a time per site, with timeouts, a size limit and retries."
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
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """newsprism: cross-outlet news analysis."""


Inputs = Annotated[
    list[str] | None,
    typer.Argument(help="Files, directories, glob patterns, http(s) URLs of pages or RSS/Atom feeds, or - for stdin.", show_default=False),
]
UrlLists = Annotated[
    list[Path] | None,
    typer.Option(
        "-i", "--urls", metavar="FILE", show_default=False, help="A file of URLs (pages or feeds), one per line; # starts a comment. Repeatable."
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")]
Strict = Annotated[bool, typer.Option("--strict", help="Exit with status 1 if any document fails.")]
Processes = Annotated[int, typer.Option("--processes", "-j", min=1, help="Language-pipeline worker processes (worth it for hundreds of articles).")]


@app.command("extract")
def extract_command(
    inputs: Inputs = None,
    url_lists: UrlLists = None,
    output: Annotated[str, typer.Option("-o", "--output", help="Where to write one JSON object per article (JSONL); - for stdout.")] = "-",
    quiet: Quiet = False,
    strict: Strict = False,
    processes: Processes = 1,
) -> None:
    """Every input as an article: clean body, outlet, headline, byline, dates, removed blocks, entities, quotes, times, framing.

    Writes one JSON object per article (schema: schema/article.schema.json), each as soon as it is done, so an
    interrupted run keeps every article finished before it. Each article is read on its own: nothing is compared
    across inputs, and no article's dates depend on another's. Each line also carries `prepared` (the article's
    parse and sentence vectors), so `newsprism analyze` can read the file back without parsing the articles again.
    A document that cannot be read or holds no article is reported on stderr as "SOURCE: cause" and skipped; the
    others are written. Exit status: 0 when at least one article was written (1 with --strict if any failed), 1
    when none was (and no output file is left behind), 2 for usage errors and outputs that cannot be written.
    """
    from newsprism.pipeline import extract
    from newsprism.render.json import article_line

    sink = Output(output)
    sources = sources_of(inputs, url_lists)
    with Display(not quiet, sources) as display:
        for item in extract(sources, settings=Settings(processes=processes), progress=display, exclude=sink.paths()):
            if isinstance(item, InputError):
                display.failure(item)
            else:
                sink.write(article_line(item) + "\n")
                display.written += 1
    sink.close()
    finish(display, quiet, strict, [sink], "article(s)")


@app.command("analyze")
def analyze_command(
    inputs: Inputs = None,
    url_lists: UrlLists = None,
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
    stories: Annotated[
        bool,
        typer.Option(
            "--stories",
            help="Read the inputs as a stream of many stories: find them (as `cluster` does) and write each into the "
            "folder -o names, as DIR/<story-id>/story.json, report.html and report.md, with DIR/index.json and "
            "DIR/index.html listing them.",
        ),
    ] = False,
    quiet: Quiet = False,
    strict: Strict = False,
    processes: Processes = 1,
) -> None:
    """Read the inputs as the coverage of one story and write the story, and optionally its HTML and Markdown reports.

    Writes one JSON document (schema: schema/story.schema.json): the articles as `extract` writes them (without
    `prepared`, and with story-wide entity ids and the dates the story settles); `entities`, one record per person,
    organisation or place with its canonical name, type, aliases, roles and the articles that mention it; and the
    story's id, quotes, claims, timeline, brief, coverage and framing. Inputs may include `extract`'s output: its
    articles are read back as they are, not parsed again. With --html and --md the reports are written after the
    JSON; article text is escaped in both. With --stories the inputs are a stream of many stories, each written to
    its own folder under -o DIR (see --stories). Errors and exit status as for `extract`.
    """
    if stories:
        if html is not None or md is not None:
            fail("--html and --md name one story's reports; with --stories every story's reports go into the -o folder")
        analyze_stories(sources_of(inputs, url_lists), StoriesFolder(output), quiet, strict, processes)
        return
    from newsprism.pipeline import run
    from newsprism.render.html import story_html
    from newsprism.render.markdown import story_markdown

    outputs = [Output(output)] + [Output(str(path)) for path in (html, md) if path is not None]
    reports: list[tuple[Path | None, Callable[[Story], str]]] = [(html, story_html), (md, story_markdown)]
    renderers = [story_json, *(render for path, render in reports if path is not None)]
    exclude = [path for sink in outputs for path in sink.paths()]
    sources = sources_of(inputs, url_lists)
    with Display(not quiet, sources) as display:
        for item in run(sources, settings=Settings(processes=processes), progress=display, exclude=exclude):
            if isinstance(item, InputError):
                display.failure(item)
            elif item.articles:
                for sink, render in zip(outputs, renderers, strict=True):
                    sink.write(render(item))
                display.written += len(item.articles)
    for sink in outputs:
        sink.close()
    finish(display, quiet, strict, outputs, "article(s) analysed and")


@app.command("cluster")
def cluster_command(
    inputs: Inputs = None,
    url_lists: UrlLists = None,
    output: Annotated[str, typer.Option("-o", "--output", help="Where to write one JSON object per article (JSONL); - for stdout.")] = "-",
    state: Annotated[
        Path | None,
        typer.Option(
            "--state",
            metavar="PATH",
            show_default=False,
            help="Continue the open stories saved here by an earlier run (if the file exists), and save them there "
            "afterwards, so the next batch of the same stream joins them.",
        ),
    ] = None,
    quiet: Quiet = False,
    strict: Strict = False,
    processes: Processes = 1,
) -> None:
    """Find the stories of a stream of articles, and the wire and syndicated copies among them.

    Writes one JSON object per article, story by story: {"id", "source", "story", "duplicate_of"}. `id` is the
    record's id (else the article's), `story` the story's stable id, `duplicate_of` the id of the earliest article
    whose text it copies (or null). Articles are read in the order of the dates their pages state (the undated
    first); each joins the open story it matches best or starts one, and a story closes once its last article is a
    week older than the article at hand. Inputs may be `extract`'s output (nothing is parsed again). Errors and exit
    status as for `extract`.
    """
    from newsprism.cluster.features import what_grouping_reads
    from newsprism.pipeline import extract, group

    sink = Output(output)
    saved = read_state(state)
    articles: list[Article] = []
    sources = sources_of(inputs, url_lists)
    with Display(not quiet, sources) as display:
        for item in extract(sources, settings=Settings(processes=processes), progress=display, exclude=sink.paths()):
            if isinstance(item, InputError):
                display.failure(item)
            else:
                articles.append(what_grouping_reads(item))  # a long stream is held in memory, so only what grouping reads
        display.stage("grouping", len(articles))
        for story in group(articles, state=saved, progress=display):
            for article in story:
                placed = {"id": article.id, "source": article.source, "story": article.story, "duplicate_of": article.duplicate_of}
                sink.write(json.dumps(placed, ensure_ascii=False) + "\n")
                display.written += 1
    sink.close()
    if state is not None and articles:
        write_state(state, saved)
    finish(display, quiet, strict, [sink], "article(s) placed and")


def read_state(path: Path | None) -> ClusterState | None:
    """The state an earlier `cluster --state` run saved at `path` (a new one if there is no file yet)."""
    from newsprism.cluster import ClusterState

    if path is None:
        return None
    if not path.exists():
        if reason := unwritable(path):
            fail(f"cannot write {path}: {reason}")
        return ClusterState()
    try:
        return ClusterState.model_validate_json(path.read_bytes())
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")
    except ValueError as error:
        fail(f"cannot read {path}: not a cluster state saved by newsprism ({str(error).splitlines()[0]})")


def write_state(path: Path, state: ClusterState | None) -> None:
    """Save the state whole or not at all: written beside the file, then moved over it."""
    assert state is not None
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(state.model_dump_json(), encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror}")


def analyze_stories(sources: Sources, folder: StoriesFolder, quiet: bool, strict: bool, processes: int) -> None:
    """`analyze --stories`: every story of the stream into its own folder, the index rewritten after each."""
    from newsprism.pipeline import run

    with Display(not quiet, sources) as display:
        for item in run(sources, settings=Settings(processes=processes), progress=display, exclude=folder.paths(), stories=True):
            if isinstance(item, InputError):
                display.failure(item)
            elif item.articles:
                folder.write_story(item)
                display.written += len(item.articles)
    finish(display, quiet, strict, [folder], f"article(s) analysed in {len(folder.records)} story(ies) and")


def story_json(story: Story) -> str:
    from newsprism.render.json import story_record

    return json.dumps(story_record(story), ensure_ascii=False, indent=2) + "\n"


Sources = list["str | Path | UrlList"]  # what sources_of makes of the command line


def sources_of(inputs: list[str] | None, url_lists: list[Path] | None) -> Sources:
    """Command-line inputs: paths, URLs (kept as strings), - for stdin, then the URL files; never text to read as a
    page. No input at all is a usage error."""
    from newsprism.ingest.urls import UrlList, is_url

    sources: Sources = [item if item == STDIN or is_url(item) else Path(item) for item in inputs or []]
    sources.extend(UrlList(path) for path in url_lists or [])
    if not sources:
        fail("no inputs: name files, folders, URLs or - for stdin, or a file of URLs with -i")
    return sources


class Output:
    """An output file, checked at once and created only when something is written to it (so a run that writes
    nothing leaves no empty file behind); each write is flushed, so an interrupted run keeps what it wrote.
    A path that cannot be written is one line on stderr and exit status 2."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stream: TextIO | None = sys.stdout if path == STDIN else None
        if path != STDIN and (reason := unwritable(Path(path))):
            fail(f"cannot write {path}: {reason}")

    def paths(self) -> list[Path]:
        return [] if self.path == STDIN else [Path(self.path)]

    def write(self, text: str) -> None:
        try:
            if self.stream is None:
                self.stream = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
            self.stream.write(text)
            self.stream.flush()
        except OSError as error:
            fail(f"cannot write {self.path}: {error.strerror}")

    @property
    def written(self) -> bool:
        return self.stream is not None

    def close(self) -> None:
        if self.stream is not None and self.stream is not sys.stdout:
            self.stream.close()


class Sink(Protocol):
    """Where a command writes: what its summary line names."""

    path: str

    @property
    def written(self) -> bool: ...


class StoriesFolder:
    """The folder `analyze --stories` writes: DIR/<story-id>/story.json, report.html and report.md per story, and
    DIR/index.json and DIR/index.html, rewritten after each story so an interrupted run leaves a true index. Created
    when the first story is written; the files of an earlier run are replaced, others are left alone."""

    def __init__(self, path: str) -> None:
        if path == STDIN:
            fail("--stories writes a folder of files: name it with -o DIR")
        self.path = path
        self.folder = Path(path)
        if self.folder.is_dir():
            reason = None if os.access(self.folder, os.W_OK) else "Permission denied"
        else:
            reason = "Not a directory" if self.folder.exists() else unwritable(self.folder)
        if reason:
            fail(f"cannot write {path}: {reason}")
        self.records: list[dict[str, object]] = []

    def paths(self) -> list[Path]:
        """Files already in the folder (an earlier run's output), which are not inputs."""
        return [path for path in self.folder.rglob("*") if path.is_file()] if self.folder.is_dir() else []

    @property
    def written(self) -> bool:
        return bool(self.records)

    def write_story(self, story: Story) -> None:
        from newsprism.render.html import story_html
        from newsprism.render.index import index_html, index_record
        from newsprism.render.markdown import story_markdown

        files = {"story": f"{story.id}/story.json", "html": f"{story.id}/report.html", "md": f"{story.id}/report.md"}
        try:
            (self.folder / story.id).mkdir(parents=True, exist_ok=True)
            for name, render in (("story", story_json), ("html", story_html), ("md", story_markdown)):
                (self.folder / files[name]).write_text(render(story), encoding="utf-8")
            self.records = [record for record in self.records if record["id"] != story.id] + [index_record(story, files)]
            (self.folder / "index.json").write_text(json.dumps(self.records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            (self.folder / "index.html").write_text(index_html(self.records), encoding="utf-8")
        except OSError as error:
            fail(f"cannot write {self.path}: {error.strerror}")


def unwritable(path: Path) -> str | None:
    """Why a file cannot be written at `path` (as the system would say it), or None when it can."""
    if path.is_dir():
        return "Is a directory"
    if path.exists():
        return None if os.access(path, os.W_OK) else "Permission denied"
    if not path.parent.is_dir():
        return "No such file or directory"
    return None if os.access(path.parent, os.W_OK) else "Permission denied"


def fail(message: str) -> NoReturn:
    say(message)
    raise typer.Exit(2)


# Characters that would break a message's one line, or play tricks on a terminal (a file name may hold any of them).
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def say(message: str, console: Console | None = None) -> None:
    """One line on stderr, "newsprism: <message>", with line breaks and other control characters shown as escapes."""
    line = CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), message)
    (console or stderr).print(f"newsprism: {line}", markup=False, highlight=False, soft_wrap=True)


def finish(display: Display, quiet: bool, strict: bool, outputs: Sequence[Sink], written_what: str) -> None:
    """The summary line and the exit status the commands document."""
    if not quiet:
        places = [sink.path if sink.path != STDIN else "stdout" for sink in outputs if sink.written or sink is outputs[0]]
        where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
        skipped = f", {display.skipped_files} file(s) of other kinds skipped" if display.skipped_files else ""
        if display.written:
            summary = f"{display.written} {written_what} written to {where}, {display.failed} failed{skipped}"
        else:
            summary = f"nothing written, {display.failed} failed{skipped}"
        say(summary + display.unshown_notes())
    if display.written == 0 or (strict and display.failed):
        raise typer.Exit(1)


NOTES_SHOWN = 5  # notes on kept articles ("in German: kept, not annotated") printed as they come; the summary counts the rest


class Display(Progress):
    """The progress bar on stderr (only on a terminal): the stage, and documents done (prepared or failed) of those
    known; failures are printed above it as they come."""

    def __init__(self, enabled: bool, inputs: Sources) -> None:
        self.enabled = enabled and stderr.is_terminal
        self.written = self.failed = self.skipped_files = self.notes = 0
        self.bar = RichProgress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            disable=not self.enabled,
        )
        self.total = count_documents(inputs) if self.enabled else None
        self.done = 0
        self.stage_total: int | None = None
        self.stage_done = 0
        self.task = self.bar.add_task("preparing", total=self.total, detail=self.documents())

    def documents(self) -> str:
        return f"{self.done}/{self.total} documents" if self.total is not None else f"{self.done} documents"

    def advance(self) -> None:
        self.done += 1
        self.bar.update(self.task, advance=1, detail=self.documents())

    def __enter__(self) -> Display:
        self.bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.bar.__exit__(None, None, None)
        if kind is KeyboardInterrupt:  # every article written so far is in the output, flushed
            say(f"interrupted after {self.written} article(s)")
            raise typer.Exit(130)

    def failure(self, error: InputError) -> None:
        self.failed += 1
        self.advance()
        say(str(error), self.bar.console)

    def skipped(self, path: Path) -> None:
        self.skipped_files += 1

    def prepared(self) -> None:
        self.advance()

    def unshown_notes(self) -> str:
        """The end of a summary line that counts the notes not printed, or ""."""
        if self.notes <= NOTES_SHOWN:
            return ""
        return f"; {self.notes} articles noted, {self.notes - NOTES_SHOWN} of the notes not shown (each is in its article's notes)"

    def noted(self, source: str, message: str) -> None:
        # A batch of a thousand German pages would print a thousand such lines: the first few show what they are,
        # the summary counts the rest.
        self.notes += 1
        if self.notes <= NOTES_SHOWN:
            say(f"{source}: {message}", self.bar.console)

    def stage(self, name: str, total: int | None = None) -> None:
        self.stage_total, self.stage_done = total, 0
        self.bar.update(self.task, description=name, total=None, completed=0, detail=f"{total} articles" if total is not None else "")

    def placed(self) -> None:
        self.stage_done += 1
        if self.stage_done % 50 == 0 or self.stage_done == self.stage_total:  # redrawn every 50: placing is fast
            self.bar.update(self.task, total=self.stage_total, completed=self.stage_done, detail=f"{self.stage_done}/{self.stage_total} articles")


def count_documents(inputs: Sources) -> int | None:
    """How many documents the inputs hold, when that is known without reading them (no record files, no stdin, no
    URLs: a feed's items are known once it is fetched)."""
    files: list[Path] = []
    for item in inputs:
        if not isinstance(item, Path):
            return None
        files.extend(path for path in expand(str(item)) if isinstance(path, Path))
    if any(base_suffix(path) in RECORD_SUFFIXES for path in files):
        return None
    return len(files)


Database = Annotated[
    str | None,
    typer.Option("--db", metavar="URL", show_default=False, help="The store: a database URL (default: $NEWSPRISM_DB, else sqlite:///newsprism.db)."),
]


@app.command("ingest")
def ingest_command(
    inputs: Inputs = None,
    url_lists: UrlLists = None,
    db: Database = None,
    quiet: Quiet = False,
    strict: Strict = False,
    processes: Processes = 1,
) -> None:
    """Add the inputs' articles to the store, place them in its stories, and analyse again the stories they change.

    An article already stored (same URL or same text) is skipped, so ingesting the same inputs twice changes nothing.
    New articles join the stories the store keeps open or start new ones; only the stories that gained articles are
    analysed again. Each step commits on its own: an interrupted ingest loses nothing it committed, and the next one
    finishes its work. Inputs as for `extract`: files, folders, JSONL, WARC files, URLs of pages and of RSS/Atom feeds,
    files of URLs (-i), stdin. A URL already stored (a page, or a feed's item) is not fetched again, so a feed
    ingested every hour costs one request and its new items. Prints one summary line; errors and exit status as for
    `extract` (exit 0 also when every article was already stored).
    """
    from newsprism.store import IngestSummary

    store = open_store(db)
    summary = IngestSummary(run=0)
    sources = sources_of(inputs, url_lists)
    with Display(not quiet, sources) as display:
        for item in store.ingest(sources, settings=Settings(processes=processes), progress=display):
            if isinstance(item, IngestSummary):
                summary = item
            else:
                display.failure(item)
    if not quiet:
        say(
            f"{summary.new} new article(s) ({summary.copies} copied from another), {summary.known} already stored, "
            f"{summary.failed} failed; {summary.stories_created} story(ies) created, {summary.stories_updated} updated "
            f"({store.shown_url})" + display.unshown_notes()
        )
    if (summary.new + summary.known == 0) or (strict and summary.failed):
        raise typer.Exit(1)


@app.command("stories")
def stories_command(db: Database = None) -> None:
    """List the store's stories, one JSON object per line, most articles first.

    Each line: id, title, outlets, articles (how many), first and last dates, conflicts, and the brief's first sentence.
    """
    for record in open_store(db).stories():
        typer.echo(json.dumps(record, ensure_ascii=False))


@app.command("show")
def show_command(
    story: Annotated[str, typer.Argument(help="A story id, as `stories` lists them.", show_default=False)],
    db: Database = None,
    output: Annotated[str, typer.Option("-o", "--output", help="Where to write the story as one JSON document; - for stdout.")] = "-",
    html: Annotated[Path | None, typer.Option("--html", metavar="PATH", show_default=False, help="Also write the HTML report here.")] = None,
    md: Annotated[Path | None, typer.Option("--md", metavar="PATH", show_default=False, help="Also write the Markdown report here.")] = None,
) -> None:
    """Write one stored story as `analyze` writes it for the same articles (and its reports)."""
    from newsprism.render.html import story_html
    from newsprism.render.markdown import story_markdown

    found = open_store(db).story(story)
    if found is None:
        fail(f"no story {story} in the store")
    for path, render in ((output, story_json), (html, story_html), (md, story_markdown)):
        if path is not None:
            sink = Output(str(path))
            sink.write(render(found))
            sink.close()


def open_store(db: str | None) -> Store:
    """The store at `db`, or the one-line reason it cannot be opened."""
    from newsprism.store import Store

    try:
        return Store(db)
    except NewsprismError as error:
        fail(str(error))


@app.command("schema")
def schema_command(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the schema here instead of stdout.")] = None,
    story: Annotated[bool, typer.Option("--story", help="The schema of `analyze` output instead of one `extract` line.")] = False,
) -> None:
    """Print the JSON Schema of one `extract` output line, or with --story of the `analyze` output (generated from the data model)."""
    from newsprism.render.json import article_schema, story_schema

    text = json.dumps(story_schema() if story else article_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command("setup")
def setup_command(
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
        say(str(error))
        sys.exit(1)
    except KeyboardInterrupt:
        say("interrupted")
        sys.exit(130)
