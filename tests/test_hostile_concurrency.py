"""Two bulk runs writing the same SQLite file at once: both finish, nothing corrupt, none lost.

Each write transaction takes the file's lock with BEGIN IMMEDIATE and waits for the other's
commit (see vnreport.sinks.sqlite), so the runs interleave batch by batch.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.inputs import write_corpus
from tests.stored import check_items_match_records, sqlite_query, stored_reports
from vnreport.io import read_path
from vnreport.pipeline.assemble import content_id
from vnreport.text.normalize import normalize_text

REPO = Path(__file__).resolve().parents[1]


def _run(folder: Path, database: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "vnreport.cli", "extract", str(folder), "--out", str(database),
        "--workers", "1", "--batch-size", "2", "-q",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_two_runs_on_one_new_sqlite_file(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", 20)
    b = write_corpus(tmp_path / "b", 20, start=10)  # ten articles in common, other file names
    database = tmp_path / "shared.sqlite"  # not there yet: both runs create the tables
    runs = [_run(tmp_path / "a", database), _run(tmp_path / "b", database)]
    for process in runs:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr.decode()
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        schema_rows = connection.execute("SELECT count(*) FROM schema_version").fetchone()
    assert schema_rows == (1,)
    query = sqlite_query(database)
    expected = {content_id(normalize_text(d.text)) for p in [*a, *b] for d in read_path(p)}
    reports = stored_reports(query)
    assert sorted(r.id for r in reports) == sorted(expected)  # 30, each once
    check_items_match_records(query, reports)
    inputs = query("SELECT source, report_id FROM inputs")
    assert len(inputs) == 40
    assert {source for source, _ in inputs} == {str(p) for p in [*a, *b]}
    assert all(report_id in expected for _, report_id in inputs)
    assert query("SELECT count(*) FROM failures") == [(0,)]
