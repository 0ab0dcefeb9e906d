"""Round 5 (tests/data/blind4): the general rules its misses called for, each on a small text."""

from __future__ import annotations

from replydraft.parsing import parse_reply
from replydraft.parsing.markers import is_closing
from replydraft.parsing.reflow import rejoin_wraps

_BODY = (
    "关于县十九届人大三次会议第12号建议的答复\n"
    "张三代表：\n"
    "    您提出的《关于修缮村道的建议》收悉，现答复如下：\n"
    "    一、今年我局完成村道修缮12公里，投入资金360万元，惠及群众2000余人。\n"
    "    二、下一步，我局将争取上级资金，年底前完成剩余8公里村道修缮。\n"
    "    感谢您对交通工作的关心和支持。\n"
)


def test_labelled_handling_unit_and_time_give_unit_and_date() -> None:
    reply = parse_reply(_BODY + "办理单位：甲县交通运输局\n办理时间：2025年6月9日\n")
    assert reply.responding_unit == "甲县交通运输局"
    assert reply.date == "2025-06-09"
    assert all("办理" not in m.text[:4] for m in reply.measures)


def test_two_units_on_two_lines_the_first_signs() -> None:
    reply = parse_reply(_BODY + "甲县交通运输局\n甲县财政局\n2025年6月9日\n")
    assert reply.responding_unit == "甲县交通运输局"


def test_one_unit_above_the_date_still_signs() -> None:
    reply = parse_reply(_BODY + "甲县交通运输局\n2025年6月9日\n")
    assert reply.responding_unit == "甲县交通运输局"


def test_half_width_full_stop_after_cjk_ends_a_paragraph() -> None:
    lines = [
        "1.2024年全市新建产地冷藏保鲜设施86个,新增库容4.3万吨,带动农户增收.",
        "2.今年市商务局将安排专项资金1500万元,支持县域冷链物流配送中心建设.",
        "3.下一步,我局将会同市农业农村局培育冷链物流龙头企业,推动设施共享.",
    ]
    assert rejoin_wraps(lines) == lines


def test_will_study_and_absorb_is_a_closing_but_a_promise_is_not() -> None:
    assert is_closing("对您的建议，我们将认真研究吸收。")
    assert not is_closing("下一步，我局将认真研究吸收。")
    assert not is_closing("今年我局将吸收社会资本参与村道建设，年底前完成剩余8公里村道修缮。")


def test_em_dash_in_a_phone_is_its_hyphen() -> None:
    reply = parse_reply(
        _BODY + "甲县交通运输局\n2025年6月9日\n联系人：李四　联系电话：0745—6618802\n"
    )
    assert reply.contacts.phone == "0745-6618802"


def test_party_committee_beside_the_government_does_not_sign() -> None:
    reply = parse_reply(_BODY + "中共甲县乙镇委员会\n甲县乙镇人民政府\n2025年6月9日\n")
    assert reply.responding_unit == "甲县乙镇人民政府"


def test_acting_seal_line_between_unit_and_date() -> None:
    reply = parse_reply(_BODY + "甲县交通运输局\n（代章）\n2025年6月9日\n")
    assert reply.responding_unit == "甲县交通运输局"
    assert [m.text[:4] for m in reply.measures] == ["今年我局", "下一步，"]


def test_delegation_before_the_name_in_a_salutation() -> None:
    text = _BODY.replace("张三代表：", "乙镇代表团张三、李四代表：")
    reply = parse_reply(text + "甲县交通运输局\n2025年6月9日\n")
    assert (reply.addressee, reply.co_proposers) == ("张三", ["李四"])


def test_fax_or_mail_after_the_phone_ends_it() -> None:
    for tail in ("传真：0745-7654321", "电子邮箱：abc@163.com"):
        text = f"{_BODY}甲县交通运输局\n2025年6月9日\n联系人：李四　电话：0745-1234567　{tail}\n"
        assert parse_reply(text).contacts.phone == "0745-1234567"


def test_labelled_contact_unit_when_nothing_else_names_one() -> None:
    reply = parse_reply(_BODY + "2025年6月9日\n（联系单位：甲县交通运输局，联系人：李四）\n")
    assert reply.responding_unit == "甲县交通运输局"
