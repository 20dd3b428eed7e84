"""Scoring predicted records against gold records, field by field.

Gold files follow the shape of `../shared/seed/gold.json` (see corpora/README.md). Pure
functions: a `Gold` and a `Prediction` in, counts out; the evaluator adds them up.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from vnreport.records import Report
from vnreport.text.dates import year_for
from vnreport.text.normalize import fold

INSPECTION_ACCURACY = (
    "inspection_kind",
    "inspection_leader",
    "inspection_body",
    "inspection_topic",
)
"""Inspection fields scored as the share of gold inspections whose value is right."""
FIELDS = (
    "officials",
    "titles",
    "places",
    "admin_units",
    "groups",
    "figures",
    "recommendations",
    *INSPECTION_ACCURACY,
    "inspection_targets",
    "inspection_organizations",
    "inspection_members",
)
ACCURACY_FIELDS = ("event_date", "author", "title", "published")
"""One-value fields; `published` is judged only on articles whose gold has the key."""
_WORDS = re.compile(r"\w+")
_PERCENT_WORDS = frozenset({"%", "phần trăm"})
ITEM_OVERLAP = 0.5


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another article's counts."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class InspectionItem:
    """One inspection in comparable form: texts as written, names and targets folded."""

    kind: str
    body: str | None
    leader: str | None
    topic: str | None
    targets: tuple[tuple[str, str], ...]
    organizations: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass
class Prediction:
    """What a system predicted for one article, in comparable form."""

    officials: dict[str, str | None] = field(default_factory=dict)  # name → title
    places: dict[str, str | None] = field(default_factory=dict)  # name → place of the title
    admin_units: list[tuple[str, str]] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)
    figures: list[tuple[float, str]] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    event_date: str | None = None
    event_date_as_written: str | None = None  # the year only when the date expression has it
    author: str | None = None
    title: str | None = None
    published: str | None = None
    has_published: bool = False  # gold only: the record carries the optional `published` key
    inspections: list[InspectionItem] | None = None  # None: the gold does not say


def _unit(unit: str) -> str:
    folded = fold(unit)
    return "%" if folded in _PERCENT_WORDS else folded


def dated_as_report(event_date: str | None, published: str | None) -> str | None:
    """A gold year-less event date ("--09-14") as the Report dates it given the page's dateline."""
    if event_date is None or published is None or not event_date.startswith("--"):
        return event_date
    month, day = int(event_date[2:4]), int(event_date[5:7])
    year = year_for(month, day, dt.date.fromisoformat(published))
    return f"{year:04d}{event_date[1:]}"


def from_gold(gold: dict[str, Any]) -> Prediction:
    """A gold JSON record in comparable form; with `published`, year-less dates get its year."""
    return Prediction(
        officials={fold(o["name"]): o.get("title") for o in gold.get("officials", [])},
        places={fold(o["name"]): o.get("org_place") for o in gold.get("officials", [])},
        admin_units=[(u["type"], fold(u["name"])) for u in gold.get("admin_units", [])],
        groups=[(g["type"], fold(g["name"])) for g in gold.get("groups", [])],
        figures=[(float(f["value"]), _unit(f["unit"])) for f in gold.get("figures", [])],
        recommendations=[r["text"] for r in gold.get("recommendations", [])],
        event_date=dated_as_report(gold.get("event_date"), gold.get("published")),
        author=gold.get("author"),
        title=gold.get("title"),
        published=gold.get("published"),
        has_published="published" in gold,
        inspections=None
        if "inspections" not in gold
        else [
            InspectionItem(
                kind=item["kind"],
                body=item["body"],
                leader=fold(item["leader"]) if item["leader"] else None,
                topic=item["topic"],
                targets=tuple((t["type"], fold(t["name"])) for t in item["targets"]),
                organizations=tuple(item.get("organizations", [])),
                members=tuple(fold(name) for name in item.get("members", [])),
            )
            for item in gold["inspections"]
        ],
    )


def from_report(report: Report) -> Prediction:
    """A vnreport Report in comparable form."""
    return Prediction(
        officials={fold(o.name): o.title for o in report.officials},
        places={fold(o.name): o.place for o in report.officials},
        admin_units=[(u.type, fold(u.name)) for u in report.admin_units],
        groups=[(g.type, fold(g.name)) for g in report.groups],
        figures=[(float(f.value), _unit(f.unit)) for f in report.figures],
        recommendations=[r.text for r in report.recommendations],
        event_date=report.event_date.iso if report.event_date else None,
        event_date_as_written=_as_written(report),
        author=report.author,
        title=report.title,
        published=report.published.isoformat() if report.published else None,
        inspections=[
            InspectionItem(
                kind=item.kind,
                body=item.body.text if item.body else None,
                leader=fold(item.leader) if item.leader else None,
                topic=item.topic.text if item.topic else None,
                targets=tuple((t.type, fold(t.name)) for t in item.targets),
                organizations=tuple(o.text for o in item.organizations),
                members=tuple(fold(name) for name in item.members),
            )
            for item in report.inspections
        ],
    )


def _as_written(report: Report) -> str | None:
    """The event date without a year the text does not write (one taken from the dateline)."""
    event = report.event_date
    if event is None:
        return None
    if event.year is not None and str(event.year) not in event.span.text:
        return event.model_copy(update={"year": None}).iso
    return event.iso


def _multiset(gold: list[Any], predicted: list[Any]) -> Counts:
    gold_count, predicted_count = Counter(gold), Counter(predicted)
    tp = sum((gold_count & predicted_count).values())
    return Counts(tp=tp, fp=sum(predicted_count.values()) - tp, fn=sum(gold_count.values()) - tp)


def _distinct(gold: list[Any], predicted: list[Any]) -> Counts:
    return _multiset(list(dict.fromkeys(gold)), list(dict.fromkeys(predicted)))


def token_f1(left: str, right: str) -> float:
    """Overlap of the word multisets of two texts, as F1."""
    a, b = Counter(_WORDS.findall(fold(left))), Counter(_WORDS.findall(fold(right)))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(b.values()), common / sum(a.values())
    return 2 * precision * recall / (precision + recall)


def _items(gold: list[str], predicted: list[str]) -> Counts:
    unmatched = list(predicted)
    tp = 0
    for item in gold:
        scored = [(token_f1(item, candidate), i) for i, candidate in enumerate(unmatched)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= ITEM_OVERLAP:
            tp += 1
            unmatched.pop(best[1])
    return Counts(tp=tp, fp=len(unmatched), fn=len(gold) - tp)


def same_title(gold: str | None, predicted: str | None) -> bool:
    """Titles agree when equal after folding, or when one is the other plus a trailing name."""
    if gold is None or predicted is None:
        return gold == predicted
    a, b = fold(gold).rstrip(" ."), fold(predicted).rstrip(" .")
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    rest = longer[len(shorter) :]
    return longer.startswith(shorter) and rest.startswith(" ") and rest.strip()[:1].isalpha()


def _same_phrase(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold == predicted
    return token_f1(gold, predicted) >= ITEM_OVERLAP


def _shared(gold: InspectionItem, predicted: InspectionItem) -> int:
    """How many targets and organizations two inspections have in common."""
    organizations = _items(list(gold.organizations), list(predicted.organizations)).tp
    return len(set(gold.targets) & set(predicted.targets)) + organizations


def _pair_inspections(
    gold: list[InspectionItem], predicted: list[InspectionItem]
) -> list[tuple[InspectionItem, InspectionItem | None]]:
    """Gold inspections with their predicted match: main to main, then by shared targets or
    organizations, else the first left of the same kind (a meeting after a visit names none)."""
    pairs: list[tuple[InspectionItem, InspectionItem | None]] = []
    unmatched = list(predicted[1:]) if gold and predicted else list(predicted)
    for index, item in enumerate(gold):
        if index == 0 and predicted:
            pairs.append((item, predicted[0]))
            continue
        overlap = [(_shared(item, candidate), i) for i, candidate in enumerate(unmatched)]
        best = max(overlap, default=(0, -1))
        if not best[0]:
            kind = next((i for i, c in enumerate(unmatched) if c.kind == item.kind), None)
            pairs.append((item, unmatched.pop(kind) if kind is not None else None))
            continue
        pairs.append((item, unmatched.pop(best[1])))
    return pairs


INSPECTION_SETS = ("inspection_targets", "inspection_organizations", "inspection_members")
"""Inspection fields scored as P/R/F1 over the items of paired inspections."""


def score_inspections(gold: Prediction, predicted: Prediction) -> dict[str, Counts]:
    """Counts of the inspection fields; nothing when the gold has no inspections key."""
    counts = {name: Counts() for name in (*INSPECTION_ACCURACY, *INSPECTION_SETS)}
    if gold.inspections is None:
        return counts
    found = predicted.inspections or []
    pairs = _pair_inspections(gold.inspections, found)
    for item, match in pairs:
        checks = {
            "inspection_kind": match is not None and item.kind == match.kind,
            "inspection_leader": match is not None and item.leader == match.leader,
            "inspection_body": match is not None and _same_phrase(item.body, match.body),
            "inspection_topic": match is not None and _same_phrase(item.topic, match.topic),
        }
        for name, ok in checks.items():
            counts[name].add(Counts(tp=int(ok), fp=int(not ok)))
        targets = list(match.targets) if match is not None else []
        counts["inspection_targets"].add(_distinct(list(item.targets), targets))
        organizations = list(match.organizations) if match is not None else []
        counts["inspection_organizations"].add(_items(list(item.organizations), organizations))
        members = list(match.members) if match is not None else []
        counts["inspection_members"].add(_distinct(list(item.members), members))
    paired = [match for _, match in pairs if match is not None]
    for extra in (item for item in found if all(item is not m for m in paired)):
        counts["inspection_targets"].add(Counts(fp=len(set(extra.targets))))
        counts["inspection_organizations"].add(Counts(fp=len(extra.organizations)))
        counts["inspection_members"].add(Counts(fp=len(set(extra.members))))
    return counts


def score(gold: Prediction, predicted: Prediction) -> dict[str, Counts]:
    """Counts per field for one article."""
    matched = [name for name in gold.officials if name in predicted.officials]
    correct_titles = sum(same_title(gold.officials[n], predicted.officials[n]) for n in matched)
    correct_places = sum(
        fold(gold.places.get(n) or "") == fold(predicted.places.get(n) or "") for n in matched
    )
    return {
        "officials": _distinct(list(gold.officials), list(predicted.officials)),
        "titles": Counts(tp=correct_titles, fp=len(matched) - correct_titles, fn=0),
        "places": Counts(tp=correct_places, fp=len(matched) - correct_places, fn=0),
        "admin_units": _distinct(gold.admin_units, predicted.admin_units),
        "groups": _distinct(gold.groups, predicted.groups),
        "figures": _multiset(gold.figures, predicted.figures),
        "recommendations": _items(gold.recommendations, predicted.recommendations),
        **score_inspections(gold, predicted),
    }


def accuracy(gold: Prediction, predicted: Prediction) -> dict[str, bool]:
    """Exact agreement of the one-value fields (`published` only when the gold states it)."""
    author_ok = (gold.author is None and predicted.author is None) or (
        gold.author is not None
        and predicted.author is not None
        and fold(gold.author) == fold(predicted.author)
    )
    agreed = {
        # Without a gold dateline the convention is the year as written in the date expression.
        "event_date": gold.event_date
        == (predicted.event_date if gold.has_published else predicted.event_date_as_written),
        "author": author_ok,
        "title": _same_headline(gold.title, predicted.title),
    }
    if gold.has_published:
        agreed["published"] = gold.published == predicted.published
    return agreed


def _same_headline(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold == predicted
    return fold(gold).rstrip(" .") == fold(predicted).rstrip(" .")
