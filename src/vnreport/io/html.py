"""HTML pages: main text, title, author and date; navigation, scripts and comments dropped."""

from __future__ import annotations

import unicodedata
from functools import cache

from vnreport.document import Document
from vnreport.errors import EmptyDocumentError
from vnreport.io.common import compose_text, parse_published
from vnreport.io.page_parts import (
    article_blocks,
    page_byline,
    page_captions,
    page_dateline,
    page_headline,
    page_lead,
    parse_tree,
)
from vnreport.resources import load_json
from vnreport.text.byline import parse_byline
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


def _broken(body: str, min_chars: int) -> bool:
    """Whether the extractor's main text is a layout table or a fragment, not the article."""
    lines = [line for line in body.splitlines() if line.strip()]
    table_rows = sum(line.lstrip().startswith("|") for line in lines)
    return len(body) < min_chars or table_rows * 3 >= len(lines)


def read_html(data: bytes | str, *, source: str | None = None, url: str | None = None) -> Document:
    """The Document of an HTML page, extracted with trafilatura and checked against the page.

    `Document.text` is the headline, a blank line, then the main text, so the segmenter sees
    the headline as the first line. The headline is the page's `<h1>` (trafilatura's title
    often carries the site name); the lead, captions and byline the extractor dropped are put
    back; when it returns a layout table or a fragment shorter than an article, the page's
    largest block of paragraphs is taken instead. The page's author and date become `author`
    and `published`, the date read off the page's dateline when the metadata has none.

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
    tree = parse_tree(data)
    if tree is not None and (body is None or _broken(body, _min_article_chars())):
        blocks = [part for part in (_nfc(text) for text in article_blocks(tree)) if part]
        found = sum(map(len, blocks))
        if found >= _min_article_chars() or found > len(body or ""):
            body = "\n\n".join(blocks)
    if body is None:
        raise EmptyDocumentError("no article text found in the page", source=source)
    headline = _nfc(page_headline(tree)) if tree is not None else None
    title = clean_label(headline) if headline else _field(result, "title", label=True)
    author = _field(result, "author", label=True)
    published = parse_published(getattr(result, "date", None))
    if tree is not None:
        body = _restored(body, tree)
        byline = _nfc(page_byline(tree))
        byline = byline if byline and parse_byline(byline) else None  # not "Bởi admin"
        if byline and byline not in body[-200:]:
            body = f"{body}\n\n{byline}"
        author = clean_label(byline) if byline else author
        # the dateline the page shows beats a date the extractor may take from a header widget
        published = page_dateline(tree) or published
    return Document(
        text=compose_text(title, body),
        source=source,
        published=published,
        published_source="page" if published else None,
        title=title,
        author=author,
    )


def _restored(body: str, tree: object) -> str:
    """The body with the lead and captions put first, as on the page, unless already in it."""
    missing = [_nfc(page_lead(tree)), *(_nfc(caption) for caption in page_captions(tree))]
    restored = [part for part in missing if part is not None and part[:60] not in body]
    return "\n\n".join([*restored, body]) if restored else body


@cache
def _min_article_chars() -> int:
    return int(load_json("html_lead")["min_article_chars"])
