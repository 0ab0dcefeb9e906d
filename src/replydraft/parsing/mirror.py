"""Mirror text cleaned: traditional characters folded to simplified, injected pinyin and spam
site names removed.

Scraper mirrors of government pages convert a reply to traditional characters, inject the
pinyin of some characters (`會(huì)`, `關(guān)于`, `鎮(zhèn)康縣`) and put a spam site name or
a keyword placeholder where a place or unit name was (`48365-365.com办公室`, `对关键词2工作`).
None of that belongs in a library: `clean_mirror` returns the text an officer would have
written. It is pure (text in, text out), keeps line breaks, and is called before parsing.

Traditional → simplified uses OpenCC (`t2s`, phrase-aware), not a table of our own.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_LETTERS = f"a-zü{_TONED}"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_INJECTED_PINYIN = re.compile(
    rf"(?<=[{_CJK}])[(（]\s*(?=[{_PINYIN_LETTERS}]*[{_TONED}])[{_PINYIN_LETTERS}]{{1,7}}\s*[)）]"
)
"""`會(huì)` → `會`: a parenthesised syllable with a tone mark right after a character.
A plain `(km)` or `(A)` has no tone mark and is kept."""
_STRAY_PINYIN = re.compile(rf"\?(?=[{_PINYIN_LETTERS}]*[{_TONED}])[{_PINYIN_LETTERS}]{{1,7}}[)）]")
"""`?cè)`: pinyin whose opening parenthesis and character were lost to mojibake."""
_SPAM_DOMAIN = re.compile(
    r"(?<![A-Za-z0-9./@:_-])(?!www\.)(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{1,30}"
    r"(?:\.[A-Za-z0-9-]{1,30})*\.(?:com|net|cc|vip|top|xyz|app|bet|me|tv|co|org|info|biz)"
    rf"(?![A-Za-z0-9.])(?=[{_CJK}])"
)
"""`48365-365.com办公室`: a site name with digits glued before Chinese text, where a unit's
name was. Ordinary addresses (`www.…gov.cn`, e-mail) are not touched."""
_SPAM_TLD = re.compile(r"\.(?:com|net|cc|vip|top|xyz|app|bet|me|tv|co|org|info|biz)(?![A-Za-z0-9.])")
"""A cheap first look: the text has a site name ending at all (most replies do not)."""
_KEYWORD_SLOT = re.compile(r"(?:关键词|關鍵詞|关键字|關鍵字)\d{1,2}")
"""`对关键词2工作的关心`: a spam template's unfilled keyword slot."""


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters folded to simplified (OpenCC t2s); simplified text is unchanged."""
    if text.isascii():
        return text
    return _converter().convert(text)


def strip_pinyin(text: str) -> str:
    """Remove pinyin injected after characters (`關(guān)于` → `關于`)."""
    if ")" not in text and "）" not in text:
        return text
    return _STRAY_PINYIN.sub("", _INJECTED_PINYIN.sub("", text))


def strip_spam(text: str) -> str:
    """Remove spam site names and keyword slots injected where a name was."""
    if "." in text and _SPAM_TLD.search(text):
        text = _SPAM_DOMAIN.sub("", text)
    if "关键" in text or "關鍵" in text:
        text = _KEYWORD_SLOT.sub("", text)
    return text


def clean_mirror(text: str) -> str:
    """The text with mirror damage undone (see module doc): pinyin and spam removed, simplified."""
    return to_simplified(strip_spam(strip_pinyin(text)))
