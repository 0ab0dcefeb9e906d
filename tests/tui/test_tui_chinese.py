"""What the officer reads is Chinese: dialogs, the help screen's headings, the footer's palette
key (命令, not "palette"), and the command palette's entries. Key names (ctrl+s, Esc), file
formats (docx, txt, md, Markdown, Word) and file paths are the only Latin text left."""

from __future__ import annotations

import re
from pathlib import Path

from pilot import wait_until
from textual.command import CommandPalette
from textual.widgets import Button, Input, Label, Static
from textual.widgets._footer import FooterKey

from replydraft.tui.app import ReplydraftApp, make_app
from replydraft.tui.autosave import Recovered
from replydraft.tui.screens.confirm_quit import ConfirmQuit
from replydraft.tui.screens.export_dialog import ExportDialog
from replydraft.tui.screens.help_screen import HelpScreen
from replydraft.tui.screens.path_prompt import PathPrompt
from replydraft.tui.screens.recovery_prompt import RecoveryPrompt

ALLOWED = {"docx", "txt", "md", "body", "Markdown", "Word", "Esc", "Enter", "Tab", "ctrl", "down"}
ALLOWED |= {"replydraft", "config", "set", "keymap"}  # the command that remaps a key


def english_words(text: str) -> list[str]:
    """Runs of 3+ Latin letters that are not key names, formats, the config command, or in a
    file path or a dotted name (config.yaml, a binding id like app.export)."""
    text = re.sub(r"[\w./-]*[/.][\w./-]*", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ALLOWED]


def screen_words(app: ReplydraftApp) -> str:
    """The labels, buttons and static text of the active screen (not the paths in inputs)."""
    parts = []
    for widget in app.screen.query("Label, Button, Static"):
        if isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, Label | Static):
            parts.append(str(widget.render()))
    return "\n".join(parts)


async def test_dialogs_read_in_chinese(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        recovered = Recovered(
            path=tmp_path / "x.json",
            text="关于某某的建议\n\n正文",
            meta={"title": "关于某某的建议"},
            draft_path=str(tmp_path / "a.draft.yaml"),
            saved_at=0.0,
        )
        dialogs = [
            ExportDialog(tmp_path / "草稿"),
            ConfirmQuit(),
            PathPrompt("保存草稿到（首次保存）：", str(tmp_path / "a.draft.yaml")),
            RecoveryPrompt(recovered, others=1),
        ]
        for dialog in dialogs:
            app.push_screen(dialog)
            await pilot.pause()
            words = screen_words(app)
            assert re.search(r"[\u4e00-\u9fff]", words)
            assert english_words(words) == [], f"{type(dialog).__name__}: {words}"
            app.pop_screen()
            await pilot.pause()

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query(Static).first().content
        headings = [table.title, *(column.header for column in table.columns)]
        assert english_words(" ".join(map(str, headings))) == [], headings
        notes = str(app.screen.query(Static).last().content)
        assert english_words(notes) == [], notes


async def test_footer_and_palette_read_in_chinese(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        palette_key = [key for key in app.query(FooterKey) if key.key == "ctrl+p"]
        assert [key.description for key in palette_key] == ["命令"]
        assert not any(key.description == "palette" for key in app.query(FooterKey))
        for name, help_text, _callback in app.palette_commands():
            assert english_words(name) == [], name
            assert english_words(help_text) == [], help_text
        for command in app.get_system_commands(app.screen):
            assert english_words(command.title + command.help) == [], command
        await pilot.press("ctrl+p")  # the palette opens on its key, bound with an id
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        box = app.screen.query_one(Input)
        assert box.placeholder == "输入命令名称搜索…"
        await pilot.press("z", "z", "z", "q")
        await wait_until(
            pilot,
            lambda: (
                "没有匹配的命令" in "".join(s.text for s in app.screen._compositor.render_strips())
            ),
            "the palette's no-match line, in Chinese",
        )
