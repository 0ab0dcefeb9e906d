"""Asks for a file path (save-as): a modal that returns the path, or None when cancelled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from replydraft.tui.compositor import Modal


class PathPrompt(Modal[str | None]):
    """One input with a default; Enter returns the typed path, Esc returns None."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="path_prompt.cancel")]

    DEFAULT_CSS = """
    PathPrompt { align: center middle; }
    PathPrompt Label { width: 100%; }
    PathPrompt > Vertical { width: 80; max-width: 100%; height: auto; border: thick $accent; padding: 1 2; background: $surface; }
    """

    def __init__(self, question: str, default: str) -> None:
        super().__init__()
        self.question = question
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            yield Input(self.default, id="path")
            yield Label("回车确认，Esc 取消", classes="dim")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
