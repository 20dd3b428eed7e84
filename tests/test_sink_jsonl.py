"""JSON Lines sink: one Report per line, a ledger of inputs beside it, compaction on replace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import sink_contract
from tests.inputs import sample_report
from vnreport.errors import SinkError
from vnreport.records import Report
from vnreport.sinks import open_sink, sink_kind
from vnreport.sinks.base import Sink
from vnreport.sinks.jsonl import JsonlSink


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "out" / "reports.jsonl"


def _opener(target: Path) -> sink_contract.OpenSink:
    def open_() -> Sink:
        return open_sink(target)

    return open_


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _stored(target: Path) -> sink_contract.ReadBack:
    def read() -> dict[str, Report]:
        reports = [Report.model_validate_json(line) for line in _lines(target)]
        assert len({r.id for r in reports}) == len(reports), "one line per report id"
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
        lines = [json.loads(line) for line in _lines(target.with_name("reports.inputs.jsonl"))]
        keys = [line["key"] for line in lines]
        assert len(set(keys)) == len(keys), "one ledger line per input key"
        return sorted((line["key"], line["source"]) for line in lines if line["failure"])

    return read


def test_failures_are_replaced_by_what_a_rerun_finds(target: Path) -> None:
    sink_contract.check_failures_are_replaced_by_what_a_rerun_finds(
        _opener(target), _failed(target)
    )


def test_the_same_report_twice_in_one_batch(target: Path) -> None:
    sink_contract.check_the_same_report_twice_in_one_batch(_opener(target), _stored(target))


def test_kind() -> None:
    assert sink_kind("x/reports.JSONL") == "jsonl"


def test_the_ledger_lists_inputs_and_failures(target: Path) -> None:
    with JsonlSink(target) as sink:
        sink.store(sink_contract.items(2))
    ledger = [json.loads(line) for line in _lines(target.with_name("reports.inputs.jsonl"))]
    assert [entry["key"] for entry in ledger] == ["key-0", "key-1", "key-bad"]
    assert ledger[0]["report_id"] == sample_report(0).id
    assert ledger[2]["failure"] == {"reason": "DecodeError", "message": "binary"}
    assert ledger[2]["source"] == "broken.txt"


def test_a_half_written_last_line_is_dropped(target: Path) -> None:
    with JsonlSink(target) as sink:
        sink.write([sample_report(0)])
    with target.open("a", encoding="utf-8") as file:
        file.write(sample_report(1).model_dump_json()[:80])  # a run killed mid-line
    with JsonlSink(target) as sink:
        written = sink.write([sample_report(1)])
    assert written.new == 1
    assert set(_stored(target)()) == {sample_report(0).id, sample_report(1).id}


def test_a_file_of_something_else_is_refused(target: Path) -> None:
    target.parent.mkdir(parents=True)
    target.write_text('{"name": "không phải báo cáo"}\n', encoding="utf-8")
    with pytest.raises(SinkError, match="cannot open"):
        JsonlSink(target)
