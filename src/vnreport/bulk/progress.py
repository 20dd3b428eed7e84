"""What a bulk run shows a person: a live progress bar and the summary at the end (rich)."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from vnreport.bulk.summary import Summary


class _RateColumn(ProgressColumn):
    """Documents per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        docs = int(task.fields.get("docs", 0))
        rate = docs / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} docs/s", style="progress.data.speed")


class BulkProgress:
    """A progress bar over the input bytes: documents, docs/s, failures, ETA; silent when quiet.

    Args:
        total_bytes: Size of all input files, for the bar and the ETA; None when unknown (stdin).
        quiet: Show nothing.
        console: Where to draw; standard error by default, keeping stdout for data.
    """

    def __init__(
        self, total_bytes: int | None, *, quiet: bool = False, console: Console | None = None
    ) -> None:
        self.quiet = quiet
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[docs]:,} docs"),
            _RateColumn(),
            TextColumn("[red]{task.fields[failed]:,} failed"),
            TextColumn("[dim]{task.fields[skipped]:,} skipped"),
            BarColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            disable=quiet,
            transient=False,
        )
        self._task = self._progress.add_task(
            "extract", total=total_bytes, docs=0, failed=0, skipped=0
        )
        self.docs = self.failed = self.skipped = 0

    def advance(self, size: int, *, docs: int = 0, failed: int = 0, skipped: int = 0) -> None:
        """Count `size` input bytes as done, with the documents they held."""
        self.docs += docs
        self.failed += failed
        self.skipped += skipped
        self._progress.update(
            self._task,
            advance=size,
            docs=self.docs,
            failed=self.failed,
            skipped=self.skipped,
        )

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._progress.stop()


def _clip(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def summary_table(summary: Summary) -> Table:
    """The end-of-run summary as a small table."""
    table = Table(title="vnreport extract", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rate = summary.extracted / summary.elapsed if summary.elapsed > 0 else 0.0
    table.add_row("inputs", f"{summary.inputs:,}")
    table.add_row("reports extracted", f"{summary.extracted:,}")
    table.add_row("  stored new", f"{summary.written.new:,}")
    replaced = "  replaced (--redo)" if summary.redo else "  replaced (newer extractor)"
    table.add_row(replaced, f"{summary.written.replaced:,}")
    table.add_row("  already stored", f"{summary.written.unchanged:,}")
    table.add_row("skipped (stored by an earlier run)", f"{summary.skipped:,}")
    table.add_row("failed", f"[red]{summary.failed:,}" if summary.failed else "0")
    for reason, count in summary.reasons.most_common():
        table.add_row(f"  {escape(reason)}", f"{count:,}")
        if reason in summary.examples:
            table.add_row("", Text(_clip(summary.examples[reason]), style="dim"))
    table.add_row("time", f"{summary.elapsed:,.1f} s ({rate:,.1f} docs/s)")
    if summary.interrupted:
        table.add_row("[yellow]interrupted", "[yellow]rerun to resume")
    return table
