"""The public record contract: one `Report` per article, every item grounded in `Report.text`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SegmentKind = Literal["title", "lead", "caption", "body", "byline", "boilerplate"]
PublishedSource = Literal["caller", "page"]
Bound = Literal["lower", "upper"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Record):
    """A stretch of `Report.text`: `text == report.text[start:end]` always holds."""

    start: int = Field(ge=0, description="Offset of the first character in Report.text.")
    end: int = Field(ge=0, description="Offset one past the last character in Report.text.")
    text: str = Field(description="The characters between start and end, verbatim.")


class Segment(_Record):
    """A part of the article page: its title, lead, a photo caption, body text, byline or debris."""

    kind: SegmentKind = Field(description="What this part of the page is.")
    span: Span = Field(description="Where the segment lies in the text.")
    sentences: list[Span] = Field(default_factory=list, description="Sentences inside it.")


class EventDate(_Record):
    """The day of the reported event; the year is null when neither text nor caller gave it."""

    year: int | None = Field(default=None, description="Year, when known.")
    month: int = Field(ge=1, le=12, description="Month of the year.")
    day: int = Field(ge=1, le=31, description="Day of the month.")
    span: Span = Field(description="The date expression in the text.")

    @property
    def iso(self) -> str:
        """ISO 8601 date, or the year-less form `--MM-DD`."""
        year = f"{self.year:04d}" if self.year is not None else "-"
        return f"{year}-{self.month:02d}-{self.day:02d}"


class GazetteerUnit(_Record):
    """One administrative unit as the national gazetteer knows it."""

    type: str = Field(description="Unit type in full lower-case form.")
    name: str = Field(description="Name without the type word.")
    code: str | None = Field(
        default=None, description="Official code of a current (post-2025) ward or province."
    )
    district: str | None = Field(default=None, description="Parent district (before July 2025).")
    province: str | None = Field(default=None, description="Parent province (before July 2025).")
    new_name: str | None = Field(
        default=None, description="Ward or commune it belongs to after the July 2025 reform."
    )
    new_province: str | None = Field(
        default=None, description="Province it belongs to after the July 2025 reform."
    )
    new_code: str | None = Field(
        default=None, description="Official code of the ward it belongs to after the reform."
    )
    change: str | None = Field(
        default=None, description="unchanged, renamed, merged or divided in the 2025 reform."
    )


class Official(_Record):
    """A named person holding a public title, with every mention of them."""

    name: str = Field(description="Full personal name as written.")
    honorific: str | None = Field(default=None, description="đồng chí, ông, bà …")
    rank: str | None = Field(
        default=None, description="Military or police rank (Thượng tá …), apart from the title."
    )
    title: str | None = Field(default=None, description="Title as written at its first mention.")
    title_expanded: str | None = Field(
        default=None, description="The title with abbreviations (UBND, HĐND …) spelled out."
    )
    organization: str | None = Field(default=None, description="Body the title belongs to.")
    place: str | None = Field(
        default=None, description="Administrative unit the title belongs to, as 'type name'."
    )
    role: str | None = Field(default=None, description="Role in the event, e.g. Trưởng đoàn.")
    mentions: list[Span] = Field(description="Every mention of this person, full or bare.")


class AdminUnit(_Record):
    """An administrative unit (tỉnh, huyện, phường, xã …) named in the article."""

    type: str = Field(description="Unit type in full lower-case form ('TP.' is 'thành phố').")
    name: str = Field(description="Name without the type word; 'phường 5' has name '5'.")
    mentions: list[Span] = Field(description="Every mention of this unit.")
    resolved: GazetteerUnit | None = Field(
        default=None, description="The gazetteer entry, when context decides it."
    )
    candidates: list[GazetteerUnit] = Field(
        default_factory=list, description="Gazetteer entries of this name when ambiguous."
    )


class ResidentialGroup(_Record):
    """A residential group below the ward or commune: tổ, thôn, bản, ấp …"""

    type: str = Field(description="tổ, tổ dân phố, thôn, bản, xóm, khu phố, ấp, khóm, khu dân cư.")
    name: str = Field(description="Name or number without the type word.")
    parent: str | None = Field(
        default=None, description="Ward or commune it belongs to, as 'type name', when stated."
    )
    mentions: list[Span] = Field(description="Every mention of this group.")


class Figure(_Record):
    """A quantitative fact: a number with its unit and what it measures."""

    value: int | float = Field(description="The number (Vietnamese formats parsed).")
    value_max: int | float | None = Field(default=None, description="Upper end of a range.")
    unit: str = Field(description="Unit as the text writes it: '%', 'mô hình', 'tỷ đồng'.")
    subject: str | None = Field(default=None, description="What is measured.")
    approximate: bool = Field(default=False, description="Said with khoảng, gần, hơn, trên …")
    bound: Bound | None = Field(
        default=None, description="'lower' for hơn/trên (at least), 'upper' for gần/dưới."
    )
    amount_vnd: float | None = Field(default=None, description="Money normalized to đồng.")
    span: Span = Field(description="The number and its unit in the text.")


class Recommendation(_Record):
    """One action asked of someone: an item of a 'đề nghị …; …' list."""

    text: str = Field(description="The action itself, without the lead-in.")
    issuer: str | None = Field(default=None, description="Official or body who asked.")
    addressee: str | None = Field(default=None, description="Unit or body asked to act.")
    verb: str | None = Field(default=None, description="đề nghị, yêu cầu, chỉ đạo …")
    span: Span = Field(description="Where the item's text lies.")
    truncated: bool = Field(
        default=False, description="The text ends before the item does (a cut-off page)."
    )


InspectionKind = Literal[
    "kiểm tra", "giám sát", "làm việc", "khảo sát", "thăm", "tiếp xúc cử tri", "đối thoại", "họp"
]


class InspectionTarget(_Record):
    """A unit or residential group inspected or visited: one of the Report's units or groups."""

    type: str = Field(description="Unit or group type, as in admin_units or groups ('phường').")
    name: str = Field(description="Its name, as in admin_units or groups ('Huyền Tụng').")


class Inspection(_Record):
    """One activity the article reports: who inspected what, where, led by whom."""

    kind: InspectionKind = Field(
        description="The activity; where two are joined, the first written ('thăm và làm việc')."
    )
    body: Span | None = Field(
        default=None, description="The inspecting body as written; null when a person acts alone."
    )
    leader: str | None = Field(
        default=None, description="Name of the Official who led it, when a named person leads."
    )
    members: list[str] = Field(
        default_factory=list, description="Names of the other Officials of the delegation."
    )
    topic: Span | None = Field(
        default=None, description="What was inspected, without the verb, the place or the date."
    )
    targets: list[InspectionTarget] = Field(
        default_factory=list,
        description="Units and groups inspected or visited, not the inspecting side's own unit.",
    )
    organizations: list[Span] = Field(
        default_factory=list, description="Inspected bodies that are not units, as written."
    )
    date: EventDate | None = Field(
        default=None, description="The event date, when it is this activity's."
    )
    span: Span = Field(description="The sentence that states the activity.")


class Report(_Record):
    """Everything extracted from one article, grounded in `text`."""

    id: str = Field(description="Stable content hash of the normalized text.")
    source: str | None = Field(default=None, description="Where the article came from.")
    text: str = Field(description="The normalized text that every span indexes.")
    title: str | None = Field(default=None, description="Article title.")
    lead: str | None = Field(default=None, description="Lead paragraph.")
    author: str | None = Field(default=None, description="Byline author or source.")
    authors: list[str] = Field(
        default_factory=list, description="Each author the byline names ('Thu Hà - Quốc Việt')."
    )
    byline_mark: str | None = Field(
        default=None, description="Mark of an unnamed reporter in the byline: PV, CTV …"
    )
    source_credit: str | None = Field(
        default=None, description="Source the byline credits: 'Theo Báo X', 'Nguồn: X'."
    )
    published: dt.date | None = Field(default=None, description="Publication date, when given.")
    published_source: PublishedSource | None = Field(
        default=None, description="Where `published` came from: the caller or the page's dateline."
    )
    event_date: EventDate | None = Field(default=None, description="Date of the reported event.")
    segments: list[Segment] = Field(default_factory=list, description="Parts of the page.")
    officials: list[Official] = Field(default_factory=list, description="Named officials.")
    admin_units: list[AdminUnit] = Field(default_factory=list, description="Units named.")
    groups: list[ResidentialGroup] = Field(default_factory=list, description="Residential groups.")
    figures: list[Figure] = Field(default_factory=list, description="Quantitative facts.")
    recommendations: list[Recommendation] = Field(
        default_factory=list, description="Asks, item by item."
    )
    inspections: list[Inspection] = Field(
        default_factory=list, description="Activities reported, the main one first."
    )
    extractor_version: str = Field(description="vnreport version that produced this record.")

    def spans(self) -> list[Span]:
        """Every span in the record, for checking grounding."""
        found: list[Span] = []
        if self.event_date is not None:
            found.append(self.event_date.span)
        for segment in self.segments:
            found.append(segment.span)
            found.extend(segment.sentences)
        for official in self.officials:
            found.extend(official.mentions)
        for unit in self.admin_units:
            found.extend(unit.mentions)
        for group in self.groups:
            found.extend(group.mentions)
        found.extend(figure.span for figure in self.figures)
        found.extend(item.span for item in self.recommendations)
        for inspection in self.inspections:
            found.append(inspection.span)
            found.extend(s for s in (inspection.body, inspection.topic) if s is not None)
            found.extend(inspection.organizations)
            if inspection.date is not None:
                found.append(inspection.date.span)
        return found
