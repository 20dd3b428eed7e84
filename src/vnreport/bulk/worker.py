"""The work one bulk worker does: decode raw inputs and extract their Reports, isolating faults.

Runs in worker processes (local pool or Dask workers). The pipeline is built once per process
and reused for every input that process handles; each Report is encoded for the sink there too,
so the process writing the sink receives rows, not models. Importing this module is cheap (no
spaCy): the bulk run's own process imports it to name the work it sends.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import os
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from vnreport.bulk.watchdog import DocumentClock
from vnreport.document import Document
from vnreport.errors import ExtractionError, ResourceError, VnreportError
from vnreport.failure import Failure
from vnreport.io import RawInput, ReadOptions, decode
from vnreport.records import Report
from vnreport.settings import DEFAULT_MAX_CHARS
from vnreport.sinks.base import Encoded, Encoder, Stored

if TYPE_CHECKING:
    from spacy.language import Language

LOGGER = logging.getLogger(__name__)
# In workers, trafilatura's own notes ("discarding data: None", "empty HTML tree") would reach
# the terminal (underthesea calls logging.basicConfig on import): the failure row says it better.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
_LOCK = threading.Lock()
_CLOCK: list[DocumentClock] = []  # this worker's clock for the run's time budget, if any


@dataclass(frozen=True)
class WorkOptions:
    """What every worker needs to turn a raw input into a Report.

    Attributes:
        read: Reader options (JSONL fields).
        max_chars: Longer documents are failures.
        pipeline: None for `vnreport.load()`; `module:function` naming a function that returns
            a pipeline; or a directory saved with `nlp.to_disk()`.
        encoder: The sink's encoder (`Sink.encoder`): Reports leave the worker encoded by it.
    """

    read: ReadOptions = field(default_factory=ReadOptions)
    max_chars: int = DEFAULT_MAX_CHARS
    pipeline: str | None = None
    encoder: Encoder | None = None


def _factory(spec: str) -> Callable[[], Language]:
    import spacy

    if ":" in spec and not Path(spec).exists():
        module_name, _, name = spec.partition(":")
        try:
            function: Callable[[], Language] = getattr(importlib.import_module(module_name), name)
        except (ImportError, AttributeError) as error:
            raise ResourceError(f"cannot import pipeline factory {spec!r}: {error}") from error
        return function

    def from_disk() -> Language:
        try:
            nlp: Language = spacy.load(spec)
        except OSError as error:
            raise ResourceError(f"cannot load pipeline {spec!r}: {error}") from error
        return nlp

    return from_disk


@cache
def pipeline(spec: str | None = None) -> Language:
    """This process's pipeline for `spec` (see `WorkOptions.pipeline`), built on first use."""
    if spec is None:
        from vnreport.pipeline.run import load

        return load()
    return _factory(spec)()


def check_pipeline(spec: str | None) -> None:
    """Fail early, in the parent, on a pipeline spec that names nothing.

    Raises:
        ResourceError: the module or function cannot be imported, or the directory is missing.
    """
    if spec is None:
        return
    if ":" in spec and not Path(spec).exists():
        _factory(spec)
    elif not Path(spec).is_dir():
        raise ResourceError(f"pipeline {spec!r} is neither module:function nor a saved pipeline")


def _exit_with_parent(alive: Connection) -> None:
    """Exit when the run's process is gone: `kill -9` of it must not leave workers behind.

    The parent holds the only writing end of the `alive` pipe and never writes; when it dies,
    however it dies, the pipe closes and the read below returns.
    """

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            alive.recv_bytes()
        os._exit(1)

    threading.Thread(target=watch, name="vnreport-parent-watch", daemon=True).start()


def init_worker(
    options: WorkOptions, alive: Connection | None = None, clock: DocumentClock | None = None
) -> None:
    """Pool initializer: leave Ctrl-C to the parent, which drains the pool; build the pipeline.

    Args:
        options: What the worker's tasks need.
        alive: Read end of a pipe the parent holds open; the worker exits when it closes.
        clock: Where this worker says which input it works on, for the run's time budget.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if alive is not None:
        _exit_with_parent(alive)
    if clock is not None:
        clock.claim()
        _CLOCK[:] = [clock]
    try:
        pipeline(options.pipeline)
    except VnreportError:  # reported with each input instead, so the pool stays alive
        LOGGER.debug("cannot build the pipeline", exc_info=True)


def extract(document: Document, options: WorkOptions) -> Report:
    """The Report of `document` by this process's pipeline.

    Raises:
        InputError: the document is empty or too large.
        ExtractionError: a component failed.
    """
    from vnreport.pipeline.run import extract_document

    with _LOCK:  # Dask runs tasks in threads; one pipeline per process serves them in turn
        nlp = pipeline(options.pipeline)
        return extract_document(document, nlp=nlp, max_chars=options.max_chars)


def process(raw: RawInput, options: WorkOptions) -> Stored:
    """The Report of one raw input (encoded for the sink if asked), or its Failure.

    No exception escapes.
    """
    for clock in _CLOCK:
        clock.started(raw.key)
    try:
        return _process(raw, options)
    finally:
        for clock in _CLOCK:
            clock.finished()


def _process(raw: RawInput, options: WorkOptions) -> Stored:
    try:
        report = extract(decode(raw, options.read), options)
        if options.encoder is not None:
            return Stored(raw.key, raw.source, Encoded.of(report, options.encoder))
        return Stored(raw.key, raw.source, report)
    except VnreportError as error:
        return Stored(
            raw.key, raw.source, Failure.from_error(error, source=raw.source, key=raw.key)
        )
    except Exception as error:  # a reader library failing on strange bytes is a failure too
        LOGGER.debug("reading %s failed", raw.source, exc_info=True)
        wrapped = ExtractionError(f"{type(error).__name__}: {error}", source=raw.source)
        return Stored(
            raw.key, raw.source, Failure.from_error(wrapped, source=raw.source, key=raw.key)
        )


def process_batch(raws: Sequence[RawInput], options: WorkOptions) -> list[Stored]:
    """`process` over a batch: the unit of work sent to a worker."""
    return [process(raw, options) for raw in raws]


_WARM_TEXT = "Sáng 14/9, đoàn kiểm tra của UBND huyện Chợ Mới làm việc tại xã Yên Đĩnh."


def warm() -> None:
    """Build the default pipeline and load what it loads lazily (segmentation model,
    gazetteer), so processes forked from this one start ready: the bulk run's forkserver
    calls it once, and every worker it forks, renewed ones too, inherits the result.
    """
    try:
        extract(Document(text=_WARM_TEXT), WorkOptions())
        decode(RawInput("warm", _WARM_TEXT.encode(), "txt", "warm"))  # ftfy, charset tables
    except Exception:  # a worker that finds the pipeline broken reports it with each input
        LOGGER.debug("warming the pipeline failed", exc_info=True)
    # What is loaded now lives as long as the process: keep the collector off it, so the
    # forked workers neither scan it nor copy its pages by writing to its GC headers.
    gc.collect()
    gc.freeze()
