"""Measures: the finest numbered units of a reply's body, with the headings above them.

A numbered paragraph (`1、…`, `（一）…`, `一、…` with text) is a measure unless it heads numbered
children or is a short heading over prose; inline runs `一是…二是…` inside a paragraph split it
into one measure each (the words before `一是` head them). Unnumbered paragraphs are measures
with `ordinal=None` (a prose reply yields its paragraphs), except problem paragraphs and
bare hand-overs (`具体如下：`); a lead-in that says something (`下一步，我局将重点做好以下工作：`)
is a measure, as the labelled corpora count it.
"""

from __future__ import annotations

import re

from replydraft.parsing.markers import leading_ordinal
from replydraft.parsing.reply import Measure
from replydraft.text.ordinals import INLINE, Ordinal, inline_ordinals

_INTRO = re.compile(r"以下|如下")
_ITEM_TRIM = " \t\u3000；;，,"
_HEAD_MAX = 40
_HEAD_SHORT = 16
"""A heading may pair two short phrases (`高度重视，迅速部署。`); a longer line with a clause
that ends a sentence is an item, even when prose follows it."""
_PUNCT = re.compile(r"[。；;！!？?，,：:]")
_NOT_MEASURES = ("thanks", "closing", "signature", "other")
_DOC_NUMBER_LINE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}\s*[〔\[【［(（]\s*(?:19|20)\d{2}\s*[〕\]】］)）]\s*第?\s*\d+\s*[号號]$"
)
"""A line that is only a document number (`青医保函〔2025〕12号`): a PDF's running header
repeated on each page, never a measure."""


def _inline_run(text: str) -> list[tuple[int, int]]:
    """(start, end) of each inline ordinal of a 一是, 二是, … run starting at 一是 (≥ 2 items)."""
    run: list[tuple[int, int]] = []
    for start, end, value in inline_ordinals(text):
        if value == len(run) + 1:
            run.append((start, end))
        elif run and value <= len(run):
            break
    return run if len(run) >= 2 else []


def _split_inline(text: str, run: list[tuple[int, int]]) -> list[tuple[str, str]]:
    items = []
    for n, (start, end) in enumerate(run):
        stop = run[n + 1][0] if n + 1 < len(run) else len(text)
        items.append((text[start:end], text[end:stop].strip(_ITEM_TRIM)))
    return items


def _is_heading(ordinal: Ordinal, rest: str, next_text: str | None) -> bool:
    if next_text is None:
        # a last heading with nothing under it (`三、下步工作方向` before the closing)
        return ordinal.level != INLINE and len(rest.strip()) <= 20 and not _PUNCT.search(rest)
    nxt = leading_ordinal(next_text)
    if nxt is not None and nxt.level != INLINE:
        if nxt.depth > ordinal.depth:
            return True
        return False
    rest = rest.strip()
    if len(rest) > _HEAD_SHORT and re.search(r"[，,]", rest) and rest.endswith(("。", "；", ";")):
        return False  # a sentence with a clause (`加强资金绩效管理，对项目开展绩效评价。`)
    return len(rest) <= _HEAD_MAX and not re.search(r"[。；;！!？?].", rest)


_BARE_INTRO = re.compile(r"(?:答复|回复|函复|复函|汇报|说明|报告|反馈|函告|情况)如下\s*[:：]?$")
"""`现答复如下：`, `具体情况如下：`: a hand-over that says nothing itself."""
_BARE_MAX = 12
"""`主要有以下几方面：`: a lead-in this short says nothing either."""


def is_bare_intro(text: str) -> bool:
    """A lead-in that only hands over to what follows (never a measure). A lead-in that says
    something (`下一步，我局将重点做好以下工作：`, `…我局专门立会进行了研究，解决方法如下：`)
    is kept: it reads with its measures and is reused with them."""
    text = text.strip()
    if not text.endswith(("：", ":")) and not _INTRO.search(text):
        return False
    return len(text) <= _BARE_MAX or bool(_BARE_INTRO.search(text))


def _section(kind: str) -> str:
    return kind if kind in ("status", "next_steps") else "other"


def extract_measures(paragraphs: list[tuple[str, str]]) -> list[Measure]:
    """Measures of the body, given (kind, text) for each body paragraph in order."""
    paragraphs = [(k, t) for k, t in paragraphs if not _DOC_NUMBER_LINE.match(t.strip())]
    measures: list[Measure] = []
    stack: list[tuple[int, str]] = []
    for n, (kind, text) in enumerate(paragraphs):
        text = text.strip()
        if kind in _NOT_MEASURES:
            continue
        next_text = paragraphs[n + 1][1].strip() if n + 1 < len(paragraphs) else None
        section = _section(kind)
        headings = [h for _, h in stack]
        ordinal = leading_ordinal(text)
        if ordinal is not None and ordinal.level != INLINE:
            while stack and stack[-1][0] >= ordinal.depth:
                stack.pop()
            headings = [h for _, h in stack]
            rest = text[len(ordinal.raw) :]
            if _is_heading(ordinal, rest, next_text):
                stack.append((ordinal.depth, text))
                continue
            run = _inline_run(rest)
            if run:
                lead = text[: len(ordinal.raw) + run[0][0]].strip()
                for raw, item in _split_inline(rest, run):
                    measures.append(Measure(section, headings + [lead], raw, item))
            else:
                measures.append(Measure(section, headings, ordinal.raw.strip(), rest.strip()))
            continue
        if kind == "problems":
            continue
        run = _inline_run(text)
        if ordinal is not None and not run:
            # one inline item per paragraph: `一是…` / `二是…` written as separate paragraphs
            measures.append(
                Measure(section, headings, ordinal.raw.strip(), text[len(ordinal.raw) :].strip())
            )
            continue
        if run:
            lead = text[: run[0][0]].strip()
            if lead and not lead.endswith(("：", ":")) and not _INTRO.search(lead):
                measures.append(Measure(section, headings, None, lead))
            for raw, item in _split_inline(text, run):
                measures.append(Measure(section, headings, raw, item))
            continue
        if is_bare_intro(text):
            continue
        measures.append(Measure(section, headings, None, text))
    return measures
