"""PostgreSQL sink (psycopg 3), with the same normalized schema as SQLite."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, create_engine, make_url, text
from sqlalchemy.schema import CreateSchema

from vnreport.errors import ResourceError
from vnreport.sinks.sql import SqlSink, dumps

DRIVER = "postgresql+psycopg"
_INSTALL = "PostgreSQL output needs psycopg 3: run `pip install 'vnreport[postgres]'`"


def normalize_url(url: str) -> tuple[str, str | None]:
    """The SQLAlchemy URL with the psycopg driver, and the `?schema=` the URL names, if any."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername=DRIVER)
    schema = parsed.query.get("schema")
    if schema is not None:
        parsed = parsed.difference_update_query(["schema"])
    name = schema if isinstance(schema, str) else (schema[0] if schema else None)
    return parsed.render_as_string(hide_password=False), name


def _lock_id(schema: str | None) -> int:
    digest = hashlib.sha256(f"vnreport:{schema or ''}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class PostgresSink(SqlSink):
    """Reports in PostgreSQL (`postgresql://user@host/db`, optionally `?schema=name`).

    Writers to the same schema take a transaction-scoped advisory lock, so concurrent runs
    never race on the same report.
    """

    def __init__(self, url: str, *, schema: str | None = None) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError as error:
            raise ResourceError(_INSTALL) from error
        address, named = normalize_url(url)
        schema = schema or named
        self._lock_key = _lock_id(schema)
        engine = create_engine(address, json_serializer=dumps, pool_pre_ping=True)
        super().__init__(engine, schema_name=schema)

    def _prepare(self, connection: Connection) -> None:
        if self.schema_name:
            connection.execute(CreateSchema(self.schema_name, if_not_exists=True))

    def _lock(self, connection: Connection) -> None:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": self._lock_key})
