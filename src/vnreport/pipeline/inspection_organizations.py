"""Inspected bodies that are not units: "Trường THCS …", "Công an xã …", "HTX …", "Công ty …"."""

from __future__ import annotations

from vnreport.pipeline.inspection_article import Article, lexicon
from vnreport.records import Span

_ORGANIZATION_REACH = 80


def organizations(article: Article, start: int, end: int) -> list[Span]:
    """Inspected bodies that are not units: "Trung tâm Phục vụ hành chính công phường X"."""
    lex, text = lexicon(), article.text
    found: list[Span] = []
    for head in lex.organization.finditer(text, start, end):
        if found and head.start() < found[-1].end:
            continue
        if any(
            p.start <= head.start() < p.end
            for p in article.places_in(head.start() - 40, head.end())
        ):
            continue  # "phường Trường Sơn": a unit's name, not a school
        if " " not in head.group() and not _named_after(article, head.end()):
            continue  # "chợ" alone names no body
        span = article.span(head.start(), _organization_end(article, head.end(), end))
        if span is not None:
            found.append(span)
    return found


def _named_after(article: Article, position: int) -> bool:
    """Whether a name or a unit follows a one-word head ("Trường THCS …", "Trạm xã …")."""
    following = article.text[position + 1 : position + 2]
    return following.isupper() or bool(article.places_in(position, position + 2))


def _organization_end(article: Article, start: int, end: int) -> int:
    """Where an organization's name from `start` ends: at a linking word, or after its unit."""
    lex, text = lexicon(), article.text
    limit = min(end, start + _ORGANIZATION_REACH)
    finish = limit
    for stop in lex.organization_end.finditer(text, start, limit):
        named_on = stop.group() == " và " and text[stop.end() : stop.end() + 1].isupper()
        if named_on and lex.organization.match(text, stop.end()) is None:
            continue  # "HTX Nông nghiệp và Dịch vụ Tân Tiến": one name
        finish = stop.start()
        break
    places = article.places_in(start, finish)
    return places[0].end if places else finish
