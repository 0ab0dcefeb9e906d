"""Letter-spaced lines: text from a scanned or typeset PDF with a space between every character.

`关 于 对 县 十 九 届 人 大 …` reads as one word per character to every rule that looks for
words (`代表`, `收悉`, a unit's suffix, a date), so such a line is closed up before any role is
decided. A wide gap (two or more spaces, or a full-width space) separated words in the original
and is kept as one full-width space. Evidence is the line's own shape: most of its space-separated
tokens are single characters and some of those are Chinese, so an ordinary line that merely has
spaces in it (`联系人：张三 电话：…`, a table row of numbers) is left alone.
"""

from __future__ import annotations

import re

_TOKEN_MIN = 6
"""Fewer tokens than this give too little evidence (`王  刚代表：` is left to close_spaces)."""
_SINGLE_SHARE = 0.8
_HAN_MIN = 3
_HAN = re.compile(r"[\u3400-\u9fff]")
_WIDE_GAP = re.compile(r"[ \t]*(?:\u3000|[ \t]{2,})[ \t\u3000]*")
_ONE_SPACE = re.compile(r"(?<=\S)[ \t](?=\S)")


def is_letter_spaced(line: str) -> bool:
    """Whether `line` has a space between (nearly) every character."""
    tokens = line.split()
    if len(tokens) < _TOKEN_MIN:
        return False
    single = [t for t in tokens if len(t) == 1]
    if len(single) < _SINGLE_SHARE * len(tokens):
        return False
    return sum(1 for t in single if _HAN.match(t)) >= _HAN_MIN


def close_letter_spacing(line: str) -> str:
    """`联 系 人 ： 谭 华 　 联 系 电 话` → `联系人：谭华　联系电话`; other lines unchanged."""
    if not is_letter_spaced(line):
        return line
    stripped = line.strip(" \t\u3000")
    lead = line[: len(line) - len(line.lstrip(" \t\u3000"))]
    pieces = _WIDE_GAP.split(stripped)
    return lead + "\u3000".join(_ONE_SPACE.sub("", piece) for piece in pieces)


_LABELS = (
    "分管领导",
    "分管负责人",
    "责任领导",
    "主要领导",
    "签发人",
    "承办人",
    "经办人",
    "联系人",
    "联系电话",
    "联系方式",
    "办公电话",
    "电话",
    "手机",
    "抄送",
    "抄报",
    "主题词",
    "附件",
)
_SPACED_LABEL = re.compile(
    r"^[（(]?(?:"
    + "|".join("[ \t\u3000]*".join(label) for label in sorted(_LABELS, key=len, reverse=True))
    + r")[ \t\u3000]*[:：]"
    + r"|(?<=[ \t\u3000；;，,])(?:"
    + "|".join("[ \t\u3000]+".join(label) for label in sorted(_LABELS, key=len, reverse=True))
    + r")[ \t\u3000]*[:：]"
)
"""A signature label typeset with spaces (`联 系 人：`, `电  话：`): at a line's start, or
letter-spaced after a gap later in the line."""


def close_label_spacing(line: str) -> str:
    """`联 系 人：龙芳　　电 话：0734…` → `联系人：龙芳　　电话：0734…` (only the labels)."""
    if " " not in line and "\t" not in line and "\u3000" not in line:
        return line
    return _SPACED_LABEL.sub(lambda m: _ANY_SPACE.sub("", m.group()), line)


_ANY_SPACE = re.compile(r"[ \t\u3000]")
