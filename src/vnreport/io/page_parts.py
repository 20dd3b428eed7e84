"""Parts of a news page that main-text extractors leave out: the lead ("sapo") and captions."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from vnreport.resources import load_json

_SPACES = re.compile(r"\s+")


@cache
def _xpath() -> str:
    fragments = load_json("html_lead")["class_fragments"]
    tests = " or ".join(f"contains(@class, '{fragment}')" for fragment in fragments)
    return f"//*[self::h2 or self::p or self::div or self::h3][{tests}]"


def _tree(data: bytes | str) -> Any:
    import lxml.html

    try:
        return lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return None


def page_lead(data: bytes | str) -> str | None:
    """Text of the first element marked as the lead, if the page has one."""
    tree = _tree(data)
    if tree is None:
        return None
    for element in tree.xpath(_xpath()):
        text = _SPACES.sub(" ", element.text_content()).strip()
        if len(text) >= 40:
            return text
    return None


def page_captions(data: bytes | str) -> list[str]:
    """Texts of the page's photo captions (`<figcaption>`), in page order."""
    tree = _tree(data)
    if tree is None:
        return []
    captions = (_SPACES.sub(" ", e.text_content()).strip() for e in tree.iter("figcaption"))
    return [caption for caption in captions if caption]
