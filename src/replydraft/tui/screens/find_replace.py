"""Find and replace in the draft: a modal with 查找 and 替换为; the draft screen does the work.

Enter in 查找 finds the next occurrence (the dialog closes and the editor selects it; F11 finds
the next one again). Enter in 替换为 replaces every occurrence, as one undo step. Esc cancels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from replydraft.tui.compositor import Modal


@dataclass(frozen=True)
class FindRequest:
    """What the officer asked for: find the next `needle`, or replace every one of them."""

    action: Literal["find", "replace_all"]
    needle: str
    replacement: str = ""


class FindReplace(Modal[FindRequest | None]):
    """Two inputs: 查找 (Enter: find next) and 替换为 (Enter: replace all)."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="find_replace.cancel")]

    DEFAULT_CSS = """
    FindReplace { align: center middle; }
    FindReplace Label { width: 100%; }
    FindReplace > Vertical { width: 70; max-width: 100%; height: auto; border: thick $accent; padding: 0 1; background: $surface; }
    FindReplace Horizontal { height: 1; margin-top: 1; }
    FindReplace Horizontal > Label { width: 8; }
    FindReplace Horizontal > Input { width: 1fr; }
    FindReplace .hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, needle: str = "", replacement: str = "") -> None:
        super().__init__()
        self.needle = needle
        self.replacement = replacement

    def compose(self) -> ComposeResult:
        with Vertical():
            with Horizontal():
                yield Label("查找")
                yield Input(self.needle, placeholder="要找的文字", compact=True, id="needle")
            with Horizontal():
                yield Label("替换为")
                yield Input(
                    self.replacement,
                    placeholder="换成的文字（可空）",
                    compact=True,
                    id="replacement",
                )
            yield Label("查找框回车：找下一处（F11 再找）", classes="hint")
            yield Label("替换框回车：全部替换（可 ctrl+z 撤销）；Esc 取消", classes="dim")

    def on_mount(self) -> None:
        self.query_one("#needle", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        needle = self.query_one("#needle", Input).value
        if not needle:
            self.query_one("#needle", Input).focus()
            return
        replacement = self.query_one("#replacement", Input).value
        action: Literal["find", "replace_all"] = (
            "replace_all" if event.input.id == "replacement" else "find"
        )
        self.dismiss(FindRequest(action, needle, replacement))

    def action_cancel(self) -> None:
        self.dismiss(None)
