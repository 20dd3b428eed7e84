"""Inspected bodies that are not units: "Trường THCS …", "Công an xã …", "HTX …", "Công ty …"."""

from __future__ import annotations

import re

from vnreport.pipeline.inspection_article import Article, lexicon
from vnreport.records import Span

_ORGANIZATION_REACH = 80
_INTRODUCERS = (" với ", " tại ", " ở ", " đến ", " thăm ")
_LEVEL_WORDS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "trấn", "phố"})
_CLAUSE_MARK = re.compile("[,;:.]")


def organizations(article: Article, start: int, end: int) -> list[Span]:
    """Inspected bodies that are not units: "Trung tâm Phục vụ hành chính công phường X"."""
    lex, text = lexicon(), article.text
    found: list[Span] = []
    for head in lex.organization.finditer(text, start, end):
        if found and head.start() < found[-1].end:
            continue
        if lex.organization_blocker.search(text, max(0, head.start() - 20), head.start()):
            continue  # "Nghị quyết Đại hội Đảng bộ phường", "Bí thư Đảng ủy xã"
        if text.startswith(" trưởng", head.end()):
            continue  # "Chi cục trưởng Chi cục Thủy sản": a title, its body named after it
        if text.count('"', start, head.start()) % 2:
            continue  # inside a quoted name: mô hình "Chi hội 5 không, 3 sạch"
        if any(
            p.start <= head.start() < p.end
            for p in article.places_in(head.start() - 40, head.end())
        ):
            continue  # "phường Trường Sơn": a unit's name, not a school
        span = article.span(head.start(), _organization_end(article, head.end(), end))
        if span is None or not _named(article, head.start(), head.end(), span.end):
            continue
        if text.endswith(" do ", 0, head.start()) and _owns(text, span.end):
            continue  # "các dự án do Ban Quản lý dự án … làm chủ đầu tư": the owner
        if lex.plural_units.search(span.text):
            continue  # "Ủy ban MTTQ Việt Nam các xã A, B và C": one body of each, none named
        if head.group() in lex.establishments and not _proper(article, head.end(), span.end):
            continue  # "cơ sở kinh doanh thức ăn đường phố": no name, a kind of place
        if found and _parent_address(article, found[-1], span):
            continue  # "Chi bộ thôn X, Đảng bộ xã Y": the branch's parent, as its address
        found.append(span)
    return found


def _owns(text: str, end: int) -> bool:
    """Whether an owner marker follows in the same clause ("… và công nghiệp tỉnh làm chủ đầu
    tư")."""
    owner = lexicon().owner.search(text, end, min(len(text), end + _ORGANIZATION_REACH))
    return owner is not None and not _CLAUSE_MARK.search(text, end, owner.start())


def _proper(article: Article, start: int, end: int) -> bool:
    """Whether a capitalised word follows a lower-case head before any place: "nhà nghỉ Tràng
    An Xanh", not "nhà hàng trên địa bàn xã Yên Lư"."""
    places = article.places_in(start, end)
    words = article.text[start : places[0].start if places else end].split()
    return any(word[:1].isupper() for word in words)


def _parent_address(article: Article, previous: Span, body: Span) -> bool:
    """Whether `body` follows `previous` after a comma and is of a higher unit's level."""
    if article.text[previous.end : body.start] != ", ":
        return False
    inner, outer = (
        article.places_in(previous.start, previous.end),
        article.places_in(body.start, body.end),
    )
    return bool(inner and outer) and outer[-1].level < inner[-1].level


def _named(article: Article, head: int, start: int, end: int) -> bool:
    """Whether the words after a head name a body: a capital, a number or a unit ("Trường THCS
    X", "Trạm cấp nước buôn Y"); "Công an xã" in "Luật Công an xã" names none, in "làm việc với
    Công an xã" the commune's."""
    words = article.text[start:end].split()
    named = any(word[:1].isupper() or word[:1].isdigit() for word in words)
    # "Ban Quản lý dự án đầu tư xây dựng huyện": a body of the level it ends with
    of_level = bool(words) and words[-1] in _LEVEL_WORDS
    introduced = len(words) > 1 or article.text.endswith(_INTRODUCERS, 0, head)
    return named or (of_level and introduced) or bool(article.places_in(start, end))


def _organization_end(article: Article, start: int, end: int) -> int:
    """Where an organization's name from `start` ends: at a linking word, or after its unit."""
    lex, text = lexicon(), article.text
    limit = min(end, start + _ORGANIZATION_REACH)
    finish = limit
    for stop in lex.organization_end.finditer(text, start, limit):
        named_on = stop.group() == " và " and text[stop.end() : stop.end() + 1].isupper()
        another = lex.organization.match(text, stop.end()) or lex.unit_body_head.match(
            text, stop.end()
        )  # "… và Nhà thuốc Minh Châu", "… và UBND xã Quảng Châu": another body
        if named_on and another is None:
            continue  # "HTX Nông nghiệp và Dịch vụ Tân Tiến": one name
        if text[start : stop.end() - 1].lower().endswith(lex.preposition_compounds):
            continue  # "Công ty CP Đầu tư Nhà ở xã hội X": "ở" of "nhà ở"
        finish = stop.start()
        break
    places = article.places_in(start, finish)
    return places[0].end if places else finish
