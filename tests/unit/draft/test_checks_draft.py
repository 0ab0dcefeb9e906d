"""check_draft: each problem is caught in a crafted draft, and a clean draft is silent."""

from __future__ import annotations

import copy

import pytest
from samples import clean_draft

from replydraft.draft.checks import CODES, Problem, check_draft
from replydraft.draft.model import Draft, DraftPart, Paragraph
from replydraft.draft.numbering import renumber_draft
from replydraft.draft.text_form import render_text
from replydraft.text.ordinals import strip_ordinal


def codes(draft: Draft) -> list[str]:
    return [p.code for p in check_draft(draft)]


def paragraph(draft: Draft, kind: str, index: int = 0) -> Paragraph:
    found = draft.part(kind)
    assert found is not None
    return found.paragraphs[index]


def test_clean_draft_is_silent() -> None:
    assert check_draft(clean_draft()) == []


def test_problem_locates_part_paragraph_and_rendered_line() -> None:
    draft = clean_draft()
    paragraph(draft, "next_steps", 2).text += "承办人：【待填：承办人】"
    (problem,) = check_draft(draft)
    assert problem == Problem(
        "placeholder", "未填写：【待填：承办人】", "next_steps", 2, problem.line
    )
    lines = render_text(draft).split("\n")
    assert "【待填：承办人】" in lines[problem.line]


def test_placeholder_each_one_reported() -> None:
    draft = clean_draft()
    draft.parts[-1].paragraphs.append(
        Paragraph("联系人：【待填：承办人】，联系电话：【待填：电话】")
    )
    problems = check_draft(draft)
    assert [p.code for p in problems] == ["placeholder", "placeholder"]
    assert {p.part for p in problems} == {"signature"}
    assert "【待填：电话】" in problems[1].message


@pytest.mark.parametrize(
    ("kind", "salutation", "flagged"),
    [
        ("suggestion", "刘红星委员：", True),
        ("proposal", "刘红星代表：", True),
        ("proposal", "刘红星委员：", False),
        ("suggestion", "刘红星：", True),
        ("motion", "刘红星代表：", False),
    ],
)
def test_salutation_must_fit_the_kind(kind: str, salutation: str, flagged: bool) -> None:
    draft = clean_draft()
    draft.meta.kind = kind
    word = {"suggestion": "建议", "proposal": "提案", "motion": "议案"}[kind]
    paragraph(draft, "title").text = f"对市十八届人大一次会议第190号{word}的答复"
    paragraph(draft, "acknowledgement").text = paragraph(draft, "acknowledgement").text.replace(
        "号建议", f"号{word}"
    )
    draft.meta.title = "关于加大民营企业科技创新扶持力度的建议"
    paragraph(draft, "salutation").text = salutation
    assert codes(draft) == (["salutation"] if flagged else [])


def test_salutation_messages_name_the_expected_title_and_the_line() -> None:
    draft = clean_draft()
    paragraph(draft, "salutation").text = "刘红星委员："
    (problem,) = check_draft(draft)
    assert problem.message == "称谓与类型不符：建议应称“代表”，不是“委员”"
    paragraph(draft, "salutation").text = "刘红星："
    (problem,) = check_draft(draft)
    assert problem.message == "称谓应写作“×××代表：”，此处是“刘红星”"
    draft.parts = [p for p in draft.parts if p.kind != "salutation"]
    (problem,) = check_draft(draft)
    assert problem.message == "缺少称谓（如“刘红星代表：”）"


def test_salutation_kind_inferred_from_title_when_not_given() -> None:
    draft = clean_draft()
    draft.meta.kind = None
    paragraph(draft, "salutation").text = "刘红星委员："
    assert codes(draft) == ["salutation"]


def test_salutation_kind_inferred_as_the_skeleton_infers_it() -> None:
    draft = clean_draft()
    draft.meta.kind = None
    draft.meta.title = "《关于加大民营企业科技创新扶持力度的建议》"
    paragraph(draft, "salutation").text = "刘红星委员："
    assert codes(draft) == ["salutation"]


def test_salutation_names_the_proposer() -> None:
    draft = clean_draft()
    paragraph(draft, "salutation").text = "杜国强代表："
    (problem,) = check_draft(draft)
    assert problem.code == "salutation"
    assert problem.message == "称谓与提出人不符：此处是“杜国强代表”，提出人是刘红星"


def test_co_opinion_is_addressed_to_the_lead_unit() -> None:
    draft = clean_draft()
    draft.meta.role = "co_opinion"
    draft.meta.lead_unit = "市经信局"
    paragraph(draft, "salutation").text = "刘红星代表："
    assert codes(draft) == ["salutation"]
    paragraph(draft, "salutation").text = "市发改局："
    assert codes(draft) == ["salutation"]
    paragraph(draft, "salutation").text = "市经信局："
    assert codes(draft) == []


def test_missing_salutation_is_reported() -> None:
    draft = clean_draft()
    draft.parts = [p for p in draft.parts if p.kind != "salutation"]
    assert codes(draft) == ["salutation"]


def test_number_differs_between_title_and_acknowledgement() -> None:
    draft = clean_draft()
    ack = paragraph(draft, "acknowledgement")
    ack.text = ack.text.replace("第190号", "第109号")
    (problem,) = check_draft(draft)
    assert problem.code == "title_mismatch" and problem.part == "acknowledgement"
    assert problem.message == "标题为第190号，收悉句为第109号"


def test_kind_word_differs_between_title_and_acknowledgement() -> None:
    draft = clean_draft()
    ack = paragraph(draft, "acknowledgement")
    ack.text = ack.text.replace("号建议）", "号提案）")
    (problem,) = check_draft(draft)
    assert problem.message == "标题为“建议”，收悉句为“提案”"


def test_acknowledgement_quotes_another_title() -> None:
    draft = clean_draft()
    ack = paragraph(draft, "acknowledgement")
    ack.text = ack.text.replace("民营企业", "中小企业")
    (problem,) = check_draft(draft)
    assert problem.code == "title_mismatch" and "收悉句为《关于加大中小企业" in problem.message
    # quotes instead of 《》 and a half-width-free copy of the same title are fine
    ack.text = "您提出的“关于加大民营企业科技创新扶持力度的建议”（第190号建议）已收悉。"
    assert codes(draft) == []


def test_title_line_title_against_acknowledgement() -> None:
    draft = clean_draft()
    paragraph(draft, "title").text = "关于《加快人工智能产业发展的建议》（第190号建议）的答复"
    problems = check_draft(draft)
    assert [p.code for p in problems] == ["title_mismatch"]
    assert "标题为《加快人工智能产业发展的建议》" in problems[0].message


@pytest.mark.parametrize(
    ("index", "text", "word"),
    [
        (
            2,
            "（三）完善引才政策。深入实施“上林英才”计划。",
            "编号不连续：（一）之后是（三），应为（二）",
        ),
        (
            2,
            "（一）完善引才政策。深入实施“上林英才”计划。",
            "编号重复：（一）之后又是（一），应为（二）",
        ),
        (3, "三、优化企业服务平台", "编号不连续：“一、”之后是“三、”，应为“二、”"),
    ],
)
def test_numbering_gap_duplicate(index: int, text: str, word: str) -> None:
    draft = clean_draft()
    paragraph(draft, "next_steps", index).text = text
    problems = [p for p in check_draft(draft) if p.code == "numbering"]
    assert problems and problems[0].paragraph == index and word in problems[0].message


def test_numbering_broken_hierarchy() -> None:
    draft = clean_draft()
    paragraph(
        draft, "next_steps", 1
    ).text = "1.强化财政投入。市级财政将科技人才发展资金作为财政保障重点。"
    problems = [p for p in check_draft(draft) if p.code == "numbering"]
    assert problems and {p.paragraph for p in problems} == {2}
    assert any(p.message.startswith("序号层级混用：") for p in problems)


def test_numbering_runs_on_across_parts_with_top_level_items() -> None:
    draft = clean_draft()
    paragraph(draft, "status").text = "一、已开展工作情况"
    assert codes(draft).count("numbering") >= 1  # next steps must go on with 二、
    paragraph(draft, "next_steps", 0).text = "二、加大产业资金保障"
    paragraph(draft, "next_steps", 3).text = "三、优化企业服务平台"
    assert codes(draft) == []


def test_parts_without_top_level_items_number_from_one_each() -> None:
    draft = clean_draft()
    steps = draft.part("next_steps")
    assert steps is not None
    steps.paragraphs = [Paragraph("（一）强化财政投入。"), Paragraph("（二）完善引才政策。")]
    draft.part("status").paragraphs = [
        Paragraph("（一）已兑现资金。"),
        Paragraph("（二）已引进人才。"),
    ]  # type: ignore[union-attr]
    assert codes(draft) == []


def test_numbering_counts_in_the_scopes_renumber_draft_uses() -> None:
    draft = clean_draft()
    # the officer split next steps into two blocks: each part is its own scope
    index = next(i for i, part in enumerate(draft.parts) if part.kind == "next_steps")
    draft.parts[index].paragraphs = [Paragraph("（一）强化财政投入。")]
    draft.parts.insert(index + 1, DraftPart("next_steps", [Paragraph("（三）完善引才政策。")]))
    assert codes(draft) == ["numbering"]
    renumber_draft(draft)
    assert draft.parts[index + 1].paragraphs[0].text == "（一）完善引才政策。"
    assert codes(draft) == []


def test_stale_marks_reported_once_per_paragraph_naming_the_figures() -> None:
    draft = clean_draft()
    paragraph(
        draft, "status"
    ).text = "至2021年【待核】，我市有效高新技术企业数量达到484家【待核】。"
    (problem,) = check_draft(draft)
    assert problem.code == "stale" and problem.part == "status"
    assert problem.message == "数字待核：2021年、484家（共2处【待核】）——核对后删去标记"


def test_halfwidth_punctuation_in_chinese() -> None:
    draft = clean_draft()
    paragraph(draft, "status").text = "近年来,我市深入实施人才引领创新驱动战略(人才强市):加快建设。"
    (problem,) = check_draft(draft)
    assert problem.code == "halfwidth" and problem.part == "status"
    assert "半角标点“,”、“(”、“)”、“:”（4处，首处在“近年来,我市深入实施”）" in problem.message


def test_halfwidth_between_digits_and_in_latin_is_fine() -> None:
    draft = clean_draft()
    paragraph(draft, "status").text = "研发投入达3.94%，联系电话：89553541,15355467028，时间10:30。"
    assert codes(draft) == []


def test_salutation_with_halfwidth_colon() -> None:
    draft = clean_draft()
    paragraph(draft, "salutation").text = "刘红星代表:"
    assert codes(draft) == ["halfwidth"]


def test_same_library_paragraph_twice() -> None:
    draft = clean_draft()
    paragraph(draft, "next_steps", 1).source_id = "m-abc123"
    paragraph(draft, "next_steps", 4).source_id = "m-abc123"
    paragraph(draft, "next_steps", 4).source_year = 2023
    (problem,) = check_draft(draft)
    assert problem.code == "duplicate" and problem.paragraph == 4
    words = strip_ordinal(paragraph(draft, "next_steps", 4).text)[1][:12]
    assert problem.message.startswith(f"段落“{words}…”重复使用（来源：2023年；首次在第")
    assert "m-abc123" not in problem.message


def test_duplicate_names_the_source_unit_and_year() -> None:
    draft = clean_draft()
    paragraph(draft, "next_steps", 1).source_id = "m-abc123"
    paragraph(draft, "next_steps", 4).source_id = "m-abc123"
    seen: list[str] = []

    def lookup(source_id: str) -> tuple[str | None, int | None]:
        seen.append(source_id)
        return "余姚市科学技术局", 2022

    (problem,) = check_draft(draft, sources=lookup)
    assert seen == ["m-abc123"]
    assert "（来源：余姚市科学技术局 2022年；首次在第" in problem.message


def test_halfwidth_full_stop_ending_a_chinese_sentence() -> None:
    draft = clean_draft()
    paragraph(draft, "status").text = "我们加强了组织领导.研发投入达3.94%，详见www.gov.cn。"
    (problem,) = check_draft(draft)
    assert problem.code == "halfwidth" and "“.”" in problem.message
    assert "领导.研发" in problem.message


def test_same_text_twice_even_with_other_ordinal() -> None:
    draft = clean_draft()
    paragraph(
        draft, "next_steps", 4
    ).text = "（一）强化财政投入。市级财政将科技人才发展资金作为财政保障重点。"
    steps = draft.part("next_steps")
    assert steps is not None
    steps.paragraphs[4].text = "（一）" + steps.paragraphs[1].text[3:]
    problems = [p for p in check_draft(draft) if p.code == "duplicate"]
    assert len(problems) == 1 and problems[0].paragraph == 4
    first_line = render_text(draft).split("\n").index(steps.paragraphs[1].text) + 1
    assert problems[0].message == f"与第{first_line}行段落重复"


def test_short_placeholder_paragraphs_are_not_duplicates() -> None:
    draft = clean_draft()
    steps = draft.part("next_steps")
    assert steps is not None
    steps.paragraphs.append(Paragraph("（二）【待填：措施】"))
    steps.paragraphs.append(Paragraph("（三）【待填：措施】"))
    assert codes(draft) == ["placeholder", "placeholder"]


def test_unanswered_demand() -> None:
    draft = clean_draft()
    draft.meta.demands = [
        "加大财政对民营企业科技人才发展资金的投入",
        "建议降低企业用电用气成本，落实电价优惠",
    ]
    problems = check_draft(draft)
    assert [p.code for p in problems] == ["unanswered_demand"]
    assert problems[0].message == "诉求2未见答复：建议降低企业用电用气成本，落实电价优惠"
    assert problems[0].part == "next_steps"


def test_every_code_is_exercised_by_one_crafted_draft() -> None:
    draft = copy.deepcopy(clean_draft())
    paragraph(draft, "salutation").text = "刘红星委员："
    paragraph(draft, "acknowledgement").text += "【待填：办理过程】"
    paragraph(draft, "title").text = "对市十八届人大一次会议第191号建议的答复"
    paragraph(draft, "next_steps", 2).text = "（三）完善引才政策,深入实施计划。"
    paragraph(
        draft, "status"
    ).text = "至2021年【待核】，我市有效高新技术企业数量达到484家。金星镇【待核】的道路已完工。"
    paragraph(
        draft, "next_steps", 4
    ).text = "（一）强化财政投入。市级财政将科技人才发展资金作为财政保障重点。"
    draft.meta.demands = ["支持外贸企业开拓海外市场，办好境外展会"]
    found = check_draft(draft)
    assert set(CODES) == {p.code for p in found}
    assert [p.line for p in found] == sorted(p.line for p in found)


def test_blank_paragraphs_and_empty_parts_do_not_shift_lines() -> None:
    draft = clean_draft()
    draft.parts.insert(3, DraftPart("thanks", [Paragraph("  ")]))
    steps = draft.part("next_steps")
    assert steps is not None
    steps.paragraphs.insert(0, Paragraph(""))
    steps.paragraphs[3].text += "【待填：数据】"
    (problem,) = check_draft(draft)
    assert problem.part == "next_steps" and problem.paragraph == 3
    assert "【待填：数据】" in render_text(draft).split("\n")[problem.line]


def test_stale_message_names_at_most_six_figures() -> None:
    draft = clean_draft()
    figures = "，".join(f"{n}家【待核】" for n in range(101, 109))
    paragraph(draft, "status").text = f"至2021年【待核】，{figures}。"
    (problem,) = check_draft(draft)
    assert "等（共9处【待核】）" in problem.message
    assert "105家" in problem.message and "106家" not in problem.message
