"""Where components leave their records on a Doc, and how later components read them.

Spans live in `doc.spans["vnreport_<kind>"]` for spaCy users (displaCy, span queries); the
structured records live in `doc.user_data` under the same key. They travel with the Doc through
pickle and through spaCy's own serialization (`doc.to_bytes`, `nlp.pipe(n_process=…)`), for which
the msgpack codecs below turn records and dates into plain values and back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import srsly
from pydantic import BaseModel
from spacy.attrs import IDX
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from vnreport import records
from vnreport.lang.tokenizer import TEXT_KEY
from vnreport.records import Span

T = TypeVar("T")

SPAN_KEY_PREFIX = "vnreport_"
STARTS_KEY = "vnreport_token_starts"


def key(kind: str) -> str:
    """The `doc.spans` and `doc.user_data` key for one kind of record."""
    return f"{SPAN_KEY_PREFIX}{kind}"


def text(doc: Doc) -> str:
    """The Doc's text, kept by the tokenizer: spaCy rebuilds `doc.text` from tokens on each call."""
    cached = doc.user_data.get(TEXT_KEY)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if isinstance(cached, str) and len(cached) == length:
        return cached
    return doc.text


def token_starts(doc: Doc) -> frozenset[int]:
    """Character offsets where tokens begin, computed once per Doc."""
    cached = doc.user_data.get(STARTS_KEY)
    if not isinstance(cached, frozenset):
        cached = frozenset(doc.to_array(IDX).tolist())
        doc.user_data[STARTS_KEY] = cached
    return cached


def put(doc: Doc, kind: str, records: Sequence[Any], spans: Iterable[tuple[int, int, str]]) -> None:
    """Store `records` and their labelled character spans on `doc`."""
    doc.user_data[key(kind)] = list(records)
    group: list[SpacySpan] = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            group.append(span)
    doc.spans[key(kind)] = group


def get(doc: Doc, kind: str, _type: type[T]) -> list[T]:
    """Records a component stored under `kind`, or an empty list when it did not run."""
    stored: list[T] = doc.user_data.get(key(kind), [])
    return stored


def grounded(text: str, start: int, end: int) -> Span:
    """A record span over `text[start:end]`."""
    return Span(start=start, end=end, text=text[start:end])


_RECORD_TAG = "__vnreport_record__"
_DATE_TAG = "__vnreport_date__"
_RECORD_TYPES: dict[str, type[BaseModel]] = {
    model.__name__: model
    for model in (
        records.Segment,
        records.EventDate,
        records.AdminUnit,
        records.ResidentialGroup,
        records.Official,
        records.Figure,
        records.Recommendation,
        records.Inspection,
    )
}


def encode_records(obj: Any, chain: Any = None) -> Any:
    """msgpack encoder: records and dates as tagged plain values; token-start sets as lists."""
    if isinstance(obj, BaseModel) and type(obj).__name__ in _RECORD_TYPES:
        return {_RECORD_TAG: type(obj).__name__, "data": obj.model_dump(mode="json")}
    if isinstance(obj, dt.date):
        return {_DATE_TAG: obj.isoformat()}
    if isinstance(obj, frozenset):
        return sorted(obj)
    return obj if chain is None else chain(obj)


def decode_records(obj: Any, chain: Any = None) -> Any:
    """msgpack decoder: the inverse of `encode_records`."""
    if isinstance(obj, dict):
        if _RECORD_TAG in obj:
            return _RECORD_TYPES[obj[_RECORD_TAG]].model_validate(obj["data"])
        if _DATE_TAG in obj:
            return dt.date.fromisoformat(obj[_DATE_TAG])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("vnreport.records", func=encode_records)
srsly.msgpack_decoders.register("vnreport.records", func=decode_records)
