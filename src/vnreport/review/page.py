"""The review page of one Report: the article as written, every item highlighted, its records.

`html(report)` renders `templates/report.html.j2` (Jinja2, autoescaped) into one self-contained
page: no script, style or font is fetched, so it works offline and can be mailed around. The
article is cut from `Report.text` by its segments, never rebuilt from tokens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from pydantic import BaseModel

from vnreport.records import EventDate, GazetteerUnit, Official, Report, Segment, Span
from vnreport.review.marks import Mark, Piece, pieces


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of extracted item: its key in the page, its label and its colour."""

    key: str
    label: str
    color: str


# Outer kinds first: a recommendation holds officials, units and figures; a date sits in a lead.
KINDS = (
    Kind("inspection", "Inspection", "#d9e8fb"),
    Kind("recommendation", "Recommendation", "#fde2ea"),
    Kind("date", "Event date", "#c9eedf"),
    Kind("official", "Official", "#ffd27a"),
    Kind("admin_unit", "Administrative unit", "#8fe6e6"),
    Kind("group", "Residential group", "#cbbcff"),
    Kind("figure", "Figure", "#e3e8a6"),
)
_RANK = {kind.key: rank for rank, kind in enumerate(KINDS)}
_BLOCK_TAGS = {"title": "h1", "lead": "p", "caption": "figcaption", "body": "p", "byline": "p"}
# Fields a record card leaves out: where the item is, not what it says.
_HIDDEN_FIELDS = {"mentions", "span", "sentences", "candidates"}


@dataclass(slots=True)
class Block:
    """One part of the page (headline, lead, paragraph, caption, byline, debris line)."""

    kind: str
    tag: str
    pieces: list[Piece]


@dataclass(slots=True)
class Debris:
    """Consecutive lines of web debris, folded together."""

    blocks: list[Block]
    kind: str = "debris"


@dataclass(slots=True)
class Row:
    """A table row: the anchor of the item's first highlight (if any) and its cells."""

    record: str
    anchor: str | None
    cells: list[str]


@dataclass(slots=True)
class Section:
    """A table of one kind of item beside the text."""

    kind: Kind
    title: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Card:
    """What hovering or focusing an item shows: its record, field by field."""

    record: str
    kind: Kind
    heading: str
    fields: list[tuple[str, str]]


def html(report: Report) -> str:
    """The review page of `report`, as one self-contained HTML document.

    The headline, lead, captions, paragraphs and byline are shown as the article has them, web
    debris greyed and folded; every official, unit, group, figure, recommendation, event date
    (and inspection, where the Report has them) is highlighted in its kind's colour, and hovering
    or focusing it shows its record. Beside the text, one table per kind links each row to its
    highlight. Everything from the article is escaped.

    Args:
        report: A Report from `vnreport.extract()` or a stored record.

    Returns:
        The page, to write to a `.html` file.
    """
    items = list(_items(report))
    marks = [mark for _, _, item_marks in items for mark in item_marks]
    sections = _sections(report, items)
    present = {kind.key for kind, _, item_marks in items if item_marks}
    page: str = _template().render(
        page_title=report.title or f"vnreport review: {report.source or report.id}",
        report=report,
        facts=_facts(report),
        blocks=_blocks(report, marks),
        legend=[kind for kind in KINDS if kind.key in present],
        kinds=KINDS,
        sections=sections,
        cards=[_card(report, kind, record, name) for kind, (name, record), _ in items],
    )
    return page


@cache
def _template() -> Any:
    environment = Environment(
        loader=PackageLoader("vnreport.review", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")


def _facts(report: Report) -> list[tuple[str, str]]:
    return [
        ("source", report.source or "(none given)"),
        ("published", _published(report)),
        ("event date", _event_date(report.event_date)),
        ("extractor", f"vnreport {report.extractor_version}"),
        ("report id", report.id),
    ]


def _published(report: Report) -> str:
    if report.published is None:
        return "(unknown)"
    source = getattr(report, "published_source", None)
    where = {"page": " (the page's dateline)", "caller": " (given by the caller)"}
    return report.published.isoformat() + where.get(str(source), "")


def _event_date(date: EventDate | None) -> str:
    if date is None:
        return "(not found)"
    return date.iso if date.year is not None else f"{date.iso} (the text gives no year)"


def _inspections(report: Report) -> list[BaseModel]:
    # `Report.inspections` arrives with the inspection record; older Reports have none.
    found = getattr(report, "inspections", None)
    return list(found) if isinstance(found, list) else []


def _items(report: Report) -> Iterator[tuple[Kind, tuple[str, BaseModel], list[Mark]]]:
    """Every item of the report: its kind, (record id, record), and its marks in the text."""
    kinds = {kind.key: kind for kind in KINDS}

    def marks(kind: str, record_id: str, spans: list[Span]) -> list[Mark]:
        return [
            Mark(s.start, s.end, kind, record_id, record_id if i == 0 else f"{record_id}-{i}",
                 _RANK[kind])
            for i, s in enumerate(spans)
        ]  # fmt: skip

    groups: list[tuple[str, list[BaseModel], Any]] = [
        ("inspection", _inspections(report), _inspection_spans),
        ("recommendation", list(report.recommendations), lambda r: [r.span]),
        ("date", [report.event_date] if report.event_date else [], lambda d: [d.span]),
        ("official", list(report.officials), lambda o: list(o.mentions)),
        ("admin_unit", list(report.admin_units), lambda u: list(u.mentions)),
        ("group", list(report.groups), lambda g: list(g.mentions)),
        ("figure", list(report.figures), lambda f: [f.span]),
    ]
    for key, records, spans_of in groups:
        for index, record in enumerate(records):
            record_id = f"{key.replace('_', '-')}-{index}"
            yield kinds[key], (record_id, record), marks(key, record_id, spans_of(record))


def _inspection_spans(inspection: BaseModel) -> list[Span]:
    """The body and topic of an inspection where it has them, else its sentence."""
    named = [getattr(inspection, name, None) for name in ("body", "topic")]
    spans = [span for span in named if isinstance(span, Span)]
    sentence = getattr(inspection, "span", None)
    if not spans and isinstance(sentence, Span):
        spans = [sentence]
    return spans


def _blocks(report: Report, marks: list[Mark]) -> list[Block | Debris]:
    """The article's parts in text order, debris lines folded in runs."""
    segments = report.segments or _paragraphs(report.text)
    out: list[Block | Debris] = []
    cursor = 0
    for segment in sorted(segments, key=lambda s: s.span.start):
        if report.text[cursor : segment.span.start].strip():  # text no segment claims
            out.append(_block(report, "unclassified", cursor, segment.span.start, marks))
        block = _block(report, segment.kind, segment.span.start, segment.span.end, marks)
        if segment.kind == "boilerplate":
            if out and isinstance(out[-1], Debris):
                out[-1].blocks.append(block)
            else:
                out.append(Debris([block]))
        else:
            out.append(block)
        cursor = max(cursor, segment.span.end)
    if report.text[cursor:].strip():
        out.append(_block(report, "unclassified", cursor, len(report.text), marks))
    return out


def _block(report: Report, kind: str, start: int, end: int, marks: list[Mark]) -> Block:
    text = report.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(kind, _BLOCK_TAGS.get(kind, "p"), pieces(text, start, end, marks))


def _paragraphs(text: str) -> list[Segment]:
    """Lines as body segments, for a Report that carries no segments."""
    segments: list[Segment] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            end = offset + len(line.rstrip("\r\n"))
            segments.append(
                Segment(kind="body", span=Span(start=offset, end=end, text=text[offset:end]))
            )
        offset += len(line)
    return segments


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sections(
    report: Report, items: list[tuple[Kind, tuple[str, BaseModel], list[Mark]]]
) -> list[Section]:
    anchors = {
        record_id: (marks[0].anchor if marks else None) for _, (record_id, _), marks in items
    }
    ids = {id(record): record_id for _, (record_id, record), _ in items}
    kinds = {kind.key: kind for kind in KINDS}

    def rows(records: list[Any], cells: Any) -> list[Row]:
        return [
            Row(ids[id(record)], anchors[ids[id(record)]], [_text(c) for c in cells(record)])
            for record in records
        ]

    sections = [
        Section(kinds["official"], "Officials", ["name", "title", "place", "role"],
                rows(report.officials, lambda o: [o.name, o.title, o.place, o.role])),
        Section(kinds["admin_unit"], "Administrative units",
                ["name", "type", "province", "since July 2025"],
                rows(report.admin_units,
                     lambda u: [u.name, u.type, *_gazetteer_columns(u.resolved)])),
        Section(kinds["group"], "Residential groups", ["name", "type", "parent"],
                rows(report.groups, lambda g: [g.name, g.type, g.parent])),
        Section(kinds["figure"], "Figures", ["value", "unit", "subject", "as written"],
                rows(report.figures, lambda f: [_value(f), f.unit, f.subject, f.span.text])),
        Section(kinds["recommendation"], "Recommendations", ["text", "verb", "issuer"],
                rows(report.recommendations, lambda r: [r.text, r.verb, r.issuer])),
    ]  # fmt: skip
    inspections = _inspections(report)
    if inspections:
        columns = [name for name in type(inspections[0]).model_fields if name not in {"span"}]
        sections.insert(
            0,
            Section(kinds["inspection"], "Inspections", columns,
                    rows(inspections, lambda i: [_field(getattr(i, c)) for c in columns])),
        )  # fmt: skip
    return sections


def _gazetteer_columns(unit: GazetteerUnit | None) -> list[str | None]:
    """The province, and where the unit went in the July 2025 reform (when it moved)."""
    if unit is None:
        return [None, None]
    after = ", ".join(part for part in (unit.new_name, unit.new_province) if part)
    return [unit.province or unit.new_province, after if unit.change != "unchanged" else None]


def _value(figure: Any) -> str:
    low = _text(figure.value)
    return f"{low}–{_text(figure.value_max)}" if figure.value_max is not None else low


def _field(value: object) -> str:
    """A record field as a short line of text: spans by their text, lists joined."""
    if isinstance(value, Span):
        return value.text
    if isinstance(value, EventDate):
        return value.iso
    if isinstance(value, BaseModel):
        return _record_field(value)
    if isinstance(value, list | tuple):
        return "; ".join(_field(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _text(value)


def _record_field(record: BaseModel) -> str:
    """A nested record (an inspection's target, member …) in a few words."""
    data = record.model_dump(exclude=_HIDDEN_FIELDS)
    if {"type", "name"} <= data.keys():
        return f"{data['type']} {data['name']}"
    if "name" in data:
        return _text(data["name"])
    return ", ".join(f"{k}: {_text(v)}" for k, v in data.items() if v not in (None, "", []))


def _card(report: Report, kind: Kind, record: BaseModel, record_id: str) -> Card:
    fields: list[tuple[str, str]] = []
    for name in type(record).model_fields:
        if name in _HIDDEN_FIELDS:
            continue
        value = getattr(record, name)
        if name == "resolved" and value is not None:
            fields.extend(_gazetteer_fields(value))
            continue
        shown = _field(value)
        if shown and not (isinstance(value, bool) and not value):
            fields.append((name.replace("_", " "), shown))
    role = _inspection_role(report, record)
    if role:
        fields.append(("inspection role", role))
    return Card(record_id, kind, _heading(kind, record), fields)


def _gazetteer_fields(unit: BaseModel) -> list[tuple[str, str]]:
    labels = {"code": "code", "district": "district", "province": "province",
              "new_name": "after 2025", "new_province": "province after 2025",
              "change": "2025 reform"}  # fmt: skip
    return [
        (label, _text(getattr(unit, key))) for key, label in labels.items() if getattr(unit, key)
    ]


def _heading(kind: Kind, record: BaseModel) -> str:
    if kind.key == "figure":
        return f"{_value(record)} {getattr(record, 'unit', '')}"
    if kind.key in {"admin_unit", "group"}:
        return f"{getattr(record, 'type', '')} {getattr(record, 'name', '')}"
    if isinstance(record, EventDate):
        return record.iso
    if kind.key == "inspection":
        return _text(getattr(record, "kind", None)) or kind.label
    if kind.key == "recommendation":
        return _text(getattr(record, "verb", None)) or kind.label
    return _text(getattr(record, "name", None)) or kind.label


def _inspection_role(report: Report, record: BaseModel) -> str | None:
    """How an official takes part in the report's inspections: leads one, or is a member."""
    if not isinstance(record, Official):
        return None
    name = record.name
    roles = []
    for inspection in _inspections(report):
        activity = _text(getattr(inspection, "kind", None)) or "inspection"
        if _field(getattr(inspection, "leader", None)) == name:
            roles.append(f"leads the {activity}")
        elif name in _field(getattr(inspection, "members", None)).split("; "):
            roles.append(f"member of the {activity}")
    return ", ".join(roles) or None
