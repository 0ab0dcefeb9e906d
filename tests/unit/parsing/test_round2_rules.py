"""Round-2 rules on small invented texts: closings that open with content, lead-ins, sessions
said as `…闭会期间`, kinds named before the number, record pages."""

from __future__ import annotations

from replydraft.parsing import looks_like_reply, parse_reply
from replydraft.parsing.markers import closing_tail_at
from replydraft.parsing.title import body_session, damaged_session, title_kind

LETTER = (
    "张三代表:\n"
    "您提出的《关于改善乡村道路的建议》收悉,现答复如下:\n"
    "该道路已纳入2024年改造计划。\n"
    "{last}\n"
    "某县林业和草原局\n"
    "2023年6月1日\n"
)


def test_closing_that_opens_with_content_is_cut() -> None:
    last = "下步,我局将争取其他资金用于此段道路硬化。希望你能理解并多提宝贵意见。"
    assert closing_tail_at(last) == last.index("希望")
    assert closing_tail_at("希望你能理解并多提宝贵意见。") == 0
    reply = parse_reply(LETTER.format(last=last))
    assert [m.text for m in reply.measures][-1] == "下步,我局将争取其他资金用于此段道路硬化。"
    assert [p.text for p in reply.parts if p.kind == "closing"] == ["希望你能理解并多提宝贵意见。"]


def test_lead_in_that_says_something_is_a_measure() -> None:
    reply = parse_reply(LETTER.format(last="下一步,我局将重点做好以下工作:\n一是修路;二是养护。"))
    texts = [m.text for m in reply.measures]
    assert "下一步,我局将重点做好以下工作:" in texts
    assert parse_reply(LETTER.format(last="具体情况如下:\n一是修路;二是养护。")).measures


def test_session_between_sittings_and_kind_before_number() -> None:
    ack = "你们提出的区十五届人大六次会议闭会期间代表建议第134号《关于留路口的建议》已收悉"
    assert body_session(ack) == "区十五届人大六次会议"
    assert title_kind("关于区政协九届二次会议提案第56号的答复") == "proposal"
    reply = parse_reply(
        "关于区十五届人大三次会议闭会期间代表建议第12号的答复\n" + LETTER.format(last="")
    )
    assert (reply.session, reply.number, reply.proposal_kind) == (
        "区十五届人大三次会议",
        12,
        "suggestion",
    )
    assert damaged_session("泸西县十六届人大次会议") and not damaged_session("县十六届人大六次会议")


def test_record_with_untitled_reply_field_is_a_reply() -> None:
    page = (
        "建议标题:《关于修复某村水渠的建议》\n"
        "建议内容(摘要):某村水渠坍塌,建议修复。\n"
        "承办单位:某县水利局\n"
        "办理复文(摘要): 某水函〔2024〕5号复文如下:\n"
        "经现场踏勘,该水渠已纳入水毁修复规划,待资金下达后实施。\n"
        "办结时间:2024年10月19日\n"
        "办理结果:B类\n"
    )
    reply = parse_reply(page)
    assert looks_like_reply(reply)
    assert reply.proposal_title == "关于修复某村水渠的建议"
    assert reply.doc_number == "某水函〔2024〕5号"
    assert [m.text for m in reply.measures] == [
        "经现场踏勘,该水渠已纳入水毁修复规划,待资金下达后实施。"
    ]
