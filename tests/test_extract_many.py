"""`vnreport.extract_many`: many articles through `nlp.pipe`, each giving what `extract()` gives."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import vnreport
from tests.inputs import TEXT_ARTICLES
from tests.pipelines import BUG, sabotaged
from vnreport.errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractionError,
    InputError,
    VnreportError,
)
from vnreport.settings import DEFAULT_MAX_CHARS

DEV = Path(__file__).resolve().parents[1] / "corpora" / "dev"


def _texts() -> list[str]:
    """Real articles of the genre: the test articles and a few of the dev corpus."""
    paths = [*TEXT_ARTICLES, *sorted(DEV.glob("*.txt"))[:4]]
    return [path.read_text(encoding="utf-8") for path in paths]


TEXTS = _texts()


@pytest.fixture(scope="module")
def broken() -> Language:
    """The real pipeline with a component that raises on texts containing `BUG`."""
    return sabotaged()


@pytest.mark.parametrize("n_process", [1, 2])
def test_each_report_is_the_one_extract_gives(nlp: Language, n_process: int) -> None:
    expected = [vnreport.extract(text, nlp=nlp, published="2024-05-20") for text in TEXTS]
    got = list(
        vnreport.extract_many(
            TEXTS, nlp=nlp, published="2024-05-20", n_process=n_process, batch_size=2
        )
    )
    assert got == expected
    assert sum(len(report.officials) for report in got) > 0


def test_documents_keep_their_own_source_date_and_hints(nlp: Language) -> None:
    text = TEXTS[0]
    own = vnreport.Document(text=text, source="a.txt", published="2023-01-05", author="Minh")
    bare = vnreport.Document(text=text, source="b.txt")
    first, second = vnreport.extract_many([own, bare], nlp=nlp, published="2021-09-15")
    assert first == vnreport.extract_document(own, nlp=nlp)
    assert (first.source, first.published) == ("a.txt", dt.date(2023, 1, 5))
    assert (second.source, second.published) == ("b.txt", dt.date(2021, 9, 15))
    assert second == vnreport.extract(text, nlp=nlp, source="b.txt", published="2021-09-15")


def test_pairs_give_back_their_context_in_input_order(nlp: Language) -> None:
    items = [(text, {"row": row}) for row, text in enumerate(TEXTS[:3])]
    got = list(vnreport.extract_many(items, nlp=nlp))
    assert [context for _, context in got] == [{"row": 0}, {"row": 1}, {"row": 2}]
    assert [report.text for report, _ in got] == [
        vnreport.extract(t, nlp=nlp).text for t in TEXTS[:3]
    ]


def _failing_items() -> list[object]:
    good = TEXTS[0]
    return [good, "", f"{BUG}. {good}", "x" * 50_001, 42, ("  \n ", "ctx"), good]


FAILURES = [None, EmptyDocumentError, ExtractionError, DocumentTooLargeError, InputError,
            EmptyDocumentError, None]  # fmt: skip


@pytest.mark.parametrize("n_process", [1, 2])
def test_returned_errors_are_the_typed_errors_extract_raises(
    broken: Language, n_process: int
) -> None:
    items = _failing_items()
    got = list(
        vnreport.extract_many(
            items,  # type: ignore[arg-type]  (an int on purpose)
            nlp=broken,
            max_chars=50_000,
            on_error="return",
            n_process=n_process,
            batch_size=2,
        )
    )
    assert len(got) == len(items)
    for item, result, failure in zip(items, got, FAILURES, strict=True):
        paired = isinstance(item, tuple)
        outcome = result[0] if paired else result
        if paired:
            assert result[1] == "ctx"
        if failure is None:
            assert outcome == vnreport.extract(item, nlp=broken)  # type: ignore[arg-type]
            continue
        assert type(outcome) is failure
        text = item[0] if paired else item
        with pytest.raises(failure) as raised:
            vnreport.extract(text, nlp=broken, max_chars=50_000)  # type: ignore[arg-type]
        if failure is not InputError:  # the not-a-str message names the function
            assert str(outcome) == str(raised.value)


def test_skip_drops_failed_items_and_raise_stops_at_the_first(broken: Language) -> None:
    items = _failing_items()
    kept = list(vnreport.extract_many(items, nlp=broken, max_chars=50_000, on_error="skip"))  # type: ignore[call-overload]
    assert [report.text for report in kept] == [vnreport.extract(TEXTS[0], nlp=broken).text] * 2
    stream = vnreport.extract_many(items, nlp=broken, max_chars=50_000)  # type: ignore[call-overload]
    assert next(stream).text == kept[0].text
    with pytest.raises(EmptyDocumentError):
        next(stream)


def _endless() -> Iterator[str]:
    for number in itertools.count():
        yield f"Sáng {number % 28 + 1}/9, đoàn kiểm tra tại phường Huyền Tụng."


@pytest.mark.parametrize("n_process", [1, 2])
def test_it_streams_an_endless_input_and_stops_when_the_caller_does(
    nlp: Language, n_process: int
) -> None:
    stream = vnreport.extract_many(_endless(), nlp=nlp, n_process=n_process, batch_size=2)
    first = list(itertools.islice(stream, 5))
    stream.close()  # spaCy's workers stop; nothing hangs
    assert [report.event_date.day for report in first if report.event_date] == [1, 2, 3, 4, 5]


def test_bad_arguments_are_input_errors(nlp: Language) -> None:
    with pytest.raises(InputError, match="on_error"):
        list(vnreport.extract_many(["a"], nlp=nlp, on_error="ignore"))  # type: ignore[call-overload]
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        list(vnreport.extract_many(["a"], nlp=nlp, published="15/9/2021"))


# Texts a batch may hold: articles, fragments of them, nothing, whitespace, debris.
_PIECES = st.sampled_from(["", "  \n", "Please enter your comment!", *TEXTS[:2],
                           "Chiều 16-10, Đoàn kiểm tra làm việc tại xã Tân Lập."])  # fmt: skip


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PIECES, max_size=6))
def test_a_batch_gives_one_outcome_per_item_as_extract_would(
    nlp: Language, texts: list[str]
) -> None:
    got = list(vnreport.extract_many(texts, nlp=nlp, on_error="return", batch_size=3))
    assert len(got) == len(texts)
    for text, outcome in zip(texts, got, strict=True):
        if isinstance(outcome, VnreportError):
            with pytest.raises(type(outcome)):
                vnreport.extract(text, nlp=nlp)
        else:
            assert outcome == vnreport.extract(text, nlp=nlp)


def test_nlp_pipe_keeps_spacys_conventions_as_documented(nlp: Language) -> None:
    # Documented in extract_many and the README: nlp.pipe gives an empty Report for an empty
    # text and spaCy's ValueError E088 past nlp.max_length, which is extract()'s limit.
    (empty,) = nlp.pipe([""])
    assert empty._.report.segments == []
    assert empty._.report.officials == []
    assert nlp.max_length == DEFAULT_MAX_CHARS
    with pytest.raises(ValueError, match="E088"):
        list(nlp.pipe(["x" * (DEFAULT_MAX_CHARS + 1)]))
