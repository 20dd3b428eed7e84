"""How inputs are read: JSONL field names, size limit, forced format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from vnreport.settings import DEFAULT_MAX_BYTES

Format = Literal["txt", "html", "jsonl", "warc"]
"""A container format vnreport reads."""

FORMATS: tuple[Format, ...] = ("txt", "html", "jsonl", "warc")


@dataclass(frozen=True)
class JsonlFields:
    """Names of the JSONL fields that hold each part of an article.

    A record needs `text` or `html`; the rest are optional. The Document's source is the
    record's `url`, else its `id`, else `path:line`.
    """

    text: str = "text"
    html: str = "html"
    url: str = "url"
    id: str = "id"
    published: str = "published"
    title: str = "title"
    author: str = "author"


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by every reader.

    Attributes:
        fields: JSONL field names.
        max_bytes: Larger files, JSONL lines and WARC payloads are failures, never read whole.
        format: Read every named file (and stdin) as this format instead of guessing it.
    """

    fields: JsonlFields = field(default_factory=JsonlFields)
    max_bytes: int = DEFAULT_MAX_BYTES
    format: Format | None = None
