"""The sink interface: a record store for Reports, Failures and the keys of stored inputs."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import PurePath
from types import TracebackType
from typing import Any, ClassVar, Self

from packaging.version import InvalidVersion, Version

from vnreport._version import __version__
from vnreport.errors import UnreadableFolderError
from vnreport.failure import Failure
from vnreport.records import Report

DEFAULT_BATCH = 64


Encoder = Callable[[Report], Any]
"""Turns a Report into what one kind of sink writes; a module-level function, so it pickles."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """A Report already turned into what one kind of sink writes, by the process that made it.

    Bulk workers encode (`Sink.encoder`) so the process writing the sink neither unpickles
    Report models nor walks them: it receives plain rows, lines or dicts.

    Attributes:
        id: The Report's id.
        extractor_version: The version that made it (sinks keep the latest).
        payload: What the sink's encoder returned.
    """

    id: str
    extractor_version: str
    payload: Any

    @classmethod
    def of(cls, report: Report, encoder: Encoder) -> Encoded:
        """`report` encoded by `encoder`."""
        return cls(report.id, report.extractor_version, encoder(report))


@dataclass(frozen=True, slots=True)
class Stored:
    """What one input gave: its Report (maybe encoded) or its Failure, under its resume key.

    Attributes:
        key: The input key (see `vnreport.io.input_key`); None for records written directly.
        source: Where the input came from.
        result: The Report (or its encoding for the sink), or the Failure in its place.
    """

    key: str | None
    source: str | None
    result: Report | Encoded | Failure


@dataclass(slots=True)
class Written:
    """What a write did: new reports, replaced ones, ones already stored, failures recorded."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failures: int = 0

    def add(self, other: Written) -> None:
        """Add the counts of `other` to these."""
        self.new += other.new
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.failures += other.failures


def is_newer(version: str, than: str) -> bool:
    """Whether extractor `version` is later than `than` (PEP 440 order, else text order)."""
    try:
        return Version(version) > Version(than)
    except InvalidVersion:
        return version > than


def replaces(new: str, old: str, *, redo: bool) -> bool:
    """Whether a report by extractor `new` replaces one by `old`: when newer, or equal on redo."""
    return is_newer(new, old) or (redo and new == old)


FOLDER_FAILURE = UnreadableFolderError.__name__
"""The failure reason of a folder that could not be listed."""


def folders_of(sources: Iterable[str]) -> set[str]:
    """The folders holding `sources`: a folder failure among them is stale once a file inside
    the folder is read (its permissions were fixed)."""
    found: set[str] = set()
    for source in sources:
        found.update(str(parent) for parent in PurePath(source).parents if str(parent) != ".")
    return found


def chunks(items: Iterable[Stored], size: int) -> Iterator[list[Stored]]:
    """`items` in lists of at most `size`."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Sink(ABC):
    """A record store. Subclasses implement `store`, `done` and `close`, and may set `encoder`.

    Writes are idempotent by `Report.id`: storing a report whose id is already there changes
    nothing, unless the new one comes from a newer `extractor_version` (or `redo` is given), in
    which case it replaces the old one whole. Use a sink as a context manager so it is closed.
    """

    encoder: ClassVar[Encoder | None] = None
    """How a Report becomes what this sink writes; bulk workers run it, `encode` calls it.
    A sink without one receives Reports."""

    def encode(self, result: Report | Encoded) -> Encoded:
        """`result` as this sink writes it (encoded here if a worker did not)."""
        if isinstance(result, Encoded):
            return result
        encoder = type(self).encoder
        if encoder is None:
            raise TypeError(f"{type(self).__name__} has no encoder")
        return Encoded.of(result, encoder)

    @abstractmethod
    def store(self, items: Sequence[Stored], *, redo: bool = False) -> Written:
        """Store reports, failures and their input keys together, in one transaction.

        Reports may come as `Report`s or already `Encoded` by this sink's `encoder`. With
        `redo`, a report replaces a stored one of the same extractor version too.
        """

    @abstractmethod
    def done(self, keys: Collection[str], *, version: str = __version__) -> set[str]:
        """The `keys` stored by extractor `version` or a later one: a resumed run skips them."""

    def close(self) -> None:  # noqa: B027 (not every sink holds a resource)
        """Flush and release the store."""

    def write(
        self, reports: Iterable[Report], *, batch_size: int = DEFAULT_BATCH, redo: bool = False
    ) -> Written:
        """Store `reports`, `batch_size` to a transaction (see `store` for `redo`)."""
        total = Written()
        items = (Stored(None, report.source, report) for report in reports)
        for batch in chunks(items, batch_size):
            total.add(self.store(batch, redo=redo))
        return total

    def write_failure(self, failure: Failure) -> Written:
        """Record one input that produced no report."""
        return self.store([Stored(failure.key, failure.source, failure)])

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
