"""The review page's HTML: the article as written, a highlight per item, escaped, self-contained."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from spacy.language import Language
from typer.testing import CliRunner

import vnreport
import vnreport.review
from tests.inputs import ARTICLES, PAGE
from vnreport.cli import app
from vnreport.io import read_path
from vnreport.records import Inspection, Report, Span

HOSTILE = 'Ông <b>Tài</b> & "bà" Mai nói: </p><script>alert(1)</script> {{ 7*7 }}'


@pytest.fixture(scope="module")
def report(nlp: Language) -> Report:
    document = next(iter(read_path(PAGE)))
    return vnreport.extract_document(document, nlp=nlp)


def _tree(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


def _record_ids(report: Report) -> list[str]:
    """The anchors the page must have, counted from the Report itself."""
    ids = [f"inspection-{i}" for i in range(len(report.inspections))]
    ids += [f"official-{i}" for i, o in enumerate(report.officials) if o.mentions]
    ids += [f"admin-unit-{i}" for i, u in enumerate(report.admin_units) if u.mentions]
    ids += [f"group-{i}" for i, g in enumerate(report.groups) if g.mentions]
    ids += [f"figure-{i}" for i in range(len(report.figures))]
    ids += [f"recommendation-{i}" for i in range(len(report.recommendations))]
    return ids + (["date-0"] if report.event_date else [])


def test_every_item_has_its_highlight_and_its_table_row_links_to_it(report: Report) -> None:
    tree = _tree(vnreport.review.html(report))
    marks = {mark.get("id"): mark for mark in tree.iter("mark") if mark.get("id")}
    ids = _record_ids(report)
    assert len(ids) >= 5
    for record_id in ids:
        assert record_id in marks, record_id
        assert marks[record_id].get("tabindex") == "0"  # focusable
    first = report.officials[0].mentions[0]
    assert marks["official-0"].text_content() == first.text
    links = [a.get("href") for a in tree.iter("a") if a.get("href", "").startswith("#")]
    assert sorted(link[1:] for link in links) == sorted(i for i in ids if not i.startswith("date"))


def test_the_article_is_shown_as_written_part_by_part(report: Report) -> None:
    tree = _tree(vnreport.review.html(report))
    article = tree.find(".//article")
    assert article is not None
    assert tree.findtext(".//title") == report.title
    tags = {"title": "h1", "lead": "p", "caption": "figcaption", "body": "p", "byline": "p"}
    for segment in report.segments:
        found = article.find_class(f"seg-{segment.kind}")
        assert segment.span.text.strip() in [element.text_content() for element in found]
        if segment.kind in tags:
            assert {element.tag for element in found} == {tags[segment.kind]}
    debris = [s for s in report.segments if s.kind == "boilerplate"]
    assert debris, "the test page has web debris"
    folded = article.find(".//details")
    assert folded is not None
    assert debris[0].span.text in folded.text_content()


def test_the_header_names_source_version_and_dates(nlp: Language) -> None:
    text = (ARTICLES / "yen_dinh.txt").read_text(encoding="utf-8")
    report = vnreport.extract(text, nlp=nlp, source="bao/yen-dinh.txt", published="2023-10-04")
    header = _tree(vnreport.review.html(report)).find(".//header")
    assert header is not None
    shown = header.text_content()
    assert str(report.source) in shown
    assert f"vnreport {report.extractor_version}" in shown
    assert report.event_date is not None
    assert report.event_date.iso in shown
    assert "2023-10-04 (given by the caller)" in shown


def test_everything_from_the_article_is_escaped(nlp: Language) -> None:
    text = (ARTICLES / "yen_dinh.txt").read_text(encoding="utf-8")
    hostile = vnreport.extract(
        text.replace("\n\n", f"\n\n{HOSTILE}\n\n", 1), nlp=nlp, source="<i>x</i>.txt"
    )
    page = vnreport.review.html(hostile)
    assert "<script>alert" not in page
    assert "<b>Tài</b>" not in page
    assert "<i>x</i>" not in page
    tree = _tree(page)
    assert HOSTILE in tree.find(".//article").text_content()  # shown as text, verbatim
    assert len(tree.findall(".//script")) == 1  # ours only


def test_the_page_fetches_nothing() -> None:
    page = vnreport.review.html(vnreport.extract((ARTICLES / "na_phai.txt").read_text("utf-8")))
    tree = _tree(page)
    for element in tree.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute)
            assert value is None or value.startswith(("#", "data:")), (element.tag, value)
    assert not re.search(r"url\(|@import|https?://", page)


def test_inspections_are_highlighted_tabled_and_give_officials_their_role(nlp: Language) -> None:
    base = vnreport.extract((ARTICLES / "yen_dinh.txt").read_text("utf-8"), nlp=nlp)
    leader = base.officials[0]
    body_at = base.text.index("Đoàn")
    body = Span(start=body_at, end=body_at + 4, text="Đoàn")
    inspection = Inspection(
        kind="kiểm tra", body=body, leader=leader.name, span=base.inspections[0].span
    )
    report = base.model_copy(update={"inspections": [inspection]})
    tree = _tree(vnreport.review.html(report))
    mark = tree.get_element_by_id("inspection-0")
    assert mark.tag == "mark"
    assert mark.text_content() == "Đoàn"
    tables = [s for s in tree.iter("section") if "records-inspection" in s.get("class", "")]
    assert len(tables) == 1
    assert "kiểm tra" in tables[0].text_content()
    card = tree.get_element_by_id("card-official-0")
    assert "leads the kiểm tra" in lxml.html.tostring(card, encoding="unicode")


def test_show_writes_the_review_page(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["show", str(PAGE), "--html", str(out)])
    assert result.exit_code == 0, result.output
    tree = _tree(out.read_text(encoding="utf-8"))
    assert tree.findtext(".//title")
    assert tree.find(".//mark") is not None
    assert "Officials" in result.stdout  # the terminal view still prints
