"""The noise DOMAIN.md lists and the corpus shows, each on a small hand-written reply."""

from __future__ import annotations

import pytest

from replydraft.parsing import clean_text, parse_reply
from replydraft.parsing.dates import date_only, normalize_date

BODY = "近年来，我局持续推进相关工作，取得了一定成效。"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025年5月14日", "2025-05-14"),
        ("2025- 07- 02 11: 03", "2025-07-02"),
        ("二○一二年六月十四日", "2012-06-14"),
        ("二〇二一年十二月三十一日", "2021-12-31"),
        ("2023717", "2023-07-17"),
        ("20230717", "2023-07-17"),
        ("２０２２年６月２２日", "2022-06-22"),
        ("2022.6.22", "2022-06-22"),
        ("2022年2月30日", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert normalize_date(text) == iso


def test_date_only_lines() -> None:
    assert date_only("                 2019年7月26日") == "2019-07-26"
    assert date_only("2023年6月20日（此件公开发布）") == "2023-06-20"
    assert date_only("发布日期：2023年6月20日") is None
    assert date_only("2022年8月17日印发") is None


def test_crumbs_furniture_and_metadata_are_removed() -> None:
    text = (
        "当前位置: 首页 > 政府信息公开 > 建议提案\n"
        "索引号: 11341723556342452T/202211-00009 组配分类: 政协委员提案办理\n"
        "发布机构: 市教体局 主题分类: 科技、教育\n"
        "关于对市政协一届一次会议第68号提案的答复函 |\n"
        "发布时间:2022-11-23 09:55 来源:市教体局 浏览次数: 字体:[ ]\n"
        "王学珍委员:\n你提出的关于邱村小学再扩建的提案收悉。现答复如下:\n"
        f"{BODY}\n【打印本页】【关闭窗口】\n上一条:对政协第82号提案的答复\n"
    )
    assert clean_text(text).splitlines() == [
        "关于对市政协一届一次会议第68号提案的答复函",
        "王学珍委员:",
        "你提出的关于邱村小学再扩建的提案收悉。现答复如下:",
        BODY,
    ]
    reply = parse_reply(text)
    assert reply.responding_unit == "市教体局"  # only the metadata names it
    assert reply.date is None  # the publication date is not the reply's date
    assert reply.proposal_title == "关于邱村小学再扩建的提案"


def test_one_line_document_is_split_into_paragraphs() -> None:
    text = (
        "某某局关于对 市第十届人民代表大会第二次会议第12号建议的答复意见 张三代表: "
        "您提出的“关于加快发展 数字经济的建议”已收悉。现答复如下: "
        "一、工作情况 (一)强化政策。出台政策三项,兑现资金一千万元。 (二)培育主体。新增企业十家。 "
        "二、下一步计划 (一)完善机制。建立联席会议制度。 最后,感谢您对我局工作的支持。 某某局 2024年5月22日"
    )
    reply = parse_reply(text)
    assert reply.title == "某某局关于对 市第十届人民代表大会第二次会议第12号建议的答复意见"
    assert reply.session == "市第十届人民代表大会第二次会议"
    assert reply.addressee == "张三"
    assert reply.proposal_title == "关于加快发展 数字经济的建议"
    assert reply.responding_unit == "某某局"
    assert reply.date == "2024-05-22"
    assert [(m.section, m.ordinal) for m in reply.measures] == [
        ("status", "(一)"),
        ("status", "(二)"),
        ("next_steps", "(一)"),
    ]


def test_spaced_title_split_over_lines_and_glued_category() -> None:
    text = (
        "临农字〔2022〕17号B类同意公开\n对市政协十届一次会议第35号提案的\n答 复\n沈康祥委员:\n"
        "您提出的《关于打造高标准农田的提案》已收悉。现答复如下:\n"
        f"{BODY}\n感谢您的关心和支持。\n2022年8月17日\n承办负责人:方艳平\n"
        "承办人及联系电话:田阳阳18692166767\n临湘市农业农村局办公室 2022年8月17日印发\n"
    )
    reply = parse_reply(text)
    assert reply.title == "对市政协十届一次会议第35号提案的答 复"
    assert (reply.session, reply.number, reply.proposal_kind) == (
        "市政协十届一次会议",
        35,
        "proposal",
    )
    assert reply.category == "B"
    assert reply.doc_number == "临农字〔2022〕17号"
    assert reply.disclosure == "同意公开"
    assert reply.responding_unit == "临湘市农业农村局"
    assert reply.contacts.leader == "方艳平"
    assert (reply.contacts.handler, reply.contacts.phone) == ("田阳阳", "18692166767")


@pytest.mark.parametrize(
    ("salutation", "addressee", "title", "co"),
    [
        ("杜国强代表：", "杜国强", "代表", []),
        ("尊敬的幸世高代表", "幸世高", "代表", []),
        ("尊敬的宰会凤委员:", "宰会凤", "委员", []),
        ("罗海坤等5位委员: ", "罗海坤", "委员", []),
        ("余秀华9名代表", "余秀华", "代表", []),
        ("王明、李华等5名代表：", "王明", "代表", ["李华"]),
        ("王  刚代表：", "王刚", "代表", []),
        ("双龙湖街道:", "双龙湖街道", None, []),
    ],
)
def test_salutations(salutation: str, addressee: str, title: str | None, co: list[str]) -> None:
    reply = parse_reply(f"{salutation}\n您提出的《关于改善交通的建议》收悉，现答复如下：\n{BODY}\n")
    assert (reply.addressee, reply.addressee_title, reply.co_proposers) == (addressee, title, co)


def test_salutation_glued_to_acknowledgement() -> None:
    reply = parse_reply(f"张三代表：您提出的《关于改善交通的建议》收悉，现答复如下：\n{BODY}\n")
    assert reply.salutation == "张三代表："
    assert reply.addressee == "张三"
    assert reply.proposal_title == "关于改善交通的建议"


def test_no_salutation_names_come_from_the_acknowledgement() -> None:
    text = (
        "关于兰亭镇第十六届人民代表大会\n第一次会议17号代表建议的答复\n"
        "任木兰、徐文良、汤建芳等代表提出的17号代表建议:要求加强水质监管。\n"
        "现答复如下:镇政府十分重视，已投资四百万元实施污水处理。\n"
        "感谢代表们的关心和支持。\n兰亭镇人民政府\n二○一二年六月十四日\n"
    )
    reply = parse_reply(text)
    assert (reply.addressee, reply.addressee_title) == ("任木兰", "代表")
    assert reply.co_proposers == ["徐文良", "汤建芳"]
    assert (reply.session, reply.number) == ("兰亭镇第十六届人民代表大会第一次会议", 17)
    assert reply.date == "2012-06-14"
    assert reply.measures[-1].text == "镇政府十分重视，已投资四百万元实施污水处理。"


def test_category_forms() -> None:
    base = (
        "对区十八届人大二次会议第129号建议的复函\n{}\n冉景园代表:\n您提出的《关于停车的建议》收悉,现答复如下:\n"
        + BODY
    )
    for header, expected in [
        ("类别:A类", "A"),
        ("类 别:B", "B"),
        ("办理结果:(C类)", "C"),
        ("答复类别：D", "D"),
    ]:
        assert parse_reply(base.format(header)).category == expected
    assert parse_reply(base.format("平教字〔2021〕19号 类 同意公开")).category is None


def test_unit_from_title_closing_or_nothing() -> None:
    text = f"某某县教育局关于县十届二次会议第3号建议的答复\n李四代表：\n您提出的《关于校舍的建议》收悉。\n{BODY}\n"
    assert parse_reply(text).responding_unit == "某某县教育局"
    text = (
        f"李四代表：\n您提出的《关于校舍的建议》收悉。\n{BODY}\n"
        "感谢您的支持。以上答复如不满意，请与某某县教育体育局联系。\n"
    )
    assert parse_reply(text).responding_unit == "某某县教育体育局"
    text = f"李四委员：\n您提出的《关于校舍的建议》收悉。\n{BODY}\n特此答复。\n2021年9月19日\n"
    reply = parse_reply(text)
    assert reply.responding_unit is None and reply.date == "2021-09-19"
    assert (
        reply.proposal_kind == "suggestion"
    )  # the title it quotes says 建议, though a 委员 filed it


def test_prose_reply_yields_paragraphs_as_measures() -> None:
    text = (
        "龚程代表:\n您提出的关于公路改造的建议收悉,现答复如下:\n"
        "我镇对该建议高度重视,该段公路改造工作已全面启动。\n"
        "下一步,我镇将加快征地协调,年底前完成改造。\n"
        "希望以后多提宝贵意见。\n神山镇人民政府\n2023年9月15日\n"
    )
    reply = parse_reply(text)
    assert [(m.section, m.ordinal) for m in reply.measures] == [
        ("status", None),
        ("next_steps", None),
    ]
    assert reply.proposal_title == "关于公路改造的建议"
    assert reply.responding_unit == "神山镇人民政府"
    assert [p.kind for p in reply.parts][-2:] == ["closing", "signature"]


def test_fields_not_found_stay_null() -> None:
    reply = parse_reply("张三代表：\n您的建议收悉。\n" + BODY)
    assert reply.session is None and reply.number is None and reply.proposal_title is None
    assert reply.responding_unit is None and reply.date is None and reply.category is None
    assert reply.proposal_kind == "suggestion"
