from __future__ import annotations

import pytest
from spacy.language import Language

import vnreport


def units(nlp: Language, sentence: str) -> list[tuple[str, str]]:
    report = vnreport.extract("Tiêu đề bài viết\n\n" + sentence, nlp=nlp)
    return [(u.type, u.name) for u in report.admin_units]


# fmt: off
CASES = [
    ("Đoàn làm việc tại phường Huyền Tụng.", [("phường", "Huyền Tụng")]),
    ("Đoàn làm việc tại TP.Bắc Kạn.", [("thành phố", "Bắc Kạn")]),
    ("Đoàn về TP. Hồ Chí Minh và TX. Sa Pa.", [("thành phố", "Hồ Chí Minh"), ("thị xã", "Sa Pa")]),
    ("Kiểm tra tại TT. Chợ Rã, H. Ba Bể.", [("thị trấn", "Chợ Rã"), ("huyện", "Ba Bể")]),
    ("Đoàn đến phường 5, Quận 8.", [("phường", "5"), ("quận", "8")]),
    ("Phường Huyền Tụng đã ban hành kế hoạch.", [("phường", "Huyền Tụng")]),
    ("Đoàn kiểm tra các xã Tân Hòa, Tân Lập và Tân Tiến.",
     [("xã", "Tân Hòa"), ("xã", "Tân Lập"), ("xã", "Tân Tiến")]),
    ("Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu dự họp.", [("tỉnh", "Lạng Sơn")]),
    ("Đoàn làm việc tại phường Hà Giang 1.", [("phường", "Hà Giang 1")]),
    ("Đoàn đến phường Xuân Hương - Đà Lạt.", [("phường", "Xuân Hương - Đà Lạt")]),  # post-2025
    ("Phát triển kinh tế – xã hội và thành phố văn minh.", []),
    ("Chủ tịch UBND thành phố Ngô Hồng Oanh dự họp.", []),       # a person, not a city
    ("UBND thành phố và Đảng ủy phường đã chỉ đạo.", []),
    ("Kỳ họp thứ 7 HĐND tỉnh Khóa XII đã bế mạc.", []),           # a council's term, not a name
    # after a lone "và", a name the gazetteer doesn't know begins another body
    ("Đoàn làm việc với Công an xã Tân Mỹ và Trường Mầm non Hoa Sen.", [("xã", "Tân Mỹ")]),
    ("Đoàn kiểm tra Đảng bộ xã Hải Sơn và Chi bộ Trường THCS Hải Sơn.", [("xã", "Hải Sơn")]),
    ("Đoàn đến xã Tân Hòa và Tân Lập của huyện Quan Hóa.",
     [("xã", "Tân Hòa"), ("xã", "Tân Lập"), ("huyện", "Quan Hóa")]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_admin_units(nlp: Language, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert units(nlp, sentence) == expected


def test_mentions_merge_across_forms(nlp: Language) -> None:
    report = vnreport.extract(
        "Tiêu đề\n\nĐoàn đến thành phố Bắc Kạn. Tại TP.Bắc Kạn, đoàn làm việc.", nlp=nlp
    )
    (unit,) = report.admin_units
    assert [m.text for m in unit.mentions] == ["thành phố Bắc Kạn", "TP.Bắc Kạn"]


def test_resolution_uses_the_article_context(nlp: Language) -> None:
    report = vnreport.extract(
        "Tiêu đề\n\nĐoàn làm việc tại phường Huyền Tụng, thành phố Bắc Kạn, tỉnh Bắc Kạn.", nlp=nlp
    )
    ward = next(u for u in report.admin_units if u.name == "Huyền Tụng")
    assert ward.resolved is not None
    assert ward.resolved.province == "Tỉnh Bắc Kạn"
    assert ward.resolved.new_province == "Tỉnh Thái Nguyên"  # merged in the July 2025 reform
    assert ward.resolved.new_name == "Phường Đức Xuân"
    assert ward.resolved.new_code == "01840"  # the current ward's official code


def test_current_units_carry_their_codes(nlp: Language) -> None:
    report = vnreport.extract(
        "Tiêu đề\n\nĐoàn làm việc tại phường Đức Xuân, tỉnh Thái Nguyên.", nlp=nlp
    )
    codes = {(u.type, u.name): u.resolved.code for u in report.admin_units if u.resolved}
    assert codes == {("phường", "Đức Xuân"): "01840", ("tỉnh", "Thái Nguyên"): "19"}


def test_ambiguous_names_list_candidates_instead_of_guessing(nlp: Language) -> None:
    report = vnreport.extract("Tiêu đề\n\nĐoàn làm việc tại xã Tân Lập.", nlp=nlp)
    (unit,) = report.admin_units
    assert unit.resolved is None
    assert len(unit.candidates) > 1
    assert {c.name for c in unit.candidates} == {"Tân Lập"}


def test_a_type_word_the_segmenter_joins_to_uy_still_names_a_unit(nlp: Language) -> None:
    # the CRF model writes "Đảng ủy xã Vinh Thanh" as "Đảng | ủy xã | Vinh Thanh"
    report = vnreport.extract("Tin\n\nĐoàn làm việc với Đảng ủy xã Vinh Thanh.", nlp=nlp)
    assert [(u.type, u.name) for u in report.admin_units] == [("xã", "Vinh Thanh")]


@pytest.mark.parametrize(
    ("text", "units", "officials"),
    [
        # some xã is named Lê Hồng; after a title's "tỉnh" the words are a person's name
        (
            "Tin\n\nTham gia đoàn có Phó Chủ tịch Ủy ban MTTQ tỉnh Lê Hồng Sơn.",
            [],
            ["Lê Hồng Sơn"],
        ),
        (
            "Tin\n\nĐoàn làm việc tại xã Lê Hồng, huyện Thanh Miện.",
            [("xã", "Lê Hồng"), ("huyện", "Thanh Miện")],
            [],
        ),
    ],
)
def test_a_person_after_a_titles_unit_word_is_no_unit_named_like_a_commune(
    nlp: Language, text: str, units: list[tuple[str, str]], officials: list[str]
) -> None:
    report = vnreport.extract(text, nlp=nlp)
    assert [(u.type, u.name) for u in report.admin_units] == units
    assert [o.name for o in report.officials] == officials
