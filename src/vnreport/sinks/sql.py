"""What the SQL sinks share: schema creation, idempotent upserts by Report.id, resume keys."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from vnreport._version import __version__
from vnreport.errors import SinkError
from vnreport.failure import Failure
from vnreport.records import Report
from vnreport.sinks import sql_schema as schema
from vnreport.sinks.base import Sink, Stored, Written, is_newer, replaces

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
            schema.metadata.create_all(connection)
            versions = connection.execute(select(schema.schema_version.c.version)).scalars().all()
            if not versions:
                connection.execute(
                    insert(schema.schema_version),
                    {"version": schema.SCHEMA_VERSION, "package_version": __version__},
                )
            elif max(versions) != schema.SCHEMA_VERSION:
                raise SinkError(
                    f"{self.target} holds schema version {max(versions)}, this vnreport writes "
                    f"version {schema.SCHEMA_VERSION}: write to a new database"
                )

    def done(self, keys: Collection[str], *, version: str = __version__) -> set[str]:
        """The `keys` stored by extractor `version` or a later one: a resumed run skips them."""
        found: set[str] = set()
        column = schema.inputs.c
        with self._errors("read"), self._reader().connect() as connection:
            for part in _slices(sorted(keys)):
                query = select(column.key, column.extractor_version).where(column.key.in_(part))
                found.update(k for k, v in connection.execute(query) if not is_newer(version, v))
        return found

    def store(self, items: Sequence[Stored], *, redo: bool = False) -> Written:
        """Store reports, failures and their input keys together, in one transaction."""
        written = Written()
        latest: dict[str, Report] = {}
        failed: list[dict[str, Any]] = []
        keyed: dict[str, dict[str, Any]] = {}
        for item in items:
            result = item.result
            version = result.extractor_version
            if isinstance(result, Report):
                latest[result.id] = result
                report_id: str | None = result.id
            else:
                failed.append(_failure_row(result, item.key))
                report_id = None
            if item.key is not None:
                keyed[item.key] = {
                    "key": item.key,
                    "source": item.source,
                    "report_id": report_id,
                    "extractor_version": version,
                }
        with self._errors("write to"), self.engine.begin() as connection:
            self._lock(connection)
            self._store_reports(connection, latest, written, redo=redo)
            self._store_inputs(connection, keyed, failed)
        written.failures = len(failed)
        return written

    def _store_reports(
        self, connection: Connection, latest: dict[str, Report], written: Written, *, redo: bool
    ) -> None:
        table = schema.reports
        existing: dict[str, str] = {}
        for part in _slices(list(latest)):
            query = select(table.c.id, table.c.extractor_version).where(table.c.id.in_(part))
            existing.update((rid, version) for rid, version in connection.execute(query))
        new = [r for rid, r in latest.items() if rid not in existing]
        replaced = [
            r
            for rid, r in latest.items()
            if rid in existing and replaces(r.extractor_version, existing[rid], redo=redo)
        ]
        written.new += len(new)
        written.replaced += len(replaced)
        written.unchanged += len(latest) - len(new) - len(replaced)
        if replaced:
            ids = [r.id for r in replaced]
            for child in schema.CHILD_TABLES:
                connection.execute(delete(child).where(child.c.report_id.in_(ids)))
            rows = []
            for report in replaced:
                row = schema.report_row(report)
                row["b_id"] = row.pop("id")
                rows.append(row)
            connection.execute(update(table).where(table.c.id == bindparam("b_id")), rows)
        if new:
            connection.execute(insert(table), [schema.report_row(r) for r in new])
        children: dict[Any, list[dict[str, Any]]] = {}
        for report in [*new, *replaced]:
            for child, rows in schema.child_rows(report).items():
                children.setdefault(child, []).extend(rows)
        for child, rows in children.items():
            if rows:
                connection.execute(insert(child), rows)

    def _store_inputs(
        self, connection: Connection, keyed: dict[str, dict[str, Any]], failed: list[dict[str, Any]]
    ) -> None:
        keys = list(keyed)
        for part in _slices(keys):
            connection.execute(delete(schema.inputs).where(schema.inputs.c.key.in_(part)))
            connection.execute(delete(schema.failures).where(schema.failures.c.key.in_(part)))
        if keyed:
            connection.execute(insert(schema.inputs), list(keyed.values()))
        unique: dict[str | None, dict[str, Any]] = {}
        for position, row in enumerate(failed):  # one row per key; unkeyed rows all kept
            unique[row["key"] if row["key"] is not None else f"\0{position}"] = row
        if unique:
            connection.execute(insert(schema.failures), list(unique.values()))

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _failure_row(failure: Failure, key: str | None) -> dict[str, Any]:
    return {
        "key": key if key is not None else failure.key,
        "source": failure.source,
        "reason": failure.reason,
        "message": failure.message,
        "extractor_version": failure.extractor_version,
    }
