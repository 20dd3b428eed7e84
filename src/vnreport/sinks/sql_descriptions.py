"""What each table and column of the SQL schema holds, in words, for people browsing a database.

Columns that store a record's field take that field's own description from `vnreport.records`
(so a new record field documents its column); the columns only SQL has are described here.
"""

from __future__ import annotations

from pydantic import BaseModel

from vnreport import records
from vnreport.sinks.sql_schema import metadata

TABLES = {
    "reports": "One row per distinct article text; `record` keeps the whole Report as JSON.",
    "officials": "One row per named official of a report; their mentions are in `mentions`.",
    "admin_units": "One row per administrative unit (tỉnh, huyện, phường, xã …) a report names.",
    "groups": "One row per residential group (tổ, thôn, bản, ấp …) a report names.",
    "figures": "One row per number a report gives, with its unit and what it measures.",
    "recommendations": "One row per item of a report's 'đề nghị …; …' list.",
    "segments": "The parts of each article page: title, lead, captions, body, byline, debris.",
    "mentions": "Every span naming an official, a unit or a group, by its row's position.",
    "inputs": "Every input read (file, JSONL line, WARC record) and the report it gave.",
    "failures": "Every input that gave no report, with the reason; rerun to retry them.",
    "schema_version": "The version of this database layout and the vnreport that wrote it.",
    "inspections": "One row per inspection, supervision or working visit a report describes.",
    "inspection_targets": "The units and groups each inspection inspected or visited.",
    "inspection_members": "The leader and the other officials of each inspection's delegation.",
}

# The record type whose fields a table's columns store.
_MODELS: dict[str, tuple[type[BaseModel], ...]] = {
    "reports": (records.Report,),
    "officials": (records.Official,),
    "admin_units": (records.AdminUnit, records.GazetteerUnit),
    "groups": (records.ResidentialGroup,),
    "figures": (records.Figure,),
    "recommendations": (records.Recommendation,),
    "segments": (records.Segment,),
}
_INSPECTION = getattr(records, "Inspection", None)  # the inspection record, where it exists
if isinstance(_INSPECTION, type) and issubclass(_INSPECTION, BaseModel):
    _MODELS["inspections"] = (_INSPECTION,)
    _MODELS["inspection_targets"] = (records.InspectionTarget,)

_OFFSETS = "of reports.text: substr(text, start_char + 1, end_char - start_char) is the span"
_COMMON = {
    "report_id": "The report this row belongs to (reports.id).",
    "position": "Order of the item in its report, from 0.",
    "start_char": f"Offset of the first character {_OFFSETS}.",
    "end_char": f"Offset one past the last character {_OFFSETS}.",
}
_COLUMNS: dict[str, dict[str, str]] = {
    "reports": {
        "event_date": "Day of the reported event, when its year is known.",
        "event_year": "Year of the event; null when the article gives none.",
        "event_month": "Month of the event.",
        "event_day": "Day of the month of the event.",
        "record": "The whole Report as JSON (Report.model_validate_json gives it back).",
        "id": "Hash of the normalized text: the same text read twice is one report.",
    },
    "admin_units": {
        "code": "Official code of a current (post-2025) ward or province, when resolved.",
        "candidates": "Gazetteer entries of an ambiguous name (JSON); null when not ambiguous.",
    },
    "figures": {"text": "The number and its unit as written."},
    "mentions": {
        "kind": "official, admin_unit or group.",
        "item": "The position of the official, unit or group in its table.",
        "text": "The mention as written.",
    },
    "segments": {"kind": "title, lead, caption, body, byline or boilerplate (web debris)."},
    "inputs": {
        "key": "Hash of the input's container path and bytes; a rerun skips known keys.",
        "source": "Path, URL or id of the input.",
        "report_id": "The report it gave (reports.id); null when it failed.",
        "extractor_version": "vnreport version that read it.",
    },
    "failures": {
        "key": "Hash of the input's container path and bytes.",
        "source": "Path, URL or id of the input.",
        "reason": "The error's type: EmptyDocumentError, DecodeError, ExtractionError …",
        "message": "What went wrong and what to do.",
        "extractor_version": "vnreport version that tried it.",
    },
    "inspections": {
        "body": "The inspecting body as written; null when a person acts alone.",
        "topic": "What was inspected, as written, without the verb, the place or the date.",
        "organizations": "Inspected bodies that are not units, as written (JSON list).",
        "date": "Day of the inspection, when its year is known.",
        "year": "Year of the inspection; null when the article gives none.",
        "month": "Month of the inspection.",
        "day": "Day of the month of the inspection.",
        "start_char": f"Start of the sentence that states it, {_OFFSETS}.",
        "end_char": f"End of the sentence that states it, {_OFFSETS}.",
    },
    "inspection_targets": {
        "inspection": "The inspection's position in its report (inspections.position).",
        "position": "Order of the target in its inspection, from 0.",
    },
    "inspection_members": {
        "inspection": "The inspection's position in its report (inspections.position).",
        "position": "Order in the delegation, from 0: the leader first.",
        "name": "The official's name, as in officials.name.",
        "role": "leader or member.",
    },
    "schema_version": {
        "version": "Version of this database layout.",
        "package_version": "vnreport version that created it.",
    },
}


def _field_description(table: str, column: str) -> str | None:
    for model in _MODELS.get(table, ()):
        field = model.model_fields.get(column)
        if field is not None and field.description:
            return field.description
    return None


def column_description(table: str, column: str) -> str | None:
    """What `table.column` holds, or None for a column nobody described."""
    own = _COLUMNS.get(table, {}).get(column)
    if own is not None:
        return own
    described = _field_description(table, column)
    if described is not None:
        return described
    if column == "id":
        return "Row number." if table != "reports" else None
    return _COMMON.get(column)


def describe() -> dict[str, tuple[str | None, dict[str, str]]]:
    """For every table of the schema: its description and its columns' descriptions."""
    described: dict[str, tuple[str | None, dict[str, str]]] = {}
    for table in metadata.sorted_tables:
        columns = {
            column.name: text
            for column in table.columns
            if (text := column_description(table.name, column.name)) is not None
        }
        described[table.name] = (TABLES.get(table.name), columns)
    return described
