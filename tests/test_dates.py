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
    ("Từ ngày 24 đến ngày 26/7/2024, đoàn giám sát tại các xã.", "2024-07-24"),  # the first day
    ("Theo Nghị định 71/1998/NĐ-CP, xã đã làm tốt.", None),        # a document number
    ("Ngày 31/2, đoàn làm việc tại xã.", None),                     # no such day
    ("Vừa qua, đoàn yêu cầu xã hoàn thành trước ngày 30/6.", None),  # a deadline
    ("Thực hiện Kế hoạch số 04/KH-HĐND ngày 2/6/2020, đoàn đã giám sát tại xã.", None),
    ("Ông Sáu đã ký hướng dẫn số 1510/UBND-GDĐT ngày 27/8/2021.", None),  # a document's date
    ("Trong các ngày 9,10/6/2020 Đoàn Giám sát làm việc tại các xã.", "2020-06-09"),
    # the plan's own date is no document number before the event's
    ("Theo Kế hoạch số 17-KH/BDVHU ngày 4/3/2024, chiều 21/3, Ban Dân vận khảo sát tại xã.",
     "--03-21"),
    ("Thực hiện Kế hoạch số 8/KH-UBND ngày 2/1/2025, sáng ngày 9/1, đoàn kiểm tra tại xã.",
     "--01-09"),
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


# fmt: off
DATELINED = [
    # page around the article, event date as the Report gives it, published
    ("Tiêu đề bài viết\n\n09:05, 22/11/2021\n\nSáng 19/11, đoàn làm việc tại xã.", "2021-11-19", "2021-11-22"),
    ("Tiêu đề bài viết\nNgày đăng: 05/01/2022\n\nSáng 28/12, đoàn làm việc tại xã.", "2021-12-28", "2022-01-05"),
    ("Cập nhật lúc 10:30 ngày 14/09/2021\nTiêu đề bài viết\n\nChiều 13/9, đoàn làm việc tại xã.", "2021-09-13", "2021-09-14"),
    ("Thứ Hai, 22/11/2021\nTiêu đề bài viết\n\nSáng 19/11, đoàn làm việc tại xã.", "--11-19", None),
    ("Tiêu đề bài viết\n28/09/2023\nSáng ngày 27/9, đoàn làm việc tại xã.", "2023-09-27", "2023-09-28"),
]
# fmt: on


@pytest.mark.parametrize(("page", "event", "published"), DATELINED)
def test_year_comes_from_the_page_dateline(
    nlp: Language, page: str, event: str, published: str | None
) -> None:
    report = vnreport.extract(page, nlp=nlp)
    assert report.title == "Tiêu đề bài viết"
    assert report.event_date is not None
    assert report.event_date.iso == event
    assert (report.published.isoformat() if report.published else None) == published
    assert report.published_source == ("page" if published else None)


def test_the_caller_date_wins_over_the_dateline(nlp: Language) -> None:
    page = "Tiêu đề bài viết\n\n09:05, 22/11/2021\n\nSáng 19/11, đoàn làm việc tại xã."
    report = vnreport.extract(page, nlp=nlp, published="2020-11-20")
    assert (report.published, report.published_source) == (dt.date(2020, 11, 20), "caller")
    assert report.event_date is not None
    assert report.event_date.iso == "2020-11-19"
