"""Stale figures in reused paragraphs: what an officer must re-check before a reply goes out.

A paragraph reused from an earlier reply says `至2021年，我市有效高新技术企业数量达到484家`. In a
2026 reply both the year and the figure need checking, so `mark_stale` writes `【待核】` right
after each: `至2021年【待核】，…达到484家【待核】`. The officer deletes a mark once the figure is
checked; `find_stale_marks` finds those left, `strip_stale_marks` removes them all.

What is marked depends on the year of the paragraph's source, against the draft's year:

- source older than the draft: every figure in the paragraph, because all of them are as old
  as the source. Figures are years older than the draft (`2024年`, `2024年度`), quantities (a
  number with a unit or measure word: `1032家`, `7533人`, `2.3万人`, `490.4亿元`, `999.5万`,
  `24.8%`, `15个百分点`, `3倍`, `160万平米`, `3-5家`, `44000余件`, full-width `１２家`),
  durations (`连续3年`), fractions (`近1/3`), rankings (`居宁波第2位`, `第1名`), targets too
  (`力争新增…100家【待核】以上`: a target set years ago needs re-checking as much as a
  result), and relative time words (今年, 目前, 去年…: their "now" is the source's year).
- source year unknown: years older than the draft, and the figures in their sentences (a
  sentence without an old year cannot be told apart from a current one).
- source year the draft's or newer: nothing.

Not marked, because they are not figures that age:

- anything inside 《》 (a document's title keeps its years: `《…(2023年—2025年)》`), inside
  quotation marks (names: `“315”科技创新体系`, `“3+3”产业体系`, `“GB/T29490”`, `“863”项目`,
  `“8718”平台`, `“从0到1”`) or inside 【】 (placeholders and marks);
- numbering: `第176号`, `第3次会议`, `第2批`, `第5条` (only 第N位 and 第N名 are rankings), and
  ordinals like `1.` `1、` `（1）`;
- numbers with no unit: codes and phone numbers (`89553541`), list names (`500强`), versions
  (`3.0版`), digits glued to Latin letters or slashes (`GB/T29490`, `5G`, `PM2.5`);
- the draft's own year and later ones (`到2027年`), months and days (`5月22日`), and quantities
  written in Chinese numerals (`三年`, `一批`), which the reused text rarely uses for data.

Offsets are characters. Marking is idempotent: a token already followed by `【待核】` is skipped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

STALE_MARK = "【待核】"

_D = "[0-9０-９]"
_NUMBER = rf"{_D}+(?:[.．]{_D}+)?"
_NOT_AFTER = r"(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ/／\-－第])"
"""A figure does not start inside a longer number, a code (GB/T29490, 5G) or a 第N numbering."""

_UNITS = (
    "个百分点|百分点|平方公里|平方米|平米|立方米|公里|千米|公顷|千瓦时|千瓦|兆瓦|美元|元"
    "|人次|户次|家次|台套|个月|小时"
    "|家|个|项(?!目)|人|名|件|台|所|次|倍|户|笔|类|吨|亩|套|条|篇|场|期|批|座|款|种|位"
    "|栋|幢|处|辆|张|册|门|天|岁|成|米"
)
"""Measure words, longest first (`项目` is a noun: `863项目` is a name, not 863 items)."""

_YEAR = re.compile(rf"(?<![0-9０-９.．])(?P<year>{_D}{{4}})年(?:度)?")
_RELATIVE = re.compile(r"截至目前|今年|去年|上年|目前|至今")
_FIGURE = re.compile(
    _NOT_AFTER
    + rf"(?:(?:{_NUMBER}[-－—～~至到])?{_NUMBER}"
    + rf"(?:[万亿千百]*(?:余|多)?(?:{_UNITS})|[万亿]+|[%％‰])"
    + rf"|{_D}{{1,2}}(?:余|多)?年(?!度)"
    + rf"|{_D}{{1,3}}[/／]{_D}{{1,3}}(?![0-9０-９/／]))"
)
_RANKING = re.compile(rf"第{_D}+[位名]")
_SENTENCE = re.compile(r"[^。；;！!？?\n]*[。；;！!？?]?")
_PROTECTED = re.compile(r"《[^》\n]*》|“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|\"[^\"\n]*\"|【[^】\n]*】")
"""Titles, quoted names and bracketed notes: their digits are not figures."""


class StaleMark(NamedTuple):
    """A `【待核】` mark: its offsets, and the token it follows (a year or a figure)."""

    start: int
    end: int
    token: str


def _is_old_year(match: re.Match[str], draft_year: int) -> bool:
    year = int(match.group("year"))
    return 1900 <= year < draft_year


def _figures(text: str, start: int, end: int) -> list[re.Match[str]]:
    return [*_FIGURE.finditer(text, start, end), *_RANKING.finditer(text, start, end)]


def mark_stale(text: str, draft_year: int, source_year: int | None = None) -> str:
    """`text` with `【待核】` after each figure a `draft_year` reply must re-check.

    The rule (module docstring) depends on `source_year`: all figures when it is older than
    the draft, old years and the figures in their sentences when it is unknown, nothing when
    it is the draft's year or newer. Running it again on its own output changes nothing.
    """
    if source_year is not None and source_year >= draft_year:
        return text
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    tokens: list[re.Match[str]] = []
    if source_year is not None:
        tokens += [m for m in _YEAR.finditer(text) if _is_old_year(m, draft_year)]
        tokens += _RELATIVE.finditer(text)
        tokens += _figures(text, 0, len(text))
    else:
        for sentence in _SENTENCE.finditer(text):
            years = [
                m
                for m in _YEAR.finditer(text, sentence.start(), sentence.end())
                if _is_old_year(m, draft_year) and not any(a <= m.start() < b for a, b in protected)
            ]
            if years:
                tokens += years + _figures(text, sentence.start(), sentence.end())
    cuts = {
        m.end()
        for m in tokens
        if not any(a <= m.start() < b for a, b in protected)
        and not text.startswith(STALE_MARK, m.end())
    }
    for end in sorted(cuts, reverse=True):
        text = text[:end] + STALE_MARK + text[end:]
    return text


_TOKEN_AT_END = [re.compile(rf"(?:{p.pattern})\Z") for p in (_RANKING, _FIGURE, _YEAR, _RELATIVE)]
_LOOSE_TOKEN = re.compile(r"[0-9.]*[0-9][^0-9\s，。；、【】]{0,6}\Z|[\u4e00-\u9fff]{1,4}\Z")
"""For a mark an officer moved by hand: the digits and a few characters before it."""


def _token_before(text: str, end: int) -> str:
    start = max(0, end - 40)
    for pattern in _TOKEN_AT_END:
        found = pattern.search(text, start, end)
        if found:
            return found.group(0)
    found = _LOOSE_TOKEN.search(text, start, end)
    return found.group(0) if found else ""


def find_stale_marks(text: str) -> list[StaleMark]:
    """Every `【待核】` mark left in `text`, with the year or figure just before it."""
    marks = []
    start = text.find(STALE_MARK)
    while start >= 0:
        marks.append(StaleMark(start, start + len(STALE_MARK), _token_before(text, start)))
        start = text.find(STALE_MARK, start + 1)
    return marks


def strip_stale_marks(text: str) -> str:
    """`text` without its `【待核】` marks (for comparing a paragraph with its library source)."""
    return text.replace(STALE_MARK, "")
