"""WARC web archives, plain or gzipped: one article per successful HTML response record."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import IO, Any

from vnreport.errors import DecodeError, DocumentTooLargeError
from vnreport.io.raw import RawInput, Unreadable, input_key
from vnreport.text.safe_text import clean_label

LOGGER = logging.getLogger(__name__)
_GZIP_MAGIC = b"\x1f\x8b"
_PEEK = 1024
_DRAIN = 1 << 16


def _is_warc(stream: IO[bytes]) -> bool:
    """Whether the (maybe gzipped) stream starts like a WARC record; warcio accepts far more."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return True
    head: bytes = peek(_PEEK)[:_PEEK]
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip().startswith(b"WARC/")


def _missing(record: Any) -> int:
    """Bytes of `record` its Content-Length promised that the archive does not hold.

    warcio reads a record through a reader limited to its Content-Length and ends it quietly
    when the file ends first: what the limit still expects is what a half-written file lacks.
    """
    stream = record.raw_stream
    while stream.read(_DRAIN):
        pass
    remaining = getattr(stream, "limit", 0)
    return remaining if isinstance(remaining, int) else 0


def _whole_header(record: Any) -> bool:
    """Whether the record's WARC header names its type and length, as a cut header does not."""
    length = record.rec_headers.get_header("Content-Length")
    return record.rec_type is not None and isinstance(length, str) and length.strip().isdigit()


def _tell(stream: IO[bytes]) -> int | None:
    try:
        return stream.tell()
    except OSError:  # a pipe
        return None


def _cut_short(source: str, offset: int | None, missing: int | None = None) -> DecodeError:
    where = f" at byte {offset:,}" if offset is not None else ""
    short = f", {missing:,} bytes short" if missing else ""
    return DecodeError(
        f"the archive ends inside a record{where}{short}: a half-written or truncated file? "
        "The records before it were read",
        source=source,
    )


def iter_records(
    stream: IO[bytes], *, source: str, container: str, max_bytes: int
) -> Iterator[RawInput | Unreadable]:
    """Raw inputs of the HTML pages in a WARC stream (status 200, an HTML content type).

    Other records (requests, metadata, redirects, images) are skipped. Each input's source is
    the page URL; its data is the HTTP body, decoded from chunked or gzip transfer. A page the
    archive holds only part of (a half-written file) is an `Unreadable`, never a short article.

    Raises:
        DecodeError: the stream is not a WARC archive (raised at the first record), is corrupt,
            or ends inside a record (raised after the records before it).
    """
    from warcio.archiveiterator import ArchiveIterator

    if not _is_warc(stream):
        raise DecodeError("not a WARC archive (no WARC/1.x record at the start)", source=source)
    records = ArchiveIterator(stream)
    last = 0
    latest: Any = None  # the last record read, until its failure is reported
    try:
        for record in records:
            latest = record
            offset = _tell(stream) or 0
            size, last = offset - last, offset
            if not _whole_header(record):
                raise _cut_short(source, records.get_record_offset())
            http = record.http_headers
            if record.rec_type != "response" or http is None:
                continue
            if http.get_statuscode() != "200":
                continue
            if "html" not in (http.get_header("Content-Type") or "").lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            url = clean_label(url) if url else None
            locator = url or f"{source}@{records.get_record_offset()}"
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                error = DocumentTooLargeError(f"page is over {max_bytes:,} bytes", source=locator)
                key = input_key(container, f"record:{locator}".encode())
                yield Unreadable(locator, key, error, size)
                continue
            missing = _missing(record)
            if missing:
                key = input_key(container, f"cut:{locator}:{len(data)}".encode())
                yield Unreadable(locator, key, _cut_short(locator, offset, missing), size)
                latest = None  # reported: the archive's own failure would say it again
                continue
            yield RawInput(locator, data, "html", input_key(container, data), size, url=url)
        missing = _missing(latest) if latest is not None else 0
    except DecodeError:
        raise
    except Exception as error:  # warcio fails on cut or corrupt headers with all kinds of errors
        LOGGER.debug("warcio failed at byte %d of %s", records.offset, source, exc_info=True)
        raise DecodeError(
            f"cannot read the record at byte {records.offset:,}: its WARC or HTTP headers are "
            "malformed or cut (a record without Content-Type, a half-written file?). "
            "The records before it were read",
            source=source,
        ) from error
    end = _tell(stream)
    if missing:
        raise _cut_short(source, end, missing)
    # Bytes after the last whole record that warcio could not make a record of: a cut header.
    if end is not None and end > records.offset:
        raise _cut_short(source, records.offset)
