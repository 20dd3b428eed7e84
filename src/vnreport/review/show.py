"""Show one article's records in the terminal (the review page is `vnreport.review.page`)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from spacy.language import Language
from spacy.tokens import Doc

from vnreport.document import Document
from vnreport.pipeline.assemble import doc_to_report
from vnreport.pipeline.run import annotate_document
from vnreport.records import Report


def annotate(document: Document, nlp: Language | None = None) -> Doc:
    """Run the pipeline on `document` and keep the Doc, with its `doc.spans["vnreport_*"]`."""
    return annotate_document(document, nlp=nlp)


def report_of(doc: Doc) -> Report:
    """The Report of an annotated Doc."""
    return doc_to_report(doc)


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # article text is never rich markup
    return table


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _tables(report: Report) -> list[tuple[str, list[str], list[list[str]]]]:
    return [
        (
            "Officials",
            ["name", "title", "place", "role"],
            [[o.name, _text(o.title), _text(o.place), _text(o.role)] for o in report.officials],
        ),
        (
            "Administrative units",
            ["type", "name", "code", "province"],
            [
                [
                    u.type,
                    u.name,
                    _text(u.resolved.code if u.resolved else None),
                    _text(u.resolved.province if u.resolved else None),
                ]
                for u in report.admin_units
            ],
        ),
        (
            "Residential groups",
            ["type", "name", "parent"],
            [[g.type, g.name, _text(g.parent)] for g in report.groups],
        ),
        (
            "Figures",
            ["value", "unit", "subject", "as written"],
            [[_text(f.value), f.unit, _text(f.subject), f.span.text] for f in report.figures],
        ),
        (
            "Recommendations",
            ["verb", "text", "issuer", "addressee"],
            [
                [_text(r.verb), r.text, _text(r.issuer), _text(r.addressee)]
                for r in report.recommendations
            ],
        ),
    ]


def _inspections(report: Report) -> tuple[str, list[str], list[list[str]]]:
    return (
        "Inspections",
        ["kind", "body", "leader", "members", "topic", "targets", "date"],
        [
            [
                item.kind,
                _text(item.body.text if item.body else None),
                _text(item.leader),
                ", ".join(item.members),
                _text(item.topic.text if item.topic else None),
                ", ".join(f"{t.type} {t.name}" for t in item.targets),
                item.date.iso if item.date else "",
            ]
            for item in report.inspections
        ],
    )


def render_report(report: Report) -> RenderableType:
    """The records of one report as rich renderables for the terminal."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("title", Text(_text(report.title)))
    facts.add_row("source", Text(_text(report.source)))
    facts.add_row("published", Text(_text(report.published)))
    facts.add_row("event date", report.event_date.iso if report.event_date else "")
    facts.add_row("author", Text(_text(report.author)))
    facts.add_row("id", report.id)
    parts: list[RenderableType] = [Panel(facts, title="vnreport", title_align="left")]
    parts.append(_table(*_inspections(report)))
    parts.extend(_table(*spec) for spec in _tables(report))
    return Group(*parts)
