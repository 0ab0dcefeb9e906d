"""Dates in the official form: GB/T 9704-2012 writes `2026年5月20日`, Arabic numerals, no padding."""

from __future__ import annotations

import datetime
import re

from replydraft.text.ordinals import cn_to_int

_CN_DIGIT = "〇○零一二三四五六七八九十"
_DATE = re.compile(
    r"^(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})[ \t]*[-年./][ \t]*"
    rf"(?P<m>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})[ \t]*[-月./][ \t]*"
    rf"(?P<d>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})[ \t]*日?$"
)


_LEADING_YEAR = re.compile(r"\s*(\d{4})")


def year_of(date: str | None) -> int:
    """The year a reply dated `date` is written in: the date's leading four digits (`2026-05-20`,
    `2026年5月20日`), else this year (no date yet, or one still being typed)."""
    found = _LEADING_YEAR.match(date or "")
    return int(found.group(1)) if found else datetime.date.today().year


def official_date(text: str) -> str | None:
    """`2026-05-20`, `2026年05月20日` or `二〇二六年五月二十日` → `2026年5月20日`; None if not a date.

    GB/T 9704-2012 writes the date in Arabic numerals, month and day without zero padding.
    """
    match = _DATE.match(text.strip())
    if not match:
        return None
    year_text = match.group("y")
    if year_text.isdigit():
        year = int(year_text)
    else:
        year = int("".join(str(cn_to_int(c) if c not in "〇○" else 0) for c in year_text))
    parts = []
    for name in ("m", "d"):
        value = match.group(name)
        parts.append(int(value) if value.isdigit() else cn_to_int(value.replace("〇", "零")))
    month, day = parts
    if not month or not day or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return f"{year}年{month}月{day}日"
