"""Ordinals of official documents: recognising them, and writing them for a new place.

The hierarchy is `一、` → `（一）` → `1.`/`1、` → `（1）`, with inline `一是…二是…` inside a
paragraph (DOMAIN.md, "Numbering"). Half-width `(一)` and full-width digits are recognised too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from replydraft.messages import msg

DIGITS = "零一二三四五六七八九"
_CN_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "○": 0, "两": 2}
_CN_NUM = "[一二三四五六七八九十百零〇两]{1,4}"

LEVELS = ("cn_comma", "cn_paren", "arabic", "arabic_paren")
"""Heading levels from the top: 一、 / （一） / 1. or 1、 / （1）."""

INLINE = "inline"
"""The inline level: 一是 / 二是 inside a paragraph."""

_LEADING = re.compile(
    rf"^[ \t\u3000]*(?:"
    rf"(?P<cn_comma>(?P<cc>{_CN_NUM})[、．.])"
    rf"|(?P<cn_paren>[（(](?P<cp>{_CN_NUM})[）)][、．.]?)"
    rf"|(?P<arabic_paren>[（(](?P<ap>[0-9０-９]{{1,3}})[）)][、．.]?)"
    rf"|(?P<arabic>(?P<ar>[0-9０-９]{{1,3}})(?:[、．]|\.(?![0-9])))"
    rf"|(?P<inline>(?P<il>{_CN_NUM})是)"
    rf")[ \t\u3000]*"
)
_INLINE_ANY = re.compile(
    rf"(?:(?<=^)|(?<=[。；;！!？?\s：:]))(?P<il>{_CN_NUM})是(?=[，,：:\u4e00-\u9fff“\"（(0-9０-９])"
)


@dataclass(frozen=True)
class Ordinal:
    """A recognised ordinal at the start of a text: its level, value and exact spelling."""

    level: str
    value: int
    raw: str
    """The ordinal as written, including trailing spaces it swallowed."""
    style: str = ""
    """The separator or bracket form as written (`、`, `.`, `（）`, `()`), to keep when renumbering."""

    @property
    def depth(self) -> int:
        """0 for 一、 … 3 for （1）, 4 for inline 一是."""
        return LEVELS.index(self.level) if self.level in LEVELS else len(LEVELS)


def cn_to_int(text: str) -> int | None:
    """`十二` → 12, `一百零五` → 105; None if `text` is not a Chinese numeral."""
    if not text or any(c not in _CN_VALUES and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_VALUES[char] if current else _CN_VALUES[char]
    return total + current


def int_to_cn(value: int) -> str:
    """12 → `十二`, 20 → `二十`, 105 → `一百零五`, 1000 → `一千`, 10010 → `一万零一十`
    (the forms used in ordinals)."""
    if value < 0:
        raise ValueError(value)
    if value >= 1000:
        return _large_to_cn(value)
    if value < 10:
        return DIGITS[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")
    hundreds, rest = divmod(value, 100)
    tail = ""
    if rest:
        tail = ("零" if rest < 10 else "") + (
            int_to_cn(rest) if rest >= 20 or rest < 10 else "一" + int_to_cn(rest)
        )
    return DIGITS[hundreds] + "百" + tail


def _large_to_cn(value: int) -> str:
    """Numbers from 1000 up: 千 below 10,000, then 万 and 亿 groups, with 零 for skipped places."""
    for size, unit in ((100_000_000, "亿"), (10_000, "万"), (1000, "千")):
        if value >= size:
            high, rest = divmod(value, size)
            head = int_to_cn(high) + unit
            if not rest:
                return head
            tail = int_to_cn(rest)
            if rest < size // 10:
                return head + "零" + ("一" + tail if 10 <= rest < 20 else tail)
            return head + ("一" + tail if 10 <= rest < 20 else tail)
    return int_to_cn(value)


def _arabic(text: str) -> int:
    return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def match_ordinal(text: str) -> Ordinal | None:
    """The ordinal that starts `text`, if any (leading spaces allowed)."""
    match = _LEADING.match(text)
    if not match:
        return None
    raw = match.group(0)
    if match.group("cn_comma"):
        value, level = cn_to_int(match.group("cc")), "cn_comma"
        style = match.group("cn_comma")[-1]
    elif match.group("cn_paren"):
        value, level = cn_to_int(match.group("cp")), "cn_paren"
        style = "()" if match.group("cn_paren").startswith("(") else "（）"
    elif match.group("arabic_paren"):
        value, level = _arabic(match.group("ap")), "arabic_paren"
        style = "()" if match.group("arabic_paren").startswith("(") else "（）"
    elif match.group("arabic"):
        value, level = _arabic(match.group("ar")), "arabic"
        style = match.group("arabic")[-1]
    else:
        value, level, style = cn_to_int(match.group("il")), INLINE, "是"
    if value is None or value == 0:
        return None
    return Ordinal(level=level, value=value, raw=raw, style=style)


def strip_ordinal(text: str) -> tuple[Ordinal | None, str]:
    """Split `text` into its leading ordinal (or None) and the rest."""
    ordinal = match_ordinal(text)
    if ordinal is None:
        return None, text
    return ordinal, text[len(ordinal.raw) :]


def format_ordinal(level: str, value: int, style: str = "") -> str:
    """Write ordinal `value` at `level` in official full-width form (`style` may keep `1、`)."""
    if level == "cn_comma":
        return f"{int_to_cn(value)}、"
    if level == "cn_paren":
        return f"（{int_to_cn(value)}）"
    if level == "arabic":
        return f"{value}{'、' if style == '、' else '.'}"
    if level == "arabic_paren":
        return f"（{value}）"
    if level == INLINE:
        return f"{int_to_cn(value)}是"
    raise ValueError(f"unknown ordinal level {level!r}")


def inline_ordinals(text: str) -> list[tuple[int, int, int]]:
    """Inline `一是/二是…` inside a paragraph: (start, end, value) character offsets, in order."""
    found: list[tuple[int, int, int]] = []
    for match in _INLINE_ANY.finditer(text):
        value = cn_to_int(match.group("il"))
        if value:
            found.append((match.start("il"), match.end(), value))
    return found


# --- Renumbering: ordinals follow position -------------------------------------------------

_CN_RUN = re.compile(_CN_NUM)
_DIGIT_RUN = re.compile("[0-9０-９]+")
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def respell(ordinal: Ordinal, value: int) -> str:
    """`ordinal.raw` with its number changed to `value`; brackets, separator and spaces kept."""
    if ordinal.level in ("arabic", "arabic_paren"):
        match = _DIGIT_RUN.search(ordinal.raw)
        assert match is not None
        digits = str(value)
        if not match.group(0).isascii():
            digits = digits.translate(_FULLWIDTH_DIGITS)
    else:
        match = _CN_RUN.search(ordinal.raw)
        assert match is not None
        digits = int_to_cn(value)
    return ordinal.raw[: match.start()] + digits + ordinal.raw[match.end() :]


@dataclass
class _Open:
    """A heading level that is open while walking the paragraphs: its depth and last count."""

    depth: int
    count: int
    child_depth: int | None = None
    """Depth of the first child seen under this heading (siblings must share it)."""


def _walk(paragraph_texts: list[str]) -> Iterator[tuple[int, Ordinal, int, bool]]:
    """Yield (index, ordinal, expected value, mixed) for every leading heading ordinal.

    The expected value is the ordinal's place among its siblings under the nearest shallower
    heading; `mixed` says its level differs from its earlier siblings' level.
    """
    root = _Open(depth=-1, count=0)
    stack: list[_Open] = [root]
    for index, text in enumerate(paragraph_texts):
        ordinal = match_ordinal(text)
        if ordinal is None or ordinal.level == INLINE:
            continue
        depth = ordinal.depth
        while len(stack) > 1 and stack[-1].depth > depth:
            stack.pop()
        if stack[-1].depth == depth and len(stack) > 1:
            stack[-1].count += 1
            stack[-1].child_depth = None  # a new heading: its children start afresh
            yield index, ordinal, stack[-1].count, False
            continue
        parent = stack[-1]
        mixed = parent.child_depth is not None and parent.child_depth != depth
        if parent.child_depth is None:
            parent.child_depth = depth
        stack.append(_Open(depth=depth, count=1))
        yield index, ordinal, 1, mixed


def _inline_plan(paragraph_texts: list[str]) -> list[list[tuple[int, int, int, int]]]:
    """For each paragraph, its inline ordinals as (start, end, value, expected value).

    Inline 一是/二是 count from 一 within a paragraph; a paragraph that itself starts with an
    inline ordinal continues the count of the paragraph before it, if that one had any.
    """
    plans: list[list[tuple[int, int, int, int]]] = []
    carried = 0
    for text in paragraph_texts:
        found = inline_ordinals(text)
        leading = match_ordinal(text)
        starts_inline = leading is not None and leading.level == INLINE
        count = carried if starts_inline else 0
        plan = []
        for start, end, value in found:
            count += 1
            plan.append((start, end, value, count))
        plans.append(plan)
        carried = count if found else 0
    return plans


def renumber(paragraph_texts: list[str]) -> list[str]:
    """Rewrite ordinals so each level counts 1, 2, 3 under its parent, restarting under each
    new parent; inline 一是/二是 are renumbered within each paragraph. Styles are kept.

    A function of position only: after inserting, moving or deleting a paragraph, calling this
    on the part's (or body's) paragraph texts makes every ordinal after it follow.
    """
    texts = list(paragraph_texts)
    for index, start_end_values in enumerate(_inline_plan(texts)):
        text = texts[index]
        for start, end, value, expected in reversed(start_end_values):
            if value != expected:
                text = text[:start] + int_to_cn(expected) + "是" + text[end:]
        texts[index] = text
    for index, ordinal, expected, _mixed in list(_walk(texts)):
        if ordinal.value != expected:
            text = texts[index]
            texts[index] = respell(ordinal, expected) + text[len(ordinal.raw) :]
    return texts


def _shown(ordinal_text: str) -> str:
    """An ordinal as a message names it: bracketed ones bare, `一、` / `1.` in quotes."""
    text = ordinal_text.strip()
    return text if text[:1] in "（(" else f"“{text}”"


def numbering_issues(paragraph_texts: list[str]) -> list[tuple[int, str]]:
    """Gaps, duplicates, wrong starts and mixed levels: (paragraph index, message) in order.

    Messages are Chinese, for the officer, and quote the ordinal as written and the one before
    it, e.g. `编号不连续：（二）之后是（四），应为（三）`.
    """
    issues: list[tuple[int, str]] = []
    last_at_depth: dict[int, Ordinal] = {}
    for index, ordinal, expected, mixed in _walk(paragraph_texts):
        written = _shown(ordinal.raw)
        before = last_at_depth.get(ordinal.depth) if expected > 1 else None
        last_at_depth[ordinal.depth] = ordinal
        if mixed:
            issues.append((index, msg("numbering.mixed", written=written)))
        if ordinal.value == expected:
            continue
        right = _shown(respell(ordinal, expected))
        if before is None:
            issues.append((index, msg("numbering.start", right=right, written=written)))
            continue
        previous = _shown(before.raw)
        if ordinal.value == before.value:
            reason = msg("numbering.repeated", previous=previous, written=written, right=right)
        elif ordinal.value > before.value + 1:
            reason = msg("numbering.gap", previous=previous, written=written, right=right)
        elif ordinal.value < before.value:
            reason = msg("numbering.order", previous=previous, written=written, right=right)
        else:
            reason = msg("numbering.follow", written=written, right=right)
        issues.append((index, reason))
    for index, plan in enumerate(_inline_plan(paragraph_texts)):
        for _start, _end, value, expected in plan:
            if value != expected:
                issues.append(
                    (
                        index,
                        msg(
                            "numbering.inline", written=int_to_cn(value), right=int_to_cn(expected)
                        ),
                    )
                )
    issues.sort(key=lambda item: item[0])
    return issues
