"""Lines of a saved portal page: menus, widgets, counters, footers, datelines, head chrome."""

from __future__ import annotations

import datetime as dt

import pytest

from vnreport.text.page_lines import (
    dateline,
    is_date_widget,
    is_debris,
    is_head_chrome,
    starts_tail,
)

# fmt: off
DEBRIS = [
    "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
    "Click để đánh giá bài viết",
    "Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ",
    'Trang chủ " Tin tức " Hoạt động cơ sở',  # "»" after normalization
    "Trang chủ / Tin tức - Sự kiện / Công tác dân tộc",
    "Tìm kiếm",
    "Tìm kiếm...",
    "Tìm kiếm | Đăng nhập",
    "Đăng nhập | Đăng ký",
    "Bỏ qua nội dung chính",
    "Truy cập nội dung luôn",
    "Tiếng Việt | English | 中文",
    "English",
    "Cỡ chữ A A+ | In bài",
    "In bài | Cỡ chữ A A+",
    "Mặc định Cỡ chữ",
    "aa",
    "Lượt xem: 1.205",
    "Lượt thích: 12 | Cỡ chữ A A+",
    "Đang truy cập: 128 | Tổng lượt truy cập: 5.411.902",
    "SỐ LƯỢT TRUY CẬP: 1.077.531",
    "Số lượt truy cập",
    "2.418.337",
    "Chia sẻ: Facebook | Zalo",
    "%image_alt%",
    "![]() |",
    "LÃNH ĐẠO HUYỆN",
    "Đồng chí LƯƠNG VĂN HÒA Bí thư Huyện ủy",
    "09:05, 22/11/2021",
    "Ngày đăng: 14/09/2021",
    "Xã Hữu Liên ra mắt 2 tổ hợp tác trồng na (10/09/2021)",  # a sidebar headline
    "• Lượt xem: 5547 lượt xem",
    "(http://www.baoxyz.vn/)",
]

NOT_DEBRIS = [
    "Kiểm tra tiến độ thực hiện các chương trình mục tiêu quốc gia tại xã Yên Thịnh",
    "Đoàn kiểm tra tuyến đường bê tông tại thôn Đồng Mạ (ảnh: Lục Thu)",
    "Chia sẻ kinh nghiệm giữ rừng tại bản Nà Pài",  # a caption, not a share button
    "Đồng chí Lương Văn Hòa, Bí thư Huyện ủy phát biểu tại buổi làm việc",
    "MINH ANH",
    "Lan Phương - Đức Minh",
    "Sáng 13/9, Đoàn kiểm tra số 2 của huyện đã làm việc tại xã Yên Thịnh.",
]

TAIL = [
    "Những tin mới hơn",
    "Những tin cũ hơn",
    "Tin liên quan", "Các tin khác", "Tin cùng chuyên mục", "Các tin đã đưa ngày:", "Bình luận",
    "Cơ quan chủ quản: UBND huyện Pác Nặm, tỉnh Bắc Kạn", "Giấy phép số 12/GP-TTĐT",
]

HEAD = [
    "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN IA GRAI",
    "BÁO ĐIỆN TỬ - TIN ĐỊA PHƯƠNG",
    "Tin nổi bật: Ông Hoàng Văn Nghiệm, Chủ tịch UBND huyện dự tổng kết tại xã Minh Sơn",
    "Phú Thọ:",
    "Trang chủ Bạn đọc - Cần biết",
    "Thứ Năm, 14/08/2025",
]

DATELINES = [
    ("Ngày đăng: 15/10/2025 | Lượt thích: 12", dt.date(2025, 10, 15)),
    ("Ngày đăng: 15/11/2023 | Tác giả: Kim Ngân", dt.date(2023, 11, 15)),
    ("Thứ năm - 19/09/2024 16:05", dt.date(2024, 9, 19)),
    ("2024-08-12 16:47:00.0", dt.date(2024, 8, 12)),
    ("2024-13-12 16:47", None),
    ("09:05, 21/05/2021", dt.date(2021, 5, 21)),
    ("Ngày đăng: 14/09/2021", dt.date(2021, 9, 14)),
    ("Ngày đăng: 08/07/2024  11:38", dt.date(2024, 7, 8)),
    ("Cập nhật lúc 10:30 ngày 14/09/2021", dt.date(2021, 9, 14)),
    ("14/09/2021 10:30 (GMT+7)", dt.date(2021, 9, 14)),
    ("19:58 | 07/09/2021 GMT+7", dt.date(2021, 9, 7)),
    ("00:01 | 10/05/2019", dt.date(2019, 5, 10)),
    ("14/04/2021, 20:20", dt.date(2021, 4, 14)),
    ("22:12, ngày 13-11-2018", dt.date(2018, 11, 13)),
    ("10/06/2020", dt.date(2020, 6, 10)),
    ("• Cập nhật: 19/11/2020", dt.date(2020, 11, 19)),
    ("16/07/2019 07:41 | 0", dt.date(2019, 7, 16)),
    ("Cập nhật lúc 08:20 ngày 03/04/2024 | In bài", dt.date(2024, 4, 3)),
    ("Ngày đăng: 12/10/2023 | Chia sẻ | Gửi email", dt.date(2023, 10, 12)),
    ("Thứ 3, Ngày 16/07/2024 -", dt.date(2024, 7, 16)),
    ("Cập nhật: 31/02/2024", None),  # no such day
    ("Sáng 13/9, đoàn kiểm tra tại xã", None),
    ("Quyết định số 12/2021 ngày 14/09/2021 của UBND tỉnh về việc giao chỉ tiêu", None),
]
# fmt: on


@pytest.mark.parametrize("line", DEBRIS)
def test_debris_lines(line: str) -> None:
    assert is_debris(line)


@pytest.mark.parametrize("line", NOT_DEBRIS)
def test_article_lines_are_not_debris(line: str) -> None:
    assert not is_debris(line)
    assert not starts_tail(line)


@pytest.mark.parametrize("line", TAIL)
def test_lines_that_start_the_page_furniture(line: str) -> None:
    assert starts_tail(line)


@pytest.mark.parametrize("line", HEAD)
def test_chrome_before_the_headline(line: str) -> None:
    assert is_head_chrome(line)


@pytest.mark.parametrize("line", NOT_DEBRIS[:2])
def test_headlines_and_captions_are_not_head_chrome(line: str) -> None:
    assert not is_head_chrome(line)


@pytest.mark.parametrize(("line", "date"), DATELINES)
def test_datelines(line: str, date: dt.date | None) -> None:
    assert dateline(line) == date


def test_a_weekday_date_is_a_widget_not_a_dateline() -> None:
    assert is_date_widget("Thứ Hai, 22/11/2021")
    assert not is_date_widget("09:05, 22/11/2021")
    # with a time it is the article's own dateline, under its headline
    assert not is_date_widget("Thứ năm - 19/09/2024 16:05")


@pytest.mark.parametrize(
    "line",
    ["Đồng chí " + "A" * 20_000, "Đồng chí " + "AB " * 7_000, "Tin nổi bật: " + "x" * 30_000],
)
def test_long_lines_are_not_debris(line: str) -> None:
    assert not is_debris(line)
