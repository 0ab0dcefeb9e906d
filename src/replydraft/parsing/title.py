"""What the title and the acknowledgement say: session, number, proposal kind, proposal title.

`对市十八届人大一次会议第107号建议的答复` → session `市十八届人大一次会议`, number 107, kind
suggestion. The session is kept as the title writes it (inner spaces included); the body is
only asked when the title does not say.
"""

from __future__ import annotations

import re

from replydraft.parsing.markers import UNIT_SUFFIX
from replydraft.text.ordinals import cn_to_int

_NUM = r"(?:\d+|[〇○零一二三四五六七八九十百]{1,6})"
"""A proposal number in digits or Chinese numerals (`第三十一号`, `第一〇七号`)."""


_MORE = r"(?:\s*[、,，]\s*\d+)*"
"""`第41、42号`: one reply to several numbers; the first is the reply's number."""


def _number(text: str) -> int | None:
    """`31` or `三十一` / `一〇七` → the int (None if neither)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    return cn_to_int(text.replace("○", "〇"))


_NUMBERED = re.compile(
    r"(?P<end>会议|會議|委员会|委員會)(?:闭会期间|期间|以来)?(?:代表|委员|委員)?"
    r"(?:建议|提案|议案|建議|議案|意见)?\s*(?:[（(]\s*)?"
    r"(?:第?\s*(?P<number>\d+)|第\s*(?P<cn>[〇○零一二三四五六七八九十百]{1,6}))"
    rf"{_MORE}\s*[号號]"
)
"""`…会议第107号`, `…会议闭会期间代表建议第12号`, `…会议提案第56号`: the kind word may come
before the number."""
_NUMBERED_AFTER_PROPOSER = re.compile(
    r"(?:会议|會議)[^\s，,。:：“”《》]{2,24}?(?:代表|委员|委員)(?:等\S{0,4})?(?:提出|所提|联名提出)的?"
    rf"\s*第\s*(?P<number>{_NUM})\s*[号號]"
)
_SESSION_START = re.compile(r"关于对|關於對|关于|關于|關於|关於|對|对")
_KIND_AFTER_NUMBER = re.compile(
    r"[号號]\s*(?:代表|委员|委員)?\s*(?P<kind>建议|提案|议案|建議|議案)"
)
_KIND_BEFORE_NUMBER = re.compile(
    r"(?:会议|會議|期间|代表|委员|委員)\s*(?P<kind>建议|提案|议案|建議|議案)\s*第\s*"
    rf"{_NUM}\s*[号號]"
)
"""`…会议提案第56号`, `…闭会期间代表建议第12号`: the kind named before the number."""
_BODY_NUMBERED_SESSION = re.compile(
    r"(?:提出的|提交的|所提的?|在|于)\s*(?P<session>[^\s，,。:：“”《》()（）]{2,30}?(?:会议|會議))"
    r"(?:闭会期间|期间|以来)\s*(?:代表|委员|委員)?(?:建议|提案|议案|建議|議案)?\s*第\s*"
    rf"{_NUM}\s*[号號]"
)
"""`你们提出的区十五届人大六次会议闭会期间代表建议第134号`: a session said as `…闭会期间`."""
_BODY_SESSION = re.compile(
    r"(?:在|于)\s*(?P<session>[^\s，,。:：“”《》()（）]{2,30}?(?:会议|會議))(?:上|期间|大会期间|期間)?"
    r"|(?:在|于)\s*(?P<congress>[^\s，,。:：“”《》()（）]{2,30}?人民代表大会)(?=上|期间)"
)
_PLACE_SESSION = re.compile(
    r"(?P<session>[\u4e00-\u9fff]{1,10}?(?:省|市|县|区|州|旗|盟)(?:政协|人大)?第?[一二三四五六七八九十]{1,4}届"
    r"[^\s，,。:：“”《》()（）]{0,20}?(?:会议|大会))(?:上|期间|大会期间)"
)
"""`…镇康县第十一届委员会第二次会议期间提出`: a session whose `在` was lost (mirror damage)."""
_BODY_NUMBER = re.compile(rf"第\s*(?P<number>{_NUM}){_MORE}\s*[号號]\s*(?:建议|提案|议案|建議)?")
_TITLE_NUMBER = re.compile(
    rf"第\s*(?P<number>{_NUM}){_MORE}\s*[号號]\s*(?:代表|委员|委員)?\s*(?:建议|提案|议案|建議|議案)"
)
_LABELLED_NUMBER = re.compile(
    r"^(?:建议|提案|议案|建議|議案){1,2}(?:编号|編號|号|號)\s*[:：]?\s*第?\s*(?P<number>\d+)\s*[号號]?(?!\d)"
)
_KIND_VALUES = {
    "建议": "suggestion",
    "建議": "suggestion",
    "提案": "proposal",
    "议案": "motion",
    "議案": "motion",
}
_KIND_WORD = re.compile(r"建议|建議|提案|议案|議案")
_QUOTED = re.compile(
    r"《(?P<a>[^《》]+?)》|“(?P<b>[^“”]+?)”|「(?P<c>[^「」]+?)」|\"(?P<d>[^\"]+?)\""
)
_AFTER_QUOTE = re.compile(
    r"^\s*(?:的)?(?:建议|提案|议案|建議)|^\s*[(（]第|^\s*[,，]?\s*(?:已)?收悉"
)
_UNQUOTED = re.compile(
    r"提出的?\s*(?P<title>(?:关于|關于)[^，,。；;：:“”《》]{2,80}?(?:的)?(?:建议|提案|议案|建議))"
    r"(?=收悉|已收悉|办理|辦理|[，,。（(]|的?答复|已|$)"
)
_UNQUOTED_BARE = re.compile(
    r"提出的?\s*(?P<title>[^，,。；;：:“”《》\s]{4,60}?的(?:建议|提案|议案|建議))(?=(?:已)?收悉)"
)
"""`您提出的修建白沙村通组公路的建议收悉`: a title without 关于 and without quotes, trusted only
when 收悉 follows it directly."""
_TITLE_UNIT = re.compile(r"^(?P<unit>[^\s，,。“”《》]{2,30}?)(?:关于|對|对)")


def title_session_number(title: str) -> tuple[str | None, int | None]:
    """Session and number from a title line (`…会议第107号建议…`, or with the proposer between
    them: `…会议李明代表提出的第12号建议…`)."""
    match = _NUMBERED.search(title)
    if match:
        prefix = title[: match.end("end")]
    else:
        match = _NUMBERED_AFTER_PROPOSER.search(title)
        if not match:
            return None, None
        prefix = title[: match.start() + 2]
    starts = list(_SESSION_START.finditer(prefix))
    session = prefix[starts[-1].end() :] if starts else prefix
    session = session.strip()
    return (session or None), _number(match.group("number") or match.group("cn"))


_DAMAGED_SESSION = re.compile(
    r"(?<![一二三四五六七八九十\d第])次(?:会议|會議)|届(?:次)?(?:会议|會議)$"
)


def damaged_session(session: str) -> bool:
    """`泸西县十六届人大次会议`: a session whose sitting lost its ordinal in the copy."""
    return bool(_DAMAGED_SESSION.search(session))


def title_number(title: str) -> int | None:
    """`关于对周德海代表提出的第143号建议的答复` → 143: a number named before the kind word, in a
    title that names no session."""
    match = _TITLE_NUMBER.search(title)
    return _number(match.group("number")) if match else None


def labelled_number(lines: list[str]) -> int | None:
    """`建议编号：第12号` / `提案号:57` on a header line → the number."""
    for line in lines:
        match = _LABELLED_NUMBER.match(line.strip())
        if match:
            return int(match.group("number"))
    return None


def title_kind(title: str) -> str | None:
    """The proposal kind a title names next to the number (`第176号提案`, `提案第56号` →
    proposal)."""
    match = _KIND_AFTER_NUMBER.search(title) or _KIND_BEFORE_NUMBER.search(title)
    return _KIND_VALUES[match.group("kind")] if match else None


def title_unit(title: str) -> str | None:
    """The unit a title starts with (`海宁市科学技术局关于…`), if any."""
    match = _TITLE_UNIT.match(title)
    if match and UNIT_SUFFIX.search(match.group("unit")):
        return match.group("unit")
    return None


def body_session(text: str) -> str | None:
    """`您在市第十届政协第一次会议提出的…` → `市第十届政协第一次会议`."""
    match = _BODY_NUMBERED_SESSION.search(text)
    if match:
        return match.group("session")
    match = _BODY_SESSION.search(text)
    if match:
        return match.group("session") or match.group("congress")
    match = _PLACE_SESSION.search(text)
    return match.group("session") if match else None


def body_number(text: str) -> int | None:
    """`（第190号建议）` → 190 (document numbers like `〔2023〕34号` have no 第 and are skipped)."""
    match = _BODY_NUMBER.search(text)
    return _number(match.group("number")) if match else None


def quoted_title(text: str) -> tuple[str, str] | None:
    """The proposal title quoted in `text` and what follows its closing quote.

    Prefers a quotation that starts with 关于 or is followed by `的建议` / `（第…` / `收悉`.
    """
    candidates: list[tuple[str, str]] = []
    for match in _QUOTED.finditer(text):
        inner = next(g for g in match.groups() if g is not None)
        candidates.append((inner, text[match.end() : match.end() + 12]))
    if not candidates:
        return None
    for inner, after in candidates:
        if inner.startswith(("关于", "關于", "关於", "關於")):
            return inner, after
    for inner, after in candidates:
        if _AFTER_QUOTE.match(after):
            return inner, after
    return candidates[0]


def unquoted_title(text: str) -> str | None:
    """`您提出的关于…的提案收悉` → `关于…的提案` (a title written without quotes)."""
    match = _UNQUOTED.search(text) or _UNQUOTED_BARE.search(text)
    return match.group("title") if match else None


def kind_of(text: str | None) -> str | None:
    """suggestion / proposal / motion from the last kind word in `text` (`…的建议` → suggestion)."""
    if not text:
        return None
    words = _KIND_WORD.findall(text)
    return _KIND_VALUES[words[-1]] if words else None


def kind_ending(text: str | None) -> str | None:
    """The kind named at the very end of `text` (a proposal title ending `…的提案`)."""
    if not text:
        return None
    match = re.search(r"(建议|建議|提案|议案|議案)\s*$", text)
    return _KIND_VALUES[match.group(1)] if match else None
