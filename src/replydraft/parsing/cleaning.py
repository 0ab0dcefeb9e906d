"""Noise removal: from a page or file as saved to clean paragraphs, one per line.

Web copies of replies carry navigation crumbs, page furniture (`发布日期`, `浏览次数`,
`【打印本页】【关闭窗口】`, trailing `|`), disclosure-metadata tables (`索引号`, `发布机构`, …)
and sometimes the whole document flattened onto one line. `clean_document` strips all of it and
keeps what the metadata says (publishing unit, document title) in `PageMeta`, because a reply
without a signature may name its unit only there. Offsets are characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from replydraft.parsing.dates import TRAILING_DATE
from replydraft.textnorm import squeeze_spaces

_LABELS = (
    "索引号|发布机构|组配分类|主题分类|名称|文\\s?号|生成日期|发布日期|生效日期|废止日期|所属主题|"
    "发布时间|信息来源|文章来源|来源|浏览次数|点击数|点击量|访问量|阅读次数|字体|字号|文字大小|背景色|作者|"
    "日期|时间|公开方式|公开时限|公开范围|有效性|成文日期|体裁分类|关键词|信息分类|内容分类|"
    "所属机构|发文机关|发文机构|统一编号|公开形式|公开日期|责任部门|分类|编辑|责任编辑"
)
_META_LINE = re.compile(rf"^[•·●▪◆\s]*(?:{_LABELS})\s*[:：]")
_META_PAIR = re.compile(
    rf"(?P<label>{_LABELS})\s*[:：]\s*[|｜]?\s*(?P<value>.*?)(?=\s*[|｜]?\s*(?:{_LABELS})\s*[:：]|[|｜]|$)"
)
_FURNITURE = re.compile(
    r"^(?:当前位置|您现在所在的位置|您当前所在位置|您的位置|当前所在位置|所在位置|您现在的位置)"
    r"|^首页\s*[/>》»]|^>|[>»]\s*正文\s*$|首页\s*>"
    r"|打印本页|关闭窗口|^【(?:责任编辑|收藏|打印|关闭)|^(?:关闭|打印|返回顶部|收藏|分享|返回)$"
    r"|^(?:上一条|下一条|上一篇|下一篇)\s*[:：]|^扫一扫|二维码|^分享至|^用微信|^[×xX]$"
    r"|^附件下载|^附件\s*[:：]?\s*$|无障碍|长辈版|长者模式|关怀版|^欢迎访问|^账号\+密码登录"
    r"|^手机\+密码登录|^还没有账号|^立即注册|^文章播报$|^公开$|^(?:19|20)\d{2}年$"
    r"|^字体\s*[:：]?\s*[大中小\[\]【】\s]*$"
)
_BULLET = re.compile(r"^[•·●▪◆]\s*")
_TRAILING_BARS = re.compile(r"[\s|｜]+$")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")

_CN_NUM = "[一二三四五六七八九十]{1,3}"
_RUN_ON_SPLIT = re.compile(
    rf"\s+(?=(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)]))"  # before 一、 / （一）
    r"|(?<=[。！!？?；;：:”])\s+(?=\S)"  # after a sentence end or a colon
    r"|\s+(?=[^\s，,。:：]{2,24}(?:代表|委员)们?\s*[:：])"  # before a salutation
)
_TITLE_END_SPACE = re.compile(r"(?<=答复|复函|意见|的函)\s+")
_HEADING_THEN_TEXT = re.compile(rf"^({_CN_NUM}、[^\s。，,：:；;]{{2,30}})\s+(?=\S)")
_RUN_ON_MIN = 100
"""A line this long with paragraph breaks flattened into spaces is split back (seed 002)."""


@dataclass
class PageMeta:
    """What a page's metadata table and furniture said, kept before they are removed."""

    fields: dict[str, str] = field(default_factory=dict)
    """First value seen for each label (`发布机构`, `来源`, `名称`, `文号`, …)."""

    def get(self, *labels: str) -> str | None:
        for label in labels:
            value = self.fields.get(label)
            if value:
                return value
        return None


def _record_meta(line: str, meta: PageMeta) -> None:
    for match in _META_PAIR.finditer(line):
        label = re.sub(r"\s", "", match.group("label"))
        value = squeeze_spaces(match.group("value")).strip(" |｜")
        if value and label not in meta.fields:
            meta.fields[label] = value


def is_furniture(line: str) -> bool:
    """True for navigation crumbs, page furniture and metadata-table lines."""
    if len(line) > 120:
        return False
    return bool(_FURNITURE.search(line) or _META_LINE.match(line) or _BULLET.match(line))


def split_run_on(line: str) -> list[str]:
    """Split a whole document flattened onto one line back into paragraphs.

    Breaks at spaces before ordinals (`一、`, `（一）`), after sentence ends and colons, before a
    salutation (`沈斌代表:`), after a title ending (`…的答复意见 `) near the start, after a short
    `一、` heading, and before a trailing signature date.
    """
    if len(line) < _RUN_ON_MIN or line.count(" ") + line.count("\u3000") < 3:
        return [line]
    head = line[:160]
    title_end = _TITLE_END_SPACE.search(head)
    if title_end:
        line = line[: title_end.start()] + "\n" + line[title_end.end() :]
    pieces: list[str] = []
    for piece in _RUN_ON_SPLIT.split(line):
        for sub in piece.split("\n"):
            sub = sub.strip()
            if not sub:
                continue
            heading = _HEADING_THEN_TEXT.match(sub)
            if heading:
                pieces.append(heading.group(1))
                sub = sub[heading.end() :]
            pieces.extend(_split_trailing_date(sub))
    return pieces


def _split_trailing_date(line: str) -> list[str]:
    """`海宁市科学技术局 2024年5月22日` → unit line and date line (a signature on one line)."""
    match = TRAILING_DATE.search(line)
    if not match or match.start() == 0:
        return [line]
    head = line[: match.start()]
    if not head[-1:].isspace():
        return [line]
    head = head.strip()
    if len(head) > 40 or re.search(r"[。，,；;：:！!]", head):
        return [line]
    return [head, line[match.start() :].strip()]


@dataclass
class CleanDocument:
    """Clean paragraphs (one per entry, no blanks) and what the page metadata said."""

    lines: list[str]
    meta: PageMeta


def clean_document(text: str) -> CleanDocument:
    """Strip noise from `text` and return its paragraphs plus the page metadata."""
    meta = PageMeta()
    lines: list[str] = []
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for raw in text.split("\n"):
        line = _TRAILING_BARS.sub("", raw).strip(" \t\u3000\u00a0")
        if not line:
            continue
        if is_furniture(line):
            _record_meta(_BULLET.sub("", line), meta)
            continue
        for piece in split_run_on(line):
            lines.extend(_split_trailing_date(piece) if len(piece) <= 60 else [piece])
    return CleanDocument(lines=lines, meta=meta)


def clean_text(text: str) -> str:
    """The noise-stripping step: clean paragraphs of `text`, one per line (see module doc)."""
    return "\n".join(clean_document(text).lines)


def collapse_spaces(text: str) -> str:
    """Runs of spaces (ASCII, ideographic, NBSP) become one space; ends are trimmed."""
    return _SPACES.sub(" ", text).strip()
