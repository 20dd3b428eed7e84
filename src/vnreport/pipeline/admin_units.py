"""The `vnreport_admin_units` component: tỉnh, thành phố, quận, huyện, thị xã, phường, xã …

Each unit is found from its type word (full or abbreviated) and name, merged across mentions,
and resolved against the gazetteer using the other units the article names.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.gazetteer import gazetteer
from vnreport.pipeline.segments import content_sentences
from vnreport.pipeline.typed_names import TypedName, TypedNameFinder
from vnreport.records import AdminUnit, GazetteerUnit
from vnreport.resources import load_json
from vnreport.text.normalize import fold

KIND = "admin_units"
_MAX_CANDIDATES = 12


@cache
def _finder() -> TypedNameFinder:
    data = load_json("admin_types")
    extra = {(kind, fold(name)) for kind, names in data["extra_names"].items() for name in names}
    return TypedNameFinder(
        type_words=data["types"],
        numbered_types=frozenset(data["numbered_types"]),
        plural_markers=frozenset(data["plural_markers"]),
        not_a_name=frozenset(data["not_a_name"]),
        known=lambda unit_type, name: (
            gazetteer().knows(unit_type, name) or (unit_type, fold(name)) in extra
        ),
        known_name=lambda name: gazetteer().knows_name(name),
        unknown_names_are_people=True,
        whole_forms={form: (kind, name) for form, (kind, name) in data["whole_forms"].items()},
        name_tails=frozenset(data["name_tails"]),
        glued_after=frozenset(data["glued_after"]),
        inner_words=frozenset(
            word
            for names in data["extra_names"].values()
            for name in names
            for word in name.split(" ")
            if word.islower()
        ),
    )


def find_mentions(doc: Doc) -> list[TypedName]:
    """Every typed unit mention in the content sentences of `doc`."""
    text = store.text(doc)
    token_starts = store.token_starts(doc)
    finder = _finder()
    return [
        found
        for _, sentence in content_sentences(doc)
        for found in finder.find(text, sentence.start, sentence.end, token_starts)
    ]


def _score(candidate: GazetteerUnit, context: set[str]) -> int:
    """How well the units the article names fit a candidate's parents (district counts most)."""
    weights = ((candidate.district, 3), (candidate.province, 2), (candidate.new_province, 1))
    return sum(weight for parent, weight in weights if parent and fold(parent) in context)


def resolve(
    unit_type: str, name: str, context: set[str]
) -> tuple[GazetteerUnit | None, list[GazetteerUnit]]:
    """The gazetteer entry the context points to, or None and the candidates when it cannot tell."""
    candidates = gazetteer().lookup(unit_type, name)
    if not candidates:
        return None, []
    if len(candidates) == 1:
        return candidates[0], []
    scored = sorted(((_score(c, context), i) for i, c in enumerate(candidates)), reverse=True)
    best, runner_up = scored[0][0], scored[1][0]
    if best > runner_up:
        return candidates[scored[0][1]], []
    return None, candidates[:_MAX_CANDIDATES]


def build_units(doc: Doc, mentions: list[TypedName]) -> list[AdminUnit]:
    """Merge mentions into units and resolve each against the others."""
    grouped: dict[tuple[str, str], list[TypedName]] = defaultdict(list)
    for mention in mentions:
        grouped[(mention.type, fold(mention.name))].append(mention)
    text = store.text(doc)
    context = {f"{unit_type} {folded}" for unit_type, folded in grouped}
    units: list[AdminUnit] = []
    for (unit_type, _), found in grouped.items():
        first = found[0]
        resolved, candidates = resolve(unit_type, first.name, context)
        spans = [store.grounded(text, m.mention_start, m.end) for m in found]
        units.append(
            AdminUnit(
                type=unit_type,
                name=first.name,
                mentions=spans,
                resolved=resolved,
                candidates=candidates,
            )
        )
    return units


class AdminUnitFinder:
    """Finds, merges and resolves the administrative units an article names."""

    def __call__(self, doc: Doc) -> Doc:
        units = build_units(doc, find_mentions(doc))
        self.set_annotations(doc, units)
        return doc

    def set_annotations(self, doc: Doc, units: list[AdminUnit]) -> None:
        """Store the units; each mention is a span labelled with the unit type."""
        spans: list[tuple[int, int, str]] = []
        for unit in units:
            spans.extend((m.start, m.end, unit.type) for m in unit.mentions)
        store.put(doc, KIND, units, sorted(spans))


@Language.factory("vnreport_admin_units", requires=["doc.spans"], assigns=["doc.spans"])
def make_admin_unit_finder(nlp: Language, name: str) -> AdminUnitFinder:
    """Factory of the `vnreport_admin_units` component."""
    return AdminUnitFinder()
