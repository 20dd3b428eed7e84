"""The library entry points: `load()` the pipeline and `extract()` a Report."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError
from spacy.language import Language

from vnreport.document import Document
from vnreport.errors import InputError
from vnreport.pipeline.run import annotate_document, extract_document, load
from vnreport.records import Report
from vnreport.settings import DEFAULT_MAX_CHARS

__all__ = ["annotate_document", "extract", "extract_document", "load"]


def _as_date(value: dt.date | str | None, source: str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return Document(text="", published=value).published
    except ValidationError as error:
        raise InputError(
            f"published {value!r} is not a date (use YYYY-MM-DD)", source=source
        ) from error


def extract(
    text: str,
    *,
    source: str | None = None,
    published: dt.date | str | None = None,
    nlp: Language | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Report:
    """Extract the structured Report of one article.

    Args:
        text: The article as plain text (title, lead, body, byline; web debris is tolerated).
        source: Where it came from, kept in the Report.
        published: Publication date; gives year-less event dates ("Sáng 14/9") their year.
        nlp: A pipeline from `load()`; the shared default one when omitted.
        max_chars: Longer texts raise `DocumentTooLargeError` instead of being processed.

    Raises:
        InputError: the text is empty, too large, or not a `str`; `published` is not a date.
        ExtractionError: a component failed (a bug worth reporting, with the source named).
    """
    if source is not None and not isinstance(source, str):
        raise InputError(f"source must be a str (a path, URL or id), not {type(source).__name__}")
    if not isinstance(text, str):
        raise InputError(
            f"extract() takes the article as str, not {type(text).__name__}", source=source
        )
    document = Document(text=text, source=source, published=_as_date(published, source))
    return extract_document(document, nlp=nlp, max_chars=max_chars)
