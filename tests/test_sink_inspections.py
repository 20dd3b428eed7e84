"""The inspection tables in SQLite and PostgreSQL, the README's query on them, schema upgrades."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import Engine, Table, create_engine, inspect, text
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateIndex, CreateSchema, CreateTable

import vnreport
from tests.inputs import sample_report
from tests.postgres import URL
from vnreport.errors import SinkError
from vnreport.sinks import sql_schema as schema
from vnreport.sinks.postgres import PostgresSink
from vnreport.sinks.sqlite import SqliteSink

from .conftest import CORPORA, REPO

_README_QUERY = re.search(
    r"```sql\n(SELECT [^`]*?FROM inspection_members[^`]*?)```",
    (REPO / "README.md").read_text(encoding="utf-8"),
)


def _seed_and_corpus(nlp: Language, seed_text: str) -> list[vnreport.Report]:
    article = CORPORA / "dev" / "001-dan-van-kheo-phung-chi-kien.txt"
    return [
        vnreport.extract(seed_text, nlp=nlp, source="seed.txt", published="2021-09-15"),
        vnreport.extract(article.read_text(encoding="utf-8"), nlp=nlp, source=article.name),
    ]


def _readme_rows(engine: Engine) -> list[tuple[object, ...]]:
    assert _README_QUERY is not None, "README lost its inspections query"
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(_README_QUERY.group(1)))]


def test_inspection_rows_land_in_their_tables(tmp_path: Path) -> None:
    report = sample_report(0)
    database = tmp_path / "out.sqlite"
    with SqliteSink(database) as sink:
        sink.write([report])
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        inspection = connection.execute(
            text(
                "SELECT kind, body, leader, topic, organizations, date, start_char FROM inspections"
            )
        ).one()
        targets = connection.execute(
            text("SELECT inspection, type, name FROM inspection_targets ORDER BY position")
        ).all()
        members = connection.execute(
            text("SELECT inspection, name, role FROM inspection_members ORDER BY position")
        ).all()
    (item,) = report.inspections
    assert tuple(inspection) == (
        "làm việc",
        "Đoàn kiểm tra của UBND huyện Chợ Mới",
        "Lý Văn Thắng",
        "tiến độ xây dựng nông thôn mới",
        '["UBND huyện Chợ Mới"]',
        "2023-10-03",
        item.span.start,
    )
    assert [tuple(t) for t in targets] == [(0, "xã", "Yên Đĩnh"), (0, "thôn", "Bản Pá")]
    assert [tuple(m) for m in members] == [(0, "Lý Văn Thắng", "leader")]
    for child in ("inspection_targets", "inspection_members"):
        keys = {k["referred_table"]: k for k in inspect(engine).get_foreign_keys(child)}
        assert keys["inspections"]["referred_columns"] == ["report_id", "position"]
        assert keys["inspections"]["options"].get("ondelete") == "CASCADE"
    engine.dispose()


def _stored(
    report: vnreport.Report, database: Path, *queries: str
) -> list[list[tuple[object, ...]]]:
    """The rows of each query after writing `report` to a fresh SQLite database."""
    with SqliteSink(database) as sink:
        sink.write([report])
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        found = [[tuple(row) for row in connection.execute(text(query))] for query in queries]
    engine.dispose()
    return found


def test_a_further_activity_is_a_row_of_its_own(nlp: Language, tmp_path: Path) -> None:
    article = CORPORA / "wild" / "140-an-toan-thuc-pham-phuong-son.txt"
    report = vnreport.extract(article.read_text(encoding="utf-8"), nlp=nlp, source=article.name)
    rows, targets, members = _stored(
        report,
        tmp_path / "out.sqlite",
        "SELECT position, kind, body, organizations FROM inspections ORDER BY position",
        "SELECT inspection, type, name FROM inspection_targets ORDER BY inspection",
        "SELECT inspection, name, role FROM inspection_members",
    )
    assert [r[:3] for r in rows] == [
        (0, "kiểm tra", "Đoàn kiểm tra liên ngành"),
        (1, "làm việc", "Đoàn kiểm tra liên ngành"),
    ]
    assert json.loads(str(rows[0][3])) == [
        "Công ty TNHH Nông sản Đồng Quang",
        "HTX Nông nghiệp và Dịch vụ Phượng Sơn",
    ]
    assert rows[1][3] is None
    assert targets == [(0, "xã", "Phượng Sơn"), (1, "xã", "Quý Sơn")]
    assert set(members) == {
        (0, "Hoàng Văn Khiêm", "leader"),
        (0, "Nguyễn Thị Thanh Loan", "member"),
        (1, "Hoàng Văn Khiêm", "leader"),
        (1, "Nguyễn Thị Thanh Loan", "member"),
    }


def test_a_replaced_report_replaces_its_inspections(tmp_path: Path) -> None:
    database = tmp_path / "out.sqlite"
    with SqliteSink(database) as sink:
        sink.write([sample_report(0, version="0.1.0")])
    with SqliteSink(database) as sink:
        sink.write([sample_report(0, version="9.0.0")])
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        counts = [
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("inspections", "inspection_targets", "inspection_members")
        ]
    engine.dispose()
    assert counts == [1, 2, 1]


def test_the_readme_query_in_sqlite(nlp: Language, seed_text: str, tmp_path: Path) -> None:
    database = tmp_path / "reports.sqlite"
    with SqliteSink(database) as sink:
        sink.write(_seed_and_corpus(nlp, seed_text))
    engine = create_engine(f"sqlite:///{database}")
    rows = _readme_rows(engine)
    engine.dispose()
    assert [row[:5] for row in rows] == [(2021, 9, 14, "phường", "Huyền Tụng")]
    assert rows[0][5] == "kiểm tra"


def test_the_readme_query_in_postgresql(
    nlp: Language, seed_text: str, postgres: Engine, pg_schema: str
) -> None:
    with PostgresSink(URL, schema=pg_schema) as sink:
        sink.write(_seed_and_corpus(nlp, seed_text))
    assert _README_QUERY is not None
    with postgres.connect() as connection:
        connection.execute(text(f'SET search_path TO "{pg_schema}"'))
        rows = [tuple(r) for r in connection.execute(text(_README_QUERY.group(1)))]
        connection.rollback()
    assert [row[:5] for row in rows] == [(2021, 9, 14, "phường", "Huyền Tụng")]


# The columns vnreport 0.1.0 wrote before schema version 2 added the byline and dateline ones.
# fmt: off
_V1_COLUMNS = {
    "reports": ("id", "source", "title", "lead", "author", "published", "event_date",
                "event_year", "event_month", "event_day", "text", "extractor_version", "record"),
    "recommendations": ("id", "report_id", "position", "text", "issuer", "addressee", "verb",
                        "start_char", "end_char"),
}
# fmt: on
# The column schema version 4 added.
_ADDED_IN_4 = {"officials": ("rank",)}


def _old_ddl(table: Table, dialect: Dialect, version: int) -> list[str]:
    """CREATE statements of `table` as schema `version` had it."""
    if table in schema.INSPECTION_TABLES and version < 3:
        return []
    ddl = str(CreateTable(table).compile(dialect=dialect))
    keep = _V1_COLUMNS.get(table.name) if version == 1 else None
    later = _ADDED_IN_4.get(table.name, ()) if version < 4 else ()
    if keep is not None or later:
        lines = ddl.split("\n")
        ddl = "\n".join(
            line
            for line in lines
            if not (
                (name := line.strip().split(" ", 1)[0].strip('"')) in table.c
                and ((keep is not None and name not in keep) or name in later)
            )
        )
    return [ddl] + [str(CreateIndex(index).compile(dialect=dialect)) for index in table.indexes]


def _write_old(engine: Engine, *, version: int, schema_name: str | None = None) -> str:
    """A database as an older vnreport wrote it, from its DDL: the old tables, one report."""
    report = sample_report(3)
    with engine.begin() as connection:
        if schema_name:
            connection.execute(text(f'SET search_path TO "{schema_name}"'))
        for table in schema.metadata.sorted_tables:
            for statement in _old_ddl(table, connection.dialect, version):
                connection.exec_driver_sql(statement)
        connection.execute(
            text("INSERT INTO schema_version (version, package_version) VALUES (:v, '0.0.9')"),
            {"v": version},
        )
        connection.execute(
            text(
                "INSERT INTO reports (id, text, extractor_version, record) "
                "VALUES (:id, :text, '0.0.9', :record)"
            ),
            {"id": report.id, "text": report.text, "record": json.dumps({"id": report.id})},
        )
    return report.id


def _tables(engine: Engine, schema_name: str | None = None) -> set[str]:
    return set(inspect(engine).get_table_names(schema=schema_name))


def _columns(engine: Engine, table: str, schema_name: str | None = None) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table, schema=schema_name)}


def _check_upgraded(engine: Engine, old_id: str, schema_name: str | None = None) -> None:
    prefix = f'"{schema_name}".' if schema_name else ""
    with engine.connect() as connection:
        versions = connection.execute(text(f"SELECT version FROM {prefix}schema_version"))
        ids = set(connection.execute(text(f"SELECT id FROM {prefix}reports")).scalars())
        inspected = connection.execute(text(f"SELECT report_id FROM {prefix}inspections"))
        truncated = connection.execute(text(f"SELECT truncated FROM {prefix}recommendations"))
        assert max(versions.scalars()) == schema.SCHEMA_VERSION
        assert ids == {old_id, sample_report(0).id}
        assert list(inspected.scalars()) == [sample_report(0).id]
        assert [bool(value) for value in truncated.scalars()] == [False]
    for table in schema.metadata.sorted_tables:  # every table now has every column
        assert _columns(engine, table.name, schema_name) == {c.name for c in table.columns}


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_sqlite_file_is_upgraded_in_place(tmp_path: Path, version: int) -> None:
    database = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{database}")
    old_id = _write_old(engine, version=version)
    assert ("inspections" in _tables(engine)) == (version >= 3)
    assert ("authors" in _columns(engine, "reports")) == (version >= 2)
    with SqliteSink(database) as sink:
        sink.write([sample_report(0)])
    _check_upgraded(engine, old_id)
    engine.dispose()


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_postgresql_schema_is_upgraded_in_place(
    postgres: Engine, pg_schema: str, version: int
) -> None:
    with postgres.begin() as connection:
        connection.execute(CreateSchema(pg_schema))
    old_id = _write_old(postgres, version=version, schema_name=pg_schema)
    assert ("inspections" in _tables(postgres, pg_schema)) == (version >= 3)
    assert ("authors" in _columns(postgres, "reports", pg_schema)) == (version >= 2)
    with PostgresSink(URL, schema=pg_schema) as sink:
        sink.write([sample_report(0)])
    _check_upgraded(postgres, old_id, pg_schema)


def test_a_database_from_a_newer_vnreport_is_refused_untouched(tmp_path: Path) -> None:
    database = tmp_path / "newer.sqlite"
    engine = create_engine(f"sqlite:///{database}")
    _write_old(engine, version=schema.SCHEMA_VERSION + 1)
    before = {name: _columns(engine, name) for name in _tables(engine)}
    with pytest.raises(SinkError, match=r"newer vnreport .* upgrade vnreport .* new database"):
        SqliteSink(database)
    assert {name: _columns(engine, name) for name in _tables(engine)} == before
    engine.dispose()


def test_the_upgrade_path_covers_every_older_version() -> None:
    from vnreport.sinks.sql_migrate import _STEPS

    assert sorted(_STEPS) == list(range(1, schema.SCHEMA_VERSION))
