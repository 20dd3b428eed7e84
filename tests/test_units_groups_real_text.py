"""Units, groups and their lists as real pages write them (sentences of this team's own)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import vnreport


def found(nlp: Language, sentence: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    report = vnreport.extract("Tiêu đề bài viết\n\n" + sentence, nlp=nlp)
    return [(u.type, u.name) for u in report.admin_units], [(g.type, g.name) for g in report.groups]


HCM = ("thành phố", "Hồ Chí Minh")

# fmt: off
UNITS = [
    ("Đoàn công tác của TP HCM đến làm việc.", [HCM]),
    ("Đoàn công tác của TP. HCM đến làm việc.", [HCM]),
    ("Đoàn công tác của TP.HCM đến làm việc.", [HCM]),
    ("Đoàn công tác của TPHCM đến làm việc.", [HCM]),
    ("Đoàn công tác của Tp. Hồ Chí Minh đến làm việc.", [HCM]),
    ("Người dân TP.HCM và TP. Hồ Chí Minh là một.", [HCM]),
    ("Đoàn đến huyện Phú Quốc trước khi thành đặc khu.", [("huyện", "Phú Quốc")]),
    ("Rác thải ở phường An Hải Đông đã được thu gom.", [("phường", "An Hải Đông")]),
    ("Đoàn làm việc tại xã Ea H'leo và xã Đắk R'Moan.", [("xã", "Ea H'leo"), ("xã", "Đắk R'Moan")]),
    ("Hộ nghèo ở thị trấn Nông trường Mộc Châu giảm.", [("thị trấn", "Nông trường Mộc Châu")]),
    ("Các xã Dũng Hòa, Nghĩa Xuyên, Văn Lâm và Minh Đức đạt chuẩn.",
     [("xã", "Dũng Hòa"), ("xã", "Nghĩa Xuyên"), ("xã", "Văn Lâm"), ("xã", "Minh Đức")]),
    ("Đoàn kiểm tra các phường Hòa Khánh Bắc, Hòa Minh, Thanh Khê Đông và Hải Châu 1.",
     [("phường", "Hòa Khánh Bắc"), ("phường", "Hòa Minh"), ("phường", "Thanh Khê Đông"),
      ("phường", "Hải Châu 1")]),
    ("Bệnh nhân P.N.Q. ở phường Phước Hòa, bà H.T.P (47 tuổi) và anh T.V.H. đã khỏi.",
     [("phường", "Phước Hòa")]),
    ("Trưởng Công an huyện Thượng tá Nguyễn Quang Thành báo cáo.", []),
    ("Đoàn kiểm tra tại các xã: Diễn Hoa, Đức Thọ và Quỳnh Lâm.",
     [("xã", "Diễn Hoa"), ("xã", "Đức Thọ"), ("xã", "Quỳnh Lâm")]),
    ("HĐND tỉnh: Khảo sát hoạt động của HĐND cấp xã.", []),
    ("Phó Chủ tịch UBND xã H'Yim Kđoh cho biết.", []),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), UNITS)
def test_units_as_real_text_writes_them(
    nlp: Language, sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert found(nlp, sentence)[0] == expected


# fmt: off
GROUPS = [
    ("Các hộ ở tổ 2, 3, 4 đã ký cam kết.", [("tổ", "2"), ("tổ", "3"), ("tổ", "4")]),
    ("Đoàn kiểm tra TDP số 05 và 07.", [("tổ dân phố", "05"), ("tổ dân phố", "07")]),
    ("Nhân dân khối 2, 3 và 4 hiến đất.", [("khối", "2"), ("khối", "3"), ("khối", "4")]),
    ("Mô hình ra mắt tại khu phố 4.", [("khu phố", "4")]),
    ("Đoàn thăm buôn Ako Dhông và bon Bu Prăng.", [("buôn", "Ako Dhông"), ("bon", "Bu Prăng")]),
    ("Cử tri plei Ốp và làng Đê Tar dự họp.", [("plei", "Ốp"), ("làng", "Đê Tar")]),
    ("Người dân khu vực 3 dọn vệ sinh khu vực chợ.", [("khu vực", "3")]),
    ("Tổ nhân dân tự quản 11 họp bàn.", [("tổ nhân dân tự quản", "11")]),
    ("Hộ dân thôn Làng Khẻ trồng cam.", [("thôn", "Làng Khẻ")]),
    ("Các tổ dân phố Cam Phúc và Làng Nhớn làm hồ sơ.",
     [("tổ dân phố", "Cam Phúc"), ("tổ dân phố", "Làng Nhớn")]),
    ("Tại các thôn Giang Cao, Xuân Dục và Tự Khoát, đoàn ghi nhận.",
     [("thôn", "Giang Cao"), ("thôn", "Xuân Dục"), ("thôn", "Tự Khoát")]),
    ("Cử tri buôn Chăm Pŭ kiến nghị làm đường.", [("buôn", "Chăm Pŭ")]),
    ("Buôn Ma Thuột có tổ dân phố số 4 và tổ dân phố số 15 với 486 hộ.",
     [("tổ dân phố", "4"), ("tổ dân phố", "15")]),
    ("Thôn Hội Thủy và thôn Hội Long ra quân.", [("thôn", "Hội Thủy"), ("thôn", "Hội Long")]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), GROUPS)
def test_groups_as_real_text_writes_them(
    nlp: Language, sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert found(nlp, sentence)[1] == expected
