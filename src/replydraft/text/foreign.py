"""Foreign content in reused paragraphs: what belongs to another unit's or another place's reply.

A paragraph from another unit's reply carries that unit's world: `…是我镇坚持抓的重点工作…`,
`因为金星镇的交通管理不归我局管辖`, `由市交投集团承接修建`, `副局长白艳`, `7月12日`, `预计年底`
(DOMAIN.md, "Every kind of unit"). Reused as it is, it puts another place and another speaker in
this unit's reply. `mark_foreign` writes `【待核】` after each such token, like a stale figure
(`replydraft.text.staleness`), so `check` reports it until the officer has looked:

- place names: a name of two to four characters ending in 省/市/县/区/镇/乡/村/村委会/社区/路/
  大道/寨/水库 (`金星镇`, `既庶村委会`, `人民路`), except the unit's own place names and common
  words (农村, 道路, 城区, 全县, 该镇…);
- self-references of another kind of unit or place (`我镇` in a 局's reply, `我市` in a county's);
- people's names before or after a title (`白艳` in `副局长白艳`, `李治萍、保俊涛委员`, `联系人:郭华`);
- dates and time words that belong to that reply's year (`7月12日`, `11月底`, `预计年底`, `年内`).

Marking is idempotent. Offsets are characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from replydraft.text.staleness import STALE_MARK

SELF_REFERENCES = (
    "我中心",
    "我街道",
    "我省",
    "我市",
    "我州",
    "我县",
    "我区",
    "我旗",
    "我镇",
    "我乡",
    "我局",
    "我委",
    "我办",
    "我厅",
    "我院",
)
"""Every self-reference a unit uses, longest first (DOMAIN.md's table)."""

PLACE_SUFFIXES = (
    "村民委员会",
    "村委会",
    "社区",
    "大道",
    "水库",
    "省",
    "市",
    "县",
    "区",
    "镇",
    "乡",
    "村",
    "路",
    "寨",
)
"""Endings of place names, longest first."""

_STOP_CHARS = set(
    "的了在对由从向往至到和与及是将把被于该本全各每其这那我你他她它为因经给让使等或以自沿"
    "两三四五六多个些进出通行上下内外新老大小省市县区镇乡村路、，。；：:,;（）()《》“”\"' "
    "0123456789０１２３４５６７８９一二十百千万第号届次"
)
"""Characters that never start or sit inside a place name: words around it, numerals, punctuation."""

_COMMON_WORDS = frozenset(
    "农村 乡村 城乡 乡镇 城镇 集镇 村镇 道路 公路 线路 思路 铁路 马路 出路 水路 网路 电路 "
    "全县 本县 该县 各县 市县 县区 城区 园区 片区 景区 辖区 山区 市区 新区 老区 小区 街区 "
    "全区 本区 该区 各区 全镇 本镇 该镇 各镇 全村 本村 该村 各村 全乡 本乡 该乡 各乡 全市 "
    "本市 该市 各市 省市 城市 都市 全省 本省 各省 外省 外县 外市 山村 渔村 上路 进村 通村 "
    "行政村 自然村 村民 山寨 路路 一路 沿路 盲区 地区 社区 库区 矿区 灾区 校区 湖区 林区 "
    "牧区 战区 学区 城市 直辖市 县城 专区 园路 网络 规划区".split()
)
"""Ordinary words that end like a place name (the suffix with the characters before it)."""

_SUFFIX_STARTS_WORD = frozenset(
    "路径 路线 路面 路网 路灯 路基 路况 路政 路费 路由 市场 市民 市级 市域 市政 市容 区域 区划 "
    "区位 区间 区块 县域 县级 镇级 镇域 乡级 村级 村民 村庄 村容 村貌 村务 村组 省级 省份 省内 "
    "省外 寨子 区别 市值 区分".split()
)
"""A one-character place ending that is really the start of another word (培育路径, 开拓市场,
区域协调): no place name ends there."""

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
    "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米杭保"
)
"""Common Chinese surnames: a name before or after a title starts with one."""

TITLES = (
    "副局长",
    "局长",
    "副主任",
    "主任",
    "副书记",
    "书记",
    "副县长",
    "县长",
    "副镇长",
    "镇长",
    "乡长",
    "村长",
    "代表",
    "委员",
    "同志",
    "联系人",
    "承办人",
    "经办人",
    "签发人",
)
"""Titles next to which a person's name is written."""

_NAME_AFTER_TITLE = re.compile(
    r"(?:副局长|局长|副主任|主任|副书记|书记|副县长|县长|副镇长|镇长|乡长|联系人|承办人|经办人|签发人)"
    r"[:：]?\s*(?P<name>[\u4e00-\u9fff]{2,3}?)(?=[\s,，;；、。)）:：]|$|同志|电话|联系)"
)
_NAMES_BEFORE_TITLE = re.compile(
    r"(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})*)(?=(?:等)?(?:代表|委员|同志))"
)
_DATE = re.compile(
    r"(?<![0-9０-９])[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}[日号]|底|初|中旬|上旬|下旬|份)?"
    r"|预计年底|年底前|年底|年初|年内|月底前|月底|近日|明年|上半年|下半年"
)
_SELF_REF = re.compile("|".join(SELF_REFERENCES))


class ForeignToken(NamedTuple):
    """A token of another unit's reply: its offsets, text and what it is."""

    start: int
    end: int
    token: str
    kind: str
    """place | self_reference | person | date."""


def _is_name(word: str) -> bool:
    return 2 <= len(word) <= 3 and word[0] in SURNAMES and not any(c in _STOP_CHARS for c in word)


def _places(text: str) -> Iterable[ForeignToken]:
    suffixes = "|".join(PLACE_SUFFIXES)
    last_end = 0
    for found in re.finditer(suffixes, text):
        start, end = found.span()
        suffix = found.group(0)
        name_start = start
        while name_start > last_end and start - name_start < 4:
            char = text[name_start - 1]
            if not ("\u4e00" <= char <= "\u9fff") or char in _STOP_CHARS:
                break
            name_start -= 1
        name = text[name_start:start]
        if len(name) < 2 and len(suffix) == 1:
            continue
        if not name:
            continue
        word = text[start - 1 : end] if start else suffix
        if word in _COMMON_WORDS or text[max(0, start - 2) : end] in _COMMON_WORDS:
            continue
        if end < len(text) and text[start : end + 1] in _COMMON_WORDS:
            continue
        if len(suffix) == 1 and text[start : end + 1] in _SUFFIX_STARTS_WORD:
            continue
        last_end = end
        yield ForeignToken(name_start, end, text[name_start:end], "place")


def _people(text: str) -> Iterable[ForeignToken]:
    for found in _NAME_AFTER_TITLE.finditer(text):
        name = found.group("name")
        if _is_name(name):
            yield ForeignToken(found.start("name"), found.end("name"), name, "person")
    for found in _NAMES_BEFORE_TITLE.finditer(text):
        offset = found.start("names")
        for name in found.group("names").split("、"):
            # the name is the last 2-3 characters before the title: 感谢李治萍 → 李治萍
            for size in (3, 2):
                word = name[-size:]
                if _is_name(word):
                    end = offset + len(name)
                    yield ForeignToken(end - size, end, word, "person")
                    break
            offset += len(name) + 1


def foreign_tokens(
    text: str, *, own_refs: Iterable[str] = (), own_places: Iterable[str] = ()
) -> list[ForeignToken]:
    """Every token of `text` that belongs to another unit or place, in text order.

    `own_refs` are the drafting unit's self-references (我县, 我局), `own_places` its place names
    (泸西县, 泸西): neither is foreign. Tokens inside 【】 (marks, placeholders) are left out.
    """
    refs = set(own_refs)
    places = tuple(own_places)
    protected = [m.span() for m in re.finditer(r"【[^】\n]*】|《[^》\n]*》", text)]
    found: list[ForeignToken] = []
    for match in _SELF_REF.finditer(text):
        if match.group(0) not in refs:
            found.append(ForeignToken(*match.span(), match.group(0), "self_reference"))
    for token in _places(text):
        if token.token in places or any(token.token.startswith(p) for p in places if p):
            continue
        found.append(token)
    found += _people(text)
    found += [ForeignToken(*m.span(), m.group(0), "date") for m in _DATE.finditer(text)]
    kept = [t for t in found if not any(a <= t.start < b for a, b in protected)]
    kept.sort(key=lambda t: (t.start, -t.end))
    return kept


def mark_foreign(text: str, *, own_refs: Iterable[str] = (), own_places: Iterable[str] = ()) -> str:
    """`text` with `【待核】` after each foreign token (see `foreign_tokens`); idempotent."""
    cuts = {
        t.end
        for t in foreign_tokens(text, own_refs=own_refs, own_places=own_places)
        if not text.startswith(STALE_MARK, t.end)
    }
    for end in sorted(cuts, reverse=True):
        text = text[:end] + STALE_MARK + text[end:]
    return text


def foreign_token_before(text: str, end: int) -> ForeignToken | None:
    """The foreign token (of any unit: no own references known) that ends at `end`, if any.

    `check` uses it to tell a mark on another unit's content from a mark on a stale figure.
    """
    start = max(0, end - 24)
    window = text[start:end]
    best = None
    for token in foreign_tokens(window):
        if token.end == len(window) and (best is None or token.start < best.start):
            best = token
    if best is None:
        return None
    return ForeignToken(best.start + start, best.end + start, best.token, best.kind)
