"""Round-3 rules on small invented texts: hard-wrapped (PDF-like) paragraphs rejoined, table
cells paired, page numbers dropped, seal and category stamps and attachment lists kept in the
signature block, 主要领导 on a contacts line."""

from __future__ import annotations

from replydraft.parsing import parse_reply
from replydraft.parsing.cleaning import clean_document
from replydraft.parsing.parts import split_receipt
from replydraft.parsing.reflow import pair_label_cells, print_width, rejoin_wraps

WRAPPED = """石门县自然资源局
关于县十七届人大五次会议第 112 号建议的答复
王建华代表：
    您在县十七届人大五次会议期间提出的《关于尽快办理石门镇安
置小区不动产权证的建议》已收悉，现答复如下：
    石门镇安置小区共涉及安置户 428 户，因项目建设手续不全，原
未能办理不动产登记。经我局会同县住建局多次现场核查，目前已补
齐规划核实和竣工验收手续，首批 216 户已于 2025 年 4 月完成首次
                              — 1 —
登记。
    下一步，我局将开通安置小区不动产登记绿色通道，安排专人上
门服务，力争 2025 年 9 月底前完成剩余 212 户的登记发证工作。
    感谢您对自然资源工作的关心和支持。
                                        石门县自然资源局
                                        2025 年 6 月 3 日
                              — 2 —
"""


def test_hard_wrapped_paragraphs_are_rejoined_across_a_page_number() -> None:
    reply = parse_reply(WRAPPED)
    assert reply.proposal_title == "关于尽快办理石门镇安置小区不动产权证的建议"
    assert [m.text[:8] for m in reply.measures] == ["石门镇安置小区共", "下一步，我局将开"]
    assert reply.measures[0].text.endswith("完成首次登记。")
    assert (reply.responding_unit, reply.date) == ("石门县自然资源局", "2025-06-03")


def test_lines_that_end_sentences_or_stand_alone_are_not_joined() -> None:
    lines = [
        "关于县十七届人大五次会议第112号建议的答复",
        "王建华代表：",
        "您提出的建议收悉。我局高度重视，组织专人到现场进行了实地查看。",
        "一、基本情况",
        "全县共有安置小区12个，其中已办证的8个，正在办理的4个，情况如下",
        "石门县自然资源局",
        "2025年6月3日",
    ]
    assert rejoin_wraps(lines) == lines


def test_a_page_of_one_paragraph_a_line_is_never_reflowed() -> None:
    long = "我局" + "对全县安置小区逐一核查并建立台账，" * 8
    lines = [long, long + "下一步", long]
    assert print_width(lines) is None
    assert rejoin_wraps(lines) == lines


def test_table_cells_are_paired_with_their_labels() -> None:
    lines = ["建议编号", "第23号", "答复类别", "A", "周海燕代表："]
    assert pair_label_cells(lines) == ["建议编号：第23号", "答复类别：A", "周海燕代表："]
    assert pair_label_cells(["标题", "关于某事的建议"]) == ["标题", "关于某事的建议"]


def test_a_flattened_record_table_is_read() -> None:
    text = (
        "建议编号\n第23号\n建议标题\n关于开发九龙山红色旅游线路的建议\n领衔代表\n周海燕\n"
        "答复类别\nA\n答复日期\n2025-06-03\n答复全文\n周海燕代表：\n"
        "您提出的《关于开发九龙山红色旅游线路的建议》收悉，现答复如下：\n"
        "我局已完成其中9处遗址的保护修缮。\n泾川县文化和旅游局\n"
    )
    reply = parse_reply(text)
    assert (reply.number, reply.addressee, reply.category) == (23, "周海燕", "A")
    assert reply.proposal_title == "关于开发九龙山红色旅游线路的建议"
    assert reply.date == "2025-06-03"


def test_page_numbers_are_furniture() -> None:
    lines = clean_document("正文。\n— 3 —\n- 4 -\n第 1 页 共 2 页\n12\n").lines
    assert lines == ["正文。"]


LETTER = (
    "张三代表：\n您提出的《关于改善乡村道路的建议》收悉，现答复如下：\n"
    "该道路已纳入2025年改造计划，预计年底完工。\n感谢您对交通运输工作的关心和支持。\n{tail}"
)


def test_seal_line_and_attachment_list_stay_in_the_signature() -> None:
    tail = "附件：1.道路改造计划表\n2.征询意见表\n某县交通运输局\n（印章）\n二〇二五年六月三日\n（此页无正文）\n"
    reply = parse_reply(LETTER.format(tail=tail))
    assert [m.text[:6] for m in reply.measures] == ["该道路已纳入"]
    assert reply.responding_unit == "某县交通运输局"
    assert reply.date == "2025-06-03"


def test_category_stamp_of_any_label_is_read_and_never_a_measure() -> None:
    for stamp in ("办理结果类别：B类", "【答复类别：B类】", "答复类型：B类"):
        reply = parse_reply(LETTER.format(tail=f"{stamp}\n某县交通运输局\n2025.6.3\n"))
        assert reply.category == "B", stamp
        assert len(reply.measures) == 1, stamp


def test_main_and_leading_leaders_on_one_contacts_line() -> None:
    tail = "某县交通运输局\n2025年6月3日\n主要领导：韦国华   分管领导：覃红梅   承办人：黄海涛   联系电话：0772-2856310\n"
    contacts = parse_reply(LETTER.format(tail=tail)).contacts
    assert (contacts.leader, contacts.handler, contacts.phone) == (
        "覃红梅",
        "黄海涛",
        "0772-2856310",
    )


def test_an_answer_in_the_acknowledging_paragraph_is_a_measure() -> None:
    text = (
        "刘桂芬代表：\n您提出的《关于改善乡村道路的建议》收悉。经研究，我局已将该道路纳入2025年"
        "改造计划，预计年底完工。\n感谢您对交通运输工作的关心和支持。\n某县交通运输局\n2025年6月3日\n"
    )
    reply = parse_reply(text)
    assert [m.text[:8] for m in reply.measures] == ["经研究，我局已将"]
    assert reply.proposal_title == "关于改善乡村道路的建议"
    handed = text.replace("收悉。经研究，", "收悉。经研究，现答复如下：")
    assert [m.text[:6] for m in parse_reply(handed).measures] == ["我局已将该道"]


def test_signature_lines_of_other_forms() -> None:
    tail = (
        "如对答复有意见，请及时反馈。\n局长：温晓东\n某县交通运输局\n2025年6月3日\n（A类答复）\n"
        "联系人/电话：钟丽萍/0797-8821360\n"
    )
    reply = parse_reply(LETTER.format(tail=tail))
    assert [m.text[:6] for m in reply.measures] == ["该道路已纳入"]
    assert reply.category == "A"
    assert (reply.contacts.handler, reply.contacts.phone) == ("钟丽萍", "0797-8821360")
    mobile = parse_reply(
        LETTER.format(tail="某县交通运输局\n2025年6月3日\n经办人：钟丽萍  手机：13907312468\n")
    )
    assert (mobile.contacts.handler, mobile.contacts.phone) == ("钟丽萍", "13907312468")


def test_html_entities_and_a_salutation_with_zhi() -> None:
    text = LETTER.format(tail="某县交通运输局\n2025年6月3日\n").replace(
        "张三代表：", "致：张三代表&nbsp;"
    )
    text = text.replace("该道路", "&nbsp;&nbsp;该道路")
    reply = parse_reply(text)
    assert (reply.addressee, reply.addressee_title) == ("张三", "代表")
    assert [m.text[:6] for m in reply.measures] == ["该道路已纳入"]


def test_dates_of_a_list_or_news_item_after_the_reply_do_not_sign_it() -> None:
    signed = LETTER.format(tail="某县交通运输局\n2025年6月3日\n")
    lists = (
        "相关文章\n某县交通运输局关于县十八届人大四次会议第32号建议的答复\n2025-06-10\n",
        "【相关新闻】\n某县召开农村公路建设推进会\n2025-06-12\n"
        "6月12日，全县农村公路建设推进会召开，副县长出席会议并讲话。\n",
    )
    for after in lists:
        reply = parse_reply(signed + after)
        assert (reply.responding_unit, reply.date) == ("某县交通运输局", "2025-06-03"), after
        assert [m.text[:6] for m in reply.measures] == ["该道路已纳入"], after


def test_handling_sentences_after_the_receipt_stay_in_the_opening() -> None:
    assert split_receipt("您提出的建议收悉。该建议由县政府交我局办理。感谢您的关心！") == [
        "您提出的建议收悉。该建议由县政府交我局办理。感谢您的关心！"
    ]
    head, rest = split_receipt(
        "收到建议后，我局高度重视，组织技术人员深入现场踏勘。经踏勘确认，该工程已纳入水毁修复规划。"
    )
    assert head.startswith("收到建议后") and rest.startswith("经踏勘确认")


def test_a_wrapped_record_field_rejoins_but_never_swallows_the_next_label() -> None:
    lines = [
        "建议标题：关于加快梅岭县城至石门镇公路改造提升的建议",
        "领衔代表：张三",
        "办理复文：经研究，该路段已列入改造计划，将于今年年底前",
        "完成，请予理解。",
        "其他说明：该工程由县交投集团承接修建，资金已落实到位，年内",
        "开工建设。",
    ]
    assert rejoin_wraps(lines) == [
        *lines[:2],
        "办理复文：经研究，该路段已列入改造计划，将于今年年底前完成，请予理解。",
        "其他说明：该工程由县交投集团承接修建，资金已落实到位，年内开工建设。",
    ]


def test_text_saved_with_its_html_tags_is_read_as_the_page() -> None:
    page = "".join(
        f"<p>{line}</p>\n"
        for line in LETTER.format(tail="某县交通运输局\n2025年6月3日").split("\n")
    )
    reply = parse_reply(page.replace("该道路", "&nbsp;&nbsp;该道路"))
    assert (reply.addressee, reply.responding_unit, reply.date) == (
        "张三",
        "某县交通运输局",
        "2025-06-03",
    )
    assert [m.text[:6] for m in reply.measures] == ["该道路已纳入"]


def test_a_contact_on_the_date_line_is_split_off() -> None:
    tail = "某县林业局\n二〇二五年六月三日（联系人：邱文华，电话：0797-8836201）\n"
    reply = parse_reply(LETTER.format(tail=tail))
    assert reply.date == "2025-06-03"
    assert (reply.contacts.handler, reply.contacts.phone) == ("邱文华", "0797-8836201")
    assert len(reply.measures) == 1


def test_short_closings_asking_for_support_are_not_measures() -> None:
    for closing in ("望继续关注和支持我县交通运输事业发展。", "您的建议对我们改进工作很有帮助。"):
        tail = f"{closing}\n某县交通运输局\n2025年6月3日\n"
        assert [m.text[:6] for m in parse_reply(LETTER.format(tail=tail)).measures] == [
            "该道路已纳入"
        ], closing
    promise = "下一步，我局将继续关心和支持沿线村组发展。"
    tail = f"{promise}\n某县交通运输局\n2025年6月3日\n"
    assert promise in [m.text for m in parse_reply(LETTER.format(tail=tail)).measures]


def test_an_opinion_to_the_lead_unit_about_a_deputys_suggestion_is_a_co_opinion() -> None:
    body = (
        "{title}\n县交通运输局：\n刘桂芬代表提出的《关于改善乡村道路的建议》收悉。现将我局意见函告如下：\n"
        "我局已安排养护资金20万元用于该路段日常养护。\n某县财政局\n2025年5月20日\n"
    )
    for title in ("关于县十八届人大四次会议第31号建议的协办单位意见", ""):
        reply = parse_reply(body.format(title=title))
        assert (reply.doc_type, reply.addressee, reply.proposer) == (
            "co_opinion",
            "县交通运输局",
            "刘桂芬",
        ), title
    group = body.format(title="").replace("县交通运输局：", "民盟某县委员会：")
    assert parse_reply(group.replace("刘桂芬代表提出的", "贵委提出的")).doc_type == "reply"
