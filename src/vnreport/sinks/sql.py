"""What the SQL sinks share: schema creation, idempotent upserts by Report.id, resume keys."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from vnreport._version import __version__
from vnreport.errors import SinkError
from vnreport.failure import Failure
from vnreport.sinks import sql_migrate, sql_rows
from vnreport.sinks import sql_schema as schema
from vnreport.sinks.base import (
    FOLDER_FAILURE,
    Encoded,
    Sink,
    Stored,
    Written,
    folders_of,
    is_newer,
    replaces,
)
from vnreport.sinks.sql_rows import Row, SqlRows

_IN_LIMIT = 500  # keys per IN (...) list, well under every backend's parameter limit


def dumps(value: Any) -> str:
    """JSON for JSON columns, Vietnamese kept readable."""
    return json.dumps(value, ensure_ascii=False)


def _slices(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _IN_LIMIT):
        yield values[start : start + _IN_LIMIT]


class SqlSink(Sink):
    """A SQLAlchemy-backed sink; subclasses make the engine and may serialize writers.

    Every `store` call is one transaction: reports, their child rows, their input keys and
    failures commit together or not at all, so a run killed at any moment leaves whole records.
    """

    encoder = sql_rows.encode

    def __init__(self, engine: Engine, *, schema_name: str | None = None) -> None:
        self.schema_name = schema_name
        if schema_name:
            engine = engine.execution_options(schema_translate_map={None: schema_name})
        self.engine = engine
        self.target = engine.url.render_as_string(hide_password=True)
        with self._errors("open"):
            self._create()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as error:
            raise SinkError(f"cannot {action} {self.target}: {error}") from error

    def _prepare(self, connection: Connection) -> None:
        """Run before the tables are created (PostgreSQL creates the schema)."""

    def _lock(self, connection: Connection) -> None:
        """Serialize writers within a write transaction, when the backend needs it."""

    def _reader(self) -> Engine:
        return self.engine

    def _create(self) -> None:
        with self.engine.begin() as connection:
            self._lock(connection)
            self._prepare(connection)
            found = sql_migrate.stored_version(connection, self.schema_name)
            if found is not None and found != schema.SCHEMA_VERSION:
                sql_migrate.upgrade(connection, found, self.target, self.schema_name)
            schema.metadata.create_all(connection)
            if found is None:
                connection.execute(
                    insert(schema.schema_version),
                    {"version": schema.SCHEMA_VERSION, "package_version": __version__},
                )

    def done(self, keys: Collection[str], *, version: str = __version__) -> set[str]:
        """The `keys` whose report was stored by extractor `version` or a later one: a resumed
        run skips them (and tries the failed ones again)."""
        found: set[str] = set()
        column = schema.inputs.c
        with self._errors("read"), self._reader().connect() as connection:
            for part in _slices(sorted(keys)):
                query = select(column.key, column.extractor_version).where(
                    column.key.in_(part), column.report_id.is_not(None)
                )
                found.update(k for k, v in connection.execute(query) if not is_newer(version, v))
        return found

    def store(self, items: Sequence[Stored], *, redo: bool = False) -> Written:
        """Store reports, failures and their input keys together, in one transaction."""
        written = Written()
        latest: dict[str, Encoded] = {}
        failed: list[dict[str, Any]] = []
        keyed: dict[str, Row] = {}
        for item in items:
            result = item.result
            if isinstance(result, Failure):
                failed.append(_failure_row(result, item.key))
                report_id, version = None, result.extractor_version
            else:
                encoded = self.encode(result)
                latest[encoded.id] = encoded
                report_id, version = encoded.id, encoded.extractor_version
            if item.key is not None:
                keyed[item.key] = (item.key, item.source, report_id, version)
        with self._errors("write to"), self.engine.begin() as connection:
            self._lock(connection)
            self._store_reports(connection, latest, written, redo=redo)
            self._store_inputs(connection, keyed, failed)
        written.failures = len(failed)
        # A report read twice in one batch (the same text in two files) is stored once.
        written.unchanged += len(items) - len(failed) - len(latest)
        return written

    # Plain `executemany` of tuples: SQLAlchemy's per-row parameter processing cost more than
    # the database's own work here, and the rows come ready from the workers.

    def _table(self, connection: Connection, name: str) -> str:
        preparer = connection.dialect.identifier_preparer
        table = preparer.quote(name)
        if self.schema_name:
            table = f"{preparer.quote_schema(self.schema_name)}.{table}"
        # psycopg reads % as a parameter marker, even inside a quoted name
        return table.replace("%", "%%") if self._marker(connection) == "%s" else table

    @staticmethod
    def _marker(connection: Connection) -> str:
        return "?" if connection.dialect.paramstyle == "qmark" else "%s"

    def _insert(
        self, connection: Connection, table: str, names: Sequence[str], rows: list[Row]
    ) -> None:
        marks = ", ".join([self._marker(connection)] * len(names))
        statement = f"INSERT INTO {self._table(connection, table)} ({', '.join(names)}) "
        connection.exec_driver_sql(f"{statement}VALUES ({marks})", rows)

    def _update_reports(self, connection: Connection, rows: list[Row]) -> None:
        names = sql_rows.REPORT_COLUMNS
        marker = self._marker(connection)
        assignments = ", ".join(f"{name} = {marker}" for name in names[1:])
        statement = f"UPDATE {self._table(connection, 'reports')} SET {assignments} "
        connection.exec_driver_sql(
            f"{statement}WHERE id = {marker}", [(*row[1:], row[0]) for row in rows]
        )

    def _store_reports(
        self, connection: Connection, latest: dict[str, Encoded], written: Written, *, redo: bool
    ) -> None:
        table = schema.reports
        existing: dict[str, str] = {}
        for part in _slices(list(latest)):
            query = select(table.c.id, table.c.extractor_version).where(table.c.id.in_(part))
            existing.update((rid, version) for rid, version in connection.execute(query))
        new = [e for rid, e in latest.items() if rid not in existing]
        replaced = [
            e
            for rid, e in latest.items()
            if rid in existing and replaces(e.extractor_version, existing[rid], redo=redo)
        ]
        written.new += len(new)
        written.replaced += len(replaced)
        written.unchanged += len(latest) - len(new) - len(replaced)
        if replaced:
            ids = [e.id for e in replaced]
            for child in schema.CHILD_TABLES:
                connection.execute(delete(child).where(child.c.report_id.in_(ids)))
            self._update_reports(connection, [_rows(e).report for e in replaced])
        if new:
            self._insert(
                connection, "reports", sql_rows.REPORT_COLUMNS, [_rows(e).report for e in new]
            )
        children: dict[str, list[Row]] = {}
        for encoded in [*new, *replaced]:
            for name, rows in _rows(encoded).children:
                children.setdefault(name, []).extend(rows)
        for name, rows in children.items():
            self._insert(connection, name, sql_rows.CHILD_COLUMNS[name], rows)

    def _store_inputs(
        self, connection: Connection, keyed: dict[str, Row], failed: list[dict[str, Any]]
    ) -> None:
        keys = list(keyed)
        for part in _slices(keys):
            connection.execute(delete(schema.inputs).where(schema.inputs.c.key.in_(part)))
            connection.execute(delete(schema.failures).where(schema.failures.c.key.in_(part)))
        # An input read again from the same place with other bytes (a file fixed since) leaves
        # no stale failure behind: the newest outcome of a source is the one kept.
        by_source: dict[str, list[str]] = {}
        for key, (_, source, _, _) in keyed.items():
            if isinstance(source, str):
                by_source.setdefault(source, []).append(key)
        for part in _slices(sorted(by_source)):
            current = [key for source in part for key in by_source[source]]
            stale = schema.failures.c.source.in_(part) & schema.failures.c.key.not_in(current)
            connection.execute(delete(schema.failures).where(stale))
            unreported = (
                schema.inputs.c.source.in_(part)
                & schema.inputs.c.key.not_in(current)
                & schema.inputs.c.report_id.is_(None)
            )
            connection.execute(delete(schema.inputs).where(unreported))
        for part in _slices(sorted(folders_of(by_source))):
            folder = schema.failures.c.source.in_(part) & (
                schema.failures.c.reason == FOLDER_FAILURE
            )
            fixed = list(connection.execute(select(schema.failures.c.key).where(folder)).scalars())
            for keys_part in _slices([key for key in fixed if key is not None]):
                connection.execute(delete(schema.inputs).where(schema.inputs.c.key.in_(keys_part)))
            connection.execute(delete(schema.failures).where(folder))
        if keyed:
            self._insert(connection, "inputs", sql_rows.INPUT_COLUMNS, list(keyed.values()))
        unique: dict[str | None, dict[str, Any]] = {}
        for position, row in enumerate(failed):  # one row per key; unkeyed rows all kept
            unique[row["key"] if row["key"] is not None else f"\0{position}"] = row
        if unique:
            connection.execute(insert(schema.failures), list(unique.values()))

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _rows(encoded: Encoded) -> SqlRows:
    rows = encoded.payload
    if not isinstance(rows, SqlRows):  # encoded for another kind of sink
        raise SinkError(f"report {encoded.id} was encoded for another kind of output")
    return rows


def _failure_row(failure: Failure, key: str | None) -> dict[str, Any]:
    return {
        "key": key if key is not None else failure.key,
        "source": failure.source,
        "reason": failure.reason,
        "message": failure.message,
        "extractor_version": failure.extractor_version,
    }
