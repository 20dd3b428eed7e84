"""The `vnreport` command: a thin Typer layer over the bulk runner, the review views and friends.

Exit codes of `vnreport extract` (see `vnreport.bulk.runner`): 0 all inputs gave reports, 1 some
failed, 2 usage error, 3 nearly all failed, 130 interrupted (rerun to resume).
"""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape  # messages name extras as vnreport[browse], not markup

from vnreport._version import __version__
from vnreport.errors import ExtractionError, VnreportError

if TYPE_CHECKING:
    from vnreport.bulk.runner import BulkOptions
    from vnreport.bulk.summary import Summary
    from vnreport.io import ReadOptions

EXAMPLES = r"""
[bold]Examples[/]

  vnreport extract article.txt              [dim]# its Report as JSON[/]
  vnreport extract corpora/dev --out reports.sqlite
  vnreport extract 'pages/**/*.html' dump.jsonl.gz crawl.warc.gz -o reports.db
  vnreport extract archive/ --out postgresql://user@host/db --workers 8
  vnreport extract archive/ --out reports.parquet    [dim]# or .jsonl[/]
  cat dump.jsonl | vnreport extract - -o reports.db --text-field body
  vnreport extract archive/ --engine dask --scheduler tcp://host:8786 -o r.db
  vnreport show article.html --html review.html
  vnreport browse reports.sqlite          [dim]# in datasette: vnreport\[browse][/]
  vnreport schema > report.schema.json
  vnreport eval corpora/dev --baseline underthesea

[bold]Exit codes[/] of extract: 0 all good, 1 some inputs failed, 2 usage error,
3 nearly all inputs failed, 130 interrupted (rerun the same command to resume).
"""

app = typer.Typer(
    name="vnreport",
    help="Structured, grounded records from Vietnamese inspection articles.",
    epilog=EXAMPLES,
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_err = Console(stderr=True)

_USAGE = 2
_ABORTED = 3


class Engine(StrEnum):
    """Where bulk extraction runs."""

    local = "local"
    dask = "dask"


class InputFormat(StrEnum):
    """A format to read inputs as, overriding their names."""

    txt = "txt"
    html = "html"
    jsonl = "jsonl"
    warc = "warc"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnreport {__version__}")
        raise typer.Exit


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not verbose:  # "discarding data: None" and the like: the failure row says it better
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _print_reports(paths: list[str], read: ReadOptions, max_chars: int) -> int:
    """Extract here and print each Report as JSON (indented when there is one); the exit status."""
    from vnreport.bulk.summary import Summary
    from vnreport.failure import Failure
    from vnreport.io import iter_inputs
    from vnreport.pipeline.run import extract_document
    from vnreport.records import Report

    summary = Summary()
    first: Report | None = None
    for item in iter_inputs(paths, read):
        summary.inputs += 1
        try:
            if isinstance(item, Failure):
                raise VnreportError(item.message)
            report = extract_document(item, max_chars=max_chars)
        except VnreportError as error:
            summary.failed += 1
            _err.print(f"[red]failed:[/] {escape(str(error))}", highlight=False)
            continue
        summary.extracted += 1
        if first is None and summary.extracted == 1:
            first = report  # printed indented if it stays the only one
            continue
        if first is not None:
            sys.stdout.write(first.model_dump_json() + "\n")
            first = None
        sys.stdout.write(report.model_dump_json() + "\n")
    if first is not None:
        sys.stdout.write(first.model_dump_json(indent=2) + "\n")
    if summary.inputs == 0:
        _err.print(f"[red]no inputs found in {escape(' '.join(paths))}", highlight=False)
        return _USAGE
    return int(summary.exit_code())


@app.command(epilog=EXAMPLES)
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt .html .htm .jsonl .jsonl.gz .warc .warc.gz), folders, globs, "
            "or - for standard input.",
            show_default=False,
        ),
    ],
    *,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="Where the records go: *.sqlite or *.db, postgresql://…[?schema=s], *.jsonl, "
            "*.parquet. Without it, one file's Report is printed as JSON.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=0, help="Worker processes (default: every core; 0: this process)."),
    ] = None,
    engine: Annotated[
        Engine, typer.Option(help="Run locally or on a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address, tcp://host:8786 (default: a local cluster)."),
    ] = None,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Records written per transaction.")
    ] = None,
    max_chars: Annotated[
        int | None, typer.Option(min=1, help="Larger documents are failures.")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(min=1, help="Larger files, lines and pages are failures.")
    ] = None,
    max_seconds: Annotated[
        float | None,
        typer.Option(
            min=0.001,
            help="A document a worker spends longer on is a failure (TimedOut) and the worker "
            "is replaced; the run goes on. Default: no limit (VNREPORT_MAX_SECONDS).",
        ),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--format", help="Read named files and stdin as this format."),
    ] = None,
    text_field: Annotated[str, typer.Option(help="JSONL field with the text.")] = "text",
    html_field: Annotated[str, typer.Option(help="JSONL field with a page's HTML.")] = "html",
    url_field: Annotated[str, typer.Option(help="JSONL field with the URL.")] = "url",
    id_field: Annotated[str, typer.Option(help="JSONL field with the id.")] = "id",
    published_field: Annotated[
        str, typer.Option(help="JSONL field with the publication date.")
    ] = "published",
    pipeline: Annotated[
        str | None,
        typer.Option(help="Custom pipeline: module:function, or a folder saved by nlp.to_disk."),
    ] = None,
    redo: Annotated[
        bool,
        typer.Option(help="Process inputs already stored; replace reports of the same version."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
) -> None:
    """Extract Reports from articles into a database or file; resumable, parallel."""
    from vnreport.bulk.runner import BulkOptions
    from vnreport.bulk.summary import ExitCode
    from vnreport.io import JsonlFields, ReadOptions, missing
    from vnreport.settings import Settings

    settings = Settings()
    absent = missing(paths)
    if absent:
        raise typer.BadParameter(f"no such file, folder or match: {', '.join(absent)}")
    fields = JsonlFields(
        text=text_field, html=html_field, url=url_field, id=id_field, published=published_field
    )
    read = ReadOptions(
        fields=fields,
        format=input_format.value if input_format else None,
        max_bytes=max_bytes or settings.max_bytes,
    )
    chars = max_chars or settings.max_chars
    if out is None:
        single = len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file())
        if not single:
            raise typer.BadParameter(
                "give --out TARGET (e.g. --out reports.sqlite) for many inputs"
            )
        raise typer.Exit(_print_reports(paths, read, chars))
    if engine is Engine.local and scheduler:
        raise typer.BadParameter("--scheduler needs --engine dask")
    seconds = max_seconds or settings.max_seconds
    chosen_workers = workers if workers is not None else settings.workers
    if seconds is not None and (engine is Engine.dask or chosen_workers == 0):
        raise typer.BadParameter(
            "--max-seconds needs local worker processes: use --workers 1 or more, "
            "without --engine dask"
        )
    options = BulkOptions(
        workers=chosen_workers,
        batch_size=batch_size or settings.batch_size,
        max_chars=chars,
        read=read,
        pipeline=pipeline,
        redo=redo,
        quiet=quiet,
        max_seconds=seconds,
    )
    summary = _run_bulk(paths, out, options, engine=engine, scheduler=scheduler)
    if not quiet:
        from vnreport.bulk.progress import summary_table

        _err.print(summary_table(summary))
    if summary.inputs == 0:
        _err.print(
            f"[red]no inputs found in {escape(' '.join(paths))}[/] "
            "(known: .txt .html .jsonl .warc)",
            highlight=False,
        )
        raise typer.Exit(ExitCode.USAGE)
    raise typer.Exit(int(summary.exit_code()))


def _quiet_dask() -> None:
    """Keep Dask's scheduler chatter (it sets its loggers to INFO on import) for --verbose."""
    from vnreport.bulk.dask_engine import require

    require()  # the extra to install, before any output is opened
    import distributed  # noqa: F401  (configures its loggers, which we then adjust)

    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("distributed").setLevel(logging.WARNING)


def _run_bulk(
    paths: list[str], out: str, options: BulkOptions, *, engine: Engine, scheduler: str | None
) -> Summary:
    from vnreport.bulk.runner import run, start_workers
    from vnreport.sinks import open_sink

    if engine is Engine.local:
        start_workers(options)  # the workers get ready while the sink opens
    else:
        _quiet_dask()  # before the sink is opened: without Dask nothing is written
    with open_sink(out) as sink:
        if engine is Engine.dask:
            from vnreport.bulk.dask_engine import run as run_dask

            summary = run_dask(paths, sink, options, scheduler=scheduler)
        else:
            summary = run(paths, sink, options)
    return summary


@app.command()
def show(
    file: Annotated[
        Path,
        typer.Argument(
            help="One article: .txt, .html, or the first record of a .jsonl/.warc.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ],
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="Also write the review page: the article with every item highlighted, "
            "its records beside it (one self-contained file).",
        ),
    ] = None,
) -> None:
    """Show one article's records in the terminal, and optionally write its review page."""
    from vnreport.io import read_path
    from vnreport.review import page
    from vnreport.review.show import annotate, render_report, report_of

    if html is not None and not html.parent.is_dir():
        raise typer.BadParameter(
            f"the folder {html.parent} does not exist: create it or write the page elsewhere",
            param_hint="--html",
        )
    document = next(iter(read_path(file)), None)
    if document is None:
        raise typer.BadParameter(f"{file} holds no article")
    report = report_of(annotate(document))
    Console().print(render_report(report))
    if html is not None:
        try:
            html.write_text(page.html(report), encoding="utf-8")
        except OSError as error:
            raise typer.BadParameter(
                f"cannot write {html}: {error.strerror}", param_hint="--html"
            ) from error
        _err.print(f"wrote {escape(str(html))} (open it in a browser)", highlight=False)


@app.command()
def browse(
    database: Annotated[
        Path,
        typer.Argument(
            help="A SQLite file written by vnreport extract --out.",
            dir_okay=False,
            show_default=False,
        ),
    ],
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8001,
) -> None:
    """Browse a results database in datasette (needs: pip install 'vnreport[browse]')."""
    from vnreport.review import browse as browsing

    browsing.tables_of(database)  # clear refusals before anything starts
    browsing.require_datasette()
    _err.print(
        escape(f"serving {database} at http://{host}:{port}/{database.stem} (Ctrl-C stops)"),
        highlight=False,
    )
    browsing.serve(database, host=host, port=port)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a Report record."""
    from vnreport.records import Report

    sys.stdout.write(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command("eval")
def evaluate(
    directories: Annotated[
        list[Path],
        typer.Argument(
            help="Corpus folders of articles with .gold.json records.", show_default=False
        ),
    ],
    baseline: Annotated[
        str | None, typer.Option(help="Also score a baseline system (underthesea).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the extraction against gold records, field by field."""
    from vnreport.evaluation import runner as evaluation

    raise typer.Exit(evaluation.run(directories, baseline=baseline, json_output=as_json))


def main() -> None:
    """Console entry point: run the app; a vnreport error is a message, not a traceback."""
    try:
        app()
    except ExtractionError as error:
        _err.print(f"[red]error:[/] {escape(str(error))}", highlight=False)
        sys.exit(_ABORTED)
    except VnreportError as error:
        _err.print(f"[red]error:[/] {escape(str(error))}", highlight=False)
        sys.exit(_USAGE)


if __name__ == "__main__":
    main()
