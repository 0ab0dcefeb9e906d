"""Chinese line breaking (避头尾) for the editor's soft wrap.

A wrapped row never starts with closing punctuation (，。！？；：、）》」’” …), never ends
with opening punctuation (（《「‘“), and never splits a figure (`20.7%`): the break moves back,
taking the characters before it down to the next row, as Word and typeset Chinese do. Offsets are characters (code points); widths
are cells. No Textual here: `tui.widgets.draft_editor` wraps Textual's own wrap with it.
"""

from __future__ import annotations

from collections.abc import Callable

from replydraft.text.normalize import cell_width

NO_LINE_START = frozenset("，。！？；：、）》」』】〕〉’”…—·%‰,.!?;:)]}")
"""Characters a wrapped row must not start with."""
NO_LINE_END = frozenset("（《「『【〔〈‘“([{")
"""Characters a wrapped row must not end with."""
WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.%‰-")
"""Characters of a figure or a Latin word (`20.7%`, `0312-5551234`): kept on one row."""

WrapFunction = Callable[[str], list[int]]
"""text -> the offsets to break it at so that each row fits (the width is the wrapper's)."""


def keep_rules(text: str, offsets: list[int], wrap: WrapFunction) -> list[int]:
    """`offsets` (from `wrap`) with every break moved so that no row breaks the rules.

    Each break that would start a row with a closing mark, or end one with an opening mark,
    moves back; the rest of the text is then wrapped again from there, so every row still fits.
    A row of nothing but marks keeps its break (there is nowhere to move it).
    """
    if not offsets or not _has_marks(text):
        return offsets
    result: list[int] = []
    start = 0
    rest = offsets
    while rest:
        cut = _allowed_break(text, start + rest[0], start + 1)
        result.append(cut)
        start = cut
        rest = wrap(text[start:])
    return result


def _has_marks(text: str) -> bool:
    return any(char in NO_LINE_START or char in NO_LINE_END or char in WORD for char in text)


def _breaks_rules(text: str, at: int) -> bool:
    before, after = text[at - 1], text[at]
    return after in NO_LINE_START or before in NO_LINE_END or (before in WORD and after in WORD)


def _allowed_break(text: str, cut: int, lowest: int) -> int:
    """The last break at or before `cut` (and after `lowest`) that keeps the rules."""
    at = cut
    while at > lowest and _breaks_rules(text, at):
        at -= 1
    if _breaks_rules(text, at):
        return cut  # nothing but marks or one long figure back to the row's start
    return at


def cell_wrap(width: int) -> WrapFunction:
    """A plain wrap for text painted by Rich (labels, not the editor): break at the first
    character that no longer fits in `width` cells."""

    def wrap(text: str) -> list[int]:
        offsets: list[int] = []
        used = 0
        for index, char in enumerate(text):
            cells = cell_width(char)
            if used + cells > width and index and used:
                offsets.append(index)
                used = 0
            used += cells
        return offsets

    return wrap


def broken_lines(text: str, width: int) -> list[int]:
    """Where to break `text` into rows of `width` cells that keep the rules."""
    if width <= 0:
        return []
    wrap = cell_wrap(width)
    return keep_rules(text, wrap(text), wrap)
