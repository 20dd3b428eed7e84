"""PostgreSQL sink, against the server on this machine, in a schema of its own per test run."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from tests import sink_contract
from tests.inputs import sample_report
from tests.postgres import URL
from vnreport.records import Report
from vnreport.sinks import open_sink, sink_kind
from vnreport.sinks.base import Sink
from vnreport.sinks.postgres import PostgresSink, normalize_url


@pytest.fixture
def server(postgres: Engine) -> Engine:
    return postgres


@pytest.fixture
def schema(pg_schema: str) -> str:
    return pg_schema


def _opener(schema: str) -> sink_contract.OpenSink:
    def open_() -> Sink:
        return open_sink(f"{URL}?schema={schema}")

    return open_


def _stored(server: Engine, schema: str) -> sink_contract.ReadBack:
    def read() -> dict[str, Report]:
        with server.connect() as connection:
            rows = connection.execute(text(f'SELECT record FROM "{schema}".reports')).all()
        reports = [Report.model_validate(record) for (record,) in rows]
        return {report.id: report for report in reports}

    return read


def test_round_trip(server: Engine, schema: str) -> None:
    sink_contract.check_round_trip(_opener(schema), _stored(server, schema))


def test_rerun_is_idempotent(server: Engine, schema: str) -> None:
    sink_contract.check_rerun_is_idempotent(_opener(schema), _stored(server, schema))


def test_newer_version_replaces(server: Engine, schema: str) -> None:
    sink_contract.check_newer_version_replaces(_opener(schema), _stored(server, schema))


def test_done_keys(server: Engine, schema: str) -> None:
    sink_contract.check_done_keys(_opener(schema))


def _failed(server: Engine, schema: str) -> sink_contract.FailedRows:
    def read() -> list[tuple[str | None, str | None]]:
        query = text(f'SELECT key, source FROM "{schema}".failures ORDER BY key')
        with server.connect() as connection:
            return [(key, source) for key, source in connection.execute(query)]

    return read


def test_failures_are_replaced_by_what_a_rerun_finds(server: Engine, schema: str) -> None:
    sink_contract.check_failures_are_replaced_by_what_a_rerun_finds(
        _opener(schema), _failed(server, schema)
    )


def test_the_same_report_twice_in_one_batch(server: Engine, schema: str) -> None:
    sink_contract.check_the_same_report_twice_in_one_batch(_opener(schema), _stored(server, schema))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u@h/db", ("postgresql+psycopg://u@h/db", None)),
        ("postgres://u:pw@h:5433/db?schema=s1", ("postgresql+psycopg://u:pw@h:5433/db", "s1")),
        (
            "postgresql+psycopg://u@h/db?sslmode=disable",
            ("postgresql+psycopg://u@h/db?sslmode=disable", None),
        ),
    ],
)
def test_urls(url: str, expected: tuple[str, str | None]) -> None:
    assert sink_kind(url) == "postgresql"
    assert normalize_url(url) == expected


def test_schema_tables_keys_and_indexes(server: Engine, schema: str) -> None:
    with PostgresSink(URL, schema=schema) as sink:
        sink.write([sample_report(0)])
    inspector = inspect(server)
    tables = set(inspector.get_table_names(schema=schema))
    assert {"reports", "officials", "admin_units", "groups", "figures"} <= tables
    assert {"recommendations", "mentions", "inputs", "failures", "schema_version"} <= tables
    (key,) = inspector.get_foreign_keys("officials", schema=schema)
    assert key["referred_table"] == "reports"
    names = {index["name"] for index in inspector.get_indexes("admin_units", schema=schema)}
    assert "ix_admin_units_name_type" in names
    with server.connect() as connection:
        row = connection.execute(text(f'SELECT name, place FROM "{schema}".officials')).one()
        kind = connection.execute(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_schema = :s AND table_name = 'reports' AND column_name = 'record'"
            ),
            {"s": schema},
        ).scalar_one()
    assert tuple(row) == ("Lý Văn Thắng", "huyện Chợ Mới")
    assert kind == "jsonb"


def test_concurrent_writers_of_the_same_reports(server: Engine, schema: str) -> None:
    PostgresSink(URL, schema=schema).close()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with PostgresSink(URL, schema=schema) as sink:
                for index in range(6):
                    sink.store(sink_contract.items(1, start=index)[:1])
        except BaseException as error:  # reported to the test thread
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(_stored(server, schema)()) == 6


def test_the_documented_queries_run(server: Engine, schema: str) -> None:
    with PostgresSink(URL, schema=schema) as sink:
        sink.store(sink_contract.items(2))
    with server.connect() as connection:
        connection.execute(text(f'SET search_path TO "{schema}"'))
        for query in sink_contract.documented_queries():
            connection.execute(text(query)).all()
