"""One error type for every problem the user can fix: bad files, bad YAML, bad arguments.

The CLI prints `replydraft: <file>: <problem>` on one line and exits with code 2, never a
traceback. Library code raises `ReplydraftError`; it never calls `sys.exit`.
"""

from __future__ import annotations

from os import PathLike


class ReplydraftError(Exception):
    """A problem with the user's input, reported as one line naming the file (if any)."""

    def __init__(self, message: str, path: str | PathLike[str] | None = None) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """The message as printed: `file: problem`, flattened onto one line."""
        text = f"{self.path}: {self.message}" if self.path else self.message
        return " ".join(text.split())
