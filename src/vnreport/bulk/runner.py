"""Bulk extraction: many inputs in, records out to a sink — parallel, streaming, resumable.

The parent process walks the inputs and reads their bytes (cheap), skips the ones a sink already
holds, and sends small batches to worker processes that decode and extract them and encode each
Report for the sink (plain rows for SQL); results are written back in transactions of
`batch_size`. The workers fork from a forkserver that built the pipeline once; the parent never
imports spaCy. At most a few batches per worker are in flight, so memory stays flat whatever
the archive's size.

Exit codes are `vnreport.bulk.summary.ExitCode`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import ParamSpec, TypeVar

from vnreport.bulk.progress import BulkProgress
from vnreport.bulk.summary import Summary
from vnreport.bulk.watchdog import TIMED_OUT, DocumentClock
from vnreport.bulk.worker import WorkOptions, check_pipeline, init_worker, process_batch
from vnreport.errors import ExtractionError
from vnreport.failure import Failure
from vnreport.io import STDIN, RawInput, ReadOptions, Unreadable, expand, format_of, iter_raw
from vnreport.settings import DEFAULT_MAX_CHARS
from vnreport.sinks.base import DEFAULT_BATCH, Encoder, Sink, Stored

LOGGER = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

_TASKS_PER_CHILD = (
    500  # worker processes are renewed now and then so spaCy's string store stays small
)
_IN_FLIGHT_PER_WORKER = 2
_CRASH_STREAK = 3  # inputs in a row that kill their worker before the run gives up


@dataclass(frozen=True)
class BulkOptions:
    """How a bulk run reads, parallelizes and writes.

    Attributes:
        workers: Worker processes; None for every core, 0 to extract in this process.
        batch_size: Records written per transaction (at most this many are lost to `kill -9`).
        chunk_size: Inputs sent to a worker at a time.
        max_chars: Larger documents are failures.
        read: Reader options (JSONL fields, byte limit, forced format).
        pipeline: Custom pipeline, see `vnreport.bulk.worker.WorkOptions`.
        redo: Process inputs already stored and replace reports of the same extractor version.
        quiet: No progress bar.
        max_seconds: A document a worker spends longer on becomes a `TimedOut` failure and the
            worker is replaced; None for no limit. Needs local worker processes.
    """

    workers: int | None = None
    batch_size: int = DEFAULT_BATCH
    chunk_size: int = 8
    max_chars: int = DEFAULT_MAX_CHARS
    read: ReadOptions = field(default_factory=ReadOptions)
    pipeline: str | None = None
    redo: bool = False
    quiet: bool = False
    max_seconds: float | None = None

    def work(self, encoder: Encoder | None = None) -> WorkOptions:
        """What the workers need of these options, and the sink's `encoder`."""
        return WorkOptions(
            read=self.read, max_chars=self.max_chars, pipeline=self.pipeline, encoder=encoder
        )


class InlineExecutor(Executor):
    """Runs each task at once in this process: `--workers 0`, and debugging."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """Run `fn` now; its result (or exception) is in the returned future."""
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def total_bytes(paths: Iterable[str | Path]) -> int | None:
    """Size of every input file, for the progress bar; None when stdin is among them."""
    total = 0
    for path, explicit in expand(paths):
        if path == STDIN:
            return None
        if explicit or format_of(path) is not None:
            try:
                total += Path(path).stat().st_size
            except OSError:
                continue
    return total


def _context() -> multiprocessing.context.BaseContext:
    # Never fork: a forked worker would inherit the parent's end of the liveness pipe. The
    # forkserver builds the pipeline once (vnreport.bulk.forkserver) and forks ready workers, while
    # this process, which only reads files and writes the sink, never imports spaCy.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["vnreport.bulk.forkserver"])
    return context


def start_workers(options: BulkOptions) -> None:
    """Start building the workers' pipeline now, in the background, if the run will need it.

    The forkserver loads the pipeline once (a second or two) and forks every worker from it;
    starting it before opening the sink and walking the inputs overlaps that wait with them.
    `run` calls it too; calling it again does nothing.
    """
    workers = default_workers() if options.workers is None else options.workers
    context = _context()
    if workers > 0 and context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _local_pool(
    workers: int,
    work: WorkOptions,
    context: multiprocessing.context.BaseContext,
    alive: Connection,
    clock: DocumentClock | None,
) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(work, alive, clock),
        max_tasks_per_child=_TASKS_PER_CHILD,
    )


@dataclass
class _Task:
    raws: list[RawInput]
    quarantined: bool = False


class _Run:
    """One bulk run: the pool, the work in flight, the records waiting to be written."""

    def __init__(
        self,
        sink: Sink,
        options: BulkOptions,
        progress: BulkProgress,
        executor: Executor | None,
        parallelism: int,
    ) -> None:
        self.sink = sink
        self.options = options
        self.work = options.work(type(sink).encoder)
        self.progress = progress
        self.summary = Summary(redo=options.redo)
        workers = default_workers() if options.workers is None else options.workers
        self.owned = executor is None
        self.workers = max(workers, 0)
        # Local workers hold the read end and exit when it closes: when this process ends, however.
        self.alive: tuple[Connection, Connection] | None = None
        self.budget = options.max_seconds if self.owned and self.workers else None
        self.clock = DocumentClock(_context(), 2 * self.workers + 2) if self.budget else None
        self.timed_out: dict[str, float] = {}  # input key → seconds spent before it was stopped
        self.executor = executor or self._new_executor()
        self.limit = max(1, parallelism if executor is not None else self.workers or 1)
        self.limit *= _IN_FLIGHT_PER_WORKER
        self.in_flight: dict[Future[list[Stored]], _Task] = {}
        self.suspects: deque[RawInput] = deque()
        self.pending: list[Stored] = []
        self.crashes = 0

    def _new_executor(self) -> Executor:
        if self.workers == 0:
            return InlineExecutor()
        context = _context()
        if self.alive is None:
            self.alive = context.Pipe(duplex=False)
        return _local_pool(self.workers, self.work, context, self.alive[0], self.clock)

    # Reading and resuming

    def _chunks(self, raws: Iterator[RawInput | Unreadable]) -> Iterator[list[RawInput]]:
        """Batches of inputs to extract, without those the sink already holds."""
        size = self.options.batch_size
        while window := list(islice(raws, size)):
            fresh = [raw for raw in window if isinstance(raw, RawInput)]
            unreadable = [raw for raw in window if isinstance(raw, Unreadable)]
            self.summary.inputs += len(window)
            known: set[str] = set()
            if not self.options.redo:
                known = self.sink.done([raw.key for raw in window])
            for item in unreadable:
                if item.key in known:
                    self._skip(item.size)
                else:
                    self._record(Stored(item.key, item.source, item.failure()), item.size)
            todo = []
            for raw in fresh:
                if raw.key in known:
                    self._skip(raw.size)
                else:
                    todo.append(raw)
            step = self.options.chunk_size
            for start in range(0, len(todo), step):
                yield todo[start : start + step]

    def _skip(self, size: int) -> None:
        self.summary.skipped += 1
        self.progress.advance(size, skipped=1)

    # Results

    def _record(self, item: Stored, size: int) -> None:
        if isinstance(item.result, Failure):
            self.summary.failed += 1
            self.summary.reasons[item.result.reason] += 1
            self.summary.examples.setdefault(item.result.reason, item.result.message)
            self.progress.advance(size, failed=1)
        else:
            self.summary.extracted += 1
            self.progress.advance(size, docs=1)
        self.pending.append(item)
        if len(self.pending) >= self.options.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the records waiting, in one transaction."""
        if self.pending:
            self.summary.written.add(self.sink.store(self.pending, redo=self.options.redo))
            self.pending = []

    def _crashed(self, task: _Task, error: BaseException) -> None:
        stopped = [raw for raw in task.raws if raw.key in self.timed_out]
        for raw in stopped:
            message = (
                f"extraction took over {self.budget:g} s (stopped after "
                f"{self.timed_out.pop(raw.key):.1f} s); raise --max-seconds to give it longer"
            )
            failure = Failure(source=raw.source, reason=TIMED_OUT, message=message, key=raw.key)
            self._record(Stored(raw.key, raw.source, failure), raw.size)
        if stopped:  # the others of its batch were only cut short with it
            self.suspects.extend(raw for raw in task.raws if raw not in stopped)
            return
        if task.quarantined:
            self.crashes += 1
            if self.crashes >= _CRASH_STREAK:  # the workers, not the inputs, are broken
                raise ExtractionError(
                    f"{self.crashes} inputs in a row killed their worker process ({error}); "
                    "stopping, as the workers cannot run here: try --workers 0 to see the error"
                ) from error
            raw = task.raws[0]
            reason = (
                "WorkerCrashed" if isinstance(error, BrokenProcessPool) else type(error).__name__
            )
            message = f"the worker died or failed while extracting this input: {error}"
            failure = Failure(source=raw.source, reason=reason, message=message, key=raw.key)
            self._record(Stored(raw.key, raw.source, failure), raw.size)
        else:  # which input broke the worker is unknown: retry each of them alone
            self.suspects.extend(task.raws)

    def _take(self, future: Future[list[Stored]]) -> bool:
        """Record one finished task; whether its failure broke the pool."""
        task = self.in_flight.pop(future)
        try:
            results = future.result()
        except Exception as error:
            LOGGER.debug("task of %d inputs failed", len(task.raws), exc_info=True)
            self._crashed(task, error)
            return isinstance(error, BrokenProcessPool)
        self.crashes = 0
        for raw, item in zip(task.raws, results, strict=True):
            self._record(item, raw.size)
        return False

    def _collect(self, futures: Iterable[Future[list[Stored]]]) -> None:
        broken = [self._take(future) for future in futures]
        if any(broken) and self.owned:
            # A dead worker breaks the whole pool: collect what is left of it, start a new one.
            while self.in_flight:
                for future in wait(self.in_flight).done:
                    self._take(future)
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = self._new_executor()

    # Scheduling

    def _submit(self, task: _Task) -> None:
        future = self.executor.submit(process_batch, task.raws, self.work)
        self.in_flight[future] = task

    def _wait(self) -> None:
        if self.budget is None or self.clock is None:
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
        else:
            poll = min(1.0, max(0.05, self.budget / 4))
            done, _ = wait(self.in_flight, timeout=poll, return_when=FIRST_COMPLETED)
            for overdue in self.clock.overdue(self.budget):
                LOGGER.debug("stopping worker %d after %.1f s", overdue.pid, overdue.seconds)
                self.timed_out[overdue.key] = overdue.seconds
                self.clock.stop(overdue)  # the pool breaks; _collect renews it
        self._collect(done)

    def run(self, raws: Iterator[RawInput | Unreadable]) -> None:
        """Extract every input, writing as results arrive."""
        chunks = self._chunks(raws)
        exhausted = False
        while True:
            if self.suspects:  # one at a time, alone in the pool, until each is cleared or failed
                if self.in_flight:
                    self._wait()
                    continue
                self._submit(_Task([self.suspects.popleft()], quarantined=True))
                self._wait()
                continue
            while not exhausted and len(self.in_flight) < self.limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    self._submit(_Task(chunk))
            if not self.in_flight:
                break
            self._wait()

    def drain(self) -> None:
        """After Ctrl-C: let the work in flight finish and keep its results."""
        self.suspects.clear()
        while self.in_flight:
            self._wait()

    def close(self, *, cancel: bool) -> None:
        """Write what is pending and stop the pool this run started."""
        try:
            self.flush()
        finally:
            if self.owned:
                self.executor.shutdown(wait=not cancel, cancel_futures=True)
            for end in self.alive or ():
                end.close()


def run(
    paths: Iterable[str | Path],
    sink: Sink,
    options: BulkOptions | None = None,
    *,
    executor: Executor | None = None,
    parallelism: int = 1,
) -> Summary:
    """Extract every input under `paths` into `sink`.

    Args:
        paths: Files, folders, globs and `-` (see `vnreport.io.iter_raw`).
        sink: Where reports and failures go; it is not closed here.
        options: Workers, batch sizes, limits.
        executor: Run the work there instead of a local process pool (Dask uses this); it is
            not shut down here.
        parallelism: How many tasks `executor` runs at once, to bound the work in flight.

    Returns:
        The counts of the run; `summary.exit_code()` is the CLI's exit status. A Ctrl-C stops
        the reading, lets the work in flight finish, writes it and returns with `interrupted`
        set; a second Ctrl-C abandons the work in flight.

    Raises:
        ResourceError: the custom pipeline cannot be found.
        SinkError: the sink cannot be written.
        ExtractionError: worker processes die on every input (what was done is written).
        ValueError: `max_seconds` without local worker processes.
    """
    options = options or BulkOptions()
    paths = list(paths)
    check_pipeline(options.pipeline)
    if options.max_seconds is not None and (executor is not None or options.workers == 0):
        raise ValueError(
            "a time budget (max_seconds) needs local worker processes: "
            "use workers=1 or more and no executor"
        )
    if executor is None:
        start_workers(options)
    started = time.monotonic()
    total = None if options.quiet else total_bytes(paths)
    with BulkProgress(total, quiet=options.quiet) as progress:
        state = _Run(sink, options, progress, executor, parallelism)
        cancel = False
        try:
            state.run(iter_raw(paths, options.read))
        except KeyboardInterrupt:
            state.summary.interrupted = True
            try:
                state.drain()
            except KeyboardInterrupt:
                cancel = True
        finally:
            state.close(cancel=cancel)
    state.summary.elapsed = time.monotonic() - started
    return state.summary
