"""Noise removal: from a page or file as saved to clean paragraphs, one per line.

Web copies of replies carry navigation crumbs, page furniture (`发布日期`, `浏览次数`,
`【打印本页】【关闭窗口】`, trailing `|`), disclosure-metadata tables (`索引号`, `发布机构`, …)
and sometimes the whole document flattened onto one line. `clean_document` strips all of it and
keeps what the metadata says (publishing unit, document title) in `PageMeta`, because a reply
without a signature may name its unit only there. A text saved with its HTML tags is read as
the page; table cells laid out one a line are paired and hard-wrapped (PDF-like) paragraphs
rejoined (reflow.py), so each line is a paragraph before any role is decided. Offsets are
characters.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from replydraft.files.html import markup_to_text
from replydraft.parsing.dates import TRAILING_DATE
from replydraft.parsing.mirror import clean_mirror
from replydraft.parsing.reflow import pair_label_cells, rejoin_wraps
from replydraft.parsing.repeats import drop_repeated_runs
from replydraft.parsing.spacing import close_label_spacing, close_letter_spacing
from replydraft.parsing.unglue import unglue_page
from replydraft.text.normalize import squeeze_spaces

_LABELS = (
    "索引号|发布机构|组配分类|主题分类|名称|文\\s?号|生成日期|发布日期|生效日期|废止日期|所属主题|"
    "发布时间|信息来源|文章来源|来源|浏览次数|点击数|点击量|访问量|阅读次数|字体|字号|文字大小|背景色|作者|"
    "日期|时间|公开方式|公开时限|公开范围|有效性|成文日期|体裁分类|关键词|信息分类|内容分类|"
    "所属机构|发文机关|发文机构|统一编号|公开形式|公开日期|责任部门|分类|编辑|责任编辑|"
    "主办单位|承办单位|答复单位|答复时间|答复日期|复文标题|办结时间|办结日期|更新时间|公开目录|"
    "浏览量|发布人|来源于|会议届次|交办日期|反馈时间|办理单位|办理时间|办理日期"
)
_LABELS = "|".join(
    r"\s*".join(label) if re.fullmatch(r"[\u4e00-\u9fff]+", label) else label
    for label in _LABELS.split("|")
)
"""Each label also matches spaced out (`名 称：`, `内  容：`), as typeset tables print them."""
_META_LINE = re.compile(rf"^[•·●▪◆\s]*(?:{_LABELS})\s*[:：]")
_META_PAIR = re.compile(
    rf"(?P<label>{_LABELS})\s*[:：]\s*[|｜]?\s*(?P<value>.*?)(?=\s*[|｜]?\s*(?:{_LABELS})\s*[:：]|[|｜]|$)"
)
_FURNITURE = re.compile(
    r"^(?:当前位置|您现在所在的位置|您当前所在位置|您的位置|当前所在位置|所在位置|您现在的位置)"
    r"|^首页\s*[/>》»]|^>|[>»]\s*正文\s*$|首页\s*>"
    r"|打印本页|关闭窗口|^【(?:责任编辑|收藏|打印|关闭)|^(?:关闭|打印|返回顶部|收藏|分享|返回)$"
    r"|^(?:上一条|下一条|上一篇|下一篇)\s*[:：]|^扫一扫|二维码|^分享(?:至|到)|^用微信|^[×xX]$"
    r"|^附件下载|^附件\s*[:：]?\s*$|无障碍|长辈版|长者模式|关怀版|^欢迎访问|^账号\+密码登录"
    r"|^手机\+密码登录|^还没有账号|^立即注册|^文章播报$|^公开$|^(?:19|20)\d{2}年$"
    r"|^字体\s*[:：]?\s*[大中小\[\]【】\s]*$"
    r"|^[-—–－\s]*\d{1,3}[-—–－\s]*$|^第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$"  # page numbers
    r"|ICP|公网安备|网站标识码|版权所有|技术支持|[Cc]opyright|©|<!--|-->|分辨率|浏览器"
    r"|^(?:网站地图|相关信息|相关链接|相关文章|相关阅读|友情链接|联系我们|关于我们|个人中心|今天是"
    r"|登录|注册|登录\s*[|｜]\s*注册|没有了|返回首页|网站首页|打印|关闭本页|收藏本页|【字体)\s*[:：]?\s*$"
    r"|^(?:主办|承办|协办|举报|投稿|通信地址|通讯地址|网站声明|隐私声明)\s*[:：].{0,120}"
    r"(?:网|邮箱|电话|备|地址|政府|办公室)"
)
_FOOTER = re.compile(r"ICP|公网安备|网站标识码|版权所有|技术支持|[Cc]opyright|©|邮箱|举报")
"""Site footers: their `主办：…` labels name the site's host, not the reply's unit."""
_BULLET = re.compile(r"^[•·●▪◆]\s*")
_TRAILING_BARS = re.compile(r"[\s|｜]+$")
_LEADING_BARS = re.compile(r"^[\s|｜]+")

_CN_NUM = "[一二三四五六七八九十]{1,3}"
_GAP = re.compile(r"[ \t\u3000\u00a0]+")
_UNIT_END = r"(?:局|委员会|委|办公室|政府|街道|镇|乡|中心|院|厅|部|处|公司|队|站|管委会|分局)"
_CUT_BEFORE = re.compile(
    rf"^(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)])"  # 一、 / （一）
    r"|^(?:尊敬的)?[^\s，,。:：]{2,24}(?:代表|委员|委員)(?:们|們)?\s*(?:[:：]|\s(?:提出|您|你))"  # a salutation
    r"|^尊敬的"
    r"|^(?:分管领导|分管负责人|责任领导|承办负责人|承办人|联系人|联系电话|联系单位|签发人|经办人|主题词)"
    r"(?:及(?:联系)?电话)?\s*[:：]|^(?:报|送|抄送|抄报)\s*[:：]"
    rf"|^(?:{_LABELS})\s*[:：]"  # a metadata label
    r"|^[^\s。，,]{0,24}?(?:关于|对)[^。，,:：]{2,60}?(?:答\s?复|复函|协办意见|的函|答复意见)(?:\s|$)"  # a title
    r"|^(?:【打印|【关闭|当前位置|您现在所在的位置|您当前所在位置|首页\s*[>/]|[•·●])"
)
_UNIT_GLUED = re.compile(rf"^[^\s，,。:：；;0-9]{{2,40}}?{_UNIT_END}$")
"""`慈溪市科学技术局2022年6月22日`: a unit name glued to the signature date."""
_UNIT_AHEAD = re.compile(rf"^[^\s，,。:：；;]{{2,40}}?{_UNIT_END}(?:\s|$)")
_PRINTED_AHEAD = re.compile(r"^\S{0,16}印发")
_SENTENCE_END = "。！!？?；;”"
_LABEL_BEFORE_COLON = re.compile(
    rf"(?:{_LABELS}|分管领导|负责人|责任领导|承办人|联系人|联系电话|签发人|经办人|电话)\s*[:：]$"
)
_TITLE_ENDING = re.compile(r"(?:答\s?复|复函|答复意见|协办意见|的函)$")
_ADDRESSED = re.compile(r"(?:代表|委员|委員)(?:们|們)?$")
_ACK_START = re.compile(r"^(?:提出|您|你)")
_DATE_AHEAD = re.compile(
    r"^(?:(?:19|20)\d{2}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?|[〇○零一二三四五六七八九]{4}年"
    r"|(?:19|20)\d{5,6}$)"
)
_DATE_BEHIND = re.compile(r"(?:\d{1,2}\s*日|[一二三四五六七八九十]{1,3}日)$")
_TAIL = 80
"""Dates split a run-on line only near its end, where the signature is."""
_HEADING_THEN_TEXT = re.compile(rf"^({_CN_NUM}、[^\s。，,：:；;]{{2,30}})\s+(?=\S)")
_RUN_ON_MIN = 100
"""A line this long with paragraph breaks flattened into spaces is split back (seed 002)."""


_MARKUP = re.compile(
    r"</?(?:p|br|div|span|td|tr|table|li|ul|h[1-6]|font|strong|b|body|html)\b[^<>]{0,300}>", re.I
)
_MARKUP_LOOK = 20000
_MARKUP_MIN = 2
"""A text holding this many HTML tags (in its first characters) is a page saved with its markup."""
_DATE_THEN_CONTACT = re.compile(
    r"^(?P<date>(?:(?:19|20)\d{2}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?|"
    r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日))"
    r"\s*(?P<rest>[（(]?\s*(?:联系人|联系电话|承办人|经办人|电话)\s*[:：].*)$"
)
"""`二〇二五年六月三日（联系人：…，电话：…）`: the signature date with the contact on its line."""


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
    if _FOOTER.search(line):
        return
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


def _cut_here(before: str, after: str, remaining: int) -> bool:
    """Whether a space between `before` and `after` was a paragraph break in a run-on line.

    `before`/`after` are short windows around the space; `remaining` is how much text follows.
    """
    if not before or not after:
        return False
    last = before[-1]
    if _CUT_BEFORE.match(after):
        return True
    if last in _SENTENCE_END and (last != "”" or before[-2:-1] in _SENTENCE_END):
        return True  # a closing quote ends a sentence only after 。！？
    if last in "：:":
        if before[-2:-1].isdigit() and after[:1].isdigit():
            return False  # a time, `11: 03`
        return not _LABEL_BEFORE_COLON.search(before)
    if _TITLE_ENDING.search(before) or (_ADDRESSED.search(before) and _ACK_START.match(after)):
        return True
    if before.endswith("如下"):
        return True  # a hand-over without its colon
    if remaining <= _TAIL and not _PRINTED_AHEAD.match(after):
        return bool(
            _DATE_AHEAD.match(after) or _DATE_BEHIND.search(before) or _UNIT_AHEAD.match(after)
        )
    return False


_WINDOW = 120
"""Characters either side of a space that `_cut_here` looks at (keeps splitting linear)."""


def split_run_on(line: str) -> list[str]:
    """Split a whole document flattened onto one line back into paragraphs.

    A space is a paragraph break before an ordinal (`一、`, `（一）`), a salutation, a contacts or
    metadata label, a title or page furniture; after a sentence end, a colon (not a label's),
    a title ending or a salutation without colon; around a signature date near the end. A
    short `一、` heading is cut from the text that follows it.
    """
    if len(line) < _RUN_ON_MIN or len(_GAP.findall(line)) < 3:
        return [line]
    pieces: list[str] = []
    start = 0
    for gap in _GAP.finditer(line):
        before = line[max(start, gap.start() - _WINDOW) : gap.start()]
        after = line[gap.end() : gap.end() + _WINDOW]
        if _cut_here(before, after, len(line) - gap.end()):
            pieces.append(line[start : gap.start()])
            start = gap.end()
    pieces.append(line[start:])
    out: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        heading = _HEADING_THEN_TEXT.match(piece)
        if heading:
            out.append(heading.group(1))
            piece = piece[heading.end() :]
        if piece:
            out.append(piece)
    return out


def _split_trailing_date(line: str) -> list[str]:
    """`海宁市科学技术局 2024年5月22日` → unit line and date line (a signature on one line);
    `2025年6月3日（联系人：…）` → date line and contact line."""
    contact = _DATE_THEN_CONTACT.match(line)
    if contact:
        return [contact.group("date"), contact.group("rest")]
    match = TRAILING_DATE.search(line)
    if not match or match.start() == 0:
        return [line]
    head = line[: match.start()]
    if not head[-1:].isspace() and not _UNIT_GLUED.search(head):
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
    if len(_MARKUP.findall(text, 0, _MARKUP_LOOK)) >= _MARKUP_MIN:
        text = markup_to_text(text)  # a page saved as text with its tags
    elif "&" in text:
        text = html.unescape(text)
    text = clean_mirror(text)
    stripped = (
        close_label_spacing(
            _LEADING_BARS.sub("", _TRAILING_BARS.sub("", close_letter_spacing(raw))).strip(
                " \t\u3000\u00a0"
            )
        )
        for raw in text.split("\n")
    )
    unglued = (piece for line in stripped if line for piece in unglue_page(line))
    for line in pair_label_cells(list(unglued)):
        if is_furniture(line):
            _record_meta(_BULLET.sub("", line), meta)
            continue
        pieces = split_run_on(line)
        for piece in pieces:
            if len(pieces) > 1 and is_furniture(piece):
                _record_meta(_BULLET.sub("", piece), meta)
                continue
            lines.extend(_split_trailing_date(piece) if len(piece) <= 60 else [piece])
    return CleanDocument(lines=drop_repeated_runs(rejoin_wraps(lines)), meta=meta)


def clean_text(text: str) -> str:
    """The noise-stripping step: clean paragraphs of `text`, one per line (see module doc)."""
    return "\n".join(clean_document(text).lines)
