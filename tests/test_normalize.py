from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    ("tab\there", "tab here"),                      # tab is a space, not a deleted control
    ("a\x0bb\x0cc\x1fd\x7fe\x9ff", "abcdef"),          # C0 and C1 controls around \n and \r
    ("dòng 1\rdòng 2\u2028dòng 3", "dòng 1\ndòng 2\ndòng 3"),
    ("so\u00adsánh 2\u20133", "sosánh 2\u20133"),          # soft hyphen gone, en dash kept
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


@given(st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=60))
def test_normalized_text_has_no_control_or_mapped_characters(raw: str) -> None:
    text = normalize_text(raw)
    assert text == unicodedata.normalize("NFC", text) or "\u034f" in text
    assert not any(char in text for char in "\t\r\x00\x0b\x7f\x9f\u00a0\u2014\u201c\u00ad")
    assert normalize_text(text) == text
