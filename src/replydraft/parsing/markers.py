"""Line markers: what makes a paragraph a title, salutation, acknowledgement, closing or signature.

Every pattern accepts full- and half-width punctuation (web copies use `,:()`), and the common
traditional forms (`感謝`, `建議`) that mirrors produce. All regexes are compiled once here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from replydraft.parsing.dates import date_only
from replydraft.text.ordinals import Ordinal, match_ordinal

KIND_WORDS = "建议|提案|议案|建議|議案"


@lru_cache(maxsize=4096)
def leading_ordinal(text: str) -> Ordinal | None:
    """`numbering.match_ordinal`, memoised: segmentation and measures ask about each paragraph."""
    return match_ordinal(text)


TITLE_END = re.compile(
    r"(?:答\s*复|答\s*復|答\s*覆|回\s*复|复\s*函|复\s*文|協辦意見|协办意见|会办意见|意见的函|意見的函|的函|"
    r"协办单位意见|参办意见|协办情况说明|"
    r"办理情况|辦理情況|答复书)(?:意见|函|意見|书)?\s*(?:[（(][^）)]{1,12}[）)])?\s*$"
)
_TITLE_HINT = re.compile(
    rf"{KIND_WORDS}|会议|會議|第\s*(?:\d+|[〇○零一二三四五六七八九十百]+)\s*号|^关于|^對|^对|^《"
)
_TITLE_START = re.compile(r"^(?:关于|對|对|\S{2,24}?关于|\S{2,24}?对)")
_SENTENCE_PUNCT = re.compile(r"[。，,；;！!？?：:]")

_AND_OTHERS = (
    r"(?:们|們|组|組|\s*等(?:\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:名|位|人))?)?"
    r"(?:\s*[（(][\u4e00-\u9fff]{1,8}[）)])?"
)
"""`代表们`, `代表等`, `委员等3人`: a group marker may follow the title; so may a note in
brackets (`王强代表（领衔）：`, `李华委员（民盟）：`)."""
SAL_PERSON = re.compile(
    r"^(?:致\s*[:：]?\s*)?(?:尊敬的|尊敬)?\s*(?P<names>[^\s:：，,。；;！!“”\"《》]{2,40}?)\s*(?P<title>代表|委员|委員|同志|先生|女士)"
    rf"{_AND_OTHERS}\s*(?:[:：，,]\s*)?(?:(?:您|你)好\s*[!！。，,:：]?)?$"
)
GLUED_SALUTATION = re.compile(
    rf"^((?:尊敬的)?[^\s:：，,。；;！!“”\"《》]{{2,30}}?(?:代表|委员|委員){_AND_OTHERS}\s*[:：]"
    r"(?:\s*您好[!！。，,]?)?)\s*(?=\S{6})"
)
_INNER_SPACE = re.compile(r"(?<=[\u3400-\u9fff])[ \t\u3000]+(?=[\u3400-\u9fff])")


def close_spaces(line: str) -> str:
    """`王  刚代表：` → `王刚代表：` (names padded with spaces in typeset documents)."""
    return _INNER_SPACE.sub("", line)


_GLUED_UNIT = re.compile(
    r"^(?P<unit>[^\s:：，,。；;！!“”\"《》0-9]{2,20})\s*[:：]\s*(?=\S.{0,80}?(?:收悉|提出))"
)
SAL_UNIT = re.compile(r"^(?P<unit>[^\s:：，,。；;！!“”\"《》0-9]{2,30}?)\s*(?P<colon>[:：])?$")
UNIT_SUFFIX = re.compile(
    r"(?:局|委员会|委員會|委|办公室|辦公室|办|辦|政府|街道|镇|鎮|乡|鄉|中心|院|所|厅|廳|部|处|處|公司|队|隊|"
    r"站|馆|館|会|會|室|集团|银行|社|党委|管委会|分局|支队|大队|学校|大学|中学|小学|妇联|残联|科协|"
    r"工商联|侨联|文联|厂|署|校|支行|分行|幼儿园|电视台|电台|气象台|林场|农场|牧场|渔场|茶场|海关|监狱)"
    r"\s*(?:[（(][^（()）]{1,20}[）)])?$"
)
_NOT_UNIT_SALUTATION = re.compile(
    r"^(?:您|你|现|特此|联系|签发|类|承办|分管|责任|报|送|抄送|主题词|附件|办理|提案人|建议号|交办|反馈|"
    r"各位|尊敬|亲爱|备注|说明|内容|标题|名称)"
)
ACK = re.compile(r"收悉|提出|如下|转由|交由|转交|交办|已交|^(?:您|你|你们|您们|你們)")
HANDOVER = re.compile(r"(?:答复|答復|反馈|复函|函复|回复|説明|说明|报告)?如下\s*[:：]?")
THANKS_START = re.compile(r"^(?:首先\s*[,，]?\s*)?(?:衷心|非常|十分|诚挚|真诚|特别)?(?:感谢|感謝)")
HANDLING_START = re.compile(
    r"^(?:我局|我们|我委|我办|我单位|我镇|我部门)?(?:高度重视|对此高度重视|经认真研究|接到)"
)

CLOSING = re.compile(
    r"^(?:最后|再次|衷心感谢|感谢|感謝|非常感谢|十分感谢|诚挚感谢|真诚|希望|欢迎|以上答复|以上函复|以上意见|"
    r"以上回复|以上办理|以上复函|特此|此复|此函|专此|如有|对以上|若对|如对|请转达|顺致|此致|敬礼|顺祝|祝您|祝你|"
    r"尊敬的|在此|恳请您|恳请你|恳请各位|"
    r"请(?:你|贵)(?:局|委|办|院|单位|部门|中心|厅|们)[^。！!]{0,30}(?:考虑|参考|参阅|采纳|答复))"
)
_CLOSING_ANYWHERE = re.compile(
    r"感谢|感謝|谢意|謝意|多提宝贵|多提寶貴|不妥之处|批评指正|请予批评|征询意见表|一如既往"
)
COMPLIMENT = re.compile(
    r"(?:建议|提案|意见|想法)[^。！!，,；;]{0,8}?(?:很|非常|十分|相当|极|具有|富有)有?"
    r"(?:好|实在|中肯|见地|及时|重要|必要|价值|针对性|建设性|切合实际|前瞻性|帮助|意义|启发)"
    r"|愿景良好"
)
"""Praise of the suggestion itself (`您的这一建议提的很好`): courtesy, not a measure."""
CONTACT_LABEL = re.compile(
    r"^[（(]?\s*(?:分管领导|分管負責人|分管负责人|责任领导|主管领导|主要领导|主要负责人|签发人|簽發人|签发领导|承办负责人|承办人|承办单位|"
    r"经办人|联系人|聯系人|联系电话|聯系電話|联系单位|联系方式|电话|電話|主题词|校对|印发|共印)"
    r"|^(?:抄送|抄报|报|送|承办科室|承办处室|承办股室|承办部门|经办科室|手机|传真|邮编|通讯地址|地址|"
    r"电子邮箱|邮箱|局长|副局长|主任|副主任|负责人|审核人|审核|核稿|签发)\s*[:：]"
)
_PRINTED = re.compile(r"印发\s*$|共印\s*\d+\s*份")
STAMP = re.compile(
    r"^[（(【\[]?\s*(?:[\u4e00-\u9fff]{0,4}类\s*[别型]|办理结果|答复结果|公开属性|公开方式|公开类型|"
    r"公开选项|信息公开(?:属性|选项)?|是否(?:同意)?公开)\s*[:：]"
    r"|^[（(【\[]\s*[ABCD]\s*类\s*(?:答复|办复|件)?\s*[）)】\]]$"
    r"|^[（(]\s*此件\S{0,12}[）)]$"
    r"|^[（(【\[]?\s*(?:印章|盖章|公章|签章|代章|单位印章|单位盖章|此页无正文)\s*[）)】\]]?$"
)
"""A stamp line: the answer category or disclosure attribute, which sits in the header or among
the signature lines (`类别:B`, `办理结果类别：A类`, `公开属性：主动公开`, `（A类）`), or the seal's
place (`（印章）`, `（此页无正文）`)."""


def is_title_line(line: str) -> bool:
    """A complete title: ends like `…的答复` and names a session, number, kind or quoted title."""
    return len(line) <= 120 and bool(TITLE_END.search(line)) and bool(_TITLE_HINT.search(line))


def is_title_end(line: str) -> bool:
    """The second half of a split title (`第107号建议的答复`, or just `答 复`)."""
    return len(line) <= 80 and bool(TITLE_END.search(line)) and not _SENTENCE_PUNCT.search(line)


def is_title_continuation(line: str) -> bool:
    """A middle piece of a title split over three lines: short, no sentence punctuation."""
    return len(line) <= 40 and not _SENTENCE_PUNCT.search(line)


def is_title_start(line: str) -> bool:
    """The first half of a title split over lines (`对市十八届人大一次会议`)."""
    return (
        len(line) <= 60
        and bool(_TITLE_START.match(line))
        and not _SENTENCE_PUNCT.search(line)
        and not TITLE_END.search(line)
    )


def is_salutation(line: str, next_line: str | None) -> bool:
    """`杜国强代表：`, `尊敬的…委员`, `X、Y等5名代表`, or a lead unit `市经信局：` before an acknowledgement."""
    if len(line) > 60:
        return False
    line = close_spaces(line)
    if SAL_PERSON.match(line):
        return not line.startswith(("您", "你")) and "提出" not in line
    match = SAL_UNIT.match(line)
    if not match or _NOT_UNIT_SALUTATION.match(line):
        return False
    unit = match.group("unit")
    if not match.group("colon") and (len(unit) > 16 or is_title_line(line)):
        return False  # without its colon only a short unit name right before the opening
    return bool(UNIT_SUFFIX.search(unit)) and next_line is not None and bool(ACK.search(next_line))


def split_glued_salutation(line: str) -> list[str]:
    """`张三代表：您提出的…` → salutation and acknowledgement as two paragraphs."""
    match = GLUED_SALUTATION.match(line)
    if match:
        return [match.group(1), line[match.end() :]]
    unit = _GLUED_UNIT.match(line)
    if unit and UNIT_SUFFIX.search(unit.group("unit")) and not _NOT_UNIT_SALUTATION.match(line):
        return [line[: unit.end()].strip(), line[unit.end() :]]
    return [line]


def mask_placeholders(line: str) -> str:
    """Placeholders `【待填：…】` inside a line read as a neutral word, so markers still match."""
    if PLACEHOLDER_ONLY.match(line):
        return line
    return PLACEHOLDER.sub("某某", line)


def is_acknowledgement_like(line: str) -> bool:
    """The opening paragraph: mentions receipt (收悉), the proposal (提出) or the hand-over (如下)."""
    return bool(ACK.search(line))


_CLOSING_SUPPORT = re.compile(
    r"(?:关注|关心|理解)\s*(?:和|与|、|并)?\s*支持|支持\s*(?:和|与)\s*理解|谅解"
    r"|(?:研究|认真)(?:吸收|采纳|吸纳)[。！!]?$"  # `对您的建议，我们将认真研究吸收。`
)
_PROMISE_START = re.compile(r"^(?:下一步|下步|今后|同时|我局将|我们将|我委将|将)")
_SHORT_CLOSING = 60


def is_closing(line: str) -> bool:
    """`最后，再次感谢…`, `希望…多提宝贵意见`, `特此答复。`, `以上答复如有不妥…`; a short
    line asking for continued attention and support (`望继续关注和支持…`) or praising the
    suggestion, unless it promises work (`下一步，我局将…支持…`)."""
    if CLOSING.match(line):
        return True
    if len(line) <= 90 and _CLOSING_ANYWHERE.search(line):
        return True
    return (
        len(line) <= _SHORT_CLOSING
        and bool(_CLOSING_SUPPORT.search(line) or COMPLIMENT.search(line))
        and not _PROMISE_START.match(line)
    )


_SENTENCE_ENDS = re.compile(r"(?<=[。！!？?])")
_CONTENT_MIN = 10


def closing_tail_at(line: str) -> int:
    """Where the closing starts in a paragraph that opens with content and ends with the
    closing (`下步，我局将争取资金用于此段道路。希望你能理解并多提宝贵意见。` → the offset of
    `希望`); 0 when the paragraph is all closing or holds none."""
    if CLOSING.match(line):
        return 0
    at = 0
    for sentence in _SENTENCE_ENDS.split(line):
        if not sentence:
            continue
        if CLOSING.match(sentence.strip()) or _CLOSING_ANYWHERE.search(sentence):
            return at if at >= _CONTENT_MIN else 0
        at += len(sentence)
    return 0


def is_unit_line(line: str) -> bool:
    """A signing unit on its own line: short, no sentence punctuation, ends like a unit name."""
    return (
        2 <= len(line) <= 40
        and not _SENTENCE_PUNCT.search(line)
        and not TITLE_END.search(line)
        and bool(UNIT_SUFFIX.search(line))
    )


_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{4,30}")
_PLACE_IN_NAME = re.compile(r"[省市县縣区區州旗盟镇鎮乡鄉村]|^(?:中共|中国|國家|国家|国网|共青团)")
"""A unit's name starts from a place or a national body (`青山县…`, `国网…`, `中共…`)."""


def is_bare_name_line(line: str) -> bool:
    """A line that is only a name (Chinese characters naming a place, no punctuation, no
    ordinal): between the closing and the signature date it is the signing unit, whatever
    its suffix."""
    return (
        bool(_BARE_NAME.fullmatch(line))
        and bool(_PLACE_IN_NAME.search(line))
        and leading_ordinal(line) is None
        and not is_closing(line)
    )


PLACEHOLDER_ONLY = re.compile(r"^\s*【待填[:：][^】]*】\s*$")
PLACEHOLDER = re.compile(r"【待填[:：][^】]*】")


def is_signature_line(line: str) -> bool:
    """A line of the signature block: unit, date, contacts, a stamp (类别, 公开属性) or an
    old-style footer (主题词, 送, 印发)."""
    return (
        bool(PLACEHOLDER_ONLY.match(line))
        or date_only(line) is not None
        or bool(CONTACT_LABEL.match(line))
        or bool(_PRINTED.search(line))
        or bool(STAMP.match(line))
        or is_unit_line(line)
    )
