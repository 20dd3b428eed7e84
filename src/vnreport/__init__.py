"""vnreport: structured, grounded records from Vietnamese inspection articles.

>>> import vnreport
>>> report = vnreport.extract(text)
>>> report.officials[0].name
"""

import logging
from typing import TYPE_CHECKING, Any

from vnreport._version import __version__
from vnreport.document import Document
from vnreport.errors import VnreportError
from vnreport.records import (
    AdminUnit,
    EventDate,
    Figure,
    GazetteerUnit,
    Official,
    Recommendation,
    Report,
    ResidentialGroup,
    Segment,
    Span,
)

if TYPE_CHECKING:
    from vnreport.api import annotate_document, extract, extract_document, extract_many, load

logging.getLogger(__name__).addHandler(logging.NullHandler())

_API = frozenset({"annotate_document", "extract", "extract_document", "extract_many", "load"})


def __getattr__(name: str) -> Any:
    # The pipeline's entry points import spaCy: loaded on first use, so that a process that
    # only reads files and writes a database (a bulk run's own) stays light.
    if name in _API:
        from vnreport import api

        value = getattr(api, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AdminUnit",
    "Document",
    "EventDate",
    "Figure",
    "GazetteerUnit",
    "Official",
    "Recommendation",
    "Report",
    "ResidentialGroup",
    "Segment",
    "Span",
    "VnreportError",
    "__version__",
    "annotate_document",
    "extract",
    "extract_document",
    "extract_many",
    "load",
]
