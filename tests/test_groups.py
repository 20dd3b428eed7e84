from __future__ import annotations

import pytest
from spacy.language import Language

import vnreport


def groups(nlp: Language, sentence: str) -> list[tuple[str, str, str | None]]:
    report = vnreport.extract("Tiêu đề bài viết\n\n" + sentence, nlp=nlp)
    return [(g.type, g.name, g.parent) for g in report.groups]


# fmt: off
CASES = [
    # names that end with a number are names, not a list of numbers; nor people ("Cù …")
    ("Đoàn làm việc tại các tổ dân phố Phú Hải 1, Phú Hải 2 và Phú Hải 4.",
     [("tổ dân phố", "Phú Hải 1", None), ("tổ dân phố", "Phú Hải 2", None),
      ("tổ dân phố", "Phú Hải 4", None)]),
    ("Đoàn làm việc tại các tổ dân phố Cù Lao Thượng 1, Cù Lao Thượng 2 và Xóm Cồn 3.",
     [("tổ dân phố", "Cù Lao Thượng 1", None), ("tổ dân phố", "Cù Lao Thượng 2", None),
      ("tổ dân phố", "Xóm Cồn 3", None)]),
    ("Đoàn kiểm tra tại tổ Giao Lâm và Tổng Nẻng.",
     [("tổ", "Giao Lâm", None), ("tổ", "Tổng Nẻng", None)]),
    ("Đoàn kiểm tra tại tổ Giao Lâm, phường Huyền Tụng.",
     [("tổ", "Giao Lâm", "phường Huyền Tụng")]),
    ("Đoàn đến tổ dân phố số 5 và TDP 7.", [("tổ dân phố", "5", None), ("tổ dân phố", "7", None)]),
    ("Nhân dân các thôn Nà Pài, Khuổi Chang đóng góp.",
     [("thôn", "Nà Pài", None), ("thôn", "Khuổi Chang", None)]),
    ("Bà con bản Cát Cát, xóm Mới, ấp Phú Hòa và khóm 3 tham gia.",
     [("bản", "Cát Cát", None), ("xóm", "Mới", None), ("ấp", "Phú Hòa", None), ("khóm", "3", None)]),
    ("Tổ dân phố 12 có khu dân cư Hòa Bình.",
     [("tổ dân phố", "12", None), ("khu dân cư", "Hòa Bình", None)]),
    ("Đoàn kiểm tra khu phố 3, phường Tân Định.", [("khu phố", "3", "phường Tân Định")]),
    ("Nhân dân khu phố Phú Cường 12 góp công.", [("khu phố", "Phú Cường 12", None)]),
    ("Tổ công tác và các tổ dân phố, tổ chức đoàn thể bảo vệ Tổ quốc.", []),
    ("Tổ dân vận và tổ tự quản đã họp.", []),
    ("Du khách đến thác Bản Giốc theo văn bản Nghị quyết.", []),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_groups(nlp: Language, sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert groups(nlp, sentence) == expected
