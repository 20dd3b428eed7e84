"""The place an official's title belongs to: "UBND tỉnh Lạng Sơn" → tỉnh Lạng Sơn.

A title that names its unit gives it. A title of a unit type without a name ("Phó Chủ tịch UBND
xã") takes the unit of that type the article names most, and of those the one named last before
the title. A title of a residential group ("Trưởng thôn Nà Pài", "Bí thư Chi bộ ấp 3") takes the
ward or commune of the group. A province named without its type ("UBND Hà Nội") is its place.
"""

from __future__ import annotations

import re
from functools import cache

from vnreport.pipeline.gazetteer import gazetteer, split_type
from vnreport.pipeline.titles import CAPITALISED_RUN, lexicon
from vnreport.records import AdminUnit, ResidentialGroup
from vnreport.resources import load_json
from vnreport.text.script import trie_pattern

_COMMUNE_TYPES = frozenset({"xã", "phường", "thị trấn", "đặc khu"})


@cache
def _group_word() -> re.Pattern[str]:
    words = {word.lower() for word in load_json("group_types")["types"]} | {"khu"}
    # "Giám đốc dự án của tổ chức": "tổ chức" names no group.
    others = trie_pattern(load_json("titles")["not_group_words"])
    return re.compile(f"(?<!\\w)(?!(?:{others})(?!\\w))(?:{trie_pattern(words)})(?!\\w)")


def _has_type(unit: AdminUnit, unit_type: str) -> bool:
    """Whether `unit` is of `unit_type`; "province" means a tỉnh or a centrally run city."""
    if unit_type != "province":
        return unit.type == unit_type
    if unit.type == "tỉnh":
        return True
    entries = [unit.resolved, *unit.candidates] if unit.resolved else unit.candidates
    return unit.type == "thành phố" and any(e.code and e.district is None for e in entries if e)


def _bare_province(title: str) -> str | None:
    """A province or centrally run city named without its type word ("UBND Hà Nội")."""
    for run in CAPITALISED_RUN.finditer(title):
        syllables = run.group().split(" ")
        for size in range(min(3, len(syllables)), 1, -1):
            name = " ".join(syllables[-size:])
            for unit_type in ("tỉnh", "thành phố"):
                entries = gazetteer().lookup(unit_type, name)
                if any(e.code and e.district is None and e.province is None for e in entries):
                    return f"{unit_type} {name}"
    return None


_NEAR = 100  # "Tại phường X, Phó Chủ tịch UBND phường …": a unit named just before is the one


def _chosen(fitting: list[AdminUnit], position: int) -> AdminUnit | None:
    """Of the units that fit, one named just before `position`; else the one named most, and of
    those the last named before `position`."""
    near = [
        (m.start, unit)
        for unit in fitting
        for m in unit.mentions
        if position - _NEAR <= m.start < position
    ]
    if near:
        return max(near, key=lambda pair: pair[0])[1]
    best: tuple[int, int, int] | None = None
    chosen = None
    for index, unit in enumerate(fitting):
        before = [m.start for m in unit.mentions if m.start < position]
        key = (len(unit.mentions), max(before) if before else -1, -index)
        if best is None or key > best:
            best, chosen = key, unit
    return chosen


def _province_of_units(units: list[AdminUnit]) -> str | None:
    """The province the article's resolved units lie in, written "tỉnh X" or "thành phố X"."""
    for unit in units:
        resolved = unit.resolved
        province = resolved and (resolved.province or resolved.new_province)
        if province:
            unit_type, name = split_type(province)
            if unit_type:
                return f"{unit_type} {name}"
    return None


def _group_place(
    title: str, position: int, units: list[AdminUnit], groups: list[ResidentialGroup]
) -> str | None:
    """The ward or commune of a residential group's title ("Trưởng thôn Nà Pài")."""
    if _group_word().search(title.lower()) is None:
        return None
    for group in groups:
        if group.parent and f"{group.type} {group.name}" in title:
            return group.parent
    chosen = _chosen([u for u in units if u.type in _COMMUNE_TYPES], position)
    return f"{chosen.type} {chosen.name}" if chosen else None


def place_of(
    title: str, position: int, units: list[AdminUnit], groups: list[ResidentialGroup]
) -> tuple[str | None, str | None]:
    """(organization, place) of a title at `position`, the place taken from the article's units."""
    lex = lexicon()
    organization = None
    head = lex.head.match(title)
    if head and head.end() < len(title):
        organization = title[head.end() :].strip() or None
    best: tuple[int, int, int, str] | None = None
    for word, unit_type in lex.place_words.items():
        index = title.rfind(word)
        if index < 0:
            continue
        # The type word standing last wins; of two ending together ("thị xã", "xã") the longer.
        candidate = (index + len(word), len(word), index, unit_type)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        group_place = _group_place(title, position, units, groups)
        return organization, group_place or _bare_province(title)
    _, _, index, unit_type = best
    fitting = [unit for unit in units if _has_type(unit, unit_type)]
    tail = title[index:]
    for unit in fitting:
        if unit.name in tail or any(m.text in tail for m in unit.mentions):
            return organization, f"{unit.type} {unit.name}"
    chosen = _chosen(fitting, position)
    if chosen is None:
        if unit_type in {"province", "tỉnh"}:
            return organization, _bare_province(title) or _province_of_units(units)
        return organization, None
    return organization, f"{chosen.type} {chosen.name}"
