"""HTML pages: main text, title, author and date; navigation, scripts and comments dropped."""

from __future__ import annotations

import unicodedata

from vnreport.document import Document
from vnreport.errors import EmptyDocumentError
from vnreport.io.common import compose_text, parse_published
from vnreport.io.lead import page_lead


def _field(result: object, name: str) -> str | None:
    """A text field of trafilatura's result, in NFC (legacy pages keep combining tone marks)."""
    value = getattr(result, name, None)
    if not isinstance(value, str) or not value.strip():
        return None
    return unicodedata.normalize("NFC", value.strip())


def read_html(data: bytes | str, *, source: str | None = None, url: str | None = None) -> Document:
    """The Document of an HTML page, extracted with trafilatura.

    `Document.text` is the title, a blank line, then the main text, so the segmenter sees the
    title as the first line; the page's author and date become `author` and `published`.

    Raises:
        EmptyDocumentError: the page has no main text.
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
    )
    body = _field(result, "text")
    if body is None:
        raise EmptyDocumentError("no article text found in the page", source=source)
    title = _field(result, "title")
    lead = page_lead(data)
    if lead is not None and unicodedata.normalize("NFC", lead)[:60] not in body:
        body = unicodedata.normalize("NFC", lead) + "\n\n" + body
    return Document(
        text=compose_text(title, body),
        source=source,
        published=parse_published(getattr(result, "date", None)),
        title=title,
        author=_field(result, "author"),
    )
