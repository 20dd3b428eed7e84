"""Reviewing one article: the terminal view and the highlighted page."""

from __future__ import annotations

from rich.console import Console
from spacy.language import Language

from tests.inputs import sample_report
from vnreport.document import Document
from vnreport.pipeline import store
from vnreport.review.show import HIGHLIGHT_KEY, annotate, highlight_html, render_report, report_of


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


def test_the_page_highlights_each_item_with_its_kind(nlp: Language) -> None:
    report = sample_report(0)
    doc = nlp.make_doc(report.text)
    kinds = {
        "officials": report.officials,
        "admin_units": report.admin_units,
        "groups": report.groups,
    }
    for kind, records in kinds.items():
        spans = [(m.start, m.end, "x") for r in records for m in r.mentions]
        store.put(doc, kind, records, spans)
    store.put(
        doc, "figures", report.figures, [(f.span.start, f.span.end, "%") for f in report.figures]
    )
    page = highlight_html(doc)
    labels = {span.label_ for span in doc.spans[HIGHLIGHT_KEY]}
    assert labels == {"OFFICIAL", "ADMIN_UNIT", "GROUP", "FIGURE"}
    assert len(doc.spans[HIGHLIGHT_KEY]) == 2 + 2 + 1 + 2
    for text in ("OFFICIAL", "ADMIN_UNIT", "GROUP", "FIGURE", "Lý Văn Thắng", "<table>"):
        assert text in page
    assert page.rstrip().endswith("</html>")
