"""Officials in the shapes that news text uses beyond the plain "Name, Title": a verb before the
title, an opening clause that gives it, a bracket after the name, and foreign names.

The sentences are this team's own, written in the shapes real articles use.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import vnreport
from vnreport.pipeline.foreign_names import is_foreign_word
from vnreport.records import Official


def officials(nlp: Language, sentence: str) -> list[Official]:
    return vnreport.extract("Tiêu đề bài viết\n\n" + sentence, nlp=nlp).officials


# fmt: off
CASES = [
    # sentence, name, rank, title
    # a verb between a governed name and its title
    ("Năm 2019, ông Thắng từng làm trưởng phòng Nội vụ huyện Bảo Lạc.",
     "Thắng", None, "trưởng phòng Nội vụ huyện Bảo Lạc"),
    ("Trước khi về xã, bà Nguyễn Thị Vân đang giữ chức Phó Chủ tịch Hội Nông dân huyện.",
     "Nguyễn Thị Vân", None, "Phó Chủ tịch Hội Nông dân huyện"),
    ("Ông Lục Văn Quế là Chủ tịch UBND xã Quang Trung nhiệm kỳ trước.",
     "Lục Văn Quế", None, "Chủ tịch UBND xã Quang Trung"),
    ("Nhiều năm nay, thầy Khoa làm trưởng bộ môn của trường.",
     "Khoa", None, "trưởng bộ môn của trường"),
    ("Giải năm ấy, ông Henriksen làm HLV trưởng đội tuyển bóng chuyền tỉnh.",
     "Henriksen", None, "HLV trưởng đội tuyển"),
    # a lower-case word continues the agency's name
    ("Ông Trương Văn Hậu, Chi cục trưởng Chi cục Thủy sản cho biết, toàn tỉnh có 4.100 tàu cá.",
     "Trương Văn Hậu", None, "Chi cục trưởng Chi cục Thủy sản"),
    # the title before the name, its last words lower case ("chợ", "hành chính công")
    ("Trưởng Ban quản lý chợ Đầm, ông Phạm Văn Lực cho biết, chợ có 1.420 hộ kinh doanh.",
     "Phạm Văn Lực", None, "Trưởng Ban quản lý chợ Đầm"),
    ("Giám đốc Trung tâm Phục vụ hành chính công xã, ông Nguyễn Văn Hòa báo cáo tình hình.",
     "Nguyễn Văn Hòa", None, "Giám đốc Trung tâm Phục vụ hành chính công xã"),
    # a lower-case head with an abbreviation; a Thái family name
    ("Ông Lâm Văn Sóc, đại biểu HĐND tỉnh phát biểu tại hội nghị.",
     "Lâm Văn Sóc", None, "đại biểu HĐND tỉnh"),
    ("Đoàn gồm đồng chí Xa Thị Hương, Ủy viên Ban Dân tộc HĐND tỉnh.",
     "Xa Thị Hương", None, "Ủy viên Ban Dân tộc HĐND tỉnh"),
    # an opening clause gives the title of the person after the comma
    ("Vốn là trưởng thôn Khuổi Nặm nhiều năm, ông Sầm vận động bà con hiến đất.",
     "Sầm", None, "trưởng thôn Khuổi Nặm"),
    ("Trên cương vị Bí thư Chi bộ thôn, bà Lương Thị Hiền đi từng nhà.",
     "Lương Thị Hiền", None, "Bí thư Chi bộ thôn"),
    # a group whose name begins like a family name is the group, not a person
    ("Vốn là trưởng thôn Đồng Vàng ba nhiệm kỳ, ông Ma Văn Thước phản ánh.",
     "Ma Văn Thước", None, "trưởng thôn Đồng Vàng"),
    ("Trưởng thôn Ma Văn Thước cho biết thôn đã làm tốt.", "Ma Văn Thước", None, "Trưởng thôn"),
    # a verb after a comma
    ("Bà Đàm Thị Lụa, hiện giữ chức Phó Chủ tịch Hội Nông dân xã, mong được hỗ trợ.",
     "Đàm Thị Lụa", None, "Phó Chủ tịch Hội Nông dân xã"),
    ("Nguyên là Chủ tịch Hội Cựu chiến binh xã, ông Đinh Văn Rớt cùng đi.",
     "Đinh Văn Rớt", None, "Chủ tịch Hội Cựu chiến binh xã"),
    # a short bracket between the name and the title
    ("Tham dự có ông Phùng Văn Khang (SN 1979), Trưởng phòng Văn hóa – Xã hội xã.",
     "Phùng Văn Khang", None, "Trưởng phòng Văn hóa – Xã hội xã"),
    ("Bà Đàm Thị Nhung (54 tuổi), Tổ trưởng tổ hòa giải thôn Bản Chang cho biết.",
     "Đàm Thị Nhung", None, "Tổ trưởng tổ hòa giải thôn Bản Chang"),
    # a title stops before "và" and another body; an organisation's name is taken whole
    ("Bà Ma Thị Thúy, Phó Chủ tịch UBND tỉnh và Đoàn ĐBQH tỉnh đã tiếp xúc cử tri xã Yên Lập.",
     "Ma Thị Thúy", None, "Phó Chủ tịch UBND tỉnh"),
    ("Ông Vi Văn Thắng, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Bí thư Huyện ủy dự hội nghị.",
     "Vi Văn Thắng", None, "Ủy viên Ban Chấp hành Đảng bộ tỉnh, Bí thư Huyện ủy"),
    # the head of a National Assembly delegation is a title, not the event's role
    ("Đồng chí Uông Văn Dũng - Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh chủ trì.",
     "Uông Văn Dũng", None, "Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh"),
    # a committee's name ends the title before the sentence's verb
    ("Đồng chí Lục Văn Khuê, Uỷ viên BTV, Trưởng ban Dân vận Huyện ủy thăm mô hình nuôi ong.",
     "Lục Văn Khuê", None, "Ủy viên BTV, Trưởng ban Dân vận Huyện ủy"),
    ("Bà Hoàng Thị Nụ, Bí thư Đảng ủy xã Thanh Long kiểm tra việc dồn điền.",
     "Hoàng Thị Nụ", None, "Bí thư Đảng ủy xã Thanh Long"),
    # a governed name runs into a lower-case title without a comma
    ("Dự có đồng chí Nông Thị Hạnh ủy viên ban thường vụ huyện ủy, phó chủ tịch UBND huyện.",
     "Nông Thị Hạnh", None, "ủy viên ban thường vụ huyện ủy, phó chủ tịch UBND huyện"),
    # a dash glued to the name
    ("Ông Khang Minh Đức- Phó Chủ tịch HĐND tỉnh dẫn đầu đoàn khảo sát.",
     "Khang Minh Đức", None, "Phó Chủ tịch HĐND tỉnh"),
    # foreign names governed by a rank or a title
    ("Cuộc thi có sự chứng kiến của thiếu tá hải quân Úc Harrington.",
     "Harrington", "Thiếu tá", None),
    ("Đại tá Wilkinson trao quà cho học sinh vùng biên.",
     "Wilkinson", "Đại tá", None),
    ("Đại sứ Hàn Quốc Park Jongwoo thăm trường học ở xã Nậm Nhùn.",
     "Park Jongwoo", None, "Đại sứ Hàn Quốc"),
    ("Takeshi Morimoto - giám đốc Công ty Sakura Việt Nam - cam kết tuyển lao động địa phương.",
     "Takeshi Morimoto", None, "giám đốc Công ty Sakura Việt Nam"),
    ("Phát biểu tại lễ khởi công có ông McAllister, Giám đốc dự án nước sạch của tổ chức.",
     "McAllister", None, "Giám đốc dự án nước sạch của tổ chức"),
    # a committee's name with a dash, after a title word and "Ban"
    ("Cùng đi có bà Lò Thị Sen, ủy viên Ban Kinh tế - Ngân sách HĐND tỉnh.",
     "Lò Thị Sen", None, "ủy viên Ban Kinh tế - Ngân sách HĐND tỉnh"),
    ("Dự buổi làm việc có ông Phạm Văn Hưng, Ủy viên Ban Văn hóa - Xã hội.",
     "Phạm Văn Hưng", None, "Ủy viên Ban Văn hóa - Xã hội"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "name", "rank", "title"), CASES)
def test_official_in_the_shape_real_text_writes(
    nlp: Language, sentence: str, name: str, rank: str | None, title: str | None
) -> None:
    (official,) = officials(nlp, sentence)
    assert (official.name, official.rank, official.title) == (name, rank, title)


# fmt: off
NOT_OFFICIALS = [
    "Ông Toàn là Chủ tịch .",                                    # a bare head before the stop
    "Ông Lê Văn Hà làm Trưởng đoàn.",                            # a role alone is no title
    "Ông Phúc là người trồng chè giỏi nhất thôn.",               # a verb, but no title
    "Takeshi Morimoto viết cuốn sách về làng nghề.",             # a foreign name, nothing governs it
    "Đại tá về hưu kể chuyện cho học sinh nghe.",                # a rank without a name
    "Các Phó Chủ tịch UBND xã: chưa có báo cáo.",                # a plural title, no names
    "Vốn là vùng trồng chè, ông Sầm mở rộng thêm hai héc-ta.",   # an opening clause with no title
    "Đoàn nghe báo cáo của đ/c Trạm trưởng Trạm Y tế xã.",       # a title after the honorific
]
# fmt: on


@pytest.mark.parametrize("sentence", NOT_OFFICIALS)
def test_not_officials_in_these_shapes(nlp: Language, sentence: str) -> None:
    assert officials(nlp, sentence) == []


def test_a_plural_title_before_a_colon_is_each_listed_persons(nlp: Language) -> None:
    found = officials(
        nlp, "Cùng dự có các Phó Chủ tịch UBND xã: Lò Văn Tiến, Hà Thị Mai và Vàng A Dình."
    )
    assert [(o.name, o.title) for o in found] == [
        ("Lò Văn Tiến", "Phó Chủ tịch UBND xã"),
        ("Hà Thị Mai", "Phó Chủ tịch UBND xã"),
        ("Vàng A Dình", "Phó Chủ tịch UBND xã"),
    ]


def test_a_title_of_an_organisation_belongs_to_no_group(nlp: Language) -> None:
    (official,) = officials(
        nlp, "Tại xã Chung Chải, ông Kenji Watanabe, Giám đốc dự án của tổ chức cho biết."
    )
    assert (official.name, official.place) == ("Kenji Watanabe", None)


# fmt: off
FOREIGN_WORDS = [
    ("Tamasu", True), ("Weigang", True), ("McKlein", True), ("Ito", True), ("Harrington", True),
    ("Nguyễn", False), ("Quýnh", False), ("Phương", False), ("Mỹ", False), ("Nghiêm", False),
    ("Khuổi", False), ("Lee", False), ("COVID", False), ("UBND", False), ("Đắk", False),
]
# fmt: on


@pytest.mark.parametrize(("word", "foreign"), FOREIGN_WORDS)
def test_foreign_words_are_those_no_vietnamese_syllable_spells(word: str, foreign: bool) -> None:
    assert is_foreign_word(word) is foreign


_PEOPLE = ["ông Thắng", "bà Lương Thị Hiền", "Đại tá Wilkinson", "ông Phùng Văn Khang (SN 1979)"]
_LINKS = [" từng làm ", ", ", " – ", " là ", " (", " giữ chức "]
_TITLES = ["trưởng phòng Nội vụ huyện", "Chủ tịch UBND xã Tân Lập", "HLV trưởng", "Trưởng đoàn"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PEOPLE), st.sampled_from(_LINKS), st.sampled_from(_TITLES)),
        min_size=1,
        max_size=4,
    )
)
def test_mentions_are_grounded_in_any_mix_of_shapes(
    nlp: Language, parts: list[tuple[str, str, str]]
) -> None:
    text = "Tiêu đề\n\n" + " ".join(f"{p}{link}{t} phát biểu." for p, link, t in parts)
    report = vnreport.extract(text, nlp=nlp)
    for official in report.officials:
        for mention in official.mentions:
            assert report.text[mention.start : mention.end] == mention.text


# fmt: off
COMMITTEE_PLACES = [
    # text, name, place: a bare "Huyện ủy" takes the unit the text names that committee with
    ("Đoàn kiểm tra của Ban Thường vụ Huyện ủy Văn Lãng do ông Hoàng Văn Pác, Phó Bí thư "
     "Huyện ủy làm trưởng đoàn đã làm việc tại xã Tân Mỹ.", "Hoàng Văn Pác", "huyện Văn Lãng"),
    ("Tỉnh ủy Cao Bằng cử đoàn công tác. Bà Nông Thị Hà, Trưởng ban Dân vận Tỉnh ủy phát biểu.",
     "Nông Thị Hà", "tỉnh Cao Bằng"),
    # no committee named with a unit: no place
    ("Ông Hoàng Văn Pác, Phó Bí thư Huyện ủy đã làm việc tại xã Tân Mỹ.", "Hoàng Văn Pác", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "place"), COMMITTEE_PLACES)
def test_a_bare_committee_takes_the_unit_it_is_named_with(
    nlp: Language, text: str, name: str, place: str | None
) -> None:
    (official,) = [o for o in officials(nlp, text) if o.name == name]
    assert official.place == place


@pytest.mark.parametrize("join", [" và ", ", "])
def test_a_plural_title_before_names_is_each_ones(nlp: Language, join: str) -> None:
    found = officials(
        nlp,
        f"Thành viên đoàn gồm các đại biểu HĐND thành phố Nguyễn Văn Thắng{join}Phạm Thị Vân "
        "cùng đại diện Phòng Tài nguyên và Môi trường.",
    )
    assert [(o.name, o.title) for o in found] == [
        ("Nguyễn Văn Thắng", "đại biểu HĐND thành phố"),
        ("Phạm Thị Vân", "đại biểu HĐND thành phố"),
    ]
