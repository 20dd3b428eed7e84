"""The vnreport_figures component, one case per phenomenon, through the real pipeline."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import vnreport
from vnreport.records import Report
from vnreport.sinks import open_sink

from .conftest import SEED

TITLE = "Kiểm tra công tác dân vận tại phường Huyền Tụng\n\n"

# fmt: off
FIGURES = [
    # sentence, (value, unit), other fields expected
    ("Dịch vụ công trực tuyến mức độ 3 đạt 50%.", (50, "%"), {"subject": "Dịch vụ công trực tuyến mức độ 3"}),
    ("Tỷ lệ hộ nghèo giảm còn 2,5 %.", (2.5, "%"), {}),
    ("Kết quả đạt một trăm phần trăm kế hoạch.", (100, "%"), {}),
    ("Phường đăng ký xây dựng 06 mô hình Dân vận khéo.", (6, "mô hình"), {"subject": "mô hình Dân vận khéo"}),
    ("Toàn xã có 1.245 hộ.", (1245, "hộ"), {}),
    ("Xã còn 11 hộ nghèo.", (11, "hộ"), {}),
    ("Phường có 5 tổ dân phố.", (5, "tổ dân phố"), {}),
    ("Nhân dân đóng góp 2,5 tỷ đồng.", (2.5, "tỷ đồng"), {"amount_vnd": 2.5e9}),
    ("Kinh phí hỗ trợ là 850 triệu đồng.", (850, "triệu đồng"), {"amount_vnd": 8.5e8}),
    ("Tổng kinh phí hơn 2 tỷ.", (2, "tỷ"), {"amount_vnd": 2e9, "bound": "lower"}),
    ("Mỗi suất quà trị giá 500.000 đồng.", (500000, "đồng"), {"amount_vnd": 5e5}),
    ("Nhân dân hiến 1.250,5 m2 đất.", (1250.5, "m2"), {}),
    ("Huyện đã gieo trồng 12 ha ngô.", (12, "ha"), {}),
    ("Xã đã bê tông hóa 3,5 km đường.", (3.5, "km"), {}),
    ("Diện tích sân là 120m2.", (120, "m2"), {}),
    ("Lựa chọn từ 3 đến 5 mô hình tiêu biểu.", (3, "mô hình"), {"value_max": 5}),
    ("Mỗi tổ có 10-15 người.", (10, "người"), {"value_max": 15}),
    ("Tỷ lệ bao phủ đạt 70 – 80%.", (70, "%"), {"value_max": 80}),
    ("Khoảng 30 ha dùng giống mới.", (30, "ha"), {"approximate": True, "bound": None}),
    ("Buổi lễ thu hút hơn 300 người.", (300, "người"), {"approximate": True, "bound": "lower"}),
    ("Tỷ lệ tham gia đạt trên 90%.", (90, "%"), {"approximate": True, "bound": "lower"}),
    ("Nhân dân hiến gần 600 m2 đất.", (600, "m2"), {"approximate": True, "bound": "upper"}),
    ("Phường có ba mô hình tiêu biểu.", (3, "mô hình"), {}),
    ("Thôn có hai mươi hộ tham gia.", (20, "hộ"), {}),
    ("Mỗi hộ nhận hai tỷ đồng.", (2, "tỷ đồng"), {"amount_vnd": 2e9}),
    ("Xã được cấp 2 máy bơm.", (2, "máy bơm"), {}),
    ('Phường xây dựng 17 "Tổ liên gia an toàn".', (17, "tổ"), {}),
    ("Trong số 86 hộ làm nghề, phần lớn đã có bể lắng.", (86, "hộ"), {}),
    ("Xã đã đạt 19/19 tiêu chí nông thôn mới.", (19, "tiêu chí"), {}),
    ("Tỷ lệ hộ nghèo giảm còn 3,1%.", (3.1, "%"), {"subject": "Tỷ lệ hộ nghèo"}),
    ("Tổng kinh phí thực hiện là 1,5 tỷ đồng.", (1.5, "tỷ đồng"), {"subject": "Tổng kinh phí"}),
    ("Mỗi lớp có 45 học sinh/lớp.", (45, "học sinh"), {}),
]

NOT_FIGURES = [
    "Sáng ngày 14/9, Đoàn kiểm tra làm việc tại phường.",
    "Ngày 20-5-2024, phường tổ chức hội nghị.",
    "Buổi làm việc bắt đầu lúc 7 giờ sáng.",
    "Năm 2023, phường hoàn thành kế hoạch.",
    "Thực hiện Nghị định 71/1998/NĐ-CP của Chính phủ.",
    "Triển khai Kế hoạch số 12-KH/BCĐTP của Ban Chỉ đạo.",
    "Căn cứ Quyết định số 1234/QĐ-UBND của UBND tỉnh.",
    "Phường tuyên truyền dịch vụ công trực tuyến mức độ 3,4 cho nhân dân.",
    "Phường tiếp tục phòng, chống dịch Covid-19 và Covid -19 hiệu quả.",
    "Đoàn kiểm tra thực tế tại khu phố Phú Cường 12 và phường 5.",
    "Mọi thông tin xin liên hệ số điện thoại 0912.345.678 của phường.",
    "Trụ sở đặt tại số 12 đường Trần Phú.",
    "Phường thực hiện kế hoạch giai đoạn 2021-2025 đạt kết quả tốt.",
    "Điểm số đạt 50 trên tổng số bình chọn.",
    "Tổ dân phố số 41 và 42 thành lập tổ tự quản.",
    "Sản phẩm đạt chuẩn OCOP 3 sao.",
    "Một số mô hình còn hạn chế.",
    "Sáng 5/9 tổ chức lễ khai giảng năm học mới.",
    "Tổ 7 phường Tân Lập tổ chức ra quân.",
    "Thực hiện Đề án 06 triển khai dịch vụ công trực tuyến.",
    # number words pointing back to things already named
    "Sau buổi làm việc, hai xã phối hợp với Phòng Tài nguyên và Môi trường.",
    "Theo báo cáo, Công an ba phường đã tăng cường tuần tra.",
    "Cả hai công trình đều hoàn thành đúng hẹn.",
    "Ông Lực là một trong 9 hộ nghèo của phường.",
]

# Equal numbers are one fact only when one restates the other.
FACTS = [
    # text, the (value, unit) of each fact kept
    ("Xã có 5 hộ nghèo và 5 hộ cận nghèo.", [(5, "hộ"), (5, "hộ")]),
    ("Xã có 5 hộ và 5 hộ cận nghèo.", [(5, "hộ"), (5, "hộ")]),
    ("Thôn A nhận 10 triệu đồng, thôn B nhận 10 triệu đồng.", [(10, "triệu đồng"), (10, "triệu đồng")]),
    ("Thôn Nà Phai có 5 hộ nghèo. Thôn Bản Chang có 5 hộ nghèo.", [(5, "hộ"), (5, "hộ")]),
    ("Thôn Nà Phai có 12 hộ, thôn Bản Chang có 12 hộ.", [(12, "hộ"), (12, "hộ")]),
    ("Tỷ lệ hộ nghèo giảm 2%. Tỷ lệ trẻ em suy dinh dưỡng giảm 2%.", [(2, "%"), (2, "%")]),
    ("Còn 41 hồ sơ bị thiếu thông tin. Đồng chí yêu cầu xác minh 41 hồ sơ trong tháng 9.", [(41, "hồ sơ")]),
    ("Phường còn 9 hộ nghèo. Đến nay, 9 hộ nghèo đã có nhà kiên cố.", [(9, "hộ")]),
    ("Thôn Nà Phai có 7 hộ nghèo. Đoàn đề nghị thôn Nà Phai hỗ trợ 7 hộ nghèo.", [(7, "hộ")]),
]
# fmt: on


def _report(nlp: Language, sentence: str) -> Report:
    return vnreport.extract(TITLE + sentence, nlp=nlp)


def _grounded(report: Report) -> None:
    for span in report.spans():
        assert report.text[span.start : span.end] == span.text


@pytest.mark.parametrize(("sentence", "expected", "fields"), FIGURES)
def test_figure(
    nlp: Language, sentence: str, expected: tuple[float, str], fields: dict[str, Any]
) -> None:
    report = _report(nlp, sentence)
    assert [(f.value, f.unit) for f in report.figures] == [expected]
    figure = report.figures[0]
    assert type(figure.value) is type(expected[0])
    for name, value in fields.items():
        assert getattr(figure, name) == value, name
    assert figure.span.text in sentence
    _grounded(report)


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_a_figure(nlp: Language, sentence: str) -> None:
    report = _report(nlp, sentence)
    assert report.figures == []


def test_two_figures_in_one_sentence(nlp: Language) -> None:
    report = _report(nlp, "Phường có 13 tổ dân phố với 1.862 hộ, 6.470 nhân khẩu.")
    assert [(f.value, f.unit) for f in report.figures] == [
        (13, "tổ dân phố"),
        (1862, "hộ"),
        (6470, "nhân khẩu"),
    ]


@pytest.mark.parametrize(("text", "expected"), FACTS)
def test_equal_numbers_are_one_fact_only_when_restated(
    nlp: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    report = _report(nlp, text)
    assert [(f.value, f.unit) for f in report.figures] == expected
    assert len({(f.span.start, f.span.end) for f in report.figures}) == len(expected)
    _grounded(report)


def test_title_restated_in_the_body_is_one_fact(nlp: Language) -> None:
    report = vnreport.extract(
        "Hỗ trợ 50 hộ nghèo đón Tết\n\nSáng 14/9, xã Yên Đĩnh hỗ trợ 50 hộ nghèo đón Tết.", nlp=nlp
    )
    assert [(f.value, f.unit, f.span.start) for f in report.figures] == [(50, "hộ", 7)]


def test_sums_in_the_database_count_every_fact(nlp: Language, tmp_path: Path) -> None:
    text = TITLE + "Thôn A nhận 10 triệu đồng, thôn B nhận 10 triệu đồng, thôn C nhận 5 triệu đồng."
    database = tmp_path / "reports.sqlite"
    with open_sink(database) as sink:
        sink.write([vnreport.extract(text, nlp=nlp)])
    with sqlite3.connect(database) as connection:
        (total,) = connection.execute("SELECT sum(amount_vnd) FROM figures").fetchone()
    assert total == 25_000_000


def test_boilerplate_is_ignored(nlp: Language) -> None:
    text = (
        TITLE
        + "Phường có 12 tổ dân phố.\n\nThu Hường\n\nTin cùng chuyên mục\n"
        + "Xã ra quân làm 2,1 km đường\n"
    )
    report = vnreport.extract(text, nlp=nlp)
    assert [(f.value, f.unit) for f in report.figures] == [(12, "tổ dân phố")]


def test_adversarial_runs_are_quick(nlp: Language) -> None:
    text = TITLE + "1.2,3.4," * 20_000 + " hộ. " + "hai " * 5_000 + "mô hình."
    report = vnreport.extract(text, nlp=nlp)
    _grounded(report)


def test_component_config_round_trips(nlp: Language) -> None:
    restored = type(nlp).from_config(nlp.config)
    assert "vnreport_figures" in restored.pipe_names
    assert restored.get_pipe_meta("vnreport_figures").default_config == {"max_subject_words": 16}


def test_seed_figures(nlp: Language, seed_text: str) -> None:
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    report = vnreport.extract(seed_text, nlp=nlp)
    assert [(f.value, f.unit) for f in report.figures] == [
        (f["value"], f["unit"]) for f in gold["figures"]
    ]
    assert [f.span.text for f in report.figures] == ["50%", "100%", "06 mô hình", "03 mô hình"]
    _grounded(report)
