"""Chinese line breaking (避头尾) for the editor's soft wrap.

A wrapped row never starts with closing punctuation (，。！？；：、）》」’” …) and never ends
with opening punctuation (（《「‘“): the break moves back, taking the character before it down
to the next row, as Word and typeset Chinese do. Offsets are characters (code points); widths
are cells. No Textual here: `tui.widgets.draft_editor` wraps Textual's own wrap with it.
"""

from __future__ import annotations

from collections.abc import Callable

NO_LINE_START = frozenset("，。！？；：、）》」』】〕〉’”…—·%‰,.!?;:)]}")
"""Characters a wrapped row must not start with."""
NO_LINE_END = frozenset("（《「『【〔〈‘“([{")
"""Characters a wrapped row must not end with."""

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
    return any(char in NO_LINE_START or char in NO_LINE_END for char in text)


def _allowed_break(text: str, cut: int, lowest: int) -> int:
    """The last break at or before `cut` (and after `lowest`) that keeps the rules."""
    at = cut
    while at > lowest and (text[at] in NO_LINE_START or text[at - 1] in NO_LINE_END):
        at -= 1
    if text[at] in NO_LINE_START or text[at - 1] in NO_LINE_END:
        return cut  # nothing but marks back to the row's start: keep the plain break
    return at
