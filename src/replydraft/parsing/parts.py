"""Part segmentation: which role (PART_KINDS) each paragraph of a clean reply plays.

The reply is read in the order it is written (DOMAIN.md, "Anatomy of a reply"): header lines and
the title, the salutation, the opening (acknowledgement, thanks, handling up to `现答复如下：`),
the body (status, problems, next steps), then from the end backwards the signature block
(unit, date, contacts, old-style footer) and the closing sentences before it.
`segment_lines` is the contract the drafts helper uses to map edited text back to parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from replydraft.parsing.markers import (
    COMPLIMENT,
    HANDLING_START,
    HANDOVER,
    THANKS_START,
    is_acknowledgement_like,
    is_salutation,
    is_title_continuation,
    is_title_end,
    is_title_line,
    is_title_start,
    leading_ordinal,
    mask_placeholders,
)
from replydraft.parsing.tail import find_tail
from replydraft.text.ordinals import INLINE

_SALUTATION_WINDOW = 30
"""The salutation is looked for among the first lines only (after headers and titles)."""
_OPENING_MAX = 5

_NEXT_START = re.compile(r"^(?:下步|下一步|今后|接下来|下来|下阶段|未来|同时[，,]?下一步)")
_NEXT_NEAR_START = re.compile(
    r"(?:下一步|下步|今后|接下来|下阶段)[，,]?\s*(?:我们|我局|我市|我县|我区|我镇|我委|我办|将|市\S{0,6}局将)"
    r"|将(?:采取|做好|从|在)以下|以下几(?:个)?方面|我们将|我局将"
)
_NEXT_NEAR = 60
_PROBLEMS = re.compile(
    r"^(?:虽然|尽管|然而|但是)|正如.{0,12}(?:所说|所提|所言|指出|提到|所述)"
    r"|存在(?:着)?(?:一些|以下|不少|的)?(?:问题|困难|不足)"
)
_FUTURE = re.compile(r"我们将|我局将|下步|下一步|今后|以下几(?:个)?方面")

_HEAD_STATUS = re.compile(
    r"已|前期|现状|基本情况|取得|成效|开展情况|落实情况|办理情况|工作情况|有关情况|做法|进展|回顾"
)
_HEAD_NEXT = re.compile(r"下步|下一步|今后|下阶段|举措|计划|打算|努力方向|工作思路|措施|展望|建议")
_HEAD_PROBLEMS = re.compile(r"问题|困难|不足|短板|瓶颈")
_HEAD_MAX = 40


@dataclass
class Layout:
    """Where each region of a reply starts and ends, as indices into the input lines."""

    kinds: list[str]
    title_lines: list[int] = field(default_factory=list)
    titles: list[list[int]] = field(default_factory=list)
    """Each title found (a title split over lines is one entry of several indices)."""
    salutation: int | None = None
    opening: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    closing: list[int] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)
    header: list[int] = field(default_factory=list)
    furniture: list[int] = field(default_factory=list)
    """Page furniture after the signature (links, teasers, footers): kind `other`."""


def heading_section(text: str) -> str | None:
    """The section a heading opens (`三、下步举措` → next_steps), or None if it does not say."""
    if _HEAD_NEXT.search(text) and re.search(r"下步|下一步|今后|下阶段", text):
        return "next_steps"
    if _HEAD_STATUS.search(text):
        return "status"
    if _HEAD_NEXT.search(text):
        return "next_steps"
    if _HEAD_PROBLEMS.search(text):
        return "problems"
    return None


def heading_text(text: str) -> str | None:
    """The heading words of a short heading-like paragraph (ordinal stripped), else None."""
    ordinal = leading_ordinal(text)
    rest = text[len(ordinal.raw) :] if ordinal and ordinal.level != INLINE else text
    rest = rest.strip()
    if len(rest) > _HEAD_MAX or re.search(r"[。；;！!？?].", rest):
        return None
    if ordinal is None or ordinal.level == INLINE:
        return None
    return rest


_TITLE_PIECES = 3


def _split_title_at(lines: list[str]) -> int:
    """How many of the first `lines` form one title (0 if none): a title line, or a title
    split over up to three lines (`对市十八届人大一次会议` / `第107号建议的答复`)."""
    if is_title_line(lines[0]):
        return 1
    if not is_title_start(lines[0]):
        return 0
    for count in range(2, min(_TITLE_PIECES, len(lines)) + 1):
        last = lines[count - 1]
        if is_title_start(last):
            return 0
        if is_title_end(last):
            return count if is_title_line("".join(lines[:count])) else 0
        if len(last) > _HEAD_MAX or not is_title_continuation(last):
            return 0
    return 0


def _opening_kind(line: str) -> str:
    if "收悉" in line or "提出" in line or "提交" in line:
        return "acknowledgement"
    if THANKS_START.match(line):
        return "thanks"
    return "handling"


def layout(lines: list[str], header_lines: int = 0) -> Layout:
    """Find the regions of a reply given as clean paragraphs (blank lines allowed).

    `header_lines`: how many leading non-blank lines are known to be header (a record page's
    label lines), for a reply with neither salutation nor acknowledgement."""
    idx = [i for i, line in enumerate(lines) if line.strip()]
    text = {i: mask_placeholders(lines[i].strip()) for i in idx}
    result = Layout(kinds=["other"] * len(lines))
    if not idx:
        return result
    texts = [text[i] for i in idx]
    window = texts[:_SALUTATION_WINDOW]

    # 1. The salutation, and where the opening starts (after it, or at the acknowledgement).
    sal_pos = _salutation_at(texts, window)
    open_pos = sal_pos + 1 if sal_pos is not None else _acknowledgement_at(window)
    head_end = _head_end(window, sal_pos, open_pos, header_lines)

    # 2. Header and title lines before the salutation.
    _header_and_titles(result, idx, texts, head_end)
    if sal_pos is not None:
        result.salutation = idx[sal_pos]

    # 3. The opening: acknowledgement, thanks, handling, up to the hand-over `如下`.
    body_start = open_pos if open_pos is not None else head_end
    if open_pos is not None:
        opening = _opening(texts, open_pos)
        result.opening = [idx[p] for p in opening]
        body_start = opening[-1] + 1 if opening else open_pos

    # 4. From the end: page furniture, the signature block and the closing (see tail.py).
    tail = find_tail(texts, body_start)
    result.signature = [idx[p] for p in tail.signature]
    result.closing = [idx[p] for p in tail.closing]
    result.furniture = [idx[p] for p in tail.furniture]
    result.body = [idx[p] for p in range(body_start, tail.body_end)]

    # 5. Each line's kind from its region (body lines by their headings and cues).
    _assign_kinds(result, lines, text)
    return result


def _salutation_at(texts: list[str], window: list[str]) -> int | None:
    """Position of the first salutation-like line among the first lines."""
    for pos, line in enumerate(window):
        nxt = texts[pos + 1] if pos + 1 < len(texts) else None
        if is_salutation(line, nxt):
            return pos
    return None


def _acknowledgement_at(window: list[str]) -> int | None:
    """Position of the first acknowledgement-like line (a reply without salutation)."""
    return next(
        (
            pos
            for pos, line in enumerate(window)
            if is_acknowledgement_like(line) and not is_title_line(line)
        ),
        None,
    )


def _head_end(
    window: list[str], sal_pos: int | None, open_pos: int | None, header_lines: int
) -> int:
    """Where the header and titles end: at the salutation, else at the opening, else (a
    record's reply text, with neither) after the last title or the record's label lines."""
    if sal_pos is not None:
        return sal_pos
    if open_pos is not None:
        return open_pos
    last_title = next(
        (pos for pos in range(len(window) - 1, -1, -1) if is_title_line(window[pos])), None
    )
    head_end = last_title + 1 if last_title is not None else 0
    return max(head_end, min(header_lines, len(window)))


def _header_and_titles(result: Layout, idx: list[int], texts: list[str], head_end: int) -> None:
    """Sort the lines before `head_end` into titles (one or split over lines) and header."""
    pos = 0
    while pos < head_end:
        group = _split_title_at(texts[pos:head_end])
        if group:
            result.title_lines.extend(idx[pos : pos + group])
            result.titles.append(idx[pos : pos + group])
            pos += group
            continue
        result.header.append(idx[pos])
        pos += 1


def _opening(texts: list[str], open_pos: int) -> list[int]:
    """Positions of the opening paragraphs from `open_pos`: the acknowledgement, thanks and
    handling, ending with the hand-over `如下` and any courtesy right after it; none when the
    line at `open_pos` opens neither with an acknowledgement nor with thanks."""
    if open_pos >= len(texts):
        return []
    first = texts[open_pos]
    if not (is_acknowledgement_like(first) or THANKS_START.match(first)):
        return []
    taken: list[int] = []
    pos = open_pos
    while pos < len(texts) and pos < open_pos + _OPENING_MAX:
        line = texts[pos]
        if HANDOVER.search(line) and "如下" in line:
            taken.append(pos)
            pos += 1
            while pos < len(texts) and is_courtesy(texts[pos]):
                taken.append(pos)  # `首先感谢…` after the hand-over
                pos += 1
            break
        if (
            pos == open_pos
            or THANKS_START.match(line)
            or HANDLING_START.match(line)
            or "收悉" in line
        ):
            taken.append(pos)
            pos += 1
            continue
        break
    return taken


def _assign_kinds(result: Layout, lines: list[str], text: dict[int, str]) -> None:
    """Each line's kind from the region it is in; blank lines follow the line before."""
    kinds = result.kinds
    for i in result.title_lines:
        kinds[i] = "title"
    if result.salutation is not None:
        kinds[result.salutation] = "salutation"
    for i in result.opening:
        kinds[i] = _opening_kind(text[i])
    for i, kind in zip(result.body, body_kinds([text[i] for i in result.body]), strict=True):
        kinds[i] = kind
    for i in result.closing:
        kinds[i] = "closing"
    for i in result.signature:
        kinds[i] = "signature"
    _fill_blanks(lines, kinds)


_COURTESY_MAX = 60
_SENTENCES = re.compile(r"(?<=[。！!])")


def is_courtesy(text: str) -> bool:
    """Thanks or praise of the suggestion in at most a sentence or two (`首先感谢您的关心。`,
    `您的这一建议提的很好，…`): courtesy, never a measure."""
    ordinal = leading_ordinal(text)
    rest = text[len(ordinal.raw) :] if ordinal is not None else text
    if len(rest) > _COURTESY_MAX * 2 or len([s for s in _SENTENCES.split(rest) if s]) > 2:
        return False
    return bool(THANKS_START.match(rest.strip()) and len(rest) <= _COURTESY_MAX) or bool(
        COMPLIMENT.search(rest)
    )


def split_courtesy(line: str) -> list[str]:
    """`首先感谢您的关心和支持。您的建议很实在。蕲河是…` → the courtesy sentences, then the rest
    (a body paragraph that opens with thanks keeps its content reusable)."""
    if not (THANKS_START.match(line) or COMPLIMENT.search(line[:_COURTESY_MAX])):
        return [line]
    taken = 0
    for sentence in _SENTENCES.split(line):
        if not sentence or len(sentence) > _COURTESY_MAX:
            break
        if not (THANKS_START.match(sentence.strip()) or COMPLIMENT.search(sentence)):
            break
        taken += len(sentence)
    rest = line[taken:].strip()
    if not taken or len(rest) < 10:
        return [line]
    return [line[:taken].strip(), rest]


def body_kinds(paragraphs: list[str]) -> list[str]:
    """status / problems / next_steps for each body paragraph, following headings and cues."""
    state = "status"
    kinds: list[str] = []
    for text in paragraphs:
        if is_courtesy(text):
            kinds.append("thanks")
            continue
        heading = heading_text(text)
        ordinal = leading_ordinal(text)
        if heading is not None:
            section = heading_section(heading)
            if section is not None and (
                ordinal is None or ordinal.level == "cn_comma" or section != "problems"
            ):
                state = section
            kinds.append(state)
            continue
        if ordinal is None:
            if _PROBLEMS.search(text):
                kinds.append("problems")
                if _FUTURE.search(text):
                    state = "next_steps"
                continue
            if _NEXT_START.match(text):
                state = "next_steps"
            else:
                near = _NEXT_NEAR_START.search(text)
                if near and near.start() < _NEXT_NEAR:
                    state = "next_steps"
        kinds.append(state)
    return kinds


def _fill_blanks(lines: list[str], kinds: list[str]) -> None:
    """Blank lines take the kind of the paragraph before them (`other` at the very start)."""
    previous = "other"
    for i, line in enumerate(lines):
        if line.strip():
            previous = kinds[i]
        else:
            kinds[i] = previous


def segment_lines(lines: list[str]) -> list[str]:
    """The part kind (PART_KINDS) of every line of a clean, one-paragraph-per-line reply text.

    Blank lines get the kind of the paragraph before them. A paragraph that holds the whole
    opening (`…已收悉。感谢…现答复如下：`) is labelled by its first role: acknowledgement.
    """
    return layout(lines).kinds


_CLAUSE_SPLIT = re.compile(
    r"(?<=[。！!？?；;])"
    r"|(?<=[，,])(?<!首先，)(?<!首先,)(?=\s*(?:首先|衷心感谢|非常感谢|感谢|感謝|现将|现就|现对|现答复|现函复|现特|具体答复|针对|关于您|"
    r"我局|我们|经认真|经与|经研究|接到|并)\S)"
)


def split_opening(paragraph: str) -> list[tuple[str, str]]:
    """Split an opening paragraph into (kind, text) clauses: acknowledgement, thanks, handling.

    `您提出的《…》已收悉。首先，感谢您…！我局高度重视…现答复如下：` gives three parts.
    Clauses are cut at sentence ends and before `感谢`/`现将`/`针对`… after a comma, so the
    pieces joined back give the paragraph unchanged.
    """
    clauses = [c for c in _CLAUSE_SPLIT.split(paragraph) if c]
    has_receipt = any("收悉" in c for c in clauses)
    out: list[tuple[str, str]] = []
    acknowledged = False
    for clause in clauses:
        stripped = clause.strip()
        if (
            not acknowledged
            and not THANKS_START.match(stripped)
            and (("收悉" in clause) if has_receipt else ("提出" in clause or "提交" in clause))
        ):
            kind = "acknowledgement"
            acknowledged = True
            # clauses before the receipt that are not thanks belong to the acknowledgement too
            for back in range(len(out) - 1, -1, -1):
                if out[back][0] == "handling":
                    out[back] = ("acknowledgement", out[back][1])
                else:
                    break
        elif THANKS_START.match(stripped) or (not acknowledged and "感谢" in clause):
            kind = "thanks"
        else:
            kind = "handling"
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + clause)
        else:
            out.append((kind, clause))
    return out


def split_handover(line: str) -> list[str]:
    """`现答复如下:镇党委政府…` → the hand-over and the answer as two paragraphs."""
    match = re.search(r"如下\s*[:：]", line)
    if not match or len(line) - match.end() < 10:
        return [line]
    return [line[: match.end()], line[match.end() :].strip()]


_RECEIPT_END = re.compile(r"(?:收悉|收到[^。！!；;]{0,12}后)[^。！!；;]{0,60}[。！!；;]")
_RECEIPT_REST_MIN = 15
_HANDLING_SENTENCE = re.compile(
    r"高度重视|认真研究|研究办理|交由|交办|转交|转由|交给|交我|转我|收到"
)
_HANDLING_SENTENCE_MAX = 50


def split_receipt(line: str) -> list[str]:
    """`您提出的《…》收悉。经研究，该路段已纳入…` → the acknowledgement and the answer as two
    paragraphs, when a short letter answers in the paragraph that acknowledges (no `如下`).
    Handling and thanks sentences right after the receipt (`该建议由县政府交我局办理。`) stay
    with it."""
    match = _RECEIPT_END.search(line)
    if not match or "如下" in line:
        return [line]
    at = match.end()
    for sentence in _SENTENCES.split(line[at:]):
        stripped = sentence.strip()
        handling = len(stripped) <= _HANDLING_SENTENCE_MAX and (
            _HANDLING_SENTENCE.search(stripped) or THANKS_START.match(stripped)
        )
        if not stripped or not (handling or HANDLING_START.match(stripped)):
            break
        at += len(sentence)
    rest = line[at:].strip()
    if len(rest) < _RECEIPT_REST_MIN:
        return [line]
    return [line[:at], rest]
