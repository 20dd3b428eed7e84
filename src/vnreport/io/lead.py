"""The lead paragraph ("sapo") of a news page, which main-text extractors often leave out."""

from __future__ import annotations

import re
from functools import cache

from vnreport.resources import load_json

_SPACES = re.compile(r"\s+")


@cache
def _xpath() -> str:
    fragments = load_json("html_lead")["class_fragments"]
    tests = " or ".join(f"contains(@class, '{fragment}')" for fragment in fragments)
    return f"//*[self::h2 or self::p or self::div or self::h3][{tests}]"


def page_lead(data: bytes | str) -> str | None:
    """Text of the first element marked as the lead, if the page has one."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return None
    for element in tree.xpath(_xpath()):
        text = _SPACES.sub(" ", element.text_content()).strip()
        if len(text) >= 40:
            return text
    return None
