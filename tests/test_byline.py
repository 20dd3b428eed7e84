"""Bylines as portals write them: names, several authors, prefixes, marks and sources."""

from __future__ import annotations

import pytest
from spacy.language import Language

import vnreport
from vnreport.text.byline import parse_byline

# fmt: off
BYLINES = [
    # line, authors, author (as the Report gives it), mark, source
    ("Hoàng Thạc", ("Hoàng Thạc",), "Hoàng Thạc", None, None),
    ("MINH ANH", ("MINH ANH",), "MINH ANH", None, None),
    ("L. HUỲNH", ("L. HUỲNH",), "L. HUỲNH", None, None),
    ("Thu Hà - Quốc Việt", ("Thu Hà", "Quốc Việt"), "Thu Hà - Quốc Việt", None, None),
    ("Hải Vân – Minh Châu", ("Hải Vân", "Minh Châu"), "Hải Vân – Minh Châu", None, None),
    ("Hoàng Lan, Y Brô", ("Hoàng Lan", "Y Brô"), "Hoàng Lan, Y Brô", None, None),
    ("Tin, ảnh: Hoàng Lan", ("Hoàng Lan",), "Hoàng Lan", None, None),
    ("Bài và ảnh: Danh Thành", ("Danh Thành",), "Danh Thành", None, None),
    ("Tin: Hoàng Ngân - Ảnh: Tẩn Mẩy", ("Hoàng Ngân",), "Hoàng Ngân", None, None),
    ("Hồng Nhung (Văn phòng HĐND huyện)", ("Hồng Nhung",), "Hồng Nhung", None, None),
    ("Thu Hà - PVHTT", ("Thu Hà",), "Thu Hà", "PVHTT", None),
    ("H'Yâm Kđoh", ("H'Yâm Kđoh",), "H'Yâm Kđoh", None, None),
    ("PV", (), None, "PV", None),
    ("CTV", (), None, "CTV", None),
    ("Nhóm PV", (), None, "Nhóm PV", None),
    ("Theo Báo Lạng Sơn", (), "Báo Lạng Sơn", None, "Báo Lạng Sơn"),
    ("Theo baoquan3.vn", (), "baoquan3.vn", None, "baoquan3.vn"),
    ("Nguồn: Báo An Giang", (), "Báo An Giang", None, "Báo An Giang"),
    ("TT. HĐND xã Tân Lập", ("TT. HĐND xã Tân Lập",), "TT. HĐND xã Tân Lập", None, None),
    ("Phòng Văn hóa - Xã hội phường", ("Phòng Văn hóa - Xã hội phường",),
     "Phòng Văn hóa - Xã hội phường", None, None),
    ("Ban biên tập Trang TTĐT xã", ("Ban biên tập Trang TTĐT xã",),
     "Ban biên tập Trang TTĐT xã", None, None),
]

NOT_BYLINES = [
    "Đoàn kiểm tra đã làm việc tại xã.",
    "Bởi admin",
    "Trước đó, đoàn đã kiểm tra thực tế tại thôn Đồng Mạ.",
    "Đoàn kiểm tra chốt canh lửa tại ấp Rạch Tràm",
    "Ban Chỉ đạo kiểm tra thực tế tại thôn Nà Pài",  # a caption, not an office signing
]
# fmt: on


@pytest.mark.parametrize(("line", "authors", "author", "mark", "source"), BYLINES)
def test_bylines(
    line: str, authors: tuple[str, ...], author: str | None, mark: str | None, source: str | None
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.author, byline.mark, byline.source) == (
        authors,
        author,
        mark,
        source,
    )


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_a_byline_with_a_long_affiliation_ends_the_article(nlp: Language) -> None:
    text = (
        "Thường trực HĐND huyện giám sát tại xã Yên Lư\n\n"
        "Sáng 12/3, Thường trực HĐND huyện Yên Dũng đã giám sát việc chi trả trợ cấp xã hội tại "
        "xã Yên Lư.\n\n"
        "Minh Thư (Văn phòng HĐND và UBND huyện Yên Dũng)\n\n"
        "Lượt xem: 321"
    )
    assert vnreport.extract(text, nlp=nlp).author == "Minh Thư"


def test_a_byline_signed_with_a_title_names_the_author_and_no_official(nlp: Language) -> None:
    text = (
        "Giám sát các khoản đóng góp tại xã Tân Dĩnh\n\n"
        "Ngày 19/9, Thường trực HĐND xã Tân Dĩnh giám sát việc sử dụng các khoản đóng góp của Nhân "
        "dân tại thôn Đông.\n\nĐoàn đề nghị các thôn công khai quyết toán từng công trình.\n\n"
        "Lê Văn Tâm\n\nChủ tịch HĐND xã Tân Dĩnh\n\nNhững tin mới hơn\n\nXã Tân Dĩnh ra mắt mô hình "
        "mới"
    )
    report = vnreport.extract(text, nlp=nlp)
    assert report.author == "Lê Văn Tâm"
    assert [o.name for o in report.officials] == []


def test_a_rating_widget_after_the_byline_is_debris(nlp: Language) -> None:
    text = (
        "Bí thư Huyện ủy kiểm tra tiến độ công trình tại xã Tân Dĩnh\n\n"
        "Sáng 12/3, đồng chí Trịnh Văn Hải, Bí thư Huyện ủy Lạng Giang kiểm tra tiến độ xây "
        "dựng trường học tại xã Tân Dĩnh.\n\n"
        "Hoài Thương\n\n"
        "5/5 - (1 bình chọn)"
    )
    assert vnreport.extract(text, nlp=nlp).author == "Hoài Thương"
