"""HTML pages: the article's text, title, author and date; the rest of the page dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.inputs import PAGE, to_cp1258
from vnreport.errors import EmptyDocumentError
from vnreport.io import read_path
from vnreport.io.html import read_html


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
