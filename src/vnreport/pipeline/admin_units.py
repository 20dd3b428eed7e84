"""Placeholder for the vnreport_admin_units component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store

KIND = "admin_units"


@Language.component("vnreport_admin_units", assigns=["doc.spans"])
def find_admin_units(doc: Doc) -> Doc:
    """Stores no records yet."""
    store.put(doc, KIND, [], [])
    return doc
