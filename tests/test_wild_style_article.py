"""A whole page written the way real portals write one (this team's own text, tests/data)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

import vnreport

ARTICLE = Path(__file__).parent / "data" / "wild_style_article.txt"


def test_a_wild_style_page(nlp: Language) -> None:
    report = vnreport.extract(ARTICLE.read_text(encoding="utf-8"), nlp=nlp)
    officials = {o.name: (o.rank, o.title, o.place) for o in report.officials}
    assert officials == {
        "Y Ngọc Niê": (None, "UVBTV Huyện ủy, PCT UBND huyện", None),
        "H'Lim Byă": (None, "phó chủ tịch UBND xã", "xã Ea Tul"),
        "Lê Văn Quý": ("Trung tá", "Trưởng Công an xã", "xã Ea Tul"),
        "Ksor H'Nhi": (None, "Trưởng buôn Tơng Sê", "xã Ea Tul"),
    }
    leader = next(o for o in report.officials if o.name == "Y Ngọc Niê")
    assert leader.title_expanded == (
        "Ủy viên Ban Thường vụ Huyện ủy, Phó Chủ tịch Ủy ban nhân dân huyện"
    )
    assert len(leader.mentions) == 2
    assert [(u.type, u.name) for u in report.admin_units] == [("xã", "Ea Tul")]
    assert sorted((g.type, g.name) for g in report.groups) == [
        ("buôn", "Ea Tul"), ("buôn", "Kmrơng"), ("buôn", "Tơng Sê"),
        ("thôn", "Tân Lập"), ("tổ", "2"), ("tổ", "3"), ("tổ", "5"),
    ]  # fmt: skip
    for item in report.spans():
        assert report.text[item.start : item.end] == item.text
