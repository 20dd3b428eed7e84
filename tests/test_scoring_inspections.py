"""Scoring inspections: main to main, kind and leader exact, body and topic by token overlap."""

from __future__ import annotations

from typing import Any

import pytest

from vnreport.evaluation.scoring import Counts, from_gold, score_inspections


def _gold(*items: dict[str, Any]) -> dict[str, Any]:
    return {"inspections": list(items)}


def _item(**changes: Any) -> dict[str, Any]:
    item = {
        "kind": "kiểm tra",
        "body": "Đoàn kiểm tra của UBND huyện Chợ Mới",
        "leader": "Lý Văn Thắng",
        "members": [],
        "topic": "tiến độ xây dựng nông thôn mới",
        "targets": [{"type": "xã", "name": "Yên Đĩnh"}, {"type": "thôn", "name": "Bản Pá"}],
        "organizations": [],
        "date": None,
    }
    return item | changes


def _counts(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    scored = score_inspections(from_gold(gold), from_gold(predicted))
    return {name: (c.tp, c.fp, c.fn) for name, c in scored.items()}


ALL_RIGHT = {
    "inspection_kind": (1, 0, 0),
    "inspection_leader": (1, 0, 0),
    "inspection_body": (1, 0, 0),
    "inspection_topic": (1, 0, 0),
    "inspection_targets": (2, 0, 0),
    "inspection_organizations": (0, 0, 0),
    "inspection_members": (0, 0, 0),
}

# fmt: off
CASES = [
    (_item(), _item(), ALL_RIGHT),
    (_item(), _item(topic="tiến độ xây dựng nông thôn mới nâng cao", body="Đoàn kiểm tra của UBND huyện"),
     ALL_RIGHT),
    (_item(), _item(kind="làm việc", leader=None, topic="công tác cải cách hành chính"),
     ALL_RIGHT | {"inspection_kind": (0, 1, 0), "inspection_leader": (0, 1, 0),
                  "inspection_topic": (0, 1, 0)}),
    (_item(body=None), _item(body=None), ALL_RIGHT),
    (_item(body=None), _item(), ALL_RIGHT | {"inspection_body": (0, 1, 0)}),
    (_item(), _item(targets=[{"type": "xã", "name": "Yên Đĩnh"}, {"type": "huyện", "name": "Chợ Mới"}]),
     ALL_RIGHT | {"inspection_targets": (1, 1, 1)}),
    # organizations: token overlap of at least one half, like the other phrases
    (_item(organizations=["Trường THCS Yên Đĩnh"]), _item(organizations=["Trường THCS Yên Đĩnh"]),
     ALL_RIGHT | {"inspection_organizations": (1, 0, 0)}),
    (_item(organizations=["Công ty TNHH Chế biến nông sản Bắc Hà"]),
     _item(organizations=["Công ty TNHH Chế biến nông sản Bắc Hà ở xã Yên Đĩnh"]),
     ALL_RIGHT | {"inspection_organizations": (1, 0, 0)}),
    (_item(organizations=["Trạm Y tế xã Yên Đĩnh", "Công an xã Yên Đĩnh"]),
     _item(organizations=["Trạm Y tế xã Yên Đĩnh", "Trường Mầm non Hoa Sen"]),
     ALL_RIGHT | {"inspection_organizations": (1, 1, 1)}),
    (_item(organizations=["Hợp tác xã Nông nghiệp và Dịch vụ Tân Tiến"]),
     _item(organizations=["Hợp tác xã"]),
     ALL_RIGHT | {"inspection_organizations": (0, 1, 1)}),
    # members: the names, folded, each once
    (_item(members=["Ngô Thị Lan", "Hà Văn Tùng"]), _item(members=["ngô thị lan", "Lê Văn Tâm"]),
     ALL_RIGHT | {"inspection_members": (1, 1, 1)}),
]
# fmt: on


@pytest.mark.parametrize(("gold", "predicted", "expected"), CASES)
def test_one_inspection(
    gold: dict[str, Any], predicted: dict[str, Any], expected: dict[str, tuple[int, int, int]]
) -> None:
    assert _counts(_gold(gold), _gold(predicted)) == expected


def test_a_missing_prediction_is_wrong_on_every_field() -> None:
    counts = _counts(_gold(_item()), _gold())
    assert counts == {
        "inspection_kind": (0, 1, 0),
        "inspection_leader": (0, 1, 0),
        "inspection_body": (0, 1, 0),
        "inspection_topic": (0, 1, 0),
        "inspection_targets": (0, 0, 2),
        "inspection_organizations": (0, 0, 0),
        "inspection_members": (0, 0, 0),
    }


def test_an_extra_prediction_costs_target_precision() -> None:
    second = _item(targets=[{"type": "xã", "name": "Thanh Thịnh"}])
    assert _counts(_gold(_item()), _gold(_item(), second))["inspection_targets"] == (2, 1, 0)


def test_a_gold_record_without_the_key_is_not_scored() -> None:
    scored = score_inspections(from_gold({}), from_gold(_gold(_item())))
    assert all(counts == Counts() for counts in scored.values())


SECOND = _item(
    kind="làm việc",
    body="Đoàn kiểm tra của UBND huyện Chợ Mới",
    topic="công tác giải ngân vốn đầu tư công",
    targets=[{"type": "xã", "name": "Thanh Thịnh"}],
    organizations=["Trường Tiểu học Thanh Thịnh"],
)


def test_a_second_activity_is_paired_by_its_targets_not_its_position() -> None:
    other = _item(kind="thăm", targets=[{"type": "xã", "name": "Như Cố"}], topic=None)
    counts = _counts(_gold(_item(), SECOND), _gold(_item(), other, SECOND))
    assert counts["inspection_kind"] == (2, 0, 0)
    assert counts["inspection_topic"] == (2, 0, 0)
    assert counts["inspection_targets"] == (3, 1, 0)  # the unpaired prediction costs precision
    assert counts["inspection_organizations"] == (1, 0, 0)


def test_a_second_activity_can_be_paired_by_an_organization_alone() -> None:
    predicted = SECOND | {"targets": []}
    counts = _counts(_gold(_item(), SECOND), _gold(_item(), predicted))
    assert counts["inspection_kind"] == (2, 0, 0)
    assert counts["inspection_targets"] == (2, 0, 1)
    assert counts["inspection_organizations"] == (1, 0, 0)


def test_a_missed_second_activity_is_wrong_on_every_field() -> None:
    counts = _counts(_gold(_item(), SECOND), _gold(_item()))
    assert counts["inspection_kind"] == (1, 1, 0)
    assert counts["inspection_targets"] == (2, 0, 1)
    assert counts["inspection_organizations"] == (0, 0, 1)


def test_an_unpaired_prediction_costs_organization_precision() -> None:
    other = _item(targets=[{"type": "xã", "name": "Như Cố"}], organizations=["Công an xã Như Cố"])
    assert _counts(_gold(_item()), _gold(_item(), other))["inspection_organizations"] == (0, 1, 0)


def test_a_second_activity_without_places_is_paired_by_its_kind() -> None:
    meeting = _item(kind="họp", targets=[], topic=None, body=None)
    visit = _item(kind="thăm", targets=[{"type": "xã", "name": "Như Cố"}])
    counts = _counts(_gold(_item(), meeting), _gold(_item(), visit, meeting))
    assert counts["inspection_kind"] == (2, 0, 0)
    assert counts["inspection_leader"] == (2, 0, 0)
    assert counts["inspection_targets"] == (2, 1, 0)  # the unpaired visit costs precision
