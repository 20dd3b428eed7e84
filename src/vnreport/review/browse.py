"""`vnreport browse`: a results database in datasette, described, faceted, with canned queries.

Needs the `browse` extra (`pip install 'vnreport[browse]'`), which brings datasette.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from vnreport.errors import InputError, ResourceError
from vnreport.sinks.sql_descriptions import describe

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
_SQLITE_MAGIC = b"SQLite format 3\x00"
_REQUIRED = {"reports", "schema_version"}
_WARD_TYPES = "('phường', 'xã', 'thị trấn', 'đặc khu')"

FACETS = {
    "admin_units": ["type", "name", "province"],
    "officials": ["name", "place", "role"],
    "figures": ["unit"],
    "groups": ["type", "parent"],
    "recommendations": ["verb", "issuer"],
    "mentions": ["kind"],
    "segments": ["kind"],
    "failures": ["reason"],
}
"""Columns datasette offers as facets on each table (unit, official, figure unit …)."""


def tables_of(path: Path) -> dict[str, set[str]]:
    """The tables of a vnreport SQLite database, with their columns.

    Raises:
        InputError: `path` is not a SQLite file, or not one `vnreport extract` wrote.
    """
    hint = f"write one with: vnreport extract ARTICLES --out {path.name}"
    if not path.is_file():
        raise InputError(f"no database at {path} ({hint})")
    with path.open("rb") as file:
        if file.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
            raise InputError(f"{path} is not a SQLite database ({hint})")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {name for (name,) in rows}
            columns = {
                table: {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
                for table in tables
            }
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise InputError(f"{path} cannot be read as SQLite: {error}") from error
    missing = _REQUIRED - tables
    if missing:
        raise InputError(
            f"{path} is a SQLite database but not a vnreport one (it has no "
            f"{', '.join(sorted(missing))} table; {hint})"
        )
    return columns


def _queries(columns: dict[str, set[str]]) -> dict[str, dict[str, Any]]:
    queries: dict[str, dict[str, Any]] = {
        "reports_by_ward": {
            "title": "Reports naming a ward or commune",
            "description": "Every report naming the ward, commune or town given (leave it "
            "empty for all), with its date and source.",
            "sql": (
                "SELECT u.type || ' ' || u.name AS ward, r.published, r.event_date, r.title, "
                "r.source, r.id AS report_id\n"
                "FROM admin_units AS u JOIN reports AS r ON r.id = u.report_id\n"
                f"WHERE u.type IN {_WARD_TYPES} AND (:ward = '' OR u.name = :ward)\n"
                "ORDER BY ward, r.published, r.id"
            ),
        },
        "figures_by_unit": {
            "title": "Figures by unit, with their sum",
            "description": "How many figures each unit has, in how many reports, their sum, "
            "and the money they add up to in đồng.",
            "sql": (
                "SELECT unit, count(*) AS figures, count(DISTINCT report_id) AS reports, "
                "sum(value) AS total, sum(amount_vnd) AS dong\n"
                "FROM figures GROUP BY unit ORDER BY figures DESC, unit"
            ),
        },
    }
    inspection_columns = columns.get("inspections", set())
    leader = next((c for c in ("leader", "leader_name") if c in inspection_columns), None)
    if leader is not None and "report_id" in inspection_columns:
        queries["inspections_led_by_official"] = {
            "title": "Inspections led by an official",
            "description": "Every inspection the named official led, by date.",
            "sql": (
                "SELECT r.published, r.event_date, r.title, i.*\n"
                "FROM inspections AS i JOIN reports AS r ON r.id = i.report_id\n"
                f"WHERE i.{leader} = :official\n"
                "ORDER BY r.published, r.event_date, r.id"
            ),
        }
    return queries


def metadata(path: Path) -> dict[str, Any]:
    """datasette metadata for a vnreport database: descriptions, facets, canned queries."""
    columns = tables_of(path)
    described: dict[str, Any] = {}
    for table, (description, column_notes) in describe().items():
        if table not in columns:
            continue
        entry: dict[str, Any] = {"columns": column_notes}
        if description:
            entry["description"] = description
        if table in FACETS:
            entry["facets"] = [c for c in FACETS[table] if c in columns.get(table, set())]
        described[table] = entry
    described["reports"]["label_column"] = "title"
    described["reports"]["sort_desc"] = "published"
    return {
        "title": f"vnreport: {path.name}",
        "description": "Reports extracted from Vietnamese inspection articles by vnreport. "
        "Every item table refers to reports.id; offsets index reports.text.",
        "databases": {path.stem: {"tables": described, "queries": _queries(columns)}},
    }


def require_datasette() -> None:
    """Raise ResourceError, naming the extra to install, when datasette is missing."""
    try:
        import datasette.app  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as error:
        raise ResourceError(
            "vnreport browse needs datasette, which is not installed: "
            "pip install 'vnreport[browse]'"
        ) from error


def serve(path: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the database with datasette until interrupted.

    Raises:
        InputError: `path` is not a vnreport SQLite database.
        ResourceError: datasette is not installed.
    """
    require_datasette()
    import uvicorn
    from datasette.app import Datasette

    settings = metadata(path)
    datasette = Datasette(files=[str(path)], metadata=settings, cors=False)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
