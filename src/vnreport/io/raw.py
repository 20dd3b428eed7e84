"""Raw inputs: the bytes of one article before decoding, and the inputs that could not be read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from vnreport.errors import InputError
from vnreport.failure import Failure

Kind = Literal["txt", "html", "jsonl"]
"""How the bytes of one article are decoded: plain text, an HTML page or a JSONL record."""


def input_key(container: str, data: bytes) -> str:
    """Resume key of an input: a hash of its container's absolute path and its bytes."""
    digest = hashlib.sha256(container.encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class RawInput:
    """The bytes of one article as its container holds them.

    Attributes:
        source: Where it is: a path, `path:line` for JSONL, the URL of a WARC record.
        data: The undecoded bytes (a file, a JSONL line, an HTTP response body).
        kind: Which decoder reads `data`.
        key: Stable key of this input, for skipping it when a run resumes.
        size: Bytes of the container this input accounts for, for progress.
        url: The page URL when known (WARC records), given to the HTML extractor.
    """

    source: str
    data: bytes
    kind: Kind
    key: str
    size: int = 0
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input that failed before decoding: missing, unreadable, too large, corrupt container."""

    source: str
    key: str
    error: InputError
    size: int = 0

    def failure(self) -> Failure:
        """The Failure record of this input."""
        return Failure.from_error(self.error, source=self.source, key=self.key)
