"""The export dialog: txt, md, docx or body to a file, or copy the body to the clipboard.

It opens in the format list, on the format chosen last (●): ↑/↓ choose another (the path
follows), Enter exports; Tab reaches the path and the buttons."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from replydraft.export.naming import export_path, stem_of
from replydraft.tui.compositor import Modal

FORMATS = ("docx", "txt", "md", "body")
FORMAT_LABELS = {
    "docx": "docx  Word 公文格式",
    "txt": "txt   纯文本",
    "md": "md    Markdown 标记文本",
    "body": "body  仅正文（无标题、落款）",
}


class FormatList(RadioSet):
    """The formats: ↑/↓ choose one at once (the path follows), Enter exports."""

    BINDINGS = [Binding("enter", "submit", "导出", show=False, id="export_dialog.submit")]

    class Submitted(Message):
        """Enter in the list: export with the format chosen."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self._choose_selected()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._choose_selected()

    def _choose_selected(self) -> None:
        if self._selected is not None:
            button = self._nodes[self._selected]
            if isinstance(button, RadioButton) and not button.value:
                button.value = True

    def action_submit(self) -> None:
        self.post_message(self.Submitted())


@dataclass(frozen=True)
class ExportChoice:
    """What the officer chose: a format and a file, or `fmt == "copy"` (clipboard, no file)."""

    fmt: str
    path: Path | None = None


class ExportDialog(Modal[ExportChoice | None]):
    """Pick a format and a file; 导出 writes it, 复制正文 puts the body on the clipboard."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="export_dialog.cancel")]

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog Label { width: 100%; }
    ExportDialog > Vertical { width: 84; max-width: 100%; height: auto; border: thick $accent; padding: 1 2; background: $surface; }
    ExportDialog RadioSet { width: 100%; margin: 1 0; }
    ExportDialog RadioSet:focus > RadioButton.-on { text-style: bold; }
    ExportDialog Horizontal { height: auto; margin-top: 1; }
    ExportDialog Button { margin-right: 1; }
    """

    def __init__(self, stem: Path, fmt: str = "docx") -> None:
        super().__init__()
        self.stem = stem
        self.fmt = fmt if fmt in FORMATS else "docx"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("导出草稿：↑↓ 选格式，回车导出；Tab 改路径", id="heading")
            with FormatList(id="formats"):
                for fmt in FORMATS:
                    yield RadioButton(FORMAT_LABELS[fmt], value=fmt == self.fmt, id=f"fmt-{fmt}")
            yield Label("保存到文件：")
            yield Input(str(export_path(self.stem, self.fmt)), id="path")
            with Horizontal():
                yield Button("导出", variant="primary", id="export")
                yield Button("复制正文到剪贴板", id="copy")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#formats", FormatList).focus()

    @on(FormatList.Submitted)
    def _list_submitted(self) -> None:
        self._export()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = (event.pressed.id or "fmt-docx").removeprefix("fmt-")
        box = self.query_one("#path", Input)
        box.value = str(export_path(stem_of(Path(box.value)), self.fmt))

    @on(Input.Submitted, "#path")
    def _submitted(self) -> None:
        self._export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self._export()
        elif event.button.id == "copy":
            self.dismiss(ExportChoice("copy"))
        else:
            self.dismiss(None)

    def _export(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            self.notify("请填写导出文件路径", severity="warning")
            return
        self.dismiss(ExportChoice(self.fmt, Path(value).expanduser()))

    def action_cancel(self) -> None:
        self.dismiss(None)
