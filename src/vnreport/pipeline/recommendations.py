"""Placeholder for the vnreport_recommendations component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store

KIND = "recommendations"


@Language.component("vnreport_recommendations", assigns=["doc.spans"])
def find_recommendations(doc: Doc) -> Doc:
    """Stores no records yet."""
    store.put(doc, KIND, [], [])
    return doc
