"""JSON Lines archives, plain or gzipped: one article per line, field names configurable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from vnreport.document import Document
from vnreport.errors import DecodeError, DocumentTooLargeError, EmptyDocumentError
from vnreport.io.common import compose_text, parse_published
from vnreport.io.html import read_html
from vnreport.io.options import JsonlFields
from vnreport.io.raw import RawInput, Unreadable, input_key
from vnreport.text.safe_text import clean_label, clean_text, has_text

_CHUNK = 1 << 20


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Lines of `stream` with their length; a line over `limit` bytes comes as None, skipped."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        size = len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of an over-long line without holding it
                rest = stream.readline(_CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None, size
            continue
        yield line, size


def iter_records(
    stream: IO[bytes],
    *,
    source: str,
    container: str,
    max_bytes: int,
    position: IO[bytes] | None = None,
) -> Iterator[RawInput | Unreadable]:
    """Raw inputs of a JSONL stream, one per non-blank line.

    Args:
        stream: The (decompressed) lines.
        source: Name of the file, for `path:line` locators.
        container: Absolute path of the file, for input keys.
        max_bytes: Longer lines become `Unreadable` inputs.
        position: The underlying file, whose offset measures progress through gzipped files.

    Raises:
        EmptyDocumentError: the stream holds no line at all (after yielding nothing).
    """
    last = 0
    seen = 0
    for number, (line, length) in enumerate(_lines(stream, max_bytes), start=1):
        size = length
        if position is not None:
            offset = position.tell()
            size, last = offset - last, offset
        locator = f"{source}:{number}"
        seen += line is None or bool(line.strip())
        if line is None:
            error = DocumentTooLargeError(f"line is over {max_bytes:,} bytes", source=locator)
            yield Unreadable(locator, input_key(container, f"line:{number}".encode()), error, size)
            continue
        if not line.strip():
            continue
        yield RawInput(locator, line, "jsonl", input_key(container, line), size)
    if not seen:  # a download that failed often leaves an empty file
        raise EmptyDocumentError("the file holds no JSON lines", source=source)


def _text(value: object) -> str | None:
    return clean_text(value) if isinstance(value, str) and has_text(value) else None


def _label(value: object) -> str | None:
    return clean_label(value) if isinstance(value, str) and has_text(value) else None


def read_record(data: bytes, *, source: str | None = None, fields: JsonlFields) -> Document:
    """The Document of one JSONL line.

    The line's `text` field is the article (preceded by its `title`, when given); failing that,
    its `html` field is read as a page. `published` accepts ISO dates and `dd/mm/yyyy`.

    Raises:
        DecodeError: the line is not a JSON object (or nested too deeply to read).
        EmptyDocumentError: it has neither a text nor an html field.
    """
    try:
        record = json.loads(data)
    except ValueError as error:
        raise DecodeError(f"line is not JSON: {error}", source=source) from error
    except RecursionError as error:
        raise DecodeError("line is JSON nested too deeply to read", source=source) from error
    if not isinstance(record, dict):
        raise DecodeError("line is not a JSON object", source=source)
    url, ident = record.get(fields.url), record.get(fields.id)
    given = str(url) if url else (str(ident) if ident is not None else None)
    name = (clean_label(given) if given is not None else None) or source
    published = parse_published(record.get(fields.published))
    title, author = _label(record.get(fields.title)), _label(record.get(fields.author))
    text, html = _text(record.get(fields.text)), _text(record.get(fields.html))
    if text is not None:
        return Document(
            text=compose_text(title, text),
            source=name,
            published=published,
            title=title,
            author=author,
        )
    if html is not None:
        page = read_html(html, source=name, url=name if url else None)
        return page.model_copy(
            update={
                "published": published or page.published,
                "published_source": "caller" if published else page.published_source,
                "title": title or page.title,
                "author": author or page.author,
            }
        )
    raise EmptyDocumentError(
        f"record has no {fields.text!r} or {fields.html!r} field with text", source=source
    )
