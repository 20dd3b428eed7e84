"""WARC archives: one article per successful HTML response, everything else skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.inputs import PAGE, write_warc
from vnreport.failure import Failure
from vnreport.io import iter_inputs, read_path

PAGE_BYTES = PAGE.read_bytes()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_one_document_per_html_response(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(
        path,
        [
            ("https://huyen.vn/tin/1", 200, "text/html; charset=utf-8", PAGE_BYTES),
            ("https://huyen.vn/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://huyen.vn/cu", 404, "text/html", b"<html><body>Not found</body></html>"),
            ("https://huyen.vn/tin/2", 200, "text/html", PAGE_BYTES.replace(b"27/9", b"26/9")),
        ],
    )
    first, second = read_path(path)
    assert first.source == "https://huyen.vn/tin/1"
    assert second.source == "https://huyen.vn/tin/2"
    assert first.title == "Kiểm tra phòng chống thiên tai tại xã Quảng Khê"
    assert first.published == dt.date(2023, 9, 28)
    assert "Sáng ngày 26/9" in second.text


def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(b"this is not an archive\n" * 10)
    (failure,) = iter_inputs([path])
    assert isinstance(failure, Failure)
    assert failure.reason == "DecodeError"
    assert failure.source == str(path)


def test_an_oversized_page_is_a_failure(tmp_path: Path) -> None:
    from vnreport.io import ReadOptions

    path = tmp_path / "big.warc"
    write_warc(path, [("https://huyen.vn/big", 200, "text/html", PAGE_BYTES)])
    (failure,) = iter_inputs([path], ReadOptions(max_bytes=1000))
    assert isinstance(failure, Failure)
    assert failure.reason == "DocumentTooLargeError"
    assert failure.source == "https://huyen.vn/big"


def _records(path: Path) -> list[tuple[int, int, str]]:
    """(offset, length, type) of each record, as warcio sees the whole file."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as file:
        records = ArchiveIterator(file)
        return [
            (records.get_record_offset(), records.get_record_length(), record.rec_type)
            for record in records
        ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_half_written_archive_gives_its_whole_pages_and_one_failure(
    tmp_path: Path, name: str
) -> None:
    full = tmp_path / name
    pages = [PAGE_BYTES.replace(b"27/9", f"{20 + i}/9".encode()) for i in range(3)]
    write_warc(
        full, [(f"https://huyen.vn/tin/{i}", 200, "text/html", p) for i, p in enumerate(pages)]
    )
    whole = list(read_path(full))
    records = _records(full)
    data = full.read_bytes()
    cut = tmp_path / f"cut-{name}"
    tail = 16  # a cut among a record's closing blank lines or gzip trailer loses nothing
    for size in range(0, len(data), 37):
        cut.write_bytes(data[:size])
        items = list(iter_inputs([cut]))  # never raises
        documents = [item for item in items if not isinstance(item, Failure)]
        failures = [item for item in items if isinstance(item, Failure)]
        assert documents == whole[: len(documents)], size  # whole pages, never a cut one
        ended = sum(
            1 for start, length, kind in records if kind == "response" and start + length <= size
        )
        inside = any(start < size < start + length - tail for start, length, _ in records)
        assert len(documents) in (ended, ended + 1), size
        if inside:
            assert [f.reason for f in failures] == ["DecodeError"], size
            assert "half-written" in failures[0].message or "not a WARC" in failures[0].message
        elif size in {start for start, _, _ in records[1:]}:  # between records: looks whole
            assert failures == [], size
    cut.write_bytes(b"")
    assert [f.reason for f in iter_inputs([cut]) if isinstance(f, Failure)] == ["DecodeError"]


def test_a_corrupt_record_header_is_a_failure_after_the_good_pages(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://huyen.vn/tin/1", 200, "text/html", PAGE_BYTES)])
    path.write_bytes(path.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\nnonsense\r\n\r\n")
    items = list(iter_inputs([path]))
    assert [type(item).__name__ for item in items] == ["Document", "Failure"]
    assert isinstance(items[1], Failure)
    assert items[1].reason == "DecodeError"
