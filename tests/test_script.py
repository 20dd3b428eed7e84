"""`vnreport.text.script`: patterns of words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnreport.text.script import alternation, word_start_alternation

SURNAMES = ["Nguyễn", "Nông", "Ngô", "Lê", "Lò", "Đặng", "Đinh", "Hà"]

# fmt: off
CASES = [
    ("ông Nguyễn Văn An", SURNAMES, ["Nguyễn"]),
    ("Ngô Lê Đặng", SURNAMES, ["Ngô", "Lê", "Đặng"]),
    ("ANguyễn xNgô _Lê 3Hà", SURNAMES, []),          # glued to a word character: no word start
    ("(Hà) -Lò, Đinh.", SURNAMES, ["Hà", "Lò", "Đinh"]),
    ("Nông thôn mới", ["Nông", "Nông thôn"], ["Nông thôn"]),  # the longer word wins
    ("số 12 và 3", ["1", "12", "3"], ["12", "3"]),
    ("a (b) (c", ["(b)", "(c"], ["(b)", "(c"]),        # words opening with punctuation
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "expected"), CASES)
def test_word_start_alternation_finds_words_at_word_starts(
    text: str, words: list[str], expected: list[str]
) -> None:
    pattern = re.compile(word_start_alternation(words))
    assert [match.group() for match in pattern.finditer(text)] == expected


def test_word_start_alternation_opens_with_letters_the_engine_can_skip_to() -> None:
    # The look-behind follows the first letter, so the compiled pattern has a prefix to skip by.
    assert word_start_alternation(["Lê", "Lò"]).startswith("(?:L(?<!\\w\\w)")


_ALPHABET = st.sampled_from(list("aàbNnĐđ1_ (.-\n"))


@given(
    text=st.text(alphabet=_ALPHABET, max_size=40),
    words=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), max_size=6),
    start=st.integers(min_value=0, max_value=40),
)
def test_word_start_alternation_matches_as_the_plain_look_behind(
    text: str, words: list[str], start: int
) -> None:
    plain = re.compile(rf"(?<!\w)(?:{alternation(words)})")
    fast = re.compile(word_start_alternation(words))
    assert [m.span() for m in fast.finditer(text, start)] == [
        m.span() for m in plain.finditer(text, start)
    ]
