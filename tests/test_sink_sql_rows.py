"""Report → SQL rows: every value lands in the column of its name, in both SQL backends."""

from __future__ import annotations

import json
import pickle

from tests.inputs import sample_report
from vnreport.records import Report
from vnreport.sinks import sql_schema
from vnreport.sinks.sql_rows import CHILD_COLUMNS, REPORT_COLUMNS, SqlRows, columns, encode


def _named(rows: SqlRows) -> dict[str, list[dict[str, object]]]:
    named = {"reports": [dict(zip(REPORT_COLUMNS, rows.report, strict=True))]}
    for table, table_rows in rows.children:
        named[table] = [dict(zip(CHILD_COLUMNS[table], row, strict=True)) for row in table_rows]
    return named


def test_the_columns_are_the_tables() -> None:
    assert tuple(c.name for c in sql_schema.reports.columns) == REPORT_COLUMNS
    for table in sql_schema.CHILD_TABLES:
        assert "id" not in CHILD_COLUMNS[table.name]
        assert set(CHILD_COLUMNS[table.name]) == {c.name for c in table.columns} - {"id"}
    assert columns(sql_schema.failures)[:2] == ("key", "source")


def test_every_value_lands_in_its_column() -> None:
    report = sample_report(0)
    rows = _named(encode(report))
    (row,) = rows["reports"]
    assert Report.model_validate_json(str(row.pop("record"))) == report
    assert row == {
        "id": report.id, "source": report.source, "title": report.title, "lead": report.lead,
        "author": "Minh Trang", "authors": None, "byline_mark": None, "source_credit": None,
        "published": "2023-10-04", "published_source": None, "event_date": "2023-10-03",
        "event_year": 2023, "event_month": 10, "event_day": 3, "text": report.text,
        "extractor_version": report.extractor_version,
    }  # fmt: skip
    (official,) = rows["officials"]
    assert official == {
        "report_id": report.id, "position": 0,
        **report.officials[0].model_dump(exclude={"mentions"}),
    }  # fmt: skip
    resolved, ambiguous = rows["admin_units"]
    assert (resolved["code"], resolved["province"], resolved["candidates"]) == (
        "02002",
        "tỉnh Bắc Kạn",
        None,
    )
    candidates = json.loads(str(ambiguous["candidates"]))
    assert [c["province"] for c in candidates] == ["tỉnh Bắc Kạn", "tỉnh An Giang"]
    money = rows["figures"][1]
    assert (money["value"], money["unit"], money["approximate"], money["bound"]) == (
        1.5,
        "tỷ đồng",
        True,
        "lower",
    )
    assert (money["start_char"], money["end_char"], money["text"]) == (
        report.figures[1].span.start,
        report.figures[1].span.end,
        "1,5 tỷ đồng",
    )
    assert rows["groups"] == [
        {
            "report_id": report.id,
            "position": 0,
            "type": "thôn",
            "name": "Bản Pá",
            "parent": "xã Yên Đĩnh",
        }
    ]
    spans = [(m["kind"], m["item"], m["text"]) for m in rows["mentions"]]
    assert spans == [
        ("official", 0, "Lý Văn Thắng"),
        ("official", 0, "Lý Văn Thắng"),
        ("admin_unit", 0, "xã Yên Đĩnh"),
        ("admin_unit", 1, "huyện Chợ Mới"),
        ("group", 0, "thôn Bản Pá"),
    ]
    for mention in rows["mentions"]:
        assert report.text[int(mention["start_char"]) : int(mention["end_char"])] == mention["text"]  # type: ignore[call-overload]


def test_rows_are_plain_values_that_pickle_small() -> None:
    rows = encode(sample_report(0))
    plain = (str, int, float, bool, type(None))
    assert all(isinstance(value, plain) for value in rows.report)
    assert all(isinstance(v, plain) for _, table in rows.children for row in table for v in row)
    assert pickle.loads(pickle.dumps(rows)) == rows
