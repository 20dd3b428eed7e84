"""What one line of a saved page is: menu, widget, counter, footer, dateline or head chrome.

Pure functions over one stripped line; `vnreport.text.page` uses them to find where the article
starts and ends. Patterns are data (`resources/boilerplate.json`, `resources/dates.json`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from vnreport.resources import load_json
from vnreport.text.script import LOWER_LETTERS, UPPER, UPPER_LETTERS, alternation

# Separators of menus and breadcrumbs: "Trang chủ | Tin tức", "Trang chủ » Tin tức" (the
# normalizer turns "»" into a straight quote).
_MENU_SEPARATOR = re.compile(r"\s*[|»›]\s*|\s+[>/\"]\s+")
# A leaders' panel in a sidebar: "Đồng chí LƯƠNG VĂN HÒA Bí thư Huyện ủy".
_PANEL_MEMBER = re.compile(rf"(?:Đồng chí|Đ/c|Ông|Bà) (?:{UPPER}{{2,}} ){{2,4}}\S[^\n]{{0,80}}")
_BULLET = re.compile(r"^[•·▪►]\s*")
_CLOCK = re.compile(r"\d{1,2}[:h]\d{2}")
_WEEKDAY = re.compile(r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)[, ]", re.IGNORECASE)


@dataclass(frozen=True)
class _Patterns:
    tail: re.Pattern[str]
    line: re.Pattern[str]
    head: re.Pattern[str]
    dateline: re.Pattern[str]
    iso_dateline: re.Pattern[str]
    menu_part_words: int


@cache
def _patterns() -> _Patterns:
    data = load_json("boilerplate")
    dates = load_json("dates")

    def joined(key: str) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(data[key]) + r")\s*", re.IGNORECASE)

    date, time = dates["dateline_date"], dates["dateline_time"]
    cue = alternation(dates["dateline_cues"])
    tools = alternation(dates["dateline_tools"])
    counters = alternation(dates["dateline_counters"])
    authors = alternation(dates["dateline_authors"])
    weekday = r"(?:(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)[, –-]+)?"
    gap = r"[ ,|–-]*"

    def dated(day: str) -> re.Pattern[str]:
        return re.compile(
            rf"(?:(?:{cue})[ ]?:?[ ]*)?{weekday}(?:ngày[ ]*)?(?:{time}{gap}(?:ngày[ ]*)?)?{day}"
            rf"(?:{gap}(?:lúc[ ]*)?{time})?[ ]*(?:\(?gmt[ ]?[+-]?[ ]?\d{{1,2}}(?::?\d{{2}})?\)?)?"
            rf"(?:[ ]*[|–-]?[ ]*(?:(?:{counters}):?[ ]*)?[\d.]+)?"
            rf"(?:[ ]*[|–-][ ]*(?:{tools}))*"
            rf"(?:[ ]*[|–-][ ]*(?:{authors})[ ]*:[^|\n]{{1,60}})?[ ]*[|–-]?",
            re.IGNORECASE,
        )

    return _Patterns(
        joined("tail"),
        joined("line"),
        joined("head"),
        dated(date),
        dated(dates["dateline_iso_date"]),
        data["menu_part_words"],
    )


def starts_tail(line: str) -> bool:
    """Whether the line opens the page furniture after the article ("Tin cùng chuyên mục")."""
    return _patterns().tail.fullmatch(line) is not None


def is_menu(line: str) -> bool:
    """A menu or breadcrumb: two or more short parts joined by "|", "»", ">" or " / "."""
    if line.endswith("."):  # most lines are sentences: no need to split them
        return False
    parts = _MENU_SEPARATOR.split(line)
    if len(parts) < 2:
        return False
    limit = _patterns().menu_part_words
    return all(len(part.split()) <= limit for part in parts)


def menu_items(line: str) -> frozenset[str]:
    """The items of a menu line, case-folded ("Trang chủ | Giám sát - Khảo sát | …")."""
    if not is_menu(line):
        return frozenset()
    return frozenset(part.strip().casefold() for part in _MENU_SEPARATOR.split(line))


def _unbulleted(line: str) -> str:
    """The line without a list bullet: "• Cập nhật: 19/11/2020"."""
    return _BULLET.sub("", line, count=1)


def is_debris(line: str) -> bool:
    """A widget, counter, share link, menu, image placeholder or leaders' panel line."""
    line = _unbulleted(line)
    if _patterns().line.fullmatch(line) or is_menu(line) or dateline(line) is not None:
        return True
    return _PANEL_MEMBER.fullmatch(line) is not None or _is_panel_heading(line)


def _is_panel_heading(line: str) -> bool:
    return line.startswith("LÃNH ĐẠO") and is_all_capitals(line)


def is_head_chrome(line: str) -> bool:
    """Chrome that stands before a headline: a site name, a ticker, a kicker ("Phú Thọ:")."""
    return _patterns().head.fullmatch(line) is not None


def is_all_capitals(line: str) -> bool:
    """Whether every letter of the line is a capital ("CỔNG THÔNG TIN ĐIỆN TỬ")."""
    letters = [c for c in line if c in UPPER_LETTERS or c in LOWER_LETTERS]
    return len(letters) >= 2 and all(c in UPPER_LETTERS for c in letters)


def dateline(line: str) -> dt.date | None:
    """The date a dateline gives ("09:05, 21/05/2021", "Ngày đăng: 14/09/2021"), else None."""
    if len(line) > 80:
        return None
    line = _unbulleted(line)
    match = _patterns().dateline.fullmatch(line) or _patterns().iso_dateline.fullmatch(line)
    if match is None:
        return None
    try:
        date = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
    return date if 1990 <= date.year <= 2100 else None


def is_date_widget(line: str) -> bool:
    """A "Thứ Ba, 14/09/2021" line: today's date in a page header, not the article's; with a
    time ("Thứ năm - 19/09/2024 16:05") it is the article's dateline."""
    untimed = _CLOCK.search(line) is None
    return untimed and _WEEKDAY.match(line) is not None and dateline(line) is not None
