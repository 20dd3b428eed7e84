"""HTML pages: main text, title, author and date; navigation, scripts and comments dropped."""

from __future__ import annotations

from vnreport.document import Document
from vnreport.errors import EmptyDocumentError
from vnreport.io.common import compose_text, parse_published


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
    body = getattr(result, "text", None) if result is not None else None
    if not isinstance(body, str) or not body.strip():
        raise EmptyDocumentError("no article text found in the page", source=source)
    title = getattr(result, "title", None)
    author = getattr(result, "author", None)
    title = title.strip() if isinstance(title, str) and title.strip() else None
    return Document(
        text=compose_text(title, body),
        source=source,
        published=parse_published(getattr(result, "date", None)),
        title=title,
        author=author.strip() if isinstance(author, str) and author.strip() else None,
    )
