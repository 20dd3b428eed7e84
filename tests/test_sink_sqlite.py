"""SQLite sink: normalized schema, idempotent writes, replacement, resume keys, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from tests import sink_contract
from tests.inputs import sample_report
from vnreport.errors import SinkError
from vnreport.failure import Failure
from vnreport.records import Report
from vnreport.sinks import open_sink, sink_kind
from vnreport.sinks.base import Sink, Stored
from vnreport.sinks.sql_schema import SCHEMA_VERSION
from vnreport.sinks.sqlite import SqliteSink


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "reports.sqlite"


def _opener(database: Path) -> sink_contract.OpenSink:
    def open_() -> Sink:
        return open_sink(database)

    return open_


def _stored(database: Path) -> sink_contract.ReadBack:
    def read() -> dict[str, Report]:
        with sqlite3.connect(database) as connection:
            rows = connection.execute("SELECT record FROM reports").fetchall()
        reports = [Report.model_validate_json(record) for (record,) in rows]
        return {report.id: report for report in reports}

    return read


def _count(database: Path, query: str, *args: object) -> int:
    with sqlite3.connect(database) as connection:
        (value,) = connection.execute(query, args).fetchone()
    return int(value)


def test_round_trip(database: Path) -> None:
    sink_contract.check_round_trip(_opener(database), _stored(database))


def test_rerun_is_idempotent(database: Path) -> None:
    sink_contract.check_rerun_is_idempotent(_opener(database), _stored(database))


def test_newer_version_replaces(database: Path) -> None:
    sink_contract.check_newer_version_replaces(_opener(database), _stored(database))


def test_done_keys(database: Path) -> None:
    sink_contract.check_done_keys(_opener(database))


def _failed(database: Path) -> sink_contract.FailedRows:
    def read() -> list[tuple[str | None, str | None]]:
        with sqlite3.connect(database) as connection:
            return connection.execute("SELECT key, source FROM failures ORDER BY key").fetchall()

    return read


def test_failures_are_replaced_by_what_a_rerun_finds(database: Path) -> None:
    sink_contract.check_failures_are_replaced_by_what_a_rerun_finds(
        _opener(database), _failed(database)
    )


def test_the_same_report_twice_in_one_batch(database: Path) -> None:
    sink_contract.check_the_same_report_twice_in_one_batch(_opener(database), _stored(database))


@pytest.mark.parametrize("name", ["out.sqlite", "out.db", "out.sqlite3", "sqlite:///out.db"])
def test_names_that_mean_sqlite(name: str) -> None:
    assert sink_kind(name) == "sqlite"


def test_schema_has_tables_keys_and_indexes(database: Path) -> None:
    SqliteSink(database).close()
    inspector = inspect(create_engine(f"sqlite:///{database}"))
    tables = set(inspector.get_table_names())
    assert tables == {
        "schema_version", "reports", "officials", "admin_units", "groups", "figures",
        "recommendations", "segments", "mentions", "inputs", "failures", "inspections",
        "inspection_targets", "inspection_members",
    }  # fmt: skip
    for child in ("officials", "admin_units", "groups", "figures", "recommendations", "mentions"):
        (key,) = inspector.get_foreign_keys(child)
        assert key["referred_table"] == "reports"
        assert key["options"].get("ondelete") == "CASCADE"
    indexed = {
        (table, tuple(index["column_names"]))
        for table in tables
        for index in inspector.get_indexes(table)
    }
    for wanted in [
        ("officials", ("name",)),
        ("admin_units", ("code",)),
        ("admin_units", ("name", "type")),
        ("groups", ("name", "type")),
        ("reports", ("published",)),
        ("reports", ("event_date",)),
        ("figures", ("unit",)),
        ("inputs", ("source",)),
        ("inspections", ("leader",)),
        ("inspection_targets", ("name", "type")),
        ("inspection_members", ("name",)),
    ]:
        assert wanted in indexed
    assert _count(database, "SELECT version FROM schema_version") == SCHEMA_VERSION
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_items_land_in_their_tables(database: Path) -> None:
    report = sample_report(0)
    with SqliteSink(database) as sink:
        sink.write([report])
    with sqlite3.connect(database) as connection:
        official = connection.execute(
            "SELECT name, title, place, role FROM officials WHERE report_id = ?", (report.id,)
        ).fetchall()
        units = connection.execute(
            "SELECT type, name, code, province FROM admin_units ORDER BY position"
        ).fetchall()
        figure = connection.execute(
            "SELECT value, unit, approximate, bound, amount_vnd, text FROM figures ORDER BY position"
        ).fetchall()
        mentions = connection.execute(
            "SELECT kind, item, start_char, end_char, text FROM mentions ORDER BY kind, item, start_char"
        ).fetchall()
        event = connection.execute("SELECT event_date, published FROM reports").fetchone()
    assert official == [("Lý Văn Thắng", "Phó Chủ tịch UBND huyện", "huyện Chợ Mới", "Trưởng đoàn")]
    assert units == [
        ("xã", "Yên Đĩnh", "02002", "tỉnh Bắc Kạn"),
        ("huyện", "Chợ Mới", None, None),
    ]
    assert figure == [
        (7.2, "%", 0, None, None, "7,2%"),
        (1.5, "tỷ đồng", 1, "lower", 1.5e9, "1,5 tỷ đồng"),
    ]
    spans = [span for item in report.officials for span in item.mentions]
    assert [m for m in mentions if m[0] == "official"] == [
        ("official", 0, s.start, s.end, s.text) for s in spans
    ]
    assert len(mentions) == 2 + 2 + 1
    assert event == ("2023-10-03", "2023-10-04")
    for _, _, start, end, text in mentions:
        assert report.text[start:end] == text


def test_replacement_leaves_no_old_child_rows(database: Path) -> None:
    old = sample_report(0, version="0.0.1")
    fewer = sample_report(0).model_copy(update={"figures": old.figures[:1], "officials": []})
    with SqliteSink(database) as sink:
        sink.write([old])
        sink.write([fewer])
    assert _count(database, "SELECT count(*) FROM figures") == 1
    assert _count(database, "SELECT count(*) FROM officials") == 0
    assert _count(database, "SELECT count(*) FROM mentions WHERE kind = 'official'") == 0
    assert _count(database, "SELECT count(*) FROM reports") == 1


def test_failures_are_rows_and_a_later_success_clears_them(database: Path) -> None:
    failure = Failure(source="a.txt", reason="ExtractionError", message="boom", key="key-a")
    with SqliteSink(database) as sink:
        sink.write_failure(failure)
        sink.write_failure(failure)  # recorded once per input key
        sink.write_failure(Failure(source="b.txt", reason="DecodeError", message="binary"))
    assert _count(database, "SELECT count(*) FROM failures") == 2
    assert _count(database, "SELECT count(*) FROM failures WHERE reason = ?", "DecodeError") == 1
    with SqliteSink(database) as sink:
        sink.store([Stored("key-a", "a.txt", sample_report(0))])
    assert _count(database, "SELECT count(*) FROM failures WHERE key = 'key-a'") == 0
    assert _count(database, "SELECT count(*) FROM inputs WHERE report_id IS NOT NULL") == 1


def test_a_database_of_another_schema_version_is_refused(database: Path) -> None:
    SqliteSink(database).close()
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE schema_version SET version = 999")
    with pytest.raises(SinkError, match="schema version 999"):
        SqliteSink(database)


def test_a_file_that_is_not_a_database_is_a_sink_error(tmp_path: Path) -> None:
    path = tmp_path / "text.db"
    path.write_text("không phải cơ sở dữ liệu " * 100, encoding="utf-8")
    with pytest.raises(SinkError, match="cannot open"):
        SqliteSink(path)


def test_unknown_targets_are_refused() -> None:
    with pytest.raises(SinkError, match="cannot tell"):
        open_sink("reports.csv")


def test_concurrent_writers_both_succeed(database: Path) -> None:
    SqliteSink(database).close()
    errors: list[BaseException] = []

    def write(start: int) -> None:
        try:
            with SqliteSink(database) as sink:
                for index in range(start, start + 8):
                    sink.store(sink_contract.items(1, start=index)[:1])
        except BaseException as error:  # reported to the test thread
            errors.append(error)

    threads = [threading.Thread(target=write, args=(start,)) for start in (0, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _count(database, "SELECT count(*) FROM reports") == 12
    assert _count(database, "SELECT count(*) FROM inputs") == 12


def test_the_documented_queries_return_rows_on_the_bundled_corpus(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpora" / "dev"
    if not corpus.is_dir():
        pytest.skip("corpora/dev is not in this checkout")
    from vnreport.bulk.runner import BulkOptions, run

    database = tmp_path / "reports.sqlite"
    with SqliteSink(database) as sink:
        run([corpus], sink, BulkOptions(workers=0, quiet=True))
    queries = sink_contract.documented_queries()
    assert len(queries) >= 2
    with sqlite3.connect(database) as connection:
        results = [connection.execute(query).fetchall() for query in queries]
    assert all(results[:2]), "the two main examples of docs/schema.md find nothing"


def test_public_names_are_pinned() -> None:
    import vnreport.sinks

    assert sorted(vnreport.sinks.__all__) == ["Sink", "Stored", "Written", "open_sink", "sink_kind"]
    assert all(hasattr(vnreport.sinks, name) for name in vnreport.sinks.__all__)
