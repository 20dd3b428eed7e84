"""Extraction on a Dask cluster, giving the same records as a local run.

The library form maps a Dask bag of texts or Documents to a bag of Reports:

    >>> import dask.bag as db
    >>> from vnreport.bulk.dask_engine import extract_bag
    >>> records = extract_bag(db.from_sequence(texts, npartitions=8)).compute()

The command-line form, `vnreport extract ARCHIVE --engine dask --scheduler tcp://host:8786
--out reports.sqlite`, is `run()`: the inputs are read here and sent to the cluster in small
batches; the records come back and are written here, with the same resuming and fault
isolation as a local run. Every worker needs vnreport installed; each builds its pipeline once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vnreport.bulk.runner import BulkOptions
from vnreport.bulk.runner import run as run_bulk
from vnreport.bulk.summary import Summary
from vnreport.bulk.worker import WorkOptions, extract
from vnreport.document import Document
from vnreport.errors import ResourceError, VnreportError
from vnreport.failure import Failure
from vnreport.records import Report
from vnreport.settings import DEFAULT_MAX_CHARS
from vnreport.sinks.base import Sink

if TYPE_CHECKING:
    import dask.bag

_INSTALL = "the Dask engine needs dask and distributed: run `pip install 'vnreport[dask]'`"


def require() -> None:
    """Check that Dask is installed.

    Raises:
        ResourceError: dask or distributed is missing, with the command that installs them.
    """
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as error:
        raise ResourceError(_INSTALL) from error


def _extract_partition(
    items: Iterable[str | Document], options: WorkOptions
) -> list[Report | Failure]:
    records: list[Report | Failure] = []
    for item in items:
        document = item if isinstance(item, Document) else Document(text=item)
        try:
            records.append(extract(document, options))
        except VnreportError as error:
            records.append(Failure.from_error(error, source=document.source))
    return records


def extract_bag(
    bag: dask.bag.Bag, *, max_chars: int = DEFAULT_MAX_CHARS, pipeline: str | None = None
) -> dask.bag.Bag:
    """A bag of Reports, one per text or Document of `bag`, with a Failure for each that fails.

    Args:
        bag: Article texts (`str`) or `vnreport.Document`s.
        max_chars: Longer documents become Failures.
        pipeline: A custom pipeline (see `bulk.worker.WorkOptions`); the default one if None.
    """
    require()
    options = WorkOptions(max_chars=max_chars, pipeline=pipeline)
    mapped: dask.bag.Bag = bag.map_partitions(_extract_partition, options)  # type: ignore[no-untyped-call]
    return mapped


def run(
    paths: Iterable[str | Path],
    sink: Sink,
    options: BulkOptions | None = None,
    *,
    scheduler: str | None = None,
) -> Summary:
    """`vnreport.bulk.runner.run` with the work done by a Dask cluster.

    Args:
        paths: Files, folders, globs and `-`.
        sink: Where the records go (written from this process).
        options: As for a local run; `workers` sizes the local cluster when `scheduler` is None.
        scheduler: Address of a running scheduler (`tcp://host:8786`); None starts a local
            cluster of `options.workers` processes for this run.

    Raises:
        ResourceError: dask or distributed is not installed.
    """
    require()
    from distributed import Client, LocalCluster

    options = options or BulkOptions()
    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=options.workers or None,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never clash with a running cluster
            silence_logs=logging.ERROR,
        )
        scheduler = cluster.scheduler_address
    try:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            parallelism = sum(client.nthreads().values()) or 1
            executor = client.get_executor(pure=False)
            return run_bulk(paths, sink, options, executor=executor, parallelism=parallelism)
    finally:
        if cluster is not None:
            cluster.close()
