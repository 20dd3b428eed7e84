"""The worker's unit of work: raw input to Report or Failure, never an exception."""

from __future__ import annotations

import pytest

from tests.inputs import article
from tests.pipelines import BUG
from vnreport.bulk.worker import WorkOptions, check_pipeline, pipeline, process, process_batch
from vnreport.errors import ResourceError
from vnreport.failure import Failure
from vnreport.io import RawInput, input_key
from vnreport.records import Report


def _raw(data: bytes, kind: str = "txt") -> RawInput:
    return RawInput("mem.txt", data, kind, input_key("/mem", data), len(data))  # type: ignore[arg-type]


def test_a_good_input_gives_its_report() -> None:
    stored = process(_raw(article().encode()), WorkOptions())
    assert isinstance(stored.result, Report)
    assert stored.source == "mem.txt"
    assert stored.key == input_key("/mem", article().encode())
    assert stored.result.source == "mem.txt"


@pytest.mark.parametrize(
    ("data", "options", "reason"),
    [
        (b"\x00\x01\x02", WorkOptions(), "DecodeError"),
        (b"  \n ", WorkOptions(), "EmptyDocumentError"),
        (article().encode(), WorkOptions(max_chars=100), "DocumentTooLargeError"),
        (
            f"{BUG}\n\n{article()}".encode(),
            WorkOptions(pipeline="tests.pipelines:sabotaged"),
            "ExtractionError",
        ),
    ],
)
def test_bad_inputs_give_failures(data: bytes, options: WorkOptions, reason: str) -> None:
    stored = process(_raw(data), options)
    assert isinstance(stored.result, Failure)
    assert stored.result.reason == reason
    assert stored.result.source == "mem.txt"
    assert stored.result.key == stored.key


def test_an_undecodable_record_is_a_failure() -> None:
    stored = process(_raw(b"\xff\xfe\x00", kind="jsonl"), WorkOptions())
    assert isinstance(stored.result, Failure)


def test_batches_keep_their_order() -> None:
    raws = [_raw(b"\x00"), _raw(article().encode()), _raw(b" ")]
    kinds = [type(s.result).__name__ for s in process_batch(raws, WorkOptions())]
    assert kinds == ["Failure", "Report", "Failure"]


def test_the_pipeline_is_built_once_per_process() -> None:
    assert pipeline(None) is pipeline(None)
    assert pipeline("tests.pipelines:sabotaged") is pipeline("tests.pipelines:sabotaged")
    assert "vnreport_test_saboteur" in pipeline("tests.pipelines:sabotaged").pipe_names


@pytest.mark.parametrize("spec", ["tests.pipelines:nothing", "no_such_module:load", "/no/such/dir"])
def test_bad_pipeline_specs_fail_early(spec: str) -> None:
    with pytest.raises(ResourceError):
        check_pipeline(spec)
