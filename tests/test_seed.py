"""The seed article against its gold record (../shared/seed/gold.json)."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

import vnreport
from vnreport.evaluation.scoring import token_f1
from vnreport.records import Report

from .conftest import SEED


@pytest.fixture(scope="module")
def gold() -> dict:
    path = SEED / "gold.json"
    if not path.exists():
        pytest.skip("shared/seed is not beside this checkout")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(nlp: Language, seed_text: str) -> Report:
    return vnreport.extract(seed_text, nlp=nlp)


def test_article_fields(report: Report, gold: dict) -> None:
    assert report.title == gold["title"].replace("“", '"').replace("”", '"')
    assert report.author == gold["author"]
    assert report.event_date is not None
    assert report.event_date.iso == gold["event_date"]


def test_officials(report: Report, gold: dict) -> None:
    found = [(o.name, o.title, o.place) for o in report.officials]
    assert found == [(o["name"], o["title"], o["org_place"]) for o in gold["officials"]]


def test_units_and_groups(report: Report, gold: dict) -> None:
    assert {(u.type, u.name) for u in report.admin_units} == {
        (u["type"], u["name"]) for u in gold["admin_units"]
    }
    assert [(g.type, g.name) for g in report.groups] == [
        (g["type"], g["name"]) for g in gold["groups"]
    ]


def test_figures(report: Report, gold: dict) -> None:
    assert [(f.value, f.unit) for f in report.figures] == [
        (f["value"], f["unit"]) for f in gold["figures"]
    ]


def test_recommendations(report: Report, gold: dict) -> None:
    items = report.recommendations
    assert len(items) == len(gold["recommendations"])
    for item, expected in zip(items, gold["recommendations"], strict=True):
        assert item.issuer == expected["issuer"]
        assert token_f1(expected["text"], item.text) >= 0.8


def test_inspection(report: Report) -> None:
    (item,) = report.inspections
    assert (item.kind, item.leader) == ("kiểm tra", "Nguyễn Thị Huế")
    assert item.body is not None
    assert item.body.text == (
        "Đoàn kiểm tra Quy chế dân chủ cơ sở, phong trào Dân vận khéo thành phố Bắc Kạn"
    )
    assert item.topic is not None
    assert token_f1("Quy chế dân chủ cơ sở, phong trào Dân vận khéo", item.topic.text) >= 0.5
    # thành phố Bắc Kạn is the inspecting side, not a target
    assert [(t.type, t.name) for t in item.targets] == [
        ("phường", "Huyền Tụng"),
        ("tổ", "Giao Lâm"),
        ("tổ", "Tổng Nẻng"),
    ]
    assert item.date is not None
    assert item.date.iso.endswith("-09-14")
