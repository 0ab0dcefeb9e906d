"""Stale figures in reused paragraphs: years older than the draft's, and the figures beside them.

A paragraph reused from an earlier reply says `至2021年，我市有效高新技术企业数量达到484家`. In a
2026 reply both the year and the figure need checking, so `mark_stale` writes a mark right after
each: `至2021年【待核】，…达到484家【待核】`. The officer deletes a mark once the figure is checked;
`find_stale_marks` finds those left. Titles of documents in 《》 are never marked (a policy's
name keeps its years). Offsets are characters.
"""

from __future__ import annotations

import re
from typing import NamedTuple

STALE_MARK = "【待核】"

_YEAR = re.compile(r"(?<![0-9０-９.])(?P<year>(?:19|20)[0-9]{2})(?=年)年(?:度)?")
_RELATIVE = re.compile(r"截至目前|今年|去年|上年|目前|至今")
_FIGURE = re.compile(
    r"(?<![0-9０-９.第])[0-9]+(?:\.[0-9]+)?"
    r"(?:[万亿千百]*(?:余|多)?"
    r"(?:个百分点|元|家|个|项|人|件|台|所|名|次|倍|户|笔|类|吨|亩|套|条|篇|场|期|批|座|款|种|位)"
    r"|[万亿]+|%|％|‰)"
)
_SENTENCE = re.compile(r"[^。；;！!？?\n]*[。；;！!？?]?")
_BOOK_TITLE = re.compile(r"《[^》\n]*》")


class StaleMark(NamedTuple):
    """A `【待核】` mark: its offsets, and the token it follows (a year or a figure)."""

    start: int
    end: int
    token: str


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def mark_stale(text: str, draft_year: int, source_year: int | None = None) -> str:
    """Mark years older than `draft_year`, and figures in the same sentence, with `【待核】`.

    When the paragraph's `source_year` is older than the draft, relative words (今年, 目前…)
    in it are stale too and mark their sentence the same way. Already marked tokens stay single.
    """
    titles = [m.span() for m in _BOOK_TITLE.finditer(text)]
    old_source = source_year is not None and source_year < draft_year
    cuts: list[int] = []
    for sentence in _SENTENCE.finditer(text):
        if not sentence.group(0):
            continue
        base, body = sentence.start(), sentence.group(0)
        years = [
            m
            for m in _YEAR.finditer(body)
            if int(m.group("year")) < draft_year and not _inside(titles, base + m.start())
        ]
        relatives = list(_RELATIVE.finditer(body)) if old_source else []
        if not years and not relatives:
            continue
        tokens = (
            years
            + relatives
            + [m for m in _FIGURE.finditer(body) if not _inside(titles, base + m.start())]
        )
        for match in tokens:
            end = base + match.end()
            if not text.startswith(STALE_MARK, end) and end not in cuts:
                cuts.append(end)
    for end in sorted(cuts, reverse=True):
        text = text[:end] + STALE_MARK + text[end:]
    return text


def find_stale_marks(text: str) -> list[StaleMark]:
    """Every `【待核】` mark left in `text`, with the year or figure just before it."""
    marks = []
    start = text.find(STALE_MARK)
    while start >= 0:
        before = re.search(
            r"[0-9.]*[0-9][^0-9\s，。；、【】]{0,6}$|[\u4e00-\u9fff]{1,4}$", text[:start]
        )
        marks.append(StaleMark(start, start + len(STALE_MARK), before.group(0) if before else ""))
        start = text.find(STALE_MARK, start + 1)
    return marks


def strip_stale_marks(text: str) -> str:
    """`text` without its `【待核】` marks (for comparing a paragraph with its library source)."""
    return text.replace(STALE_MARK, "")
