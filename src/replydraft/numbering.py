"""Ordinals of official documents: recognising them, and writing them for a new place.

The hierarchy is `一、` → `（一）` → `1.`/`1、` → `（1）`, with inline `一是…二是…` inside a
paragraph (DOMAIN.md, "Numbering"). Half-width `(一)` and full-width digits are recognised too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = "零一二三四五六七八九"
_CN_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "○": 0, "两": 2}
_CN_NUM = "[一二三四五六七八九十百零〇两]{1,4}"

LEVELS = ("cn_comma", "cn_paren", "arabic", "arabic_paren")
"""Heading levels from the top: 一、 / （一） / 1. or 1、 / （1）."""

INLINE = "inline"
"""The inline level: 一是 / 二是 inside a paragraph."""

_LEADING = re.compile(
    rf"^[ \t\u3000]*(?:"
    rf"(?P<cn_comma>(?P<cc>{_CN_NUM})[、．.])"
    rf"|(?P<cn_paren>[（(](?P<cp>{_CN_NUM})[）)][、．.]?)"
    rf"|(?P<arabic_paren>[（(](?P<ap>[0-9０-９]{{1,3}})[）)][、．.]?)"
    rf"|(?P<arabic>(?P<ar>[0-9０-９]{{1,3}})(?:[、．]|\.(?![0-9])))"
    rf"|(?P<inline>(?P<il>{_CN_NUM})是)"
    rf")[ \t\u3000]*"
)
_INLINE_ANY = re.compile(rf"(?:(?<=^)|(?<=[。；;！!？?\s：:]))(?P<il>{_CN_NUM})是(?=[，,：:\u4e00-\u9fff“\"（(])")


@dataclass(frozen=True)
class Ordinal:
    """A recognised ordinal at the start of a text: its level, value and exact spelling."""

    level: str
    value: int
    raw: str
    """The ordinal as written, including trailing spaces it swallowed."""
    style: str = ""
    """The separator or bracket form as written (`、`, `.`, `（）`, `()`), to keep when renumbering."""

    @property
    def depth(self) -> int:
        """0 for 一、 … 3 for （1）, 4 for inline 一是."""
        return LEVELS.index(self.level) if self.level in LEVELS else len(LEVELS)


def cn_to_int(text: str) -> int | None:
    """`十二` → 12, `一百零五` → 105; None if `text` is not a Chinese numeral."""
    if not text or any(c not in _CN_VALUES and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_VALUES[char] if current else _CN_VALUES[char]
    return total + current


def int_to_cn(value: int) -> str:
    """12 → `十二`, 20 → `二十`, 105 → `一百零五` (the forms used in ordinals)."""
    if value < 0:
        raise ValueError(value)
    if value < 10:
        return DIGITS[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")
    hundreds, rest = divmod(value, 100)
    tail = ""
    if rest:
        tail = ("零" if rest < 10 else "") + (int_to_cn(rest) if rest >= 20 or rest < 10 else "一" + int_to_cn(rest))
    return DIGITS[hundreds] + "百" + tail


def _arabic(text: str) -> int:
    return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def match_ordinal(text: str) -> Ordinal | None:
    """The ordinal that starts `text`, if any (leading spaces allowed)."""
    match = _LEADING.match(text)
    if not match:
        return None
    raw = match.group(0)
    if match.group("cn_comma"):
        value, level = cn_to_int(match.group("cc")), "cn_comma"
        style = match.group("cn_comma")[-1]
    elif match.group("cn_paren"):
        value, level = cn_to_int(match.group("cp")), "cn_paren"
        style = "()" if match.group("cn_paren").startswith("(") else "（）"
    elif match.group("arabic_paren"):
        value, level = _arabic(match.group("ap")), "arabic_paren"
        style = "()" if match.group("arabic_paren").startswith("(") else "（）"
    elif match.group("arabic"):
        value, level = _arabic(match.group("ar")), "arabic"
        style = match.group("arabic")[-1]
    else:
        value, level, style = cn_to_int(match.group("il")), INLINE, "是"
    if value is None or value == 0:
        return None
    return Ordinal(level=level, value=value, raw=raw, style=style)


def strip_ordinal(text: str) -> tuple[Ordinal | None, str]:
    """Split `text` into its leading ordinal (or None) and the rest."""
    ordinal = match_ordinal(text)
    if ordinal is None:
        return None, text
    return ordinal, text[len(ordinal.raw):]


def format_ordinal(level: str, value: int, style: str = "") -> str:
    """Write ordinal `value` at `level` in official full-width form (`style` may keep `1、`)."""
    if level == "cn_comma":
        return f"{int_to_cn(value)}、"
    if level == "cn_paren":
        return f"（{int_to_cn(value)}）"
    if level == "arabic":
        return f"{value}{'、' if style == '、' else '.'}"
    if level == "arabic_paren":
        return f"（{value}）"
    if level == INLINE:
        return f"{int_to_cn(value)}是"
    raise ValueError(f"unknown ordinal level {level!r}")


def inline_ordinals(text: str) -> list[tuple[int, int, int]]:
    """Inline `一是/二是…` inside a paragraph: (start, end, value) character offsets, in order."""
    found: list[tuple[int, int, int]] = []
    for match in _INLINE_ANY.finditer(text):
        value = cn_to_int(match.group("il"))
        if value:
            found.append((match.start("il"), match.end(), value))
    return found
