"""`Failure` records: built from errors, and storable whatever the error said."""

from __future__ import annotations

from vnreport.errors import DecodeError
from vnreport.failure import Failure


def test_a_failure_names_the_error_class_and_keeps_its_message() -> None:
    failure = Failure.from_error(DecodeError("binary", source="a.txt"), source="a.txt", key="k")
    assert (failure.reason, failure.message, failure.source, failure.key) == (
        "DecodeError",
        "binary (a.txt)",
        "a.txt",
        "k",
    )


def test_nul_bytes_and_lone_surrogates_are_made_storable() -> None:
    # A message quoting hostile input must not stop PostgreSQL (NUL) or UTF-8 (surrogates).
    failure = Failure(source="dump.jsonl:\x00\udce0", reason="DecodeError", message="bad\x00\nline")
    assert failure.source == "dump.jsonl: \ufffd"
    assert failure.message == "bad line"
    failure.model_dump_json().encode("utf-8")
