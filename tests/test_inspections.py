"""The inspection record: who inspected what, where, led by whom."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from spacy.language import Language

import vnreport
from vnreport.pipeline.inspections import lexicon
from vnreport.records import Report
from vnreport.review.show import render_report

from .conftest import CORPORA


def _report(nlp: Language, body: str, title: str = "Tin hoạt động cơ sở") -> Report:
    return vnreport.extract(f"{title}\n\n{body}", nlp=nlp)


def _summary(report: Report) -> tuple[object, ...]:
    (item,) = report.inspections
    return (
        item.kind,
        item.body.text if item.body else None,
        item.leader,
        item.topic.text if item.topic else None,
        [(t.type, t.name) for t in item.targets],
    )


# (lead and body, kind, body, leader, topic, targets), all sentences written for these tests.
# fmt: off
CASES = [
    ("Sáng ngày 9/3, Đoàn kiểm tra của Ban Dân vận Huyện ủy Yên Thế do đồng chí Hoàng Văn Bảo, "
     "Trưởng Ban Dân vận Huyện ủy làm Trưởng đoàn đã kiểm tra việc thực hiện phong trào "
     "“Dân vận khéo” tại xã Đồng Tâm, huyện Yên Thế.",
     "kiểm tra", "Đoàn kiểm tra của Ban Dân vận Huyện ủy Yên Thế", "Hoàng Văn Bảo",
     "việc thực hiện phong trào \"Dân vận khéo\"", [("xã", "Đồng Tâm")]),
    ("Chiều 4/4, ông Lê Văn Hòa, Phó Chủ tịch UBND huyện Lục Nam đã kiểm tra tiến độ làm đường "
     "giao thông nông thôn tại xã Tam Dị. Đoàn đã kiểm tra thực tế tại thôn Đồng Vàng.",
     "kiểm tra", None, "Lê Văn Hòa", "tiến độ làm đường giao thông nông thôn",
     [("xã", "Tam Dị"), ("thôn", "Đồng Vàng")]),
    ("Ngày 12/5, Đoàn giám sát của Thường trực HĐND huyện Tân Yên do bà Ngô Thị Lan, Phó Chủ tịch "
     "HĐND huyện làm Trưởng đoàn đã giám sát việc chi trả trợ cấp xã hội tại xã Ngọc Lý.",
     "giám sát", "Đoàn giám sát của Thường trực HĐND huyện Tân Yên", "Ngô Thị Lan",
     "việc chi trả trợ cấp xã hội", [("xã", "Ngọc Lý")]),
    ("Sáng 2/6, bà Trần Thị Mai, Phó Chủ tịch UBND thành phố Bắc Giang đã đến thăm và làm việc "
     "tại phường Đa Mai về công tác chăm lo gia đình chính sách.",
     "thăm", None, "Trần Thị Mai", "công tác chăm lo gia đình chính sách", [("phường", "Đa Mai")]),
    ("Ngày 20/7, đồng chí Vũ Đức Minh, Chủ tịch UBND huyện Lạng Giang đã làm việc với xã Tân Hưng "
     "để kiểm tra tình hình giải ngân vốn đầu tư công.",
     "kiểm tra", None, "Vũ Đức Minh", "tình hình giải ngân vốn đầu tư công", [("xã", "Tân Hưng")]),
    ("Sáng 8/8, Đoàn kiểm tra công tác phòng cháy, chữa cháy thị xã Việt Yên do ông Đào Quang Huy, "
     "Phó Chủ tịch UBND thị xã làm Trưởng đoàn đã có buổi kiểm tra tại phường Bích Động.",
     "kiểm tra", "Đoàn kiểm tra công tác phòng cháy, chữa cháy thị xã Việt Yên", "Đào Quang Huy",
     "công tác phòng cháy, chữa cháy", [("phường", "Bích Động")]),
    ("Chiều 15/9, Đoàn kiểm tra của UBND huyện Hiệp Hòa đã kiểm tra công tác vệ sinh môi trường "
     "tại thị trấn Thắng. Đoàn do ông Nguyễn Hữu Tài, Phó Chủ tịch UBND huyện làm Trưởng đoàn.",
     "kiểm tra", "Đoàn kiểm tra của UBND huyện Hiệp Hòa", "Nguyễn Hữu Tài",
     "công tác vệ sinh môi trường", [("thị trấn", "Thắng")]),
    ("Ngày 3/10, Ban Chỉ đạo chuyển đổi số huyện Sơn Động đã kiểm tra kết quả chuyển đổi số "
     "tại xã An Lạc. Các xã An Châu và Dương Hưu sẽ được đoàn kiểm tra trong tháng tới.",
     "kiểm tra", "Ban Chỉ đạo chuyển đổi số huyện Sơn Động", None, "kết quả chuyển đổi số",
     [("xã", "An Lạc")]),
    ("Ngày 5/4, UBND huyện Lạng Giang thành lập Đoàn kiểm tra liên ngành do ông Vũ Đức Minh, Phó "
     "Chủ tịch UBND huyện làm trưởng đoàn, đi kiểm tra công tác bảo đảm an toàn thực phẩm tại xã "
     "Tân Hưng.",
     "kiểm tra", "Đoàn kiểm tra liên ngành", "Vũ Đức Minh", "công tác bảo đảm an toàn thực phẩm",
     [("xã", "Tân Hưng")]),
    ("Ngày 18/6, Ban Pháp chế HĐND tỉnh Bắc Giang do đồng chí Nguyễn Văn Lâm, Trưởng Ban Pháp chế "
     "HĐND tỉnh làm trưởng đoàn đã giám sát công tác tiếp công dân tại xã Tam Dị.",
     "giám sát", "Ban Pháp chế HĐND tỉnh Bắc Giang", "Nguyễn Văn Lâm", "công tác tiếp công dân",
     [("xã", "Tam Dị")]),
    ("Sáng 9/8, Tổ công tác số 3 của tỉnh do đồng chí Y Ngông Niê, Phó Chủ tịch UBND tỉnh làm tổ "
     "trưởng đã làm việc với xã Ea Tiêu về tình hình vận hành chính quyền địa phương hai cấp.",
     "làm việc", "Tổ công tác số 3 của tỉnh", "Y Ngông Niê",
     "tình hình vận hành chính quyền địa phương hai cấp", [("xã", "Ea Tiêu")]),
    ("Ngày 9/9, Ban An toàn giao thông tỉnh Vĩnh Long phối hợp với UBND phường Tân Ngãi kiểm tra "
     "công tác bảo đảm an toàn tại các bến đò ngang.",
     "kiểm tra", "Ban An toàn giao thông tỉnh Vĩnh Long", None,
     "công tác bảo đảm an toàn tại các bến đò ngang", [("phường", "Tân Ngãi")]),
    ("Chiều 29/5, Đoàn Giám sát của Thường trực HĐND xã Tân Sỏi do bà Trần Thị Tấm, Phó Chủ tịch "
     "HĐND xã làm Trưởng đoàn đã giám sát việc giải quyết kiến nghị của cử tri tại thôn Đồng Cống.",
     "giám sát", "Đoàn Giám sát của Thường trực HĐND xã Tân Sỏi", "Trần Thị Tấm",
     "việc giải quyết kiến nghị của cử tri", [("thôn", "Đồng Cống")]),
    ("Ngày 9/10, Thường trực HĐND xã Tân Sỏi do bà Trần Thị Tấm, Phó Chủ tịch HĐND xã chủ trì đã "
     "giám sát việc bảo đảm an toàn thực phẩm tại bếp ăn của Trường Mầm non Tân Sỏi.",
     "giám sát", "Thường trực HĐND xã Tân Sỏi", "Trần Thị Tấm", "việc bảo đảm an toàn thực phẩm",
     []),
    ("Ngày 12/7, Đoàn khảo sát của Ban Kinh tế - Ngân sách HĐND tỉnh Bắc Giang đã khảo sát HTX "
     "Nông nghiệp Phúc Hòa về tình hình phát triển kinh tế tập thể.",
     "khảo sát", "Đoàn khảo sát của Ban Kinh tế - Ngân sách HĐND tỉnh Bắc Giang", None,
     "tình hình phát triển kinh tế tập thể", []),
    ("Sáng 20/8, ông Nguyễn Văn Tú, Phó Chủ tịch UBND huyện Lạng Giang đã kiểm tra tiến độ xây "
     "dựng tại Nhà máy nước sạch Tân Dĩnh.",
     "kiểm tra", None, "Nguyễn Văn Tú", "tiến độ xây dựng", []),
    ("Chiều 16/10, Đoàn giám sát của Thường trực HĐND huyện Sơn Động gồm các đồng chí: Nguyễn Văn "
     "Tài, Chủ tịch HĐND huyện; Lê Thị Hà, Phó Chủ tịch HĐND huyện đã giám sát việc hỗ trợ xây nhà "
     "cho hộ nghèo tại xã An Lạc.",
     "giám sát", "Đoàn giám sát của Thường trực HĐND huyện Sơn Động", "Nguyễn Văn Tài",
     "việc hỗ trợ xây nhà cho hộ nghèo", [("xã", "An Lạc")]),
    ("Chiều 13/5, bà Hà Thị Lan, Phó Chủ tịch UBND tỉnh và Đoàn ĐBQH tỉnh Tuyên Quang đã tiếp xúc "
     "cử tri xã Kim Phú, huyện Yên Sơn.",
     "tiếp xúc cử tri", "Đoàn ĐBQH tỉnh Tuyên Quang", "Hà Thị Lan", None, [("xã", "Kim Phú")]),
]
# fmt: on


@pytest.mark.parametrize(("body", "kind", "inspecting", "leader", "topic", "targets"), CASES)
def test_the_main_inspection(
    nlp: Language,
    body: str,
    kind: str,
    inspecting: str | None,
    leader: str | None,
    topic: str | None,
    targets: list[tuple[str, str]],
) -> None:
    assert _summary(_report(nlp, body)) == (kind, inspecting, leader, topic, targets)


def test_the_inspecting_sides_unit_and_a_parent_address_are_no_targets(nlp: Language) -> None:
    report = _report(
        nlp,
        "Sáng 5/11, Đoàn kiểm tra của thành phố Bắc Giang do ông Lê Minh Tâm, Phó Chủ tịch UBND "
        "thành phố làm Trưởng đoàn đã kiểm tra công tác cải cách hành chính tại phường Xương "
        "Giang, thành phố Bắc Giang, tỉnh Bắc Giang.",
    )
    assert [(t.type, t.name) for t in report.inspections[0].targets] == [("phường", "Xương Giang")]


def test_a_site_visit_adds_targets_to_the_main_activity(nlp: Language) -> None:
    report = _report(
        nlp,
        "Ngày 6/12, ông Hà Văn Sơn, Phó Chủ tịch UBND huyện Lục Ngạn đã kiểm tra mô hình trồng "
        "vải sớm tại xã Phượng Sơn.\n\nÔng Giáp Văn Lực, Chủ tịch UBND xã Phượng Sơn cho biết, "
        "thôn Phì Lũy có 40 hộ tham gia.\n\nTrước đó, đoàn đã đi kiểm tra thực tế tại thôn Bãi "
        "Chợ và thôn Đồng Mới.",
    )
    (item,) = report.inspections
    assert [(t.type, t.name) for t in item.targets] == [
        ("xã", "Phượng Sơn"),
        ("thôn", "Bãi Chợ"),
        ("thôn", "Đồng Mới"),
    ]
    assert item.span.text.startswith("Ngày 6/12")


def test_a_site_visit_after_the_main_one_stays_with_it(nlp: Language) -> None:
    report = _report(
        nlp,
        "Chiều 28/8, Đoàn kiểm tra của UBND huyện Văn Chấn do bà Hà Thị Liên, Phó Chủ tịch UBND "
        "huyện làm trưởng đoàn đã kiểm tra công tác chuẩn bị năm học mới tại xã Sơn Thịnh.\n\n"
        "Sau đó, đoàn đã kiểm tra thực tế tại điểm trường thôn Khe Căng.",
    )
    (item,) = report.inspections
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Sơn Thịnh"), ("thôn", "Khe Căng")]


_MAIN = (
    "Sáng 12/3, Đoàn kiểm tra liên ngành của UBND huyện Yên Dũng do ông Trịnh Văn Hải, Phó Chủ "
    "tịch UBND huyện làm Trưởng đoàn đã kiểm tra công tác phòng, chống dịch tả lợn châu Phi tại xã "
    "Yên Lư. Tham gia đoàn có bà Đỗ Thị Hương, Trưởng phòng Nông nghiệp huyện.\n\n"
)
_DELEGATION = (
    "Đoàn kiểm tra liên ngành của UBND huyện Yên Dũng",
    "Trịnh Văn Hải",
    ["Đỗ Thị Hương"],
)

# (the sentence after the main one; the further record's kind, (body, leader, members), topic,
# targets, organizations), all written for these tests.
# fmt: off
FURTHER_CASES = [
    ("Cùng ngày, đoàn cũng đã làm việc với UBND xã Tư Mại về công tác tiêm phòng cho gia súc.",
     "làm việc", _DELEGATION, "công tác tiêm phòng cho gia súc", [("xã", "Tư Mại")], []),
    ("Cùng ngày, đoàn cũng kiểm tra tại xã Tư Mại và xã Đức Giang.",
     "kiểm tra", _DELEGATION, "công tác phòng, chống dịch tả lợn châu Phi",
     [("xã", "Tư Mại"), ("xã", "Đức Giang")], []),
    ("Chiều cùng ngày, ông Trịnh Văn Hải đến kiểm tra Trường THCS Tư Mại và Trạm Y tế xã Tư Mại.",
     "kiểm tra", (None, "Trịnh Văn Hải", []), None, [("xã", "Tư Mại")],
     ["Trường THCS Tư Mại", "Trạm Y tế xã Tư Mại"]),
    ("Sau đó, đoàn tiếp tục giám sát việc tiêu hủy lợn bệnh tại xã Đức Giang.",
     "giám sát", _DELEGATION, "việc tiêu hủy lợn bệnh", [("xã", "Đức Giang")], []),
    ("Chiều cùng ngày, đoàn kiểm tra tiếp tục làm việc với Công an xã Yên Lư về việc kiểm soát "
     "vận chuyển lợn.",
     "làm việc", _DELEGATION, "việc kiểm soát vận chuyển lợn", [("xã", "Yên Lư")],
     ["Công an xã Yên Lư"]),
    ("Chiều cùng ngày, tại xã Tư Mại, đoàn đã làm việc với Công an xã về việc kiểm soát vận "
     "chuyển lợn.",
     "làm việc", _DELEGATION, "việc kiểm soát vận chuyển lợn", [("xã", "Tư Mại")],
     ["Công an xã"]),
    ("Chiều cùng ngày, trước buổi làm việc, các thành viên đoàn đã đến thăm Trường Mầm non Yên "
     "Lư.",
     "thăm", _DELEGATION, None, [], ["Trường Mầm non Yên Lư"]),
    ("Sau đó, đoàn khảo sát tiếp tại xã Đức Giang, làm việc với HTX Nông nghiệp Đức Giang.",
     "khảo sát", _DELEGATION, None, [("xã", "Đức Giang")], ["HTX Nông nghiệp Đức Giang"]),
    ("Sau buổi làm việc tại xã Yên Lư, đoàn tiếp tục kiểm tra tại xã Tư Mại.",
     "kiểm tra", _DELEGATION, "công tác phòng, chống dịch tả lợn châu Phi", [("xã", "Tư Mại")],
     []),
    ("Kết thúc buổi kiểm tra ở xã Yên Lư, đoàn làm việc với Trạm Y tế xã Tư Mại và Trường "
     "Mầm non Tư Mại.",
     "làm việc", _DELEGATION, None, [("xã", "Tư Mại")],
     ["Trạm Y tế xã Tư Mại", "Trường Mầm non Tư Mại"]),
]
# fmt: on


@pytest.mark.parametrize(
    ("sentence", "kind", "delegation", "topic", "targets", "organizations"), FURTHER_CASES
)
def test_a_further_activity_is_its_own_record(
    nlp: Language,
    sentence: str,
    kind: str,
    delegation: tuple[str | None, str | None, list[str]],
    topic: str | None,
    targets: list[tuple[str, str]],
    organizations: list[str],
) -> None:
    report = _report(nlp, _MAIN + sentence)
    main, further = report.inspections
    assert [(t.type, t.name) for t in main.targets] == [("xã", "Yên Lư")]
    assert further.span.text == sentence
    assert (further.body.text if further.body else None, further.leader, further.members) == (
        delegation
    )
    assert (further.kind, further.topic.text if further.topic else None) == (kind, topic)
    assert [(t.type, t.name) for t in further.targets] == targets
    assert [o.text for o in further.organizations] == organizations
    assert further.date == main.date is not None  # "Cùng ngày", "Sau đó": the main one's day


@pytest.mark.parametrize(
    ("sentence", "kind", "day"),
    [
        ("Chiều 13/3, đoàn tiếp tục kiểm tra tại xã Tư Mại.", "kiểm tra", (3, 13)),
        (
            "Sáng ngày 14/3, đoàn giám sát việc tiêu hủy lợn bệnh tại xã Tư Mại.",
            "giám sát",
            (3, 14),
        ),
        ("Tiếp tục chương trình công tác, đoàn làm việc với UBND xã Tư Mại.", "làm việc", None),
        ("Cũng trong chương trình, đoàn đã kiểm tra tại xã Tư Mại.", "kiểm tra", None),
    ],
)
def test_a_further_activity_on_its_own_day_or_programme(
    nlp: Language, sentence: str, kind: str, day: tuple[int, int] | None
) -> None:
    main, further = _report(nlp, _MAIN + sentence).inspections
    assert [(t.type, t.name) for t in main.targets] == [("xã", "Yên Lư")]
    assert (further.kind, [(t.type, t.name) for t in further.targets]) == (kind, [("xã", "Tư Mại")])
    assert further.leader == "Trịnh Văn Hải"
    # its own day when the opener names one, else none the text gives
    assert ((further.date.month, further.date.day) if further.date else None) == day


def test_the_main_bodys_short_name_does_the_further_activity_with_its_leader(
    nlp: Language,
) -> None:
    report = _report(
        nlp,
        "Sáng 9/10, Thường trực HĐND xã Tân Sỏi do bà Trần Thị Tấm, Phó Chủ tịch HĐND xã chủ trì "
        "đã giám sát hoạt động sản xuất của HTX Dịch vụ nông nghiệp Tân Sỏi.\n\nCùng ngày, "
        "Thường trực HĐND xã làm việc với Ban quản lý chợ Tân Sỏi về công tác thu phí.",
    )
    main, further = report.inspections
    assert [o.text for o in main.organizations] == ["HTX Dịch vụ nông nghiệp Tân Sỏi"]
    assert (further.kind, further.body.text if further.body else None, further.leader) == (
        "làm việc",
        "Thường trực HĐND xã",
        "Trần Thị Tấm",
    )
    assert (further.topic.text if further.topic else None) == "công tác thu phí"
    assert [o.text for o in further.organizations] == ["Ban quản lý chợ Tân Sỏi"]


# (headline, lead, the main record's targets, the further one's), written for these tests.
# fmt: off
TITLE_CASES = [
    ("Huyện Yên Dũng kiểm tra phòng, chống dịch tại xã Yên Lư và xã Tư Mại",
     _MAIN + "Chiều cùng ngày, đoàn tiếp tục kiểm tra tại xã Tư Mại.",
     [("xã", "Yên Lư")], [("xã", "Tư Mại")]),
    ("Ban Pháp chế HĐND tỉnh giám sát tại huyện Tân Yên",
     "Sáng 4/6, Đoàn giám sát của Ban Pháp chế HĐND tỉnh Bắc Giang đã giám sát việc thực hiện "
     "Luật Công an xã tại xã Ngọc Lý, huyện Tân Yên.",
     [("xã", "Ngọc Lý")], None),
]
# fmt: on


@pytest.mark.parametrize(("title", "body", "main_targets", "further_targets"), TITLE_CASES)
def test_the_titles_places_are_the_further_ones_or_an_address(
    nlp: Language,
    title: str,
    body: str,
    main_targets: list[tuple[str, str]],
    further_targets: list[tuple[str, str]] | None,
) -> None:
    main, *others = _report(nlp, body, title=title).inspections
    assert [(t.type, t.name) for t in main.targets] == main_targets
    assert [[(t.type, t.name) for t in o.targets] for o in others] == (
        [further_targets] if further_targets is not None else []
    )
    assert main.organizations == []  # "Luật Công an xã" names no body


@pytest.mark.parametrize(
    "sentence",
    [
        "Trước đó, đoàn đã kiểm tra thực tế tại thôn Ruồng Cải.",
        "Sau đó, đoàn đã kiểm tra thực tế tại thôn Ruồng Cải.",
        "Cùng ngày, đoàn đề nghị xã Tư Mại tăng cường tiêm phòng.",
        "Sau đó, đoàn đến thăm gia đình ông Lê Văn Bình ở thôn Ruồng Cải.",
        "Sau đó, ông Nguyễn Văn Tú, Chủ tịch UBND xã Yên Lư kiến nghị huyện sớm kiểm tra tình hình "
        "dịch tại xã Tư Mại.",
    ],
)
def test_a_site_visit_or_an_ask_is_no_further_activity(nlp: Language, sentence: str) -> None:
    assert len(_report(nlp, _MAIN + sentence).inspections) == 1


# (a sentence of a site visit, the organizations it inspects), written for these tests.
# fmt: off
ORGANIZATION_CASES = [
    # a shop, a cooperatives' union, a savings group; "ở" of "Nhà ở" inside a name
    ("Đoàn đã kiểm tra Cửa hàng xăng dầu số 12 và Doanh nghiệp tư nhân Thành Đạt.",
     ["Cửa hàng xăng dầu số 12", "Doanh nghiệp tư nhân Thành Đạt"]),
    ("Đoàn đã làm việc với Liên minh Hợp tác xã tỉnh và Tổ tiết kiệm và vay vốn thôn Đông.",
     ["Liên minh Hợp tác xã tỉnh", "Tổ tiết kiệm và vay vốn thôn Đông"]),
    ("Đoàn đã làm việc với Công ty CP Đầu tư Nhà ở xã hội Hòa Khánh Xanh về tiến độ dự án.",
     ["Công ty CP Đầu tư Nhà ở xã hội Hòa Khánh Xanh"]),
    # the owner of the projects inspected is no body inspected
    ("Đoàn đã kiểm tra tiến độ các dự án do Ban Quản lý dự án Đầu tư xây dựng các công trình "
     "dân dụng và công nghiệp tỉnh làm chủ đầu tư: Trung tâm Y tế huyện Yên Dũng.",
     ["Trung tâm Y tế huyện Yên Dũng"]),
    # one body of each of several units names none
    ("Đoàn đã làm việc với Ủy ban MTTQ Việt Nam các xã Tư Mại và Yên Lư.", []),
    # "và" before another body's head ends the first name
    ("Đoàn đã kiểm tra Phòng khám đa khoa Tân Dĩnh 115 và Nhà thuốc Minh Châu.",
     ["Phòng khám đa khoa Tân Dĩnh 115", "Nhà thuốc Minh Châu"]),
    ("Đoàn làm việc với Ban Quản lý dự án đầu tư xây dựng huyện và UBND xã Tân Dĩnh.",
     ["Ban Quản lý dự án đầu tư xây dựng huyện"]),
    ("Đoàn đã kiểm tra kho sơ chế của Công ty TNHH Nông sản Đồng Quang và bếp ăn của HTX Nông "
     "nghiệp và Dịch vụ Phượng Sơn.",
     ["Công ty TNHH Nông sản Đồng Quang", "HTX Nông nghiệp và Dịch vụ Phượng Sơn"]),
    ("Đoàn đã kiểm tra cơ sở vật chất của Trường Tiểu học và THCS Sơn Thịnh và Trường Mầm non Hoa "
     "Ban.",
     ["Trường Tiểu học và THCS Sơn Thịnh", "Trường Mầm non Hoa Ban"]),
    ("Đoàn đã kiểm tra bếp ăn của Công ty TNHH Thủy sản Hải Vương ở phường Nhơn Bình.",
     ["Công ty TNHH Thủy sản Hải Vương"]),
    ("Đoàn đã kiểm tra khu vực chợ Bến Thành và cảng cá Trần Đề.", []),
    ("Đoàn đã kiểm tra công tác trực tại phường Trường Sơn.", []),
    ("Đoàn đã làm việc với Chi nhánh Ngân hàng Chính sách xã hội huyện Yên Dũng và Phòng Tài chính "
     "- Kế hoạch huyện.",
     ["Chi nhánh Ngân hàng Chính sách xã hội huyện Yên Dũng", "Phòng Tài chính - Kế hoạch huyện"]),
    ("Đoàn đã kiểm tra Xí nghiệp Cấp nước Yên Dũng và Ban Quản lý dự án đầu tư xây dựng huyện.",
     ["Xí nghiệp Cấp nước Yên Dũng", "Ban Quản lý dự án đầu tư xây dựng huyện"]),
    ("Đoàn đã kiểm tra Trường Tiểu học Tư Mại, Trường THCS Tư Mại và Điểm trường thôn Ruồng Cải.",
     ["Trường Tiểu học Tư Mại", "Trường THCS Tư Mại", "Điểm trường thôn Ruồng Cải"]),
    ("Đoàn đã kiểm tra trường THCS Yên Lư và trạm y tế xã Yên Lư.",
     ["trường THCS Yên Lư", "trạm y tế xã Yên Lư"]),
    ("Đoàn đã kiểm tra việc thực hiện Luật Công an xã và hoạt động của trạm y tế sau sáp nhập.", []),
    ("Đoàn đã làm việc với Đảng bộ xã Yên Lư và Chi bộ Trường THCS Yên Lư.",
     ["Đảng bộ xã Yên Lư", "Chi bộ Trường THCS Yên Lư"]),
    ("Đoàn đã làm việc với Trạm cấp nước sinh hoạt tập trung thôn Ruồng Cải.",
     ["Trạm cấp nước sinh hoạt tập trung thôn Ruồng Cải"]),
    ("Đoàn đã làm việc với Chi hội Nông dân thôn Ruồng Cải về mô hình “Chi hội ba sạch”.",
     ["Chi hội Nông dân thôn Ruồng Cải"]),  # a quoted name is no body
]
# fmt: on


@pytest.mark.parametrize(("sentence", "organizations"), ORGANIZATION_CASES)
def test_inspected_organizations_are_full_names(
    nlp: Language, sentence: str, organizations: list[str]
) -> None:
    report = _report(nlp, _MAIN + sentence)
    (item,) = report.inspections
    assert [o.text for o in item.organizations] == organizations


@pytest.mark.parametrize(
    "listed",
    ["Trường Mầm non Yên Lư", "Chi bộ Trường THCS Yên Lư", "Phòng Tài chính - Kế hoạch huyện"],
)
def test_an_organization_listed_after_a_unit_is_no_target(nlp: Language, listed: str) -> None:
    report = _report(nlp, _MAIN + f"Đoàn đã làm việc với Trạm Y tế xã Tư Mại và {listed}.")
    (item,) = report.inspections
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Yên Lư"), ("xã", "Tư Mại")]
    assert [o.text for o in item.organizations] == ["Trạm Y tế xã Tư Mại", listed]


def test_members_of_the_delegation(nlp: Language) -> None:
    report = _report(
        nlp,
        "Sáng 14/2, Đoàn kiểm tra của huyện Yên Dũng do ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện "
        "làm Trưởng đoàn đã kiểm tra tại xã Tư Mại. Tham gia đoàn có bà Đỗ Thị Hương, Trưởng phòng "
        "Nội vụ huyện.",
    )
    (item,) = report.inspections
    assert (item.leader, item.members) == ("Trịnh Văn Hải", ["Đỗ Thị Hương"])


def test_an_article_without_an_activity_has_no_inspection(nlp: Language) -> None:
    report = _report(nlp, "Năm nay, xã Tân Sỏi đạt 15 tiêu chí nông thôn mới; thu nhập tăng 8%.")
    assert report.inspections == []


def test_the_terminal_view_shows_the_inspection(nlp: Language, seed_text: str) -> None:
    console = Console(record=True, width=200)
    console.print(render_report(vnreport.extract(seed_text, nlp=nlp)))
    shown = console.export_text()
    assert "Inspections (1)" in shown
    assert "phường Huyền Tụng, tổ Giao Lâm, tổ Tổng Nẻng" in shown


def test_the_component_is_a_registered_factory(nlp: Language) -> None:
    assert nlp.pipe_names.index("vnreport_inspections") > nlp.pipe_names.index("vnreport_officials")
    restored = type(nlp).from_config(nlp.config)
    assert "vnreport_inspections" in restored.pipe_names
    assert nlp.analyze_pipes()["problems"]["vnreport_inspections"] == []


def test_the_lexicon_is_data() -> None:
    lex = lexicon()
    assert set(lex.kinds.values()) == {
        "kiểm tra", "giám sát", "làm việc", "khảo sát", "thăm", "tiếp xúc cử tri", "đối thoại",
        "họp",
    }  # fmt: skip
    assert lex.body_head.match("Đoàn kiểm tra của UBND huyện") is not None


def _corpus_reports(nlp: Language) -> list[tuple[Report, dict]]:
    found = []
    for gold_path in sorted((CORPORA / "dev").glob("*.gold.json"))[:12]:
        article = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        if article.exists():
            report = vnreport.extract(article.read_text(encoding="utf-8"), nlp=nlp)
            found.append((report, json.loads(gold_path.read_text(encoding="utf-8"))))
    return found


def test_records_refer_to_the_reports_own_items(nlp: Language) -> None:
    for report, _ in _corpus_reports(nlp):
        places = {(u.type, u.name) for u in report.admin_units} | {
            (g.type, g.name) for g in report.groups
        }
        names = {o.name for o in report.officials}
        for item in report.inspections:
            assert {(t.type, t.name) for t in item.targets} <= places
            assert {item.leader, *item.members} - {None} <= names


# No lone "." here: a title right before it crashes the officials component (issue 13 fixes
# that "Chủ tịch ." case); sentences end at the paragraph breaks instead.
_PIECES = st.sampled_from(
    [
        "Đoàn kiểm tra",
        "đoàn công tác",
        "do ông Lê Văn Hòa, Phó Chủ tịch UBND huyện",
        "làm Trưởng đoàn",
        "đã kiểm tra",
        "giám sát",
        "thăm và làm việc",
        "tại",
        "xã Tam Dị",
        "thôn Đồng Vàng",
        "phường 5",
        "với",
        "về",
        "việc",
        ",",
        "(",
        ")",
        "\n\n",
        "Trước đó,",
        "Cùng ngày,",
        "Sau đó,",
        "đoàn",
        "Trường THCS Tam Dị",
        "Công an xã",
        "được",
        "Chiều 13/3,",
        "Sau buổi làm việc tại xã Tam Dị,",
        "tại thôn Đồng Vàng,",
        "các đại biểu",
        "Phòng Tài chính huyện",
        "và Trường Mầm non Tam Dị",
        "Chi bộ",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PIECES, min_size=1, max_size=40))
def test_any_arrangement_gives_grounded_records_of_the_reports_items(
    nlp: Language, pieces: list[str]
) -> None:
    report = vnreport.extract("Tin\n\n" + " ".join(pieces), nlp=nlp)
    places = {(u.type, u.name) for u in report.admin_units} | {
        (g.type, g.name) for g in report.groups
    }
    for item in report.inspections:
        for span in [item.span, item.body, item.topic, *item.organizations]:
            if span is not None:
                assert report.text[span.start : span.end] == span.text
        assert {(t.type, t.name) for t in item.targets} <= places


# Inspection phrases repeated without end: the component's work stays linear in the input.
# fmt: off
_ENDLESS = [
    "Đoàn kiểm tra do ông Lê Văn Hòa, Phó Chủ tịch UBND huyện làm Trưởng đoàn đã kiểm tra tại xã Tam Dị, ",
    "Tham gia đoàn có ông Lê Văn Hòa, đoàn kiểm tra kiểm tra thực tế tại thôn Đồng Vàng ",
]
# fmt: on


def _best_seconds(nlp: Language, text: str) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        vnreport.extract(text, nlp=nlp)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("pattern", _ENDLESS, ids=["statement", "visit"])
def test_endless_inspection_phrases_take_linear_time(nlp: Language, pattern: str) -> None:
    small, factor = 2_000, 8
    text = pattern * (small * factor // len(pattern) + 1)
    ratio = _best_seconds(nlp, "Tin\n\n" + text[: small * factor]) / _best_seconds(
        nlp, "Tin\n\n" + text[:small]
    )
    assert ratio < factor * 4, f"{ratio:.1f}x slower for {factor}x the input"


# A dated opener on another day than the main activity: a further record with its own date.
# fmt: off
DATED_FURTHER_CASES = [
    ("Trước đó, ngày 10/3, Đoàn đã làm việc với Ban Thường vụ Đảng ủy xã Tư Mại về công tác "
     "tiêm phòng.",
     "làm việc", (3, 10), [], ["Ban Thường vụ Đảng ủy xã Tư Mại"]),
    ("Ngày 15-3, đoàn đã kiểm tra Đảng ủy xã Tư Mại với cùng nội dung.",
     "kiểm tra", (3, 15), [], ["Đảng ủy xã Tư Mại"]),
    ("Trước đó, sáng ngày 11/3, đoàn đã khảo sát tại xã Tư Mại.",
     "khảo sát", (3, 11), [("xã", "Tư Mại")], []),
]
# fmt: on


@pytest.mark.parametrize(
    ("sentence", "kind", "day", "targets", "organizations"), DATED_FURTHER_CASES
)
def test_a_dated_opener_on_another_day_opens_a_further_record(
    nlp: Language,
    sentence: str,
    kind: str,
    day: tuple[int, int],
    targets: list[tuple[str, str]],
    organizations: list[str],
) -> None:
    main, further = _report(nlp, _MAIN + sentence).inspections
    assert [(t.type, t.name) for t in main.targets] == [("xã", "Yên Lư")]
    assert further.span.text == sentence
    assert (further.kind, further.leader) == (kind, "Trịnh Văn Hải")
    assert further.date is not None
    assert (further.date.month, further.date.day) == day
    assert [(t.type, t.name) for t in further.targets] == targets
    assert [o.text for o in further.organizations] == organizations


def test_a_site_visit_before_the_main_one_without_a_date_stays_with_it(nlp: Language) -> None:
    sentence = "Trước đó, đoàn đã kiểm tra thực tế tại thôn Ruồng Cải."
    (main,) = _report(nlp, _MAIN + sentence).inspections
    assert [(t.type, t.name) for t in main.targets] == [("xã", "Yên Lư"), ("thôn", "Ruồng Cải")]


# A party or mass organization's unit is its scope, not a place the delegation visited.
# fmt: off
SCOPE_CASES = [
    ("Đoàn đã làm việc với Chi bộ thôn Ruồng Cải.", ["Chi bộ thôn Ruồng Cải"], []),
    ("Đoàn đã làm việc với Ban Thường vụ Đảng ủy xã Tư Mại.",
     ["Ban Thường vụ Đảng ủy xã Tư Mại"], []),
    ("Đoàn đã làm việc với Chi hội Phụ nữ thôn Ruồng Cải.", ["Chi hội Phụ nữ thôn Ruồng Cải"], []),
    ("Đoàn đã kiểm tra tại Chi bộ thôn Ruồng Cải, Đảng bộ xã Yên Lư.", ["Chi bộ thôn Ruồng Cải"], []),
    ("Đoàn đã làm việc với Công an xã Tư Mại.", ["Công an xã Tư Mại"], [("xã", "Tư Mại")]),
    # a mass organization is inspected as a body, its unit its scope
    ("Đoàn đã kiểm tra tại Hội Cựu chiến binh xã Yên Lư.",
     ["Hội Cựu chiến binh xã Yên Lư"], []),
    ("Đoàn đã làm việc với Ủy ban MTTQ Việt Nam xã Tư Mại về công tác vận động quỹ.",
     ["Ủy ban MTTQ Việt Nam xã Tư Mại"], []),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "organizations", "more_targets"), SCOPE_CASES)
def test_a_party_organizations_unit_is_its_scope_not_a_target(
    nlp: Language, sentence: str, organizations: list[str], more_targets: list[tuple[str, str]]
) -> None:
    (item,) = _report(nlp, _MAIN + sentence).inspections
    assert [o.text for o in item.organizations] == organizations
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Yên Lư"), *more_targets]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sáng 12/3, Đoàn kiểm tra của Ban Thường vụ Huyện ủy Yên Dũng đã kiểm tra việc thực hiện "
        "Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020-2025 tại xã Yên Lư.",
        "Sáng 12/3, Đoàn kiểm tra của Ban Thường vụ Huyện ủy Yên Dũng đã làm việc với Ban Thường vụ "
        "Đảng ủy xã Yên Lư để kiểm tra việc thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ "
        "2020-2025.",
    ],
)
def test_an_organization_named_inside_a_resolution_is_none(nlp: Language, sentence: str) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert item.topic is not None
    assert item.topic.text == "việc thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020-2025"
    assert all("nhiệm kỳ" not in o.text for o in item.organizations)


def test_the_body_after_a_plan_clause_is_the_activitys(nlp: Language) -> None:
    sentence = (
        "Thực hiện Kế hoạch số 12/KH-HĐND ngày 20/2/2024 của Thường trực HĐND huyện về giám sát "
        "chuyên đề năm 2024, sáng 12/3, tại xã Yên Lư, Đoàn giám sát của HĐND huyện Yên Dũng do "
        "bà Ngô Thị Lan, Phó Chủ tịch HĐND huyện làm trưởng đoàn đã giám sát việc chi trả trợ cấp "
        "xã hội."
    )
    assert _summary(_report(nlp, sentence)) == (
        "giám sát",
        "Đoàn giám sát của HĐND huyện Yên Dũng",
        "Ngô Thị Lan",
        "việc chi trả trợ cấp xã hội",
        [("xã", "Yên Lư")],
    )


@pytest.mark.parametrize(
    "after",
    [
        "Đoàn gồm các đồng chí: Đỗ Thị Hương, Trưởng phòng Nông nghiệp huyện; Lê Văn Nam, Phó "
        "Trưởng Công an huyện. Đồng chí Trịnh Văn Hải, Phó Chủ tịch UBND huyện làm trưởng đoàn.",
        "Đoàn gồm các đồng chí: Đỗ Thị Hương, Trưởng phòng Nông nghiệp huyện; Lê Văn Nam, Phó "
        "Trưởng Công an huyện. Trưởng đoàn là đồng chí Trịnh Văn Hải, Phó Chủ tịch UBND huyện.",
    ],
)
def test_a_leader_named_after_the_members(nlp: Language, after: str) -> None:
    sentence = (
        "Sáng 12/3, Đoàn kiểm tra liên ngành của UBND huyện Yên Dũng đã kiểm tra công tác phòng, "
        "chống dịch tả lợn châu Phi tại xã Yên Lư. "
    )
    (item,) = _report(nlp, sentence + after).inspections
    assert item.leader == "Trịnh Văn Hải"


# fmt: off
TOPIC_CASES = [
    # "nhà ở" holds no preposition
    ("Sáng 12/3, ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện Yên Dũng đã kiểm tra tiến độ xây "
     "dựng nhà ở cho hộ nghèo tại xã Yên Lư.",
     "tiến độ xây dựng nhà ở cho hộ nghèo"),
    # the "của" of a place cut off goes with it
    ("Vừa qua, Đoàn công tác của huyện Yên Dũng do ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện "
     "làm trưởng đoàn đã kiểm tra tình hình các công trình xây dựng của xã Yên Lư.",
     "tình hình các công trình xây dựng"),
    # "về" opens the topic and is no part of it
    ("Chiều 4/6, ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện Yên Dũng dẫn đầu đoàn công tác khảo "
     "sát về tình hình hoạt động của các hợp tác xã tại xã Yên Lư.",
     "tình hình hoạt động của các hợp tác xã"),
    # "trực tiếp" after a joined verb opens no topic; the plan cited names its author, no target
    ("Chiều 6/9, ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện Yên Dũng đã kiểm tra và chỉ đạo "
     "trực tiếp công tác phòng chống bão tại xã Yên Lư theo Kế hoạch số 12/KH-UBND của UBND "
     "tỉnh Bắc Giang.",
     "công tác phòng chống bão"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "topic"), TOPIC_CASES)
def test_the_topic_ends_where_its_place_begins(nlp: Language, sentence: str, topic: str) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert item.topic is not None
    assert item.topic.text == topic
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Yên Lư")]


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # the site right after the verb
        (
            "Sáng 5/6, ông Trịnh Văn Hải, Chủ tịch UBND tỉnh Bắc Giang đã đi kiểm tra thực tế hiện "
            "trường về tiến độ thi công các dự án tại xã Tân Dĩnh.",
            "tiến độ thi công các dự án",
        ),
        # an unnamed place after "thực tế"
        (
            "Ngày 5/5, Đoàn công tác của tỉnh đã kiểm tra thực tế tại một số xã trên địa bàn huyện "
            "về công tác phòng chống thiên tai.",
            "công tác phòng chống thiên tai",
        ),
    ],
)
def test_where_the_verb_goes_leaves_the_topic_to_ve(
    nlp: Language, sentence: str, topic: str
) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert item.topic is not None
    assert item.topic.text == topic


@pytest.mark.parametrize(
    "period", ["năm 2024", "quý III năm 2024", "6 tháng đầu năm 2024", "đợt 2"]
)
def test_a_period_alone_is_no_topic(nlp: Language, period: str) -> None:
    # the headline's "công tác giám sát <period>" names when, never what
    text = (
        f"Huyện Yên Dũng hoàn thành công tác giám sát {period}\n\n"
        "Vừa qua, Ủy ban MTTQ huyện Yên Dũng đã tổ chức 3 cuộc giám sát trên địa bàn huyện."
    )
    (item,) = vnreport.extract(text, nlp=nlp).inspections
    assert item.kind == "giám sát"
    assert item.topic is None


def test_a_plan_clause_citing_several_documents_holds_no_body(nlp: Language) -> None:
    sentence = (
        "Thực hiện chương trình công tác năm 2024, Kế hoạch số 05/KH-HĐND, ngày 2/3/2024 của "
        "Thường trực HĐND huyện về việc kiểm tra hoạt động của HĐND các xã, thị trấn, vừa qua "
        "Thường trực HĐND huyện Yên Dũng đã kiểm tra hoạt động của HĐND xã Yên Lư."
    )
    (item,) = _report(nlp, sentence).inspections
    assert item.body is not None
    assert item.body.text == "Thường trực HĐND huyện Yên Dũng"


@pytest.mark.parametrize(
    "verb",
    ["tiếp xúc cử tri", "tiếp xúc với cử tri", "tiếp xúc hơn 120 cử tri", "tiếp xúc các cử tri"],
)
def test_voter_contact_however_its_voters_are_counted(nlp: Language, verb: str) -> None:
    sentence = (
        f"Sáng 23/11, Tổ đại biểu số 3 do ông Trịnh Văn Hải, Phó Trưởng đoàn ĐBQH tỉnh dẫn đầu đã "
        f"{verb} xã Yên Lư."
    )
    (item,) = _report(nlp, sentence).inspections
    assert (item.kind, item.leader, item.topic) == ("tiếp xúc cử tri", "Trịnh Văn Hải", None)
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Yên Lư")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sau đó, đồng chí Phó Chủ tịch UBND huyện đến kiểm tra tiến độ làm đường tại xã Tư Mại.",
        "Ngày 14/3, Phó Chủ tịch UBND huyện đã làm việc với UBND xã Tư Mại về tiến độ làm đường.",
    ],
)
def test_a_further_activity_of_a_subject_named_by_title_is_the_leaders(
    nlp: Language, sentence: str
) -> None:
    lone = (
        "Sáng 12/3, ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện Yên Dũng đã kiểm tra công tác "
        "phòng, chống dịch tả lợn châu Phi tại xã Yên Lư.\n\n"
    )
    main, further = _report(nlp, lone + sentence).inspections
    assert (main.leader, further.leader) == ("Trịnh Văn Hải", "Trịnh Văn Hải")
    assert [(t.type, t.name) for t in further.targets] == [("xã", "Tư Mại")]
    assert further.topic is not None
    assert further.topic.text == "tiến độ làm đường"


def test_an_ask_by_a_title_is_no_further_activity(nlp: Language) -> None:
    sentence = "Sau đó, đồng chí Phó Chủ tịch UBND huyện đề nghị xã sớm kiểm tra các hộ chăn nuôi."
    assert len(_report(nlp, _MAIN + sentence).inspections) == 1


# fmt: off
LEADER_NAMED_LATER = [
    "Trưởng đoàn giám sát là ông Trịnh Văn Hải, Phó Chủ tịch HĐND huyện.",
    "Trưởng đoàn kiểm tra là đồng chí Trịnh Văn Hải, Phó Chủ tịch HĐND huyện.",
]
# fmt: on


@pytest.mark.parametrize("after", LEADER_NAMED_LATER)
def test_the_leader_named_after_the_head_of_the_activity(nlp: Language, after: str) -> None:
    sentence = (
        "Sáng 12/3, Ban KT-XH HĐND huyện Yên Dũng đã giám sát việc chi trả trợ cấp xã hội tại xã "
        "Yên Lư. "
    )
    (item,) = _report(nlp, sentence + after).inspections
    assert item.body is not None
    assert (item.body.text, item.leader) == ("Ban KT-XH HĐND huyện Yên Dũng", "Trịnh Văn Hải")


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        (
            "Đoàn đã kiểm tra nhà nghỉ Hoa Sen và cơ sở kinh doanh karaoke Ánh Dương.",
            ["nhà nghỉ Hoa Sen", "cơ sở kinh doanh karaoke Ánh Dương"],
        ),
        ("Đoàn đã kiểm tra các nhà hàng trên địa bàn xã Tư Mại.", []),
        ("Đoàn đã kiểm tra Trường Tiểu học Tư Mại trước mùa mưa bão.", ["Trường Tiểu học Tư Mại"]),
    ],
)
def test_lower_case_establishments_need_a_name(
    nlp: Language, sentence: str, organizations: list[str]
) -> None:
    (item,) = _report(nlp, _MAIN + sentence).inspections
    assert [o.text for o in item.organizations] == organizations


def test_a_topic_ends_before_a_second_verb(nlp: Language) -> None:
    sentence = (
        "Sau đó, đoàn đã khảo sát công tác tuần tra, bảo vệ rừng và kiểm tra thực tế tại xã Tư Mại."
    )
    _main, further = _report(nlp, _MAIN + sentence).inspections
    assert further.topic is not None
    assert further.topic.text == "công tác tuần tra, bảo vệ rừng"


def test_an_earlier_opener_on_the_same_day_is_a_further_activity(nlp: Language) -> None:
    sentence = (
        "Trước đó, sáng cùng ngày, đoàn làm việc với Đảng ủy xã Tư Mại về công tác tiêm phòng."
    )
    main, further = _report(nlp, _MAIN + sentence).inspections
    assert (further.kind, further.date) == ("làm việc", main.date)
    assert [o.text for o in further.organizations] == ["Đảng ủy xã Tư Mại"]


def test_the_head_of_the_delegation_named_far_from_the_statement_leads_it(nlp: Language) -> None:
    text = (
        "Sáng 12/3, Ban Pháp chế HĐND tỉnh Bắc Giang đã giám sát công tác quản lý trật tự xây "
        "dựng tại xã Yên Lư.\n\n"
        "Theo báo cáo, xã đã xử lý 12 trường hợp vi phạm.\n\n"
        "Kết luận, Trưởng đoàn Lương Văn Kha đề nghị xã kiên quyết xử lý vi phạm."
    )
    (item,) = _report(nlp, text).inspections
    assert item.leader == "Lương Văn Kha"


def test_the_delegations_short_name_ends_before_its_adverb(nlp: Language) -> None:
    text = (
        "Chiều 24/9, Tổ đại biểu HĐND tỉnh Bắc Giang đơn vị bầu cử số 2 do ông Trịnh Văn Hải, Phó "
        "Chủ tịch HĐND tỉnh làm tổ trưởng đã tiếp xúc cử tri xã Yên Lư.\n\n"
        "Chiều cùng ngày, tổ đại biểu tiếp tục tiếp xúc cử tri tại xã Tư Mại."
    )
    _main, further = _report(nlp, text).inspections
    assert further.body is not None
    assert (further.body.text, further.leader) == ("tổ đại biểu", "Trịnh Văn Hải")


# How the leader is named, all sentences written for these tests.
# fmt: off
LEADER_CASES = [
    ("Sáng 12/3, đồng chí Trịnh Văn Hải, Ủy viên Ban Thường vụ Huyện ủy, Phó Chủ tịch UBND huyện "
     "Yên Dũng dẫn đầu đoàn công tác của UBND huyện kiểm tra, đôn đốc tiến độ làm đường tại xã "
     "Yên Lư.",
     "Trịnh Văn Hải", "đoàn công tác của UBND huyện", "tiến độ làm đường"),
    ("Chiều 12/3, Thường trực HĐND huyện Yên Dũng có buổi làm việc với xã Yên Lư về việc giải quyết "
     "kiến nghị của cử tri. Chủ trì buổi làm việc là ông Trịnh Văn Hải, Chủ tịch HĐND huyện.",
     "Trịnh Văn Hải", "Thường trực HĐND huyện Yên Dũng", "việc giải quyết kiến nghị của cử tri"),
    ("Ngày 12/3, đoàn công tác của tỉnh Bắc Giang do ông Trịnh Văn Hải, Phó Chủ tịch UBND tỉnh và "
     "bà Ngô Thị Lan, Phó Chủ tịch HĐND tỉnh đồng trưởng đoàn đã đến thăm và làm việc tại xã Yên Lư.",
     "Trịnh Văn Hải", "đoàn công tác của tỉnh Bắc Giang", None),
    ("Sáng 12/3, đoàn công tác của UBND tỉnh Bắc Giang đã làm việc và kiểm tra tình hình giải ngân "
     "tại xã Yên Lư, dẫn đầu là ông Trịnh Văn Hải, Phó Chủ tịch UBND tỉnh.",
     "Trịnh Văn Hải", "đoàn công tác của UBND tỉnh Bắc Giang", "tình hình giải ngân"),
    # a clause naming who chairs, then the body: a briefing meeting ("giao ban") is a họp
    ("Chiều 8/5, dưới sự chủ trì của đồng chí Trịnh Văn Hải – Phó Chủ tịch UBND tỉnh, Tổ công "
     "tác đặc biệt của tỉnh Bắc Giang giao ban tiến độ giải phóng mặt bằng tại xã Yên Lư.",
     "Trịnh Văn Hải", "Tổ công tác đặc biệt của tỉnh Bắc Giang", "tiến độ giải phóng mặt bằng"),
]
# fmt: on


@pytest.mark.parametrize(("body", "leader", "inspecting", "topic"), LEADER_CASES)
def test_the_leader_however_named(
    nlp: Language, body: str, leader: str, inspecting: str, topic: str | None
) -> None:
    (item,) = _report(nlp, body).inspections
    assert item.leader == leader
    assert item.body is not None
    assert item.body.text == inspecting
    assert (item.topic.text if item.topic else None) == topic


def test_a_headline_names_the_leader_by_title(nlp: Language) -> None:
    report = _report(
        nlp,
        "Vừa qua, mưa lớn đã làm đổ 80 ha chuối tại xã Yên Lư.\n\n"
        "Đồng chí Trịnh Văn Hải, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Yên Dũng cùng lãnh "
        "đạo các phòng, ban đã có mặt tại các bãi chuối.",
        title="Bí thư Huyện ủy Yên Dũng thăm, động viên nông dân trồng chuối",
    )
    (item,) = report.inspections
    # a visit to people: no topic (corpora/README)
    assert (item.kind, item.leader, item.topic) == ("thăm", "Trịnh Văn Hải", None)


def test_a_site_visit_by_the_bodys_name_adds_its_targets(nlp: Language) -> None:
    body = (
        "Chiều 12/3, Thường trực HĐND huyện Yên Dũng có buổi làm việc với xã Yên Lư về việc giải "
        "quyết kiến nghị của cử tri.\n\n"
        "Trước buổi làm việc, Thường trực HĐND huyện đã đi kiểm tra thực tế tuyến đường trục thôn "
        "Ruồng Cải."
    )
    (item,) = _report(nlp, body).inspections
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Yên Lư"), ("thôn", "Ruồng Cải")]


def test_an_organization_and_its_name_with_the_unit_are_one(nlp: Language) -> None:
    body = (
        "Sáng 12/3, đoàn công tác của UBND tỉnh Bắc Giang đã kiểm tra hoạt động của Trung tâm Phục "
        "vụ hành chính công tại xã Yên Lư.\n\n"
        "Đoàn làm việc với Trung tâm Phục vụ hành chính công xã Yên Lư."
    )
    (item,) = _report(nlp, body).inspections
    assert [o.text for o in item.organizations] == ["Trung tâm Phục vụ hành chính công xã Yên Lư"]


def test_a_briefing_chaired_by_an_official_is_a_meeting(nlp: Language) -> None:
    text = (
        "Chiều 8/5, ông Trịnh Văn Hải, Phó Chủ tịch UBND tỉnh Bắc Giang chủ trì giao ban nghe báo "
        "cáo tiến độ dự án cấp nước tại xã Yên Lư."
    )
    (item,) = _report(nlp, text).inspections
    assert (item.kind, item.leader, item.body) == ("họp", "Trịnh Văn Hải", None)
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Yên Lư")]


# fmt: off
UNIT_BODY_CASES = [
    ("Sáng 9/12, UBND xã Tân Dĩnh kiểm tra công tác vệ sinh an toàn thực phẩm tại thôn Đông.",
     "UBND xã Tân Dĩnh", "kiểm tra", [("thôn", "Đông")]),
    ("Chiều 3/4, UBND huyện Lạng Giang tổ chức đối thoại với Nhân dân xã Tân Dĩnh về giải phóng "
     "mặt bằng.",
     "UBND huyện Lạng Giang", "đối thoại", [("xã", "Tân Dĩnh")]),
    # the parent after a comma is an address, not part of the body
    ("Vừa qua, Công an xã Tân Dĩnh, huyện Lạng Giang đã kiểm tra công tác phòng cháy tại thôn "
     "Đông.",
     "Công an xã Tân Dĩnh", "kiểm tra", [("thôn", "Đông")]),
    ("Ngày 2/6, Đảng ủy xã Tân Dĩnh giám sát việc thu chi quỹ tại thôn Đông.",
     "Đảng ủy xã Tân Dĩnh", "giám sát", [("thôn", "Đông")]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "body", "kind", "targets"), UNIT_BODY_CASES)
def test_a_units_own_authority_opening_the_sentence_inspects(
    nlp: Language, sentence: str, body: str, kind: str, targets: list[tuple[str, str]]
) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert item.body is not None
    assert (item.body.text, item.kind) == (body, kind)
    assert [(t.type, t.name) for t in item.targets] == targets


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        # the authority is the object, or says something else
        (
            "Sáng 9/12, đoàn công tác làm việc với UBND xã Tân Dĩnh về kiểm tra an toàn thực phẩm.",
            ["đoàn công tác"],
        ),
        ("Sáng 9/12, UBND xã Tân Dĩnh cho biết đã kiểm tra 20 cơ sở trên địa bàn.", []),
    ],
)
def test_an_authority_not_opening_the_statement_is_no_body(
    nlp: Language, sentence: str, bodies: list[str]
) -> None:
    found = _report(nlp, sentence).inspections
    for item in found:
        assert item.body is None or not item.body.text.startswith("UBND")
    assert [item.body.text for item in found if item.body] == bodies


def test_voters_met_by_a_named_official_at_a_venue(nlp: Language) -> None:
    # the venue before the official is where voters were met; "trước kỳ họp" says when
    text = (
        "Chiều 5/5, tại xã Tân Dĩnh, bà Ngô Thị Lan, Đại biểu Quốc hội tỉnh Bắc Giang đã tiếp xúc "
        "với cử tri trước kỳ họp thứ 9."
    )
    (item,) = _report(nlp, text).inspections
    assert (item.kind, item.leader, item.topic) == ("tiếp xúc cử tri", "Ngô Thị Lan", None)
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Tân Dĩnh")]


def test_a_group_of_deputies_listed_has_members_and_no_leader(nlp: Language) -> None:
    # deputies listed side by side: none of them is named to lead
    text = (
        "Sáng 5/6, Tổ đại biểu số 3 HĐND tỉnh gồm các đại biểu Ngô Thị Lan, Phó Chủ tịch HĐND "
        "tỉnh; Trịnh Văn Hải, Trưởng Ban Pháp chế HĐND tỉnh đã tiếp xúc cử tri xã Tân Dĩnh."
    )
    (item,) = _report(nlp, text).inspections
    assert item.body is not None
    assert (item.body.text, item.leader) == ("Tổ đại biểu số 3 HĐND tỉnh", None)
    assert item.members == ["Ngô Thị Lan", "Trịnh Văn Hải"]


@pytest.mark.parametrize(
    ("after", "members"),
    [
        (" Đi cùng có bà Ngô Thị Lan, Trưởng phòng Nội vụ huyện.", ["Ngô Thị Lan"]),
        (" Thành viên gồm ông Lê Văn Tâm, Phó Chủ tịch Hội Nông dân huyện.", ["Lê Văn Tâm"]),
        # a host receives the delegation and is none of it
        (
            " Cùng đi có ông Lê Văn Tâm, Trưởng phòng Nội vụ huyện; tiếp đoàn có bà Ngô Thị Lan, "
            "Chủ tịch UBND xã Tân Dĩnh.",
            ["Lê Văn Tâm"],
        ),
    ],
)
def test_members_however_introduced_and_hosts_left_out(
    nlp: Language, after: str, members: list[str]
) -> None:
    text = (
        "Sáng 2/6, ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện Lạng Giang đã kiểm tra tiến độ xây "
        "dựng nhà ở cho hộ nghèo tại xã Tân Dĩnh." + after
    )
    (item,) = _report(nlp, text).inspections
    assert (item.leader, item.members) == ("Trịnh Văn Hải", members)


def test_a_headline_only_statement_is_dated_and_led_by_the_lead(nlp: Language) -> None:
    # the lead says the body went "để nắm tình hình": no activity word, the headline has it
    headline = "Thường trực HĐND huyện Lạng Giang khảo sát các hợp tác xã tại xã Tân Dĩnh"
    text = (
        "Ngày 5/3/2024, Thường trực HĐND huyện Lạng Giang đã đến xã Tân Dĩnh để nắm tình hình "
        "sản xuất của các hợp tác xã. Bà Ngô Thị Lan, Phó Chủ tịch HĐND huyện chủ trì."
    )
    (item,) = _report(nlp, text, title=headline).inspections
    assert (item.kind, item.leader) == ("khảo sát", "Ngô Thị Lan")
    assert item.date is not None
    assert (item.date.year, item.date.month, item.date.day) == (2024, 3, 5)


def test_the_chair_named_paragraphs_later_leads(nlp: Language) -> None:
    text = (
        "Ngày 12/6, Thường trực HĐND huyện Lạng Giang giám sát việc hỗ trợ nhà ở tại xã "
        "Tân Dĩnh.\n\nTham gia đoàn có đại diện các Ban HĐND huyện.\n\nLàm việc với đoàn có lãnh "
        "đạo UBND xã.\n\nChủ trì buổi giám sát là bà Ngô Thị Lan, Phó Chủ tịch HĐND huyện."
    )
    (item,) = _report(nlp, text).inspections
    assert item.leader == "Ngô Thị Lan"


def test_a_plan_clause_official_is_no_actor(nlp: Language) -> None:
    text = (
        "Thực hiện Chương trình công tác số 12/CTr-HĐND ngày 9/1/2024 và theo yêu cầu của "
        "đồng chí Trịnh Văn Hải - Chủ tịch HĐND tỉnh, sáng ngày 17/5/2024, đồng chí Ngô Thị Lan - "
        "Trưởng Ban Văn hóa - Xã hội HĐND tỉnh đã có buổi khảo sát việc dạy học tại xã Tân Dĩnh."
    )
    (item,) = _report(nlp, text).inspections
    assert (item.kind, item.leader) == ("khảo sát", "Ngô Thị Lan")


def test_co_chairs_listed_before_chu_tri_the_first_leads(nlp: Language) -> None:
    text = (
        "Chiều 16/5, Thường trực HĐND huyện Lạng Giang giám sát việc giải quyết kiến nghị "
        "của cử tri tại xã Tân Dĩnh. Các đồng chí: Ngô Thị Lan, Chủ tịch HĐND huyện; Trịnh Văn "
        "Hải, Phó Chủ tịch HĐND huyện chủ trì buổi giám sát."
    )
    (item,) = _report(nlp, text).inspections
    assert item.leader == "Ngô Thị Lan"


def test_the_chairs_title_holds_no_body_and_alone_he_has_none(nlp: Language) -> None:
    text = (
        "Chiều 10/10, dưới sự chủ trì của đồng chí Trịnh Văn Hải, Ủy viên Ban Thường vụ "
        "Tỉnh ủy, Phó Chủ tịch UBND tỉnh Bắc Giang, Tổ công tác về đầu tư công của tỉnh đã họp "
        "với UBND xã Tân Dĩnh về tiến độ giải phóng mặt bằng.\n\nSáng cùng ngày, Phó Chủ tịch "
        "UBND tỉnh đã kiểm tra việc giải quyết thủ tục hành chính tại xã Tư Mại."
    )
    main, further = _report(nlp, text).inspections
    assert main.body is not None
    assert (main.body.text, main.kind) == ("Tổ công tác về đầu tư công của tỉnh", "họp")
    assert (further.kind, further.leader, further.body) == ("kiểm tra", "Trịnh Văn Hải", None)


def test_the_delegation_checking_progress_later_is_a_further_activity(nlp: Language) -> None:
    text = (
        "Ngày 27/8, ông Trịnh Văn Hải, Bí thư Tỉnh ủy Bắc Giang cùng đoàn công tác đã đến "
        "thăm và làm việc với Đảng ủy xã Tân Dĩnh.\n\nChiều cùng ngày, đoàn kiểm tra tiến độ xây "
        "dựng khu tái định cư ở thôn Đông."
    )
    main, further = _report(nlp, text).inspections
    assert (main.kind, further.kind, further.leader) == ("thăm", "kiểm tra", "Trịnh Văn Hải")
    assert further.topic is not None
    assert further.topic.text == "tiến độ xây dựng khu tái định cư"
    assert [(t.type, t.name) for t in further.targets] == [("thôn", "Đông")]


@pytest.mark.parametrize(
    "sentence",
    [
        # a determiner left by the places cut off, and how long it lasted, say nothing
        "Chiều 4/10, bà Ngô Thị Lan, Đại biểu Quốc hội tỉnh Bắc Giang tiếp xúc với cử tri các "
        "thôn Đông, Đoài của xã Tân Dĩnh.",
        "Ngày 21/3, ông Trịnh Văn Hải, Chủ tịch UBND huyện Lạng Giang chủ trì buổi đối thoại kéo "
        "dài gần 3 giờ tại xã Tân Dĩnh.",
    ],
)
def test_leftovers_are_no_topic(nlp: Language, sentence: str) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert item.topic is None


def test_an_activity_named_as_the_subject_gives_its_body(nlp: Language) -> None:
    text = (
        "Ngày 11/9, chuyến khảo sát của Ban Dân tộc HĐND tỉnh Bắc Giang về việc hỗ trợ đất sản "
        "xuất tại xã Tân Dĩnh do bà Ngô Thị Lan, Trưởng Ban Dân tộc HĐND tỉnh dẫn đầu đã ghi nhận "
        "nhiều khó khăn."
    )
    (item,) = _report(nlp, text).inspections
    assert item.body is not None
    assert item.topic is not None
    assert (item.kind, item.body.text, item.leader) == (
        "khảo sát",
        "Ban Dân tộc HĐND tỉnh Bắc Giang",
        "Ngô Thị Lan",
    )
    assert item.topic.text == "việc hỗ trợ đất sản xuất"
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Tân Dĩnh")]


def test_at_the_meeting_of_a_body_is_no_statement(nlp: Language) -> None:
    # "Tại buổi làm việc của …" is where something was said, not the activity's subject
    text = (
        "Sáng 2/6, ông Trịnh Văn Hải, Phó Chủ tịch UBND huyện Lạng Giang kiểm tra tiến độ làm "
        "đường tại xã Tân Dĩnh. Tại buổi làm việc của Ban Chỉ đạo huyện, xã báo cáo kết quả."
    )
    (item,) = _report(nlp, text).inspections
    assert (item.kind, item.body, item.leader) == ("kiểm tra", None, "Trịnh Văn Hải")


def test_parallel_delegations_of_one_body_are_one_record_each(nlp: Language) -> None:
    text = (
        "Ngày 19/8, Ban Văn hóa - Xã hội HĐND tỉnh Bắc Giang tổ chức khảo sát công tác chuẩn bị "
        "năm học mới tại xã Tân Dĩnh và xã Tư Mại.\n\nĐoàn thứ nhất do ông Trịnh Văn Hải, Trưởng "
        "Ban Văn hóa - Xã hội HĐND tỉnh làm trưởng đoàn đã khảo sát tại Trường Tiểu học Tân Dĩnh "
        "(xã Tân Dĩnh).\n\nĐoàn thứ hai do bà Ngô Thị Lan, Phó Trưởng Ban Văn hóa - Xã hội HĐND "
        "tỉnh làm trưởng đoàn khảo sát tại Trường Mầm non Hoa Mai (xã Tư Mại)."
    )
    first, second = _report(nlp, text).inspections
    assert (first.leader, second.leader) == ("Trịnh Văn Hải", "Ngô Thị Lan")
    assert first.body is not None
    assert second.body is not None
    assert first.body.text == second.body.text == "Ban Văn hóa - Xã hội HĐND tỉnh Bắc Giang"
    assert [(t.type, t.name) for t in first.targets] == [("xã", "Tân Dĩnh")]
    assert [(t.type, t.name) for t in second.targets] == [("xã", "Tư Mại")]
    assert [o.text for o in second.organizations] == ["Trường Mầm non Hoa Mai"]


@pytest.mark.parametrize(
    ("sentence", "kind", "body", "topic"),
    [
        # a visit about a matter keeps it; "trên địa bàn xã" is where
        (
            "Sáng 4/2, Đoàn cán bộ huyện Lạng Giang đã đến thăm và làm việc về tình hình sản xuất "
            "của các hợp tác xã trên địa bàn xã.",
            "thăm",
            "Đoàn cán bộ huyện Lạng Giang",
            "tình hình sản xuất của các hợp tác xã",
        ),
        # an election committee's delegation, set up to survey
        (
            "Chiều 25/12, Ủy ban bầu cử xã Tân Dĩnh tổ chức đoàn đi khảo sát cơ sở vật chất của "
            "các tổ bầu cử.",
            "khảo sát",
            "Ủy ban bầu cử xã Tân Dĩnh",
            "cơ sở vật chất của các tổ bầu cử",
        ),
    ],
)
def test_visits_and_surveys_of_other_bodies(
    nlp: Language, sentence: str, kind: str, body: str, topic: str
) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert item.body is not None
    assert item.topic is not None
    assert (item.kind, item.body.text, item.topic.text) == (kind, body, topic)


def test_a_delegation_named_by_two_kinds_works_under_its_own_verb(nlp: Language) -> None:
    text = (
        "Chiều 18/3, Đoàn giám sát, kiểm tra công tác bầu cử của HĐND tỉnh Bắc Giang do ông "
        "Trịnh Văn Hải, Phó Chủ tịch HĐND tỉnh làm trưởng đoàn đã có buổi làm việc tại huyện "
        "Lạng Giang."
    )
    (item,) = _report(nlp, text).inspections
    assert item.body is not None
    assert item.topic is not None
    assert item.body.text == "Đoàn giám sát, kiểm tra công tác bầu cử của HĐND tỉnh Bắc Giang"
    assert (item.kind, item.leader) == ("làm việc", "Trịnh Văn Hải")
    assert item.topic.text == "công tác bầu cử"


def test_a_sessions_number_is_no_part_of_its_topic(nlp: Language) -> None:
    text = (
        "Ngày 26/2, Ủy ban Kiểm tra Huyện ủy Lạng Giang tổ chức kỳ họp thứ 12 xem xét kết quả "
        "kiểm tra tại xã Tân Dĩnh."
    )
    (item,) = _report(nlp, text).inspections
    assert item.topic is not None
    assert (item.kind, item.topic.text) == ("họp", "xem xét kết quả kiểm tra")


def test_the_leader_named_by_title_visits_and_chairs_a_conference_later(nlp: Language) -> None:
    text = (
        "Chiều 26/9, ông Trịnh Văn Hải, Phó Chủ tịch UBND tỉnh Bắc Giang chủ trì cuộc họp với UBND "
        "xã Tân Dĩnh về phương án di dời các hộ dân.\n\nTrước cuộc họp, Phó Chủ tịch UBND tỉnh đã "
        "đi kiểm tra thực tế khu vực sạt lở ở thôn Đông.\n\nSáng cùng ngày, ông Trịnh Văn Hải dự "
        "và chỉ đạo hội nghị triển khai phương án phòng, chống thiên tai của xã Tư Mại."
    )
    main, further = _report(nlp, text).inspections
    assert (main.kind, main.leader) == ("họp", "Trịnh Văn Hải")
    assert [(t.type, t.name) for t in main.targets] == [("xã", "Tân Dĩnh"), ("thôn", "Đông")]
    assert (further.kind, further.leader) == ("họp", "Trịnh Văn Hải")
    assert [(t.type, t.name) for t in further.targets] == [("xã", "Tư Mại")]


@pytest.mark.parametrize(
    ("sentence", "body", "leader"),
    [
        # "do X" after the body leads it even without "làm trưởng đoàn"
        (
            "Sáng 28/10, Đoàn công tác Hội Liên hiệp Phụ nữ tỉnh do bà Ngô Thị Lan – Phó Chủ tịch "
            "Hội LHPN tỉnh đã tiến hành kiểm tra công tác Hội tại xã Tân Dĩnh.",
            "Đoàn công tác Hội Liên hiệp Phụ nữ tỉnh",
            "Ngô Thị Lan",
        ),
        # the authority that sets up the delegation is the subject, not a bare "đoàn"
        (
            "Ngày 9/5, Hội liên hiệp phụ nữ huyện thành lập đoàn kiểm tra hoạt động công tác Hội "
            "tại xã Tân Dĩnh.",
            "Hội liên hiệp phụ nữ huyện",
            None,
        ),
    ],
)
def test_who_leads_and_who_sets_up_the_delegation(
    nlp: Language, sentence: str, body: str, leader: str | None
) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert item.body is not None
    assert (item.kind, item.body.text, item.leader) == ("kiểm tra", body, leader)


# fmt: off
LEADER_SENTENCES = [
    "Dẫn đầu đoàn là đồng chí Trịnh Văn Hải, Phó Chủ tịch HĐND huyện.",
    "Đoàn do đồng chí Trịnh Văn Hải, Phó Chủ tịch HĐND huyện dẫn đầu.",
    "Trưởng đoàn giám sát là ông Trịnh Văn Hải, Phó Chủ tịch HĐND huyện.",
    "Ông Trịnh Văn Hải, Phó Chủ tịch HĐND huyện làm trưởng đoàn.",
    "Chủ trì buổi giám sát có đồng chí Trịnh Văn Hải, Phó Chủ tịch HĐND huyện.",
    "Tham dự và chủ trì buổi giám sát là đồng chí Trịnh Văn Hải, Phó Chủ tịch HĐND huyện.",
    "Đồng chí Trịnh Văn Hải, Phó Chủ tịch HĐND huyện - Trưởng đoàn giám sát đã kết luận.",
    "Đoàn giám sát do Phó Chủ tịch HĐND huyện Trịnh Văn Hải làm Trưởng đoàn.",
    "Đi cùng đoàn có bà Ngô Thị Lan, Trưởng phòng Nội vụ. Ông Trịnh Văn Hải, Phó Chủ tịch HĐND "
    "huyện chủ trì buổi giám sát.",
    "Dự và chủ trì hội nghị có đồng chí: Trịnh Văn Hải, Phó Chủ tịch HĐND huyện; các Ban HĐND.",
    "Chủ trì hội nghị: ông Trịnh Văn Hải – Phó Chủ tịch HĐND huyện; bà Ngô Thị Lan – Trưởng Ban "
    "Pháp chế HĐND huyện.",
    "Tại buổi giám sát, ông Trịnh Văn Hải – Phó Chủ tịch HĐND huyện trực tiếp chỉ đạo cuộc giám "
    "sát.",
    "Xã báo cáo kết quả hỗ trợ. Kết thúc buổi giám sát, Trưởng đoàn giám sát, đồng chí Trịnh Văn "
    "Hải, Phó Chủ tịch HĐND huyện yêu cầu xã rà soát lại danh sách.",
]
# fmt: on


@pytest.mark.parametrize("after", LEADER_SENTENCES)
def test_the_leader_in_the_sentence_after_however_worded(nlp: Language, after: str) -> None:
    text = (
        "Sáng 12/3, Đoàn giám sát của HĐND huyện Lạng Giang đã giám sát việc hỗ trợ nhà ở tại xã "
        "Tân Dĩnh. " + after
    )
    (item,) = _report(nlp, text).inspections
    assert item.leader == "Trịnh Văn Hải"


# fmt: off
KIND_CASES = [
    ("Sáng 12/3, Đoàn công tác của UBND huyện Lạng Giang đã đến thăm và làm việc tại xã Tân "
     "Dĩnh.",
     "thăm"),
    ("Sáng 12/3, Đoàn công tác của UBND huyện Lạng Giang có buổi làm việc với xã Tân Dĩnh để "
     "kiểm tra tiến độ xây dựng nông thôn mới.",
     "kiểm tra"),
    ("Sáng 12/3, Thường trực HĐND huyện Lạng Giang tiến hành giám sát tại xã Tân Dĩnh về việc "
     "hỗ trợ nhà ở.",
     "giám sát"),
    ("Sáng 12/3, Ban Kinh tế - Xã hội HĐND huyện Lạng Giang tổ chức khảo sát tình hình sản "
     "xuất tại xã Tân Dĩnh.",
     "khảo sát"),
    ("Sáng 12/3, ông Trịnh Văn Hải, Chủ tịch UBND huyện Lạng Giang đã đi kiểm tra thực tế tình "
     "hình sạt lở tại xã Tân Dĩnh.",
     "kiểm tra"),
    ("Sáng 12/3, Tổ đại biểu HĐND tỉnh đơn vị bầu cử số 3 đã tiếp xúc cử tri tại xã Tân Dĩnh.",
     "tiếp xúc cử tri"),
    ("Sáng 12/3, Tổ đại biểu HĐND tỉnh đơn vị bầu cử số 3 đã có buổi gặp gỡ, tiếp xúc với cử "
     "tri xã Tân Dĩnh.",
     "tiếp xúc cử tri"),
    ("Sáng 12/3, UBND xã Tân Dĩnh tổ chức hội nghị đối thoại với Nhân dân về công tác giải "
     "phóng mặt bằng.",
     "đối thoại"),
    ("Sáng 12/3, ông Trịnh Văn Hải, Chủ tịch UBND huyện Lạng Giang đã có chuyến thăm, làm việc "
     "tại xã Tân Dĩnh.",
     "thăm"),
    ("Sáng 12/3, ông Trịnh Văn Hải, Chủ tịch UBND huyện Lạng Giang đã về dự buổi sinh hoạt tại "
     "thôn Đông, xã Tân Dĩnh.",
     None),
    ("Sáng 12/3, ông Trịnh Văn Hải, Chủ tịch UBND huyện Lạng Giang kiểm tra, đôn đốc tiến độ "
     "giải ngân vốn đầu tư công tại xã Tân Dĩnh.",
     "kiểm tra"),
    ("Sáng 12/3, Đoàn giám sát số 2 của HĐND tỉnh làm việc với UBND xã Tân Dĩnh về việc thực "
     "hiện chính sách bảo hiểm y tế.",
     "làm việc"),
    ("Sáng 12/3, Ủy ban MTTQ xã Tân Dĩnh phối hợp với Ban Thanh tra nhân dân giám sát việc xây "
     "dựng nhà văn hóa thôn Đông.",
     "giám sát"),
    ("Sáng 12/3, Đảng ủy xã Tân Dĩnh tổ chức kiểm tra việc chấp hành Điều lệ Đảng tại Chi bộ "
     "thôn Đông.",
     "kiểm tra"),
    ("Sáng 12/3, Thường trực Huyện ủy Lạng Giang làm việc với Ban Thường vụ Đảng ủy xã Tân "
     "Dĩnh.",
     "làm việc"),
    ("Sáng 12/3, Ban Pháp chế HĐND tỉnh đã tổ chức đoàn giám sát việc chấp hành pháp luật tại "
     "xã Tân Dĩnh.",
     "giám sát"),
    ("Sáng 12/3, Bí thư Huyện ủy Lạng Giang Trịnh Văn Hải đã thăm, tặng quà các gia đình chính "
     "sách tại xã Tân Dĩnh.",
     "thăm"),
    ("Sáng 12/3, Phó Chủ tịch UBND tỉnh Trịnh Văn Hải đã chủ trì cuộc họp bàn về công tác giải "
     "phóng mặt bằng tại xã Tân Dĩnh.",
     "họp"),
    ("Sáng 12/3, tại xã Tân Dĩnh, Đoàn ĐBQH tỉnh đã tổ chức hội nghị tiếp xúc cử tri trước kỳ "
     "họp.",
     "tiếp xúc cử tri"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "kind"), KIND_CASES)
def test_the_kind_however_the_activity_is_worded(
    nlp: Language, sentence: str, kind: str | None
) -> None:
    found = _report(nlp, sentence).inspections
    assert (found[0].kind if found else None) == kind


def test_a_police_unit_with_a_partner_checks_unannounced(nlp: Language) -> None:
    text = (
        "Đêm 21/11, Công an xã Tân Dĩnh phối hợp với Đội Cảnh sát quản lý hành chính Công an "
        "huyện tổ chức kiểm tra đột xuất các cơ sở kinh doanh karaoke, nhà nghỉ trên địa bàn xã. "
        "Tổ công tác do Thiếu tá Lê Văn Tâm - Trưởng Công an xã Tân Dĩnh dẫn đầu."
    )
    (item,) = _report(nlp, text).inspections
    assert item.body is not None
    assert item.topic is not None
    assert (item.kind, item.body.text, item.leader) == (
        "kiểm tra",
        "Công an xã Tân Dĩnh",
        "Lê Văn Tâm",
    )
    assert item.topic.text == "các cơ sở kinh doanh karaoke, nhà nghỉ"


def test_co_chairs_of_a_dialogue_and_what_it_was_about(nlp: Language) -> None:
    text = (
        "Tối 22/8, Ủy ban MTTQ phường Tân Định tổ chức hội nghị đối thoại giữa Bí thư Đảng ủy, "
        "Chủ tịch UBND phường với Nhân dân các khu phố 4 và 7 về công tác chỉnh trang đô thị. "
        "Đồng chủ trì hội nghị có bà Ngô Thị Lan – Bí thư Đảng ủy phường và ông Lê Văn Tâm – "
        "Chủ tịch UBND phường."
    )
    (item,) = _report(nlp, text).inspections
    assert item.topic is not None
    assert (item.kind, item.leader, item.topic.text) == (
        "đối thoại",
        "Ngô Thị Lan",
        "công tác chỉnh trang đô thị",
    )


def test_numbered_delegations_the_second_with_the_same_content(nlp: Language) -> None:
    text = (
        "Sáng 10/8, đoàn số 1 do ông Trịnh Văn Hải - Chủ tịch UBND huyện Lạng Giang dẫn đầu đã "
        "kiểm tra công tác phòng, chống sốt xuất huyết tại xã Tân Dĩnh.\n\nSáng cùng ngày, đoàn "
        "công tác số 2 của huyện kiểm tra với cùng nội dung tại xã Tư Mại. Trưởng đoàn số 2 là "
        "bà Ngô Thị Lan - Phó Chủ tịch UBND huyện."
    )
    first, second = _report(nlp, text).inspections
    assert first.body is not None
    assert second.body is not None
    assert (first.body.text, first.leader) == ("đoàn số 1", "Trịnh Văn Hải")
    assert (second.body.text, second.leader) == ("đoàn công tác số 2 của huyện", "Ngô Thị Lan")
    assert second.topic == first.topic
    assert [(t.type, t.name) for t in second.targets] == [("xã", "Tư Mại")]


def test_a_joint_delegation_is_the_body_named_first(nlp: Language) -> None:
    text = (
        "Sáng 4/10, Đoàn ĐBQH tỉnh Bắc Giang và Tổ đại biểu HĐND tỉnh đơn vị bầu cử số 3 đã tiếp "
        "xúc cử tri xã Tân Dĩnh."
    )
    (item,) = _report(nlp, text).inspections
    assert item.body is not None
    assert item.body.text == "Đoàn ĐBQH tỉnh Bắc Giang"


@pytest.mark.parametrize(
    "visit",
    [
        "Tại xã Tân Dĩnh, đồng chí kiểm tra vườn xoài của các hộ ở thôn Đông.",
        "Đoàn lần lượt đến nhà các hộ nghèo ở thôn Đông.",
    ],
)
def test_a_visit_by_the_bare_honorific_or_the_delegation_in_turn(nlp: Language, visit: str) -> None:
    text = (
        "Sáng 15/5, đồng chí Trịnh Văn Hải, Phó Chủ tịch UBND huyện Lạng Giang kiểm tra tiến độ "
        "chuyển đổi cây trồng tại xã Tân Dĩnh. " + visit
    )
    (item,) = _report(nlp, text).inspections
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Tân Dĩnh"), ("thôn", "Đông")]


def test_a_working_group_visits_bodies_listed_with_their_hamlets(nlp: Language) -> None:
    text = (
        "Đêm 21/11, Công an xã Tân Dĩnh tổ chức kiểm tra các cơ sở kinh doanh karaoke, nhà nghỉ. "
        "Trong đợt này, tổ công tác đã kiểm tra 7 cơ sở, trong đó có Karaoke Hoàng Gia, Nhà nghỉ "
        "Minh Châu (thôn Đông) và Nhà nghỉ Bảo An (thôn Đoài)."
    )
    (item,) = _report(nlp, text).inspections
    assert [o.text for o in item.organizations] == [
        "Karaoke Hoàng Gia",
        "Nhà nghỉ Minh Châu",
        "Nhà nghỉ Bảo An",
    ]
    assert item.targets == []  # the hamlets in brackets are the bodies' addresses


def test_a_conference_of_dialogue_is_a_dialogue(nlp: Language) -> None:
    text = (
        "Sáng 18/11, ông Trịnh Văn Hải, Chủ tịch UBND xã Tân Dĩnh chủ trì hội nghị đối thoại với "
        "Nhân dân thôn Đông về công tác giải phóng mặt bằng."
    )
    (item,) = _report(nlp, text).inspections
    assert item.topic is not None
    assert (item.kind, item.topic.text) == ("đối thoại", "công tác giải phóng mặt bằng")


def test_a_lower_case_standing_committee_meets(nlp: Language) -> None:
    text = "Hôm nay, thường trực HĐND xã Tân Dĩnh đã tổ chức họp bàn nội dung kỳ họp thứ hai."
    (item,) = _report(nlp, text).inspections
    assert item.body is not None
    assert (item.kind, item.body.text) == ("họp", "thường trực HĐND xã Tân Dĩnh")
    assert item.targets == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Sáng 4/2, Đoàn cán bộ huyện Lạng Giang đã đến thăm hỏi, tặng quà cho các gia đình chính "
        "sách trên địa bàn xã Tân Dĩnh.",
        "Ngày 30/1, đoàn công tác của Tỉnh ủy Bắc Giang thăm cán bộ, chiến sĩ Đồn Biên phòng Tân "
        "Dĩnh.",
    ],
)
def test_a_visit_to_people_has_no_topic(nlp: Language, sentence: str) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert (item.kind, item.topic) == ("thăm", None)


def test_co_chairs_of_a_working_session_the_first_leads(nlp: Language) -> None:
    text = (
        "Chiều 5/12, ông Trịnh Văn Hải, Phó Chủ tịch UBND tỉnh Bắc Giang và bà Ngô Thị Lan, Phó "
        "Chủ tịch HĐND tỉnh đồng chủ trì buổi làm việc với UBND xã Tân Dĩnh để kiểm tra tiến độ "
        "giải phóng mặt bằng."
    )
    (item,) = _report(nlp, text).inspections
    assert (item.kind, item.leader) == ("kiểm tra", "Trịnh Văn Hải")


@pytest.mark.parametrize(
    ("headline", "topic"),
    [
        # the headline's "với …" is whom the dialogue was with; "về …" what it was about
        ("Huyện Lạng Giang đối thoại với Nhân dân", None),
        ("Huyện Lạng Giang đối thoại với Nhân dân về giải phóng mặt bằng", "giải phóng mặt bằng"),
    ],
)
def test_a_headline_gives_the_topic_only_after_ve(
    nlp: Language, headline: str, topic: str | None
) -> None:
    body = "Chiều 9/12, UBND huyện Lạng Giang tổ chức hội nghị đối thoại giữa lãnh đạo huyện với Nhân dân."
    (item,) = _report(nlp, body, title=headline).inspections
    assert item.kind == "đối thoại"
    assert (item.topic.text if item.topic else None) == topic


def test_a_leader_named_by_title_whose_name_only_a_caption_gives(nlp: Language) -> None:
    text = (
        "Phường Tân Dĩnh ra quân tổng vệ sinh\n\n"
        "Sáng 20/4, Chủ tịch UBND phường Tân Dĩnh đã đi kiểm tra công tác thu gom rác tại các tổ "
        "dân phố.\n\n"
        "Ông Trịnh Văn Hải – Chủ tịch UBND phường Tân Dĩnh (giữa) kiểm tra điểm tập kết rác ở tổ "
        "dân phố 4\n\n"
        "Qua kiểm tra, phường yêu cầu các tổ dân phố bố trí thùng rác có nắp đậy."
    )
    report = vnreport.extract(text, nlp=nlp)
    assert [(o.name, o.title) for o in report.officials] == [
        ("Trịnh Văn Hải", "Chủ tịch UBND phường Tân Dĩnh")
    ]
    assert report.inspections[0].leader == "Trịnh Văn Hải"


@pytest.mark.parametrize(
    "sentence",
    [
        # the activity word is part of a noun
        "Bà Ngô Thị Lan, Chủ tịch Công đoàn công ty nêu những khó khăn về điều kiện làm việc của "
        "công nhân.",
        "Ông Trịnh Văn Hải, Giám đốc Công ty Tân Dĩnh giới thiệu thiết bị giám sát hành trình.",
        # the official asks others to act
        "Bà Ngô Thị Lan, Phó Chủ tịch UBND xã lưu ý các thôn thường xuyên kiểm tra đê bao.",
        "Ông Trịnh Văn Hải, Trưởng thôn Đông đề nghị xã sớm khảo sát tuyến kênh.",
    ],
)
def test_no_activity_of_the_official_named(nlp: Language, sentence: str) -> None:
    assert _report(nlp, sentence).inspections == []


@pytest.mark.parametrize("role", ["chủ trì buổi làm việc", "dẫn đầu đoàn công tác làm việc"])
def test_officials_joined_before_the_lead_role_are_led_by_the_first(
    nlp: Language, role: str
) -> None:
    text = (
        "Đồng chí Trịnh Văn Hải, Bí thư Huyện ủy Lạng Giang và đồng chí Ngô Thị Lan, Phó Chủ tịch "
        f"UBND huyện vừa {role} với UBND xã Tân Dĩnh để kiểm tra tiến độ xây dựng nông thôn mới."
    )
    (item,) = _report(nlp, text).inspections
    assert (item.kind, item.leader) == ("kiểm tra", "Trịnh Văn Hải")


@pytest.mark.parametrize(
    "chairs",
    [
        "Các đồng chí: Trịnh Văn Hải, Chủ tịch HĐND huyện; Ngô Thị Lan, Phó Chủ tịch HĐND huyện "
        "chủ trì buổi giám sát.",
        "Đồng chủ trì buổi giám sát có ông Trịnh Văn Hải – Chủ tịch HĐND huyện và bà Ngô Thị Lan "
        "– Phó Chủ tịch HĐND huyện.",
        "Ông Trịnh Văn Hải, Chủ tịch HĐND huyện và bà Ngô Thị Lan, Phó Chủ tịch HĐND huyện chủ "
        "trì buổi giám sát.",
    ],
)
def test_a_co_chair_is_a_member(nlp: Language, chairs: str) -> None:
    text = (
        "Chiều 16/5, Thường trực HĐND huyện Lạng Giang giám sát việc giải quyết kiến nghị của cử "
        f"tri tại xã Tân Dĩnh. {chairs}"
    )
    (item,) = _report(nlp, text).inspections
    assert (item.leader, item.members) == ("Trịnh Văn Hải", ["Ngô Thị Lan"])


@pytest.mark.parametrize(
    ("lead", "caption"),
    [
        # the leader named, the caption's name followed by the title
        (
            "Sáng 8/11, ông Trịnh Văn Hải, Chủ tịch UBND phường Tân Dĩnh đã kiểm tra công tác thu "
            "gom rác thải trên địa bàn phường.",
            "Ông Trịnh Văn Hải – Chủ tịch UBND phường Tân Dĩnh (giữa) kiểm tra điểm tập kết rác tại "
            "tổ dân phố 5",
        ),
        # the leader named by title only, with companions
        (
            "Sáng 11/9, Phó Chủ tịch UBND tỉnh Bắc Giang cùng lãnh đạo Sở Xây dựng và các sở liên "
            "quan đã đi kiểm tra công tác khắc phục sạt lở trên địa bàn phường Tân Dĩnh.",
            "Phó Chủ tịch UBND tỉnh kiểm tra điểm sạt lở tại tổ dân phố 5",
        ),
    ],
)
def test_a_caption_of_the_leader_visiting_adds_its_place(
    nlp: Language, lead: str, caption: str
) -> None:
    text = f"Tin hoạt động cơ sở\n\n{lead}\n\n{caption}\n\nCác hộ dân đồng tình ủng hộ."
    (item,) = vnreport.extract(text, nlp=nlp).inspections
    assert ("tổ dân phố", "5") in [(t.type, t.name) for t in item.targets]


@pytest.mark.parametrize("title", ["Chi cục trưởng Chi cục Thủy sản", "Trưởng Trạm Y tế xã"])
def test_the_body_in_a_leaders_title_is_not_inspected(nlp: Language, title: str) -> None:
    text = (
        "Sáng 14/10, Đoàn kiểm tra liên ngành của tỉnh Bắc Giang kiểm tra tàu cá tại xã Tân Dĩnh. "
        f"Ông Trịnh Văn Hải, {title}, Trưởng đoàn kiểm tra cho biết, toàn xã có 40 tàu cá."
    )
    (item,) = _report(nlp, text).inspections
    assert (item.leader, item.organizations) == ("Trịnh Văn Hải", [])


def test_the_leader_by_title_is_not_the_deputy_of_that_title(nlp: Language) -> None:
    text = (
        "Trưởng ban Dân vận Tỉnh ủy kiểm tra công tác dân vận tại xã Tân Dĩnh\n\n"
        "Ngày 22/10, đồng chí Trưởng ban Dân vận Tỉnh ủy cùng đoàn công tác đã kiểm tra việc "
        "thực hiện phong trào Dân vận khéo tại xã Tân Dĩnh. Cùng đi có đồng chí Hoàng Văn Chính, "
        "Phó Trưởng ban Dân vận Tỉnh ủy.\n\n"
        "Đồng chí Ma Thị Thúy, Trưởng ban Dân vận Tỉnh ủy kiểm tra mô hình trồng cam ở thôn Đông"
    )
    item = vnreport.extract(text, nlp=nlp).inspections[0]
    assert item.leader == "Ma Thị Thúy"


def test_the_leader_by_title_with_the_units_name_written_out(nlp: Language) -> None:
    text = (
        "Chủ tịch UBND xã Tân Dĩnh đối thoại với Nhân dân các thôn\n\n"
        "Sáng 30/10, UBND xã Tân Dĩnh tổ chức hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân "
        "dân các thôn Đông và Đoài.\n\n"
        "Đồng chí Phạm Minh Đức, Phó Bí thư Đảng ủy, Chủ tịch UBND xã đã trực tiếp giải đáp các ý "
        "kiến; đồng thời giao Phòng Kinh tế xã phối hợp với các thôn rà soát hồ sơ."
    )
    item = vnreport.extract(text, nlp=nlp).inspections[0]
    assert (item.kind, item.leader, item.organizations) == ("đối thoại", "Phạm Minh Đức", [])


def test_parallel_delegations_in_clauses_of_one_sentence(nlp: Language) -> None:
    text = (
        "Sáng 6/2, Thường trực Huyện ủy Lạng Giang tổ chức các đoàn kiểm tra công tác phòng cháy "
        "dịp Tết tại một số xã. Đoàn thứ nhất do đồng chí Trịnh Văn Hải, Phó Bí thư Huyện ủy làm "
        "trưởng đoàn, kiểm tra tại xã Tân Dĩnh; đoàn thứ hai do đồng chí Ngô Thị Lan, Chủ tịch "
        "UBND huyện làm trưởng đoàn, kiểm tra tại xã Tư Mại."
    )
    first, second = _report(nlp, text).inspections
    assert (first.leader, [t.name for t in first.targets]) == ("Trịnh Văn Hải", ["Tân Dĩnh"])
    assert (second.leader, [t.name for t in second.targets]) == ("Ngô Thị Lan", ["Tư Mại"])


@pytest.mark.parametrize(
    "sentence",
    [
        # two short clauses before the subject
        "Vừa qua, tại xã Tân Dĩnh, đồng chí Trịnh Văn Hải, Bí thư Huyện ủy và đồng chí Ngô Thị "
        "Lan, Phó Chủ tịch UBND huyện đã chủ trì buổi làm việc để kiểm tra tiến độ xây dựng nông "
        "thôn mới.",
        # the chair in a leading clause, the delegation unnamed
        "Dưới sự chủ trì của ông Trịnh Văn Hải, Phó Trưởng Ban Văn hóa - Xã hội HĐND tỉnh, đoàn "
        "đã làm việc với UBND xã Tân Dĩnh để kiểm tra tiến độ xây dựng nông thôn mới.",
    ],
)
def test_the_leader_after_openers_or_in_a_leading_clause(nlp: Language, sentence: str) -> None:
    item = _report(nlp, sentence).inspections[0]
    assert (item.kind, item.leader) == ("kiểm tra", "Trịnh Văn Hải")


def test_a_site_visit_names_the_topic_the_lead_leaves_out(nlp: Language) -> None:
    text = (
        "Ủy ban MTTQ Việt Nam huyện Lạng Giang vừa tổ chức giám sát tại một số xã trên địa bàn "
        "huyện. Tại UBND xã Tân Dĩnh và UBND xã Tư Mại, đoàn giám sát việc thực hiện chính sách "
        "hỗ trợ đào tạo nghề cho lao động nông thôn."
    )
    item = _report(nlp, text).inspections[0]
    assert item.topic is not None
    assert (item.kind, item.topic.text) == (
        "giám sát",
        "việc thực hiện chính sách hỗ trợ đào tạo nghề cho lao động nông thôn",
    )


def test_a_bare_delegation_never_opens_the_main_activity(nlp: Language) -> None:
    text = (
        "Thường trực HĐND huyện Lạng Giang khảo sát hoạt động của các hợp tác xã\n\n"
        "Ngày 5/3, Thường trực HĐND huyện Lạng Giang đã đến xã Tân Dĩnh để nắm tình hình sản "
        "xuất của các hợp tác xã. Tại thôn Đông, đoàn khảo sát mô hình nuôi tôm của Hợp tác xã "
        "Đông Hà."
    )
    item = vnreport.extract(text, nlp=nlp).inspections[0]
    assert item.body is not None
    assert (item.kind, item.body.text) == ("khảo sát", "Thường trực HĐND huyện Lạng Giang")


def test_the_body_the_leader_is_named_head_of(nlp: Language) -> None:
    text = (
        "Ngày 7/6, bà Ngô Thị Lan, Bí thư Huyện ủy Lạng Giang là trưởng đoàn công tác của Huyện "
        "ủy, đã về làm việc với xã Tân Dĩnh nhằm kiểm tra tiến độ giảm nghèo."
    )
    item = _report(nlp, text).inspections[0]
    assert item.body is not None
    assert (item.body.text, item.leader) == ("đoàn công tác của Huyện ủy", "Ngô Thị Lan")


@pytest.mark.parametrize("verb", ["về", "đến", "xuống"])
def test_the_unit_an_official_goes_to_is_inspected(nlp: Language, verb: str) -> None:
    text = (
        "Sáng 19/9, đồng chí Trịnh Văn Hải, Phó Chủ tịch UBND huyện Lạng Giang đã "
        f"{verb} xã Tân Dĩnh kiểm tra tiến độ xây dựng nông thôn mới tại thôn Đông."
    )
    (item,) = _report(nlp, text).inspections
    assert [(t.type, t.name) for t in item.targets] == [("xã", "Tân Dĩnh"), ("thôn", "Đông")]


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        # "thực hiện chương trình …" is the topic, no plan cited
        (
            "Ngày 7/11, đoàn khảo sát của Ủy ban Văn hóa và Giáo dục của Quốc hội đã khảo sát việc "
            "thực hiện chương trình giáo dục phổ thông tại xã Tân Dĩnh.",
            [("xã", "Tân Dĩnh")],
        ),
        # the places of an earlier supervision the meeting reports on
        (
            "Chiều 3/7, Thường trực HĐND tỉnh Bắc Giang tổ chức cuộc họp cho ý kiến đối với dự thảo "
            "báo cáo kết quả giám sát việc giảm nghèo tại UBND huyện Lạng Giang.",
            [],
        ),
    ],
)
def test_places_of_a_topic_and_of_a_report_on_an_earlier_activity(
    nlp: Language, sentence: str, targets: list[tuple[str, str]]
) -> None:
    (item,) = _report(nlp, sentence).inspections
    assert [(t.type, t.name) for t in item.targets] == targets


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # a delegation named by its agency holds no topic; the headline's year closes its topic
        (
            "Kiểm tra an toàn thực phẩm bếp ăn tập thể trong trường học năm 2025\n\n"
            "Đoàn kiểm tra Chi cục An toàn vệ sinh thực phẩm kiểm tra tại bếp ăn tập thể Trường Mầm "
            "non Tân Dĩnh.",
            "an toàn thực phẩm bếp ăn tập thể trong trường học",
        ),
        (
            "Tin hoạt động\n\nSáng 5/3, Đoàn công tác của huyện Lạng Giang kiểm tra tiến độ xây "
            "dựng nông thôn mới giai đoạn 2021-2025 tại xã Tân Dĩnh.",
            "tiến độ xây dựng nông thôn mới",
        ),
    ],
)
def test_no_agency_or_year_in_the_topic(nlp: Language, text: str, topic: str) -> None:
    item = vnreport.extract(text, nlp=nlp).inspections[0]
    assert (item.topic.text if item.topic else None) == topic


def test_a_delegation_named_with_its_activity_and_capitalised_matter(nlp: Language) -> None:
    text = (
        "Sáng 25/4, Đoàn liên ngành kiểm tra An toàn vệ sinh thực phẩm huyện Lạng Giang đã tiến "
        "hành kiểm tra đột xuất bếp ăn bán trú tại Trường Mầm non Tân Dĩnh."
    )
    (item,) = _report(nlp, text).inspections
    assert item.body is not None
    assert item.body.text == "Đoàn liên ngành kiểm tra An toàn vệ sinh thực phẩm huyện Lạng Giang"
    assert [o.text for o in item.organizations] == ["Trường Mầm non Tân Dĩnh"]


def test_the_one_head_of_the_inspecting_body_leads_it(nlp: Language) -> None:
    text = (
        "Ngày 13/11, Ban Văn hóa - Xã hội HĐND tỉnh Bắc Giang tổ chức khảo sát tình hình cơ sở "
        "vật chất trường học tại huyện Lạng Giang.\n\n"
        "Bà Ngô Thị Lan (thứ hai từ trái), Trưởng Ban Văn hóa - Xã hội HĐND tỉnh kiểm tra phòng "
        "học tại Trường Tiểu học Tân Dĩnh\n\n"
        "Kết luận, bà Ngô Thị Lan đề nghị huyện rà soát các điểm trường lẻ."
    )
    item = _report(nlp, text).inspections[0]
    assert (item.kind, item.leader) == ("khảo sát", "Ngô Thị Lan")
