"""Bulk runs: every input stored once, faults isolated, reruns and resumed runs lose nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.inputs import PAGE, article, write_corpus
from tests.pipelines import BUG, CRASH
from vnreport.bulk.runner import BulkOptions, run
from vnreport.bulk.summary import ExitCode, Summary
from vnreport.errors import ExtractionError
from vnreport.io import ReadOptions, read_path
from vnreport.pipeline.assemble import content_id
from vnreport.sinks import open_sink
from vnreport.text.normalize import normalize_text

REPO = Path(__file__).resolve().parents[1]
QUIET_INLINE = BulkOptions(workers=0, quiet=True)


def _expected_ids(paths: list[Path]) -> set[str]:
    return {content_id(normalize_text(d.text)) for p in paths for d in read_path(p)}


def _rows(database: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        return connection.execute(query).fetchall()


def _dump(database: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = ["reports", "officials", "admin_units", "groups", "figures", "mentions", "inputs"]
    dump = {t: sorted(_rows(database, f"SELECT * FROM {t}"), key=repr) for t in tables}
    dump["failures"] = sorted(
        _rows(database, "SELECT key, source, reason, message FROM failures"), key=repr
    )
    # Surrogate ids of item rows depend on write order; compare the rows without them.
    for table in ("officials", "admin_units", "groups", "figures", "mentions"):
        dump[table] = sorted((row[1:] for row in dump[table]), key=repr)
    return dump


def _extract(paths: list[Path | str], database: Path, options: BulkOptions) -> Summary:
    with open_sink(database) as sink:
        return run(paths, sink, options)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Six articles, a page and a JSONL file of two more, under one folder."""
    folder = tmp_path / "in"
    write_corpus(folder / "txt", 6)
    (folder / "page.html").write_bytes(PAGE.read_bytes())
    lines = [
        {"id": f"j{i}", "text": article(name)}
        for i, name in enumerate(["na_phai.txt", "thanh_xuyen.txt"])
    ]
    (folder / "dump.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return folder


def test_a_run_stores_every_input(mixed: Path, tmp_path: Path) -> None:
    database = tmp_path / "out.sqlite"
    summary = _extract([mixed], database, QUIET_INLINE)
    assert (summary.inputs, summary.extracted, summary.failed, summary.skipped) == (9, 9, 0, 0)
    assert summary.exit_code() is ExitCode.OK
    stored = {rid for (rid,) in _rows(database, "SELECT id FROM reports")}
    assert stored == _expected_ids(sorted(mixed.rglob("*.*")))
    sources = {s for (s,) in _rows(database, "SELECT source FROM reports")}
    assert {"j0", "j1", str(mixed / "page.html")} <= sources


def test_a_rerun_skips_everything_and_changes_nothing(mixed: Path, tmp_path: Path) -> None:
    database = tmp_path / "out.sqlite"
    _extract([mixed], database, QUIET_INLINE)
    before = _dump(database)
    again = _extract([mixed], database, QUIET_INLINE)
    assert (again.skipped, again.extracted, again.failed) == (9, 0, 0)
    assert _dump(database) == before
    redone = _extract([mixed], database, BulkOptions(workers=0, quiet=True, redo=True))
    assert redone.written.replaced == 9
    assert _dump(database) == before


def test_faults_are_isolated(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_corpus(folder, 3)
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_text("Một câu rất dài. " * 2000, encoding="utf-8")
    (folder / "bug.txt").write_text(f"{BUG}\n\n{article()}", encoding="utf-8")
    (folder / "broken.jsonl").write_bytes(b'{"text": "B\xc3\xa0i t\xe1\xbb\x91t."}\n{oops\n')
    notes = tmp_path / "notes.md"
    notes.write_text("ghi chú", encoding="utf-8")
    database = tmp_path / "out.sqlite"
    options = BulkOptions(
        workers=0,
        quiet=True,
        read=ReadOptions(max_bytes=20_000),
        pipeline="tests.pipelines:sabotaged",
    )
    summary = _extract([folder, notes], database, options)
    failures = dict(_rows(database, "SELECT source, reason FROM failures"))
    assert failures == {
        str(folder / "binary.txt"): "DecodeError",
        str(folder / "empty.txt"): "EmptyDocumentError",
        str(folder / "huge.txt"): "DocumentTooLargeError",
        str(folder / "bug.txt"): "ExtractionError",
        f"{folder / 'broken.jsonl'}:2": "DecodeError",
        str(notes): "UnsupportedFormatError",
    }
    assert summary.extracted == len(good) + 1
    assert summary.failed == 6
    assert summary.exit_code() is ExitCode.SOME_FAILED
    assert len(_rows(database, "SELECT id FROM reports")) == len(good) + 1
    # A rerun skips what was stored and tries the failures again: they still fail, and say so.
    rerun = _extract([folder, notes], database, options)
    assert (rerun.skipped, rerun.failed, rerun.extracted) == (4, 6, 0)
    assert rerun.exit_code() is ExitCode.SOME_FAILED
    assert dict(_rows(database, "SELECT source, reason FROM failures")) == failures


@pytest.mark.parametrize(
    ("summary", "code"),
    [
        (Summary(extracted=10), ExitCode.OK),
        (Summary(skipped=10), ExitCode.OK),
        (Summary(extracted=9, failed=1), ExitCode.SOME_FAILED),
        (Summary(extracted=1, failed=9), ExitCode.NEARLY_ALL_FAILED),
        (Summary(failed=1), ExitCode.NEARLY_ALL_FAILED),
        (Summary(skipped=8, failed=2), ExitCode.SOME_FAILED),  # a rerun: the failures retried
        (Summary(skipped=1, failed=9), ExitCode.NEARLY_ALL_FAILED),
        (Summary(extracted=5, interrupted=True), ExitCode.INTERRUPTED),
    ],
)
def test_exit_codes(summary: Summary, code: ExitCode) -> None:
    assert summary.exit_code() is code


@pytest.mark.slow
def test_worker_processes_give_the_same_records(mixed: Path, tmp_path: Path) -> None:
    inline, pooled = tmp_path / "inline.sqlite", tmp_path / "pooled.sqlite"
    _extract([mixed], inline, QUIET_INLINE)
    summary = _extract([mixed], pooled, BulkOptions(workers=2, chunk_size=2, quiet=True))
    assert summary.extracted == 9
    assert _dump(pooled) == _dump(inline)


@pytest.mark.slow
def test_a_document_that_kills_its_worker_is_a_failure(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_corpus(folder, 5)
    (folder / "00002-crash.txt").write_text(f"{CRASH}\n\n{article()}", encoding="utf-8")
    database = tmp_path / "out.sqlite"
    options = BulkOptions(workers=2, chunk_size=3, quiet=True, pipeline="tests.pipelines:sabotaged")
    summary = _extract([folder], database, options)
    assert _rows(database, "SELECT source, reason FROM failures") == [
        (str(folder / "00002-crash.txt"), "WorkerCrashed")
    ]
    assert summary.extracted == len(good)
    assert {rid for (rid,) in _rows(database, "SELECT id FROM reports")} == _expected_ids(good)


@pytest.mark.slow
def test_workers_that_always_die_stop_the_run(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 4)
    options = BulkOptions(workers=1, chunk_size=1, quiet=True, pipeline="tests.pipelines:deadly")
    with pytest.raises(ExtractionError, match="in a row killed their worker"):
        _extract([tmp_path / "in"], tmp_path / "out.sqlite", options)


def _cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "vnreport.cli", "extract", *map(str, args)]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _stored_inputs(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        return len(_rows(database, "SELECT key FROM inputs"))
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def _start_and_wait(command: list[str], database: Path, rows: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command, env=_env(), start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    while _stored_inputs(database) < rows:
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    return process


CORPUS = 150


@pytest.mark.slow
def test_ctrl_c_flushes_and_stops_cleanly(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", CORPUS)
    database = tmp_path / "out.sqlite"
    command = _cli(tmp_path / "in", "--out", database, "--workers", "1", "--batch-size", "4")
    process = _start_and_wait(command, database, 8)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == ExitCode.INTERRUPTED, stderr.decode()
    assert "interrupted" in stderr.decode()
    stored = _stored_inputs(database)
    assert stored < CORPUS
    assert len(_rows(database, "SELECT id FROM reports")) == stored
    resumed = subprocess.run([*command, "-q"], env=_env(), capture_output=True, check=False)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert len(_rows(database, "SELECT id FROM reports")) == CORPUS


@pytest.mark.slow
def test_the_process_writing_the_sink_never_loads_the_pipeline(tmp_path: Path) -> None:
    # Workers build the pipeline (in the forkserver, once); the run's own process reads files
    # and writes rows, and stays small and quick to start.
    write_corpus(tmp_path / "in", 3)
    script = f"""
import sys
import vnreport.cli
from vnreport.bulk.runner import BulkOptions, run
from vnreport.sinks import open_sink
with open_sink({str(tmp_path / "out.sqlite")!r}) as sink:
    summary = run([{str(tmp_path / "in")!r}], sink, BulkOptions(workers=1, quiet=True))
assert summary.extracted == 3, summary
heavy = {{"spacy", "thinc", "underthesea", "underthesea_core", "torch", "trafilatura"}}
print(sorted({{name.split(".")[0] for name in sys.modules}} & heavy))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], env=_env(), capture_output=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == "[]"
