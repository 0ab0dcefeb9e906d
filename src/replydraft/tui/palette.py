"""The command palette (ctrl+p): one "category: action" entry for every action of the app.

Each entry names the binding it runs, and its help shows the keys bound to that binding now
(`keymap.keys_for`), so a remapped key reads right in the palette too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from replydraft.tui.compositor import keep_wide_chars_whole
from replydraft.tui.keymap import keys_for

if TYPE_CHECKING:
    from replydraft.tui.draft_screen import DraftScreen

EXPORT_FORMATS = {
    "docx": "公文格式（.docx）",
    "txt": "纯文本（.txt）",
    "md": "标记文本（.md）",
    "body": "仅正文（.body.txt）",
}
"""The palette's export entries: format -> how the officer reads it."""


@dataclass(frozen=True)
class PaletteEntry:
    """One palette line: its name, what runs, and the binding (for its keys) or a fixed help."""

    name: str
    callback: Callable[[], Any]
    binding_id: str | None = None
    help: str = ""

    def help_text(self, keymap: Mapping[str, str]) -> str:
        return keys_for(keymap, self.binding_id) if self.binding_id else self.help


def palette_entries(screen: DraftScreen) -> list[PaletteEntry]:
    """Every action of the draft screen, as palette entries."""
    app, editor = screen.app, screen.editor
    entries = [
        PaletteEntry("文件：保存草稿", screen.action_save, "app.save"),
        PaletteEntry("文件：另存为", screen.action_save_as, "app.save_as"),
        PaletteEntry("文件：退出", app.action_quit, "app.quit"),
        PaletteEntry("视图：表单", screen.action_focus_form, "app.form"),
        PaletteEntry("视图：编辑器", screen.action_focus_editor, "app.editor"),
        PaletteEntry("视图：搜索段落", screen.action_focus_search, "app.search"),
        PaletteEntry("视图：检查", screen.action_focus_checks, "app.checks"),
        PaletteEntry("视图：大纲", screen.action_focus_outline, "app.outline"),
        PaletteEntry("视图：显示/隐藏表单栏", screen.action_toggle_left, "app.toggle_left"),
        PaletteEntry("视图：显示/隐藏搜索栏", screen.action_toggle_right, "app.toggle_right"),
        PaletteEntry("编辑：重排正文序号", editor.action_renumber, "editor.renumber"),
        PaletteEntry("编辑：段落上移", lambda: editor.action_move_paragraph(-1), "editor.move_up"),
        PaletteEntry("编辑：段落下移", lambda: editor.action_move_paragraph(1), "editor.move_down"),
        PaletteEntry(
            "编辑：删除段落并重排", editor.action_delete_paragraph, "editor.delete_paragraph"
        ),
        PaletteEntry("编辑：半角标点改全角", editor.action_fullwidth, "editor.fullwidth"),
        PaletteEntry(
            "编辑：数字已核，删除本段【待核】",
            editor.action_confirm_figures,
            "editor.confirm_figures",
        ),
        PaletteEntry("编辑：下一处待填/待核", screen.action_next_mark, "app.next_mark"),
        PaletteEntry("编辑：查找替换", screen.action_find_replace, "app.find_replace"),
        PaletteEntry("编辑：查找下一处", screen.action_find_next, "app.find_next"),
        PaletteEntry(
            "编辑：插入高亮的搜索结果", screen.insert_highlighted, help="Enter（在结果列表中）"
        ),
        PaletteEntry("导出：导出对话框", screen.action_export, "app.export"),
        PaletteEntry(
            "导出：复制正文到剪贴板", screen.files.copy_body, help="整篇正文，不含标题和落款"
        ),
        PaletteEntry("帮助：快捷键", app.action_help, "app.help"),
    ]
    for fmt, label in EXPORT_FORMATS.items():
        entries.append(
            PaletteEntry(f"导出：{label}", _exporter(screen, fmt), help="导出到草稿旁的默认路径")
        )
    return entries


def _exporter(screen: DraftScreen, fmt: str) -> Callable[[], None]:
    """Export `fmt` to the default path (one closure per format)."""

    def export() -> None:
        screen.files.export_default(fmt)

    return export


class ReplydraftCommands(Provider):
    """Offers the draft screen's palette entries: file, view, edit, export and help actions."""

    def _entries(self) -> list[tuple[str, str, Callable[[], Any]]]:
        commands = getattr(self.app, "palette_commands", None)
        return commands() if commands else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._entries():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._entries():
            score = max(matcher.match(name), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class ChinesePalette(CommandPalette):
    """Textual's command palette, reading Chinese: its placeholder and its 'no matches' line."""

    def __init__(self) -> None:
        super().__init__(placeholder="输入命令名称搜索…", id="--command-palette")
        keep_wide_chars_whole(self)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As CommandPalette's (Textual 8.2, pinned), with the line in Chinese."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text("没有匹配的命令", style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
