"""Bringing a database written by an older vnreport to the current schema, or refusing it.

A database records its layout in `schema_version`. One written by an older vnreport is upgraded
in place, one step per version, in the same transaction that opens it; one written by a newer
vnreport, or by a version no step starts from, is refused with what to do instead. Version 1 had
no inspection tables: the upgrade adds them, empty, as the reports stored then have no
inspections (`vnreport extract … --redo` extracts them again, with their inspections).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Connection, insert, inspect, select

from vnreport._version import __version__
from vnreport.errors import SinkError
from vnreport.sinks import sql_schema as schema

LOGGER = logging.getLogger(__name__)


def _add_inspection_tables(connection: Connection) -> None:
    for table in schema.INSPECTION_TABLES:
        table.create(connection, checkfirst=True)


_STEPS: dict[int, Callable[[Connection], None]] = {1: _add_inspection_tables}
"""The step that upgrades a database from each version to the next."""


def stored_version(connection: Connection, schema_name: str | None) -> int | None:
    """The schema version the database holds, or None when it has no vnreport tables yet."""
    if not inspect(connection).has_table(schema.schema_version.name, schema=schema_name):
        return None
    versions = connection.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions) if versions else None


def upgrade(connection: Connection, found: int, target: str) -> None:
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
        step(connection)
        version += 1
    connection.execute(
        insert(schema.schema_version),
        {"version": schema.SCHEMA_VERSION, "package_version": __version__},
    )
    LOGGER.info("upgraded %s from schema version %s to %s", target, found, version)
