"""What every sink promises, checked the same way for each backend's test module.

Each check takes `open_sink` (a fresh sink on the same store each call) and `stored` (the
Reports the store holds, by id, read back independently of the sink).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from tests.inputs import sample_report
from vnreport.failure import Failure
from vnreport.records import Report
from vnreport.sinks.base import Sink, Stored, Written

OpenSink = Callable[[], Sink]
ReadBack = Callable[[], dict[str, Report]]


def items(count: int = 3, *, version: str = "0.1.0", start: int = 0) -> list[Stored]:
    """`count` stored reports with their input keys, then one failure."""
    reports = [
        Stored(f"key-{i}", f"sample-{i}.txt", sample_report(i, version=version))
        for i in range(start, start + count)
    ]
    failure = Failure(source="broken.txt", reason="DecodeError", message="binary", key="key-bad")
    return [*reports, Stored("key-bad", "broken.txt", failure)]


def check_round_trip(open_sink: OpenSink, stored: ReadBack) -> None:
    """Reports come back equal to what was written; failures are counted."""
    batch = items()
    with open_sink() as sink:
        written = sink.store(batch)
    assert written == Written(new=3, failures=1)
    expected = {i.result.id: i.result for i in batch if isinstance(i.result, Report)}
    assert stored() == expected


def check_rerun_is_idempotent(open_sink: OpenSink, stored: ReadBack) -> None:
    """Storing the same items again changes nothing."""
    with open_sink() as sink:
        sink.store(items())
    before = stored()
    with open_sink() as sink:
        written = sink.store(items())
        sink.write([item.result for item in items() if isinstance(item.result, Report)])
    assert written.new == 0
    assert written.unchanged == 3
    assert stored() == before


def check_newer_version_replaces(open_sink: OpenSink, stored: ReadBack) -> None:
    """A newer extractor replaces a report; an older one does not; redo replaces an equal one."""
    with open_sink() as sink:
        sink.store(items(2, version="0.1.0"))
    with open_sink() as sink:
        assert sink.store(items(1, version="0.0.9")).unchanged == 1
        newer = sink.store(items(1, version="0.10.0"))
    assert (newer.replaced, newer.new) == (1, 0)
    versions = {rid: report.extractor_version for rid, report in stored().items()}
    first, second = sample_report(0).id, sample_report(1).id
    assert versions == {first: "0.10.0", second: "0.1.0"}
    with open_sink() as sink:
        assert sink.store(items(1, version="0.10.0"), redo=True).replaced == 1
    assert len(stored()) == 2


def check_done_keys(open_sink: OpenSink) -> None:
    """Input keys stored with a report are done for their version and earlier; failed ones are
    not, so a rerun tries them again."""
    with open_sink() as sink:
        sink.store(items(2, version="0.1.0"))
    with open_sink() as sink:
        keys = ["key-0", "key-1", "key-bad", "key-new"]
        assert sink.done(keys, version="0.1.0") == {"key-0", "key-1"}
        assert sink.done(keys, version="0.0.1") == {"key-0", "key-1"}
        assert sink.done(keys, version="0.2.0") == set()
        assert sink.done([]) == set()


FailedRows = Callable[[], list[tuple[str | None, str | None]]]
"""The (key, source) of every failure the store holds, read back independently of the sink."""


def check_failures_are_replaced_by_what_a_rerun_finds(
    open_sink: OpenSink, failed: FailedRows
) -> None:
    """A failure stored again stays one row; a report for its key, or for its source with other
    bytes (the file fixed), removes it; failures of other sources stay."""
    other = Failure(source="other.txt", reason="DecodeError", message="binary", key="key-other")
    with open_sink() as sink:
        sink.store([*items(1), Stored("key-other", "other.txt", other)])
    with open_sink() as sink:
        sink.store(items(1))  # still failing
    assert sorted(failed()) == [("key-bad", "broken.txt"), ("key-other", "other.txt")]
    fixed = Stored("key-fixed", "broken.txt", sample_report(7))
    with open_sink() as sink:
        sink.store([fixed])
        assert sink.done(["key-fixed", "key-bad", "key-other"]) == {"key-fixed"}
    assert failed() == [("key-other", "other.txt")]
    with open_sink() as sink:
        sink.store([Stored("key-other", "other.txt", sample_report(8))])
    assert failed() == []
    # A folder that could not be listed, then a file read inside it: the folder was fixed.
    folder = Failure(source="in/sub", reason="UnreadableFolderError", message="denied", key="k-d")
    with open_sink() as sink:
        sink.store([Stored("k-d", "in/sub", folder)])
    assert failed() == [("k-d", "in/sub")]
    with open_sink() as sink:
        sink.store([Stored("k-in", "in/sub/deeper/a.txt", sample_report(9))])
        assert sink.done(["k-d"]) == set()
    assert failed() == []


def documented_queries() -> list[str]:
    """The SQL examples of docs/schema.md."""
    docs = Path(__file__).resolve().parents[1] / "docs" / "schema.md"
    return re.findall(r"```sql\n(.*?)```", docs.read_text(encoding="utf-8"), re.DOTALL)


def check_the_same_report_twice_in_one_batch(open_sink: OpenSink, stored: ReadBack) -> None:
    """Two inputs with the same text in one batch: one report, counted new once and unchanged once."""
    report = sample_report(0)
    batch = [Stored("key-a", "a.txt", report), Stored("key-b", "b.txt", report)]
    with open_sink() as sink:
        written = sink.store(batch)
        assert sink.done(["key-a", "key-b"]) == {"key-a", "key-b"}
    assert written == Written(new=1, unchanged=1)
    assert stored() == {report.id: report}
