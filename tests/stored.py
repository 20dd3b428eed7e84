"""Checks on what a bulk run left in a SQL store, read back with plain SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from vnreport.pipeline.assemble import content_id
from vnreport.records import Report

Query = Callable[[str], list[tuple[object, ...]]]
"""Runs one SELECT and returns its rows."""

ITEM_COUNTS: dict[str, Callable[[Report], int]] = {
    "officials": lambda r: len(r.officials),
    "admin_units": lambda r: len(r.admin_units),
    "groups": lambda r: len(r.groups),
    "figures": lambda r: len(r.figures),
    "recommendations": lambda r: len(r.recommendations),
    "segments": lambda r: len(r.segments),
    "mentions": lambda r: sum(len(x.mentions) for x in (*r.officials, *r.admin_units, *r.groups)),
}
"""How many rows each item table holds for a report."""


def sqlite_query(database: Path) -> Query:
    """Plain `sqlite3` queries on `database`."""

    def query(sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(database) as connection:
            return connection.execute(sql).fetchall()

    return query


def postgres_query(engine: Engine, schema: str) -> Query:
    """Queries on the tables of `schema`."""

    def query(sql: str) -> list[tuple[object, ...]]:
        quoted = engine.dialect.identifier_preparer.quote_identifier(schema)
        with engine.connect() as connection:
            connection.execute(text("SELECT set_config('search_path', :s, false)"), {"s": quoted})
            return [tuple(row) for row in connection.execute(text(sql))]

    return query


def stored_reports(query: Query) -> list[Report]:
    """Every report, from its `record` column, after checking its id hashes its text."""
    reports = []
    for rid, stored_text, record in query("SELECT id, text, record FROM reports"):
        assert content_id(str(stored_text)) == rid, f"the text of {rid} is not what was hashed"
        if isinstance(record, str | bytes):
            reports.append(Report.model_validate_json(record))
        else:  # jsonb
            reports.append(Report.model_validate(record))
    return reports


def check_items_match_records(query: Query, reports: list[Report]) -> None:
    """Each item table holds exactly the rows of each report's record: none lost, none twice."""
    for table, count in ITEM_COUNTS.items():
        per_report = dict(query(f"SELECT report_id, count(*) FROM {table} GROUP BY report_id"))
        assert set(per_report) <= {report.id for report in reports}, f"orphan rows in {table}"
        for report in reports:
            assert per_report.get(report.id, 0) == count(report), f"{table} of {report.id}"
