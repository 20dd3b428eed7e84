"""Plain-text reading: every encoding Vietnamese archives come in, mojibake, binary, empty."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest

from tests.inputs import article, to_cp1258
from vnreport.errors import DecodeError, EmptyDocumentError
from vnreport.io import read_path
from vnreport.io.txt import decode_text

TEXT = article("thanh_xuyen.txt")

# fmt: off
ENCODINGS = [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf-16 LE with BOM", TEXT.encode("utf-16")),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
    ("windows-1258", to_cp1258(TEXT)),
    ("decomposed (NFD)", unicodedata.normalize("NFD", TEXT).encode("utf-8")),
    ("utf-8 read as windows-1252", TEXT.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")),
    ("crlf line ends", TEXT.replace("\n", "\r\n").encode("utf-8")),
]
# fmt: on


@pytest.mark.parametrize(("name", "data"), ENCODINGS, ids=[name for name, _ in ENCODINGS])
def test_every_encoding_reads_as_the_same_text(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    (document,) = read_path(path)
    assert document.text == TEXT
    assert document.source == str(path)


def test_windows_1258_really_uses_combining_tone_marks() -> None:
    data = to_cp1258("Kiểm tra")
    assert b"\xd2" in data  # the combining hook above follows "ê"
    assert decode_text(data) == "Kiểm tra"


def test_a_short_legacy_text_is_still_vietnamese() -> None:
    assert (
        decode_text(to_cp1258("Đoàn công tác làm việc tại xã.")) == "Đoàn công tác làm việc tại xã."
    )


def test_correct_text_is_left_alone() -> None:
    quoted = "Phong trào “Dân vận khéo” – năm 2023…"
    assert decode_text(quoted.encode("utf-8")) == quoted


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodeError, match="binary"):
        list(read_path(path))


def test_mostly_unprintable_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 20 + b"abc")
    with pytest.raises(DecodeError, match="unprintable"):
        list(read_path(path))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", codecs.BOM_UTF8 + b"\n"])
def test_empty_files_are_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyDocumentError):
        list(read_path(path))
