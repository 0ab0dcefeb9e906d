"""Asked when the officer quits with unsaved changes: save, discard, or stay."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from replydraft.tui.compositor import Modal


class ConfirmQuit(Modal[str]):
    """Returns "save", "discard" or "cancel"."""

    BINDINGS = [
        Binding("escape", "choose('cancel')", "返回编辑", id="quit_dialog.cancel"),
        Binding("s", "choose('save')", "保存", show=False, id="quit_dialog.save"),
        Binding("d", "choose('discard')", "放弃", show=False, id="quit_dialog.discard"),
    ]

    DEFAULT_CSS = """
    ConfirmQuit { align: center middle; }
    ConfirmQuit Label { width: 100%; }
    ConfirmQuit > Vertical { width: 64; max-width: 100%; height: auto; border: thick $warning; padding: 1 2; background: $surface; }
    ConfirmQuit Horizontal { height: auto; margin-top: 1; }
    ConfirmQuit Button { margin-right: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("草稿有未保存的修改。退出前保存吗？")
            yield Label(
                "（按 s 保存并退出，按 d 不保存直接退出，按 Esc 返回继续编辑）", classes="dim"
            )
            with Horizontal():
                yield Button("保存并退出", variant="primary", id="save")
                yield Button("不保存，退出", variant="error", id="discard")
                yield Button("返回编辑", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
