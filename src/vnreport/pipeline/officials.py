"""Placeholder for the vnreport_officials component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store

KIND = "officials"


@Language.component("vnreport_officials", assigns=["doc.spans"])
def find_officials(doc: Doc) -> Doc:
    """Stores no records yet."""
    store.put(doc, KIND, [], [])
    return doc
