"""Text normalisation shared by parsing, matching and checks.

All offsets are characters. `fold` is for comparing and searching (NFKC: full-width digits,
letters and punctuation become half-width); `to_fullwidth_punct` is for writing official text.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_HALF_TO_FULL = str.maketrans(
    {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
)
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{_CJK}]")


def fold(text: str) -> str:
    """NFKC-fold and lowercase, for matching: `第１２条` and `第12条` compare equal."""
    return unicodedata.normalize("NFKC", text).lower()


def squeeze_spaces(text: str) -> str:
    """Collapse runs of spaces (ASCII, ideographic, NBSP) into one ASCII space."""
    return _SPACES.sub(" ", text)


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph."""
    return bool(CJK_CHAR.match(char))


def to_fullwidth_punct(text: str) -> str:
    """Replace half-width `, : ; ( ) ! ?` next to Chinese text with their full-width forms, and
    a `.` ending a Chinese sentence with `。`.

    Punctuation between two ASCII characters (`3.5`, `10:30`, `GB/T(2012)`) is left alone; so
    is a `.` in a URL or after an English word (`www.gov.cn`, `etc.`), in an ellipsis (`...`)
    and after a list number (`1.加强…`).
    """
    out: list[str] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char == "." and _ends_sentence(text, index):
            out.append("。")
            continue
        if char in ",:;()!?":
            if (before and is_cjk(before)) or (after and is_cjk(after)) or char in "()":
                if not (
                    before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
                ):
                    out.append(char.translate(_HALF_TO_FULL))
                    continue
        out.append(char)
    return "".join(out)


_CLOSERS = "）》”’」』】"
"""Full-width closing marks a Chinese sentence may end on before its full stop."""


def _ends_sentence(text: str, index: int) -> bool:
    """True when the `.` at `index` ends a Chinese sentence (see `to_fullwidth_punct`)."""
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if not before or before == "." or after == ".":
        return False  # a leading dot, or an ellipsis
    if after and not (after.isspace() or is_cjk(after) or after in "“‘《（【「"):
        return False  # a decimal, a URL, a file name, a date like 2024.5
    if is_cjk(before) or before in _CLOSERS:
        return True
    if before.isascii() and before.isalpha():
        return False  # an English word or abbreviation: `etc.`, `www.gov.cn.`
    if before.isdigit() or before in "%％":
        # `共100家.` ends a sentence; `1.加强…` numbers a list item (digits from the line start).
        start = index - 1
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] in "%％."):
            start -= 1
        at_line_start = start == 0 or text[start - 1] in "\n \t\u3000"
        return not at_line_start and any(is_cjk(c) for c in text[max(0, start - 8) : start])
    return False


def cell_width(text: str) -> int:
    """Display width in terminal cells: East Asian wide and full-width characters take 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
