"""Many Documents through `nlp.pipe`, in input order, each failure kept as its typed error.

spaCy's `nlp.pipe` stops at the first exception, and with `n_process > 1` it turns a worker's
exception into a `ValueError` for its whole batch (and can hang joining its workers when their
output is large). So the checks `extract()` makes (empty, too large) run here before a text
reaches spaCy, and a component that fails inside `nlp.pipe` only drops its Doc (an error
handler that raises nothing); every item travels with its index as context, so a missing index
is a failed item, run again alone with `annotate_document`, which gives the typed error (or the
Report) `extract()` gives for it. Should `nlp.pipe` raise all the same, its pending items are
run again one by one and a fresh `nlp.pipe` takes the rest of the stream.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.document import Document
from vnreport.errors import VnreportError
from vnreport.pipeline.assemble import doc_to_report
from vnreport.pipeline.run import annotate_document, check_document, label_doc
from vnreport.records import Report

LOGGER = logging.getLogger(__name__)

C = TypeVar("C")


@dataclass(slots=True)
class Job(Generic[C]):
    """One input item: its Document (or why there is none) and the caller's context."""

    index: int
    document: Document | None
    error: VnreportError | None
    context: C


@dataclass(slots=True)
class Outcome(Generic[C]):
    """What one item gave: a Report or a typed error, with the caller's context."""

    result: Report | VnreportError
    context: C


def run_jobs(
    jobs: Iterable[Job[C]],
    nlp: Language,
    *,
    max_chars: int,
    n_process: int,
    batch_size: int,
) -> Generator[Outcome[C], None, None]:
    """The outcome of every job, in the order of `jobs`, however `nlp.pipe` fares."""
    feed = _Feed(iter(jobs), max_chars)
    while not feed.exhausted or feed.pending:
        try:
            for doc, index in _pipe(nlp, feed, n_process=n_process, batch_size=batch_size):
                yield from feed.settle(index, nlp)
                job = feed.pending.popleft()
                assert job.index == index
                assert job.document is not None
                yield Outcome(doc_to_report(label_doc(doc, job.document)), job.context)
        except _PipeFailedError as failure:
            LOGGER.debug("nlp.pipe failed; running its pending items alone", exc_info=failure)
        yield from feed.settle(None, nlp)


class _Feed(Generic[C]):
    """The texts given to `nlp.pipe`, and the jobs taken whose outcome is not given yet."""

    def __init__(self, stream: Iterator[Job[C]], max_chars: int) -> None:
        self.stream = stream
        self.max_chars = max_chars
        self.pending: deque[Job[C]] = deque()
        self.exhausted = False
        self.stopped = False

    def texts(self) -> Iterator[tuple[str, int]]:
        """(text, index) of each job that passes `extract()`'s checks, until stopped."""
        for job in self.stream:
            if job.document is not None and job.error is None:
                try:
                    check_document(job.document, max_chars=self.max_chars)
                except VnreportError as error:
                    job.error = error
            self.pending.append(job)
            if job.error is None and job.document is not None:
                yield job.document.text, job.index
            if self.stopped:
                return
        self.exhausted = True

    def settle(self, before: int | None, nlp: Language) -> Iterator[Outcome[C]]:
        """Outcomes of the jobs ahead of `before` (all, when None) that spaCy will not return:
        those that failed the checks, and those whose Doc a component dropped."""
        while self.pending and (before is None or self.pending[0].index < before):
            yield _alone(self.pending.popleft(), nlp, self.max_chars)


def _alone(job: Job[C], nlp: Language, max_chars: int) -> Outcome[C]:
    """The outcome of one job run without `nlp.pipe`, as `extract()` runs it."""
    if job.error is not None or job.document is None:
        assert job.error is not None
        return Outcome(job.error, job.context)
    try:
        doc = annotate_document(job.document, nlp=nlp, max_chars=max_chars)
    except VnreportError as error:
        return Outcome(error, job.context)
    return Outcome(doc_to_report(doc), job.context)


class _PipeFailedError(Exception):
    """`nlp.pipe` raised; the items it held are still pending."""


def _drop_failed_doc(name: str, component: object, docs: list[Doc], error: Exception) -> None:
    """spaCy error handler: a component failed on a Doc; leave it out, its item is rerun."""
    LOGGER.debug("component %s failed inside nlp.pipe: %r", name, error)


def _pipe(
    nlp: Language, feed: _Feed[C], *, n_process: int, batch_size: int
) -> Iterator[tuple[Doc, int]]:
    """`nlp.pipe(texts, as_tuples=True)` whose failed components drop their Doc, not the run."""
    docs = nlp.pipe(feed.texts(), as_tuples=True, n_process=n_process, batch_size=batch_size)
    try:
        # spaCy binds the pipeline's error handler to its components when the first Doc is
        # asked for; the caller's handler is back in place right after.
        saved, nlp.default_error_handler = nlp.default_error_handler, _drop_failed_doc
        try:
            first = next(docs, None)
        finally:
            nlp.default_error_handler = saved
        if first is None:
            return
        yield first
        yield from docs
    except GeneratorExit:
        if n_process != 1:
            # The caller stopped early. Closing spaCy's multiprocess pipe now can hang (its
            # workers block sending finished batches nobody reads), so let the batches
            # already handed out come back first.
            feed.stopped = True
            for _ in docs:
                pass
        raise
    except Exception as error:
        raise _PipeFailedError from error
    finally:
        close = getattr(docs, "close", None)
        if close is not None:
            close()
