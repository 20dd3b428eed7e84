"""HTML pages: main text, title, author and date; navigation, scripts and comments dropped."""

from __future__ import annotations

import unicodedata

from vnreport.document import Document
from vnreport.errors import EmptyDocumentError
from vnreport.io.common import compose_text, parse_published
from vnreport.io.page_parts import page_captions, page_lead
from vnreport.text.safe_text import clean_label, clean_text, has_text


def _nfc(value: str | None) -> str | None:
    """Page text in NFC (legacy pages keep combining tone marks); None when it shows nothing."""
    if value is None or not has_text(value):
        return None
    return unicodedata.normalize("NFC", clean_text(value.strip()))


def _field(result: object, name: str, *, label: bool = False) -> str | None:
    """A text field of trafilatura's result in NFC; a one-line label when `label`."""
    value = getattr(result, name, None)
    text = _nfc(value) if isinstance(value, str) else None
    return clean_label(text) if label and text else text


def read_html(data: bytes | str, *, source: str | None = None, url: str | None = None) -> Document:
    """The Document of an HTML page, extracted with trafilatura.

    `Document.text` is the title, a blank line, then the main text, so the segmenter sees the
    title as the first line; the lead and captions the extractor dropped are put back after the
    title. The page's author and date become `author` and `published`.

    Raises:
        EmptyDocumentError: the page has no main text.
    """
    import trafilatura

    if isinstance(data, str):  # from a JSONL field: lone surrogates would stop the parser
        data = clean_text(data)
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
    title = _field(result, "title", label=True)
    # The lead and the photo captions go first, as on the page, unless trafilatura kept them.
    missing = [_nfc(page_lead(data)), *(_nfc(caption) for caption in page_captions(data))]
    restored = [part for part in missing if part is not None and part[:60] not in body]
    if restored:
        body = "\n\n".join([*restored, body])
    return Document(
        text=compose_text(title, body),
        source=source,
        published=parse_published(getattr(result, "date", None)),
        title=title,
        author=_field(result, "author", label=True),
    )
