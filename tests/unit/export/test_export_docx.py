"""The Word export read back with python-docx: GB/T 9704-2012 page, fonts, sizes and layout."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from samples import clean_draft

from replydraft.draft.model import Paragraph
from replydraft.export import export_draft
from replydraft.export.docx import docx_bytes
from replydraft.export.layout import NO_BREAK


def sample():
    draft = clean_draft()
    draft.meta.category = "A"
    draft.parts[-1].paragraphs = [
        Paragraph("慈溪市科学技术局"),
        Paragraph("2022-06-02"),
        Paragraph("分管领导：杨蕾"),
        Paragraph("联系人：何智敏 联系电话：89553541"),
    ]
    return draft


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(docx_bytes(sample())))


def east_asia(element) -> str | None:
    rpr = element.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def paragraph_with(document, text: str):
    return next(p for p in document.paragraphs if text in p.text)


TOLERANCE = Mm(0.1)


def close(a, b, tolerance=TOLERANCE) -> bool:
    return abs(int(a) - int(b)) <= int(tolerance)


def test_a4_and_margins(document) -> None:
    section = document.sections[0]
    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(37)) and close(section.bottom_margin, Mm(35))
    assert close(section.left_margin, Mm(28)) and close(section.right_margin, Mm(26))


def test_every_style_names_the_east_asian_font_and_no_theme_font(document) -> None:
    styles = document.styles.element
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) == "numbering":
            continue
        assert east_asia(style), style.get(qn("w:styleId"))
    for fonts in styles.iter(qn("w:rFonts")):
        assert fonts.get(qn("w:eastAsia"))
        assert not any(
            fonts.get(qn(a)) for a in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme")
        )
    normal = document.styles["Normal"]
    assert normal.font.name == "仿宋_GB2312" and normal.font.size == Pt(16)
    assert east_asia(normal.element) == "仿宋_GB2312"
    default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert east_asia(default) == "仿宋_GB2312"


def test_every_run_names_the_east_asian_font(document) -> None:
    runs = [r for p in document.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        assert east_asia(run._element) == run.font.name, run.text
        assert run.font.size in (Pt(16), Pt(22))


def test_category_first_at_the_top_right(document) -> None:
    first = document.paragraphs[0]
    assert first.text == "答复类别：A类"
    assert first.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_title_22pt_xiaobiaosong_centred(document) -> None:
    title = paragraph_with(document, "第190号建议的答复")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    (run,) = title.runs
    assert run.font.name == "方正小标宋简体" and east_asia(run._element) == "方正小标宋简体"
    assert run.font.size == Pt(22)


def test_long_title_breaks_at_the_session(document) -> None:
    lines = [p.text for p in document.paragraphs if p.runs and p.runs[0].font.size == Pt(22)]
    assert lines == ["对市十八届人大一次会议", "第190号建议的答复"]


def test_salutation_flush_left_full_width_colon(document) -> None:
    salutation = paragraph_with(document, "刘红星代表")
    assert salutation.text == "刘红星代表："
    assert salutation.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert not salutation.paragraph_format.first_line_indent


def test_body_fangsong_16pt_indent_two_chars_exact_spacing(document) -> None:
    body = paragraph_with(document, "已收悉")
    fmt = body.paragraph_format
    assert fmt.first_line_indent == Pt(32)
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert abs(fmt.line_spacing.pt - 28.9) < 0.05
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert {r.font.name for r in body.runs} == {"仿宋_GB2312"}
    assert {r.font.size for r in body.runs} == {Pt(16)}


def test_level_one_heading_heiti(document) -> None:
    heading = paragraph_with(document, "一、加大产业资金保障")
    assert [r.font.name for r in heading.runs] == ["黑体"]
    assert east_asia(heading.runs[0]._element) == "黑体"


def test_level_two_heading_sentence_kaiti_rest_fangsong(document) -> None:
    item = paragraph_with(document, "（一）强化财政投入。")
    first, rest = item.runs
    assert first.text == "（一）强化财政投入。" and first.font.name == "楷体_GB2312"
    assert east_asia(first._element) == "楷体_GB2312"
    assert rest.text.startswith("市级财政") and rest.font.name == "仿宋_GB2312"


def test_unit_and_date_at_the_right_date_unpadded(document) -> None:
    texts = [p.text for p in document.paragraphs]
    unit = paragraph_with(document, "慈溪市科学技术局")
    date = document.paragraphs[texts.index("慈溪市科学技术局") + 1]
    assert date.text == "2022年6月2日"
    assert unit.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # GB/T 9704 7.3.5.2: the date starts two characters right of the unit's start
    unit_start = unit.paragraph_format.right_indent.pt + 8 * 16
    date_start = date.paragraph_format.right_indent.pt + 3 * 16 + 6 * 8
    assert abs(unit_start - date_start - 32) < 0.5
    assert date.paragraph_format.right_indent.pt >= 32 - 0.5


def test_contacts_as_a_bracketed_note_after_the_date(document) -> None:
    texts = [p.text for p in document.paragraphs]
    note = texts[texts.index("2022年6月2日") + 1]
    assert note.replace(NO_BREAK, "") == "（分管领导：杨蕾，联系人：何智敏，联系电话：89553541）"
    assert texts[-1] == note


def test_page_numbers_in_the_footer(document) -> None:
    footer = document.sections[0].footer._element
    assert any(f.get(qn("w:instr")) == "PAGE" for f in footer.iter(qn("w:fldSimple")))


def test_no_category_no_line(tmp_path: Path) -> None:
    draft = sample()
    draft.meta.category = None
    export_draft(draft, "docx", tmp_path / "r.docx")
    document = docx.Document(str(tmp_path / "r.docx"))
    assert "答复类别" not in "".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "对市十八届人大一次会议"


def test_closing_keeps_with_the_signature(document) -> None:
    texts = [p.text for p in document.paragraphs]
    closing = document.paragraphs[texts.index("慈溪市科学技术局") - 1]
    assert closing.text.startswith("最后")
    assert closing.paragraph_format.keep_with_next


def test_names_and_phone_numbers_in_the_note_never_break(document) -> None:
    note = paragraph_with(document, "联系电话").text
    joined = NO_BREAK.join
    assert f"联系人：{joined('何智敏')}，" in note and f"联系电话：{joined('89553541')}）" in note
    assert f"分管领导：{joined('杨蕾')}" in note


def test_phone_numbers_in_the_body_keep_their_hyphen_joined(tmp_path: Path) -> None:
    draft = sample()
    draft.parts[-2].paragraphs[0].text = "咨询电话0312-5551234，欢迎来电。"
    document = docx.Document(io.BytesIO(docx_bytes(draft)))
    body = paragraph_with(document, "咨询电话")
    assert f"0312{NO_BREAK}-{NO_BREAK}5551234" in body.text


def test_category_and_disclosure_at_the_top_right(tmp_path: Path) -> None:
    draft = sample()
    draft.meta.disclosure = "主动公开"
    document = docx.Document(io.BytesIO(docx_bytes(draft)))
    first, second = document.paragraphs[:2]
    assert (first.text, second.text) == ("答复类别：A类", "公开属性：主动公开")
    assert first.alignment == second.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_open_marks_are_highlighted_yellow_and_nothing_else() -> None:
    from docx.enum.text import WD_COLOR_INDEX

    draft = sample()
    draft.parts[1].paragraphs[0].text = "【待填：领衔人】代表："
    draft.parts[-2].paragraphs[0].text = "2021年【待核】共有企业484家【待核】，【待填】。"
    document = docx.Document(io.BytesIO(docx_bytes(draft)))
    runs = [r for p in document.paragraphs for r in p.runs]
    marked = [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert marked == ["【待填：领衔人】", "【待核】", "【待核】", "【待填】"]
    assert all(r.font.name for r in runs)


def test_cc_line_at_the_foot_in_4hao_fangsong_between_rules() -> None:
    draft = sample()
    draft.meta.cc = ["市督查局", "市政协提案委"]
    document = docx.Document(io.BytesIO(docx_bytes(draft)))
    cc = document.paragraphs[-1]
    assert cc.text.replace(NO_BREAK, "") == "抄送：市督查局，市政协提案委。"
    assert {r.font.size for r in cc.runs} == {Pt(14)}
    assert {r.font.name for r in cc.runs} == {"仿宋_GB2312"}
    ppr = cc._p.pPr
    frame = ppr.find(qn("w:framePr"))
    assert frame is not None and frame.get(qn("w:yAlign")) == "bottom"
    borders = ppr.find(qn("w:pBdr"))
    assert borders.find(qn("w:top")) is not None and borders.find(qn("w:bottom")) is not None
    # wrapped lines align under the first unit, after 抄送：
    fmt = cc.paragraph_format
    assert fmt.left_indent.pt - (-fmt.first_line_indent.pt) == 14


def test_a_cc_line_in_the_signature_wins_over_the_form() -> None:
    draft = sample()
    draft.meta.cc = ["市督查局"]
    draft.parts[-1].paragraphs.append(Paragraph("抄送：市政府办公室、市督查局。"))
    document = docx.Document(io.BytesIO(docx_bytes(draft)))
    texts = [p.text.replace(NO_BREAK, "") for p in document.paragraphs]
    assert texts[-1] == "抄送：市政府办公室，市督查局。"
    assert sum("抄送" in t for t in texts) == 1


def test_paragraph_properties_keep_the_schema_order() -> None:
    """Word refuses a file whose pPr children are out of the schema's order."""
    from replydraft.export.docx import _PPR_ORDER

    draft = sample()
    draft.meta.cc = ["市督查局"]
    draft.meta.disclosure = "主动公开"
    document = docx.Document(io.BytesIO(docx_bytes(draft)))
    rank = {qn(tag): index for index, tag in enumerate(_PPR_ORDER)}
    for paragraph in document.paragraphs:
        ppr = paragraph._p.pPr
        if ppr is None:
            continue
        order = [rank[child.tag] for child in ppr]
        assert order == sorted(order), [child.tag for child in ppr]


def test_signature_lines_have_no_autospace_around_digits(document) -> None:
    date = paragraph_with(document, "2022年6月2日")
    ppr = date._p.pPr
    assert ppr.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"


def test_an_exported_reply_reads_back_without_the_joiners(tmp_path: Path) -> None:
    """Officers ingest their own past exports: the no-break joins must not stay in the words."""
    from replydraft.parsing import parse_reply_file

    export_draft(sample(), "docx", tmp_path / "r.docx")
    reply = parse_reply_file(tmp_path / "r.docx")
    assert reply.contacts.handler == "何智敏" and reply.contacts.phone == "89553541"
