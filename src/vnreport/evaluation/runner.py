"""`vnreport eval`: per-field precision, recall and F1 of the pipeline against gold corpora."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vnreport.document import Document
from vnreport.errors import VnreportError
from vnreport.evaluation.scoring import (
    ACCURACY_FIELDS,
    FIELDS,
    INSPECTION_ACCURACY,
    Counts,
    Prediction,
    accuracy,
    from_gold,
    score,
)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
GOLD_SUFFIX = ".gold.json"
# Fields scored as the share of matched officials whose value is right.
_MATCHED_ACCURACY = ("titles", "places", *INSPECTION_ACCURACY)


@dataclass
class Scores:
    """Counts summed over a corpus, and one-value field agreement."""

    articles: int = 0
    fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})
    agreed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ACCURACY_FIELDS, 0))
    judged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ACCURACY_FIELDS, 0))

    def add(self, gold: Prediction, predicted: Prediction) -> None:
        """Add one article's comparison."""
        self.articles += 1
        for name, counts in score(gold, predicted).items():
            self.fields[name].add(counts)
        for name, ok in accuracy(gold, predicted).items():
            self.agreed[name] += ok
            self.judged[name] += 1

    def share(self, name: str) -> float:
        """The share of judged articles whose one-value field `name` agrees with the gold."""
        return self.agreed[name] / self.judged[name] if self.judged[name] else 0.0

    def as_dict(self) -> dict[str, dict[str, float]]:
        """Scores as plain numbers, for gates and JSON output."""
        result = {
            name: {"precision": c.precision, "recall": c.recall, "f1": c.f1}
            for name, c in self.fields.items()
            if name not in _MATCHED_ACCURACY
        }
        for name in _MATCHED_ACCURACY:
            result[name] = {"accuracy": self.fields[name].precision}
        for name in self.agreed:
            if self.judged[name]:
                result[name] = {"accuracy": self.share(name)}
        return result


def gold_pairs(directory: Path) -> Iterator[tuple[Path, Path]]:
    """(article, gold) file pairs of a corpus directory, in name order."""
    for gold in sorted(directory.glob(f"*{GOLD_SUFFIX}")):
        stem = gold.name[: -len(GOLD_SUFFIX)]
        for suffix in ARTICLE_SUFFIXES:
            article = gold.with_name(stem + suffix)
            if article.exists():
                yield article, gold
                break


def _read_article(path: Path) -> Document | None:
    """The article as the pipeline gets it: a .txt verbatim, an HTML page through its reader
    (main text, and the page's own title, author and date)."""
    if path.suffix == ".txt":
        return Document(text=path.read_text(encoding="utf-8"), source=str(path))
    try:
        from vnreport.io import read_path
    except ImportError:  # readers not installed in this checkout
        return None
    return next(iter(read_path(path)))


def evaluate_directory(directory: Path, *, system: str = "vnreport") -> Scores:
    """Score `system` ("vnreport" or "underthesea") on every gold article in `directory`."""
    from vnreport.evaluation.scoring import from_report
    from vnreport.pipeline.run import extract_document

    scores = Scores()
    for article, gold_path in gold_pairs(directory):
        gold = from_gold(json.loads(gold_path.read_text(encoding="utf-8")))
        document = _read_article(article)
        if document is None or not document.text:
            continue
        if system == "underthesea":
            from vnreport.evaluation.baseline import predict

            predicted = predict(document.text)
        else:
            predicted = from_report(extract_document(document))
        scores.add(gold, predicted)
    return scores


def covered_fields(system: str) -> frozenset[str]:
    """The fields a system predicts at all; the others print as "–" rather than as zeros."""
    if system == "underthesea":
        from vnreport.evaluation.baseline import COVERED_FIELDS

        return COVERED_FIELDS
    return frozenset(FIELDS) | frozenset(ACCURACY_FIELDS)


def _row_label(name: str) -> str:
    if name in INSPECTION_ACCURACY:
        return f"{name} (accuracy)"
    return f"{name} (acc. on matched)" if name in _MATCHED_ACCURACY else name


def table(title: str, columns: dict[str, Scores]) -> Table:
    """A rich table with one column group per system."""
    output = Table(title=title)
    output.add_column("field", no_wrap=True)
    for system in columns:
        output.add_column(f"{system} P", justify="right")
        output.add_column(f"{system} R", justify="right")
        output.add_column(f"{system} F1", justify="right")
    for name in FIELDS:
        row = [_row_label(name)]
        for system, scores in columns.items():
            counts = scores.fields[name]
            if name not in covered_fields(system):
                row += ["", "", "–"]
            elif name in _MATCHED_ACCURACY:
                row += ["", "", f"{counts.precision:.3f}"]
            else:
                row += [f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}"]
        output.add_row(*row)
    for name in ACCURACY_FIELDS:
        if not any(scores.judged[name] for scores in columns.values()):
            continue  # no gold of this corpus states it (`published` is optional)
        row = [f"{name} (accuracy)"]
        for system, scores in columns.items():
            value = scores.share(name)
            row += ["", "", f"{value:.3f}" if name in covered_fields(system) else "–"]
        output.add_row(*row)
    return output


def run(
    directories: list[Path],
    *,
    baseline: str | None = None,
    json_output: bool = False,
    console: Console | None = None,
) -> int:
    """Score the pipeline on each corpus directory and print one table per directory."""
    # Two systems side by side need more than a pipe's default 80 columns.
    console = console or Console(width=None if sys.stdout.isatty() else 120)
    if baseline not in (None, "underthesea"):
        raise VnreportError(f"unknown baseline {baseline!r}; the one available is 'underthesea'")
    for directory in directories:  # every folder checked before any is scored
        if not directory.is_dir():
            raise VnreportError(f"{directory} is not a directory of articles and .gold.json files")
        if next(gold_pairs(directory), None) is None:
            raise VnreportError(
                f"{directory} holds no gold records: nothing to score. Each article "
                f"(NAME{'/'.join(ARTICLE_SUFFIXES)}) needs NAME{GOLD_SUFFIX} beside it "
                "(see corpora/README.md)"
            )
    results: dict[str, dict[str, Scores]] = {}
    for directory in directories:
        columns = {"vnreport": evaluate_directory(directory)}
        if baseline:
            columns[baseline] = evaluate_directory(directory, system=baseline)
        results[str(directory)] = columns
    if json_output:
        payload = {d: {s: c.as_dict() for s, c in cols.items()} for d, cols in results.items()}
        console.print_json(json.dumps(payload))
        return 0
    for name, columns in results.items():
        articles = next(iter(columns.values())).articles
        console.print(table(f"{name} ({articles} articles)", columns))
    return 0
