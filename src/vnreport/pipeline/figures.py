"""Placeholder for the vnreport_figures component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store

KIND = "figures"


@Language.component("vnreport_figures", assigns=["doc.spans"])
def find_figures(doc: Doc) -> Doc:
    """Stores no records yet."""
    store.put(doc, KIND, [], [])
    return doc
