"""Record stores: SQLite (default), PostgreSQL, JSON Lines, Parquet — one backend per module.

>>> from vnreport.sinks import open_sink
>>> with open_sink("reports.sqlite") as sink:
...     sink.write(reports)
"""

from __future__ import annotations

import re
from pathlib import Path

from vnreport.errors import SinkError
from vnreport.sinks.base import Sink, Stored, Written

__all__ = ["Sink", "Stored", "Written", "open_sink", "sink_kind"]

_SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+)://")


def sink_kind(target: str) -> str:
    """`sqlite`, `postgresql`, `jsonl` or `parquet`: the backend `--out TARGET` names.

    Raises:
        SinkError: the target names none of them, or is a URL of another kind (`s3://…`).
    """
    lowered = target.lower()
    if lowered.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        return "postgresql"
    if lowered.startswith("sqlite:///"):
        return "sqlite"
    scheme = _URL_SCHEME.match(target)
    if scheme:  # never a local path: "s3://bucket/r.parquet" must not make a folder "s3:"
        raise SinkError(
            f"cannot write to {target!r}: {scheme.group(1)}:// is not a supported output; "
            "write to a local file (.sqlite, .db, .jsonl, .parquet) or a postgresql:// URL"
        )
    if lowered.endswith(_SQLITE_SUFFIXES):
        return "sqlite"
    if lowered.endswith(".jsonl"):
        return "jsonl"
    if lowered.endswith(".parquet"):
        return "parquet"
    raise SinkError(
        f"cannot tell what kind of output {target!r} is: end it in .sqlite, .db, .jsonl or "
        ".parquet, or give a postgresql:// URL"
    )


def open_sink(target: str | Path) -> Sink:
    """The sink `target` names: `*.sqlite`, `*.db`, `postgresql://…`, `*.jsonl`, `*.parquet`.

    A PostgreSQL URL may name a schema with `?schema=name` (created when missing).

    Args:
        target: A file path or database URL.

    Raises:
        SinkError: the target is of no known kind or cannot be opened.
        ResourceError: the backend's optional dependency is not installed.
    """
    text = str(target)
    kind = sink_kind(text)
    if kind == "postgresql":
        from vnreport.sinks.postgres import PostgresSink

        return PostgresSink(text)
    if kind == "sqlite":
        from vnreport.sinks.sqlite import SqliteSink

        return SqliteSink(text.removeprefix("sqlite:///"))
    if kind == "jsonl":
        from vnreport.sinks.jsonl import JsonlSink

        return JsonlSink(text)
    from vnreport.sinks.parquet import ParquetSink

    return ParquetSink(text)
