from __future__ import annotations

import datetime as dt
import json

import pytest
from spacy.language import Language

import vnreport
from vnreport.errors import DocumentTooLargeError, EmptyDocumentError, InputError
from vnreport.pipeline.assemble import PUBLISHED_KEY
from vnreport.records import Report


def test_extract_and_doc_extension_agree(nlp: Language, seed_text: str) -> None:
    report = vnreport.extract(seed_text, nlp=nlp, source="seed.txt")
    assert report.source == "seed.txt"
    doc_report = nlp(seed_text)._.report
    assert doc_report.model_dump(exclude={"source"}) == report.model_dump(exclude={"source"})


def test_report_round_trips_through_json(nlp: Language, seed_text: str) -> None:
    report = vnreport.extract(seed_text, nlp=nlp)
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_id_is_a_stable_hash_of_the_normalized_text(nlp: Language) -> None:
    a = vnreport.extract("Tiêu đề\n\nHoà bình tại xã Tân Lập.", nlp=nlp)
    b = vnreport.extract("Tiêu đề\n\nHòa bình tại xã Tân Lập.", nlp=nlp)
    c = vnreport.extract("Tiêu đề\n\nHòa bình tại xã Tân Lập!", nlp=nlp)
    assert a.id == b.id != c.id


def test_spans_are_labelled_on_the_doc(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    assert {span.label_ for span in doc.spans["vnreport_admin_units"]} == {"phường", "thành phố"}
    assert doc.spans["vnreport_officials"][0].text == "đồng chí Nguyễn Thị Huế"


def test_schema_is_json_schema() -> None:
    schema = Report.model_json_schema()
    assert schema["title"] == "Report"
    assert "officials" in schema["properties"]
    json.dumps(schema)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", EmptyDocumentError),
        ("   \n\t ", EmptyDocumentError),
        ("x" * 101, DocumentTooLargeError),
    ],
)
def test_bad_input_raises_typed_errors(nlp: Language, text: str, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"doc\.txt"):
        vnreport.extract(text, nlp=nlp, max_chars=100, source="doc.txt")


def test_non_str_and_bad_dates_are_input_errors(nlp: Language) -> None:
    with pytest.raises(InputError, match="str"):
        vnreport.extract(b"bytes", nlp=nlp)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        vnreport.extract("Tiêu đề\n\nNội dung.", nlp=nlp, published="14/9")


def test_pipe_in_two_processes_matches_one(nlp: Language) -> None:
    texts = [
        "Tiêu đề\n\nSáng 3/10, ông Hà Văn Tùng, Chủ tịch UBND xã Dương Quang kiểm tra tổ 5.",
        "Tiêu đề\n\nChiều 16-10, đoàn làm việc tại phường Huyền Tụng; đạt 85%.",
    ]
    serial = [doc._.report for doc in nlp.pipe(texts)]
    parallel = [doc._.report for doc in nlp.pipe(texts, n_process=2)]
    assert parallel == serial
    assert serial[0].officials[0].name == "Hà Văn Tùng"


def test_select_pipes_runs_a_subset(nlp: Language) -> None:
    with nlp.select_pipes(enable=["vnreport_segments", "vnreport_admin_units"]):
        report = nlp("Tiêu đề\n\nĐoàn làm việc tại xã Dương Quang; đạt 85%.")._.report
    assert [(u.type, u.name) for u in report.admin_units] == [("xã", "Dương Quang")]
    assert report.figures == []


def test_doc_survives_spacy_serialization(nlp: Language, seed_text: str) -> None:
    from spacy.tokens import Doc

    doc = nlp(seed_text)
    doc.user_data[PUBLISHED_KEY] = dt.date(2021, 9, 15)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.report == doc._.report
    assert restored._.report.event_date is not None
    assert restored._.report.event_date.iso == "2021-09-14"
