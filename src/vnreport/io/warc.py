"""WARC web archives, plain or gzipped: one article per successful HTML response record."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from vnreport.errors import DecodeError, DocumentTooLargeError
from vnreport.io.raw import RawInput, Unreadable, input_key

_GZIP_MAGIC = b"\x1f\x8b"
_PEEK = 1024


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


def iter_records(
    stream: IO[bytes], *, source: str, container: str, max_bytes: int
) -> Iterator[RawInput | Unreadable]:
    """Raw inputs of the HTML pages in a WARC stream (status 200, an HTML content type).

    Other records (requests, metadata, redirects, images) are skipped. Each input's source is
    the page URL; its data is the HTTP body, decoded from chunked or gzip transfer.

    Raises:
        DecodeError: the stream is not a WARC archive (raised at the first record).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _is_warc(stream):
        raise DecodeError("not a WARC archive (no WARC/1.x record at the start)", source=source)
    records = ArchiveIterator(stream)
    last = 0
    try:
        for record in records:
            offset = stream.tell()
            size, last = offset - last, offset
            http = record.http_headers
            if record.rec_type != "response" or http is None:
                continue
            if http.get_statuscode() != "200":
                continue
            if "html" not in (http.get_header("Content-Type") or "").lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            locator = url or f"{source}@{records.get_record_offset()}"
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                error = DocumentTooLargeError(f"page is over {max_bytes:,} bytes", source=locator)
                key = input_key(container, f"record:{locator}".encode())
                yield Unreadable(locator, key, error, size)
                continue
            yield RawInput(locator, data, "html", input_key(container, data), size, url=url)
    except ArchiveLoadFailed as error:
        raise DecodeError(f"not a readable WARC archive: {error}", source=source) from error
