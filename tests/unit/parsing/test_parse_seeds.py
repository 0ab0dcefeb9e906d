"""Every field of every seed, read off the seeds by hand (see DOMAIN.md, "Anatomy of a reply")."""

from __future__ import annotations

import pytest
from samples import EXPECTED, seed

from replydraft.anatomy import PART_KINDS

FIELD_CASES = [(s, f) for s, fields in EXPECTED.items() for f in fields]


@pytest.mark.parametrize(("prefix", "name"), FIELD_CASES, ids=[f"{s}-{f}" for s, f in FIELD_CASES])
def test_seed_field(prefix: str, name: str) -> None:
    assert seed(prefix).to_dict()[name] == EXPECTED[prefix][name]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_parts_are_known_kinds_in_reading_order(prefix: str) -> None:
    reply = seed(prefix)
    kinds = [p.kind for p in reply.parts]
    assert set(kinds) <= set(PART_KINDS)
    assert kinds[0] == "title"
    assert kinds[1] == "salutation"
    assert kinds[2] == "acknowledgement"
    assert "closing" in kinds
    assert all(p.text.strip() for p in reply.parts)


def test_titles_split_over_lines_are_joined() -> None:
    assert seed("000").title == "对市十八届人大一次会议第107号建议的答复"
    assert seed("003").title == "关于慈溪市人大十七届第一次会议第239号建议的协办意见"


def test_opening_split_into_acknowledgement_thanks_handling() -> None:
    parts = {p.kind: p.text for p in seed("000").parts}
    assert parts["acknowledgement"] == "您提出的《关于加强企业创新的建议》（第107号建议）已收悉。"
    assert parts["thanks"] == "首先，感谢您对我们科技工作的关心和支持！"
    assert parts["handling"].endswith("现答复如下：")
    assert parts["closing"] == "最后，再次感谢您对我们科技工作的关心和支持！"


def test_measures_000_inline_under_headings_in_next_steps() -> None:
    measures = seed("000").measures
    numbered = [m for m in measures if m.ordinal]
    assert len(numbered) == 9
    under_three = [m for m in numbered if m.headings == ["三、完善创新生态环境"]]
    assert [m.ordinal for m in under_three] == ["一是", "二是", "三是"]
    assert all(m.section == "next_steps" for m in numbered)
    assert under_three[0].text.startswith("大力发展科技金融。")
    assert not any(m.text.startswith(("一是", "二是")) for m in measures)


def test_measures_001_sections_headings_ordinals() -> None:
    measures = seed("001").measures
    status = [m for m in measures if m.section == "status"]
    next_steps = [m for m in measures if m.section == "next_steps"]
    assert len(next_steps) == 16
    assert next_steps[0].headings == ["三、下步举措", "(一)科技指标加速“赶超”"]
    assert next_steps[0].ordinal == "1、"
    assert next_steps[0].text.startswith("2025年全社会研究与试验发展")
    inline = [m for m in status if m.ordinal == "一是"]
    assert [m.headings[-1] for m in inline] == [
        "(二)锚定人才新优势,破解人才引育难题",
        "(五)完善创新生态,打造“高精尖”企业生态",
    ]
    # `四是` after `3、` is a numbering slip, not an inline run: the paragraph stays whole.
    last = next_steps[-1]
    assert last.ordinal == "3、" and "四是升级运行余姚“人才码”" in last.text


def test_measures_002_one_line_document() -> None:
    measures = [m for m in seed("002").measures if m.ordinal]
    assert [m.ordinal for m in measures[:5]] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    assert all(
        m.headings == ["一、前期工作开展情况"] and m.section == "status" for m in measures[:5]
    )
    rest = measures[5:]
    assert len(rest) == 9 and all(m.section == "next_steps" for m in rest)
    assert rest[0].headings == [
        "二、下一步主要工作计划",
        "(一)提升企业创新决策话语权,让科技服务围绕企业创新转。",
    ]
    assert rest[0].ordinal == "1." and rest[0].text.startswith("强化企业主体培育。")


def test_measures_003_status_inline_then_next_steps() -> None:
    measures = seed("003").measures
    assert [m.ordinal for m in measures if m.section == "status"] == [
        "一是",
        "二是",
        "三是",
        "四是",
        "五是",
    ]
    assert [m.ordinal for m in measures if m.section == "next_steps"] == [
        "(一)",
        "(二)",
        "(三)",
        "(四)",
    ]
    kinds = [p.kind for p in seed("003").parts]
    assert "problems" in kinds


def test_measures_004_numbered_with_inline_runs() -> None:
    measures = seed("004").measures
    assert measures[1].ordinal == "1、" and measures[1].text.startswith("产业资金保障。")
    inline = [m for m in measures if m.headings == ["2、 引才用才政策。"]]
    assert [m.ordinal for m in inline] == ["一是", "二是"]
