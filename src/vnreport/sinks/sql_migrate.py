"""Bringing a database written by an older vnreport to the current schema, or refusing it.

A database records its layout in `schema_version`. One written by an older vnreport is upgraded
in place, one step per version, in the same transaction that opens it; one written by a newer
vnreport, or by a version no step starts from, is refused with what to do instead. Version 2
added the byline and dateline columns of `reports` and `recommendations.truncated` (NULL, and
false, for the reports stored before); version 3 the inspection tables, empty for the reports
stored before; version 4 `officials.rank` (NULL for the officials stored before).
`vnreport extract … --redo` extracts those reports again, with everything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, insert, inspect, select

from vnreport._version import __version__
from vnreport.errors import SinkError
from vnreport.sinks import sql_schema as schema

LOGGER = logging.getLogger(__name__)


_ADDED_IN_2: dict[Any, tuple[str, ...]] = {
    schema.reports: ("authors", "byline_mark", "source_credit", "published_source"),
    schema.recommendations: ("truncated",),
}


_ADDED_IN_4: dict[Any, tuple[str, ...]] = {schema.officials: ("rank",)}


def _add_byline_columns(connection: Connection, schema_name: str | None) -> None:
    _add_columns(connection, schema_name, _ADDED_IN_2)


def _add_rank_column(connection: Connection, schema_name: str | None) -> None:
    _add_columns(connection, schema_name, _ADDED_IN_4)


def _add_columns(
    connection: Connection, schema_name: str | None, added: dict[Any, tuple[str, ...]]
) -> None:
    dialect = connection.dialect
    preparer = dialect.identifier_preparer
    for table, names in added.items():
        qualified = preparer.quote(table.name)
        if schema_name:
            qualified = f"{preparer.quote_schema(schema_name)}.{qualified}"
        for name in names:
            column = table.c[name]
            clause = f"{preparer.quote(name)} {column.type.compile(dialect=dialect)}"
            if not column.nullable:  # only booleans so far: false for the rows stored before
                clause += " NOT NULL DEFAULT " + ("0" if dialect.name == "sqlite" else "false")
            connection.exec_driver_sql(f"ALTER TABLE {qualified} ADD COLUMN {clause}")


def _add_inspection_tables(connection: Connection, schema_name: str | None) -> None:
    for table in schema.INSPECTION_TABLES:
        table.create(connection, checkfirst=True)


_STEPS: dict[int, Callable[[Connection, str | None], None]] = {
    1: _add_byline_columns,
    2: _add_inspection_tables,
    3: _add_rank_column,
}
"""The step that upgrades a database from each version to the next."""


def stored_version(connection: Connection, schema_name: str | None) -> int | None:
    """The schema version the database holds, or None when it has no vnreport tables yet."""
    if not inspect(connection).has_table(schema.schema_version.name, schema=schema_name):
        return None
    versions = connection.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions) if versions else None


def upgrade(connection: Connection, found: int, target: str, schema_name: str | None) -> None:
    """Upgrade the database from schema version `found` to the current one, in place.

    Raises:
        SinkError: the database is newer than this vnreport, or no upgrade starts from it.
    """
    if found > schema.SCHEMA_VERSION:
        raise SinkError(
            f"{target} holds schema version {found}, written by a newer vnreport than this "
            f"one (schema version {schema.SCHEMA_VERSION}): upgrade vnreport "
            "(pip install -U vnreport) or write to a new database"
        )
    version = found
    while version < schema.SCHEMA_VERSION:
        step = _STEPS.get(version)
        if step is None:
            raise SinkError(
                f"{target} holds schema version {found}, which this vnreport cannot upgrade: "
                "write to a new database"
            )
        step(connection, schema_name)
        version += 1
    connection.execute(
        insert(schema.schema_version),
        {"version": schema.SCHEMA_VERSION, "package_version": __version__},
    )
    LOGGER.info("upgraded %s from schema version %s to %s", target, found, version)
