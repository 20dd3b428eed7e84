"""Vietnamese number parsing and formatting: digits the Vietnamese way, and number words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnreport.text.numbers import (
    Number,
    format_number,
    parse_number,
    parse_number_words,
    scale_of,
)

# fmt: off
PARSED = [
    ("1.619", 1619),            # dot between thousands
    ("1.000.000", 1000000),
    ("2,5", 2.5),               # comma before decimals
    ("92,6", 92.6),
    ("06", 6),                  # zero-padded count
    ("1.250,5", 1250.5),        # both marks
    ("0,5", 0.5),
    ("2.75", 2.75),             # English decimal point, not a thousands group
    ("1,250,000", 1250000),     # English thousands
    ("12.500", 12500),
    ("2,0", 2),                 # integral values are ints
    ("3,4,5", None),            # a list, not a number
    ("1.2.3", None),            # a version or section number
    ("0912.345.678", None),     # a phone number
    ("0912345678", None),
    ("", None),
    ("1" * 40, None),           # a run of digits past any quantity
]
WORDS = [
    ("ba", 3),
    ("hai mươi", 20),
    ("hai mươi lăm", 25),
    ("hai mươi mốt", 21),
    ("chín mươi tư", 94),
    ("mười lăm", 15),
    ("một trăm", 100),
    ("một trăm linh năm", 105),
    ("ba trăm năm mươi", 350),
    ("một trăm rưỡi", 150),
    ("hai nghìn", 2000),
    ("ba triệu rưỡi", 3500000),
    ("một nghìn hai trăm triệu", 1200000000),
    ("Hai mươi", 20),           # capitalized at a sentence start
    ("hai ba", None),           # two digits in a row
    ("mốt", None),              # only after mươi
    ("mươi", None),
    ("trăm linh", None),
]
FORMATTED = [
    (1619, "1.619"),
    (2.5, "2,5"),
    (1250.5, "1.250,5"),
    (0, "0"),
    (1000000, "1.000.000"),
    (0.001, "0,001"),
    (-1619, "-1.619"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_parse_number(text: str, expected: Number | None) -> None:
    value = parse_number(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_parse_number_words(text: str, expected: Number | None) -> None:
    assert parse_number_words(text.split()) == expected


@pytest.mark.parametrize(("value", "expected"), FORMATTED)
def test_format_number(value: Number, expected: str) -> None:
    assert format_number(value) == expected


def test_format_rejects_what_has_no_written_form() -> None:
    with pytest.raises(ValueError, match="no Vietnamese written form"):
        format_number(float("nan"))
    with pytest.raises(TypeError, match="int or float"):
        format_number(True)


def test_scale_words() -> None:
    assert scale_of("tỷ") == 1_000_000_000
    assert scale_of("Nghìn") == 1000
    assert scale_of("mô hình") is None


@given(st.integers(min_value=0, max_value=10**18))
def test_integers_round_trip(value: int) -> None:
    assert parse_number(format_number(value)) == value


@given(st.decimals(min_value=0, max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(value: Decimal) -> None:
    number = float(value)
    parsed = parse_number(format_number(number))
    assert parsed == number
    assert isinstance(parsed, int) == number.is_integer()
