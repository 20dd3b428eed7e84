from __future__ import annotations

import pytest
from spacy.language import Language

import vnreport
from vnreport.records import Official


def officials(nlp: Language, sentence: str) -> list[Official]:
    return vnreport.extract("Tiêu đề bài viết\n\n" + sentence, nlp=nlp).officials


# fmt: off
CASES = [
    # sentence, name, honorific, title, place, role
    ("Sáng 14/9, đồng chí Nguyễn Thị Huế – Phó Chủ tịch UBND thành phố làm Trưởng đoàn kiểm tra "
     "tại thành phố Bắc Kạn.",
     "Nguyễn Thị Huế", "đồng chí", "Phó Chủ tịch UBND thành phố", "thành phố Bắc Kạn", "Trưởng đoàn"),
    ("Làm việc với đoàn có ông Phạm Văn Nồng, Phó Bí thư Thường trực Đảng ủy phường Huyền Tụng.",
     "Phạm Văn Nồng", "ông", "Phó Bí thư Thường trực Đảng ủy phường Huyền Tụng",
     "phường Huyền Tụng", None),
    ("Tại tỉnh Cao Bằng, bà Lò Thị Mai (Chủ tịch Hội LHPN tỉnh) phát biểu.",
     "Lò Thị Mai", "bà", "Chủ tịch Hội LHPN tỉnh", "tỉnh Cao Bằng", None),
    ("Phó Trưởng Ban Dân vận Tỉnh ủy Hà Văn Tùng cho biết tỉnh Lạng Sơn làm tốt.",
     "Hà Văn Tùng", None, "Phó Trưởng Ban Dân vận Tỉnh ủy", "tỉnh Lạng Sơn", None),
    ("Trưởng đoàn Đinh Văn Lê đề nghị xã tiếp tục thực hiện.",
     "Đinh Văn Lê", None, "Trưởng đoàn", None, "Trưởng đoàn"),
    ("Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu chủ trì.",
     "Hồ Tiến Thiệu", None, "Chủ tịch UBND tỉnh Lạng Sơn", "tỉnh Lạng Sơn", None),
    ("Ông Giàng Mí Sính, Chủ tịch UBND phường Hà Giang 1 cho biết.",
     "Giàng Mí Sính", "ông", "Chủ tịch UBND phường Hà Giang 1", "phường Hà Giang 1", None),
    ("Tại phường Nguyễn Trãi, Phó Chủ tịch UBND phường Lò Văn Chiến báo cáo.",
     "Lò Văn Chiến", None, "Phó Chủ tịch UBND phường", "phường Nguyễn Trãi", None),
    ("Tại thành phố Buôn Ma Thuột, ông Y Jôn Mlô, Phó Chủ tịch UBND thành phố cho biết.",
     "Y Jôn Mlô", "ông", "Phó Chủ tịch UBND thành phố", "thành phố Buôn Ma Thuột", None),
    ("Bà H'Bia Niê Kdăm, Chủ tịch Ủy ban MTTQ phường Tân Lợi phát biểu.",
     "H'Bia Niê Kdăm", "bà", "Chủ tịch Ủy ban MTTQ phường Tân Lợi", "phường Tân Lợi", None),
    ("Đoàn của TP. Hồ Chí Minh do bà Trần Mỹ Linh, Phó Giám đốc Sở Xây dựng làm Trưởng đoàn.",
     "Trần Mỹ Linh", "bà", "Phó Giám đốc Sở Xây dựng", "thành phố Hồ Chí Minh", "Trưởng đoàn"),
    ("Tại tỉnh Sóc Trăng, ông Thạch Sô Phanh, Giám đốc Sở Nông nghiệp cho biết.",
     "Thạch Sô Phanh", "ông", "Giám đốc Sở Nông nghiệp", "tỉnh Sóc Trăng", None),
    ("Tại thành phố Lạng Sơn, Chủ tịch UBND thành phố Ngô Hồng Oanh dự họp.",
     "Ngô Hồng Oanh", None, "Chủ tịch UBND thành phố", "thành phố Lạng Sơn", None),
    ("Bà Đoàn Thị Hạnh, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự.",
     "Đoàn Thị Hạnh", "bà", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh", None, None),
    # a committee's officer by a bare title takes the place of the Ban named before
    ("Đoàn giám sát của Ban Văn hóa - Xã hội HĐND tỉnh Bắc Giang do bà Lê Thị Thu, Phó Trưởng ban "
     "làm trưởng đoàn đã giám sát tại xã Tư Mại.",
     "Lê Thị Thu", "bà", "Phó Trưởng ban", "tỉnh Bắc Giang", "Trưởng đoàn"),
    ("Ban Dân tộc tỉnh Sơn La do ông Lò Văn Pằn, Trưởng ban dẫn đầu đã khảo sát tại xã Mường Bú.",
     "Lò Văn Pằn", "ông", "Trưởng ban", "tỉnh Sơn La", None),
    ("Sáng 5/3, ông Lý Văn Tài, Thị ủy viên, PCT HĐND thị xã làm trưởng đoàn.",
     "Lý Văn Tài", "ông", "Thị ủy viên, PCT HĐND thị xã", None, "Trưởng đoàn"),
    # Cham and S'tiêng family names, the title before them
    ("Chủ tịch UBND xã Phước Hải Đàng Văn Lợi cho biết xã đã đạt 15 tiêu chí.",
     "Đàng Văn Lợi", None, "Chủ tịch UBND xã Phước Hải", "xã Phước Hải", None),
    ("Chủ tịch UBND xã Bom Bo Điểu Văn Tâm cho biết xã có 12 hộ nghèo.",
     "Điểu Văn Tâm", None, "Chủ tịch UBND xã Bom Bo", "xã Bom Bo", None),
    # a huyện named only in its party committee's name
    ("Ban Dân vận Huyện ủy Yên Thế khảo sát mô hình; cùng đi có ông Đào Văn Sơn, Phó Chủ tịch Ủy "
     "ban MTTQ huyện.",
     "Đào Văn Sơn", "ông", "Phó Chủ tịch Ủy ban MTTQ huyện", "huyện Yên Thế", None),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "name", "honorific", "title", "place", "role"), CASES)
def test_official(
    nlp: Language,
    sentence: str,
    name: str,
    honorific: str | None,
    title: str,
    place: str | None,
    role: str | None,
) -> None:
    (official,) = officials(nlp, sentence)
    assert (official.name, official.honorific, official.title) == (name, honorific, title)
    assert (official.place, official.role) == (place, role)


def test_bare_mentions_join_the_person(nlp: Language) -> None:
    (official,) = officials(
        nlp, "Ông Phạm Văn Nồng, Phó Bí thư Đảng ủy phường cho biết. Theo ông Nồng, phường làm tốt."
    )
    assert [m.text for m in official.mentions] == ["Ông Phạm Văn Nồng", "ông Nồng"]


def test_expanded_title(nlp: Language) -> None:
    (official,) = officials(nlp, "Bà Lò Thị Mai, Phó Chủ tịch HĐND xã dự họp.")
    assert official.title_expanded == "Phó Chủ tịch Hội đồng nhân dân xã"


# fmt: off
NOT_OFFICIALS = [
    "Đoàn kiểm tra Quy chế dân chủ làm việc tại xã.",       # "Đoàn" is a family name too
    "Ông Nguyễn Văn Bình chia sẻ về mô hình của gia đình.",  # a person without a title
    "Ban Dân vận Huyện ủy đã chỉ đạo các xã.",               # an organisation
    "Đồng chí Trưởng Ban Dân vận, Chủ tịch Hội Nông dân dự.", # titles without a name
]
# fmt: on


@pytest.mark.parametrize("sentence", NOT_OFFICIALS)
def test_not_officials(nlp: Language, sentence: str) -> None:
    assert officials(nlp, sentence) == []


def test_caption_people_without_titles_are_not_officials(nlp: Language) -> None:
    text = "Tiêu đề\n\nSáng 3/10, đoàn làm việc tại xã.\n\nÔng Nguyễn Văn Bình giới thiệu mô hình (Ảnh: Thu Trang)\n\nNội dung bài."
    assert vnreport.extract(text, nlp=nlp).officials == []


def test_a_titled_person_in_a_caption_is_an_official(nlp: Language) -> None:
    text = (
        "Tiêu đề\n\nSáng 3/10, đoàn làm việc tại xã Tân Dĩnh.\n\nĐồng chí Ngô Thị Lan, Phó Bí "
        "thư Huyện ủy (giữa) thăm mô hình trồng bưởi (Ảnh: Thu Trang)\n\nNội dung bài."
    )
    found = vnreport.extract(text, nlp=nlp).officials
    assert [(o.name, o.title) for o in found] == [("Ngô Thị Lan", "Phó Bí thư Huyện ủy")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sau đó, đồng chí Phó Chủ tịch UBND huyện đến kiểm tra tiến độ làm đường.",
        "Chiều cùng ngày, ông Chủ tịch UBND xã báo cáo tình hình.",
        "Kết luận, đồng chí Trưởng Ban Dân vận Huyện ủy đề nghị xã tiếp tục thực hiện.",
    ],
)
def test_a_title_after_an_honorific_names_no_one(nlp: Language, sentence: str) -> None:
    assert officials(nlp, sentence) == []


def test_a_group_named_like_a_person_and_named_again_is_a_group(nlp: Language) -> None:
    sentence = (
        "Đoàn kiểm tra đường nội thôn Lê Văn Tám. Trưởng thôn Lê Văn Tám, ông Ma Văn Sinh cho "
        "biết bà con đã góp ngày công."
    )
    (official,) = officials(nlp, sentence)
    assert (official.name, official.title) == ("Ma Văn Sinh", "Trưởng thôn Lê Văn Tám")
