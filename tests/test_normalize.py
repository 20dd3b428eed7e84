from __future__ import annotations

import pytest

from vnreport.text.normalize import fold, normalize_text

# fmt: off
CASES = [
    ("hoà bình", "hòa bình"),                      # old tone placement
    ("Thuỷ lợi", "Thủy lợi"),
    ("Nguye\u0302\u0303n", "Nguyễn"),               # decomposed (NFD) to NFC
    ("Đoàn\u00a0kiểm tra", "Đoàn kiểm tra"),        # no-break space
    ("kinh tế \u2014 xã hội", "kinh tế – xã hội"),  # em dash to en dash
    ("\u201cDân vận khéo\u201d", '"Dân vận khéo"'), # curly quotes
    ("a\u0007b\u200bc", "abc"),                     # control and zero-width characters
    ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2"),
    ("\ufeffSáng", "Sáng"),                         # byte order mark
]
# fmt: on


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_is_idempotent() -> None:
    once = normalize_text("Hoà Bình\u00a0\u2014 “thuỷ”")
    assert normalize_text(once) == once


def test_fold_compares_tone_placements_equal() -> None:
    assert fold("Hoà") == fold("hòa")
