"""The normalized SQL schema of the SQL sinks (SQLite, PostgreSQL).

One row per report in `reports`, with the whole Report as JSON in `record` so nothing is lost;
one row per item in `officials`, `admin_units`, `groups`, `figures`, `recommendations` and
`segments`; every mention of an official, unit or group in `mentions`; the inspections in
`inspections`, their targets in `inspection_targets`, their leader and members in
`inspection_members`. `inputs` maps each input
key to its report for resuming; `failures` holds the inputs that gave none. See docs/schema.md;
`vnreport.sinks.sql_rows` turns a Report into these rows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

SCHEMA_VERSION = 4
"""Bumped whenever a table or column changes (2: byline and dateline columns, `truncated`;
3: the inspection tables; 4: `officials.rank`)."""

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
    Column("authors", _JSON),
    Column("byline_mark", String(32)),
    Column("source_credit", Text),
    Column("published", Date, index=True),
    Column("published_source", String(8)),
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
    Column("rank", Text),
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
    Column("new_code", String(16), index=True),
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
    Column("truncated", Boolean, nullable=False),
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

inspections = Table(
    "inspections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("position", Integer, nullable=False),
    Column("kind", String(32), nullable=False, index=True),
    Column("body", Text),
    Column("leader", Text, index=True),
    Column("topic", Text),
    Column("organizations", _JSON),
    Column("date", Date, index=True),
    Column("year", Integer),
    Column("month", Integer),
    Column("day", Integer),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    UniqueConstraint("report_id", "position"),
)


def _of_inspection() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["report_id", "inspection"],
        ["inspections.report_id", "inspections.position"],
        ondelete="CASCADE",
    )


inspection_targets = Table(
    "inspection_targets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("inspection", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("name", Text, nullable=False),
    _of_inspection(),
    UniqueConstraint("report_id", "inspection", "position"),
    Index("ix_inspection_targets_name_type", "name", "type"),
)

inspection_members = Table(
    "inspection_members",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _report_id(),
    Column("inspection", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("role", String(8), nullable=False),
    _of_inspection(),
    UniqueConstraint("report_id", "inspection", "position"),
)

INSPECTION_TABLES = (inspections, inspection_targets, inspection_members)
"""The tables schema version 3 added; an upgrade from version 2 creates them."""

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

CHILD_TABLES = (
    officials,
    admin_units,
    groups,
    figures,
    recommendations,
    segments,
    mentions,
    inspection_members,
    inspection_targets,
    inspections,
)
"""Tables whose rows belong to one report, replaced with it (an inspection's rows before it)."""
