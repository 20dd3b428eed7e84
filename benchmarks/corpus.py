"""Synthetic inspection articles for the benchmarks: deterministic, original, in the genre.

Each article is templated from lexicons of real provinces, districts and wards (the 63-province,
three-level system the bulk of archived articles use), invented officials with real-looking
titles ("Phó Chủ tịch UBND huyện …"), figures ("đạt 85%", "1.245 hộ") and recommendations
("đề nghị …; …"). The text is written for this file; no article is copied.

Article `i` of seed `s` depends only on `(s, i)`, so the first 1,000 articles of a 20,000-article
corpus are the 1,000-article corpus.

    python benchmarks/corpus.py OUT_DIR --articles 100   # writes OUT_DIR/000000.txt …
    python benchmarks/corpus.py --print --articles 1     # shows one article
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20_241_001

# Province → district-level units → wards, communes and towns. Real names of the 63-province,
# three-level system (before the July 2025 reform), checked against the gazetteer that underthesea
# ships (see the README).
_PLACES_TABLE = """
Bắc Kạn
    thành phố Bắc Kạn
        phường: Phùng Chí Kiên, Đức Xuân, Sông Cầu, Nguyễn Thị Minh Khai
        xã: Dương Quang, Nông Thượng
    huyện Chợ Mới
        thị trấn: Đồng Tâm
        xã: Thanh Thịnh, Yên Hân, Nông Hạ
    huyện Ba Bể
        thị trấn: Chợ Rã
        xã: Nam Mẫu, Khang Ninh, Quảng Khê
Lạng Sơn
    thành phố Lạng Sơn
        phường: Chi Lăng, Hoàng Văn Thụ, Tam Thanh, Vĩnh Trại
        xã: Mai Pha, Quảng Lạc
    huyện Bắc Sơn
        thị trấn: Bắc Sơn
        xã: Chiêu Vũ, Vũ Lăng, Chiến Thắng
    huyện Cao Lộc
        thị trấn: Đồng Đăng, Cao Lộc
        xã: Gia Cát, Hợp Thành
Thái Nguyên
    thành phố Thái Nguyên
        phường: Quang Trung, Tân Thịnh, Phan Đình Phùng, Gia Sàng
        xã: Phúc Xuân, Phúc Trìu
    huyện Đại Từ
        thị trấn: Hùng Sơn
        xã: La Bằng, Hoàng Nông, Tân Thái
    huyện Phú Lương
        thị trấn: Đu
        xã: Yên Ninh, Cổ Lũng, Ôn Lương
Tuyên Quang
    thành phố Tuyên Quang
        phường: Minh Xuân, Phan Thiết, Tân Quang, Ỷ La
        xã: An Khang, Tràng Đà
    huyện Sơn Dương
        thị trấn: Sơn Dương
        xã: Tân Trào, Minh Thanh, Kháng Nhật
    huyện Na Hang
        thị trấn: Na Hang
        xã: Thượng Nông, Năng Khả
Nghệ An
    thành phố Vinh
        phường: Hưng Bình, Lê Lợi, Quang Trung, Trường Thi
        xã: Nghi Kim, Hưng Chính
    huyện Nam Đàn
        thị trấn: Nam Đàn
        xã: Kim Liên, Nam Cát, Hùng Tiến
    huyện Quỳnh Lưu
        thị trấn: Cầu Giát
        xã: Quỳnh Thạch, Quỳnh Đôi
Thanh Hóa
    thành phố Thanh Hóa
        phường: Điện Biên, Đông Thọ, Ba Đình, Lam Sơn
        xã: Đông Tiến, Thiệu Vân
    huyện Thọ Xuân
        thị trấn: Thọ Xuân, Lam Sơn
        xã: Xuân Lập, Xuân Hòa, Thọ Lập
    huyện Như Thanh
        thị trấn: Bến Sung
        xã: Xuân Du, Hải Long
Quảng Ninh
    thành phố Hạ Long
        phường: Bãi Cháy, Hồng Gai, Hà Khánh, Cao Xanh
        xã: Thống Nhất, Lê Lợi
    huyện Đầm Hà
        thị trấn: Đầm Hà
        xã: Quảng Tân, Đại Bình, Tân Bình
    huyện Tiên Yên
        thị trấn: Tiên Yên
        xã: Đông Ngũ, Hải Lạng
Lào Cai
    thành phố Lào Cai
        phường: Cốc Lếu, Duyên Hải, Kim Tân, Bắc Lệnh
        xã: Cam Đường, Đồng Tuyển
    huyện Bát Xát
        thị trấn: Bát Xát
        xã: Bản Qua, Quang Kim, Mường Hum
    huyện Bảo Thắng
        thị trấn: Phố Lu, Tằng Loỏng
        xã: Xuân Quang, Sơn Hà
Đắk Lắk
    thành phố Buôn Ma Thuột
        phường: Tân Lợi, Thành Công, Tân Hòa, Ea Tam
        xã: Ea Tu, Hòa Thuận
    huyện Krông Pắc
        thị trấn: Phước An
        xã: Ea Kly, Hòa An, Ea Phê
    huyện Cư M'gar
        thị trấn: Quảng Phú, Ea Pốk
        xã: Cư Suê, Quảng Hiệp
Sóc Trăng
    thành phố Sóc Trăng
        phường: 2, 5, 7, 10
    huyện Mỹ Tú
        thị trấn: Huỳnh Hữu Nghĩa
        xã: Mỹ Hương, Phú Mỹ, Long Hưng
    huyện Kế Sách
        thị trấn: Kế Sách
        xã: Ba Trinh, Đại Hải, Nhơn Mỹ
Hà Giang
    thành phố Hà Giang
        phường: Minh Khai, Nguyễn Trãi, Trần Phú, Quang Trung
        xã: Phương Độ, Ngọc Đường
    huyện Đồng Văn
        thị trấn: Đồng Văn, Phố Bảng
        xã: Lũng Cú, Sà Phìn
    huyện Vị Xuyên
        thị trấn: Vị Xuyên
        xã: Đạo Đức, Phú Linh
Bình Định
    thành phố Quy Nhơn
        phường: Trần Phú, Nhơn Bình, Ghềnh Ráng, Quang Trung
        xã: Phước Mỹ, Nhơn Hải
    huyện Tuy Phước
        thị trấn: Tuy Phước, Diêu Trì
        xã: Phước Hòa, Phước Sơn
    huyện Phù Cát
        thị trấn: Ngô Mây, Cát Tiến
        xã: Cát Hanh, Cát Hải
"""


def _parse_places(table: str) -> dict[str, dict[str, list[tuple[str, str]]]]:
    places: dict[str, dict[str, list[tuple[str, str]]]] = {}
    province = district = ""
    for line in table.splitlines():
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip())) // 4
        if depth == 0:
            province = line.strip()
            places[province] = {}
        elif depth == 1:
            district = line.strip()
            places[province][district] = []
        else:
            kind, _, names = line.strip().partition(": ")
            places[province][district].extend((kind, name) for name in names.split(", "))
    return places


PLACES = _parse_places(_PLACES_TABLE)

# Invented people: common family names, middle names and given names, combined at random.
SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Nông", "Lò", "Hà", "Đinh", "Lương", "Triệu", "Ma", "Lục", "Đàm", "Chu", "Mai",
)  # fmt: skip
MIDDLE_MEN = ("Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Đình", "Mạnh", "Quốc", "Xuân")
MIDDLE_WOMEN = ("Thị", "Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Kim")
GIVEN_MEN = (
    "Hưng", "Thụ", "Tùng", "Lâm", "Tuấn", "Dũng", "Thắng", "Kiên", "Cường", "Sơn", "Hải", "Toàn",
    "Bình", "Khánh", "Long", "Nam", "Thành", "Trường", "Việt", "Hòa", "Lực", "Quyết", "Phong",
)  # fmt: skip
GIVEN_WOMEN = (
    "Huế", "Mai", "Lan", "Hường", "Thảo", "Hạnh", "Nga", "Yến", "Liên", "Dung", "Hoa", "Nhung",
    "Thủy", "Hà", "Oanh", "Trang", "Phượng", "Vân",
)  # fmt: skip
AUTHORS = ("Thu Hường", "Minh Tuấn", "Ngọc Lan", "Hoàng Hà", "Đức Thắng", "Vân Anh", "Quang Huy")

# Titles by level: {kind} is the unit type ("huyện"), {party} its party committee ("Huyện ủy").
PROVINCE_TITLES = (
    "Phó Chủ tịch UBND tỉnh",
    "Chủ tịch UBND tỉnh",
    "Trưởng Ban Dân vận Tỉnh ủy",
    "Phó Trưởng Ban Dân vận Tỉnh ủy",
    "Phó Bí thư Tỉnh ủy",
    "Chủ tịch Ủy ban MTTQ tỉnh",
    "Giám đốc Sở Nông nghiệp và PTNT",
    "Chủ tịch Hội Nông dân tỉnh",
    "Phó Chủ tịch Thường trực HĐND tỉnh",
)
DISTRICT_TITLES = (
    "Phó Chủ tịch UBND {kind}",
    "Chủ tịch UBND {kind}",
    "Bí thư {party}",
    "Phó Bí thư Thường trực {party}",
    "Trưởng Ban Dân vận {party}",
    "Trưởng phòng Nông nghiệp và PTNT {kind}",
    "Chánh Văn phòng HĐND và UBND {kind}",
)
WARD_TITLES = (
    "Chủ tịch UBND {kind}",
    "Phó Chủ tịch UBND {kind}",
    "Bí thư Đảng ủy {kind}",
    "Phó Bí thư Thường trực Đảng ủy {kind}",
    "Chủ tịch Ủy ban MTTQ {kind}",
)
PARTY_COMMITTEE = {"thành phố": "Thành ủy", "huyện": "Huyện ủy", "thị xã": "Thị ủy"}
HONORIFICS = ("đồng chí", "đồng chí", "đồng chí", "ông", "bà")

TOPICS = (
    ("tiến độ xây dựng nông thôn mới nâng cao", "xây dựng nông thôn mới"),
    ("việc thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo”", "dân vận"),
    ("công tác phòng cháy, chữa cháy rừng mùa khô", "phòng cháy rừng"),
    ("tình hình sản xuất vụ đông", "sản xuất vụ đông"),
    ("tiến độ giải ngân vốn đầu tư công", "đầu tư công"),
    ("công tác chuyển đổi số và cải cách hành chính", "chuyển đổi số"),
    ("công tác giảm nghèo bền vững", "giảm nghèo"),
    ("công tác phòng, chống dịch bệnh trên đàn gia súc", "phòng chống dịch bệnh"),
    ("việc xây dựng đô thị văn minh", "văn minh đô thị"),
)
ORGANIZATIONS = (
    "Ban Dân vận {party}",
    "Ban Chỉ đạo các chương trình mục tiêu quốc gia {kind}",
    "Ban Thường vụ {party}",
    "UBND {kind}",
    "Ủy ban Kiểm tra {party}",
)
TIME_CUES = (
    "Sáng {d}{sep}{m}",
    "Chiều {d}{sep}{m}",
    "Sáng ngày {d}{sep}{m}",
    "Chiều ngày {d}{sep}{m}",
    "Ngày {d}{sep}{m}",
    "Sáng nay ({d}{sep}{m})",
)
GROUP_KINDS = ("thôn", "bản", "xóm", "tổ dân phố", "tổ", "khu phố")
GROUP_NAMES = (
    "Nà Pài", "Khuổi Chang", "Nà Cà", "Đồng Tâm", "Nà Làng", "Pác Cáp", "Tân Lập",
    "Phiêng Lầu", "Cốc Phường", "Hợp Thành", "Bằng Lũng", "Nà Mòn", "Trung Tâm", "Đon Tuấn",
)  # fmt: skip
MODELS = (
    "trồng hoa, cây cảnh",
    "nuôi lợn đen bản địa",
    "trồng cam, quýt theo tiêu chuẩn VietGAP",
    "nuôi ong lấy mật",
    "tuyến đường hoa",
    "thu gom, phân loại rác thải tại nguồn",
    "trồng rau an toàn",
    "chăn nuôi gà thả đồi",
)
SHORTCOMINGS = (
    "việc ghi chép sổ theo dõi ý kiến của nhân dân ở một số thôn còn sơ sài",
    "một số mô hình chưa có tính lan tỏa",
    "công tác sơ kết, rút kinh nghiệm chưa thường xuyên",
    "tiến độ giải phóng mặt bằng một số công trình còn chậm",
    "tỷ lệ hộ dân sử dụng nước sạch chưa cao",
    "việc cập nhật dữ liệu dân cư chưa đầy đủ",
    "một số hộ còn thả rông gia súc",
    "kinh phí dành cho công tác tuyên truyền còn hạn chế",
)
RECOMMENDATIONS = (
    "tiếp tục tuyên truyền, vận động nhân dân tham gia tích cực",
    "rà soát lại từng chỉ tiêu của các tiêu chí chưa đạt",
    "đẩy nhanh tiến độ thi công các công trình chuyển tiếp",
    "kiện toàn Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng",
    "chỉ đạo các thôn ghi chép đầy đủ sổ theo dõi ý kiến của nhân dân",
    "lựa chọn từ 2 đến 3 mô hình tiêu biểu để biểu dương, khen thưởng",
    "chủ động bố trí lực lượng trực phòng cháy 24/24 giờ trong mùa khô",
    "tăng cường kiểm tra, hướng dẫn nhân dân tiêm phòng cho đàn vật nuôi",
    "hoàn thiện hồ sơ đề nghị công nhận trước ngày 30/11",
    "đẩy mạnh thanh toán không dùng tiền mặt trong các dịch vụ công",
)
FILLER = (
    "Đây là nội dung được cấp ủy, chính quyền địa phương xác định là nhiệm vụ trọng tâm trong năm.",
    "Nhân dân đồng tình, hưởng ứng và tích cực tham gia.",
    "Các đoàn thể chính trị - xã hội đã phối hợp chặt chẽ trong quá trình triển khai.",
    "Công tác tuyên truyền được thực hiện thường xuyên qua hệ thống loa truyền thanh cơ sở.",
    "Việc triển khai được thực hiện đúng quy trình, công khai, minh bạch.",
)


@dataclass(frozen=True)
class _Person:
    name: str
    title: str
    honorific: str

    @property
    def given(self) -> str:
        return self.name.rsplit(" ", 1)[-1]


@dataclass(frozen=True)
class _Scene:
    """Who inspects what, where and when: everything the paragraphs of one article share."""

    province: str
    district: str
    ward_kind: str
    ward_name: str
    organization: str
    chief: _Person
    local: _Person
    deputy: _Person
    group_kind: str
    groups: list[str]
    topic: str
    topic_short: str
    year: int

    @property
    def ward(self) -> str:
        return f"{self.ward_kind} {self.ward_name}"


def _person(rng: random.Random, title: str) -> _Person:
    woman = rng.random() < 0.35
    surname = rng.choice(SURNAMES)
    middle = rng.choice(MIDDLE_WOMEN if woman else MIDDLE_MEN)
    given = rng.choice(GIVEN_WOMEN if woman else GIVEN_MEN)
    honorific = rng.choice(HONORIFICS)
    if honorific in {"ông", "bà"}:
        honorific = "bà" if woman else "ông"
    return _Person(name=f"{surname} {middle} {given}", title=title, honorific=honorific)


def _number(value: int) -> str:
    """1245 → "1.245" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def _decimal(value: float) -> str:
    """92.6 → "92,6"."""
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")


def _district_kind(district: str) -> tuple[str, str]:
    """("thành phố Bắc Kạn") → ("thành phố", "Bắc Kạn")."""
    for kind in ("thành phố", "thị xã", "huyện"):
        if district.startswith(kind + " "):
            return kind, district.removeprefix(kind + " ")
    raise ValueError(district)


def _scene(rng: random.Random) -> _Scene:
    province = rng.choice(sorted(PLACES))
    district = rng.choice(sorted(PLACES[province]))
    district_kind, district_name = _district_kind(district)
    ward_kind, ward_name = rng.choice(PLACES[province][district])
    committee = PARTY_COMMITTEE[district_kind]
    if rng.random() < 0.3:
        chief_title = rng.choice(PROVINCE_TITLES)
        organization = f"UBND tỉnh {province}"
    else:
        chief_title = rng.choice(DISTRICT_TITLES).format(kind=district_kind, party=committee)
        organization = rng.choice(ORGANIZATIONS).format(
            kind=district, party=f"{committee} {district_name}"
        )
    if ward_name.isdigit():  # numbered wards of the Mekong cities have khu phố
        group_kind, groups = "khu phố", [str(n) for n in rng.sample(range(1, 13), 3)]
    elif ward_kind == "phường":
        group_kind = "tổ"
        groups = [str(n) + rng.choice(("", "", "", "A")) for n in rng.sample(range(1, 21), 3)]
    else:
        group_kind, groups = rng.choice(("thôn", "bản", "xóm")), rng.sample(GROUP_NAMES, 3)
    topic, topic_short = rng.choice(TOPICS)
    return _Scene(
        province=province,
        district=district,
        ward_kind=ward_kind,
        ward_name=ward_name,
        organization=organization,
        chief=_person(rng, chief_title),
        local=_person(rng, rng.choice(WARD_TITLES).format(kind=ward_kind)),
        deputy=_person(rng, rng.choice(WARD_TITLES).format(kind=ward_kind)),
        group_kind=group_kind,
        groups=groups,
        topic=topic,
        topic_short=topic_short,
        year=rng.choice((2021, 2022, 2023, 2024)),
    )


def _title(rng: random.Random, s: _Scene) -> str:
    return rng.choice(
        (
            f"{s.organization} kiểm tra {s.topic_short} tại {s.ward}",
            f"Kiểm tra {s.topic} tại {s.ward}",
            f"{s.chief.title} {s.chief.name} kiểm tra {s.topic_short} tại {s.district}",
            f"Đẩy mạnh {s.topic_short} ở {s.ward}",
        )
    )


def _lead(rng: random.Random, s: _Scene) -> str:
    when = rng.choice(TIME_CUES).format(
        d=rng.randint(1, 28), m=rng.randint(1, 12), sep=rng.choice(("/", "-"))
    )
    chief = s.chief
    return rng.choice(
        (
            f"{when}, Đoàn kiểm tra của {s.organization} do {chief.honorific} {chief.name}, "
            f"{chief.title} làm Trưởng đoàn đã kiểm tra {s.topic} năm {s.year} tại {s.ward}, "
            f"{s.district}.",
            f"{when}, {chief.title} {chief.name} cùng lãnh đạo một số phòng, ban chuyên môn đã "
            f"kiểm tra {s.topic} tại {s.ward}, {s.district}, tỉnh {s.province}.",
        )
    )


def _caption(rng: random.Random, s: _Scene) -> list[str]:
    draw = rng.random()
    if draw < 0.4:
        return [
            f"Đoàn kiểm tra thăm mô hình {rng.choice(MODELS)} của hộ gia đình tại "
            f"{s.group_kind} {s.groups[0]} ({s.ward})"
        ]
    if draw < 0.6:
        photo = rng.choice(AUTHORS)
        return [f"{s.chief.title} {s.chief.name} phát biểu tại buổi kiểm tra. Ảnh: {photo}"]
    return []


def _report(rng: random.Random, s: _Scene, households: int) -> str:
    opinions = rng.randint(12, 60)
    solved = rng.randint(opinions // 2, opinions)
    people = households * rng.randint(3, 5) + rng.randint(0, 900)
    return (
        f"Báo cáo với Đoàn, {s.local.honorific} {s.local.name}, {s.local.title} cho biết: "
        f"{s.ward_kind.capitalize()} {s.ward_name} hiện có {rng.randint(5, 24)} {s.group_kind} với "
        f"{_number(households)} hộ, {_number(people)} nhân khẩu. Năm {s.year}, Đảng ủy "
        f"{s.ward_kind} đã ban hành {rng.randint(2, 9):02d} văn bản lãnh đạo, chỉ đạo về "
        f"{s.topic_short}; các nội dung phải công khai đều được niêm yết tại trụ sở UBND "
        f"{s.ward_kind}. Trong năm, {s.ward_kind} tiếp nhận {opinions} ý kiến, kiến nghị; đến "
        f"nay đã giải quyết xong {solved} ý kiến, đạt {_decimal(100 * solved / opinions)}%."
    )


def _body(rng: random.Random, s: _Scene, households: int) -> list[str]:
    poor = rng.randint(5, min(140, households // 4))
    paragraphs = [
        f"Đến nay, {s.ward} đã đạt {rng.randint(11, 19)}/19 tiêu chí; thu nhập bình quân đầu "
        f"người năm nay dự kiến đạt {rng.randint(28, 75)} triệu đồng. Toàn {s.ward_kind} còn "
        f"{poor} hộ nghèo, chiếm {_decimal(100 * poor / households)}%.",
        f"Nhân dân đã hiến {_number(rng.randint(200, 9_000))} m2 đất, đóng góp hơn "
        f"{_number(rng.randint(120, 2_500))} triệu đồng để mở rộng, bê tông hóa "
        f"{_decimal(rng.uniform(0.8, 12.5))} km đường giao thông nông thôn tại các "
        f"{s.group_kind} {s.groups[1]} và {s.groups[2]}.",
        f"Tỷ lệ hộ dân sử dụng nước hợp vệ sinh đạt {_decimal(rng.uniform(55, 99.5))}%; "
        f"{rng.randint(60, 98)}% hộ gia đình đạt danh hiệu “Gia đình văn hóa”. "
        f"{rng.choice(FILLER)}",
        f"Theo {s.deputy.honorific} {s.deputy.name}, {s.deputy.title}, {s.ward_kind} đã tổ chức "
        f"{rng.randint(2, 12)} hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với "
        f"nhân dân với hơn {rng.randint(150, 900)} lượt người tham dự. {rng.choice(FILLER)}",
        f"Diện tích gieo trồng đạt {_number(rng.randint(80, 2_400))} ha, bằng "
        f"{rng.randint(90, 118)}% kế hoạch, trong đó diện tích ngô {rng.randint(20, 600)} ha, "
        f"rau các loại {rng.randint(10, 300)} ha. {rng.choice(FILLER)}",
    ]
    rng.shuffle(paragraphs)
    return paragraphs[: rng.randint(2, len(paragraphs))]


def _conclusion(rng: random.Random, s: _Scene) -> list[str]:
    shortcomings = "; ".join(rng.sample(SHORTCOMINGS, rng.randint(2, 3)))
    recommendations = "; ".join(rng.sample(RECOMMENDATIONS, rng.randint(2, 4)))
    chief = s.chief
    return [
        f"Tại buổi kiểm tra, các thành viên Đoàn đã trao đổi, làm rõ một số hạn chế như: "
        f"{shortcomings}.",
        f"Phát biểu kết luận, {chief.honorific} {chief.name} đánh giá cao sự chủ động của cấp ủy, "
        f"chính quyền {s.ward} trong triển khai nhiệm vụ. {chief.honorific.capitalize()} "
        f"{chief.given} đề nghị {s.ward_kind} thời gian tới cần tập trung một số nội dung: "
        f"{recommendations}.",
    ]


def generate_article(index: int, seed: int = DEFAULT_SEED) -> str:
    """Article `index` of the corpus of `seed`: plain text, paragraphs separated by blank lines."""
    rng = random.Random(seed * 1_000_003 + index)
    scene = _scene(rng)
    households = rng.randint(350, 4_800)
    paragraphs = [
        _title(rng, scene),
        _lead(rng, scene),
        *_caption(rng, scene),
        _report(rng, scene, households),
        *_body(rng, scene, households),
        *_conclusion(rng, scene),
        rng.choice((rng.choice(AUTHORS), f"Theo Báo {scene.province}")),
    ]
    if rng.random() < 0.3:  # the page furniture a scraper leaves after the byline
        paragraphs.append("Trả lời ý kiến\nPlease enter your comment!\nXin hãy nhập tên")
    return "\n\n".join(paragraphs) + "\n"


def generate(count: int, seed: int = DEFAULT_SEED) -> Iterator[str]:
    """The first `count` articles of the corpus of `seed`."""
    for index in range(count):
        yield generate_article(index, seed)


def write_corpus(directory: Path, count: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write `count` articles as `directory/NNNNNN.txt`; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for index, text in enumerate(generate(count, seed)):
        path = directory / f"{index:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


_SYLLABLE = re.compile(r"\S*\w\S*")


def count_syllables(text: str) -> int:
    """Whitespace-separated chunks holding a letter or digit: Vietnamese syllables and numbers."""
    return len(_SYLLABLE.findall(text))


def main() -> None:
    """Write or print a synthetic corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="directory to write NNNNNN.txt files to")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--print", action="store_true", help="print the articles instead")
    args = parser.parse_args()
    if args.print or args.out is None:
        for text in generate(args.articles, args.seed):
            print(text)
        return
    paths = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
