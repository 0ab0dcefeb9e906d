"""Public-record pages: a suggestion and its reply laid out as labelled fields.

Units publish handling records as tables: `建议标题：…`, `建议内容（摘要）：…`, `承办单位：…`,
`督办领导：…`, `办理复文（摘要）：《…的答复》（…〔2020〕18号）…`, `办结时间：…`, `办理结果：B类`.
The reply is the value of the reply label (and the lines after it up to the next label); the
suggestion's own text is the value of the content label, which is the proposal text, never the
reply's body. `restructure` turns such a page into the order a reply is read in: the record's
label lines (a header), the reply's title, then the reply's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replydraft.parsing.markers import TITLE_END

_SUMMARY = r"\s*(?:[（(]\s*摘\s*要\s*[）)])?\s*[:：]\s*[|｜]?\s*"
_PROPOSAL_CONTENT = re.compile(
    rf"^(?:建\s*议|提\s*案|议\s*案|问\s*题|建议提案)?\s*内\s*容{_SUMMARY}"
)
_REPLY_CONTENT = re.compile(
    rf"^(?:办理复文|答复内容|问题答复|复文内容|办理答复|答复情况|答复正文|答复全文|复文全文|复文){_SUMMARY}"
)
_RECORD_LABEL = re.compile(
    r"^(?:建议标题|提案标题|议案标题|建议提案标题|标\s*题|建议号|提案号|建议编号|提案编号|建议提案编号|"
    r"提案人|建议人|代表提案者|领衔代表|领衔人|承办单位|主办单位|协办单位|办理单位|答复单位|督办领导|"
    r"责任领导|责任人|答复类别|答复类型|"
    r"政府督办领导|协商方式|办结时间|办结日期|办理结果|办理情况|人大代表对办理情况|代表对办理情况|"
    r"委员对办理情况|满意度|交办日期|反馈时间|会议届次|复文标题|类\s*别)\s*[:：]"
)
_RECORD_MIN = 2
"""Labelled lines a page must have to be read as a record (one label alone is ordinary text)."""
_QUOTED_REPLY_TITLE = re.compile(
    r"^《(?P<title>[^《》]{6,120}?(?:答复|复函|意见|的函))》?"
    r"|^(?P<bare>[^《》。，,；;]{6,120}?(?:答复|复函|意见|的函))》"
)
"""The reply's title in the reply field, quoted; a copy may have lost the opening 《."""
_DOC_NUMBER_LEAD = re.compile(
    r"^\s*[\u4e00-\u9fff]{1,10}[〔\[【［]\s*(?:19|20)\d{2}\s*[〕\]】］]\s*\d+\s*[号號]"
)
"""`泸水函〔2024〕54号复文如下：`: the reply field opens with the document number, no title."""
_DAMAGED_DOC_NUMBER = re.compile(
    r"^\s*[(（]\s*[\u4e00-\u9fff]{1,10}\s*[〔\[【［]\s*(?:19|20)\d{2}[〕\]】］]?\d{0,4}\s*[号號]?\s*[)）]?"
)
"""`（泸交函〔202011既庶…`: a document number cut short in the copy; not part of the reply text."""
_HANDED_OVER = re.compile(r"^\s*(?:复文|答复|现答复|现复文)?如下\s*[:：]\s*")
_DOC_NUMBER_AHEAD = re.compile(
    r"^\s*[(（]\s*[\u4e00-\u9fff]{1,10}\s*[〔\[【［(（]\s*(?:19|20)\d{2}\s*[〕\]】］)）]\s*\d+\s*[号號]\s*[)）]"
)


_TITLE_LABEL = re.compile(
    r"^(?:建议标题|提案标题|议案标题|建议提案标题|标\s*题)\s*[:：]\s*[|｜]?\s*(?P<title>\S.{3,100}?)\s*[|｜]?\s*$"
)


def labelled_title(lines: list[str]) -> str | None:
    """The proposal title a record states on its own line (`建议标题：《关于…的建议》`), without
    its 《》: the record's label names it, so it wins over any quotation in the reply. A label
    naming the reply's own title (`标题：关于…建议的答复`, a page's metadata) is no proposal title."""
    for line in lines:
        match = _TITLE_LABEL.match(line)
        if match and not TITLE_END.search(match.group("title")):
            title = match.group("title").strip()
            if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
                title = title[1:-1].strip()
            return title or None
    return None


@dataclass
class Restructured:
    """The lines in reading order, and the suggestion's own text if the page held it."""

    lines: list[str]
    proposal_text: str | None = None
    reply_field: bool = False
    """The page is a record whose reply field held text: it is a reply, titled or not."""
    header_count: int = 0
    """How many of `lines` are the record's label lines (a header, never the reply's body)."""


def is_record_label(line: str) -> bool:
    """A record page's labelled field (`建议标题：…`, `办理复文：…`): a line of its own."""
    return _label(line) is not None


def _label(line: str) -> str | None:
    if _REPLY_CONTENT.match(line):
        return "reply"
    if _PROPOSAL_CONTENT.match(line):
        return "proposal"
    if _RECORD_LABEL.match(line):
        return "field"
    return None


def _reply_lines(value: str, header: list[str]) -> list[str]:
    """`《…的答复》（…〔2020〕18号）正文…` → title and text; the document number joins the header."""
    out: list[str] = []
    title = _QUOTED_REPLY_TITLE.match(value)
    if title:
        out.append(title.group("title") or title.group("bare"))
        value = value[title.end() :]
        number = _DOC_NUMBER_AHEAD.match(value)
        if number:
            header.append(number.group(0).strip(" （()）"))
            value = value[number.end() :]
        else:
            damaged = _DAMAGED_DOC_NUMBER.match(value)
            value = value[damaged.end() :] if damaged else value
    else:
        number = _DOC_NUMBER_LEAD.match(value)
        if number:
            header.append(number.group(0).strip())
            value = value[number.end() :]
            handed = _HANDED_OVER.match(value)
            value = value[handed.end() :] if handed else value
    value = value.strip()
    if value:
        out.append(value)
    return out


def _after_label(label: re.Pattern[str], line: str) -> str:
    """The value after a content label at the start of `line` (all of it if none)."""
    match = label.match(line)
    return line[match.end() :] if match else line


def restructure(lines: list[str]) -> Restructured:
    """Reorder a record page (see module doc); other pages are returned unchanged."""
    kinds = [_label(line) for line in lines]
    if sum(1 for kind in kinds if kind) < _RECORD_MIN or not any(
        kind in ("reply", "proposal") for kind in kinds
    ):
        return Restructured(lines)
    header: list[str] = []
    reply: list[str] = []
    proposal: list[str] = []
    current: list[str] | None = None
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "reply":
            reply.extend(_reply_lines(_after_label(_REPLY_CONTENT, line), header))
            current = reply
        elif kind == "proposal":
            value = _after_label(_PROPOSAL_CONTENT, line).strip()
            if value:
                proposal.append(value)
            current = proposal
        elif kind == "field":
            header.append(line)
            current = None
        elif current is not None:
            current.append(line)
        else:
            reply.append(line) if reply else header.append(line)
    if not reply:
        # the reply follows the record as an ordinary letter (`办理情况` then title, salutation…)
        return Restructured([*header], "\n".join(proposal) or None)
    return Restructured(
        [*header, *reply], "\n".join(proposal) or None, reply_field=True, header_count=len(header)
    )
