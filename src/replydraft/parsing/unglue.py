"""A whole page on one line with no spaces where its breaks were (lost in extraction).

`关于…第41号建议的答复胡晓东代表：您提出的…收悉，现答复如下：一、…。二、…。感谢…！青山县医疗
保障局2025年6月12日联系人：…` gives `split_run_on` no gap to cut at (and a page flattened with spaces may still glue its
title to its salutation), so the breaks are put back
where the anatomy of a reply puts them: before the salutation after a title ending, before an
ordinal (`二、`, `（三）`) or a closing after a sentence end, before the signature (a short name
run ending in a date after a sentence end), and before contact and cc labels. Only a line that
looks like a whole reply (long, acknowledging receipt, holding a date) is touched, so a long
body paragraph stays one paragraph. One regex pass: linear.
"""

from __future__ import annotations

import re

from replydraft.parsing.dates import DATE_PATTERN

_PAGE_MIN = 150
"""Shorter lines are paragraphs, not pages."""
_RECEIPT = re.compile(r"收悉|收到|(?:代表|委员|委員)[:：]")
_BREAK = re.compile(
    # a salutation right after a title ending
    r"(?<=答复|答復|复函|意见|意見|的函)(?=(?:尊敬的)?[\u4e00-\u9fff、]{2,24}?(?:代表|委员|委員)"
    r"(?:[（(][\u4e00-\u9fff]{1,8}[）)])?[:：])"
    # after a sentence end: an ordinal, a closing, or a signature (a name run, then a date)
    r"|(?<=[。！!；;])(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|(?:最后|再次|衷心|非常|特此|此复|以上|感谢|希望|欢迎)"
    r"|[^\s，,。；;：:！!]{2,40}?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    # contact and cc labels after a date
    r"|(?<=日)(?=(?:联系人|联系电话|承办人|经办人|抄送|抄报)[:：])"
)


def unglue_page(line: str) -> list[str]:
    """The paragraphs of a page flattened onto one line without spaces (see module doc);
    any other line as it is."""
    if len(line) < _PAGE_MIN or not _RECEIPT.search(line) or not DATE_PATTERN.search(line):
        return [line]
    pieces: list[str] = []
    start = 0
    for match in _BREAK.finditer(line):
        if match.start() > start:
            pieces.append(line[start : match.start()])
            start = match.start()
    pieces.append(line[start:])
    return [piece for piece in pieces if piece.strip()]
