"""Lines as a page lays them out → paragraphs, before any role is decided.

Two layouts break the one-paragraph-a-line reading the rest of the parser relies on:

- Text taken from a PDF (or a fixed-width print) is hard-wrapped: a paragraph runs over several
  lines of about the same display width, cut mid-sentence. Evidence that a line was wrapped: it
  is nearly as wide as the widest lines of the page, it does not end a sentence (no `。！？；：`,
  no closing bracket), it holds no column gap, and neither it nor the next line is a line of its
  own kind (a title, salutation, `一、`/`（一）` paragraph or short numbered heading, unit, date,
  contact, stamp, attachment or record-field line). A page is only reflowed when it has at
  least two such lines, and when its lines are short enough to be a print width at all (a page
  of one paragraph a line has lines far wider than any print).
- A table flattened to text gives one cell a line: a label (`建议编号`, `答复类别`) alone on its
  line, its value on the next. A label cell is paired with its value (`答复类别：A`) when the page
  has at least two such pairs, so the labelled-field readers see them.

Widths are display cells (a CJK character is two); offsets are characters.
"""

from __future__ import annotations

import re

from replydraft.parsing.dates import date_only
from replydraft.parsing.markers import (
    CONTACT_LABEL,
    STAMP,
    is_salutation,
    is_title_line,
    is_unit_line,
    leading_ordinal,
)
from replydraft.parsing.records import is_record_label

# -- hard wraps ---------------------------------------------------------------------------------

_WRAP_SHARE = 0.8
"""A wrapped line is at least this share of the page's print width."""
_PRINT_WIDTH_MAX = 110
"""Cells: wider lines are paragraphs on their own line, not a print width (A4 is about 60-90)."""
_LINE_MIN = 20
"""Cells: lines narrower than this do not set the print width (headings, dates, units)."""
_WRAPS_MIN = 2
_ENDS_PARAGRAPH = re.compile(
    r"(?:[。！!？?；;：:）)】」』]|[。！!？?][”’\"])\s*$"
    r"|[\u3400-\u9fff）)”][.．]\s*$"  # a half-width full stop after CJK (`…共享共用.`)
)
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\u3000{2,}|\t)\S")
_ATTACHMENT = re.compile(r"^附\s*件")


def cells(line: str) -> int:
    """Display width in cells, near enough to judge a print width: a character of three or more
    UTF-8 bytes (CJK, full-width forms) counts two. The exact East Asian width table costs a
    Python call per character; this runs on every line of every ingested file."""
    return len(line) + (len(line.encode("utf-8")) - len(line)) // 2


def _own_line(line: str, next_line: str | None = None) -> bool:
    """A line that stands alone by its kind, never the middle of a wrapped paragraph."""
    ordinal = leading_ordinal(line)
    return bool(
        is_title_line(line)
        or is_salutation(line, next_line)
        or date_only(line)
        or CONTACT_LABEL.match(line)
        or STAMP.match(line)
        or is_unit_line(line)
        or _ATTACHMENT.match(line)
        or (ordinal is not None and ordinal.level in ("cn_comma", "cn_paren"))
        or (ordinal is not None and len(line) - len(ordinal.raw) <= 20)
    )


def print_width(lines: list[str]) -> int | None:
    """The page's print width in cells (the second widest line, so one stray wide line does not
    set it), or None when the lines are too few or too wide to be a hard-wrapped print."""
    if sum(1 for line in lines if len(line) > _PRINT_WIDTH_MAX) >= _WRAPS_MIN:
        return None  # cheap exit: a line is at least as wide as it is long
    return _print_width([cells(line) for line in lines])


def _print_width(widths: list[int]) -> int | None:
    wide = sorted(w for w in widths if w >= _LINE_MIN)
    if len(wide) < _WRAPS_MIN + 1:
        return None
    return wide[-2] if wide[-2] <= _PRINT_WIDTH_MAX else None


def _wrapped(lines: list[str], n: int) -> bool:
    """Whether line `n`, as wide as the print, was cut by it (see module doc)."""
    line = lines[n]
    if n + 1 >= len(lines) or _ENDS_PARAGRAPH.search(line) or _COLUMN_GAP.search(line):
        return False
    following = lines[n + 1]
    after = lines[n + 2] if n + 2 < len(lines) else None
    return not (
        _own_line(line, following) or _own_line(following, after) or is_record_label(following)
    )


def rejoin_wraps(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs (PDF-like text) back into one line each."""
    if sum(1 for line in lines if len(line) > _PRINT_WIDTH_MAX) >= _WRAPS_MIN:
        return lines
    widths = [cells(line) for line in lines]
    width = _print_width(widths)
    if width is None:
        return lines
    least = width * _WRAP_SHARE
    cut = [widths[n] >= least and _wrapped(lines, n) for n in range(len(lines))]
    if sum(cut) < _WRAPS_MIN:
        return lines
    out: list[str] = []
    joining = False
    for line, wrapped in zip(lines, cut, strict=True):
        if joining:
            out[-1] += line
        else:
            out.append(line)
        joining = wrapped
    return out


# -- table cells --------------------------------------------------------------------------------

_CELL_LABELS = (
    "建议编号|提案编号|议案编号|建议号|提案号|编号|建议标题|提案标题|议案标题|标题|领衔代表|领衔人|"
    "提案人|建议人|办理单位|承办单位|主办单位|协办单位|答复单位|答复类别|答复类型|办理结果|"
    "类别|答复日期|答复时间|办结时间|办结日期|成文日期|公开属性|会议届次|届次|建议内容|提案内容|"
    "答复全文|答复内容|办理复文|复文内容|答复正文"
)
_LABEL_CELL = re.compile(rf"^(?:{_CELL_LABELS})$")
_VALUE_MAX = 80
_PAIRS_MIN = 2


def pair_label_cells(lines: list[str]) -> list[str]:
    """`答复类别` / `A` on two lines → `答复类别：A` (a table flattened one cell a line)."""
    pairs = [
        n
        for n in range(len(lines) - 1)
        if _LABEL_CELL.match(lines[n])
        and lines[n + 1]
        and not _LABEL_CELL.match(lines[n + 1])
        and len(lines[n + 1]) <= _VALUE_MAX
    ]
    if len(pairs) < _PAIRS_MIN:
        return lines
    out: list[str] = []
    skip = False
    paired = set(pairs)
    for n, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if n in paired:
            out.append(f"{line}：{lines[n + 1]}")
            skip = True
        else:
            out.append(line)
    return out
