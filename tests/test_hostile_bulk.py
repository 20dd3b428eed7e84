"""Hostile bulk runs, through the real command in a subprocess: every input is accounted for.

A document that stalls a worker, an unreadable sub-folder, reruns over inputs that still fail
or were fixed, `--redo`, Parquet targets that cannot be written: each ends in a failure row, a
clear message and an exit status that says what is still failing.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

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
