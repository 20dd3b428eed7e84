"""The PostgreSQL server the tests write to, and a schema of its own for each test."""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.schema import DropSchema

from vnreport.sinks.postgres import normalize_url

URL = os.environ.get(
    "VNREPORT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
"""The server `.ci/run` starts (trust authentication, database `test`)."""


def connect() -> tuple[Engine | None, str]:
    """An engine on the test server, or None and the reason it cannot be reached."""
    engine = create_engine(normalize_url(URL)[0])
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # only an unreachable server skips
        engine.dispose()
        return None, f"PostgreSQL is not reachable at {URL}: {error}"
    return engine, ""


def new_schema_name(suffix: str = "") -> str:
    """A schema name no other test uses."""
    return f"vnreport_test_{uuid.uuid4().hex[:12]}{suffix}"


def schema_url(schema: str) -> str:
    """The `--out` URL that writes to `schema`."""
    return f"{URL}?schema={quote(schema, safe='')}"


def drop_schema(engine: Engine, schema: str) -> None:
    """Remove `schema` and everything in it (the name is quoted, whatever it holds)."""
    with engine.begin() as connection:
        connection.execute(DropSchema(schema, cascade=True, if_exists=True))
