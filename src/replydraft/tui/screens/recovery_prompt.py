"""Offered at start when an autosaved draft was left behind by a crash or `kill -9`."""

from __future__ import annotations

import datetime as _dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from replydraft.tui.autosave import Recovered
from replydraft.tui.compositor import Modal


class RecoveryPrompt(Modal[str]):
    """Returns "recover", "discard" (delete the autosave) or "later" (keep it, start fresh)."""

    BINDINGS = [
        Binding("escape", "choose('later')", "稍后", id="recovery.later"),
        Binding("r", "choose('recover')", "恢复", show=False, id="recovery.recover"),
    ]

    DEFAULT_CSS = """
    RecoveryPrompt { align: center middle; }
    RecoveryPrompt Label { width: 100%; }
    RecoveryPrompt > Vertical { width: 76; max-width: 100%; height: auto; max-height: 80%; border: thick $accent; padding: 1 2; background: $surface; }
    RecoveryPrompt #peek { height: auto; max-height: 8; color: $text-muted; margin-top: 1; }
    RecoveryPrompt Horizontal { height: auto; margin-top: 1; }
    RecoveryPrompt Button { margin-right: 1; }
    """

    def __init__(self, recovered: Recovered, others: int = 0) -> None:
        super().__init__()
        self.recovered = recovered
        self.others = others

    def compose(self) -> ComposeResult:
        item = self.recovered
        when = _dt.datetime.fromtimestamp(item.saved_at).strftime("%Y-%m-%d %H:%M:%S")
        lines = [line for line in item.text.splitlines() if line.strip()]
        with Vertical():
            yield Label("发现上次未正常退出时自动保存的草稿，要恢复吗？", id="question")
            yield Label(f"《{item.title}》 自动保存于 {when}，共 {len(lines)} 段")
            if item.draft_path:
                yield Label(f"草稿文件：{item.draft_path}")
            if self.others:
                yield Label(f"（另有 {self.others} 份自动保存的草稿，恢复后会再次提示）")
            yield Static("\n".join(line[:70] for line in lines[:6]), id="peek")
            with Horizontal():
                yield Button("恢复", variant="primary", id="recover")
                yield Button("丢弃", variant="error", id="discard")
                yield Button("稍后再说", id="later")

    def on_mount(self) -> None:
        self.query_one("#recover", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
