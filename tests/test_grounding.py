"""Property tests: every span is grounded, and extraction never fails with a foreign error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import vnreport
from vnreport.errors import InputError
from vnreport.records import Report
from vnreport.text.safe_text import has_text

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "dev"
_ARTICLES = sorted(CORPUS.glob("*.txt"))[:6]
_VIETNAMESE = (
    "đồng chí Nguyễn Thị Huế – Phó Chủ tịch UBND thành phố; tổ Giao Lâm và Tổng Nẻng, phường 5, "
    "TP.Bắc Kạn đạt 50%, 06 mô hình, 1.619 nhân khẩu, 2,5 tỷ đồng; đề nghị xã tiếp tục rà soát.\n"
)
_FRAGMENTS = st.sampled_from([*_VIETNAMESE.split(" "), "\n", "\n\n", "(", ")", "–", ";", "."])
_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_grounded(report: Report) -> None:
    for span in report.spans():
        assert report.text[span.start : span.end] == span.text
        assert 0 <= span.start <= span.end <= len(report.text)


def extract_or_input_error(nlp: Language, text: str) -> None:
    try:
        report = vnreport.extract(text, nlp=nlp)
    except InputError:
        assert not has_text(text) or len(text) > 1_000_000
        return
    assert_grounded(report)


@_SETTINGS
@given(st.text())
def test_arbitrary_unicode(nlp: Language, text: str) -> None:
    extract_or_input_error(nlp, text)


@_SETTINGS
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=5)), max_size=80))
def test_vietnamese_mixed_with_debris(nlp: Language, parts: list[str]) -> None:
    extract_or_input_error(nlp, " ".join(parts))


@_SETTINGS
@given(st.data())
def test_corpus_articles_with_cuts_and_insertions(nlp: Language, data: st.DataObject) -> None:
    if not _ARTICLES:
        return
    text = data.draw(st.sampled_from(_ARTICLES)).read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    insertion = data.draw(st.text(max_size=20))
    at = data.draw(st.integers(0, len(text)))
    cut = text[:start] + text[end:]
    extract_or_input_error(nlp, cut[:at] + insertion + cut[at:])


def test_seed_is_grounded(nlp: Language, seed_text: str) -> None:
    assert_grounded(vnreport.extract(seed_text, nlp=nlp))
