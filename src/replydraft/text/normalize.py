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
    """Replace half-width `, : ; ( ) ! ?` next to Chinese text with their full-width forms.

    Punctuation between two ASCII characters (`3.5`, `10:30`, `GB/T(2012)`) is left alone.
    """
    out: list[str] = []
    for index, char in enumerate(text):
        if char in ",:;()!?":
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if (before and is_cjk(before)) or (after and is_cjk(after)) or char in "()":
                if not (
                    before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
                ):
                    out.append(char.translate(_HALF_TO_FULL))
                    continue
        out.append(char)
    return "".join(out)


def cell_width(text: str) -> int:
    """Display width in terminal cells: East Asian wide and full-width characters take 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
