"""Parts of a news page that main-text extractors miss or mangle: the headline, the lead
("sapo"), captions, the byline, the dateline, and the article block itself."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from vnreport.resources import load_json
from vnreport.text.page_lines import dateline, is_date_widget

_SPACES = re.compile(r"\s+")
_BLOCKS = ("p", "h2", "h3", "figcaption", "li", "blockquote")
_CHROME = ("nav", "header", "footer", "aside", "form", "script", "style", "noscript")


def _text(element: Any) -> str:
    return str(_SPACES.sub(" ", element.text_content()).strip())


def _class_test(fragments: list[str]) -> str:
    return " or ".join(f"contains(@class, '{fragment}')" for fragment in fragments)


@cache
def _lead_xpath() -> str:
    tests = _class_test(load_json("html_lead")["class_fragments"])
    return f"//*[self::h2 or self::p or self::div or self::h3][{tests}]"


@cache
def _byline_xpath() -> str:
    tests = _class_test(load_json("html_lead")["byline_class_fragments"])
    return f"//*[self::div or self::p or self::span or self::strong][{tests}]"


def parse_tree(data: bytes | str) -> Any:
    """The page's element tree, or None when lxml cannot parse it."""
    import lxml.html

    try:
        return lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return None


def page_lead(tree: Any) -> str | None:
    """Text of the first element marked as the lead, if the page has one."""
    for element in tree.xpath(_lead_xpath()):
        text = _text(element)
        if len(text) >= 40:
            return text
    return None


def page_captions(tree: Any) -> list[str]:
    """Texts of the page's photo captions (`<figcaption>`), in page order."""
    captions = (_text(element) for element in tree.iter("figcaption"))
    return [caption for caption in captions if caption]


def page_headline(tree: Any) -> str | None:
    """The article's own headline: the page's first `<h1>` with text."""
    for element in tree.iter("h1"):
        text = _text(element)
        if text:
            return text
    return None


def page_byline(tree: Any) -> str | None:
    """Text of an element the page marks as the byline (class "author", "byline" …)."""
    for element in tree.xpath(_byline_xpath()):
        text = _text(element)
        if text and len(text) <= 80:
            return text
    return None


def page_dateline(tree: Any) -> dt.date | None:
    """The date of the first short element that is a dateline ("Cập nhật lúc … ngày …"), not
    a header's date widget ("Thứ Sáu, 14/03/2025": the day the page was served)."""
    for element in tree.iter("span", "div", "p", "time", "td", "em"):
        text = _text(element)
        if 6 <= len(text) <= 80 and not is_date_widget(text):
            date = dateline(text)
            if date is not None:
                return date
    return None


def _in_chrome(element: Any) -> bool:
    return any(ancestor.tag in _CHROME for ancestor in element.iterancestors())


def article_blocks(tree: Any) -> list[str]:
    """The paragraphs of the page's largest block of text: the `<article>`, else the element
    whose paragraphs hold the most text. For pages whose main text the extractor missed."""
    articles = [a for a in tree.iter("article") if _text(a)]
    scope = articles[0] if articles else tree
    totals: dict[Any, int] = {}
    for paragraph in scope.iter("p"):
        if not _in_chrome(paragraph):
            parent = paragraph.getparent()
            totals[parent] = totals.get(parent, 0) + len(_text(paragraph))
    if not totals:
        return []
    block = max(totals, key=lambda element: totals[element])
    texts = (_text(e) for e in block.iter(*_BLOCKS) if e.getparent() is block or e.tag != "p")
    return [text for text in dict.fromkeys(texts) if text]
