"""Quality gate: `vnreport eval` on each corpus split stays above its pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnreport.evaluation.runner import evaluate_directory

from .conftest import CORPORA

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("split", ["dev", "heldout", "wild"])
def test_quality_floors(split: str) -> None:
    scores = evaluate_directory(CORPORA / split).as_dict()
    # Each field has one headline number: its F1, or its accuracy where it has no F1.
    headline = {
        field: values.get("f1", values.get("accuracy", 0.0)) for field, values in scores.items()
    }
    below = {
        field: round(headline[field], 3)
        for field, floor in FLOORS[split].items()
        if headline[field] < floor
    }
    assert below == {}, f"{split}: fields under their floor: {below}"
