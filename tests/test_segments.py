from __future__ import annotations

import pytest
from spacy.language import Language

import vnreport
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


# fmt: off
BYLINES = [
    ("Hoàng Thạc", "Hoàng Thạc"),
    ("Minh Anh - Thu Trang", "Minh Anh - Thu Trang"),
    ("Theo Báo Lạng Sơn", "Báo Lạng Sơn"),
    ("Đoàn kiểm tra đã làm việc tại xã.", None),
]
# fmt: on


@pytest.mark.parametrize(("line", "author"), BYLINES)
def test_byline_author(line: str, author: str | None) -> None:
    assert byline_author(line) == author
