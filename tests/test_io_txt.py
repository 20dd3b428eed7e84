"""Plain-text reading: every encoding Vietnamese archives come in, mojibake, binary, empty."""

from __future__ import annotations

import codecs
import random
import time
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


def test_utf16_without_a_bom_is_told_from_binary(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    (document,) = read_path(path)
    assert document.text == TEXT
    samples = b"".join(value.to_bytes(2, "little") for value in range(1, 2000, 7))  # int16 audio
    path.write_bytes(samples)
    with pytest.raises(DecodeError):
        list(read_path(path))


@pytest.mark.parametrize("seed", range(3))
def test_byte_soup_that_a_legacy_code_page_would_take_is_not_text(seed: int) -> None:
    rng = random.Random(seed)
    legacy = [b for b in range(0x80, 0x100) if bytes([b]).decode("cp1258", "ignore")]
    soup = bytes(rng.choice([*legacy, 0x20, 0x20, 0x0A]) for _ in range(5000))
    with pytest.raises(DecodeError, match="not text"):
        decode_text(soup)


def test_invisible_characters_alone_are_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\u200b \ufeff\n\u2060\u00a0\u3000\t" * 20, encoding="utf-8")
    with pytest.raises(EmptyDocumentError):
        list(read_path(path))


def _decode_seconds(data: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        decode_text(data)
        best = min(best, time.perf_counter() - started)
    return best


def test_runs_of_combining_marks_decode_in_linear_time() -> None:
    # "Zalgo" debris: NFC reorders a run of marks of mixed classes in quadratic time, which
    # 80,000 marks make minutes; capped runs (Stream-Safe Format) keep it linear.
    def zalgo(marks: int) -> bytes:
        return ("Đoàn kiểm tra a" + "\u0301\u0323" * (marks // 2) + " xã").encode()

    small, factor = 10_000, 8
    ratio = _decode_seconds(zalgo(small * factor)) / _decode_seconds(zalgo(small))
    assert ratio < factor * 4, f"{ratio:.1f}x slower for {factor}x the marks"
    text = decode_text(zalgo(1000))
    assert text.startswith("Đoàn kiểm tra ")
    assert text.endswith(" xã")
    assert text.count("\u034f") == (1000 - 1) // 30  # a grapheme joiner after every 30 marks
