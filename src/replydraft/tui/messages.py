"""Messages the panels post to the app (the app owns all state changes)."""

from __future__ import annotations

from textual.message import Message


class JumpToLine(Message):
    """Move the editor's cursor to `line` (0-based in the editor text) and focus the editor."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
