"""A proposal's numbered demands, at whatever level the asking section numbers them."""

from __future__ import annotations

from replydraft.text.demands import demand_summary, extract_demands

PROPOSAL = """关于加快人工智能产业发展的建议
一、现状
我市人工智能产业起步较早，但规模偏小。
二、存在问题
1. 人才不足。
2. 资金不够。
三、几点建议
（一）加大人才引进力度
建议设立专项资金，引进高端人才。
（二）完善科技金融支持
设立产业基金；
（三）建设公共算力平台。
四、结语
以上建议，请予以研究。
"""


def test_demands_come_from_the_asking_section_not_the_problems() -> None:
    demands = extract_demands(PROPOSAL)
    assert len(demands) == 3
    assert demands[0].startswith("加大人才引进力度") and "设立专项资金" in demands[0]
    assert demands[1].startswith("完善科技金融支持")
    assert demands[2] == "建设公共算力平台"
    assert not any("人才不足" in d or "以上建议" in d for d in demands)
    assert demand_summary(demands[0]) == "加大人才引进力度"


def test_inline_demands_on_one_line() -> None:
    text = "为此建议：一是加大研发投入，提高补助标准；二是完善知识产权保护；三是优化营商环境。"
    assert extract_demands(text) == [
        "加大研发投入，提高补助标准",
        "完善知识产权保护",
        "优化营商环境",
    ]


def test_arabic_demands_with_mixed_separators() -> None:
    text = "我市企业创新能力仍有不足。\n建议如下：\n1.加大投入；\n2、完善政策。\n3．强化服务"
    assert extract_demands(text) == ["加大投入", "完善政策", "强化服务"]


def test_shallowest_counting_level_wins() -> None:
    text = "对策建议\n1.加强人才\n（1）引进\n（2）培养\n2.加强资金\n（1）基金\n（2）贷款\n（3）保险"
    assert [d[:4] for d in extract_demands(text)] == ["加强人才", "加强资金"]


def test_unnumbered_text_has_no_demands() -> None:
    assert extract_demands("建议加大对科技企业的支持力度。") == []
    assert extract_demands("") == []
