"""What an export must not hide: the `【待填…】` and `【待核】` marks still in a draft.

The Word export highlights them in yellow so a reviewer sees each one on paper, and
`replydraft export` counts them to exit 1 while any is left. Offsets are characters.
"""

from __future__ import annotations

import re

from replydraft.draft.model import Draft

OPEN_MARK = re.compile(r"【待填[^】\n]*】|【待核】")
"""A placeholder (`【待填：承办人】`, also a bare `【待填】`) or a stale-figure mark."""


def open_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every open mark in `text`, in order."""
    return [(m.start(), m.end()) for m in OPEN_MARK.finditer(text)]


def split_marks(text: str) -> list[tuple[str, bool]]:
    """`text` cut into runs, each with True when it is an open mark (to highlight)."""
    runs: list[tuple[str, bool]] = []
    last = 0
    for start, end in open_marks(text):
        if start > last:
            runs.append((text[last:start], False))
        runs.append((text[start:end], True))
        last = end
    if last < len(text):
        runs.append((text[last:], False))
    return runs


def count_open_marks(draft: Draft) -> int:
    """How many open marks the draft's text and its cc list hold."""
    texts = [p.text for part in draft.parts for p in part.paragraphs]
    texts += list(draft.meta.cc)
    return sum(len(open_marks(text)) for text in texts)
