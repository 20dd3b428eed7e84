"""Running the pipeline: `load()` it, annotate a Document's Doc, extract its Report."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from vnreport.document import Document
from vnreport.errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractionError,
    VnreportError,
)
from vnreport.pipeline.assemble import (
    AUTHOR_HINT_KEY,
    PUBLISHED_KEY,
    PUBLISHED_SOURCE_KEY,
    SOURCE_KEY,
    TITLE_HINT_KEY,
    doc_to_report,
)
from vnreport.records import Report
from vnreport.settings import DEFAULT_MAX_CHARS
from vnreport.text.safe_text import has_text

LOGGER = logging.getLogger(__name__)

PIPE_NAMES = (
    "vnreport_segments",
    "vnreport_dates",
    "vnreport_admin_units",
    "vnreport_groups",
    "vnreport_officials",
    "vnreport_figures",
    "vnreport_recommendations",
    "vnreport_inspections",
)


def _register_components() -> None:
    # Importing the modules runs their @Language.factory and registry decorators.
    from vnreport.lang import tokenizer  # noqa: F401
    from vnreport.pipeline import (  # noqa: F401
        admin_units,
        dates,
        figures,
        groups,
        inspections,
        officials,
        recommendations,
        segments,
    )

    if not Doc.has_extension("report"):
        Doc.set_extension("report", getter=doc_to_report)


def load() -> Language:
    """A fresh spaCy pipeline: underthesea tokenizer and every vnreport component, in order."""
    _register_components()
    nlp = spacy.blank(
        "vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnreport.UndertheseaTokenizer.v1"}}}
    )
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


@cache
def _default_pipeline() -> Language:
    return load()


def default_pipeline() -> Language:
    """The shared pipeline `extract()` uses when given none (loaded on first use)."""
    return _default_pipeline()


def check_document(document: Document, *, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """The checks every extraction makes before the pipeline runs.

    Raises:
        DocumentTooLargeError: the text is over `max_chars`.
        EmptyDocumentError: the text has nothing visible.
    """
    text = document.text
    if len(text) > max_chars:
        raise DocumentTooLargeError(
            f"document has {len(text):,} characters, over the limit of {max_chars:,} "
            "(raise it with max_chars= or VNREPORT_MAX_CHARS)",
            source=document.source,
        )
    if not has_text(text):
        raise EmptyDocumentError("document has no visible text", source=document.source)


def label_doc(doc: Doc, document: Document) -> Doc:
    """Put what the container said about the article (source, date, hints) on its Doc."""
    doc.user_data[SOURCE_KEY] = document.source
    doc.user_data[PUBLISHED_KEY] = document.published
    doc.user_data[PUBLISHED_SOURCE_KEY] = document.published_source
    doc.user_data[AUTHOR_HINT_KEY] = document.author
    doc.user_data[TITLE_HINT_KEY] = document.title
    return doc


def annotate_document(
    document: Document, *, nlp: Language | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Doc:
    """Run the pipeline on a Document and return the Doc, with its `doc.spans["vnreport_*"]`.

    Raises:
        InputError: the text is empty or over `max_chars`.
        ExtractionError: a component failed (a bug worth reporting, with the source named).
    """
    check_document(document, max_chars=max_chars)
    pipeline = nlp if nlp is not None else _default_pipeline()
    # `max_chars` is the only limit: spaCy's own (nlp.max_length, E088) must not undercut it.
    pipeline.max_length = max(pipeline.max_length, max_chars)
    try:
        doc = label_doc(pipeline.make_doc(document.text), document)
        for _, component in pipeline.pipeline:
            doc = component(doc)
    except VnreportError:
        raise
    except Exception as error:  # a component bug must not escape as a foreign exception
        LOGGER.debug("extraction failed", exc_info=True)
        raise ExtractionError(
            f"pipeline failed with {type(error).__name__}: {error}", source=document.source
        ) from error
    return doc


def extract_document(
    document: Document, *, nlp: Language | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Report:
    """Extract the Report of a Document read by one of the `vnreport.io` readers."""
    return doc_to_report(annotate_document(document, nlp=nlp, max_chars=max_chars))
