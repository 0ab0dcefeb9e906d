"""The replydraft terminal UI: form, editor with outline, live search, checks, save/export.

State lives here; widgets render it and post messages. Heavy work (loading the library,
searching, rendering the skeleton, checking) runs in thread workers that never touch widgets:
they hand results back with `call_from_thread`, and only handlers on the app's thread change
state. `make_app` is the one factory the CLI, the tests and the benchmarks share.

The editor's text is the truth for the body; the form is the truth for the metadata. The draft
model is derived from both whenever something needs it (`compose.follow`). Offsets are characters.
"""

from __future__ import annotations

import datetime as _dt
import gc
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static, TextArea

from replydraft.anatomy import PART_LABELS
from replydraft.compose import follow
from replydraft.draft.model import Draft, ProposalMeta
from replydraft.errors import ReplydraftError
from replydraft.tui.autosave import Autosaver, Recovered, orphans
from replydraft.tui.messages import JumpToLine
from replydraft.tui.palette import ReplydraftCommands
from replydraft.tui.screens.confirm_quit import ConfirmQuit
from replydraft.tui.screens.export_dialog import ExportChoice, ExportDialog
from replydraft.tui.screens.help_screen import HelpScreen
from replydraft.tui.screens.path_prompt import PathPrompt
from replydraft.tui.screens.recovery_prompt import RecoveryPrompt
from replydraft.tui.widgets.checks_panel import ChecksPanel
from replydraft.tui.widgets.draft_editor import DraftEditor
from replydraft.tui.widgets.outline import Outline
from replydraft.tui.widgets.proposal_form import ProposalForm
from replydraft.tui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:
    from replydraft.draft.checks import Problem
    from replydraft.library.store import Library
    from replydraft.matching import Match

AUTOSAVE_SECONDS = 2.0
"""How often unsaved typing is written to the recovery file."""
SKELETON_DELAY = 0.25
"""Debounce between a form edit and re-rendering the skeleton."""
ANALYSE_DELAY = 0.4
"""Debounce between an edit and refreshing the outline and checks."""
NARROW_WIDTH = 110
"""Below this many columns the side panels shrink; below 90 the search panel starts hidden."""


class ReplydraftApp(App[None]):
    """Draft a reply: fill the form, watch the skeleton, pull in matched paragraphs, export."""

    TITLE = "replydraft"
    COMMANDS = App.COMMANDS | {ReplydraftCommands}

    BINDINGS = [
        Binding("ctrl+q", "quit", "退出", priority=True, id="app.quit"),
        Binding("ctrl+s", "save", "保存", priority=True, id="app.save"),
        Binding("ctrl+o", "export", "导出", priority=True, id="app.export"),
        Binding("ctrl+f", "focus_search", "搜索", priority=True, id="app.search"),
        Binding("f1", "help", "帮助", id="app.help"),
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
    """Every binding has an id: the config's `keymap` (id -> keys) remaps them. The command
palette's key is bound here, not by App, so it has an id and the footer reads 命令."""

    CSS = """
    #main { height: 1fr; }
    #left { width: 30; border-right: solid $primary-muted; }
    #centre { width: 1fr; }
    #right { width: 42; border-left: solid $primary-muted; }
    #editor-title { height: 1; background: $boost; color: $text-muted; padding: 0 1; }
    #editor-title.editing { background: $primary-muted; color: $text; }
    .narrow #left { width: 26; }
    .narrow #right { width: 34; }
    .hide-left #left { display: none; }
    .hide-right #right { display: none; }
    """

    def __init__(
        self,
        draft_path: str | Path | None = None,
        *,
        library: Library | None = None,
        library_path: str | Path | None = None,
        offer_recovery: bool = True,
        cwd: Path | None = None,
    ) -> None:
        super().__init__()
        self.draft_path: Path | None = Path(draft_path) if draft_path else None
        self.library: Library | None = library
        self.library_path = library_path
        self.offer_recovery = offer_recovery
        self.cwd = cwd or Path.cwd()
        self.config = _load_config()
        self.meta = _meta_from_config(self.config)
        self.draft = Draft(meta=self.meta, parts=[])
        self.reused = follow.Reused()
        self.spans: list[follow.PartSpan] = []
        self.problems: list[Problem] = []
        self.last_skeleton: str | None = None
        """The editor text as the last skeleton left it; None once the officer has edited."""
        self.rendered_meta: ProposalMeta = self.meta
        """The metadata the editor's frame parts were rendered from (for refresh_frame)."""
        self.saved_text: str = ""
        self.saved_meta: ProposalMeta = self.meta
        self.autosaver = Autosaver()
        self._autosave_pending = False
        self._skeleton_timer: Timer | None = None
        self._analyse_timer: Timer | None = None
        self._skeleton_seq = 0
        self._analyse_seq = 0
        self.first_paint: float | None = None
        self.library_ready: float | None = None
        self._started = time.perf_counter()
        self._full_meta: tuple[ProposalMeta, ProposalMeta] | None = None
        self.dirty = False
        """Edited since the last save (the title bar shows it)."""
        self.form_problem = ""
        """Why the skeleton could not follow the form just now (shown above the editor)."""
        self._initial_text = ""
        if self.draft_path is not None and self.draft_path.exists():
            loaded = Draft.load(self.draft_path)
            self.meta = loaded.meta
            self.draft = loaded
            self._initial_text = _render(loaded)
            self.saved_text = self._initial_text
            self.saved_meta = loaded.meta
            self.rendered_meta = loaded.meta

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield ProposalForm(self.meta, id="form")
                yield Outline(id="outline")
            with Vertical(id="centre"):
                yield Static("草稿", id="editor-title")
                yield DraftEditor(self._initial_text, id="editor")
                yield ChecksPanel(id="checks")
            with Vertical(id="right"):
                yield SearchPanel(id="search")
        yield Footer()

    @property
    def editor(self) -> DraftEditor:
        return self.query_one("#editor", DraftEditor)

    def _widgets_gone(self) -> bool:
        """True while the app shuts down and its widgets are already removed.

        Debounce timers and worker callbacks can still fire then; they must do nothing
        rather than fail looking for the editor.
        """
        return self.query_one_optional("#editor", DraftEditor) is None

    @property
    def form(self) -> ProposalForm:
        return self.query_one("#form", ProposalForm)

    @property
    def search_panel(self) -> SearchPanel:
        return self.query_one("#search", SearchPanel)

    def on_mount(self) -> None:
        if self.config is not None and getattr(self.config, "keymap", None):
            keymap = dict(self.config.keymap)
            self.set_keymap(keymap)
            unknown = sorted(set(keymap) - binding_ids())
            if unknown:  # the config cannot check them: it must not import textual
                self.notify(
                    f"配置里的改键名称不存在，已忽略：{'、'.join(unknown)}。按 F1 查看可用的名称。",
                    severity="warning",
                    timeout=15,
                )
        self.query_one("#outline", Outline).border_title = "大纲"
        self.query_one("#checks", ChecksPanel).border_title = "检查"
        self.query_one("#form", ProposalForm).border_title = "建议/提案"
        self._update_title()
        self._apply_width(self.size.width)
        self.form.focus_title()
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)
        self.call_after_refresh(self._painted)
        if self.library is None:
            self._load_library()
        else:
            self._library_loaded(self.library)
        if self._initial_text:
            self._schedule_analyse()
        if self.offer_recovery:
            self._offer_recovery()

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _focus_moved(self, event: events.DescendantFocus | events.DescendantBlur) -> None:
        """Mark the editor's focus on its title bar (the editor has no border: see DraftEditor)."""
        editing = self.focused is not None and self.focused.id == "editor"
        self.query_one("#editor-title", Static).set_class(editing, "editing")

    def _painted(self) -> None:
        if self.first_paint is None:
            self.first_paint = time.perf_counter() - self._started

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.screen.set_class(width < NARROW_WIDTH, "narrow")
        if width < 90 and not getattr(self, "_auto_hid", False):
            self._auto_hid = True
            self.screen.add_class("hide-right")

    # --- library ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def _load_library(self) -> None:
        from replydraft.library.store import Library

        try:
            library = Library.for_user(self.library_path)
        except ReplydraftError as exc:
            self.call_from_thread(
                self.notify,
                f"段落库读取失败，改用内置段落库：{exc.one_line()}",
                severity="error",
                timeout=10,
            )
            library = Library.default()
        self.call_from_thread(self._library_loaded, library)

    def _library_loaded(self, library: Library) -> None:
        self.library = library
        # A large library is millions of long-lived objects: every full garbage collection
        # walked them all (40-70 ms at 10,000 paragraphs), which showed as stalls while
        # typing. Collect once now and move them out of the collector's sight.
        gc.collect()
        gc.freeze()
        self.library_ready = time.perf_counter() - self._started
        self.search_panel.set_library(library)
        self._update_suggestion()
        if self.editor_untouched() and self.meta.title:
            self._schedule_skeleton()

    # --- form -> skeleton ---------------------------------------------------------------

    @on(ProposalForm.Changed)
    def _form_changed(self, event: ProposalForm.Changed) -> None:
        meta = self.form.meta(self.meta)
        if meta == self.meta:
            return
        self.meta = meta
        self.dirty = True
        self._autosave_pending = True
        self._update_title()
        self._update_suggestion()
        self._schedule_skeleton()

    def _schedule_skeleton(self) -> None:
        if self._skeleton_timer is not None:
            self._skeleton_timer.stop()
        self._skeleton_timer = self.set_timer(SKELETON_DELAY, self._render_skeleton)

    def editor_untouched(self) -> bool:
        """True while the editor still shows the last skeleton (or nothing)."""
        text = self.editor.text
        return not text.strip() or text == self.last_skeleton

    def _render_skeleton(self) -> None:
        if self._widgets_gone() or not self.meta.title.strip():
            return
        self._skeleton_seq += 1
        self._build_skeleton(self._skeleton_seq, self.meta, self.library)

    @work(thread=True, exclusive=True, group="skeleton")
    def _build_skeleton(self, seq: int, meta: ProposalMeta, library: Library | None) -> None:
        from replydraft.compose.skeleton import build_skeleton

        try:
            skeleton = build_skeleton(meta, library, config=self.config)
        except ReplydraftError as exc:  # e.g. a date half typed: say so, keep the text
            self.call_from_thread(self._set_form_problem, _form_problem(meta, exc))
            return
        self.call_from_thread(self._skeleton_ready, seq, skeleton)

    def _set_form_problem(self, problem: str) -> None:
        self.form_problem = problem
        self._update_title()

    def _skeleton_ready(self, seq: int, skeleton: Draft) -> None:
        if seq != self._skeleton_seq or self._widgets_gone():
            return
        self.form_problem = ""
        current = self.editor.text
        previous = self.reused.previous(follow.with_meta(self.draft, self.rendered_meta))
        followed, draft = follow.follow_form(
            current, self.last_skeleton, skeleton, previous, self.config
        )
        wholesale = draft is skeleton
        self.draft = draft
        self.rendered_meta = skeleton.meta
        if followed != current:
            self.editor.set_text_undoable(followed)
        self.last_skeleton = self.editor.text if wholesale else None

    # --- editor -> outline, checks, suggestions -----------------------------------------

    @on(TextArea.Changed, "#editor")
    def _editor_changed(self, event: TextArea.Changed) -> None:
        self._autosave_pending = True
        self.dirty = True
        self._update_title()
        self._schedule_analyse()

    def _schedule_analyse(self) -> None:
        if self._analyse_timer is not None:
            self._analyse_timer.stop()
        self._analyse_timer = self.set_timer(ANALYSE_DELAY, self.analyse_now)

    def analyse_now(self) -> None:
        """Refresh outline and checks from the editor's text (debounced caller)."""
        if self._widgets_gone():
            return
        self._analyse_seq += 1
        self._analyse(self._analyse_seq, self.editor.text, self._previous())

    @work(thread=True, exclusive=True, group="analyse")
    def _analyse(self, seq: int, text: str, previous: Draft) -> None:
        try:
            draft = follow.parse(text, previous)
            spans = follow.part_spans(text, previous)
            from replydraft.draft.checks import check_draft

            problems = check_draft(draft)
        except ReplydraftError as exc:
            self.call_from_thread(
                self.notify, f"草稿分析出错：{exc.one_line()}", severity="warning"
            )
            return
        self.call_from_thread(self._analysed, seq, text, draft, spans, problems)

    def _analysed(self, seq: int, text: str, draft: Draft, spans, problems) -> None:
        if seq != self._analyse_seq or self._widgets_gone():
            return
        self.draft = draft  # carries the sources of inserted paragraphs from now on
        self.reused.paragraphs.clear()
        self.spans = spans
        self.problems = problems
        self.editor.part_kinds = [span.kind for span in spans]
        self.query_one("#outline", Outline).show(spans, text.split("\n"))
        self.query_one("#outline", Outline).mark(self.editor.cursor_location[0])
        self.query_one("#checks", ChecksPanel).show(problems)
        self._update_suggestion()

    @on(TextArea.SelectionChanged, "#editor")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        self.query_one("#outline", Outline).mark(event.selection.end[0])
        self._update_suggestion()

    def part_at(self, row: int) -> follow.PartSpan | None:
        """The part holding editor row `row` (a blank row belongs to the part above)."""
        found = None
        for span in self.spans:
            if span.first <= row:
                found = span
        return found

    def _update_suggestion(self) -> None:
        from replydraft.matching import SECTIONS

        span = self.part_at(self.editor.cursor_location[0])
        kind = span.kind if span else "next_steps"
        if kind in follow.FRAME_PARTS:
            kind = "next_steps"  # the title or signature has no paragraphs to suggest
        section = kind if kind in SECTIONS else None
        meta = self.full_meta()
        query = " ".join([meta.title, *meta.demands]).strip()
        self.search_panel.set_suggestion(query, section)

    @on(JumpToLine)
    def _jump(self, event: JumpToLine) -> None:
        self.editor.go_to_line(event.line)

    # --- insert ------------------------------------------------------------------------

    @on(SearchPanel.InsertRequested)
    def _insert_requested(self, event: SearchPanel.InsertRequested) -> None:
        self.insert_match(event.match)

    def insert_match(self, match: Match) -> int:
        """Insert a library paragraph into the cursor's part (or the part it belongs to).

        It is prepared as the skeleton prepares reused paragraphs (`skeleton.reuse_text`):
        full-width punctuation, `【待核】` after stale figures. Returns the editor row it landed on.
        """
        from replydraft.compose.skeleton import reuse_text

        entry = match.entry
        text = reuse_text(entry, self._draft_year())
        row = self._insert_row(entry.section if entry.kind == "measure" else entry.kind)
        landed = self.editor.insert_paragraph(text, row)
        self.reused.add(self.editor.document.get_line(landed), entry.id, entry.source.year)
        span = self.part_at(landed)
        where = PART_LABELS.get(span.kind, span.kind) if span else "草稿"
        self.notify(f"已插入到「{where}」第 {landed + 1} 行", timeout=3)
        self.analyse_now()
        return landed

    def _insert_row(self, section: str) -> int:
        """The cursor's row, unless the cursor is in a form part: then the end of the part
        the paragraph belongs to (its library section), else of 下步举措."""
        row = self.editor.cursor_location[0]
        span = self.part_at(row)
        if span is not None and span.kind not in follow.FRAME_PARTS:
            return row
        for kind in (section, "next_steps"):
            for candidate in self.spans:
                if candidate.kind == kind:
                    return candidate.last
        return row

    def _draft_year(self) -> int:
        match = re.match(r"(\d{4})", self.meta.date or "")
        return int(match.group(1)) if match else _dt.date.today().year

    # --- draft model, save, export --------------------------------------------------------

    def full_meta(self) -> ProposalMeta:
        """The form's metadata with the config's defaults and inferred kind/demands filled in
        (the form's own values while a field is half-typed, e.g. a date)."""
        if self._full_meta is not None and self._full_meta[0] is self.meta:
            return self._full_meta[1]
        from replydraft.compose.skeleton import complete_meta

        try:
            full = complete_meta(self.meta, self.config)
        except ReplydraftError:
            full = self.meta
        self._full_meta = (self.meta, full)
        return full

    def _previous(self) -> Draft:
        return self.reused.previous(follow.with_meta(self.draft, self.full_meta()))

    def current_draft(self) -> Draft:
        """The draft as it stands: form metadata plus the editor's text parsed into parts."""
        return follow.parse(self.editor.text, self._previous())

    def has_unsaved(self) -> bool:
        return self.editor.text != self.saved_text or self.meta != self.saved_meta

    def _update_title(self) -> None:
        self.sub_title = str(self.draft_path) if self.draft_path else "（未保存的新草稿）"
        line = Text("草稿 ", style="bold")
        line.append(self.meta.title or "")
        if self.dirty:
            line.append("  ●未保存", style="yellow")
        if self.form_problem:
            line.append(f"  {self.form_problem}", style="red")
        self.query_one("#editor-title", Static).update(line)

    def default_draft_path(self) -> Path:
        """`<cwd>/<title>.draft.yaml`, the title cut to a safe file name."""
        stem = _safe_name(self.meta.title) or "草稿"
        return self.cwd / f"{stem}.draft.yaml"

    def action_save(self) -> None:
        if self.draft_path is None:
            self.push_screen(
                PathPrompt("保存草稿到（首次保存）：", str(self.default_draft_path())),
                self._save_to_chosen,
            )
        else:
            self.save_to(self.draft_path)

    def _save_to_chosen(self, path: str | None) -> None:
        if path:
            self.save_to(Path(path).expanduser())

    def save_to(self, path: Path) -> bool:
        """Save the draft file atomically; True when written."""
        text = self.editor.text
        try:
            draft = self.current_draft()
            draft.save(path)
        except (ReplydraftError, OSError) as exc:
            self.notify(f"保存失败：{exc}", severity="error", timeout=10)
            return False
        self.draft_path = path
        self.saved_text = text
        self.saved_meta = self.meta
        self.dirty = False
        self._autosave_pending = False
        self.autosave(force=True)
        self._update_title()
        self.notify(f"已保存 {path}", timeout=3)
        return True

    def action_export(self) -> None:
        base = self.draft_path or self.default_draft_path()
        stem = base.with_name(base.name.removesuffix(".yaml").removesuffix(".draft"))
        self.push_screen(ExportDialog(stem), self.export_chosen)

    def export_chosen(self, choice: ExportChoice | None) -> None:
        if choice is None:
            return
        if choice.fmt == "copy":
            self.copy_body()
            return
        assert choice.path is not None
        self.export_to(choice.fmt, choice.path)

    def export_to(self, fmt: str, path: Path) -> bool:
        from replydraft.export import export_draft

        try:
            export_draft(self.current_draft(), fmt, path)
        except (ReplydraftError, OSError) as exc:
            self.notify(f"导出失败：{exc}", severity="error", timeout=10)
            return False
        self.notify(f"已导出 {fmt} 文件：{path}", timeout=4)
        return True

    def copy_body(self) -> None:
        from replydraft.export import body_text

        self.copy_to_clipboard(body_text(self.current_draft()))
        self.notify("正文已复制到剪贴板", timeout=3)

    # --- autosave and recovery ----------------------------------------------------------

    def autosave(self, force: bool = False) -> None:
        """Write the recovery file if anything changed since the last autosave."""
        if not (self._autosave_pending or force) or self._widgets_gone():
            return
        try:
            self.autosaver.save(
                self.editor.text,
                _meta_dict(self.meta),
                str(self.draft_path) if self.draft_path else None,
            )
        except OSError as exc:
            self.notify(f"自动保存失败：{exc}", severity="error")
            return
        self._autosave_pending = False

    def _offer_recovery(self) -> None:
        found = [item for item in orphans() if item.path != self.autosaver.path]
        if not found:
            return
        newest = found[0]
        self.push_screen(
            RecoveryPrompt(newest, others=len(found) - 1),
            lambda choice: self._recovery_chosen(newest, choice),
        )

    def _recovery_chosen(self, item: Recovered, choice: str | None) -> None:
        if choice == "recover":
            self.recover(item)
        elif choice == "discard":
            item.path.unlink(missing_ok=True)
        self._offer_recovery_next(item)

    def _offer_recovery_next(self, handled: Recovered) -> None:
        rest = [i for i in orphans() if i.path not in (handled.path, self.autosaver.path)]
        if rest and handled.path.exists() is False:
            self._offer_recovery()

    def recover(self, item: Recovered) -> None:
        """Load an autosaved draft: its text verbatim, its form, its draft file path."""
        meta = ProposalMeta.from_dict(item.meta)
        self.meta = meta
        self.form.load(meta)
        self.editor.load_text(item.text)
        self.draft = Draft(meta=meta, parts=[])
        self.draft_path = Path(item.draft_path) if item.draft_path else None
        self.last_skeleton = None
        self.rendered_meta = meta
        self.saved_text = "\0"  # never equal: the recovered text is not in a saved file yet
        self.dirty = True
        self._autosave_pending = True
        self.autosave()
        item.path.unlink(missing_ok=True)
        self._update_title()
        self.analyse_now()
        self.editor.focus()
        self.notify("已恢复自动保存的草稿", timeout=4)

    # --- quitting -----------------------------------------------------------------------

    async def action_quit(self) -> None:
        if not self.has_unsaved():
            self.autosaver.discard()
            self.exit()
            return
        self.push_screen(ConfirmQuit(), self._quit_chosen)

    def _quit_chosen(self, choice: str | None) -> None:
        if choice == "save":
            if self.draft_path is None:
                self.push_screen(
                    PathPrompt("保存草稿到：", str(self.default_draft_path())),
                    self._save_then_quit,
                )
            elif self.save_to(self.draft_path):
                self.autosaver.discard()
                self.exit()
        elif choice == "discard":
            self.autosaver.discard()
            self.exit()

    def _save_then_quit(self, path: str | None) -> None:
        if path and self.save_to(Path(path).expanduser()):
            self.autosaver.discard()
            self.exit()

    # --- focus, panels, help ------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.screen.remove_class("hide-right")
        self.search_panel.focus_query()

    def action_focus_form(self) -> None:
        self.screen.remove_class("hide-left")
        self.form.focus_title()

    def action_focus_editor(self) -> None:
        self.editor.focus()

    def action_focus_checks(self) -> None:
        self.screen.remove_class("hide-right")
        self.query_one("#checks", ChecksPanel).focus()

    def action_focus_outline(self) -> None:
        self.screen.remove_class("hide-left")
        self.query_one("#outline", Outline).focus()

    def action_toggle_left(self) -> None:
        self.screen.toggle_class("hide-left")

    def action_toggle_right(self) -> None:
        self.screen.toggle_class("hide-right")

    def action_renumber(self) -> None:
        self.editor.action_renumber()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_rows(), HELP_NOTES))

    def key_rows(self) -> list[tuple[str, str, str]]:
        """(keys, description, id) of every binding, with the config's keymap applied."""
        keymap = getattr(self, "_keymap", {}) or {}
        rows = []
        groups = [self.BINDINGS, DraftEditor.BINDINGS]
        for bindings in groups:
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
                rows.append((keys, binding.description, binding.id or ""))
        return rows

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        """(name, help, callback) for the command palette: one entry per action."""
        entries: list[tuple[str, str, Any]] = [
            ("文件：保存草稿", "ctrl+s", self.action_save),
            ("文件：退出", "ctrl+q", self.action_quit),
            ("视图：表单", "f2", self.action_focus_form),
            ("视图：编辑器", "f3", self.action_focus_editor),
            ("视图：搜索段落", "ctrl+f", self.action_focus_search),
            ("视图：检查", "f4", self.action_focus_checks),
            ("视图：大纲", "f5", self.action_focus_outline),
            ("视图：显示/隐藏表单栏", "f9", self.action_toggle_left),
            ("视图：显示/隐藏搜索栏", "f10", self.action_toggle_right),
            ("编辑：重排正文序号", "ctrl+r", self.action_renumber),
            (
                "编辑：段落上移",
                "ctrl+up",
                lambda: self.editor.action_move_paragraph(-1),
            ),
            (
                "编辑：段落下移",
                "ctrl+down",
                lambda: self.editor.action_move_paragraph(1),
            ),
            ("编辑：删除段落并重排", "f8", self.editor.action_delete_paragraph),
            (
                "编辑：半角标点改全角",
                "ctrl+t",
                self.editor.action_fullwidth,
            ),
            (
                "编辑：数字已核，删除本段【待核】",
                "ctrl+g",
                self.editor.action_confirm_figures,
            ),
            ("编辑：插入高亮的搜索结果", "Enter（在结果列表中）", self._insert_highlighted),
            ("导出：导出对话框", "ctrl+o", self.action_export),
            ("导出：复制正文到剪贴板", "整篇正文，不含标题和落款", self.copy_body),
            ("帮助：快捷键", "f1", self.action_help),
        ]
        for fmt in ("docx", "txt", "md", "body"):
            entries.append(
                (
                    f"导出：{fmt}",
                    f"导出 {fmt} 到草稿旁的默认路径",
                    lambda fmt=fmt: self._export_default(fmt),
                )
            )
        return entries

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette entries, in Chinese; quit and keys are ours already."""
        yield SystemCommand("视图：配色主题", "更换界面配色", self.action_change_theme)
        if screen.maximized is not None:
            yield SystemCommand("视图：还原", "还原最大化的栏位", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("视图：最大化", "把当前栏位放大到全屏", screen.action_maximize)

    def _insert_highlighted(self) -> None:
        match = self.search_panel.highlighted_match()
        if match is not None:
            self.insert_match(match)

    def _export_default(self, fmt: str) -> None:
        from replydraft.export.naming import export_path

        base = self.draft_path or self.default_draft_path()
        stem = base.with_name(base.name.removesuffix(".yaml").removesuffix(".draft"))
        self.export_to(fmt, export_path(stem, fmt))


HELP_NOTES = [
    "",
    "搜索框：输入即搜索；↓ 进入结果，回车把高亮段落插入光标所在部分（可 ctrl+z 撤销）。",
    "搜索框为空时，列表显示适合光标所在部分的建议段落。",
    "大纲/检查：回车跳到对应行。自动保存每 2 秒一次；异常退出后再次启动会提示恢复。",
    "改键：replydraft config set keymap.<改键名称> <键>，",
    "      例如 replydraft config set keymap.app.export ctrl+e 把导出改到 ctrl+e。",
]


def binding_ids() -> set[str]:
    """The id of every binding of the UI: what the config's `keymap` may name."""
    from replydraft.tui.widgets.search_panel import SearchInput

    owners = [ReplydraftApp, DraftEditor, SearchInput, ConfirmQuit, ExportDialog]
    owners += [HelpScreen, PathPrompt, RecoveryPrompt]
    return {
        binding.id
        for owner in owners
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


def _form_problem(meta: ProposalMeta, exc: ReplydraftError) -> str:
    """Why the skeleton cannot follow the form, in the officer's words."""
    from replydraft.text.dates import official_date

    if meta.date and official_date(meta.date) is None:
        return f"日期“{meta.date}”无法识别，请写成 2026-05-20 这样"
    return f"骨架未能更新：{exc.one_line()}"


def _render(draft: Draft) -> str:
    from replydraft.draft.text_form import render_text

    return render_text(draft)


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


def _meta_dict(meta: ProposalMeta) -> dict[str, Any]:
    from dataclasses import asdict

    return {k: v for k, v in asdict(meta).items() if v not in (None, [], "")}


def _safe_name(title: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\s]+', "", title)
    return name[:40]


def make_app(
    draft_path: str | Path | None = None,
    *,
    library: Library | None = None,
    library_path: str | Path | None = None,
    offer_recovery: bool = True,
    cwd: Path | None = None,
) -> ReplydraftApp:
    """The app as the CLI, the tests and the benchmarks build it."""
    return ReplydraftApp(
        draft_path,
        library=library,
        library_path=library_path,
        offer_recovery=offer_recovery,
        cwd=cwd,
    )
