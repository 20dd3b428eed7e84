"""Hostile input to the library: `vnreport.extract` raises only vnreport's own errors.

tests/test_grounding.py checks grounding over arbitrary text, debris and cut articles; this
module adds what those strategies leave out (lone surrogates, control and format characters,
combining-mark runs), inputs of the wrong type, and documents far over the size limit.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import vnreport
from tests.test_grounding import assert_grounded
from vnreport.errors import DocumentTooLargeError, EmptyDocumentError, InputError
from vnreport.resources import load_json
from vnreport.settings import DEFAULT_MAX_CHARS

_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_EVERY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls included
# fmt: off
_NASTY = [
    "\x00", "\ud800", "\udfff", "\x1b[31m", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\u200b",
    "\ufeff", "\u00ad", "\u202e", "\u2066", "\ufffd", "\U0001f600", "\u0301" * 40,
    "\u0301\u0323" * 20, "\t", "\x7f", "\uffff", "ð", "Ð",
]
_SENTENCE = (
    "Sáng 14/9, đồng chí Nguyễn Thị Huế – Phó Chủ tịch UBND phường 5 kiểm tra tổ 3, "
    "thôn Nà Pài, xã Yên Đĩnh; 1.619 hộ đạt 92,6%, 2,5 tỷ đồng; đề nghị xã rà soát."
)
_WORDS = _SENTENCE.split(" ")
_TITLES = load_json("titles")
_PUNCTUATION = [".", "..", "…", ",", ";", ":", "–", "-", "(", ")", '"', "!", "?", ". ."]
# A title or honorific with nothing after it but punctuation: a word scan must end there.
_CUT_SHORT = [
    # text, the (name, title) of each official found
    ("Chủ tịch .", []),
    ("Ông An là Chủ tịch .", []),
    ("Ông An là Chủ tịch . ", []),
    ("Chủ tịch . . .", []),
    ("Chủ tịch UBND .", []),
    ("Chủ tịch UBND xã .", []),
    ("Phó Chủ tịch …", []),
    ("đồng chí .", []),
    ("Chủ tịch", []),
    ("Chủ tịch ,", []),
    ("Chủ tịch (", []),
    ("Chủ tịch .\n\nBí thư .", []),
    ("Ông Nguyễn Văn An, Chủ tịch .", [("Nguyễn Văn An", "Chủ tịch")]),
    ("Bà Lò Thị Mai – Phó Chủ tịch …", [("Lò Thị Mai", "Phó Chủ tịch")]),
]
# fmt: on


def _extract_or_typed_error(nlp: Language, text: str) -> None:
    """A Report, or an InputError; an ExtractionError is a bug in a component."""
    try:
        report = vnreport.extract(text, nlp=nlp)
    except InputError:
        return
    assert_grounded(report)


@pytest.mark.parametrize(("text", "officials"), _CUT_SHORT)
def test_a_title_cut_short_by_punctuation(
    nlp: Language, text: str, officials: list[tuple[str, str]]
) -> None:
    report = vnreport.extract(text, nlp=nlp)
    assert [(o.name, o.title) for o in report.officials] == officials
    assert_grounded(report)


@pytest.mark.parametrize("head", sorted(set(_TITLES["heads"]) | set(_TITLES["deputy"])))
@pytest.mark.parametrize("mark", [".", " .", " …", " . ."])
def test_every_title_head_before_a_full_stop(nlp: Language, head: str, mark: str) -> None:
    for text in (f"{head}{mark}", f"Ông An là {head}{mark}", f"Bà Lò Thị Mai, {head}{mark}"):
        assert_grounded(vnreport.extract(text, nlp=nlp))


@_SETTINGS
@given(
    st.lists(
        st.sampled_from(
            _TITLES["heads"]
            + _TITLES["honorifics"]
            + _TITLES["deputy"]
            + _PUNCTUATION
            + ["Nguyễn Văn An", "An", "UBND", "xã", "Yên Đĩnh", "\n"]
        ),
        max_size=30,
    )
)
def test_titles_names_and_punctuation_in_any_order(nlp: Language, parts: list[str]) -> None:
    _extract_or_typed_error(nlp, " ".join(parts))


@_SETTINGS
@given(st.text(_EVERY_CHARACTER, max_size=300))
def test_any_string_gives_a_report_or_a_vnreport_error(nlp: Language, text: str) -> None:
    _extract_or_typed_error(nlp, text)


@_SETTINGS
@given(st.lists(st.sampled_from(_WORDS + _NASTY), max_size=60))
def test_vietnamese_among_control_and_format_characters(nlp: Language, parts: list[str]) -> None:
    _extract_or_typed_error(nlp, " ".join(parts))


@pytest.mark.parametrize("size", [DEFAULT_MAX_CHARS + 1, 5 * DEFAULT_MAX_CHARS])
def test_documents_over_the_limit_are_typed_errors(nlp: Language, size: int) -> None:
    text = ("Đoàn kiểm tra làm việc tại xã Yên Đĩnh. " * (size // 40 + 1))[:size]
    with pytest.raises(DocumentTooLargeError) as caught:
        vnreport.extract(text, nlp=nlp, source="big.txt")
    message = str(caught.value)
    for part in (f"{size:,}", f"{DEFAULT_MAX_CHARS:,}", "max_chars", "big.txt"):
        assert part in message


def test_a_limit_over_a_million_characters_is_the_only_limit(nlp: Language) -> None:
    # spaCy refuses texts over nlp.max_length (E088, one million) unless told otherwise.
    text = "Tiêu đề\n\n" + "\n" * DEFAULT_MAX_CHARS + "Đoàn kiểm tra làm việc tại xã Yên Đĩnh."
    report = vnreport.extract(text, nlp=nlp, max_chars=2 * DEFAULT_MAX_CHARS)
    assert [(u.type, u.name) for u in report.admin_units] == [("xã", "Yên Đĩnh")]
    with pytest.raises(DocumentTooLargeError, match="limit of 1,000,000"):
        vnreport.extract(text, nlp=nlp, max_chars=DEFAULT_MAX_CHARS)


def test_the_limit_is_the_callers(nlp: Language) -> None:
    text = "Đoàn kiểm tra làm việc tại xã Yên Đĩnh."
    with pytest.raises(DocumentTooLargeError, match="limit of 10"):
        vnreport.extract(text, nlp=nlp, max_chars=10)
    assert vnreport.extract(text, nlp=nlp, max_chars=len(text)).text == text


@pytest.mark.parametrize(
    "value", [b"bytes", bytearray(b"x"), None, 5, 1.5, ["list"], {"text": "x"}]
)
def test_what_is_not_a_string_is_an_input_error(nlp: Language, value: object) -> None:
    with pytest.raises(InputError, match="str"):
        vnreport.extract(value, nlp=nlp)  # type: ignore[arg-type]


def test_lone_surrogates_become_replacement_characters(nlp: Language) -> None:
    report = vnreport.extract("Đoàn kiểm tra \ud800 tại xã Yên Đĩnh.", nlp=nlp)
    assert "\ufffd" in report.text
    assert [(u.type, u.name) for u in report.admin_units] == [("xã", "Yên Đĩnh")]
    report.model_dump_json()  # encodable


def test_only_invisible_characters_is_empty(nlp: Language) -> None:
    with pytest.raises(EmptyDocumentError):
        vnreport.extract("\u200b\ufeff\u2060\u00ad", nlp=nlp)


def test_a_source_that_is_not_a_string_is_an_input_error(nlp: Language) -> None:
    with pytest.raises(InputError, match="source"):
        vnreport.extract("Tiêu đề\n\nNội dung.", nlp=nlp, source=5)  # type: ignore[arg-type]
