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
from vnreport.pipeline.titles import CAPITALISED_RUN, SYLLABLE, lexicon
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


def _named_committee(word: str, unit_type: str, text: str, position: int) -> str | None:
    """The unit a bare committee of the title ("Huyện ủy") is named with elsewhere in the text
    ("Ban Thường vụ Huyện ủy Hải Lăng"): the one named last before `position`, else the first."""
    named: list[tuple[int, str]] = []
    for match in re.finditer(f"(?<!\\w){re.escape(word)} (?={SYLLABLE})", text):
        run = CAPITALISED_RUN.match(text, match.end())
        syllables = run.group().split(" ") if run else []
        for size in range(len(syllables), 0, -1):
            name = " ".join(syllables[:size])
            if gazetteer().lookup(unit_type, name):
                named.append((match.start(), name))
                break
    if not named:
        return None
    before = [pair for pair in named if pair[0] < position]
    return f"{unit_type} {(before[-1] if before else named[0])[1]}"


_BAN_REACH = 300


@cache
def _ban_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """A committee officer's bare title, where the Ban's name before it ends, and each level's
    party committee (resources/titles.json)."""
    data = load_json("titles")
    officer = re.compile(
        "(?i)(?:" + "|".join(map(re.escape, data["ban_officer_titles"])) + ")(?: |$)"
    )
    ends = "|".join(map(re.escape, data["ban_name_ends"]))
    name = re.compile(rf"Ban [^,;.\n]*?(?={ends}|$)")
    return officer, name, dict(data["level_committees"])


def _ban_place(
    title: str, position: int, units: list[AdminUnit], groups: list[ResidentialGroup], text: str
) -> str | None:
    """The place of a committee's officer titled only "Trưởng ban", "Phó Trưởng ban", "ủy viên
    Ban …": the place of the "Ban …" named last before the title ("Đoàn giám sát của Ban Kinh tế
    - Ngân sách HĐND tỉnh X do ông Y, Trưởng ban …")."""
    title_start = position - len(title)
    opening = text.rfind("Ban ", max(0, title_start - _BAN_REACH), title_start)
    name = _ban_patterns()[1].match(text, opening, title_start) if opening >= 0 else None
    if name is None:
        return None
    return place_of(name.group(), name.end(), units, groups, text)[1]


def place_of(
    title: str,
    position: int,
    units: list[AdminUnit],
    groups: list[ResidentialGroup],
    text: str = "",
) -> tuple[str | None, str | None]:
    """(organization, place) of a title at `position`, the place taken from the article's units
    or, for a bare committee ("Huyện ủy"), from where `text` names that committee's unit."""
    lex = lexicon()
    organization = None
    head = lex.head.match(title)
    if head and head.end() < len(title):
        organization = title[head.end() :].strip() or None
    best: tuple[int, int, int, str, str] | None = None
    for word, unit_type in lex.place_words.items():
        index = title.rfind(word)
        if index < 0:
            continue
        # The type word standing last wins; of two ending together ("thị xã", "xã") the longer.
        candidate = (index + len(word), len(word), index, unit_type, word)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        place = _group_place(title, position, units, groups) or _bare_province(title)
        if place is None and _ban_patterns()[0].match(title):
            place = _ban_place(title, position, units, groups, text)
        return organization, place
    _, _, index, unit_type, word = best
    fitting = [unit for unit in units if _has_type(unit, unit_type)]
    tail = title[index:]
    for unit in fitting:
        if unit.name in tail or any(m.text in tail for m in unit.mentions):
            return organization, f"{unit.type} {unit.name}"
    chosen = _chosen(fitting, position)
    if chosen is None:
        place = None
        if unit_type in {"province", "tỉnh"}:
            place = _bare_province(title) or _province_of_units(units)
        if place is None and word.endswith(("ủy", "uỷ")) and title.endswith(word):
            place = _named_committee(word, unit_type, text, position)
        committees = _ban_patterns()[2]
        if place is None and unit_type in committees:
            # "Phó Chủ tịch Ủy ban MTTQ huyện" where the huyện is named only in "Huyện ủy X"
            place = _named_committee(committees[unit_type], unit_type, text, position)
        return organization, place
    return organization, f"{chosen.type} {chosen.name}"
