"""Reviewing one article in the terminal (the review page: test_review_page*.py)."""

from __future__ import annotations

from rich.console import Console
from spacy.language import Language

from tests.inputs import sample_report
from vnreport.document import Document
from vnreport.review.show import annotate, render_report, report_of


def test_annotate_keeps_the_doc_and_its_report(nlp: Language) -> None:
    document = Document(text=sample_report(0).text, source="a.txt", author="Minh Trang")
    doc = annotate(document, nlp)
    report = report_of(doc)
    assert report.source == "a.txt"
    assert report.text == doc.text
    assert any(key.startswith("vnreport_") for key in doc.spans)


def test_the_terminal_view_lists_every_kind_of_item() -> None:
    console = Console(record=True, width=160)
    console.print(render_report(sample_report(0)))
    shown = console.export_text()
    for text in ("Lý Văn Thắng", "Yên Đĩnh", "02002", "Bản Pá", "7.2", "tỷ đồng", "rà soát"):
        assert text in shown
    for text in ("làm việc", "Đoàn kiểm tra của UBND huyện Chợ Mới", "tiến độ xây dựng nông"):
        assert text in shown
    assert "xã Yên Đĩnh, thôn Bản Pá" in shown
    for title in (
        "Inspections (1)",
        "Officials (1)",
        "Administrative units (2)",
        "Figures (2)",
        "Recommendations (1)",
    ):
        assert title in shown
