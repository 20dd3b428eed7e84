"""The library entry points: `load()` the pipeline, `extract()` a Report, `extract_many()` many."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TypeVar, overload

from pydantic import ValidationError
from spacy.language import Language

from vnreport.document import Document
from vnreport.errors import InputError, VnreportError
from vnreport.pipeline.batch import Job, run_jobs
from vnreport.pipeline.run import annotate_document, default_pipeline, extract_document, load
from vnreport.records import Report
from vnreport.settings import DEFAULT_MAX_CHARS

__all__ = ["annotate_document", "extract", "extract_document", "extract_many", "load"]

LOGGER = logging.getLogger(__name__)

C = TypeVar("C")
OnError = Literal["raise", "skip", "return"]
DEFAULT_BATCH_SIZE = 16
"""Articles a worker takes at a time in `extract_many` (news articles run to a few thousand
characters; spaCy's own default of 1,000 suits sentences)."""


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


Item = str | Document


@overload
def extract_many(
    items: Iterable[tuple[Item, C]],
    *,
    published: dt.date | str | None = ...,
    n_process: int = ...,
    batch_size: int = ...,
    on_error: Literal["raise", "skip"] = ...,
    nlp: Language | None = ...,
    max_chars: int = ...,
) -> Iterator[tuple[Report, C]]: ...
@overload
def extract_many(
    items: Iterable[tuple[Item, C]],
    *,
    published: dt.date | str | None = ...,
    n_process: int = ...,
    batch_size: int = ...,
    on_error: Literal["return"],
    nlp: Language | None = ...,
    max_chars: int = ...,
) -> Iterator[tuple[Report | VnreportError, C]]: ...
@overload
def extract_many(
    items: Iterable[Item],
    *,
    published: dt.date | str | None = ...,
    n_process: int = ...,
    batch_size: int = ...,
    on_error: Literal["raise", "skip"] = ...,
    nlp: Language | None = ...,
    max_chars: int = ...,
) -> Iterator[Report]: ...
@overload
def extract_many(
    items: Iterable[Item],
    *,
    published: dt.date | str | None = ...,
    n_process: int = ...,
    batch_size: int = ...,
    on_error: Literal["return"],
    nlp: Language | None = ...,
    max_chars: int = ...,
) -> Iterator[Report | VnreportError]: ...
def extract_many(
    items: Iterable[Any],
    *,
    published: dt.date | str | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_error: OnError = "raise",
    nlp: Language | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Any]:
    """Extract the Reports of many articles, streamed in input order, through `nlp.pipe`.

    Each item gives the Report `extract()` gives for it, after the same checks (empty, too
    large, not a `str`), with the same typed errors. Items are `str` texts, `Document`s (which
    carry their own source, publication date, title and author), or `(text_or_document, context)`
    pairs, as with spaCy's `as_tuples`: a pair gives back `(report, context)`.

    >>> for report in vnreport.extract_many(texts, published="2024-05-01", n_process=2):
    ...     print(report.title)

    `nlp.pipe` itself keeps spaCy's conventions, which is why this function exists: an empty
    text gives an empty Doc (its `doc._.report` has no items); a text over `nlp.max_length`
    (1,000,000 characters, the same as `max_chars` here) raises spaCy's `ValueError` E088 before
    the tokenizer sees it; the first exception ends the stream; and with `n_process > 1` spaCy
    turns any worker's exception into one `ValueError` E871 for its whole batch, so no typed
    error could reach the caller. Here the checks run before a text reaches `nlp.pipe`, and a
    component that fails inside it costs only its own item.

    Args:
        items: The articles: an iterable, read lazily (a generator over a large dump is fine).
        published: Publication date of the items that carry none (a `str`, or a `Document`
            whose `published` is None).
        n_process: Worker processes for `nlp.pipe` (-1: one per core).
        batch_size: Articles a worker takes at a time.
        on_error: What a failed item does: "raise" its typed error (the stream stops), "skip"
            it (it gives nothing), or "return" the error in place of its Report.
        nlp: A pipeline from `load()`; the shared default one when omitted.
        max_chars: Longer texts fail with `DocumentTooLargeError`.

    Yields:
        A Report (or, with on_error="return", a `VnreportError`) per item; for a
        `(item, context)` pair, the pair `(report_or_error, context)`.

    Raises:
        InputError: `published` is not a date; with on_error="raise", an item is empty, too
            large or neither a `str` nor a `Document`.
        ExtractionError: with on_error="raise", a component failed on an item.
    """
    if on_error not in ("raise", "skip", "return"):
        raise InputError(f"on_error must be 'raise', 'skip' or 'return', not {on_error!r}")
    default_published = _as_date(published, None)
    jobs = (_job(index, item, default_published) for index, item in enumerate(items))
    outcomes = run_jobs(
        jobs,
        nlp if nlp is not None else default_pipeline(),
        max_chars=max_chars,
        n_process=n_process,
        batch_size=batch_size,
    )
    try:
        for outcome in outcomes:
            result, (paired, context) = outcome.result, outcome.context
            if isinstance(result, VnreportError):
                if on_error == "raise":
                    raise result
                if on_error == "skip":
                    LOGGER.info("skipped an item: %s", result)
                    continue
            yield (result, context) if paired else result
    finally:  # spaCy's worker processes stop here, not whenever the generator is collected
        outcomes.close()


def _job(index: int, item: object, published: dt.date | None) -> Job[tuple[bool, Any]]:
    """The Document of one item, or the InputError `extract()` would raise on it."""
    paired = isinstance(item, tuple) and len(item) == 2
    context = item[1] if paired else None  # type: ignore[index]
    inner = item[0] if paired else item  # type: ignore[index]
    document: Document | None = None
    error: VnreportError | None = None
    if isinstance(inner, Document):
        if inner.published is None and published is not None:
            inner = inner.model_copy(update={"published": published})
        document = inner
    elif isinstance(inner, str):
        document = Document(text=inner, published=published)
    else:
        error = InputError(
            f"extract_many() takes each article as str or Document (or an (article, context) "
            f"pair); item {index} is {type(inner).__name__}"
        )
    return Job(index=index, document=document, error=error, context=(paired, context))
