"""Dates as replies write them, normalised to ISO `YYYY-MM-DD`.

Handles `2025年5月14日` (also `14号`), web-mangled `2025- 07- 02`, `2025.5.14`, `2025/5/14`, full-width digits,
digits run together (`2023717`, `20230717`) and Chinese-numeral dates (`二○一二年六月十四日`).
Impossible dates (month 13, 30 February) are rejected, never guessed.
"""

from __future__ import annotations

import datetime as _dt
import re

from replydraft.text.ordinals import cn_to_int

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_YEAR_DIGITS = str.maketrans("〇○零Ｏ0一二三四五六七八九", "00000123456789")

_SEP_YEAR = r"\s*[年./\-－—]\s*"
_SEP_MONTH = r"\s*[月./\-－—]\s*"
_ARABIC = rf"(?P<y>(?:19|20)\d{{2}}){_SEP_YEAR}(?P<m>\d{{1,2}}){_SEP_MONTH}(?P<d>\d{{1,2}})(?:\s*[日号號])?"
_COMPACT = r"(?P<cy>(?:19|20)\d{2})(?P<cmd>\d{3,4})"
_CN_YEAR = "[〇○零Ｏ0一二三四五六七八九]{4}"
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_CHINESE = rf"(?P<ny>{_CN_YEAR})\s*年\s*(?P<nm>{_CN_SMALL})\s*月\s*(?P<nd>{_CN_SMALL})\s*[日号號]"

DATE_PATTERN = re.compile(rf"{_ARABIC}|{_CHINESE}")
"""A date anywhere in a line (compact digit runs are only trusted on a line of their own)."""

_DATE_ONLY = re.compile(
    rf"^\s*(?:{_ARABIC}|{_CHINESE}|{_COMPACT})\s*(?:[（(][^（()）]{{1,20}}[）)])?\s*$"
)
"""A date alone on a line, perhaps with a remark (`2023年6月20日（此件公开发布）`)."""


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("y"):
        return _valid(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    if groups.get("ny"):
        digits = groups["ny"].translate(_YEAR_DIGITS)
        month, day = cn_to_int(groups["nm"]), cn_to_int(groups["nd"])
        if month is None or day is None:
            return None
        return _valid(int(digits), month, day)
    if groups.get("cy"):
        year, rest = int(groups["cy"]), groups["cmd"]
        if len(rest) == 4:
            return _valid(year, int(rest[:2]), int(rest[2:]))
        # Three digits: `717` is 7-17; `111` could be 1-11 or 11-1: take the first valid reading.
        return _valid(year, int(rest[0]), int(rest[1:])) or _valid(
            year, int(rest[:2]), int(rest[2])
        )
    return None


def normalize_date(text: str) -> str | None:
    """The ISO form of the first date in `text`, or None (`2025- 07- 02 11: 03` → `2025-07-02`)."""
    text = text.translate(_FULLWIDTH_DIGITS)
    only = _DATE_ONLY.match(text)
    if only:
        return _from_match(only)
    for match in DATE_PATTERN.finditer(text):
        iso = _from_match(match)
        if iso:
            return iso
    return None


def date_only(line: str) -> str | None:
    """The ISO date if `line` is nothing but a date (a signature date line), else None."""
    match = _DATE_ONLY.match(line.translate(_FULLWIDTH_DIGITS))
    return _from_match(match) if match else None


TRAILING_DATE = re.compile(rf"(?:{_ARABIC}|{_CHINESE})\s*$")
"""A date ending a line, as in `慈溪市科学技术局 2022年6月22日`."""
