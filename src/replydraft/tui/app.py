"""The replydraft terminal UI: the app shell (bindings, config, keymap, screens, palette).

The work happens on the draft screen (`tui.draft_screen`): form, editor, outline, search,
checks, and the file actions behind save/export/quit. The app opens the draft (a malformed
file fails here, before the terminal is taken), applies the config's keymap, pushes the draft
screen, and hands its bindings' actions to it. `make_app` is the one factory the CLI, the
tests and the benchmarks share; its delays are arguments so tests run with no debounce.
"""

from __future__ import annotations

import datetime as _dt
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from replydraft.draft.model import ProposalMeta
from replydraft.draft.session import DraftSession
from replydraft.errors import ReplydraftError
from replydraft.tui import keymap
from replydraft.tui.draft_screen import Delays, DraftScreen
from replydraft.tui.palette import ChinesePalette, ReplydraftCommands, palette_entries
from replydraft.tui.screens.help_screen import HelpScreen

if TYPE_CHECKING:
    from replydraft.library.store import Library

DEFAULT_DELAYS = Delays()
"""The delays an app gets unless `make_app` is told otherwise (the TUI tests' fixture sets the
debounces to zero here, so every app a test starts waits on conditions, not on the clock)."""

HELP_NOTES = [
    "",
    "搜索框：输入即搜索；↓ 进入结果，回车把高亮段落插入光标所在部分（可 ctrl+z 撤销）。",
    "搜索框为空时，列表显示适合光标所在部分的建议段落。",
    "ctrl+n 选中下一处【待填】或【待核】，直接输入即替换；ctrl+l 查找替换，F11 再找下一处。",
    "大纲/检查：回车跳到对应行（待填、待核则选中它）。自动保存每 2 秒一次；异常退出后再次启动会提示恢复。",
    "改键：replydraft config set keymap.<改键名称> <键>，",
    "      例如 replydraft config set keymap.app.export ctrl+e 把导出改到 ctrl+e。",
]


class ReplydraftApp(App[None]):
    """Draft a reply: fill the form, watch the skeleton, pull in matched paragraphs, export."""

    TITLE = "replydraft"
    COMMANDS = App.COMMANDS | {ReplydraftCommands}
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        *keymap.APP_BINDINGS
    ]
    """Every binding has an id: the config's `keymap` (id -> keys) remaps them."""

    def __init__(
        self,
        draft_path: str | Path | None = None,
        *,
        library: Library | None = None,
        library_path: str | Path | None = None,
        offer_recovery: bool = True,
        cwd: Path | None = None,
        delays: Delays | None = None,
    ) -> None:
        super().__init__()
        self.library: Library | None = library
        self.library_path = library_path
        self.config = _load_config()
        self.keymap: dict[str, str] = dict(getattr(self.config, "keymap", None) or {})
        self.first_paint: float | None = None
        self.library_ready: float | None = None
        self._started = time.perf_counter()
        session = DraftSession.start(draft_path, _meta_from_config(self.config))
        self.draft_screen = DraftScreen(
            session,
            cwd=cwd or Path.cwd(),
            delays=delays or DEFAULT_DELAYS,
            offer_recovery=offer_recovery,
        )

    @property
    def session(self) -> DraftSession:
        return self.draft_screen.session

    def get_default_screen(self) -> Screen:
        """The draft screen is the app's first screen (as posting's MainScreen)."""
        return self.draft_screen

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        unknown = keymap.unknown_ids(self.keymap)
        if unknown:
            self.notify(
                f"配置里的改键名称不存在，已忽略：{'、'.join(unknown)}。按 F1 查看可用的名称。",
                severity="warning",
                timeout=15,
            )
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        if self.first_paint is None:
            self.first_paint = time.perf_counter() - self._started

    def library_loaded(self) -> None:
        """Note when the library became usable (the benchmarks read it)."""
        if self.library_ready is None:
            self.library_ready = time.perf_counter() - self._started

    # --- the bindings' actions: the draft screen does the work -----------------------------

    async def action_quit(self) -> None:
        self.draft_screen.files.quit()

    def action_save(self) -> None:
        self.draft_screen.action_save()

    def action_save_as(self) -> None:
        self.draft_screen.action_save_as()

    def action_export(self) -> None:
        self.draft_screen.action_export()

    def action_focus_search(self) -> None:
        self.draft_screen.action_focus_search()

    def action_focus_form(self) -> None:
        self.draft_screen.action_focus_form()

    def action_focus_editor(self) -> None:
        self.draft_screen.action_focus_editor()

    def action_focus_checks(self) -> None:
        self.draft_screen.action_focus_checks()

    def action_focus_outline(self) -> None:
        self.draft_screen.action_focus_outline()

    def action_toggle_left(self) -> None:
        self.draft_screen.action_toggle_left()

    def action_toggle_right(self) -> None:
        self.draft_screen.action_toggle_right()

    def action_next_mark(self) -> None:
        self.draft_screen.action_next_mark()

    def action_find_replace(self) -> None:
        self.draft_screen.action_find_replace()

    def action_find_next(self) -> None:
        self.draft_screen.action_find_next()

    def action_command_palette(self) -> None:
        """The command palette, in Chinese (`palette.ChinesePalette`)."""
        open_already = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not open_already:
            self.push_screen(ChinesePalette())

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_rows(), HELP_NOTES))

    # --- keys, palette ----------------------------------------------------------------------

    def key_rows(self) -> list[tuple[str, str, str]]:
        """(keys, description, id) of every binding, with the config's keymap applied."""
        return keymap.key_rows(self.keymap)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        """(name, keys or help, callback) for the command palette: one entry per action."""
        return [
            (entry.name, entry.help_text(self.keymap), entry.callback)
            for entry in palette_entries(self.draft_screen)
        ]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette entries, in Chinese; quit and keys are ours already."""
        yield SystemCommand("视图：配色主题", "更换界面配色", self.action_change_theme)
        if screen.maximized is not None:
            yield SystemCommand("视图：还原", "还原最大化的栏位", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("视图：最大化", "把当前栏位放大到全屏", screen.action_maximize)


def binding_ids() -> set[str]:
    """The id of every binding of the UI: what the config's `keymap` may name."""
    return keymap.binding_ids()


def _load_config() -> Any:
    from replydraft.config import load_config

    try:
        return load_config()
    except ReplydraftError:
        return None


def _meta_from_config(config: Any) -> ProposalMeta:
    meta = ProposalMeta(kind="suggestion", role="reply", date=_dt.date.today().isoformat())
    if config is not None:
        for name in ("unit", "leader", "handler", "phone", "work_phrase"):
            value = getattr(config, name, None)
            if value:
                setattr(meta, name, value)
    return meta


def make_app(
    draft_path: str | Path | None = None,
    *,
    library: Library | None = None,
    library_path: str | Path | None = None,
    offer_recovery: bool = True,
    cwd: Path | None = None,
    debounce: float | None = None,
    autosave: float | None = None,
) -> ReplydraftApp:
    """The app as the CLI, the tests and the benchmarks build it.

    `debounce` (seconds) replaces both debounces (form -> skeleton, edit -> analysis); tests
    pass 0.0. `autosave` is the autosave interval; 0 autosaves after every analysis instead.
    """
    delays = DEFAULT_DELAYS
    if debounce is not None:
        delays = Delays(skeleton=debounce, analyse=debounce, autosave=delays.autosave)
    if autosave is not None:
        delays = Delays(skeleton=delays.skeleton, analyse=delays.analyse, autosave=autosave)
    return ReplydraftApp(
        draft_path,
        library=library,
        library_path=library_path,
        offer_recovery=offer_recovery,
        cwd=cwd,
        delays=delays,
    )
