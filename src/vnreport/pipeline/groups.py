"""Placeholder for the vnreport_groups component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store

KIND = "groups"


@Language.component("vnreport_groups", assigns=["doc.spans"])
def find_groups(doc: Doc) -> Doc:
    """Stores no records yet."""
    store.put(doc, KIND, [], [])
    return doc
