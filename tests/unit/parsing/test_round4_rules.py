"""Round-4 rules on small invented texts: Chinese-numeral proposal numbers, a lead proposer's
note after the salutation, letter-spaced (scanned) lines closed up, a repeated print view
dropped, the lead unit of a joint signature, full-width phone numbers folded, a metadata
`标题` that names the reply, a co-opinion's request to the lead unit read as its closing."""

from __future__ import annotations

import pytest

from replydraft.parsing import parse_reply
from replydraft.parsing.repeats import drop_repeated_runs
from replydraft.parsing.spacing import close_letter_spacing, is_letter_spaced
from replydraft.parsing.unglue import unglue_page

BODY = """    您提出的《关于加强农村饮用水安全保障的建议》收悉，现答复如下：
    一、全县农村集中供水率已达到92%，今年将新建改造供水工程15处。
    二、建立水质检测制度，每季度对农村供水工程开展一次抽检。
    感谢您对水利工作的关心和支持。
"""


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("关于县十九届人大二次会议第三十一号建议的答复", 31),
        ("关于县十九届人大二次会议第一〇七号建议的答复", 107),
        ("关于县十九届人大二次会议第十二号建议的答复", 12),
        ("关于县十九届人大二次会议第２３号建议的答复", 23),
    ],
)
def test_numbers_in_chinese_numerals_are_read(title: str, number: int) -> None:
    reply = parse_reply(f"{title}\n张伟代表：\n{BODY}青山县水利局\n2025年6月4日\n")
    assert (reply.session, reply.number) == ("县十九届人大二次会议", number)


@pytest.mark.parametrize(
    ("salutation", "title"), [("王强代表（领衔）：", "代表"), ("王强委员（民盟）：", "委员")]
)
def test_a_note_in_brackets_after_the_salutation(salutation: str, title: str) -> None:
    reply = parse_reply(f"关于县十九届人大二次会议第23号建议的答复\n{salutation}\n{BODY}")
    assert (reply.addressee, reply.addressee_title) == ("王强", title)


def test_letter_spaced_lines_are_closed_up_and_others_left_alone() -> None:
    assert close_letter_spacing("青 山 县 水 利 局") == "青山县水利局"
    assert close_letter_spacing("2 0 2 5 年 6 月 4 日") == "2025年6月4日"
    assert (
        close_letter_spacing("联 系 人 ： 谭 华 \u3000 联 系 电 话 ： 0 7 3 4")
        == "联系人：谭华\u3000联系电话：0734"
    )
    assert not is_letter_spaced("1 2 3 4 5 6 7")  # a row of numbers, no Chinese
    assert not is_letter_spaced("联系人：张三 电话：0734-5512345")
    assert not is_letter_spaced("王  刚代表：")


def test_a_letter_spaced_reply_is_read() -> None:
    text = "\n".join(
        " ".join(line.strip())
        for line in (
            "关于对县十九届人大二次会议第23号建议的答复\n张伟代表：\n" + BODY + "青山县水利局\n"
            "2025年6月4日\n联系人：谭华"
        ).splitlines()
    )
    reply = parse_reply(text)
    assert (reply.number, reply.addressee) == (23, "张伟")
    assert (reply.responding_unit, reply.date) == ("青山县水利局", "2025-06-04")
    assert reply.contacts.handler == "谭华"
    assert [m.text[:6] for m in reply.measures] == ["全县农村集中", "建立水质检测"]


def test_a_repeated_run_is_dropped_and_what_surrounds_it_kept() -> None:
    lines = [
        "标题",
        "张伟代表：",
        "第一段很长的答复内容" * 3,
        "第二段",
        "落款",
        "标题",
        "张伟代表：",
    ]
    lines += ["第一段很长的答复内容" * 3, "第二段", "落款", "返回顶部"]
    assert drop_repeated_runs(lines) == [*lines[:5], "返回顶部"]
    short = ["甲", "乙", "丙", "甲", "乙", "丙"]  # too short to be a copy of a reply
    assert drop_repeated_runs(short) == short
    assert drop_repeated_runs(["标题", "标题", "正文"]) == ["标题", "标题", "正文"]


def test_a_print_view_appended_after_the_reply_is_not_read_as_its_body() -> None:
    reply_text = (
        f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{BODY}"
        "青山县水利局\n2025年6月4日\n联系人：谭华　联系电话：0734-5545678\n"
    )
    reply = parse_reply(reply_text + "【打印本页】【关闭窗口】\n" + reply_text)
    assert (reply.responding_unit, reply.date) == ("青山县水利局", "2025-06-04")
    assert len(reply.measures) == 2


def test_a_joint_signature_names_the_lead_unit_and_a_full_width_phone_is_folded() -> None:
    reply = parse_reply(
        f"关于县十九届人大二次会议第23号建议的联合答复\n张伟代表：\n{BODY}"
        "青山县水利局　　　　青山县农业农村局\n２０２５年６月４日\n"
        "联系人：谭华　联系电话：０７３４－５５４５６７８\n"
    )
    assert reply.responding_unit == "青山县水利局"
    assert reply.contacts.phone == "0734-5545678"


def test_a_metadata_title_naming_the_reply_is_not_the_proposal_title() -> None:
    reply = parse_reply(
        "发布机构：青山县水利局    成文日期：2025-05-20\n"
        "标题：关于县十九届人大二次会议第23号建议的答复\n\n"
        f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{BODY}青山县水利局\n"
    )
    assert reply.proposal_title == "关于加强农村饮用水安全保障的建议"
    assert reply.date == "2025-05-20"


def test_a_co_opinions_request_to_the_lead_unit_is_its_closing() -> None:
    reply = parse_reply(
        "关于对市十六届人大三次会议第94号建议办理意见的函\n市农业农村局：\n"
        "    《关于加大高标准农田建设投入的建议》（第94号）由你局主办、我局协办。现将协办意见函告如下：\n"
        "    一、市财政统筹安排高标准农田建设资金5.6亿元，比上年增长12%。\n"
        "    二、加强资金绩效管理，对建设项目开展全过程绩效评价。\n"
        "    请你局在答复代表时一并考虑。\n南江市财政局\n2025年5月15日\n"
    )
    assert [m.text[:6] for m in reply.measures] == ["市财政统筹安", "加强资金绩效"]


@pytest.mark.parametrize(
    "unit",
    ["青山县广播电视台", "青山县国有林场", "长沙海关", "中共青山县委党校", "青山县某某事务联络组"],
)
def test_a_unit_of_any_kind_signs_between_the_closing_and_the_date(unit: str) -> None:
    reply = parse_reply(
        f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{BODY}{unit}\n2025年6月4日\n"
        "联系人：谭华　联系电话：0734-5545678\n"
    )
    assert (reply.responding_unit, reply.date) == (unit, "2025-06-04")
    assert [m.text[:6] for m in reply.measures] == ["全县农村集中", "建立水质检测"]


def test_a_bare_line_above_the_date_after_a_measure_is_not_taken_without_a_closing() -> None:
    body = BODY.replace("    感谢您对水利工作的关心和支持。\n", "")
    reply = parse_reply(
        f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{body}"
        "下一步工作安排\n2025年6月4日\n"
    )
    assert reply.responding_unit is None


def test_spaced_signature_labels_and_a_day_written_hao_are_read() -> None:
    reply = parse_reply(
        f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{BODY}青山县水利局\n"
        "2025年6月4号\n联 系 人：谭华　　电 话：0734-5545678\n"
    )
    assert reply.date == "2025-06-04"
    assert (reply.contacts.handler, reply.contacts.phone) == ("谭华", "0734-5545678")


def test_a_running_document_number_between_pages_is_not_a_measure() -> None:
    body = BODY.replace("    二、", "— 1 —\n青水函〔2025〕12号\n    二、")
    reply = parse_reply(f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{body}")
    assert [m.text[:6] for m in reply.measures] == ["全县农村集中", "建立水质检测"]


def test_an_unquoted_title_without_guanyu_is_read_when_receipt_follows() -> None:
    reply = parse_reply(
        "李明代表：\n    您提出的修建白沙村至柳树村通组公路的建议收悉。经研究，该路段已纳入"
        "我局2025年农村公路建设计划。\n    感谢您对交通工作的关心和支持！\n青山县交通运输局\n2025年6月3日\n"
    )
    assert reply.proposal_title == "修建白沙村至柳树村通组公路的建议"


@pytest.mark.parametrize(
    ("stamp", "where", "category"),
    [
        ("【B类】", "top", "B"),
        ("【B类】", "end", "B"),
        ("A类", "end", "A"),
        ("B类件", "end", "B"),
        ("A", "end", None),  # a font-size switch past the signature, not a category
    ],
)
def test_category_stamps_in_brackets_or_after_the_signature(
    stamp: str, where: str, category: str | None
) -> None:
    text = (
        f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{BODY}青山县水利局\n2025年6月4日\n"
    )
    reply = parse_reply(f"{stamp}\n{text}" if where == "top" else f"{text}{stamp}\n")
    assert reply.category == category


@pytest.mark.parametrize(
    "title",
    [
        "关于县十九届人大二次会议第23、24号建议的答复",
        "关于县十九届人大二次会议（第23号）建议的答复",
    ],
)
def test_a_number_listed_with_others_or_in_brackets(title: str) -> None:
    reply = parse_reply(f"{title}\n张伟代表：\n{BODY}")
    assert (reply.session, reply.number) == ("县十九届人大二次会议", 23)


def test_an_item_with_a_clause_is_a_measure_even_when_prose_follows_it() -> None:
    reply = parse_reply(
        "关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n"
        "    您提出的《关于加强农村饮用水安全保障的建议》收悉，现答复如下：\n"
        "    一、高度重视，迅速部署。\n    我局成立工作专班，逐村排查供水工程。\n"
        "    二、加强资金绩效管理，对建设项目开展全过程绩效评价。\n"
        "    同时，我局将把农村供水工程纳入年度考核。\n"
        "青山县水利局\n2025年6月4日\n"
    )
    assert [(m.ordinal, m.text[:6]) for m in reply.measures] == [
        (None, "我局成立工作"),
        ("二、", "加强资金绩效"),
        (None, "同时，我局将"),
    ]
    assert reply.measures[0].headings == ["一、高度重视，迅速部署。"]


def test_a_page_flattened_without_any_space_is_read() -> None:
    page = (
        f"关于县十九届人大二次会议第23号建议的答复\n张伟代表：\n{BODY}青山县水利局\n2025年6月4日\n"
        "联系人：谭华\n"
    )
    flat = "".join(line.strip() for line in page.splitlines())
    pieces = unglue_page(flat)
    assert pieces[0] == "关于县十九届人大二次会议第23号建议的答复"
    assert pieces[1].startswith("张伟代表：您提出的")
    reply = parse_reply(flat)
    assert (reply.session, reply.number, reply.addressee) == ("县十九届人大二次会议", 23, "张伟")
    assert (reply.responding_unit, reply.date, reply.contacts.handler) == (
        "青山县水利局",
        "2025-06-04",
        "谭华",
    )
    assert [m.text[:6] for m in reply.measures] == ["全县农村集中", "建立水质检测"]


def test_a_long_paragraph_that_is_no_page_is_left_whole() -> None:
    paragraph = "我局高度重视，" + "组织专人实地调查，" * 20 + "将于2025年6月4日前完成。"
    assert unglue_page(paragraph) == [paragraph]  # no receipt, no salutation: not a page
