"""The app's key bindings, the ids the config's `keymap` may remap, and the keys as bound now.

Every binding has an id (`app.save`, `editor.renumber`…): `replydraft config set keymap.<id>
<keys>` remaps it. The help screen and the command palette read the keys from here, so they
show the keys actually bound after a remap, never the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding
from textual.dom import DOMNode

from replydraft.tui.widgets.draft_editor import DraftEditor

APP_BINDINGS = [
    Binding("ctrl+q", "quit", "退出", priority=True, id="app.quit"),
    Binding("ctrl+s", "save", "保存", priority=True, id="app.save"),
    Binding("f1", "help", "帮助", id="app.help"),
    Binding("f12", "save_as", "另存为", show=False, id="app.save_as"),
    Binding("ctrl+o", "export", "导出", priority=True, id="app.export"),
    Binding("ctrl+f", "focus_search", "搜索", priority=True, id="app.search"),
    Binding("ctrl+n", "next_mark", "下一待填", priority=True, id="app.next_mark"),
    Binding("ctrl+l", "find_replace", "查找替换", show=False, id="app.find_replace"),
    Binding("f11", "find_next", "再找", show=False, id="app.find_next"),
    Binding("f2", "focus_form", "表单", id="app.form"),
    Binding("f3", "focus_editor", "编辑", id="app.editor"),
    Binding("f4", "focus_checks", "检查", id="app.checks"),
    Binding("f5", "focus_outline", "大纲", show=False, id="app.outline"),
    Binding("f9", "toggle_left", "表单栏", show=False, id="app.toggle_left"),
    Binding("f10", "toggle_right", "搜索栏", show=False, id="app.toggle_right"),
    Binding(
        "ctrl+p",
        "command_palette",
        "命令",
        show=False,
        priority=True,
        tooltip="打开命令面板",
        id="app.command_palette",
    ),
]
"""The app's bindings, in footer order: 退出, 保存 and 帮助 first, so they stay at 80 columns.
The command palette's key is bound here, not by App, so it has an id
and the footer reads 命令."""


def _shown_bindings() -> list[Binding]:
    """The bindings the help screen lists: the app's, then the editor's."""
    return [b for b in (*APP_BINDINGS, *DraftEditor.BINDINGS) if isinstance(b, Binding)]


def binding_ids() -> set[str]:
    """The id of every binding of the UI: what the config's `keymap` may name."""
    from replydraft.tui.screens.choice_dialog import ChoiceDialog
    from replydraft.tui.screens.confirm_quit import ConfirmQuit
    from replydraft.tui.screens.export_dialog import ExportDialog, FormatList
    from replydraft.tui.screens.find_replace import FindReplace
    from replydraft.tui.screens.help_screen import HelpScreen
    from replydraft.tui.screens.path_prompt import PathPrompt
    from replydraft.tui.screens.recovery_prompt import RecoveryPrompt
    from replydraft.tui.widgets.search_panel import SearchInput

    owners: list[type[DOMNode]] = [DraftEditor, SearchInput, ConfirmQuit, ExportDialog]
    owners += [ChoiceDialog, HelpScreen, PathPrompt, RecoveryPrompt, FindReplace, FormatList]
    bindings = [*APP_BINDINGS, *(b for owner in owners for b in owner.BINDINGS)]
    return {b.id for b in bindings if isinstance(b, Binding) and b.id}


def unknown_ids(keymap: Mapping[str, str]) -> list[str]:
    """The names in `keymap` that are no binding of ours (the config cannot check them: it
    must not import textual)."""
    return sorted(set(keymap) - binding_ids())


def keys_for(keymap: Mapping[str, str], binding_id: str) -> str:
    """The keys bound to `binding_id` now: the keymap's, else the binding's default."""
    if binding_id in keymap:
        return keymap[binding_id]
    for binding in _shown_bindings():
        if binding.id == binding_id:
            return binding.key
    raise KeyError(binding_id)


def key_rows(keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(keys, description, id) of every binding, with `keymap` applied."""
    return [
        (keymap.get(b.id, b.key) if b.id else b.key, b.description, b.id or "")
        for b in _shown_bindings()
    ]


def short_keys(keys: str) -> str:
    """Keys as the footer writes them: `ctrl+f` -> `^f`, `f2` -> `F2` (the first of a list)."""
    first = keys.split(",")[0].strip()
    if first.startswith("ctrl+"):
        return "^" + first.removeprefix("ctrl+")
    if len(first) > 1 and first[0] == "f" and first[1:].isdigit():
        return first.upper()
    return first
