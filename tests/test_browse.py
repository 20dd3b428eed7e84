"""`vnreport browse`: a real datasette server over a database a real `vnreport extract` wrote."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from vnreport import records
from vnreport.review.browse import metadata
from vnreport.sinks import sql_schema
from vnreport.sinks.sql_descriptions import describe

pytest.importorskip("datasette", reason="the browse extra is not installed")

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "corpora" / "dev"
SCRIPT = Path(sys.executable).with_name("vnreport")


def _vnreport(*args: str | Path) -> list[str]:
    return [str(SCRIPT), *(str(arg) for arg in args)]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """reports.sqlite, written by `vnreport extract` from eight dev-corpus articles."""
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted(DEV.glob("*.txt"))[:8]:
        shutil.copy(path, folder)
    out = folder.parent / "reports.sqlite"
    done = subprocess.run(
        _vnreport("extract", folder, "--out", out, "--workers", "0", "--quiet"),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(database: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`vnreport browse` running on a free port; stopped after the tests."""
    port = _free_port()
    process = subprocess.Popen(
        _vnreport("browse", database, "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            _get(f"{base}/-/versions.json")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                _, errors = process.communicate()
                pytest.fail(f"vnreport browse did not start: {errors}")
            time.sleep(0.3)
    yield base, process
    process.terminate()
    _, errors = process.communicate(timeout=30)
    assert "serving" in errors


def _query(database: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, params).fetchall()


def test_it_listens_on_this_machine_only(server: tuple[str, subprocess.Popen[str]]) -> None:
    _, process = server
    listening = [
        c.laddr
        for c in psutil.Process(process.pid).net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    ]
    assert listening
    assert {address.ip for address in listening} == {"127.0.0.1"}


def test_the_tables_are_served_with_their_descriptions(
    server: tuple[str, subprocess.Popen[str]], database: Path
) -> None:
    base, _ = server
    served = _get(f"{base}/reports.json")
    names = {table["name"] for table in served["tables"]}
    assert {"reports", "officials", "admin_units", "groups", "figures"} <= names
    counts = {table["name"]: table["count"] for table in served["tables"]}
    assert counts["reports"] == _query(database, "SELECT count(*) FROM reports")[0][0] == 8
    tables = _get(f"{base}/-/metadata.json")["databases"]["reports"]["tables"]
    name = records.Official.model_fields["name"].description
    assert tables["officials"]["columns"]["name"] == name
    assert tables["figures"]["description"].startswith("One row per number")
    described = _get(f"{base}/reports/officials.json?_size=1&_extra=columns")
    assert described["rows"]


def test_facets_on_unit_official_and_figure_unit(
    server: tuple[str, subprocess.Popen[str]], database: Path
) -> None:
    base, _ = server
    units = _get(f"{base}/reports/figures.json?_size=0")["facet_results"]
    assert "unit" in units
    shown = {row["value"]: row["count"] for row in units["unit"]["results"]}
    top = _query(database, "SELECT unit, count(*) FROM figures GROUP BY unit")
    assert all(shown[unit] == count for unit, count in top if unit in shown)
    assert "name" in _get(f"{base}/reports/officials.json?_size=0")["facet_results"]
    assert "name" in _get(f"{base}/reports/admin_units.json?_size=0")["facet_results"]


def test_canned_queries(server: tuple[str, subprocess.Popen[str]], database: Path) -> None:
    base, _ = server
    by_unit = _get(f"{base}/reports/figures_by_unit.json?_shape=array")
    direct = dict(_query(database, "SELECT unit, sum(value) FROM figures GROUP BY unit"))
    assert by_unit
    assert {row["unit"]: row["total"] for row in by_unit} == pytest.approx(direct)
    ward = _query(database, "SELECT name FROM admin_units WHERE type = 'phường' LIMIT 1")[0][0]
    rows = _get(f"{base}/reports/reports_by_ward.json?_shape=array&ward={urllib.parse.quote(ward)}")
    expected = _query(
        database,
        "SELECT DISTINCT report_id FROM admin_units WHERE type = 'phường' AND name = ?",
        ward,
    )
    assert {row["report_id"] for row in rows} == {report_id for (report_id,) in expected}
    queries = _get(f"{base}/-/metadata.json")["databases"]["reports"]["queries"]
    columns = {row[1] for row in _query(database, "PRAGMA table_info(inspections)")}
    has_inspections = "report_id" in columns and bool({"leader", "leader_name"} & columns)
    assert ("inspections_led_by_official" in queries) == has_inspections


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no database at"),
        (b"not a database at all", "is not a SQLite database"),
        ("sqlite", "not a vnreport one"),
    ],
)
def test_it_refuses_what_is_not_a_vnreport_database(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "other.sqlite"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "sqlite":
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE notes (body TEXT)")
    done = subprocess.run(
        _vnreport("browse", path), capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert message in " ".join(done.stderr.split())
    assert "vnreport extract" in done.stderr


# The tables vnreport writes today; a table added later belongs here once sql_descriptions
# describes it (its columns that store record fields are described by the record already).
DESCRIBED = ["reports", "officials", "admin_units", "groups", "figures", "recommendations",
             "segments", "mentions", "inputs", "failures", "schema_version", "inspections",
             "inspection_targets", "inspection_members"]  # fmt: skip


@pytest.mark.parametrize("name", DESCRIBED)
def test_every_column_of_the_schema_is_described(name: str) -> None:
    description, columns = describe()[name]
    table = sql_schema.metadata.tables[name]
    assert description
    assert set(columns) == {column.name for column in table.columns}


def test_metadata_facets_only_columns_the_database_has(database: Path) -> None:
    tables = metadata(database)["databases"]["reports"]["tables"]
    for name, entry in tables.items():
        columns = {row[1] for row in _query(database, f'PRAGMA table_info("{name}")')}
        assert set(entry.get("facets", [])) <= columns
        assert set(entry["columns"]) <= columns
