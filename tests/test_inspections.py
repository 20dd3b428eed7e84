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
]
# fmt: on


@pytest.mark.parametrize(("body", "kind", "inspecting", "leader", "topic", "targets"), CASES)
def test_the_main_inspection(
    nlp: Language,
    body: str,
    kind: str,
    inspecting: str | None,
    leader: str | None,
    topic: str,
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
]
# fmt: on


@pytest.mark.parametrize(("sentence", "organizations"), ORGANIZATION_CASES)
def test_inspected_organizations_are_full_names(
    nlp: Language, sentence: str, organizations: list[str]
) -> None:
    report = _report(nlp, _MAIN + sentence)
    (item,) = report.inspections
    assert [o.text for o in item.organizations] == organizations


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
