"""The help screen: every key the app answers to, as currently mapped (config keymap applied)."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from replydraft.tui.compositor import Modal


class HelpScreen(Modal[None]):
    """A table of (keys, what, binding id); any of Esc, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "close", "关闭", id="help.close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen Static { width: 100%; }
    HelpScreen > VerticalScroll { width: 90; max-width: 100%; height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, rows: list[tuple[str, str, str]], notes: list[str]) -> None:
        super().__init__()
        self.rows = rows
        self.notes = notes

    def compose(self) -> ComposeResult:
        table = Table(title="快捷键", expand=True, show_lines=False)
        table.add_column("按键", style="bold cyan", no_wrap=True)
        table.add_column("作用")
        table.add_column("改键名称", style="dim")
        for keys, description, binding_id in self.rows:
            table.add_row(keys, description, binding_id)
        with VerticalScroll():
            yield Static(table)
            yield Static("\n".join(self.notes))

    def action_close(self) -> None:
        self.dismiss(None)
