"""Dispatch: folders, globs, stdin, unknown files, size limits, keys, and shared helpers."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from tests.inputs import PAGE, article
from vnreport.document import Document
from vnreport.errors import DocumentTooLargeError, InputError, UnsupportedFormatError
from vnreport.failure import Failure
from vnreport.io import RawInput, ReadOptions, iter_inputs, iter_raw, missing, read_path
from vnreport.io.common import compose_text, parse_published


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(article("yen_dinh.txt"), encoding="utf-8")
    (tmp_path / "b" / "page.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "b" / "deep" / "c.txt").write_text(article("na_phai.txt"), encoding="utf-8")
    (tmp_path / "b" / "gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("ẩn", encoding="utf-8")
    (tmp_path / ".dotfile.txt").write_text("ẩn", encoding="utf-8")
    return tmp_path


def _sources(items: list[Document | Failure], root: Path) -> list[str]:
    return [str(Path(item.source or "").relative_to(root)) for item in items]


def test_folders_are_walked_in_name_order_skipping_hidden_and_unknown(tree: Path) -> None:
    items = list(iter_inputs([tree]))
    assert _sources(items, tree) == ["a.txt", "b/page.html", "b/deep/c.txt"]
    assert all(isinstance(item, Document) for item in items)


def test_globs_expand_recursively(tree: Path) -> None:
    items = list(iter_inputs([str(tree / "**" / "*.txt")]))
    assert _sources(items, tree) == ["a.txt", "b/deep/c.txt"]


def test_a_named_file_of_unknown_kind_is_a_failure(tree: Path) -> None:
    (failure,) = iter_inputs([tree / "b" / "notes.md"])
    assert isinstance(failure, Failure)
    assert failure.reason == "UnsupportedFormatError"
    with pytest.raises(UnsupportedFormatError):
        list(read_path(tree / "b" / "notes.md"))


def test_forced_format_reads_any_name(tree: Path) -> None:
    (document,) = read_path(tree / "b" / "notes.md", ReadOptions(format="txt"))
    assert document.text == "# notes"


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(read_path(tmp_path / "gone.txt"))
    assert missing([tmp_path / "gone.txt", tmp_path, "-", str(tmp_path / "*.none")]) == [
        str(tmp_path / "gone.txt"),
        str(tmp_path / "*.none"),
    ]


def test_files_over_the_byte_limit_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Bài viết rất dài. " * 100, encoding="utf-8")
    with pytest.raises(DocumentTooLargeError, match="over the limit"):
        list(read_path(path, ReadOptions(max_bytes=100)))


def test_keys_depend_on_place_and_content(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Nội dung.", encoding="utf-8")
    two.write_text("Nội dung.", encoding="utf-8")
    key_one, key_two = (raw.key for raw in iter_raw([one, two]) if isinstance(raw, RawInput))
    assert key_one != key_two
    (again,) = iter_raw([one])
    assert isinstance(again, RawInput)
    assert again.key == key_one
    one.write_text("Nội dung khác.", encoding="utf-8")
    (changed,) = iter_raw([one])
    assert isinstance(changed, RawInput)
    assert changed.key != key_one


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (article("yen_dinh.txt").encode(), None),
        (PAGE.read_bytes(), "Kiểm tra phòng chống thiên tai tại xã Quảng Khê"),
    ],
    ids=["text", "html"],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, title: str | None) -> None:
    _stdin(monkeypatch, data)
    (document,) = read_path("-")
    assert document.source == "<stdin>"
    assert document.title == title


def test_stdin_streams_gzipped_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = b"".join(json.dumps({"id": i, "text": f"Bài {i}."}).encode() + b"\n" for i in range(3))
    _stdin(monkeypatch, gzip.compress(lines))
    assert [d.source for d in read_path("-")] == ["0", "1", "2"]


# fmt: off
DATES = [
    ("2021-09-14", dt.date(2021, 9, 14)),
    ("2021-09-14T08:30:00+07:00", dt.date(2021, 9, 14)),
    ("14/09/2021", dt.date(2021, 9, 14)),
    ("4-9-2021 10:00", dt.date(2021, 9, 4)),
    (1631577600, dt.date(2021, 9, 14)),
    (dt.datetime(2021, 9, 14, 23, 0), dt.date(2021, 9, 14)),
    ("31/02/2021", None),
    ("hôm qua", None),
    (None, None),
    (True, None),
]
# fmt: on


@pytest.mark.parametrize(("value", "expected"), DATES)
def test_loose_publication_dates(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("title", "body", "text"),
    [
        ("Tiêu đề", "Thân bài.", "Tiêu đề\n\nThân bài."),
        ("Tiêu đề", "Tiêu đề\nThân bài.", "Tiêu đề\n\nThân bài."),
        (None, "\nThân bài.\n", "Thân bài."),
        ("Tiêu đề", "", "Tiêu đề"),
    ],
)
def test_compose_text(title: str | None, body: str, text: str) -> None:
    assert compose_text(title, body) == text


def test_public_names_are_pinned() -> None:
    import vnreport.io

    assert sorted(vnreport.io.__all__) == sorted(
        [
            "FORMATS", "STDIN", "Format", "JsonlFields", "RawInput", "ReadOptions", "Unreadable",
            "decode", "expand", "format_of", "input_key", "iter_inputs", "iter_raw", "missing",
            "read_path",
        ]
    )  # fmt: skip
    assert all(hasattr(vnreport.io, name) for name in vnreport.io.__all__)


def test_a_pipe_in_a_folder_is_a_failure_not_a_wait(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article("yen_dinh.txt"), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # no writer: reading it would block forever
    document, failure = iter_inputs([tmp_path])
    assert isinstance(document, Document)
    assert isinstance(failure, Failure)
    assert failure.reason == "UnsupportedFormatError"
    assert "not a regular file" in failure.message


def test_a_dangling_link_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (failure,) = iter_inputs([tmp_path])
    assert isinstance(failure, Failure)
    assert failure.reason == "InputError"


def test_file_names_in_a_legacy_encoding_become_readable_sources(tmp_path: Path) -> None:
    name = os.fsdecode(b"B\xe0i vi\xeat.txt")  # Windows-1258 bytes, not UTF-8
    (tmp_path / name).write_bytes(article("yen_dinh.txt").encode())
    (raw,) = iter_raw([tmp_path])
    assert isinstance(raw, RawInput)
    assert raw.source == f"{tmp_path}/B\\xe0i vi\\xeat.txt"
    raw.source.encode("utf-8")  # every sink can store it
    (document,) = iter_inputs([tmp_path])
    assert isinstance(document, Document)
    assert document.source == raw.source


def test_stream_safe_text_knows_every_combining_mark() -> None:
    import unicodedata

    from vnreport.text.safe_text import _MARK_PLANES, stream_safe

    marks = [c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))]
    assert _MARK_PLANES[0] <= min(marks)
    assert max(marks) < _MARK_PLANES[1]
    for mark in (marks[0], marks[len(marks) // 2], marks[-1]):
        assert stream_safe("a" + chr(mark) * 31).count("\u034f") == 1
    assert stream_safe("a" + "\u0301" * 30) == "a" + "\u0301" * 30
