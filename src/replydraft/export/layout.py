"""How a draft's paragraphs are laid out on paper, shared by the Markdown and Word exports.

Official replies (GB/T 9704-2012) set the heading of a level-1 item (`一、`) in 黑体 and of a
level-2 item (`（一）`) in 楷体; a heading is either a whole short paragraph or the first sentence
of one. The signature part holds the unit, the date and the contacts, which print differently
(right-aligned unit and date, a bracketed note line). Offsets are characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from replydraft.anatomy import FRAME_PARTS
from replydraft.draft.model import Draft
from replydraft.text.dates import official_date
from replydraft.text.normalize import cell_width
from replydraft.text.ordinals import match_ordinal

HEADING_LEVELS = ("cn_comma", "cn_paren")
"""Ordinal levels whose heading sentence takes a font of its own (黑体, 楷体)."""

MAX_HEADING_CHARS = 40
"""A heading sentence longer than this (after the ordinal) is body text, not a heading."""

_SENTENCE_END = "。！？!?；;"
_CONTACT_LABELS = ("分管领导", "签发人", "承办人", "经办人", "联系人", "联系电话", "电话", "手机")
_CONTACT = re.compile(
    rf"(?P<label>{'|'.join(_CONTACT_LABELS)})[ \t\u3000]*[:：][ \t\u3000]*"
    rf"(?P<value>.*?)(?=[ \t\u3000，,；;]*(?:{'|'.join(_CONTACT_LABELS)})[ \t\u3000]*[:：]|[ \t\u3000，,；;。）)]*$)"
)


@dataclass(frozen=True)
class HeadedText:
    """A paragraph split for typesetting: its heading level (or None), heading and the rest."""

    level: str | None
    heading: str
    rest: str


def split_heading(text: str) -> HeadedText:
    """Split a `一、`/`（一）` paragraph into its heading sentence and the text after it.

    `一、加快科技企业主体培育` is all heading; `（一）塑造科创体系新优势。出台…` has the heading
    `（一）塑造科创体系新优势。` and the rest `出台…`. Other paragraphs have no heading.
    """
    ordinal = match_ordinal(text)
    if ordinal is None or ordinal.level not in HEADING_LEVELS:
        return HeadedText(None, "", text)
    body = text[len(ordinal.raw) :]
    end = next((i for i, char in enumerate(body) if char in _SENTENCE_END), None)
    if end is None:
        if len(body) <= MAX_HEADING_CHARS:
            return HeadedText(ordinal.level, text, "")
        return HeadedText(None, "", text)
    if end >= MAX_HEADING_CHARS:
        return HeadedText(None, "", text)
    cut = len(ordinal.raw) + end + 1
    return HeadedText(ordinal.level, text[:cut], text[cut:])


_TITLE_BREAKS = re.compile(
    r"(?<=会议)|(?<=会)(?=第)|(?=第[0-9０-９一二三四五六七八九十百]+号)|(?=关于)|(?<=的)"
)
"""Where a long title prefers to break: after the session, before 第N号, before 关于, after 的."""
_TITLE_LINE = 50.0
_TITLE_ODD_BREAK = 300.0


def title_lines(text: str, chars_per_line: float) -> list[str]:
    """Break a title too long for one line at natural places, never inside a number.

    A title left to wrap on its own strands its last character (`…的答` / `复`); official titles
    break between meaningful units (after the session, before 第N号) into lines of similar
    length. A small dynamic programme: few lines, preferred breaks, balanced widths.
    """
    text = text.strip()
    if cell_width(text) / 2 <= chars_per_line:
        return [text]
    preferred = {m.start() for m in _TITLE_BREAKS.finditer(text)}
    n = len(text)
    depth, inside = 0, set()
    for index, char in enumerate(text):
        depth += (char in "【《“（(") - (char in "】》”）)")
        if depth > 0:
            inside.add(index + 1)
    allowed = [
        i
        for i in range(1, n)
        if i not in inside and not (text[i - 1].isdigit() and text[i].isdigit())
    ]
    # best[i]: (cost, previous cut) of setting text[:i] as whole lines ending at a break i.
    best: dict[int, tuple[float, int]] = {0: (0.0, 0)}
    for end in [*allowed, n]:
        for start, (cost, _) in list(best.items()):
            if start >= end:
                continue
            width = cell_width(text[start:end]) / 2
            if width > chars_per_line:
                continue
            penalty = 0 if end == n or end in preferred else _TITLE_ODD_BREAK
            total = cost + _TITLE_LINE + penalty + (chars_per_line - width) ** 2
            if end not in best or total < best[end][0]:
                best[end] = (total, start)
    if n not in best:
        return [text]
    lines, end = [], n
    while end:
        start = best[end][1]
        lines.append(text[start:end])
        end = start
    return lines[::-1]


@dataclass
class Signature:
    """The signature part read for printing: unit lines, the date, and the contact entries."""

    units: list[str] = field(default_factory=list)
    date: str | None = None
    contacts: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs as written, e.g. ("联系人", "何智敏")."""
    cc: list[str] = field(default_factory=list)
    """抄送 units, from a `抄送：A，B。` line."""

    def note(self, whole: Callable[[str], str] = str) -> str | None:
        """The contacts as one bracketed note line: `（联系人：何智敏，联系电话：89553541）`.

        `whole` is applied to each value (a name, a phone number): the Word export joins its
        characters so a line never breaks inside one.
        """
        if not self.contacts:
            return None
        entries = (f"{label}：{whole(value)}" for label, value in self.contacts)
        return "（" + "，".join(entries) + "）"


def read_signature(lines: list[str]) -> Signature:
    """Sort the signature part's lines into unit, date and contacts (labels like 联系人：…)."""
    signature = Signature()
    for raw in lines:
        line = raw.strip().strip("（）()").strip()
        if not line:
            continue
        cc = _CC.match(line)
        if cc:
            signature.cc.extend(split_cc(cc.group("units")))
            continue
        contacts = [(m.group("label"), m.group("value").strip()) for m in _CONTACT.finditer(line)]
        if contacts:
            signature.contacts.extend(contacts)
            continue
        date = official_date(line)
        if date and signature.date is None:
            signature.date = date
        else:
            signature.units.append(line)
    return signature


NO_BREAK = "\u2060"
"""WORD JOINER: no line break on either side, and nothing printed (Unicode UAX #14)."""
_HYPHEN_IN_NUMBER = re.compile(r"(?<=[0-9０-９])\s*[-－—]\s*(?=[0-9０-９])")


def keep_whole(text: str) -> str:
    """`text` (a name, a phone number, a unit) joined so no line breaks inside it."""
    return NO_BREAK.join(text)


def keep_numbers_whole(text: str) -> str:
    """Phone numbers like `0312-5551234` kept on one line: no break around their hyphen."""
    return _HYPHEN_IN_NUMBER.sub(lambda m: NO_BREAK + m.group().strip() + NO_BREAK, text)


_CC = re.compile(r"^抄\s*送\s*[:：]\s*(?P<units>.*?)[。.]?$")
_CC_SEPARATORS = re.compile(r"[，,、；;\s]+")


def split_cc(text: str) -> list[str]:
    """The units of a cc list written `A，B、C`."""
    return [unit for unit in _CC_SEPARATORS.split(text.strip().rstrip("。.")) if unit]


def cc_line(units: list[str]) -> str | None:
    """The cc line as GB/T 9704 writes it: `抄送：A，B。` (None for no units)."""
    units = [unit.strip() for unit in units if unit.strip()]
    return "抄送：" + "，".join(units) + "。" if units else None


def draft_cc(draft: Draft, signature: Signature | None = None) -> list[str]:
    """The draft's cc units: the signature's `抄送：` line when there is one (the officer may
    have edited it), else the form's `meta.cc`."""
    if signature is None:
        lines = [
            p.text for part in draft.parts if part.kind == "signature" for p in part.paragraphs
        ]
        signature = read_signature(lines)
    return signature.cc or [unit for unit in draft.meta.cc if unit.strip()]


def stamp_lines(draft: Draft) -> list[str]:
    """The lines printed at the top right of the first page: answer category, 公开属性."""
    lines = [category_line(draft.meta.category), disclosure_line(draft.meta.disclosure)]
    return [line for line in lines if line]


def disclosure_line(disclosure: str | None) -> str | None:
    """公开属性 as printed: `公开属性：主动公开`."""
    if not disclosure or not disclosure.strip():
        return None
    value = disclosure.strip()
    return value if value.startswith("公开属性") else f"公开属性：{value}"


def category_line(category: str | None) -> str | None:
    """The answer category as printed at the top right: `答复类别：A类`."""
    if not category or not category.strip():
        return None
    value = category.strip()
    if value.startswith("答复类别"):
        return value
    return f"答复类别：{value if value.endswith('类') else value + '类'}"


def salutation_line(text: str) -> str:
    """The addressee as printed: flush left, ending in one full-width colon."""
    return text.strip().rstrip(":：") + "："


def body_paragraphs(draft: Draft) -> list[str]:
    """The body's paragraphs in order: every part except title, salutation and signature."""
    return [
        p.text
        for part in draft.parts
        if part.kind not in FRAME_PARTS
        for p in part.paragraphs
        if p.text.strip()
    ]
