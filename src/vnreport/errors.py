"""Errors raised by vnreport.

Every error the library raises on purpose derives from `VnreportError`:

    VnreportError
    ├── InputError              the input cannot be turned into an article
    │   ├── EmptyDocumentError      nothing but whitespace or debris
    │   ├── DocumentTooLargeError   over the configured size limit
    │   ├── DecodeError             bytes that are not text in any known encoding
    │   ├── UnsupportedFormatError  a file kind no reader handles
    │   └── UnreadableFolderError   a folder that cannot be listed (its files go unread)
    ├── ResourceError           a bundled data file or optional package is missing
    ├── SinkError               a record store could not be opened or written
    └── ExtractionError         a pipeline component failed on an input (a bug: please report it)
"""

from __future__ import annotations


class VnreportError(Exception):
    """Base class of every error vnreport raises on purpose."""


class InputError(VnreportError):
    """The input cannot be turned into an article."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        where = f" ({source})" if source else ""
        super().__init__(f"{message}{where}")


class EmptyDocumentError(InputError):
    """The document holds no article text."""


class DocumentTooLargeError(InputError):
    """The document is larger than the configured limit."""


class DecodeError(InputError):
    """The bytes are not text in any encoding vnreport recognizes."""


class UnsupportedFormatError(InputError):
    """No reader handles this kind of file."""


class UnreadableFolderError(InputError):
    """A folder among the inputs cannot be listed, so its files cannot be read."""


class ResourceError(VnreportError):
    """A bundled resource or an optional dependency is missing."""


class SinkError(VnreportError):
    """A record store could not be opened or written."""


class ExtractionError(VnreportError):
    """A pipeline component failed on an input."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        where = f" ({source})" if source else ""
        super().__init__(f"{message}{where}")
