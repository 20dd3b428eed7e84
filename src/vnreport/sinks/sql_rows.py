"""A Report as the rows of the SQL tables, built where the Report is: in the bulk workers.

`encode` turns a Report into plain tuples in the column order of `vnreport.sinks.sql_schema`,
with dates as ISO strings and JSON columns as JSON text, so the process that writes the
database only unpickles tuples and hands them to the driver's `executemany`. Both SQLite and
PostgreSQL (psycopg sends strings untyped, so the server casts them to date and jsonb) take
these values as they are.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from vnreport.records import AdminUnit, Inspection, Report, Span
from vnreport.sinks import sql_schema as schema

Row = tuple[Any, ...]


def columns(table: Any) -> tuple[str, ...]:
    """The columns a row of `table` fills, in order (surrogate ids are left to the database)."""
    return tuple(
        column.name
        for column in table.columns
        if not (column.name == "id" and column.autoincrement is True)
    )


@dataclass(frozen=True, slots=True)
class SqlRows:
    """One report's rows: its `reports` row and the rows of each item table, by table name."""

    report: Row
    children: tuple[tuple[str, list[Row]], ...]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _event_date(report: Report) -> str | None:
    event = report.event_date
    if event is None or event.year is None:
        return None
    try:
        return dt.date(event.year, event.month, event.day).isoformat()
    except ValueError:  # "31/2" written in an article is still a year-less record, not a date
        return None


def _report_row(report: Report) -> Row:
    event = report.event_date
    return (
        report.id,
        report.source,
        report.title,
        report.lead,
        report.author,
        json.dumps(report.authors, ensure_ascii=False) if report.authors else None,
        report.byline_mark,
        report.source_credit,
        _date(report.published),
        report.published_source,
        _event_date(report),
        event.year if event else None,
        event.month if event else None,
        event.day if event else None,
        report.text,
        report.extractor_version,
        report.model_dump_json(),
    )


def _unit_row(rid: str, position: int, unit: AdminUnit) -> Row:
    resolved = unit.resolved
    candidates = [candidate.model_dump(mode="json") for candidate in unit.candidates]
    return (
        rid,
        position,
        unit.type,
        unit.name,
        resolved.code if resolved else None,
        resolved.district if resolved else None,
        resolved.province if resolved else None,
        resolved.new_name if resolved else None,
        resolved.new_province if resolved else None,
        resolved.new_code if resolved else None,
        resolved.change if resolved else None,
        json.dumps(candidates, ensure_ascii=False) if candidates else None,
    )


def _mention_rows(report: Report) -> list[Row]:
    rid = report.id
    kinds: tuple[tuple[str, list[list[Span]]], ...] = (
        ("official", [official.mentions for official in report.officials]),
        ("admin_unit", [unit.mentions for unit in report.admin_units]),
        ("group", [group.mentions for group in report.groups]),
    )
    return [
        (rid, kind, item, span.start, span.end, span.text)
        for kind, items in kinds
        for item, spans in enumerate(items)
        for span in spans
    ]


def _inspection_row(rid: str, position: int, item: Inspection) -> Row:
    date = item.date
    iso = None
    if date is not None and date.year is not None:
        try:
            iso = dt.date(date.year, date.month, date.day).isoformat()
        except ValueError:
            iso = None
    organizations = [span.text for span in item.organizations]
    return (
        rid,
        position,
        item.kind,
        item.body.text if item.body else None,
        item.leader,
        item.topic.text if item.topic else None,
        json.dumps(organizations, ensure_ascii=False) if organizations else None,
        iso,
        date.year if date else None,
        date.month if date else None,
        date.day if date else None,
        item.span.start,
        item.span.end,
    )


def _inspection_children(report: Report) -> dict[str, list[Row]]:
    rid = report.id
    targets: list[Row] = []
    members: list[Row] = []
    for i, item in enumerate(report.inspections):
        targets.extend((rid, i, j, t.type, t.name) for j, t in enumerate(item.targets))
        people = [("leader", item.leader)] if item.leader else []
        people += [("member", name) for name in item.members]
        members.extend((rid, i, j, name, role) for j, (role, name) in enumerate(people))
    return {"inspection_targets": targets, "inspection_members": members}


def _item_rows(report: Report) -> dict[str, list[Row]]:
    rid = report.id
    # fmt: off
    return {
        "officials": [
            (rid, i, o.name, o.honorific, o.title, o.title_expanded, o.organization, o.place,
             o.role, o.rank)
            for i, o in enumerate(report.officials)
        ],
        "admin_units": [_unit_row(rid, i, u) for i, u in enumerate(report.admin_units)],
        "groups": [(rid, i, g.type, g.name, g.parent) for i, g in enumerate(report.groups)],
        "figures": [
            (rid, i, f.value, f.value_max, f.unit, f.subject, f.approximate, f.bound,
             f.amount_vnd, f.span.start, f.span.end, f.span.text)
            for i, f in enumerate(report.figures)
        ],
        "recommendations": [
            (rid, i, r.text, r.issuer, r.addressee, r.verb, r.span.start, r.span.end,
             r.truncated)
            for i, r in enumerate(report.recommendations)
        ],
        "segments": [
            (rid, i, s.kind, s.span.start, s.span.end) for i, s in enumerate(report.segments)
        ],
        "mentions": _mention_rows(report),
        "inspections": [_inspection_row(rid, i, x) for i, x in enumerate(report.inspections)],
        **_inspection_children(report),  # after "inspections": their rows reference it
    }
    # fmt: on


def encode(report: Report) -> SqlRows:
    """The rows `report` adds to every table (see docs/schema.md for what each column holds)."""
    children = tuple((name, rows) for name, rows in _item_rows(report).items() if rows)
    return SqlRows(_report_row(report), children)


REPORT_COLUMNS = columns(schema.reports)
CHILD_COLUMNS = {table.name: columns(table) for table in schema.CHILD_TABLES}
INPUT_COLUMNS = columns(schema.inputs)
