"""Hostile bulk runs, through the real command in a subprocess: every input is accounted for.

A document that stalls a worker, an unreadable sub-folder, reruns over inputs that still fail
or were fixed, `--redo`, Parquet targets that cannot be written: each ends in a failure row, a
clear message and an exit status that says what is still failing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.inputs import article, write_corpus
from tests.pipelines import STALL

REPO = Path(__file__).resolve().parents[1]


def vnreport(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`vnreport ARGS` in a subprocess, its output as text."""
    script = Path(sys.executable).with_name("vnreport")
    return subprocess.run(
        [str(script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200", **(env or {})},
        timeout=600,
    )


def rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    """The rows of one query on a SQLite store."""
    with sqlite3.connect(database) as connection:
        return connection.execute(sql).fetchall()


def test_a_document_over_the_time_budget_is_a_failure_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 4)
    stalled = folder / "00001.txt"
    stalled.write_text(article().replace("Sáng", f"{STALL}. Sáng", 1), encoding="utf-8")
    database = tmp_path / "out.sqlite"
    started = time.monotonic()
    result = vnreport(
        "extract", folder, "--out", database, "--workers", "2", "--max-seconds", "3",
        "--pipeline", "tests.pipelines:sabotaged",
    )  # fmt: skip
    assert time.monotonic() - started < 300  # the stalled regex alone would run for ages
    assert result.returncode == 1, result.stderr
    assert rows(database, "SELECT count(*) FROM reports") == [(3,)]
    failures = rows(database, "SELECT source, reason, message FROM failures")
    assert [(Path(str(s)).name, r) for s, r, _ in failures] == [("00001.txt", "TimedOut")]
    assert "--max-seconds" in str(failures[0][2])
    assert "1 failed" in result.stderr


def test_the_time_budget_comes_from_the_settings_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 1)
    (folder / "stall.txt").write_text(f"Tiêu đề\n\n{STALL} tại xã Yên Đĩnh.", encoding="utf-8")
    database = tmp_path / "out.sqlite"
    result = vnreport(
        "extract", folder, "--out", database, "--workers", "1", "--pipeline",
        "tests.pipelines:sabotaged", env={"VNREPORT_MAX_SECONDS": "2"},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert rows(database, "SELECT reason FROM failures") == [("TimedOut",)]
    assert rows(database, "SELECT count(*) FROM reports") == [(1,)]


def test_a_time_budget_needs_worker_processes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 1)
    result = vnreport(
        "extract", tmp_path / "in", "--out", tmp_path / "o.sqlite", "--workers", "0",
        "--max-seconds", "5",
    )  # fmt: skip
    assert result.returncode == 2
    assert "--max-seconds needs local worker processes" in result.stderr
    assert not (tmp_path / "o.sqlite").exists()


def _unprivileged() -> list[str]:
    """A command prefix under which permissions hold: root keeps its uid but loses the
    capabilities that override file modes (so a mode-000 folder cannot be listed)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def locked_vnreport(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`vnreport ARGS` in a subprocess that file permissions apply to."""
    script = Path(sys.executable).with_name("vnreport")
    return subprocess.run(
        [*_unprivileged(), str(script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"},
        timeout=600,
    )


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder holding one article that nobody may list (mode 000), restored afterwards."""
    folder = tmp_path / "locked"
    write_corpus(folder, 1, start=50)
    folder.chmod(0)
    yield folder
    folder.chmod(0o755)


def test_an_unreadable_sub_folder_is_a_failure_row(tmp_path: Path, locked: Path) -> None:
    write_corpus(tmp_path, 2)
    database = tmp_path / "out.sqlite"
    result = locked_vnreport("extract", tmp_path, "--out", database, "--workers", "1")
    assert result.returncode == 1, result.stderr
    assert rows(database, "SELECT count(*) FROM reports") == [(2,)]
    ((source, reason, message),) = rows(database, "SELECT source, reason, message FROM failures")
    assert (Path(str(source)), reason) == (locked, "UnreadableFolderError")
    assert "Permission denied" in str(message)
    assert "1 failed" in result.stderr
    assert "cannot list the folder" in result.stderr
    locked.chmod(0o755)  # fixed: the rerun reads its files and forgets the folder's failure
    fixed = locked_vnreport("extract", tmp_path, "--out", database, "--workers", "1")
    assert fixed.returncode == 0, fixed.stderr
    assert rows(database, "SELECT count(*) FROM reports") == [(3,)]
    assert rows(database, "SELECT count(*) FROM failures") == [(0,)]
    assert rows(database, "SELECT count(*) FROM inputs WHERE report_id IS NULL") == [(0,)]


def test_naming_an_unreadable_folder_says_so(tmp_path: Path, locked: Path) -> None:
    database = tmp_path / "out.sqlite"
    result = locked_vnreport("extract", locked, "--out", database, "--workers", "0")
    assert result.returncode == 3, result.stderr
    assert "no inputs found" not in result.stderr
    assert "cannot list the folder" in result.stderr
    assert rows(database, "SELECT reason FROM failures") == [("UnreadableFolderError",)]


def test_a_file_behind_an_unreadable_folder_is_a_failure_not_a_missing_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "closed"
    (path,) = write_corpus(folder, 1)
    folder.chmod(0)
    try:
        result = locked_vnreport("extract", path, "--out", tmp_path / "o.sqlite", "--workers", "0")
    finally:
        folder.chmod(0o755)
    assert result.returncode == 3, result.stderr
    assert "no such file" not in result.stderr
    assert "Permission denied" in result.stderr


def _summary(stderr: str) -> dict[str, str]:
    """The rows of the run's summary table: label → number."""
    found = {}
    for line in stderr.splitlines():
        cells = [cell.strip() for cell in line.strip("│ ").split("│")]
        if len(cells) == 2 and cells[1][:1].isdigit():
            found[cells[0]] = cells[1]
    return found


def test_a_rerun_tries_the_failures_again_and_clears_fixed_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    broken, empty = folder / "broken.txt", folder / "empty.txt"
    broken.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    empty.write_bytes(b"")
    database = tmp_path / "out.sqlite"
    first = vnreport("extract", folder, "--out", database, "--workers", "0")
    assert first.returncode == 1, first.stderr
    again = vnreport("extract", folder, "--out", database, "--workers", "0")
    assert again.returncode == 1, again.stderr  # still failing: not "all good"
    summary = _summary(again.stderr)
    assert summary["skipped (stored by an earlier run)"] == "2"
    assert summary["failed"] == "2"
    assert rows(database, "SELECT count(*) FROM failures") == [(2,)]  # updated, not added
    broken.write_text(article("na_phai.txt"), encoding="utf-8")
    fixed = vnreport("extract", folder, "--out", database, "--workers", "0")
    assert fixed.returncode == 1, fixed.stderr  # empty.txt still fails
    assert [Path(str(s)).name for (s,) in rows(database, "SELECT source FROM failures")] == [
        "empty.txt"
    ]
    empty.write_text(article("thanh_xuyen.txt"), encoding="utf-8")
    clean = vnreport("extract", folder, "--out", database, "--workers", "0")
    assert clean.returncode == 0, clean.stderr
    assert rows(database, "SELECT count(*) FROM failures") == [(0,)]
    assert rows(database, "SELECT count(*) FROM reports") == [(4,)]


def test_redo_with_the_same_extractor_says_so(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 2)
    database = tmp_path / "out.sqlite"
    assert vnreport("extract", tmp_path / "in", "--out", database).returncode == 0
    redo = vnreport("extract", tmp_path / "in", "--out", database, "--redo")
    assert redo.returncode == 0, redo.stderr
    summary = _summary(redo.stderr)
    assert summary["replaced (--redo)"] == "2"
    assert "newer extractor" not in redo.stderr


def test_an_unwritable_parquet_target_fails_before_the_first_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 1)
    # Were a document extracted first, this one would hold the run for hours.
    (folder / "stall.txt").write_text(f"Tiêu đề\n\n{STALL} tại xã Yên Đĩnh.", encoding="utf-8")
    target = tmp_path / "read-only"
    target.mkdir()
    target.chmod(0o555)
    try:
        result = locked_vnreport(
            "extract", folder, "--out", target / "r.parquet", "--workers", "1",
            "--pipeline", "tests.pipelines:sabotaged",
        )  # fmt: skip
    finally:
        target.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "cannot open" in result.stderr
    assert "Permission denied" in result.stderr
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("target", ["s3://bucket/reports.parquet", "gs://b/r.jsonl", "s3://b/x.db"])
def test_urls_of_unknown_schemes_are_refused_up_front(tmp_path: Path, target: str) -> None:
    write_corpus(tmp_path / "in", 1)
    script = Path(sys.executable).with_name("vnreport")
    result = subprocess.run(
        [str(script), "extract", "in", "--out", target], capture_output=True, text=True,
        check=False, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "is not a supported output" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no folder "s3:"
