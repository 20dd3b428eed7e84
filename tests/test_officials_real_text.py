"""Officials as real pages write them: any case, short forms, ranks, every order and origin.

The sentences are this team's own, written in the shapes real portal articles use.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import vnreport
from vnreport.records import Official


def officials(nlp: Language, sentence: str) -> list[Official]:
    return vnreport.extract("Tiêu đề bài viết\n\n" + sentence, nlp=nlp).officials


# fmt: off
CASES = [
    # sentence, name, rank, title, place
    # titles in lower case
    ("Tại buổi làm việc, phó chủ tịch UBND xã Trần Văn Khải cho biết xã đã làm tốt.",
     "Trần Văn Khải", None, "phó chủ tịch UBND xã", None),
    ("Theo bí thư Đảng ủy phường Nguyễn Thị Hoa, phường Tân Mai đã hoàn thành.",
     "Nguyễn Thị Hoa", None, "bí thư Đảng ủy phường", "phường Tân Mai"),
    ("Ông Lê Minh, giám đốc Sở Nội vụ tỉnh Quảng Trị cho biết.",
     "Lê Minh", None, "giám đốc Sở Nội vụ tỉnh Quảng Trị", "tỉnh Quảng Trị"),
    ("Bà Vi Thị Nga, trưởng phòng Tài chính – Kế hoạch huyện báo cáo.",
     "Vi Thị Nga", None, "trưởng phòng Tài chính", None),
    # short forms and chains
    ("Ông Hoàng Văn Páo, UVBTV Huyện ủy, PCT UBND huyện làm Trưởng đoàn.",
     "Hoàng Văn Páo", None, "UVBTV Huyện ủy, PCT UBND huyện", None),
    ("Dự họp có bà Ma Thị Lanh, HUV, Bí thư Đảng ủy xã Yên Hân.",
     "Ma Thị Lanh", None, "HUV, Bí thư Đảng ủy xã Yên Hân", "xã Yên Hân"),
    ("Đồng chí Triệu Đức Minh, TUV, Phó Giám đốc Sở Y tế phát biểu.",
     "Triệu Đức Minh", None, "TUV, Phó Giám đốc Sở Y tế", None),
    ("Ông Đặng Quốc Khánh, Phó Bí thư Huyện ủy – Chủ tịch HĐND huyện chủ trì.",
     "Đặng Quốc Khánh", None, "Phó Bí thư Huyện ủy – Chủ tịch HĐND huyện", None),
    ("Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Lường Văn Ón dự.",
     "Lường Văn Ón", None, "Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện", None),
    ("Ông Hà Văn Chung, Trưởng Ban Chỉ huy phòng cháy, chữa cháy rừng huyện kiểm tra.",
     "Hà Văn Chung", None, "Trưởng Ban Chỉ huy phòng cháy, chữa cháy rừng huyện", None),
    ("Bà Vũ Thị Hằng, phó trưởng phòng Kinh tế, Hạ tầng và Đô thị phường cho biết.",
     "Vũ Thị Hằng", None, "phó trưởng phòng Kinh tế, Hạ tầng và Đô thị phường", None),
    ("Bí thư Chi bộ kiêm Trưởng thôn Nà Làng Nông Văn Sỹ cho biết.",
     "Nông Văn Sỹ", None, "Bí thư Chi bộ kiêm Trưởng thôn Nà Làng", None),
    # beyond local government
    ("Đại biểu Quốc hội Hà Thị Lan tiếp xúc cử tri xã Phúc Ninh.",
     "Hà Thị Lan", None, "Đại biểu Quốc hội", None),
    ("Bà Lò Thị Việt, Phó Trưởng đoàn ĐBQH chuyên trách tỉnh dự buổi tiếp xúc.",
     "Lò Thị Việt", None, "Phó Trưởng đoàn ĐBQH chuyên trách tỉnh", None),
    ("Ông Cầm Văn Đoàn, Bí thư Chi bộ khu phố 3 phát biểu.",
     "Cầm Văn Đoàn", None, "Bí thư Chi bộ khu phố 3", None),
    ("Anh Tòng Văn Thịnh, Bí thư Đoàn Thanh niên xã Chiềng Sơn, báo cáo.",
     "Tòng Văn Thịnh", None, "Bí thư Đoàn Thanh niên xã Chiềng Sơn", "xã Chiềng Sơn"),
    ("Thượng tá Vũ Văn Tâm, Phó Trưởng Công an huyện cho biết.",
     "Vũ Văn Tâm", "Thượng tá", "Phó Trưởng Công an huyện", None),
    ("Cùng đi có Trưởng Công an xã Trung tá Phan Đình Lộc.",
     "Phan Đình Lộc", "Trung tá", "Trưởng Công an xã", None),
    ("Đồng chí Đại tá Lê Hữu Nghĩa, Chỉ huy trưởng Ban Chỉ huy Quân sự tỉnh kết luận.",
     "Lê Hữu Nghĩa", "Đại tá", "Chỉ huy trưởng Ban Chỉ huy Quân sự tỉnh", None),
    ("Cô Phạm Thu Hà, Hiệu trưởng Trường Tiểu học Đông Hòa giới thiệu.",
     "Phạm Thu Hà", None, "Hiệu trưởng Trường Tiểu học Đông Hòa", None),
    ("Bác sĩ Đinh Văn Quyết, Giám đốc Trung tâm Y tế huyện cho hay.",
     "Đinh Văn Quyết", None, "Giám đốc Trung tâm Y tế huyện", None),
    ("Ông Sùng Mí Pó, Trưởng bản Sà Phìn cho biết bản có 60 hộ.",
     "Sùng Mí Pó", None, "Trưởng bản Sà Phìn", None),
    # orders
    ("Chủ tịch UBND phường Tân Mai, ông Đỗ Văn Quang cho biết.",
     "Đỗ Văn Quang", None, "Chủ tịch UBND phường Tân Mai", "phường Tân Mai"),
    ("Chủ tịch UBND Hà Nội Nguyễn Văn Bình chủ trì cuộc họp.",
     "Nguyễn Văn Bình", None, "Chủ tịch UBND Hà Nội", "thành phố Hà Nội"),
    ("Giám đốc Sở Y tế Nghệ An Phan Thị Lụa phát biểu.",
     "Phan Thị Lụa", None, "Giám đốc Sở Y tế Nghệ An", "tỉnh Nghệ An"),
    # names of every origin (the text reader makes a curly apostrophe straight)
    ("Bà H’Lan Byă, Phó Chủ tịch UBND xã Ea Kao phát biểu.",
     "H'Lan Byă", None, "Phó Chủ tịch UBND xã Ea Kao", "xã Ea Kao"),
    ("Phó Chủ tịch UBND xã H'Yim Kđoh cho biết.", "H'Yim Kđoh", None, "Phó Chủ tịch UBND xã", None),
    ("Ông Ksor Nhơn, Chủ tịch Hội Nông dân xã dự.", "Ksor Nhơn", None, "Chủ tịch Hội Nông dân xã", None),
    ("Ông Rơ Mah Hlim, Bí thư Đảng ủy xã Ia Grai cho biết.",
     "Rơ Mah Hlim", None, "Bí thư Đảng ủy xã Ia Grai", "xã Ia Grai"),
    ("Ông Danh Út, Trưởng ấp Cây Gòn báo cáo.", "Danh Út", None, "Trưởng ấp Cây Gòn", None),
    ("Bà Sơn Thị Sà Ry, Chủ tịch Hội LHPN xã phát biểu.",
     "Sơn Thị Sà Ry", None, "Chủ tịch Hội LHPN xã", None),
    ("Chủ tịch UBND xã Mương Văn Sòi chủ trì.", "Mương Văn Sòi", None, "Chủ tịch UBND xã", None),
    ("Ông Bế Văn Đầu, Trưởng xóm Nà Rì cho biết.", "Bế Văn Đầu", None, "Trưởng xóm Nà Rì", None),
    ("Sau đó, phó chủ tịch Khải vẫn xuống từng thôn.", "Khải", None, "phó chủ tịch", None),
    ("Theo ông Lò Văn Pọm, “trưởng bản” Nà Hin, bản đã có đường bê tông.",
     "Lò Văn Pọm", None, "trưởng bản", None),
    ("Năm 1998, phó trưởng Ty Giáo dục Lạng Sơn Hoàng Văn Thụ về thăm trường.",
     "Hoàng Văn Thụ", None, "phó trưởng Ty Giáo dục Lạng Sơn", "tỉnh Lạng Sơn"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "name", "rank", "title", "place"), CASES)
def test_official_as_real_text_writes_it(
    nlp: Language, sentence: str, name: str, rank: str | None, title: str, place: str | None
) -> None:
    (official,) = officials(nlp, sentence)
    assert (official.name, official.rank, official.title, official.place) == (
        name,
        rank,
        title,
        place,
    )


# fmt: off
EXPANDED = [
    ("Bà Lò Thị Mai, PCT TT HĐND huyện dự họp.",
     "Phó Chủ tịch Thường trực Hội đồng nhân dân huyện"),
    ("Ông Lê Văn Bảo, UVBTV Huyện ủy, PBT Đảng ủy xã dự.",
     "Ủy viên Ban Thường vụ Huyện ủy, Phó Bí thư Đảng ủy xã"),
    ("Ông Vàng A Chứ, Phó CT UBND xã dự.", "Phó Chủ tịch Ủy ban nhân dân xã"),
    ("Ông Lò Văn Khiêm, uỷ viên BTV Huyện uỷ, Chủ tịch UBMTTQ huyện dự.",
     "ủy viên Ban Thường vụ Huyện ủy, Chủ tịch Ủy ban Mặt trận Tổ quốc huyện"),
    ("Ông Hà Văn Sơn, UVTW Đảng, Bí thư Tỉnh ủy dự.", "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expanded"), EXPANDED)
def test_short_forms_are_expanded(nlp: Language, sentence: str, expanded: str) -> None:
    (official,) = officials(nlp, sentence)
    assert official.title_expanded == expanded


# fmt: off
NOT_OFFICIALS = [
    "Bệnh nhân P.N.Q. được đưa về phường Phước Hòa.",          # initials
    "Bà H.T.P (47 tuổi) ở tổ 3 đã khỏi bệnh.",                 # initials
    "Ông Hoàng Văn Lợi, người dân thôn Nà Phạ, cho biết.",     # a resident
    "Bí thư Đoàn Thanh niên các xã đã nhận nhiệm vụ.",          # a title and a body, no name
    "Đồng chí TRẦN VĂN AN Chủ tịch UBND huyện",                 # a sidebar in capitals
    "Ông An là Chủ tịch .",                                     # a title before the stop
]
# fmt: on


@pytest.mark.parametrize("sentence", NOT_OFFICIALS)
def test_not_officials_in_real_text(nlp: Language, sentence: str) -> None:
    assert officials(nlp, sentence) == []


def test_a_title_governs_a_name_that_looks_like_a_place(nlp: Language) -> None:
    report = vnreport.extract(
        "Tiêu đề\n\nChủ tịch UBND huyện Nông Văn Dìn cho biết huyện Bảo Lâm đã làm tốt.", nlp=nlp
    )
    assert [o.name for o in report.officials] == ["Nông Văn Dìn"]
    assert [(u.type, u.name) for u in report.admin_units] == [("huyện", "Bảo Lâm")]


def test_a_rank_alone_with_a_name_is_an_officer(nlp: Language) -> None:
    (official,) = officials(nlp, "Trung tá Lô Văn Máy dẫn đoàn đi kiểm tra các điểm chốt.")
    assert (official.name, official.rank, official.title) == ("Lô Văn Máy", "Trung tá", None)


# fmt: off
PLACES = [
    # a residential group's title belongs to the group's commune
    ("Tại xã Cổ Linh, ông Nông Văn Sao, Trưởng thôn Khuổi Khí cho biết.", "xã Cổ Linh"),
    ("Ông Thạch Văn Rươl, Trưởng khóm 3, thị trấn Định An báo cáo.", "thị trấn Định An"),
    # a unit named just before the title is the one meant, though another is named more
    ("Đoàn làm việc tại phường Minh Khai. Phường Minh Khai có 12 tổ. Tại phường Nguyễn Trãi, "
     "Phó Chủ tịch UBND phường Lò Văn Chiến báo cáo.", "phường Nguyễn Trãi"),
    # a province-level title takes the province the article's units resolve to
    ("Đoàn kiểm tra tại phường Nhơn Bình. Ông Phan Văn Thành, Phó Trưởng phòng Cảnh sát kinh tế "
     "Công an tỉnh cho biết.", "tỉnh Bình Định"),
]
# fmt: on


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_place_of_a_title(nlp: Language, text: str, place: str) -> None:
    (official,) = officials(nlp, text)
    assert official.place == place


def test_an_event_role_in_a_chain_is_the_role_not_the_title(nlp: Language) -> None:
    (official,) = officials(
        nlp,
        "Đồng chí Đại tá Trịnh Văn Quế - Phó Giám đốc Công an tỉnh - Trưởng Đoàn kiểm tra chủ trì.",
    )
    assert (official.rank, official.title, official.role) == (
        "Đại tá",
        "Phó Giám đốc Công an tỉnh",
        "Trưởng đoàn",
    )
