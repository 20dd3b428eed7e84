"""HTML pages: the article's text, title, author and date; the rest of the page dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from tests.inputs import PAGE, to_cp1258
from vnreport.errors import EmptyDocumentError
from vnreport.io import read_path
from vnreport.io.html import read_html
from vnreport.pipeline.run import extract_document


def test_page_gives_title_first_then_the_main_text() -> None:
    (document,) = read_path(PAGE)
    title = "Kiểm tra phòng chống thiên tai tại xã Quảng Khê"
    assert document.title == title
    assert document.text.startswith(title + "\n\n")
    assert document.text.count(title) == 1
    assert "kè biển trước mùa mưa bão" in document.text


def test_page_metadata_becomes_author_and_published() -> None:
    (document,) = read_path(PAGE)
    assert document.author == "Ngọc Lan"
    assert document.published == dt.date(2023, 9, 28)
    assert document.source == str(PAGE)


@pytest.mark.parametrize(
    "debris",
    [
        "Trang chủ",  # navigation
        "Chia sẻ Facebook",  # share bar
        "Cảm ơn huyện đã quan tâm",  # comment
        "Tin cùng chuyên mục",  # related links
        "Bản quyền thuộc về",  # footer
        "dataLayer",  # script
        "color: red",  # style
    ],
)
def test_the_rest_of_the_page_is_dropped(debris: str) -> None:
    (document,) = read_path(PAGE)
    assert debris not in document.text


def test_htm_suffix_reads_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.read_bytes())
    (document,) = read_path(path)
    assert document.title == "Kiểm tra phòng chống thiên tai tại xã Quảng Khê"


def test_legacy_charset_page_comes_out_composed() -> None:
    sentence = "Đoàn kiểm tra của UBND huyện Chợ Mới đã làm việc tại xã Yên Đĩnh về nông thôn mới."
    page = (
        '<html><head><meta charset="windows-1258"><title>Tin ngắn</title></head>'
        f"<body><article>{f'<p>{sentence}</p>' * 3}</article></body></html>"
    )
    document = read_html(to_cp1258(page))
    assert document.title == "Tin ngắn"
    assert sentence in document.text


def test_a_page_without_article_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError, match="no article text"):
        read_html(b"<html><head><script>var page = 1;</script></head><body></body></html>")


def test_lead_and_captions_the_extractor_drops_are_restored() -> None:
    body = " ".join(["Đoàn kiểm tra đã làm việc với xã về công tác phòng chống thiên tai."] * 6)
    page = f"""<html><head><title>Kiểm tra tại xã Quảng Khê</title></head><body>
    <article><h1>Kiểm tra tại xã Quảng Khê</h1>
    <h2 class="sapo">Sáng 3/10, đoàn công tác của UBND huyện Quảng Trạch kiểm tra tại xã Quảng Khê.</h2>
    <figure><img src="a.jpg"><figcaption>Đoàn kiểm tra kè biển tại thôn Tây (xã Quảng Khê)</figcaption></figure>
    <p>{body}</p><p>{body}</p></article></body></html>"""
    document = read_html(page)
    assert "Sáng 3/10, đoàn công tác của UBND huyện Quảng Trạch" in document.text
    assert "Đoàn kiểm tra kè biển tại thôn Tây (xã Quảng Khê)" in document.text
    assert document.text.count("Sáng 3/10") == 1


TABLE_PAGE = Path(__file__).parent / "data" / "pages" / "table_portal_ea_kar.html"


def test_a_layout_table_page_falls_back_to_its_largest_block() -> None:
    (document,) = read_path(TABLE_PAGE)
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "Phó Chủ tịch UBND huyện kiểm tra phòng chống dịch tại xã Cư Huê"
    assert paragraphs[1].startswith("Chiều 12/3, ông Lê Văn Tám")
    assert paragraphs[-1] == "Hoài Thương - Minh Khoa"
    for debris in ("LÃNH ĐẠO HUYỆN", "Y KHÔI NIÊ", "Lượt xem", "Các tin khác", "Cơ quan chủ quản"):
        assert debris not in document.text
    assert "|" not in document.text


def test_headline_byline_and_dateline_are_read_off_the_page() -> None:
    (document,) = read_path(TABLE_PAGE)
    assert document.title == "Phó Chủ tịch UBND huyện kiểm tra phòng chống dịch tại xã Cư Huê"
    assert document.author == "Hoài Thương - Minh Khoa"
    assert document.published == dt.date(2025, 3, 13)  # the dateline, not the header's widget
    assert document.published_source == "page"


def test_a_table_page_gives_the_whole_report(nlp: Language) -> None:
    (document,) = read_path(TABLE_PAGE)
    report = extract_document(document, nlp=nlp)
    assert report.authors == ["Hoài Thương", "Minh Khoa"]
    assert (report.published, report.published_source) == (dt.date(2025, 3, 13), "page")
    assert report.event_date is not None
    assert report.event_date.iso == "2025-03-12"
    assert [(r.issuer, r.text) for r in report.recommendations] == [
        ("Lê Văn Tám", "UBND xã tổ chức ra quân diệt lăng quăng hằng tuần"),
        ("Lê Văn Tám", "tuyên truyền người dân ngủ màn"),
        ("Lê Văn Tám", "Trung tâm Y tế huyện được giao giám sát chặt các ổ dịch cũ"),
    ]
    assert [o.name for o in report.officials] == ["Lê Văn Tám"]
