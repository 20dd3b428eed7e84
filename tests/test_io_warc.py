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
