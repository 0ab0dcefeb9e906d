"""`to_fullwidth_punct` (the 检查 fixer, ctrl+t): Chinese punctuation, English and numbers kept."""

from __future__ import annotations

import pytest

from replydraft.text.normalize import to_fullwidth_punct


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("我们加强了管理.下一步将继续推进.", "我们加强了管理。下一步将继续推进。"),
        ("共有100家.", "共有100家。"),
        ("同比增长12.5%.", "同比增长12.5%。"),
        ("（见附件）.", "（见附件）。"),
        ("刘红星代表:", "刘红星代表："),
        ("一是加强领导,二是完善机制;", "一是加强领导，二是完善机制；"),
    ],
)
def test_chinese_sentences_get_fullwidth_marks(text: str, fixed: str) -> None:
    assert to_fullwidth_punct(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "增长3.5个百分点。",
        "详见www.gov.cn。",
        "详见http://www.gov.cn/a.html网页",
        "参见www.gov.cn.",
        "如Mr. Smith所说，etc. 等等",
        "1.加强组织领导",
        "省略...然后",
        "时间10:30，版本2024.5版",
    ],
)
def test_decimals_urls_english_and_list_numbers_are_kept(text: str) -> None:
    assert to_fullwidth_punct(text).count(".") == text.count(".")
