"""Mirror text cleaned: traditional folded to simplified, injected pinyin and spam removed."""

from __future__ import annotations

from replydraft.parsing import parse_reply
from replydraft.parsing.mirror import clean_mirror, strip_pinyin, strip_spam, to_simplified


def test_traditional_folded_to_simplified() -> None:
    assert to_simplified("鎮康縣交通運輸局關於") == "镇康县交通运输局关於".replace("於", "于")


def test_injected_pinyin_removed() -> None:
    assert strip_pinyin("會(huì)議") == "會議"
    assert strip_pinyin("關(guān)于鎮(zhèn)康") == "關于鎮康"


def test_ordinary_parentheses_kept() -> None:
    assert strip_pinyin("长3公里(km)，(A类)，(2)") == "长3公里(km)，(A类)，(2)"


def test_pinyin_that_lost_its_character_removed() -> None:
    assert strip_pinyin("你們?cè)诳h") == "你們诳h"


def test_spam_site_name_and_keyword_slot_removed() -> None:
    assert strip_spam("48365-365.com办公室") == "办公室"
    assert strip_spam("感谢您对关键词2工作的关心") == "感谢您对工作的关心"


def test_real_addresses_kept() -> None:
    text = "请登录www.example.gov.cn或发邮件至abc@163.com查询"
    assert strip_spam(text) == text


def test_simplified_text_unchanged() -> None:
    text = "您提出的《关于加强企业创新的建议》已收悉，现答复如下："
    assert clean_mirror(text) == text


def test_parsed_mirror_reply_is_clean_simplified() -> None:
    reply = parse_reply(
        "李四等委員:\n"
        "你們提出的《關(guān)于加快水庫建設的提案》,已交我們研究辦理,現答復如下:\n"
        "水庫工程已做好開工前準備,一旦資金就位,即可開工建設。\n"
        "感謝你們對水利工作的關心和支持。\n"
        "某縣水務局\n"
        "2019年6月12日\n"
    )
    assert reply.proposal_title == "关于加快水库建设的提案"
    assert reply.responding_unit == "某县水务局"
    assert reply.date == "2019-06-12"
    assert [m.text for m in reply.measures] == [
        "水库工程已做好开工前准备,一旦资金就位,即可开工建设。"
    ]
