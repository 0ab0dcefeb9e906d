"""The signature block and document header: unit, date, contacts, category, document number.

The reply's date is the signature date, never a web page's publication date. The unit is the
signature's; when a reply has none it may be named by a `…印发` footer, the title
(`海宁市科学技术局关于…`), a closing `请与丘北县教育体育局联系`, or the page metadata.
"""

from __future__ import annotations

import re
import unicodedata

from replydraft.parsing.cleaning import PageMeta
from replydraft.parsing.dates import date_only, normalize_date
from replydraft.parsing.markers import (
    CONTACT_LABEL,
    STAMP,
    UNIT_SUFFIX,
    close_spaces,
    is_bare_name_line,
    is_unit_line,
)
from replydraft.parsing.reply import Contacts

_SEAL = re.compile(r"\s*[（(](?:盖章|印章|公章|代章|章|印)[）)]$")
_PRINTED_BY = re.compile(r"^(?P<unit>\S{2,40}?)\s*(?:\d{4}\s*年.*)?印发\s*$")
_CONTACT_UNIT = re.compile(
    r"请(?:与|和|向)(?P<unit>[^\s，,。；;：:“”]{2,30}?)(?:联系|聯系|反馈|反映)"
    r"|联系单位\s*[:：]\s*(?P<labelled>[^\s，,。；;：:“”()（）]{2,30})"
)
_META_UNIT_LABELS = (
    "承办单位",
    "答复单位",
    "办理单位",
    "主办单位",
    "发布机构",
    "发文机关",
    "发文机构",
    "来源",
    "信息来源",
    "文章来源",
    "所属机构",
)
"""Page metadata naming the unit, the handling unit first (a fallback below the signature)."""
_META_DATE_LABELS = ("成文日期", "答复时间", "答复日期", "办理时间", "办理日期")
"""Page metadata giving the reply's own date (never the publication date)."""
_LONE_CATEGORY = re.compile(r"^\s*[（(【\[]?\s*(?P<c>[ABCD])\s*类?\s*(?:件|答复)?\s*[）)】\]]?\s*$")

_LEADER_LABELS = (
    "分管领导",
    "分管负责人",
    "责任领导",
    "主管领导",
    "承办负责人",
    "签发领导",
    "签发人",
    "簽發人",
    "主要领导",
    "主要负责人",
)
_HANDLER_LABELS = ("承办人员", "承办人", "经办人", "联系人", "聯系人")
_PHONE_LABELS = (
    "联系电话",
    "聯系電話",
    "联系方式",
    "办公电话",
    "电话",
    "電話",
    "联系手机",
    "移动电话",
    "手机",
)
_ALL_LABELS = "|".join(
    sorted(_LEADER_LABELS + _HANDLER_LABELS + _PHONE_LABELS + ("联系单位",), key=len, reverse=True)
)
_OTHER_LABEL = (
    r"\s*[,，、]?\s*(?:传真|電子郵箱|电子邮箱|邮箱|[Ee]-?mail|通讯地址|地址|邮编|邮政编码)\s*[:：]"
)
"""Labels after a phone on its line (`传真：…`, `电子邮箱：…`) that end its value."""
_CONTACT_PAIR = re.compile(
    rf"(?P<label>{_ALL_LABELS})(?P<with_phone>(?:及|和|/|／|、)(?:联系)?电话)?\s*[:：]\s*"
    rf"(?P<value>.*?)(?=\s*[;；()（）]|(?:\s+|\s*[,，、]\s*)(?:{_ALL_LABELS})|{_OTHER_LABEL}|$)"
)
_DIGIT_DASH = re.compile(r"(?<=[0-9])\s*[—–‒―]{1,2}\s*(?=[0-9])")
_NAME_THEN_PHONE = re.compile(
    r"^(?P<name>[\u3400-\u9fff·]{2,5})\s*[,，、/／ ]?\s*(?P<phone>[0-9][0-9\-－,，、/ ]*[0-9])$"
)

_CATEGORY = re.compile(
    r"(?:[\u4e00-\u9fff]{0,4}类\s*[别型]|办理结果|答复结果)\s*[:：]?\s*[（(【\[]?\s*(?P<c>[ABCDＡＢＣＤ])(?![A-Za-z0-9])"
    r"|[号號]\s*(?P<g>[ABCD])\s*类"
    r"|^\s*[（(]?\s*(?P<s>[ABCD])\s*类"
    r"|[（(【\[]\s*(?P<p>[ABCD])\s*类\s*(?:答复|办复|件)?\s*[）)】\]]"
)
_DISCLOSURE = re.compile(
    r"主动公开|依申请公开|不予公开|同意公开|不公开|是否(?:同意)?公开\s*[:：]\s*[（(]?\s*[是否]"
)
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s*[〔\[【［(（]\s*(?:19|20)\d{2}\s*[〕\]】］)）]\s*\d+(?:-\d+)?\s*[号號]"
)
_BRACKETS = str.maketrans("[【［(（]】］)）", "〔〔〔〔〔〕〕〕〕〕")


def signature_unit(lines: list[str]) -> str | None:
    """The signing unit among the signature lines: the unit line nearest above the date."""
    date_at = next((n for n in range(len(lines) - 1, -1, -1) if date_only(lines[n])), None)
    candidates = [
        n for n, line in enumerate(lines) if is_unit_line(line) and not CONTACT_LABEL.match(line)
    ]
    if not candidates:
        # a bare name right above the date (tail.py took it into the block for that reason)
        if date_at and is_bare_name_line(lines[date_at - 1]):
            return lines[date_at - 1]
        return None
    chosen = candidates[0]
    if date_at is not None:
        above = [n for n in candidates if n < date_at]
        if above:
            chosen = above[-1]
            # two units signing a joint reply on lines of their own: the first is the lead,
            # but a party committee (中共…委员会) signs beside the government that handled it
            while chosen - 1 in candidates and not lines[chosen - 1].lstrip().startswith("中共"):
                chosen -= 1
    return _lead_unit(lines[chosen])


_UNIT_GAP = re.compile(r"[ \t]{2,}|\u3000+")
"""Two units signing one joint reply side by side (`县水利局　　县农业农村局`) are set apart by
a wide gap; one unit's name is at most letter-spaced (`青 山 县 水 利 局`)."""


def _lead_unit(line: str) -> str:
    """The signing unit of a signature line; of two or more side by side, the first (the lead
    unit of a 联合答复)."""
    line = _SEAL.sub("", line.strip())
    pieces = [p for p in _UNIT_GAP.split(line) if p.strip()]
    if len(pieces) > 1 and all(len(p) >= 4 and UNIT_SUFFIX.search(p) for p in pieces):
        line = pieces[0]
    return close_spaces(line.strip())


def printed_by_unit(lines: list[str]) -> str | None:
    """`临湘市农业农村局办公室 2022年8月17日印发` → `临湘市农业农村局` (the issuing office's unit)."""
    for line in lines:
        match = _PRINTED_BY.match(line.strip())
        if match:
            unit = re.sub(r"办公室$", "", match.group("unit"))
            return unit or None
    return None


def contact_unit(lines: list[str]) -> str | None:
    """`…请与丘北县教育体育局联系` → `丘北县教育体育局`."""
    for line in lines:
        match = _CONTACT_UNIT.search(line)
        unit = match and (match.group("unit") or match.group("labelled"))
        if unit and UNIT_SUFFIX.search(unit):
            return unit
    return None


def meta_unit(meta: PageMeta) -> str | None:
    """The publishing unit a page's metadata names (`发布机构`, `来源`), if it looks like a unit."""
    for label in _META_UNIT_LABELS:
        value = meta.get(label)
        if value:
            value = re.split(r"\s", value)[0]
            if UNIT_SUFFIX.search(value) and len(value) <= 30:
                return value
    return None


def meta_date(meta: PageMeta) -> str | None:
    """The reply's date from page metadata (`成文日期`, `答复时间`), if the page gives one."""
    for label in _META_DATE_LABELS:
        value = meta.get(label)
        if value:
            iso = normalize_date(value)
            if iso:
                return iso
    return None


def lone_category(lines: list[str], named: bool = False) -> str | None:
    """A header or signature line that is only the category letter (`C`, `（A类）`), as record
    pages print it; with `named` (lines past the signature, where a font-size switch may be a
    lone `A`) only one that says 类 (`A类`, `【B类】`)."""
    for line in lines:
        match = _LONE_CATEGORY.match(line)
        if match and (not named or "类" in line):
            return match.group("c")
    return None


def signature_date(lines: list[str]) -> str | None:
    """The ISO date of the last date-only line (`2025年5月14日`, `二○一二年六月十四日`, `2023717`)."""
    for line in reversed(lines):
        iso = date_only(line)
        if iso:
            return iso
    return None


def contacts(lines: list[str]) -> Contacts:
    """Leader, handler and phone from labelled lines (`分管领导:杨蕾`, `承办人及联系电话:邓俊杰 0730-…`)."""
    found: dict[str, tuple[int, str]] = {}

    def offer(field: str, rank: int, value: str) -> None:
        value = value.strip(" ,，;；")
        if value and (field not in found or rank < found[field][0]):
            found[field] = (rank, value)

    for line in lines:
        for match in _CONTACT_PAIR.finditer(line):
            label, value = match.group("label"), match.group("value").strip()
            if not value:
                continue
            if label in _LEADER_LABELS:
                offer("leader", _LEADER_LABELS.index(label), value)
            elif label in _HANDLER_LABELS:
                split = _NAME_THEN_PHONE.match(value)
                if split:
                    offer("handler", _HANDLER_LABELS.index(label), split.group("name"))
                    offer("phone", 10, split.group("phone"))
                else:
                    offer("handler", _HANDLER_LABELS.index(label), value)
            elif label in _PHONE_LABELS:
                offer("phone", _PHONE_LABELS.index(label), value)
    if "phone" in found:
        # full-width digits and dashes (`０７３４－５５７８９０１`) are the same number,
        rank, phone = found["phone"]
        # and a dash typed as —, – or ‒ between digits (`0745—6618802`) is the area code's hyphen
        phone = _DIGIT_DASH.sub("-", unicodedata.normalize("NFKC", phone))
        found["phone"] = (rank, phone)
    return Contacts(
        leader=found.get("leader", (0, None))[1],
        handler=found.get("handler", (0, None))[1],
        phone=found.get("phone", (0, None))[1],
    )


def stamp_lines(lines: list[str]) -> list[str]:
    """The stamp lines (`答复类别：A类`, `公开属性：…`) among `lines`, wherever they sit."""
    return [line for line in lines if len(line) <= 40 and STAMP.match(line.strip())]


def category(lines: list[str]) -> str | None:
    """The answer category A/B/C/D (`类 别:B`, `办理结果:(A类)`, `临农字〔2022〕17号B类`)."""
    for line in lines:
        match = _CATEGORY.search(line.strip())
        if match:
            letter = match.group("c") or match.group("g") or match.group("s") or match.group("p")
            return letter.translate(str.maketrans("ＡＢＣＤ", "ABCD"))
    return None


def disclosure(lines: list[str], meta: PageMeta | None = None) -> str | None:
    """The disclosure attribute (`主动公开`, `同意公开`, …) if the header or the page's
    metadata (`公开方式：依申请公开`) states one."""
    if meta is not None:
        lines = [*lines, *(f"{k}：{v}" for k, v in meta.fields.items() if "公开" in k)]
    for line in lines:
        match = _DISCLOSURE.search(line)
        if match:
            text = match.group(0)
            if text.startswith("是否"):
                return "同意公开" if text.endswith("是") else "不公开"
            return text
    return None


def doc_number(lines: list[str], meta: PageMeta) -> str | None:
    """The document number (文号) `临农字〔2022〕17号`, brackets normalised to 〔〕."""
    for text in [meta.get("文号") or "", *lines]:
        match = _DOC_NUMBER.search(text)
        if match:
            return re.sub(r"\s", "", match.group(0)).translate(_BRACKETS)
    return None
