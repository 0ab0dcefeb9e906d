"""A question with a few answers as buttons (replace an existing file? overwrite a changed one?).

Returns the id of the chosen answer, or "cancel" on Esc. `replace_dialog` and
`conflict_dialog` are the two questions asked before a save or an export writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from replydraft.tui.compositor import Modal


@dataclass(frozen=True)
class Choice:
    """One answer: its id (returned), its button label, and the button's look."""

    id: str
    label: str
    variant: str = "default"


class ChoiceDialog(Modal[str]):
    """A question, an optional detail (shown dim), and one button per choice."""

    BINDINGS = [Binding("escape", "choose('cancel')", "取消", id="choice_dialog.cancel")]

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog Label { width: 100%; }
    ChoiceDialog > Vertical { width: 84; max-width: 100%; height: auto; max-height: 90%; border: thick $warning; padding: 1 2; background: $surface; }
    ChoiceDialog #detail { color: $text-muted; margin-top: 1; height: auto; max-height: 12; }
    ChoiceDialog Horizontal { height: auto; margin-top: 1; }
    ChoiceDialog Button { margin-right: 1; }
    """

    def __init__(self, question: str, choices: list[Choice], detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, id="question")
            if self.detail:
                yield Static(self.detail, id="detail", markup=False)
            with Horizontal():
                for choice in self.choices:
                    yield Button(choice.label, variant=choice.variant, id=choice.id)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def replace_dialog(path: Path) -> ChoiceDialog:
    """Asked before writing over a file this session did not load or save: 替换/另存为副本/取消."""
    return ChoiceDialog(
        f"文件已存在：{path.name}",
        [
            Choice("copy", "另存为副本", "primary"),
            Choice("replace", "替换", "error"),
            Choice("cancel", "取消"),
        ],
        detail=f"{path}\n替换会覆盖这个文件原有的内容；另存为副本则写到旁边的新文件，原文件不动。",
    )


def conflict_dialog(path: Path, diff: str = "") -> ChoiceDialog:
    """Asked when our draft file was changed by someone else since we loaded or saved it."""
    detail = f"{path}\n打开或上次保存之后，这个文件被其他程序或其他人改过。"
    if diff:
        detail += "\n\n文件中的内容与本窗口草稿的差异（- 文件中，+ 本窗口）：\n" + diff
    return ChoiceDialog(
        "草稿文件已被别人修改",
        [
            Choice("copy", "另存为副本", "primary"),
            Choice("overwrite", "覆盖", "error"),
            Choice("cancel", "取消"),
        ],
        detail=detail,
    )
