"""The official Word format of a reply (GB/T 9704-2012, 党政机关公文格式).

A4 with margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 2号 (22 pt)
方正小标宋简体, centred; body in 3号 (16 pt) 仿宋_GB2312 at an exact line spacing of 28.9 pt
(22 lines a page), first line indented two characters; `一、` headings in 黑体, `（一）` headings in
楷体_GB2312; the addressee flush left; unit and date at the right, the date in Arabic numerals;
the contacts as a bracketed note line under the date; the answer category and 公开属性 at the
top right of the first page; the cc line (抄送) in 4号 仿宋 at the foot of the last page, between
two rules, the last rule under it (GB/T 9704 7.4.2); page numbers `— 1 —` in 4号 宋体, odd pages
right, even pages left. Every `【待填…】` and `【待核】` left in the draft is highlighted yellow;
names and phone numbers in the contacts note, cc units and phone numbers in the body are joined
with WORD JOINER so no line breaks inside them.

Word falls back to another font for Chinese text unless `w:eastAsia` is set, so every style,
the document defaults and every run name all four font slots explicitly, and theme fonts are
removed (a theme attribute would win over the explicit name).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt

from replydraft.draft.model import Draft
from replydraft.export.layout import (
    Signature,
    cc_line,
    draft_cc,
    keep_numbers_whole,
    keep_whole,
    read_signature,
    salutation_line,
    split_heading,
    stamp_lines,
    title_lines,
)
from replydraft.export.marks import split_marks
from replydraft.text.normalize import cell_width

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_LEVEL1 = "黑体"
FONT_LEVEL2 = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"
HEADING_FONTS = {"cn_comma": FONT_LEVEL1, "cn_paren": FONT_LEVEL2}

SIZE_TITLE = Pt(22)  # 2号
SIZE_BODY = Pt(16)  # 3号
SIZE_PAGE_NUMBER = Pt(14)  # 4号
SIZE_CC = Pt(14)  # 4号
CC_LINE_SPACING = Pt(22)
LINE_SPACING = Pt(28.9)  # exact: 225 mm of type area / 22 lines
CHAR = Pt(16)  # one character of body text, the unit of indents

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM = Mm(37), Mm(35)
MARGIN_LEFT, MARGIN_RIGHT = Mm(28), Mm(26)
TITLE_CHARS_PER_LINE = (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / SIZE_TITLE - 1
"""Title characters a line holds, less one for the space Word puts around digits."""

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _name_fonts(rpr, font: str) -> None:
    """Name `font` in all four slots of an rPr (ascii, hAnsi, eastAsia, cs); drop theme fonts."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def _set_defaults(document) -> None:
    """Document defaults and every shipped style: body font, Chinese language, no theme fonts."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _name_fonts(rpr, FONT_BODY)
    for tag in ("w:sz", "w:szCs"):  # text without a size of its own is 3号
        size = rpr.find(qn(tag))
        if size is not None:
            size.set(qn("w:val"), str(int(SIZE_BODY.pt * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        for attr in list(spacing.attrib):
            del spacing.attrib[attr]
        spacing.set(qn("w:after"), "0")
    for style in document.styles:
        if style.type is None or not hasattr(style, "font"):
            continue
        _name_fonts(style.element.get_or_add_rPr(), FONT_BODY)
    for rfonts in list(styles.iter(qn("w:rFonts"))):  # table styles' conditional formats too
        _name_fonts(rfonts.getparent(), FONT_BODY)
    normal = document.styles["Normal"]
    normal.font.size = SIZE_BODY
    _format(normal.paragraph_format, WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=True)


def _format(fmt, alignment, *, first_line: bool = False, line: Length = LINE_SPACING) -> None:
    """Alignment, exact line spacing, no extra space, and a two-character first-line indent."""
    fmt.alignment = alignment
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(2 * CHAR.pt) if first_line else Pt(0)
    ind = fmt._element.get_or_add_pPr().get_or_add_ind()
    if first_line:
        ind.set(qn("w:firstLineChars"), "200")
    else:
        ind.attrib.pop(qn("w:firstLineChars"), None)


def _run(paragraph, text: str, font: str, size: Length) -> None:
    """Runs of `text` in `font`: open marks (`【待填…】`, `【待核】`) highlighted in yellow."""
    for piece, marked in split_marks(text):
        run = paragraph.add_run(piece)
        run.font.size = size
        if marked:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        _name_fonts(run._element.get_or_add_rPr(), font)


def _paragraph(document, alignment, *, first_line: bool = False, line: Length = LINE_SPACING):
    paragraph = document.add_paragraph()
    _format(paragraph.paragraph_format, alignment, first_line=first_line, line=line)
    return paragraph


def _page_number_footer(footer, alignment, indent_side: str) -> None:
    """`— PAGE —` in 4号 宋体, one character in from the outer edge (GB/T 9704 7.5)."""
    paragraph = footer.paragraphs[0]
    _format(paragraph.paragraph_format, alignment, line=Pt(14 * 1.2))
    setattr(paragraph.paragraph_format, f"{indent_side}_indent", CHAR)
    _run(paragraph, "— ", FONT_PAGE_NUMBER, SIZE_PAGE_NUMBER)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    _name_fonts(rpr, FONT_PAGE_NUMBER)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(int(SIZE_PAGE_NUMBER.pt * 2)))
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    _run(paragraph, " —", FONT_PAGE_NUMBER, SIZE_PAGE_NUMBER)


def _set_page(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = Mm(15)
    section.footer_distance = Mm(20)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right")
    _page_number_footer(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")


def _width(text: str) -> Length:
    """Printed width of `text` in body type: a CJK character is one CHAR, a digit half."""
    return Pt(cell_width(text) * CHAR.pt / 2)


def _add_body(document, text: str) -> None:
    headed = split_heading(text)
    paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=True)
    if headed.level:
        _run(paragraph, headed.heading, HEADING_FONTS[headed.level], SIZE_BODY)
    if headed.rest:
        _run(paragraph, keep_numbers_whole(headed.rest), FONT_BODY, SIZE_BODY)


_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
"""The order of a paragraph's properties in the schema: Word rejects a file that breaks it."""


def _put(paragraph, element) -> None:
    """Add `element` to the paragraph's properties at its place in the schema's order."""
    ppr = paragraph._p.get_or_add_pPr()
    tag = element.tag
    later = {qn(t) for t in _PPR_ORDER[_PPR_ORDER.index(_prefixed(tag)) + 1 :]}
    for child in ppr:
        if child.tag in later:
            child.addprevious(element)
            return
    ppr.append(element)


def _prefixed(tag: str) -> str:
    return "w:" + tag.rsplit("}", 1)[-1]


def _no_autospace(paragraph) -> None:
    """No extra space between Chinese and digits (`2026年5月20日`, not `2026 年 5 月`): the
    printed width is then the one the signature's indents were computed from."""
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        _put(paragraph, element)


def _add_signature(document, signature: Signature) -> None:
    """Unit right-aligned two characters in, the date under it starting two characters further
    right (GB/T 9704 7.3.5.2), then the contacts as a bracketed note line."""
    char = CHAR.pt
    date_width = _width(signature.date).pt if signature.date else 0.0
    unit_width = max((_width(u).pt for u in signature.units), default=0.0)
    # The date ends two characters from the right margin and starts two characters right of
    # the unit's start; when the date is the longer, the unit moves right instead.
    date_indent = 2 * char
    unit_indent = max(2 * char, date_indent + date_width + 2 * char - unit_width)
    date_indent = (
        unit_indent + unit_width - 2 * char - date_width if signature.units else date_indent
    )
    # The signature never stands alone on a page: it keeps with the body's last line.
    if document.paragraphs:
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    lines_out: list[tuple[str, WD_ALIGN_PARAGRAPH, float]] = [
        *((unit, WD_ALIGN_PARAGRAPH.RIGHT, unit_indent) for unit in signature.units),
        *([(signature.date, WD_ALIGN_PARAGRAPH.RIGHT, date_indent)] if signature.date else []),
    ]
    for index, (text, alignment, indent) in enumerate(lines_out):
        paragraph = _paragraph(document, alignment)
        paragraph.paragraph_format.right_indent = Pt(indent)
        paragraph.paragraph_format.space_before = LINE_SPACING if index == 0 else Pt(0)
        paragraph.paragraph_format.keep_with_next = True
        _no_autospace(paragraph)
        _run(paragraph, text, FONT_BODY, SIZE_BODY)
    note = signature.note(whole=keep_whole)
    if note:
        paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.LEFT, first_line=True)
        _run(paragraph, note, FONT_BODY, SIZE_BODY)
    elif lines_out:
        document.paragraphs[-1].paragraph_format.keep_with_next = False


def _border(paragraph, side: str, size_eighths: int) -> None:
    """A rule along one side of a paragraph (`size_eighths`: width in eighths of a point)."""
    borders = paragraph._p.get_or_add_pPr().find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        _put(paragraph, borders)
    rule = OxmlElement(f"w:{side}")
    rule.set(qn("w:val"), "single")
    rule.set(qn("w:sz"), str(size_eighths))
    rule.set(qn("w:space"), "4")
    rule.set(qn("w:color"), "000000")
    borders.append(rule)


def _add_cc(document, units: list[str]) -> None:
    """`抄送：A，B。` in 4号 仿宋, one character in from each side, a wrapped line aligned under
    the first unit, between two rules, at the foot of the last page (GB/T 9704 7.4.2).

    A frame anchored to the bottom margin keeps it at the foot whatever the body's length.
    """
    line = cc_line([keep_whole(unit) for unit in units])
    if line is None:
        return
    paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.LEFT, line=CC_LINE_SPACING)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Pt(SIZE_CC.pt * 4)  # 抄送： is three characters; one more for the edge
    fmt.first_line_indent = Pt(-SIZE_CC.pt * 3)
    fmt.right_indent = Pt(SIZE_CC.pt)
    frame = OxmlElement("w:framePr")
    for attr, value in (
        ("w:w", str(int((PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 635))),
        ("w:hAnchor", "margin"),
        ("w:vAnchor", "margin"),
        ("w:xAlign", "center"),
        ("w:yAlign", "bottom"),
        ("w:wrap", "notBeside"),
    ):
        frame.set(qn(attr), value)
    _put(paragraph, frame)
    _border(paragraph, "top", 4)  # a thin rule (0.5 pt) above
    _border(paragraph, "bottom", 8)  # the last rule (1 pt), under the cc line
    _run(paragraph, line, FONT_BODY, SIZE_CC)


def build_document(draft: Draft):
    """The reply as a python-docx Document in the official format."""
    document = Document()
    _set_defaults(document)
    _set_page(document)
    document.core_properties.title = "".join(
        p.text for part in draft.parts if part.kind == "title" for p in part.paragraphs
    )
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    stamps = stamp_lines(draft)
    for stamp in stamps:
        paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.RIGHT)
        _run(paragraph, stamp, FONT_BODY, SIZE_BODY)
    signature = Signature()
    for part in draft.parts:
        texts = [p.text.strip() for p in part.paragraphs if p.text.strip()]
        if not texts:
            continue
        if part.kind == "title":
            texts = [line for text in texts for line in title_lines(text, TITLE_CHARS_PER_LINE)]
            for index, text in enumerate(texts):
                paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.CENTER, line=Pt(36))
                paragraph.paragraph_format.keep_with_next = True
                if index == 0 and stamps:
                    paragraph.paragraph_format.space_before = LINE_SPACING
                if index == len(texts) - 1:
                    paragraph.paragraph_format.space_after = LINE_SPACING
                _run(paragraph, text, FONT_TITLE, SIZE_TITLE)
        elif part.kind == "salutation":
            paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.LEFT)
            _run(paragraph, salutation_line(texts[0]), FONT_BODY, SIZE_BODY)
            for text in texts[1:]:
                _add_body(document, text)
        elif part.kind == "signature":
            signature = read_signature(texts)
            _add_signature(document, signature)
        else:
            for text in texts:
                _add_body(document, text)
    _add_cc(document, draft_cc(draft, signature))
    return document


def docx_bytes(draft: Draft) -> bytes:
    """The .docx file's bytes, built wholly in memory so the caller can write them atomically."""
    buffer = io.BytesIO()
    build_document(draft).save(buffer)
    return buffer.getvalue()
