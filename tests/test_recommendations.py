"""The vnreport_recommendations component, one case per phenomenon, through the real pipeline."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

import vnreport
from vnreport.evaluation.scoring import token_f1
from vnreport.records import Report

from .conftest import SEED

TITLE = "Kiểm tra công tác dân vận tại phường Huyền Tụng\n\n"
INTRO = (
    "Sáng 14/9, đồng chí Nguyễn Thị Huế, Phó Chủ tịch UBND thành phố đã kiểm tra tại phường.\n\n"
)

# fmt: off
ITEMS = [
    # body after the intro, expected item texts
    ("Đồng chí Nguyễn Thị Huế đề nghị phường rà soát các quy ước; tuyên truyền, vận động nhân dân phát triển kinh tế.",
     ["phường rà soát các quy ước", "tuyên truyền, vận động nhân dân phát triển kinh tế"]),
    ("Đồng thời, đồng chí đề nghị, phường tiếp tục rà soát các quy ước…",
     ["phường tiếp tục rà soát các quy ước"]),
    ("Đồng chí Nguyễn Thị Huế đề nghị:\n- Các xã tiếp tục vận động nhân dân gieo trồng;\n"
     "- Trung tâm Dịch vụ nông nghiệp tăng cường hướng dẫn kỹ thuật;\n+ UBND xã chủ động khơi thông mương tiêu.",
     ["Các xã tiếp tục vận động nhân dân gieo trồng", "Trung tâm Dịch vụ nông nghiệp tăng cường hướng dẫn kỹ thuật",
      "UBND xã chủ động khơi thông mương tiêu"]),
    ("Bà Nguyễn Thị Huế lưu ý phường cần thực hiện tốt một số nội dung: Một là, tăng cường kiểm tra vỉa hè; "
     "Hai là, nhân rộng mô hình phân loại rác; Ba là, hoàn thiện hồ sơ trước ngày 15/6.",
     ["tăng cường kiểm tra vỉa hè", "nhân rộng mô hình phân loại rác", "hoàn thiện hồ sơ trước ngày 15/6"]),
    ("Đồng chí Nguyễn Thị Huế yêu cầu xã rà soát lại các tiêu chí chưa đạt, đồng thời đẩy nhanh tiến độ thi công.",
     ["xã rà soát lại các tiêu chí chưa đạt", "đẩy nhanh tiến độ thi công"]),
    ("Đồng chí Nguyễn Thị Huế đề nghị phường rà soát, kiểm tra, đánh giá và nhân rộng các mô hình dân vận khéo.",
     ["phường rà soát, kiểm tra, đánh giá và nhân rộng các mô hình dân vận khéo"]),
    ("Đồng chí Nguyễn Thị Huế đề xuất thành phố hỗ trợ kinh phí sửa chữa nhà văn hóa.",
     ["thành phố hỗ trợ kinh phí sửa chữa nhà văn hóa"]),
    ("UBND phường kiến nghị tỉnh cho phép hợp đồng giáo viên mầm non.",
     ["tỉnh cho phép hợp đồng giáo viên mầm non"]),
    ("Đồng chí Nguyễn Thị Huế chỉ đạo phường xử lý dứt điểm các công trình vi phạm.",
     ["phường xử lý dứt điểm các công trình vi phạm"]),
    ("Đồng chí giao Sở Nội vụ hướng dẫn phường; giao Văn phòng UBND tỉnh theo dõi kết quả hằng tuần.",
     ["Sở Nội vụ hướng dẫn phường", "Văn phòng UBND tỉnh theo dõi kết quả hằng tuần"]),
    ("Đồng chí yêu cầu UBND các xã không chủ quan; chỉ đạo các thôn trực 24/24 giờ.",
     ["UBND các xã không chủ quan", "chỉ đạo các thôn trực 24/24 giờ"]),
    ("Đồng chí Nguyễn Thị Huế nhấn mạnh, thời gian tới phường cần nâng cao chất lượng hoạt động.",
     ["thời gian tới phường cần nâng cao chất lượng hoạt động"]),
    ("Thứ trưởng nhấn mạnh: các địa phương cần chủ động ứng phó; đồng thời cần bảo đảm an toàn cho người dân.",
     ["các địa phương cần chủ động ứng phó", "bảo đảm an toàn cho người dân"]),
    ("Đồng chí đề nghị: Thứ nhất, các chi bộ nâng cao chất lượng sinh hoạt. Thứ hai, tăng cường phát triển đảng viên.",
     ["các chi bộ nâng cao chất lượng sinh hoạt", "tăng cường phát triển đảng viên"]),
    ("Đồng chí Nguyễn Thị Huế yêu cầu:\n- Các xã rà soát hộ nghèo. Báo cáo kết quả trước ngày 5/10.\n"
     "- Các trường tăng cường giáo dục.\nBuổi làm việc kết thúc lúc 11 giờ.",
     ["Các xã rà soát hộ nghèo. Báo cáo kết quả trước ngày 5/10", "Các trường tăng cường giáo dục"]),
    ("Đồng chí yêu cầu nhà thầu hoàn thành các kiệt còn lại. UBND phường chủ trì đối thoại với các hộ.",
     ["nhà thầu hoàn thành các kiệt còn lại", "UBND phường chủ trì đối thoại với các hộ"]),
    # portal shapes: lead-in and list lines of every marker
    ("Kết luận, bà Nguyễn Thị Huế đề nghị phường tập trung một số nội dung sau:\n– Rà soát hộ nghèo;\n"
     "* Nhân rộng mô hình tổ tự quản;\n1. Hoàn thiện hồ sơ trước ngày 30/11;\na) Báo cáo kết quả về thành phố.",
     ["Rà soát hộ nghèo", "Nhân rộng mô hình tổ tự quản", "Hoàn thiện hồ sơ trước ngày 30/11",
      "Báo cáo kết quả về thành phố"]),
    # a lead-in and sentences without a trigger of their own
    ("Đồng chí Nguyễn Thị Huế nhấn mạnh: Phường cần nâng cao chất lượng tiếp dân. Tiếp tục rà soát các quy ước. "
     "Tập trung chỉnh trang vỉa hè. Phấn đấu hoàn thành các chỉ tiêu trong tháng 12.",
     ["Phường cần nâng cao chất lượng tiếp dân", "Tiếp tục rà soát các quy ước", "Tập trung chỉnh trang vỉa hè",
      "Phấn đấu hoàn thành các chỉ tiêu trong tháng 12"]),
    # passive and reported asks
    ("Đồng chí Nguyễn Thị Huế đề nghị phường rà soát các quy ước. Các tổ dân phố được yêu cầu báo cáo trước ngày 5/10.",
     ["phường rà soát các quy ước", "Các tổ dân phố được yêu cầu báo cáo trước ngày 5/10"]),
    ("Phòng Văn hóa thành phố được giao hướng dẫn phường xây dựng mô hình.",
     ["Phòng Văn hóa thành phố được giao hướng dẫn phường xây dựng mô hình"]),
    ("Đồng chí yêu cầu phường khắc phục hạn chế. Việc thực hiện phải bảo đảm đúng quy trình; các tổ phải báo cáo hằng tuần.",
     ["phường khắc phục hạn chế", "Việc thực hiện phải bảo đảm đúng quy trình", "các tổ phải báo cáo hằng tuần"]),
    ("Đoàn đề nghị UBND phường cần kiên quyết xử lý vi phạm, bên cạnh đó, công khai danh sách hộ vi phạm.",
     ["UBND phường cần kiên quyết xử lý vi phạm", "công khai danh sách hộ vi phạm"]),
    ("Đồng chí Nguyễn Thị Huế nhấn mạnh, các tổ cần tiếp tục vận động nhân dân.",
     ["các tổ cần tiếp tục vận động nhân dân"]),
    ("Đồng chí yêu cầu Ban Quản lý dự án đôn đốc nhà thầu bảo đảm tiến độ.",
     ["Ban Quản lý dự án đôn đốc nhà thầu bảo đảm tiến độ"]),
    # a Trưởng ban asks; "giao" a cán bộ; a numbered item opening with the verb
    ("Kết luận, đồng chí Trưởng ban đề nghị Đảng ủy xã tiếp tục lãnh đạo công tác dân vận.",
     ["Đảng ủy xã tiếp tục lãnh đạo công tác dân vận"]),
    ("Ông cũng giao cán bộ thú y xã cấp phát hóa chất khử trùng cho các hộ chăn nuôi.",
     ["cán bộ thú y xã cấp phát hóa chất khử trùng cho các hộ chăn nuôi"]),
    ("Đồng chí kết luận các nội dung sau:\n\n2. Đề nghị tổ dân phố số 23 khắc phục ngay tình "
     "trạng để rác ra vỉa hè.",
     ["tổ dân phố số 23 khắc phục ngay tình trạng để rác ra vỉa hè"]),
]

NOT_ASKS = [
    "Theo yêu cầu của Đoàn, phường đã báo cáo đầy đủ.",
    "Phường đã ban hành 04 văn bản lãnh đạo, chỉ đạo về dân chủ ở cơ sở.",
    "Phong trào tiếp tục được quan tâm chỉ đạo, hướng dẫn, vận động.",
    "Phường đã giao các tổ trật tự đô thị tuần tra hằng đêm.",
    "Năm 2025 phường được giao hỗ trợ 46 căn nhà.",
    "Xã đầu tư nâng cấp hệ thống giao thông nông thôn.",
    "Ban Chỉ đạo phòng, chống tội phạm thành phố đã kiểm tra tại phường.",
    "Các kiến nghị của xã, đoàn sẽ tổng hợp báo cáo Thành ủy.",
    "Tỷ lệ đạt 91,2%, thấp hơn chỉ tiêu huyện giao khoảng 2,3%.",
    "Xã cơ bản đáp ứng các yêu cầu của xã nông thôn mới kiểu mẫu.",
    "Khi cần thiết, phường huy động lực lượng dân quân.",
    "Xã cũng giao chỉ tiêu cho từng thôn.",
    "Phường có 12 tổ dân phố, cần thêm kinh phí sửa chữa nhà văn hóa.",
    "Tuy nhiên, phường vẫn còn một số hạn chế trong thu gom rác.",  # a finding
    "Đoàn ghi nhận những cố gắng của phường trong năm qua.",  # praise
    "Phường sẽ tiếp tục vận động nhân dân hiến đất mở rộng đường.",  # the inspected side's promise
    "Đại diện các phòng đã trả lời các kiến nghị phường đề xuất; buổi làm việc kết thúc lúc 11 giờ.",
    "Đồng chí chủ trì buổi làm việc với Ban chỉ đạo phường về nhiệm vụ thời gian tới.",
    "Đồng chí phát biểu xung quanh các đề xuất, kiến nghị của phường.",
]
# fmt: on


def _report(nlp: Language, body: str) -> Report:
    return vnreport.extract(TITLE + INTRO + body, nlp=nlp)


def _grounded(report: Report) -> None:
    for span in report.spans():
        assert report.text[span.start : span.end] == span.text


@pytest.mark.parametrize(("body", "expected"), ITEMS)
def test_items(nlp: Language, body: str, expected: list[str]) -> None:
    report = _report(nlp, body)
    assert [item.text for item in report.recommendations] == expected
    for item in report.recommendations:
        assert item.span.text == item.text
    _grounded(report)


@pytest.mark.parametrize("body", NOT_ASKS)
def test_not_an_ask(nlp: Language, body: str) -> None:
    assert _report(nlp, body).recommendations == []


def test_article_without_asks(nlp: Language) -> None:
    report = _report(nlp, "Phường có 12 tổ dân phố. Các mô hình hoạt động hiệu quả.")
    assert report.recommendations == []


def test_issuer_is_the_named_official(nlp: Language) -> None:
    report = _report(nlp, "Kết luận, đồng chí Nguyễn Thị Huế đề nghị phường rà soát các quy ước.")
    assert [item.issuer for item in report.recommendations] == ["Nguyễn Thị Huế"]


def test_bare_honorific_refers_back(nlp: Language) -> None:
    body = (
        "Kết luận, ông Trần Văn Hòa ghi nhận kết quả của phường. "
        "Ông giao Hạt Kiểm lâm huyện kiểm tra đột xuất các chòi canh lửa."
    )
    report = _report(nlp, body)
    assert [item.issuer for item in report.recommendations] == ["Trần Văn Hòa"]


def test_issuer_is_a_body(nlp: Language) -> None:
    body = "Sau khi kiểm tra hồ sơ, Đoàn kiểm tra đề nghị UBND phường tiếp tục quán triệt kỷ cương."
    report = _report(nlp, body)
    assert [item.issuer for item in report.recommendations] == ["Đoàn kiểm tra"]


def test_delegation_opening_the_sentence_is_the_issuer(nlp: Language) -> None:
    body = "Đoàn công tác ghi nhận kết quả đạt được và lưu ý xã cần quan tâm vệ sinh môi trường."
    report = _report(nlp, body)
    assert [(i.issuer, i.text) for i in report.recommendations] == [
        ("Đoàn công tác", "xã cần quan tâm vệ sinh môi trường")
    ]


def test_addressee_and_verb(nlp: Language) -> None:
    body = "Đồng chí Nguyễn Thị Huế yêu cầu UBND xã Yên Đĩnh chủ động khơi thông mương; báo cáo kết quả."
    items = _report(nlp, body).recommendations
    assert [(item.addressee, item.verb) for item in items] == [
        ("UBND xã Yên Đĩnh", "yêu cầu"),
        ("UBND xã Yên Đĩnh", "yêu cầu"),
    ]


def test_endless_ask_is_quick(nlp: Language) -> None:
    report = _report(nlp, "Đồng chí đề nghị " * 20_000 + "phường rà soát;" * 5_000)
    _grounded(report)


def test_component_config_round_trips(nlp: Language) -> None:
    restored = type(nlp).from_config(nlp.config)
    assert restored.get_pipe_meta("vnreport_recommendations").default_config == {
        "min_item_words": 2
    }


def test_seed_recommendations(nlp: Language, seed_text: str) -> None:
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    report = vnreport.extract(seed_text, nlp=nlp)
    items = report.recommendations
    assert len(items) == len(gold["recommendations"])
    for item, expected in zip(items, gold["recommendations"], strict=True):
        assert item.text in (expected["text"], expected["text"].removeprefix("phường "))
        assert item.issuer == expected["issuer"]
        assert token_f1(expected["text"], item.text) >= 0.9
    _grounded(report)


def test_an_ask_upward_is_issued_by_the_unit(nlp: Language) -> None:
    items = _report(
        nlp, "UBND phường Huyền Tụng kiến nghị thành phố hỗ trợ kinh phí làm kè."
    ).recommendations
    assert [(i.issuer, i.addressee, i.verb) for i in items] == [
        ("UBND phường Huyền Tụng", "thành phố", "kiến nghị")
    ]


def test_items_after_a_lead_in_keep_its_issuer(nlp: Language) -> None:
    body = (
        "Đồng chí Nguyễn Thị Huế nhấn mạnh: Phường cần nâng cao chất lượng tiếp dân. "
        "Tiếp tục rà soát các quy ước. Sở Nội vụ được giao hướng dẫn phường."
    )
    items = _report(nlp, body).recommendations
    assert [i.issuer for i in items] == ["Nguyễn Thị Huế"] * 3
    assert items[-1].addressee == "Sở Nội vụ"


def test_an_item_cut_off_by_the_end_of_the_text_is_marked(nlp: Language) -> None:
    items = _report(
        nlp, "Đồng chí Nguyễn Thị Huế yêu cầu phường rà soát các quy ước và"
    ).recommendations
    assert [(i.text, i.truncated) for i in items] == [("phường rà soát các quy ước và", True)]
    whole = _report(
        nlp, "Đồng chí Nguyễn Thị Huế yêu cầu phường rà soát các quy ước."
    ).recommendations
    assert [i.truncated for i in whole] == [False]


def test_the_headline_asks_nothing(nlp: Language) -> None:
    report = vnreport.extract(
        "Trường học cần lưu ý gì khi triển khai các khoản thu năm học mới\n\n" + INTRO, nlp=nlp
    )
    assert report.recommendations == []


# fmt: off
ISSUERS = [
    ("Kết luận, ông Trần Văn Hòa yêu cầu phường thực hiện các nhiệm vụ sau:\n1. Rà soát hộ nghèo;\n"
     "2. Công khai danh sách hộ được hỗ trợ.", ["Trần Văn Hòa", "Trần Văn Hòa"]),
    ("Qua giám sát, Thường trực HĐND thành phố đề nghị phường tiếp tục khai thác các nguồn thu.",
     ["Thường trực HĐND thành phố"]),
]
# fmt: on


@pytest.mark.parametrize(("body", "issuers"), ISSUERS)
def test_issuers(nlp: Language, body: str, issuers: list[str]) -> None:
    assert [item.issuer for item in _report(nlp, body).recommendations] == issuers
