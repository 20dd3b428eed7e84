"""SQLite sink, the default: one file, WAL journal, safe for concurrent runs on the same file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from vnreport.sinks.sql import SqlSink, dumps

DEFAULT_BUSY_TIMEOUT = 120.0
_BEGIN_OPTION = "vnreport_sqlite_begin"


def sqlite_engine(path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Engine:
    """An engine on the SQLite file `path`, set up for several writers.

    WAL lets readers run beside a writer; write transactions start with BEGIN IMMEDIATE so a
    second run waits up to `busy_timeout` seconds for the lock instead of failing on it; foreign
    keys are enforced.
    """
    engine = create_engine(
        f"sqlite:///{Path(path).absolute()}",
        connect_args={"timeout": busy_timeout},
        json_serializer=dumps,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


class SqliteSink(SqlSink):
    """Reports in a SQLite file (`*.sqlite`, `*.db`), with the schema of docs/schema.md.

    Two runs writing the same file both succeed: each batch waits for the other's to commit.
    """

    def __init__(self, path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        super().__init__(sqlite_engine(self.path, busy_timeout=busy_timeout))

    def _reader(self) -> Engine:
        # Reads need no write lock: a deferred transaction sees the last commit.
        return self.engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"})
