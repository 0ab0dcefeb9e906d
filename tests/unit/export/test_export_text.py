"""txt, Markdown and body exports, and the layout helpers they share with the Word export."""

from __future__ import annotations

import pytest
from samples import clean_draft

from replydraft.draft.model import Paragraph
from replydraft.draft.text_form import render_text
from replydraft.export import body_text, export_bytes
from replydraft.export.layout import read_signature, split_heading, title_lines
from replydraft.export.text import markdown_text
from replydraft.text.dates import official_date


def test_txt_is_the_editor_text_form() -> None:
    draft = clean_draft()
    text = export_bytes(draft, "txt").decode("utf-8")
    assert text == render_text(draft)
    blocks = text.rstrip("\n").split("\n\n")
    assert len(blocks) == len(draft.parts)
    assert blocks[0] == "对市十八届人大一次会议第190号建议的答复"


def test_body_starts_at_acknowledgement_and_ends_with_closing() -> None:
    draft = clean_draft()
    lines = body_text(draft).rstrip("\n").split("\n")
    assert lines[0].startswith("您提出的《关于加大民营企业科技创新扶持力度的建议》")
    assert lines[-1].startswith("最后，")
    joined = "\n".join(lines)
    for absent in ("答复\n", "刘红星代表", "慈溪市科学技术局", "2022年6月22日"):
        assert absent not in joined
    assert "" not in lines  # no blank lines for a platform's text box
    assert "一、加大产业资金保障" in lines


def test_markdown_headings() -> None:
    draft = clean_draft()
    draft.meta.category = "B"
    lines = markdown_text(draft).split("\n")
    assert lines[0] == "答复类别：B类"
    assert "# 对市十八届人大一次会议第190号建议的答复" in lines
    assert "## 一、加大产业资金保障" in lines
    assert "**（一）强化财政投入。**市级财政将科技人才发展资金作为财政保障重点。" in lines
    draft.part("next_steps").paragraphs.append(Paragraph("（三）完善平台运营模式"))  # type: ignore[union-attr]
    assert "### （三）完善平台运营模式" in markdown_text(draft).split("\n")


def test_markdown_keeps_arabic_items_from_becoming_lists() -> None:
    draft = clean_draft()
    draft.part("next_steps").paragraphs.append(Paragraph("1.强化企业主体培育。"))  # type: ignore[union-attr]
    assert "1\\.强化企业主体培育。" in markdown_text(draft).split("\n")


def test_markdown_signature_lines_break() -> None:
    lines = markdown_text(clean_draft()).rstrip("\n").split("\n")
    assert lines[-2:] == ["慈溪市科学技术局  ", "2022年6月22日  "]


@pytest.mark.parametrize(
    ("text", "level", "heading", "rest"),
    [
        ("一、加快科技企业主体培育", "cn_comma", "一、加快科技企业主体培育", ""),
        (
            "（一）塑造科创体系新优势。出台政策。",
            "cn_paren",
            "（一）塑造科创体系新优势。",
            "出台政策。",
        ),
        ("(二)部门协同发力", "cn_paren", "(二)部门协同发力", ""),
        ("1、 产业资金保障。市级财政", None, "", "1、 产业资金保障。市级财政"),
        ("一是推动科技企业“双倍增”。", None, "", "一是推动科技企业“双倍增”。"),
        ("一、" + "很长的句子" * 10 + "。", None, "", "一、" + "很长的句子" * 10 + "。"),
    ],
)
def test_split_heading(text: str, level: str | None, heading: str, rest: str) -> None:
    split = split_heading(text)
    assert (split.level, split.heading, split.rest) == (level, heading, rest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-20", "2026年5月20日"),
        ("2025年05月04日", "2025年5月4日"),
        ("2022 年 6 月 22 日", "2022年6月22日"),
        ("二〇二二年六月二十二日", "2022年6月22日"),
        ("2022年13月1日", None),
        ("慈溪市科学技术局", None),
    ],
)
def test_official_date(text: str, expected: str | None) -> None:
    assert official_date(text) == expected


def test_read_signature_sorts_unit_date_contacts() -> None:
    signature = read_signature(
        ["分管领导:杨蕾 承办人:  何智敏 联系电话:89553541", "余姚市科学技术局", "2025年05月14日"]
    )
    assert signature.units == ["余姚市科学技术局"]
    assert signature.date == "2025年5月14日"
    assert signature.note() == "（分管领导：杨蕾，承办人：何智敏，联系电话：89553541）"
    assert read_signature(["（联系人：何智敏，联系电话：89553541）"]).contacts == [
        ("联系人", "何智敏"),
        ("联系电话", "89553541"),
    ]


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "关于余姚市政协十四届四次会议第176号提案的答复",
            ["关于余姚市政协十四届四次会议", "第176号提案的答复"],
        ),
        ("短标题的答复", ["短标题的答复"]),
    ],
)
def test_title_lines(title: str, lines: list[str]) -> None:
    assert title_lines(title, 19) == lines


def test_title_lines_never_split_numbers_or_placeholders() -> None:
    for title in (
        "对【待填：会议届次】第【待填：编号】号建议的答复",
        "海宁市科学技术局关于对市第十六届人民代表大会第三次会议第380号建议的答复意见",
    ):
        lines = title_lines(title, 19)
        assert "".join(lines) == title and len(lines) > 1
        for left, right in zip(lines, lines[1:], strict=False):
            assert not (left[-1].isdigit() and right[0].isdigit())
            assert left.count("【") == left.count("】")


def test_cc_from_the_form_in_txt_and_md() -> None:
    from replydraft.export.text import plain_text

    draft = clean_draft()
    draft.meta.cc = ["市督查局", "市政协提案委"]
    assert plain_text(draft).rstrip("\n").endswith("\n\n抄送：市督查局，市政协提案委。")
    assert markdown_text(draft).rstrip("\n").endswith("---\n\n抄送：市督查局，市政协提案委。")
    draft.meta.cc = []
    assert "抄送" not in plain_text(draft) + markdown_text(draft)


def test_cc_written_in_the_signature_is_not_repeated() -> None:
    from replydraft.export.text import plain_text

    draft = clean_draft()
    draft.meta.cc = ["市督查局"]
    draft.parts[-1].paragraphs.append(Paragraph("抄送：市督查局。"))
    assert plain_text(draft).count("抄送") == 1 and markdown_text(draft).count("抄送") == 1


def test_read_signature_takes_the_cc_line() -> None:
    signature = read_signature(
        ["余姚市科学技术局", "2026年5月20日", "抄送：市督查局、市政协提案委。"]
    )
    assert signature.cc == ["市督查局", "市政协提案委"] and signature.units == ["余姚市科学技术局"]


def test_markdown_stamps_category_and_disclosure() -> None:

    draft = clean_draft()
    draft.meta.category, draft.meta.disclosure = "A", "依申请公开"
    assert markdown_text(draft).startswith("答复类别：A类  \n公开属性：依申请公开\n\n# ")
