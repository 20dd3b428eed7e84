"""The `vnreport_groups` component: tổ, tổ dân phố, thôn, bản, xóm, khu phố, ấp, khóm, khu dân cư.

Generic uses ("tổ công tác", "tổ chức", "Tổ quốc", "các tổ dân phố") have no name and are skipped;
"tổ Giao Lâm và Tổng Nẻng" is two tổ. A group's parent is the ward or commune named right after
it ("tổ Giao Lâm, phường Huyền Tụng").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.admin_units import KIND as UNITS_KIND
from vnreport.pipeline.gazetteer import gazetteer
from vnreport.pipeline.segments import content_sentences
from vnreport.pipeline.typed_names import TypedName, TypedNameFinder
from vnreport.records import AdminUnit, ResidentialGroup
from vnreport.resources import load_json
from vnreport.text.normalize import fold
from vnreport.text.script import alternation

KIND = "groups"


@cache
def _finder() -> TypedNameFinder:
    data = load_json("group_types")
    return TypedNameFinder(
        type_words=data["types"],
        numbered_types=frozenset(data["types"].values()),
        plural_markers=frozenset(data["plural_markers"]),
        not_a_name=frozenset(data["not_a_name"]),
        number_prefixes=tuple(data["number_prefix"]),
        capitalised_type_starts_sentence=True,
        numbered_lists=True,
        number_only_types=frozenset(data["number_only"]),
        glued_after_not=frozenset(data["glued_after_not"]),
        lead_words=frozenset(data["lead_words"]),
    )


@cache
def _parents() -> tuple[frozenset[str], re.Pattern[str]]:
    """Unit types a group belongs to, and what may stand between the group and its unit."""
    data = load_json("group_types")
    links = alternation(data["parent_links"])
    return frozenset(data["parent_types"]), re.compile(f"[,(]? ?(?:(?:{links}) )?")


def _parent_of(text: str, end: int, ward_starts: dict[int, AdminUnit], limit: int) -> str | None:
    """The ward or commune whose mention starts right after a group's name."""
    gap = _parents()[1].match(text, end, min(limit, end + 12))
    if gap is None:
        return None
    unit = ward_starts.get(gap.end())
    return f"{unit.type} {unit.name}" if unit else None


def _within(position: int, spans: dict[int, int]) -> bool:
    """Whether `position` lies inside a unit mention (spans: start + 1 → end)."""
    return any(start <= position < end for start, end in spans.items())


def _names_a_unit(text: str, item: TypedName) -> bool:
    """ "Buôn Ma Thuột", "Buôn Hồ": a capitalised type word and name that a unit is called."""
    typed = item.mention_start < item.start
    return (
        typed
        and text[item.mention_start].isupper()
        and gazetteer().knows_name(text[item.mention_start : item.end])
    )


class ResidentialGroupFinder:
    """Finds named residential groups and the ward or commune each belongs to."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[ResidentialGroup]:
        """Groups of the article, merged across mentions, in order of first mention."""
        text = store.text(doc)
        token_starts = store.token_starts(doc)
        units = store.get(doc, UNITS_KIND, AdminUnit)
        ward_starts = {
            mention.start: unit
            for unit in units
            if unit.type in _parents()[0]
            for mention in unit.mentions
        }
        # "thành phố Buôn Ma Thuột", "thôn Làng Khẻ": a type word inside a name starts no group.
        inside = {m.start + 1: m.end for u in units for m in u.mentions}
        finder = _finder()
        grouped: dict[tuple[str, str], list[tuple[TypedName, str | None]]] = defaultdict(list)
        for _, sentence in content_sentences(doc):
            found = [
                item
                for item in finder.find(text, sentence.start, sentence.end, token_starts)
                if not _within(item.mention_start, inside) and not _names_a_unit(text, item)
            ]
            parents = [_parent_of(text, item.end, ward_starts, sentence.end) for item in found]
            # "tổ Giao Lâm và Tổng Nẻng, phường X": the parent after a list applies to all of it.
            shared = next((p for p in reversed(parents) if p), None)
            for item, parent in zip(found, parents, strict=True):
                grouped[(item.type, fold(item.name))].append((item, parent or shared))
        groups: list[ResidentialGroup] = []
        for (group_type, _), items in grouped.items():
            parent = next((p for _, p in items if p), None)
            groups.append(
                ResidentialGroup(
                    type=group_type,
                    name=items[0][0].name,
                    parent=parent,
                    mentions=[store.grounded(text, m.mention_start, m.end) for m, _ in items],
                )
            )
        return groups

    def set_annotations(self, doc: Doc, groups: list[ResidentialGroup]) -> None:
        """Store the groups; each mention is a span labelled with the group type."""
        spans = [(m.start, m.end, g.type) for g in groups for m in g.mentions]
        store.put(doc, KIND, groups, sorted(spans))


@Language.factory("vnreport_groups", requires=["doc.spans"], assigns=["doc.spans"])
def make_group_finder(nlp: Language, name: str) -> ResidentialGroupFinder:
    """Factory of the `vnreport_groups` component."""
    return ResidentialGroupFinder()
