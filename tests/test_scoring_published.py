"""The scorer with the optional `published` gold key: dated events, and its accuracy row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnreport.evaluation.runner import evaluate_directory
from vnreport.evaluation.scoring import accuracy, dated_as_report, from_gold

# fmt: off
DATED = [
    ("--09-14", "2021-09-20", "2021-09-14"),
    ("--12-28", "2022-01-05", "2021-12-28"),  # later than the dateline: the year before
    ("2020-03-10", "2021-01-01", "2020-03-10"),  # the lead wrote the year
    ("--09-14", None, "--09-14"),
    (None, "2021-09-20", None),
]
# fmt: on


@pytest.mark.parametrize(("event", "published", "expected"), DATED)
def test_gold_event_dates_are_dated_as_the_report_would(
    event: str | None, published: str | None, expected: str | None
) -> None:
    assert dated_as_report(event, published) == expected


def _gold(**keys: object) -> dict[str, object]:
    base: dict[str, object] = {"title": "Tiêu đề", "event_date": "--09-14", "author": None}
    return {**base, **keys}


def test_published_is_judged_only_when_the_gold_states_it() -> None:
    predicted = from_gold(_gold(published="2021-09-20"))
    assert "published" not in accuracy(from_gold(_gold()), predicted)
    assert accuracy(from_gold(_gold(published="2021-09-20")), predicted)["published"]
    assert not accuracy(from_gold(_gold(published=None)), predicted)["published"]


def test_eval_of_pages_with_datelines(tmp_path: Path) -> None:
    page = (
        "Trang chủ | Tin tức | Liên hệ\nTìm kiếm\nKiểm tra tại xã Tân Lập\n\n"
        "Ngày đăng: 05/10/2024\n\nSáng 3/10, đoàn kiểm tra của huyện làm việc tại xã Tân Lập.\n\n"
        "Xã đã hoàn thành kế hoạch năm.\n\nPV\n"
    )
    (tmp_path / "001-tan-lap.txt").write_text(page, encoding="utf-8")
    gold = {
        "title": "Kiểm tra tại xã Tân Lập", "event_date": "--10-03", "author": None,
        "officials": [], "admin_units": [{"type": "xã", "name": "Tân Lập"}], "groups": [],
        "figures": [], "recommendations": [], "published": "2024-10-05",
    }  # fmt: skip
    (tmp_path / "001-tan-lap.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate_directory(tmp_path).as_dict()
    assert {name: scores[name]["accuracy"] for name in ("title", "event_date", "author")} == {
        "title": 1.0,
        "event_date": 1.0,
        "author": 1.0,
    }
    assert scores["published"] == {"accuracy": 1.0}
