"""Placeholder for the vnreport_dates component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store

KIND = "dates"


@Language.component("vnreport_dates", assigns=["doc.spans"])
def find_dates(doc: Doc) -> Doc:
    """Stores no records yet."""
    store.put(doc, KIND, [], [])
    return doc
