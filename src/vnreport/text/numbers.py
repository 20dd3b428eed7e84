"""Vietnamese numbers: digits written the Vietnamese way, and numbers written in words.

Vietnamese writes "." between thousands and "," before decimals: "1.619" is 1619, "2,5" is 2.5,
"1.250,5" is 1250.5; counts are often zero-padded ("06 mô hình"). Words follow their own
grammar: "hai mươi lăm" is 25, "một trăm linh năm" is 105, "ba triệu rưỡi" is 3,500,000.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from vnreport.resources import load_json

Number = int | float

# Longest digit string parsed; longer runs are serial numbers or debris, and `int()` refuses
# strings past 4300 digits anyway.
MAX_DIGITS = 24

_DIGITS_ONLY = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class _Words:
    digits: dict[str, int]
    after_tens_only: frozenset[str]
    ten: frozenset[str]
    tens: frozenset[str]
    hundred: frozenset[str]
    scales: dict[str, int]
    zero_tens: frozenset[str]
    half: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return (
            frozenset(
                [*self.digits, *self.ten, *self.tens, *self.hundred, *self.scales, *self.zero_tens]
            )
            | self.half
        )


@cache
def _words() -> _Words:
    data = load_json("numbers_words")
    return _Words(
        digits=dict(data["digits"]),
        after_tens_only=frozenset(data["after_tens_only"]),
        ten=frozenset(data["ten"]),
        tens=frozenset(data["tens"]),
        hundred=frozenset(data["hundred"]),
        scales=dict(data["scales"]),
        zero_tens=frozenset(data["zero_tens"]),
        half=frozenset(data["half"]),
    )


@cache
def number_words() -> frozenset[str]:
    """Every lower-case word that can be part of a number written in words."""
    return _words().all


def scale_of(word: str) -> int | None:
    """The multiplier of a scale word ("nghìn" → 1000, "tỷ" → 10⁹), or None."""
    return _words().scales.get(word.casefold())


def _as_number(value: Decimal) -> Number:
    """An int when `value` is integral, otherwise a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _grouped(groups: Sequence[str]) -> bool:
    """Whether `groups` are thousands groups: 1-3 digits, then exactly three each."""
    head, *rest = groups
    return 1 <= len(head) <= 3 and bool(rest) and all(len(group) == 3 for group in rest)


def _decimal(integer: str, fraction: str) -> Decimal | None:
    if not integer or not fraction or not _DIGITS_ONLY.fullmatch(integer + fraction):
        return None
    return Decimal(f"{integer}.{fraction}")


def _parse_unsigned(text: str) -> Decimal | None:
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        integer, fraction = text.rsplit(decimal_mark, 1)
        groups = integer.split(group_mark)
        if decimal_mark in integer or not _grouped(groups):
            return None
        return _decimal("".join(groups), fraction)
    if not (dots or commas):
        return Decimal(text) if _DIGITS_ONLY.fullmatch(text) else None
    mark = "." if dots else ","
    groups = text.split(mark)
    # "1.619" and "1,250,000" are thousands; "2,5" and "2.75" are decimals.
    thousands = groups[0] != "0" if mark == "." else len(groups) > 2
    if thousands and _grouped(groups):
        return Decimal("".join(groups))
    return _decimal(groups[0], groups[1]) if len(groups) == 2 else None


def parse_number(text: str) -> Number | None:
    """The value of a number written with digits the Vietnamese way, or None.

    "1.619" → 1619, "2,5" → 2.5, "06" → 6, "1.250,5" → 1250.5; English-style "1,250,000" and
    "2.75" are read too. Strings that are not one number ("3,4,5", "71/1998", phone numbers
    like "0912.345.678") give None.
    """
    text = text.strip()
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    if not text or len(text) > MAX_DIGITS + 8 or not (text[0].isdigit() and text[-1].isdigit()):
        return None
    value = _parse_unsigned(text)
    if value is None:
        return None
    integer_part = re.split(r"[.,]", text, maxsplit=1)[0]
    if len(integer_part) > 3 and integer_part.startswith("0"):
        return None  # a phone or serial number, not a quantity
    return _as_number(-value if negative else value)


def format_number(value: Number) -> str:
    """`value` written the Vietnamese way: 1619 → "1.619", 1250.5 → "1.250,5", 2.5 → "2,5"."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"format_number takes an int or float, not {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} has no Vietnamese written form")
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    sign = "-" if exact < 0 else ""
    integer, _, fraction = format(abs(exact), "f").partition(".")
    fraction = fraction.rstrip("0")
    grouped = f"{int(integer):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


@dataclass
class _WordNumber:
    """The state of reading a number in words: one method per kind of word, False on nonsense."""

    table: _Words
    total: int = 0  # the completed scale groups
    group: int = 0  # the part below the current scale (0-999)
    pending: int | None = None  # a digit waiting for its multiplier
    last: str | None = None  # the kind of the previous word
    last_scale: int | None = None

    def digit(self, word: str) -> bool:
        digit = self.table.digits[word]
        if self.pending is not None or self.last in ("unit", "half"):
            return False
        if self.last in ("ten", "tens"):
            self.group += digit
            self.last = "unit"
            return True
        self.pending, self.last = digit, "digit"
        return word not in self.table.after_tens_only

    def ten(self, word: str) -> bool:
        if self.pending is not None or self.group % 100 >= 10 or self.last in ("unit", "half"):
            return False
        self.group += 10
        self.last = "ten"
        return True

    def tens(self, word: str) -> bool:
        if not self.pending:
            return False
        self.group += self.pending * 10
        self.pending, self.last = None, "tens"
        return True

    def hundred(self, word: str) -> bool:
        if self.pending is None or self.group:
            return False
        self.group += self.pending * 100
        self.pending, self.last = None, "hundred"
        return True

    def zero_tens(self, word: str) -> bool:
        ok = self.last == "hundred"
        self.last = "linh"
        return ok

    def scale(self, word: str) -> bool:
        scale = self.table.scales[word]
        amount = self.group + (self.pending or 0)
        if amount == 0:
            return False
        if self.last_scale is None or scale < self.last_scale:
            self.total += amount * scale
        else:
            self.total = (self.total + amount) * scale
        self.group, self.pending, self.last_scale, self.last = 0, None, scale, "scale"
        return True

    def half(self, word: str) -> bool:
        if self.last == "scale" and self.last_scale is not None:
            self.total += self.last_scale // 2
        elif self.last == "hundred":
            self.group += 50
        else:
            return False
        self.last = "half"
        return True

    def read(self, word: str) -> bool:
        """Take one more word; False when the words are no longer one number."""
        table = self.table
        kinds = (
            (table.digits, self.digit),
            (table.ten, self.ten),
            (table.tens, self.tens),
            (table.hundred, self.hundred),
            (table.zero_tens, self.zero_tens),
            (table.scales, self.scale),
            (table.half, self.half),
        )
        return next((step(word) for words, step in kinds if word in words), False)

    @property
    def value(self) -> int | None:
        if self.last is None or self.last == "linh":
            return None
        return self.total + self.group + (self.pending or 0)


def parse_number_words(words: Sequence[str]) -> Number | None:
    """The value of a number written in words, or None when the words are not one number.

    ["hai", "mươi", "lăm"] → 25, ["một", "trăm", "linh", "năm"] → 105,
    ["một", "trăm", "rưỡi"] → 150, ["ba", "triệu", "rưỡi"] → 3500000.
    """
    reader = _WordNumber(_words())
    if not all(reader.read(word.casefold()) for word in words):
        return None
    return reader.value
