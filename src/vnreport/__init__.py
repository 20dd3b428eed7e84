"""vnreport: structured, grounded records from Vietnamese inspection articles.

>>> import vnreport
>>> report = vnreport.extract(text)
>>> report.officials[0].name
"""

import logging

from vnreport._version import __version__
from vnreport.api import annotate_document, extract, extract_document, load
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

logging.getLogger(__name__).addHandler(logging.NullHandler())

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
    "load",
]
