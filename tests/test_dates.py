from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import vnreport

# fmt: off
CASES = [
    ("Sáng ngày 14/9, Đoàn kiểm tra làm việc tại xã.", "--09-14"),
    ("Chiều 16-10, đoàn công tác làm việc tại phường.", "--10-16"),
    ("Ngày 3/11/2024, Ban Dân vận kiểm tra tại xã.", "2024-11-03"),
    ("Sáng nay (5/6), UBND huyện kiểm tra tại thị trấn.", "--06-05"),
    ("Ngày 5 tháng 6 năm 2024, đoàn làm việc tại xã.", "2024-06-05"),
    ("Theo Nghị định 71/1998/NĐ-CP, xã đã làm tốt.", None),        # a document number
    ("Ngày 31/2, đoàn làm việc tại xã.", None),                     # no such day
]
# fmt: on


@pytest.mark.parametrize(("lead", "expected"), CASES)
def test_event_date(nlp: Language, lead: str, expected: str | None) -> None:
    report = vnreport.extract("Tiêu đề bài viết\n\n" + lead, nlp=nlp)
    assert (report.event_date.iso if report.event_date else None) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (dt.date(2021, 9, 20), "2021-09-14"),
        ("2022-01-05", "2021-09-14"),  # published early next year: the event was last year
    ],
)
def test_year_comes_from_publication_date(nlp: Language, published, expected: str) -> None:
    report = vnreport.extract(
        "Tiêu đề\n\nSáng ngày 14/9, đoàn làm việc tại xã.", nlp=nlp, published=published
    )
    assert report.event_date is not None
    assert report.event_date.iso == expected
