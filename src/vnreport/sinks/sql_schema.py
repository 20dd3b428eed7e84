"""The normalized SQL schema of the SQL sinks (SQLite, PostgreSQL), and Report → rows.

One row per report in `reports`, with the whole Report as JSON in `record` so nothing is lost;
one row per item in `officials`, `admin_units`, `groups`, `figures`, `recommendations` and
`segments`; every mention of an official, unit or group in `mentions`. `inputs` maps each input
key to its report for resuming; `failures` holds the inputs that gave none. See docs/schema.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

from vnreport.records import Report

SCHEMA_VERSION = 1
"""Bumped whenever a table or column changes."""

_JSON = JSON().with_variant(JSONB(), "postgresql")
_REPORT_FK = "reports.id"

metadata = MetaData()


def _report_id() -> Column[str]:
    return Column(
        "report_id", String(32), ForeignKey(_REPORT_FK, ondelete="CASCADE"), nullable=False
    )


schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("package_version", String(32), nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, index=True),
    Column("title", Text),
    Column("lead", Text),
    Column("author", Text, index=True),
    Column("published", Date, index=True),
    Column("event_date", Date, index=True),
    Column("event_year", Integer),
    Column("event_month", Integer),
    Column("event_day", Integer),
    Column("text", Text, nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("record", _JSON, nullable=False),
)

officials = Table(
    "officials",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("honorific", Text),
    Column("title", Text),
    Column("title_expanded", Text),
    Column("organization", Text),
    Column("place", Text, index=True),
    Column("role", Text),
    UniqueConstraint("report_id", "position"),
)

admin_units = Table(
    "admin_units",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("position", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("code", String(16), index=True),
    Column("district", Text),
    Column("province", Text, index=True),
    Column("new_name", Text),
    Column("new_province", Text),
    Column("change", Text),
    Column("candidates", _JSON),
    UniqueConstraint("report_id", "position"),
    Index("ix_admin_units_name_type", "name", "type"),
)

groups = Table(
    "groups",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("position", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("parent", Text, index=True),
    UniqueConstraint("report_id", "position"),
    Index("ix_groups_name_type", "name", "type"),
)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("position", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("unit", Text, nullable=False, index=True),
    Column("subject", Text),
    Column("approximate", Boolean, nullable=False),
    Column("bound", String(8)),
    Column("amount_vnd", Float),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("report_id", "position"),
)

recommendations = Table(
    "recommendations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("issuer", Text, index=True),
    Column("addressee", Text, index=True),
    Column("verb", Text),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    UniqueConstraint("report_id", "position"),
)

segments = Table(
    "segments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("position", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    UniqueConstraint("report_id", "position"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("kind", String(16), nullable=False),
    Column("item", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_item", "report_id", "kind", "item"),
)

inputs = Table(
    "inputs",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("source", Text, index=True),
    Column("report_id", String(32), ForeignKey(_REPORT_FK, ondelete="SET NULL"), index=True),
    Column("extractor_version", String(32), nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), unique=True),
    Column("source", Text, index=True),
    Column("reason", String(64), nullable=False, index=True),
    Column("message", Text, nullable=False),
    Column("extractor_version", String(32), nullable=False),
)

CHILD_TABLES = (officials, admin_units, groups, figures, recommendations, segments, mentions)
"""Tables whose rows belong to one report, replaced with it."""


def _event_date(report: Report) -> dt.date | None:
    event = report.event_date
    if event is None or event.year is None:
        return None
    try:
        return dt.date(event.year, event.month, event.day)
    except ValueError:  # "31/2" written in an article is still a year-less record, not a date
        return None


def report_row(report: Report) -> dict[str, Any]:
    """The `reports` row of a Report."""
    event = report.event_date
    return {
        "id": report.id,
        "source": report.source,
        "title": report.title,
        "lead": report.lead,
        "author": report.author,
        "published": report.published,
        "event_date": _event_date(report),
        "event_year": event.year if event else None,
        "event_month": event.month if event else None,
        "event_day": event.day if event else None,
        "text": report.text,
        "extractor_version": report.extractor_version,
        "record": report.model_dump(mode="json"),
    }


def _mention_rows(report: Report) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    kinds = (
        ("official", [official.mentions for official in report.officials]),
        ("admin_unit", [unit.mentions for unit in report.admin_units]),
        ("group", [group.mentions for group in report.groups]),
    )
    for kind, items in kinds:
        for item, spans in enumerate(items):
            rows.extend(
                {
                    "report_id": report.id,
                    "kind": kind,
                    "item": item,
                    "start_char": span.start,
                    "end_char": span.end,
                    "text": span.text,
                }
                for span in spans
            )
    return rows


def child_rows(report: Report) -> dict[Table, list[dict[str, Any]]]:
    """The rows a Report adds to each child table."""
    rid = report.id
    return {
        officials: [
            {"report_id": rid, "position": i, **o.model_dump(exclude={"mentions"})}
            for i, o in enumerate(report.officials)
        ],
        admin_units: [
            {
                "report_id": rid,
                "position": i,
                "type": u.type,
                "name": u.name,
                "code": u.resolved.code if u.resolved else None,
                "district": u.resolved.district if u.resolved else None,
                "province": u.resolved.province if u.resolved else None,
                "new_name": u.resolved.new_name if u.resolved else None,
                "new_province": u.resolved.new_province if u.resolved else None,
                "change": u.resolved.change if u.resolved else None,
                "candidates": [c.model_dump(mode="json") for c in u.candidates] or None,
            }
            for i, u in enumerate(report.admin_units)
        ],
        groups: [
            {"report_id": rid, "position": i, **g.model_dump(exclude={"mentions"})}
            for i, g in enumerate(report.groups)
        ],
        figures: [
            {
                "report_id": rid,
                "position": i,
                **f.model_dump(exclude={"span"}),
                "start_char": f.span.start,
                "end_char": f.span.end,
                "text": f.span.text,
            }
            for i, f in enumerate(report.figures)
        ],
        recommendations: [
            {
                "report_id": rid,
                "position": i,
                **r.model_dump(exclude={"span"}),
                "start_char": r.span.start,
                "end_char": r.span.end,
            }
            for i, r in enumerate(report.recommendations)
        ],
        segments: [
            {
                "report_id": rid,
                "position": i,
                "kind": s.kind,
                "start_char": s.span.start,
                "end_char": s.span.end,
            }
            for i, s in enumerate(report.segments)
        ],
        mentions: _mention_rows(report),
    }
