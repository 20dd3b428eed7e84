"""Dispatch: paths to raw inputs, raw inputs to Documents, one reader module per format."""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from vnreport.document import Document
from vnreport.errors import (
    DecodeError,
    DocumentTooLargeError,
    InputError,
    UnreadableFolderError,
    UnsupportedFormatError,
)
from vnreport.failure import Failure
from vnreport.io import jsonl, warc
from vnreport.io.common import display_path
from vnreport.io.html import read_html
from vnreport.io.options import Format, ReadOptions
from vnreport.io.paths import STDIN, expand, format_of
from vnreport.io.raw import Kind, RawInput, Unreadable, input_key
from vnreport.io.txt import read_txt

STDIN_SOURCE = "<stdin>"
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 512
_UNSUPPORTED = (
    "no reader for this kind of file (use .txt, .html, .jsonl[.gz], .warc[.gz] or --format)"
)


_NOT_A_FILE = "not a regular file (a pipe, socket or device): name it explicitly to read it"


def _unreadable(source: str, container: str, error: InputError, size: int = 0) -> Unreadable:
    stamp = f"unreadable:{type(error).__name__}:{size}".encode()
    return Unreadable(source, input_key(container, stamp), error, size)


def _sniff(head: bytes) -> Format:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"<"):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "txt"


def _single(
    stream: IO[bytes], fmt: Format, source: str, container: str, max_bytes: int
) -> Iterator[RawInput | Unreadable]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        error = DocumentTooLargeError(f"input is over {max_bytes:,} bytes", source=source)
        yield _unreadable(source, container, error)
        return
    kind: Kind = "html" if fmt == "html" else "txt"
    yield RawInput(source, data, kind, input_key(container, data), len(data))


def _stream(
    stream: IO[bytes],
    fmt: Format,
    source: str,
    container: str,
    *,
    options: ReadOptions,
    position: IO[bytes] | None = None,
) -> Iterator[RawInput | Unreadable]:
    """Raw inputs of one open container; a corrupt archive ends with an Unreadable."""
    limit = options.max_bytes
    try:
        if fmt == "warc":
            yield from warc.iter_records(
                stream, source=source, container=container, max_bytes=limit
            )
        elif fmt == "jsonl":
            yield from jsonl.iter_records(
                stream, source=source, container=container, max_bytes=limit, position=position
            )
        else:
            yield from _single(stream, fmt, source, container, limit)
    except InputError as error:
        yield _unreadable(source, container, error)
    except (OSError, EOFError, zlib.error) as error:  # truncated or corrupt gzip, I/O error
        failure = DecodeError(f"cannot read the archive: {error}", source=source)
        yield _unreadable(source, container, failure)


def _file(path: Path, explicit: bool, options: ReadOptions) -> Iterator[RawInput | Unreadable]:
    source, container = display_path(path), str(path.absolute())
    fmt = options.format if explicit and options.format else format_of(path)
    failure: InputError | None = None
    size = 0
    try:
        status = path.stat()
        size = status.st_size
        if stat.S_ISDIR(status.st_mode):
            failure = _folder_failure(path, source)
        elif not explicit and not stat.S_ISREG(status.st_mode):
            # Reading a pipe or device found in a folder would wait forever or never end.
            failure = UnsupportedFormatError(_NOT_A_FILE, source=source)
    except OSError as error:
        failure = InputError(f"cannot read: {error.strerror}", source=source)
    if failure is None and fmt is None:
        failure = UnsupportedFormatError(_UNSUPPORTED, source=source)
    if failure is None and fmt in ("txt", "html") and size > options.max_bytes:
        failure = DocumentTooLargeError(
            f"file has {size:,} bytes, over the limit of {options.max_bytes:,} (raise --max-bytes)",
            source=source,
        )
    if failure is not None or fmt is None:
        yield _unreadable(source, container, failure or UnsupportedFormatError(_UNSUPPORTED), size)
        return
    try:
        with path.open("rb") as raw:
            gz = fmt == "jsonl" and source.lower().endswith(".gz")
            stream = cast("IO[bytes]", gzip.GzipFile(fileobj=raw)) if gz else raw
            yield from _stream(stream, fmt, source, container, options=options, position=raw)
    except OSError as error:
        yield _unreadable(source, container, InputError(f"cannot read: {error}", source=source))


def _folder_failure(path: Path, source: str) -> InputError:
    """Why a folder named or found cannot be read (`expand` yields only those)."""
    try:
        with os.scandir(path):
            pass
    except OSError as error:
        return UnreadableFolderError(
            f"cannot list the folder, so none of its files were read: {error.strerror}; "
            "fix its permissions and rerun",
            source=source,
        )
    return UnsupportedFormatError("a folder, not a file", source=source)


def _stdin(options: ReadOptions) -> Iterator[RawInput | Unreadable]:
    buffer: IO[bytes] = sys.stdin.buffer
    stream = buffer if isinstance(buffer, io.BufferedReader) else io.BufferedReader(buffer)  # type: ignore[type-var]
    head = stream.peek(_SNIFF)[:_SNIFF]
    if head.startswith(_GZIP_MAGIC) and options.format != "warc":
        stream = io.BufferedReader(gzip.GzipFile(fileobj=stream))
        head = stream.peek(_SNIFF)[:_SNIFF]
    fmt = options.format or _sniff(head)
    yield from _stream(stream, fmt, STDIN_SOURCE, STDIN_SOURCE, options=options)


def iter_raw(
    paths: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[RawInput | Unreadable]:
    """Raw inputs of every file under `paths`, streaming: nothing is held beyond one input.

    Args:
        paths: Files, folders (walked recursively), globs and `-` for standard input.
        options: Field names, size limit and forced format.
    """
    options = options or ReadOptions()
    for path, explicit in expand(paths):
        if path == STDIN:
            yield from _stdin(options)
        else:
            yield from _file(Path(path), explicit, options)


def decode(raw: RawInput, options: ReadOptions | None = None) -> Document:
    """The Document of one raw input.

    Raises:
        InputError: the bytes are binary, empty, or not the JSON the format promises.
    """
    options = options or ReadOptions()
    if raw.kind == "txt":
        return read_txt(raw.data, source=raw.source)
    if raw.kind == "html":
        return read_html(raw.data, source=raw.source, url=raw.url)
    return jsonl.read_record(raw.data, source=raw.source, fields=options.fields)


def read_path(path: str | Path, options: ReadOptions | None = None) -> Iterator[Document]:
    """The Documents of one file: one for .txt and .html, one per record for .jsonl and .warc.

    Raises:
        InputError: the file is missing, binary, empty, too large or of an unknown kind
            (`DecodeError`, `EmptyDocumentError`, `DocumentTooLargeError`,
            `UnsupportedFormatError`).
    """
    for raw in iter_raw([path], options):
        if isinstance(raw, Unreadable):
            raise raw.error
        yield decode(raw, options)


def iter_inputs(
    paths: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[Document | Failure]:
    """Every Document under `paths`, with a Failure in place of each input that cannot be read.

    Streams: one input is read at a time, however large the archive.
    """
    for raw in iter_raw(paths, options):
        if isinstance(raw, Unreadable):
            yield raw.failure()
            continue
        try:
            yield decode(raw, options)
        except InputError as error:
            yield Failure.from_error(error, source=raw.source, key=raw.key)
