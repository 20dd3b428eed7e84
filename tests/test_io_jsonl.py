"""JSON Lines archives: plain and gzipped, configurable fields, bad lines isolated."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from tests.inputs import PAGE, article
from vnreport.document import Document
from vnreport.errors import DecodeError, EmptyDocumentError
from vnreport.failure import Failure
from vnreport.io import JsonlFields, ReadOptions, iter_inputs, read_path
from vnreport.io.jsonl import read_record

FIELDS = JsonlFields()


def _lines(*records: object) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.jsonl.gz"])
def test_one_document_per_line(tmp_path: Path, name: str) -> None:
    data = _lines(
        {"url": "https://example.vn/a", "text": article("yen_dinh.txt"), "published": "2023-10-04"},
        {"id": 7, "text": article("na_phai.txt")},
    )
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    first, second = read_path(path)
    assert first.source == "https://example.vn/a"
    assert first.published == dt.date(2023, 10, 4)
    assert first.text == article("yen_dinh.txt").strip("\n")
    assert second.source == "7"
    assert second.published is None


def test_field_names_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    record = {"link": "https://bao.vn/x", "noi_dung": "Nội dung bài.", "ngay": "14/09/2021"}
    path.write_bytes(_lines(record))
    fields = JsonlFields(text="noi_dung", url="link", published="ngay")
    (document,) = read_path(path, ReadOptions(fields=fields))
    assert document == Document(
        text="Nội dung bài.", source="https://bao.vn/x", published=dt.date(2021, 9, 14)
    )


def test_title_field_is_the_first_line() -> None:
    record = _lines({"title": "Tiêu đề", "text": "Thân bài."}).strip()
    document = read_record(record, source="x:1", fields=FIELDS)
    assert document.text == "Tiêu đề\n\nThân bài."
    assert document.title == "Tiêu đề"


def test_html_field_is_read_as_a_page() -> None:
    record = _lines(
        {"url": "https://huyen.vn/tin", "html": PAGE.read_text(encoding="utf-8")}
    ).strip()
    document = read_record(record, source="x:1", fields=FIELDS)
    assert document.source == "https://huyen.vn/tin"
    assert document.title == "Kiểm tra phòng chống thiên tai tại xã Quảng Khê"
    assert (document.published, document.published_source) == (dt.date(2023, 9, 28), "page")


def test_record_date_wins_over_the_page_date() -> None:
    record = {"html": PAGE.read_text(encoding="utf-8"), "published": "2023-09-29T07:00:00+07:00"}
    document = read_record(_lines(record).strip(), source="x:1", fields=FIELDS)
    assert (document.published, document.published_source) == (dt.date(2023, 9, 29), "caller")


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b"{not json", DecodeError),
        (b"[1, 2]", DecodeError),
        (b'{"text": "   "}', EmptyDocumentError),
        (b'{"title": "only a title"}', EmptyDocumentError),
    ],
)
def test_bad_records(line: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        read_record(line, source="x:1", fields=FIELDS)


def test_bad_lines_are_failures_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [_lines({"text": "Bài một."}), b"{broken\n", b"\n", b"x" * 300 + b"\n"]
    path.write_bytes(b"".join(lines) + _lines({"text": "Bài hai."}))
    items = list(iter_inputs([path], ReadOptions(max_bytes=200)))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Document", "Failure", "Failure", "Document"]
    broken, long_line = items[1], items[2]
    assert isinstance(broken, Failure)
    assert broken.reason == "DecodeError"
    assert broken.source == f"{path}:2"
    assert isinstance(long_line, Failure)
    assert long_line.reason == "DocumentTooLargeError"
    assert long_line.source == f"{path}:4"


def test_truncated_gzip_is_a_failure_after_the_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(_lines(*({"text": f"Bài số {i}."} for i in range(200))))
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_inputs([path]))
    assert isinstance(items[-1], Failure)
    assert items[-1].reason == "DecodeError"
    assert all(isinstance(item, Document) for item in items[:-1])
    assert len(items) > 1


@pytest.mark.parametrize(
    "line",
    [b"[" * 100_000, b'{"text": "x", "more": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"],
    ids=["open", "closed"],
)
def test_json_nested_too_deeply_is_a_decode_error(line: bytes) -> None:
    with pytest.raises(DecodeError, match="nested too deeply"):
        read_record(line, source="x:1", fields=FIELDS)


def test_broken_escapes_and_control_characters_are_made_safe() -> None:
    record = {
        "id": "bài\u0000 1\n",
        "title": "Tiêu\u0000 đề \ud83d",
        "author": "Ngọc\x1b[31m Lan",
        "text": "Đoàn kiểm tra \ud83d xã Yên Đĩnh.",
    }
    line = json.dumps(record).encode()  # \ud83d: half of an emoji, cut by a scraper
    document = read_record(line, source="x:1", fields=FIELDS)
    assert document.source == "bài  1"
    assert document.title == "Tiêu  đề \ufffd"
    assert document.author == "Ngọc [31m Lan"
    assert "kiểm tra \ufffd xã" in document.text
    document.text.encode("utf-8")  # encodable: the report id hashes it


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"], ids=["empty", "blank"])
def test_a_file_without_lines_is_one_failure(tmp_path: Path, content: bytes) -> None:
    for name, data in (("dump.jsonl", content), ("dump.jsonl.gz", gzip.compress(content))):
        path = tmp_path / name
        path.write_bytes(data)
        (failure,) = iter_inputs([path])
        assert isinstance(failure, Failure)
        assert failure.reason == "EmptyDocumentError"
        assert failure.source == str(path)
