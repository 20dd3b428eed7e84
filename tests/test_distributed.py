"""The Dask engine on a real two-process LocalCluster gives the records of a local run."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.inputs import PAGE, variant, write_corpus
from vnreport import extract_document
from vnreport.bulk.runner import BulkOptions
from vnreport.bulk.runner import run as run_local
from vnreport.document import Document
from vnreport.failure import Failure
from vnreport.records import Report
from vnreport.sinks import open_sink

pytestmark = pytest.mark.slow

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def client(cluster: object) -> Iterator[object]:
    with distributed.Client(cluster) as dask_client:
        yield dask_client


def test_a_bag_of_texts_and_documents_gives_the_local_reports(client: object) -> None:
    from vnreport.distributed import extract_bag

    items: list[str | Document] = [variant(i) for i in range(5)]
    items.append(Document(text=variant(9), source="doc-9", published="2023-10-01"))
    items.append("   ")
    bag = dask_bag.from_sequence(items, npartitions=3)
    results = extract_bag(bag).compute()
    assert len(results) == len(items)
    *reports, failure = results
    assert isinstance(failure, Failure)
    assert failure.reason == "EmptyDocumentError"
    local = [
        extract_document(item if isinstance(item, Document) else Document(text=item))
        for item in items[:-1]
    ]
    assert reports == local
    assert all(isinstance(report, Report) for report in reports)


def _rows(database: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        reports = connection.execute("SELECT * FROM reports ORDER BY id").fetchall()
        inputs = connection.execute("SELECT * FROM inputs ORDER BY key").fetchall()
        failures = connection.execute("SELECT key, source, reason FROM failures").fetchall()
    return [*reports, *inputs, *sorted(failures)]


def test_the_engine_stores_what_a_local_run_stores(cluster: object, tmp_path: Path) -> None:
    from vnreport.bulk.dask_engine import run as run_dask

    folder = tmp_path / "in"
    write_corpus(folder, 12)
    (folder / "page.html").write_bytes(PAGE.read_bytes())
    (folder / "zero.txt").write_bytes(b"\x00")
    options = BulkOptions(workers=0, quiet=True, chunk_size=2)
    with open_sink(tmp_path / "local.sqlite") as sink:
        local = run_local([folder], sink, options)
    with open_sink(tmp_path / "dask.sqlite") as sink:
        remote = run_dask([folder], sink, options, scheduler=cluster.scheduler_address)  # type: ignore[attr-defined]
    assert (remote.extracted, remote.failed) == (local.extracted, local.failed) == (13, 1)
    assert _rows(tmp_path / "dask.sqlite") == _rows(tmp_path / "local.sqlite")
    with open_sink(tmp_path / "dask.sqlite") as sink:
        again = run_dask([folder], sink, options, scheduler=cluster.scheduler_address)  # type: ignore[attr-defined]
    assert (again.skipped, again.failed) == (13, 1)  # the failure is tried again


def test_the_command_line_engine(cluster: object, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from vnreport.cli import app

    write_corpus(tmp_path / "in", 3)
    target = tmp_path / "out.jsonl"
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    args = ["extract", str(tmp_path / "in"), "--out", str(target), "--engine", "dask"]
    result = CliRunner().invoke(app, [*args, "--scheduler", address, "-q"])
    assert result.exit_code == 0, result.output
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3
