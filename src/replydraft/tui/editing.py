"""Text rules behind the editor's go-to and replace keys: marks to fill, find and replace, and
the lead that ties a paragraph inserted at a demand's placeholder to that demand.

No Textual here: the draft screen applies what these return. Positions are (row, column) in
characters, as the editor's document counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replydraft.text.demands import demand_summary
from replydraft.text.ordinals import strip_ordinal

MARK = re.compile(r"【待填[：:][^】\n]*】|【待填】|【待核】")
"""What the officer still has to fill (`【待填：…】`) or check (`【待核】`)."""

_DEMAND_PLACEHOLDER = re.compile(r"【待填[：:]对“(?P<summary>[^”]*)”的答复】")
"""The skeleton's placeholder for a demand's answer (`compose.skeleton`)."""


@dataclass(frozen=True)
class Span:
    """A stretch of one line: row, and start/end columns (characters, end exclusive)."""

    row: int
    start: int
    end: int


def marks_in(line: str, row: int) -> list[Span]:
    """Every mark to fill or check on `line`."""
    return [Span(row, m.start(), m.end()) for m in MARK.finditer(line)]


def next_mark(lines: list[str], row: int, column: int) -> Span | None:
    """The first mark starting after (row, column), wrapping to the top; None when none is left.

    A mark starting exactly at the cursor is skipped, so pressing the key again moves on.
    """
    for index, line in enumerate(lines[row:], row):
        for span in marks_in(line, index):
            if index > row or span.start > column:
                return span
    for index, line in enumerate(lines[: row + 1]):
        for span in marks_in(line, index):
            return span
    return None


def mark_for_problem(line: str, row: int, code: str) -> Span | None:
    """The mark a check problem of `code` on `line` is about (a placeholder or a 【待核】)."""
    wanted = {"placeholder": "【待填", "stale": "【待核】", "foreign": "【待核】"}.get(code)
    if wanted is None:
        return None
    for span in marks_in(line, row):
        if line.startswith(wanted, span.start):
            return span
    return None


def find_next(lines: list[str], needle: str, row: int, column: int) -> Span | None:
    """The next `needle` at or after (row, column), wrapping to the top.

    After a find the cursor sits at the end of the found text, so the next find moves on.
    """
    if not needle:
        return None
    order = [(row, column), *((index, 0) for index in range(row + 1, len(lines)))]
    order += [(index, 0) for index in range(0, row + 1)]
    for index, start_at in order:
        start = lines[index].find(needle, start_at)
        if start >= 0:
            return Span(index, start, start + len(needle))
    return None


def replace_all(text: str, needle: str, replacement: str) -> tuple[str, int]:
    """`text` with every `needle` replaced, and how many there were."""
    if not needle:
        return text, 0
    count = text.count(needle)
    return text.replace(needle, replacement), count


def demand_of_placeholder(line: str, demands: list[str]) -> str | None:
    """The demand a skeleton's placeholder line (`（一）【待填：对“…”的答复】`) asks to answer."""
    _ordinal, rest = strip_ordinal(line.strip())
    found = _DEMAND_PLACEHOLDER.fullmatch(rest.strip())
    if found is None:
        return None
    summary = found.group("summary")
    for demand in demands:
        _ordinal, core = strip_ordinal(demand.strip())
        if summary in (demand_summary(demand), demand_summary(core), demand.strip(), core):
            return demand
    return summary or None


def answer_to(demand: str, paragraph: str) -> str:
    """`paragraph` led by the demand it answers: `关于“<demand>”的建议，<paragraph>`.

    The lead is how replies tie an answer to its demand, and it keeps the tie in the text, so
    `check` and the saved draft both see the demand answered. A paragraph that already quotes
    the demand is left as it is.
    """
    _ordinal, core = strip_ordinal(demand.strip())
    core = core.strip().rstrip("。；;，,")
    _lead, body = strip_ordinal(paragraph.strip())
    if not core or core in body:
        return paragraph
    return f"关于“{core}”的建议，{body}"
