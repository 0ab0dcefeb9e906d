"""The numbered demands of a proposal's text: what the deputy or member asks the unit to do.

Deputies' main complaint about replies is that they answer nothing specific, so a skeleton
answers each demand with its own next-step item. A proposal usually states the situation, the
problems, then its asks (`三、几点建议` / `建议如下：`) numbered `一是…`, `1.…` or `（一）…`; the
demands are the items of the shallowest level that counts 1, 2, 3… in that asking section
(or in the whole text when there is none). Offsets are characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replydraft.text.ordinals import INLINE, LEVELS, cn_to_int, match_ordinal

_ASK_HEADING = re.compile(r"建议|对策|举措|措施|意见|办法|思考|几点")
_BOUNDARY = r"(?:(?<=[。；;：:！!？?])|^)[ \t\u3000]*"
_CN = "[一二三四五六七八九十]{1,3}"
_EMBEDDED = {
    "cn_paren": re.compile(rf"{_BOUNDARY}[（(](?P<n>{_CN})[）)][、．.]?"),
    "arabic": re.compile(rf"{_BOUNDARY}(?P<n>[0-9０-９]{{1,2}})(?:[、．]|\.(?![0-9]))"),
    "arabic_paren": re.compile(rf"{_BOUNDARY}[（(](?P<n>[0-9０-９]{{1,2}})[）)][、．.]?"),
    INLINE: re.compile(
        rf"(?:(?<=[。；;：:！!？?，,])|^)[ \t\u3000]*(?P<n>{_CN})是(?=[\u4e00-\u9fff“\"（(，,：:])"
    ),
}
_END_PUNCT = "。；;！!？?：:，,、"
MAX_DEMAND_CHARS = 300
"""A demand longer than this is cut (the first sentences carry the ask)."""


@dataclass(frozen=True)
class _Hit:
    """An ordinal found in the asking section: where it is and what it counts."""

    start: int
    end: int
    value: int


def _value(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(text) if text.isdigit() else cn_to_int(text)


def _join(lines: list[str]) -> str:
    """Lines into one text, a `。` added where a line ends without punctuation."""
    out: list[str] = []
    for line in lines:
        if out and out[-1][-1] not in _END_PUNCT:
            out[-1] += "。"
        out.append(line)
    return "\n".join(out)


def _asking_section(lines: list[str]) -> list[str]:
    """The lines after the last heading that introduces the asks, up to its next sibling."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        ordinal = match_ordinal(line)
        is_heading = (ordinal is not None and ordinal.level in LEVELS) or (
            len(line) <= 15 and not re.search(r"[，,。；;]", line)
        )
        proposal_title = line.startswith("关于") and line.rstrip("：:").endswith(
            ("建议", "提案", "议案")
        )
        if proposal_title or not _ASK_HEADING.search(line[:24]):
            continue
        if is_heading or line.endswith(("：", ":")):
            section = lines[index + 1 :]
            if ordinal is not None and ordinal.level in LEVELS:
                for offset, later in enumerate(section):
                    other = match_ordinal(later)
                    if other is not None and other.level in LEVELS and other.depth <= ordinal.depth:
                        section = section[:offset]
                        break
            if section:
                return section
    return lines


def _hits(text: str, level: str) -> list[_Hit]:
    """Ordinals of `level` at line starts or after a sentence boundary, in order."""
    found = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, base = line_match.group(0), line_match.start()
        leading = match_ordinal(line)
        if level == "cn_comma":
            if leading is not None and leading.level == level:
                found.append(_Hit(base, base + len(leading.raw), leading.value))
            continue
        for match in _EMBEDDED[level].finditer(line):
            value = _value(match.group("n"))
            if value:
                found.append(_Hit(base + match.start(), base + match.end(), value))
    return found


def _run(hits: list[_Hit]) -> list[_Hit]:
    """The ordinals that count 1, 2, 3… in order (stray ones skipped)."""
    run: list[_Hit] = []
    for hit in hits:
        if hit.value == len(run) + 1:
            run.append(hit)
    return run


def _clean(item: str) -> str:
    item = "".join(part.strip() for part in item.split("\n") if part.strip())
    item = item.strip().rstrip("。；;，,、 ")
    if len(item) > MAX_DEMAND_CHARS:
        item = item[:MAX_DEMAND_CHARS].rstrip() + "…"
    return item


def extract_demands(proposal_text: str) -> list[str]:
    """The proposal's demands, in order, each without its ordinal; [] when none are numbered."""
    lines = [line.strip() for line in proposal_text.replace("\r", "\n").split("\n") if line.strip()]
    text = _join(_asking_section(lines))
    for level in (*LEVELS, INLINE):
        run = _run(_hits(text, level))
        if len(run) < 2:
            continue
        demands = []
        for hit, following in zip(run, [*run[1:], None], strict=True):
            end = following.start if following else text.find("\n", hit.end)
            demands.append(_clean(text[hit.end : end if end >= 0 else len(text)]))
        return [demand for demand in demands if demand]
    return []


def demand_summary(demand: str, limit: int = 30) -> str:
    """The first clause of a demand, for headings and placeholders."""
    head = re.split(r"[。；;！!？?：:]", demand, maxsplit=1)[0]
    return head if len(head) <= limit else head[:limit] + "…"
