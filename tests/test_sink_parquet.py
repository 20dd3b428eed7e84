"""Parquet sink: nested columns derived from the records, merged and swapped in at close."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from tests import sink_contract
from tests.inputs import sample_report
from vnreport.records import Report
from vnreport.sinks import open_sink, sink_kind
from vnreport.sinks.base import Sink
from vnreport.sinks.parquet import ParquetSink, report_schema


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "reports.parquet"


def _opener(target: Path) -> sink_contract.OpenSink:
    def open_() -> Sink:
        return open_sink(target)

    return open_


def _stored(target: Path) -> sink_contract.ReadBack:
    def read() -> dict[str, Report]:
        rows = pq.read_table(target).to_pylist()
        reports = [Report.model_validate(row) for row in rows]
        assert len({r.id for r in reports}) == len(reports), "one row per report id"
        return {report.id: report for report in reports}

    return read


def test_round_trip(target: Path) -> None:
    sink_contract.check_round_trip(_opener(target), _stored(target))


def test_rerun_is_idempotent(target: Path) -> None:
    sink_contract.check_rerun_is_idempotent(_opener(target), _stored(target))


def test_newer_version_replaces(target: Path) -> None:
    sink_contract.check_newer_version_replaces(_opener(target), _stored(target))


def test_done_keys(target: Path) -> None:
    sink_contract.check_done_keys(_opener(target))


def _failed(target: Path) -> sink_contract.FailedRows:
    def read() -> list[tuple[str | None, str | None]]:
        rows = pq.read_table(target.with_name("reports.inputs.parquet")).to_pylist()
        return sorted((row["key"], row["source"]) for row in rows if row["reason"] is not None)

    return read


def test_failures_are_replaced_by_what_a_rerun_finds(target: Path) -> None:
    sink_contract.check_failures_are_replaced_by_what_a_rerun_finds(
        _opener(target), _failed(target)
    )


def test_the_same_report_twice_in_one_batch(target: Path) -> None:
    sink_contract.check_the_same_report_twice_in_one_batch(_opener(target), _stored(target))


def test_kind() -> None:
    assert sink_kind("reports.parquet") == "parquet"


def test_schema_follows_the_records() -> None:
    schema = report_schema()
    assert schema.names == list(Report.model_fields)
    assert schema.field("published").type == pa.date32()
    officials = schema.field("officials").type
    assert isinstance(officials, pa.ListType)
    assert officials.value_type.field("mentions").type == pa.list_(
        pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    )
    figure = schema.field("figures").type.value_type
    assert figure.field("value").type == pa.float64()


def test_nested_columns_are_queryable(target: Path) -> None:
    with ParquetSink(target) as sink:
        sink.write([sample_report(0), sample_report(1)])
    table = pq.read_table(target, columns=["id", "officials"])
    officials = pc.list_flatten(table.column("officials"))
    assert pc.struct_field(officials, "name").to_pylist() == ["Lý Văn Thắng", "Lý Văn Thắng"]


def test_the_previous_file_survives_until_close(target: Path) -> None:
    with ParquetSink(target) as sink:
        sink.write([sample_report(0)])
    sink = ParquetSink(target)
    sink.write([sample_report(1)])
    assert set(_stored(target)()) == {sample_report(0).id}  # not swapped in yet
    sink.close()
    assert set(_stored(target)()) == {sample_report(0).id, sample_report(1).id}
    assert not list(target.parent.glob(".*.partial"))


def test_failures_go_to_the_inputs_file(target: Path) -> None:
    with ParquetSink(target) as sink:
        sink.store(sink_contract.items(1))
    rows = pq.read_table(target.with_name("reports.inputs.parquet")).to_pylist()
    failure = next(row for row in rows if row["reason"] is not None)
    assert (failure["source"], failure["reason"], failure["report_id"]) == (
        "broken.txt",
        "DecodeError",
        None,
    )
