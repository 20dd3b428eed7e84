"""Build the `Report` from a processed Doc: the one place records leave the pipeline."""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.tokens import Doc

from vnreport._version import __version__
from vnreport.pipeline import store
from vnreport.records import (
    AdminUnit,
    EventDate,
    Figure,
    Inspection,
    Official,
    PublishedSource,
    Recommendation,
    Report,
    ResidentialGroup,
    Segment,
)
from vnreport.text.byline import Byline, parse_byline
from vnreport.text.dates import year_for

SOURCE_KEY = "vnreport_source"
PUBLISHED_KEY = "vnreport_published"
PUBLISHED_SOURCE_KEY = "vnreport_published_source"
AUTHOR_HINT_KEY = "vnreport_author_hint"
TITLE_HINT_KEY = "vnreport_title_hint"


def content_id(text: str) -> str:
    """Stable identifier of a normalized text: the first 32 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def resolve_year(event: EventDate, published: dt.date | None) -> EventDate:
    """Give a year-less event date the publication year (the one before if it would be later)."""
    if event.year is not None or published is None:
        return event
    return event.model_copy(update={"year": year_for(event.month, event.day, published)})


def _dated(inspections: list[Inspection], event: EventDate | None) -> list[Inspection]:
    """Inspections dated by the event date carry its resolved year as well."""
    if event is None:
        return inspections
    return [
        item.model_copy(update={"date": event})
        if item.date is not None and item.date.span == event.span
        else item
        for item in inspections
    ]


def doc_to_report(doc: Doc) -> Report:
    """The Report of a Doc that went through the vnreport pipeline."""
    text = store.text(doc)
    published: dt.date | None = doc.user_data.get(PUBLISHED_KEY)
    published_source: PublishedSource | None = (
        doc.user_data.get(PUBLISHED_SOURCE_KEY) or "caller" if published else None
    )
    if published is None:
        published = next(iter(store.get(doc, "dateline", dt.date)), None)
        published_source = "page" if published else None
    segments = store.get(doc, "segments", Segment)
    title = next((s.span.text for s in segments if s.kind == "title"), None)
    lead = next((s.span.text for s in segments if s.kind == "lead"), None)
    line = next((s.span.text for s in segments if s.kind == "byline"), None)
    byline = (parse_byline(line) if line else None) or Byline()
    dates = store.get(doc, "dates", EventDate)
    event_date = resolve_year(dates[0], published) if dates else None
    return Report(
        id=content_id(text),
        source=doc.user_data.get(SOURCE_KEY),
        text=text,
        title=title or doc.user_data.get(TITLE_HINT_KEY),
        lead=lead,
        author=byline.author or (None if byline.mark else doc.user_data.get(AUTHOR_HINT_KEY)),
        authors=list(byline.authors),
        byline_mark=byline.mark,
        source_credit=byline.source,
        published=published,
        published_source=published_source,
        event_date=event_date,
        segments=segments,
        officials=store.get(doc, "officials", Official),
        admin_units=store.get(doc, "admin_units", AdminUnit),
        groups=store.get(doc, "groups", ResidentialGroup),
        figures=store.get(doc, "figures", Figure),
        recommendations=store.get(doc, "recommendations", Recommendation),
        inspections=_dated(store.get(doc, "inspections", Inspection), event_date),
        extractor_version=__version__,
    )
