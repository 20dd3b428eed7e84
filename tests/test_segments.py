from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

import vnreport
from vnreport.records import Report
from vnreport.text.page import byline_author, classify

ARTICLE = """Kiểm tra công tác dân vận tại xã Dương Quang

Sáng ngày 3/10, Đoàn kiểm tra của Huyện ủy làm việc tại xã Dương Quang.

Đoàn kiểm tra thực tế tại thôn Nà Pài (Ảnh: Minh Anh)

Xã đã ban hành kế hoạch. Kết quả đạt 80%.

Minh Anh

Chia sẻ
Tin cùng chuyên mục
Phó Chủ tịch UBND tỉnh Hà Văn Tùng kiểm tra tại xã Nông Thượng
Lượt xem: 1.234
"""


def test_kinds_of_a_typical_page() -> None:
    kinds = [s.kind for s in classify(ARTICLE, max_title_chars=250, max_byline_words=8)]
    assert kinds == [
        "title", "lead", "caption", "body", "byline", "boilerplate", "boilerplate",
        "boilerplate", "boilerplate",
    ]  # fmt: skip


def test_nothing_is_extracted_from_debris(nlp: Language) -> None:
    report = vnreport.extract(ARTICLE, nlp=nlp)
    assert report.author == "Minh Anh"
    assert all(o.name != "Hà Văn Tùng" for o in report.officials)
    assert ("xã", "Nông Thượng") not in {(u.type, u.name) for u in report.admin_units}


def test_seed_segments(seed_text: str, nlp: Language) -> None:
    report = vnreport.extract(seed_text, nlp=nlp)
    kinds = [s.kind for s in report.segments]
    assert kinds[:3] == ["title", "lead", "caption"]
    assert kinds[-4:] == ["byline", "boilerplate", "boilerplate", "boilerplate"]
    assert report.author == "Hoàng Thạc"
    debris = [s.span.text for s in report.segments if s.kind == "boilerplate"]
    assert "Please enter your comment!" in debris


def test_sentences_do_not_break_after_unit_abbreviations() -> None:
    text = "Đoàn làm việc tại TP. Bắc Kạn. Sau đó đoàn đến TX. Sa Pa."
    segments = classify("Tiêu đề\n\n" + text, max_title_chars=250, max_byline_words=8)
    assert [s.text for s in segments[1].sentences] == [
        "Đoàn làm việc tại TP. Bắc Kạn.",
        "Sau đó đoàn đến TX. Sa Pa.",
    ]


def test_a_list_lines_number_does_not_end_a_sentence() -> None:
    segments = classify(
        "Tiêu đề\n\n1. Rà soát hộ nghèo. Báo cáo kết quả.", max_title_chars=250, max_byline_words=8
    )
    assert [s.text for s in segments[1].sentences] == ["1. Rà soát hộ nghèo.", "Báo cáo kết quả."]


# fmt: off
BYLINES = [
    ("Hoàng Thạc", "Hoàng Thạc"),
    ("Minh Anh - Thu Trang", "Minh Anh - Thu Trang"),
    ("Theo Báo Lạng Sơn", "Báo Lạng Sơn"),
    ("Hồng Nhung (Văn phòng HĐND huyện)", "Hồng Nhung"),
    ("PV", None),
    ("Đoàn kiểm tra đã làm việc tại xã.", None),
]
# fmt: on


@pytest.mark.parametrize(("line", "author"), BYLINES)
def test_byline_author(line: str, author: str | None) -> None:
    assert byline_author(line) == author


PAGES = Path(__file__).parent / "data" / "pages"


def _portal(nlp: Language) -> Report:
    return vnreport.extract((PAGES / "portal_xa_tan_lap.txt").read_text(encoding="utf-8"), nlp=nlp)


def test_portal_page_headline_is_the_articles_own_line(nlp: Language) -> None:
    report = _portal(nlp)
    assert report.title == "Thường trực HĐND huyện giám sát tiêu chí nông thôn mới tại xã Tân Lập"
    kinds = [s.kind for s in report.segments]
    assert kinds.index("title") == 8  # menus, search, widgets, ticker before it are debris
    assert set(kinds[:8]) == {"boilerplate"}
    assert report.lead is not None
    assert report.lead.startswith("Sáng 3/10, Đoàn giám sát")


def test_portal_page_dateline_dates_the_event(nlp: Language) -> None:
    report = _portal(nlp)
    assert (report.published, report.published_source) == (dt.date(2024, 10, 5), "page")
    assert report.event_date is not None
    assert report.event_date.iso == "2024-10-03"


def test_portal_page_byline_names_both_authors(nlp: Language) -> None:
    report = _portal(nlp)
    assert report.author == "Lan Phương - Đức Minh"
    assert report.authors == ["Lan Phương", "Đức Minh"]
    assert (report.byline_mark, report.source_credit) == (None, None)


def test_nothing_is_taken_from_the_sidebars(nlp: Language) -> None:
    report = _portal(nlp)
    names = {o.name for o in report.officials}
    assert names == {"Ma Thị Thu"}  # not the ticker's, the panel's or a related headline's
    places = {(u.type, u.name) for u in report.admin_units}
    assert ("xã", "Bảo Linh") not in places
    assert ("xã", "Phú Đình") not in places


# fmt: off
MARKED = [
    # byline line, author, authors, mark, source credit
    ("PV", None, [], "PV", None),
    ("Theo Báo Thái Nguyên", "Báo Thái Nguyên", [], None, "Báo Thái Nguyên"),
    ("Tin, ảnh: Lan Phương", "Lan Phương", ["Lan Phương"], None, None),
]
# fmt: on


@pytest.mark.parametrize(("line", "author", "authors", "mark", "source"), MARKED)
def test_byline_fields_of_the_report(
    nlp: Language,
    line: str,
    author: str | None,
    authors: list[str],
    mark: str | None,
    source: str | None,
) -> None:
    text = ARTICLE.replace("\nMinh Anh\n", f"\n{line}\n")
    report = vnreport.extract(text, nlp=nlp)
    assert (report.author, report.authors, report.byline_mark, report.source_credit) == (
        author,
        authors,
        mark,
        source,
    )


def test_a_section_label_from_the_menu_is_not_the_headline() -> None:
    page = (
        "HỘI ĐỒNG NHÂN DÂN HUYỆN YÊN DŨNG\n"
        "Trang chủ | Giới thiệu | Kỳ họp | Giám sát - Khảo sát | Văn bản\n"
        "Thứ Hai, 12/08/2024\n"
        "Giám sát - Khảo sát\n"
        "Ban Pháp chế HĐND huyện giám sát tại xã Yên Lư\n\n"
        "Sáng 9/8, Ban Pháp chế HĐND huyện Yên Dũng đã giám sát công tác hòa giải tại xã Yên Lư."
    )
    segments = classify(page, max_title_chars=250, max_byline_words=8)
    (title,) = [s for s in segments if s.kind == "title"]
    assert title.span.text == "Ban Pháp chế HĐND huyện giám sát tại xã Yên Lư"
