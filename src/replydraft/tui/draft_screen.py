"""The draft screen: form, editor with outline, live search, checks; their handlers.

The session (`draft.session.DraftSession`) holds the state; this screen shows it and applies
what widgets and workers post. Heavy work (loading the library, rendering the skeleton,
analysing the text) runs in thread workers (`tui.workers`) that post dataclass messages
(`tui.messages`) back to this screen; a message that arrives after the screen is gone is
dropped, so no handler checks for its widgets. File work (save, export, autosave, recovery,
quit) is in `tui.file_actions`.

The editor's text is the truth for the body; the form is the truth for the metadata. The draft
model is derived from both whenever something needs it (`compose.follow`). Offsets are characters.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static, TextArea

from replydraft.anatomy import FORM_PARTS, PART_LABELS
from replydraft.compose import follow
from replydraft.compose.voice import Voice, resolve_voice
from replydraft.draft.model import Draft, ProposalMeta
from replydraft.draft.session import DraftSession
from replydraft.errors import ReplydraftError
from replydraft.text.dates import year_of
from replydraft.tui import editing, keymap, workers
from replydraft.tui.compositor import keep_wide_chars_whole
from replydraft.tui.file_actions import FileActions
from replydraft.tui.messages import (
    Analysed,
    AnalyseFailed,
    JumpToLine,
    LibraryLoaded,
    SkeletonBuilt,
    SkeletonFailed,
)
from replydraft.tui.screens.find_replace import FindReplace, FindRequest
from replydraft.tui.widgets.checks_panel import ChecksPanel
from replydraft.tui.widgets.draft_editor import DraftEditor
from replydraft.tui.widgets.outline import Outline
from replydraft.tui.widgets.proposal_form import ProposalForm
from replydraft.tui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:
    from replydraft.draft.checks import Problem
    from replydraft.library.store import Library
    from replydraft.matching import Match
    from replydraft.tui.app import ReplydraftApp

NARROW_WIDTH = 110
"""Below this many columns the side panels shrink."""
TABS_WIDTH = 100
"""Below this many columns the panels become tabs (表单, 草稿, 大纲, 搜索): one fills the screen
at a time, so the editor keeps the whole width (at 80 columns, 78 for the text)."""
PANES = ("form", "editor", "outline", "search")
PANE_TABS: tuple[tuple[str, str, str], ...] = (
    ("form", "app.form", "表单"),
    ("editor", "app.editor", "草稿"),
    ("outline", "app.outline", "大纲"),
    ("search", "app.search", "搜索"),
)
"""(pane, binding id, label) of the tab bar, in order."""
PANE_OF_CONTAINER = {"form": "form", "outline": "outline", "centre": "editor", "right": "search"}
"""The pane a focused widget's container belongs to (focus moving there shows that pane)."""


@dataclass(frozen=True)
class Delays:
    """Seconds the screen waits before acting; tests set the debounces to zero."""

    skeleton: float = 0.25
    """Debounce between a form edit and re-rendering the skeleton."""
    analyse: float = 0.4
    """Debounce between an edit and refreshing the outline and checks."""
    autosave: float = 2.0
    """How often unsaved typing is written to the recovery file (0: after every analysis)."""


class DraftScreen(Screen[None]):
    """Draft a reply: fill the form, watch the skeleton, pull in matched paragraphs."""

    DEFAULT_CSS = """
    DraftScreen #main { height: 1fr; }
    DraftScreen #left { width: 30; border-right: solid $primary-muted; }
    DraftScreen #centre { width: 1fr; }
    DraftScreen #right { width: 42; border-left: solid $primary-muted; }
    DraftScreen #editor-title { height: 1; background: $boost; color: $text-muted; padding: 0 1; }
    DraftScreen #editor-title.editing { background: $primary-muted; color: $text; }
    DraftScreen.narrow #left { width: 26; }
    DraftScreen.narrow #right { width: 34; }
    DraftScreen.narrow Outline { height: 8; }
    DraftScreen.hide-left #left { display: none; }
    DraftScreen.hide-right #right { display: none; }
    DraftScreen #tabs { height: 1; display: none; background: $boost; color: $text-muted; }
    DraftScreen.tabs #tabs { display: block; }
    DraftScreen.tabs Header { display: none; }
    DraftScreen.tabs #left, DraftScreen.tabs #right, DraftScreen.tabs #centre { display: none; }
    DraftScreen.tabs #left { width: 1fr; border-right: none; }
    DraftScreen.tabs #right { width: 1fr; border-left: none; }
    DraftScreen.tabs Outline { height: 1fr; border-top: none; }
    DraftScreen.tabs.pane-form #left, DraftScreen.tabs.pane-outline #left { display: block; }
    DraftScreen.tabs.pane-form Outline { display: none; }
    DraftScreen.tabs.pane-outline ProposalForm { display: none; }
    DraftScreen.tabs.pane-editor #centre, DraftScreen.tabs.pane-search #right { display: block; }
    """
    """The screen's class names fold the side panels: narrow, hide-left, hide-right; below
    TABS_WIDTH, `tabs` and one `pane-<name>` show one panel at a time, with a tab bar."""

    app: ReplydraftApp

    def __init__(
        self,
        session: DraftSession,
        *,
        cwd: Path,
        delays: Delays = Delays(),
        offer_recovery: bool = True,
    ) -> None:
        super().__init__()
        keep_wide_chars_whole(self)
        self.session = session
        self.cwd = cwd
        self.delays = delays
        self.offer_recovery = offer_recovery
        self.files = FileActions(self)
        self.reused = follow.Reused()
        self.spans: list[follow.PartSpan] = []
        self.problems: list[Problem] = []
        self.form_problem = ""
        """Why the skeleton could not follow the form just now (shown above the editor)."""
        self._debouncers: dict[str, Timer] = {}
        self._due: set[str] = set()
        self._skeleton_seq = 0
        self._analyse_seq = 0
        self._full_meta: tuple[ProposalMeta, ProposalMeta] | None = None
        self.last_find = FindRequest("find", "")
        """The last find (F7 repeats it; the dialog opens with it)."""
        self.pane = "form"
        """The panel shown in tabs mode (below TABS_WIDTH columns)."""

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="tabs")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield ProposalForm(self.session.meta, voice_of=self._voice_of, id="form")
                yield Outline(id="outline")
            with Vertical(id="centre"):
                yield Static("草稿", id="editor-title")
                yield DraftEditor(self.session.initial_text, id="editor")
                yield ChecksPanel(id="checks")
            with Vertical(id="right"):
                yield SearchPanel(id="search")
        yield Footer()

    @property
    def editor(self) -> DraftEditor:
        return self.query_one("#editor", DraftEditor)

    @property
    def form(self) -> ProposalForm:
        return self.query_one("#form", ProposalForm)

    @property
    def search_panel(self) -> SearchPanel:
        return self.query_one("#search", SearchPanel)

    @property
    def config(self) -> Any:
        return self.app.config

    def _voice_of(self, unit: str | None) -> Voice:
        """The voice derived from `unit` with the officer's table rows (config `voice`)."""
        config = self.config
        return resolve_voice(unit, overrides=(config.voice if config is not None else None) or None)

    @property
    def autosaver(self):
        return self.files.autosaver

    def on_mount(self) -> None:
        self.query_one("#outline", Outline).border_title = "大纲"
        self.query_one("#checks", ChecksPanel).border_title = "检查"
        self.form.border_title = "建议/提案"
        self.update_title()
        self._apply_width(self.app.size.width)
        self.form.focus_title()
        if self.delays.autosave > 0:
            self.set_interval(self.delays.autosave, self.files.autosave)
        if self.app.library is None:
            self._load_library()
        else:
            self._use_library(self.app.library)
        if self.session.initial_text:
            self._schedule_analyse()
        if self.offer_recovery:
            self.files.offer_recovery()

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _focus_moved(self, event: events.DescendantFocus | events.DescendantBlur) -> None:
        """Mark the editor's focus on its title bar (the editor has no border: see DraftEditor)."""
        editing = self.focused is not None and self.focused.id == "editor"
        self.query_one("#editor-title", Static).set_class(editing, "editing")

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "narrow")
        self.set_class(width < TABS_WIDTH, "tabs")
        # Below TABS_WIDTH the footer packs its keys and leaves out ^p 命令 (F1 lists it), so
        # 退出, 保存 and 帮助 stay whole at 80 columns.
        footer = self.query_one(Footer)
        footer.compact = width < TABS_WIDTH
        footer.show_command_palette = width >= TABS_WIDTH
        self.show_pane(self.pane)

    @property
    def tabbed(self) -> bool:
        return self.has_class("tabs")

    def show_pane(self, pane: str) -> None:
        """Make `pane` the one shown in tabs mode (remembered for a wide screen too)."""
        self.pane = pane
        for name in PANES:
            self.set_class(name == pane, f"pane-{name}")
        bar = Text(" ")
        for name, binding_id, label in PANE_TABS:
            keys = keymap.short_keys(keymap.keys_for(self.app.keymap, binding_id))
            style = "bold reverse" if name == pane else ""
            bar.append(f" {label} {keys} ", style=style)
            bar.append(" ")
        self.query_one("#tabs", Static).update(bar)

    @on(events.DescendantFocus)
    def _follow_focus(self, event: events.DescendantFocus) -> None:
        """In tabs mode, focus reaching a hidden panel (Tab, a dialog closing) shows it."""
        for node in event.widget.ancestors_with_self:
            pane = PANE_OF_CONTAINER.get(node.id or "")
            if pane is not None:
                if self.pane != pane:
                    self.show_pane(pane)
                return

    # --- library ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def _load_library(self) -> None:
        self.post_message(workers.load_library(self.app.library_path))

    @on(LibraryLoaded)
    def _library_loaded(self, message: LibraryLoaded) -> None:
        if message.warning:
            self.notify(message.warning, severity="error", timeout=10)
        self._use_library(message.library)

    def _use_library(self, library: Library) -> None:
        self.app.library = library
        # A large library is millions of long-lived objects: every full garbage collection
        # walked them all (40-70 ms at 10,000 paragraphs), which showed as stalls while
        # typing. Collect once now and move them out of the collector's sight.
        gc.collect()
        gc.freeze()
        self.app.library_loaded()
        self.search_panel.set_library(library)
        self._update_suggestion()
        if self.editor_untouched() and self.session.meta.title:
            self._schedule_skeleton()

    # --- form -> skeleton ---------------------------------------------------------------

    @on(ProposalForm.Changed)
    def _form_changed(self, event: ProposalForm.Changed) -> None:
        meta = self.form.meta(self.session.meta)
        if meta == self.session.meta:
            return
        self.session.meta = meta
        self.session.edited()
        self.files.autosave_pending = True
        self.update_title()
        self._update_suggestion()
        self._schedule_skeleton()

    def _debounce(self, name: str, delay: float, callback: Callable[[], None]) -> None:
        """Run `callback` `delay` seconds after the last call for `name`; with no delay, once
        after the messages already queued (a burst of keys still costs one run)."""
        timer = self._debouncers.pop(name, None)
        if timer is not None:
            timer.stop()
        if delay > 0:
            self._debouncers[name] = self.set_timer(delay, callback)
        elif name not in self._due:
            self._due.add(name)

            def run() -> None:
                self._due.discard(name)
                callback()

            self.call_later(run)

    def _schedule_skeleton(self) -> None:
        self._debounce("skeleton", self.delays.skeleton, self.render_skeleton)

    def editor_untouched(self) -> bool:
        """True while the editor still shows the last skeleton (or nothing)."""
        text = self.editor.text
        return not text.strip() or text == self.session.last_skeleton

    def render_skeleton(self) -> None:
        """Start building the skeleton for the form as it is now."""
        if not self.session.meta.title.strip():
            return
        self._skeleton_seq += 1
        self._build_skeleton(self._skeleton_seq, self.session.meta, self.app.library)

    @work(thread=True, exclusive=True, group="skeleton")
    def _build_skeleton(self, seq: int, meta: ProposalMeta, library: Library | None) -> None:
        self.post_message(workers.build_skeleton(seq, meta, library, self.config))

    @on(SkeletonFailed)
    def _skeleton_failed(self, message: SkeletonFailed) -> None:
        self.form_problem = message.problem
        self.update_title()

    @on(SkeletonBuilt)
    def _skeleton_ready(self, message: SkeletonBuilt) -> None:
        if message.seq != self._skeleton_seq:
            return
        session, skeleton = self.session, message.skeleton
        self.form_problem = ""
        current = self.editor.text
        previous = self.reused.previous(follow.with_meta(session.draft, session.rendered_meta))
        followed, draft = follow.follow_form(
            current, session.last_skeleton, skeleton, previous, self.config
        )
        wholesale = draft is skeleton
        session.draft = draft
        session.rendered_meta = skeleton.meta
        if followed != current:
            self.editor.set_text_undoable(followed)
        session.last_skeleton = self.editor.text if wholesale else None

    # --- editor -> outline, checks, suggestions -----------------------------------------

    @on(TextArea.Changed, "#editor")
    def _editor_changed(self, event: TextArea.Changed) -> None:
        self.files.autosave_pending = True
        self.session.edited()
        self.update_title()
        self._schedule_analyse()

    def _schedule_analyse(self) -> None:
        self._debounce("analyse", self.delays.analyse, self.analyse_now)

    def analyse_now(self) -> None:
        """Refresh outline and checks from the editor's text (debounced caller)."""
        self._analyse_seq += 1
        self._analyse(self._analyse_seq, self.editor.text, self.previous_draft())

    @work(thread=True, exclusive=True, group="analyse")
    def _analyse(self, seq: int, text: str, previous: Draft) -> None:
        self.post_message(workers.analyse(seq, text, previous))

    @on(AnalyseFailed)
    def _analyse_failed(self, message: AnalyseFailed) -> None:
        self.notify(f"草稿分析出错：{message.error}", severity="warning")

    @on(Analysed)
    def _analysed(self, message: Analysed) -> None:
        if message.seq != self._analyse_seq:
            return
        # The sources of inserted paragraphs are kept for the whole session, not cleared once an
        # analysis has them: an analysis may have started before the insert, and after an undo
        # the next analysis drops the paragraph, which a redo brings back.
        self.session.draft = message.draft
        self.spans = message.spans
        self.problems = message.problems
        self.editor.part_kinds = [span.kind for span in message.spans]
        outline = self.query_one("#outline", Outline)
        outline.show(message.spans, message.text.split("\n"))
        outline.mark(self.editor.cursor_location[0])
        self.query_one("#checks", ChecksPanel).show(message.problems)
        self._update_suggestion()
        if self.delays.autosave <= 0:
            self.files.autosave()

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
        if kind in FORM_PARTS:
            kind = "next_steps"  # the title or signature has no paragraphs to suggest
        section = kind if kind in SECTIONS else None
        meta = self.full_meta()
        query = " ".join([meta.title, *meta.demands]).strip()
        self.search_panel.set_suggestion(query, section)

    @on(JumpToLine)
    def _jump(self, event: JumpToLine) -> None:
        editor = self.editor
        if event.code and 0 <= event.line < editor.document.line_count:
            span = editing.mark_for_problem(
                editor.document.get_line(event.line), event.line, event.code
            )
            if span is not None:
                editor.select_span(span.row, span.start, span.end)
                return
        editor.go_to_line(event.line)

    # --- insert ------------------------------------------------------------------------

    @on(SearchPanel.InsertRequested)
    def _insert_requested(self, event: SearchPanel.InsertRequested) -> None:
        self.insert_match(event.match)

    def insert_match(self, match: Match) -> int:
        """Insert a library paragraph into the cursor's part (or the part it belongs to).

        It is prepared as the skeleton prepares reused paragraphs (`skeleton.reuse_text`):
        full-width punctuation, `【待核】` after stale figures and, in a paragraph from another
        unit, after its places, self-references, people and dates. Returns the editor row it
        landed on.
        """
        from replydraft.compose.skeleton import meta_voice, reuse_text

        entry = match.entry
        config = self.config
        voice = meta_voice(self.full_meta(), config)
        former = tuple(config.former_units) if config is not None else ()
        text = reuse_text(entry, year_of(self.session.meta.date), voice, former)
        row = self._insert_row(entry.section if entry.kind == "measure" else entry.kind)
        if 0 <= row < self.editor.document.line_count:
            # On a demand's placeholder the paragraph answers that demand: its lead says so.
            demand = editing.demand_of_placeholder(
                self.editor.document.get_line(row), self.full_meta().demands
            )
            if demand is not None:
                text = editing.answer_to(demand, text)
        landed = self.editor.insert_paragraph(text, row)
        self.reused.add(self.editor.document.get_line(landed), entry.id, entry.source.year)
        span = self.part_at(landed)
        where = PART_LABELS.get(span.kind, span.kind) if span else "草稿"
        self.notify(f"已插入到「{where}」第 {landed + 1} 行", timeout=3)
        self.analyse_now()
        return landed

    def insert_highlighted(self) -> None:
        match = self.search_panel.highlighted_match()
        if match is not None:
            self.insert_match(match)

    def _insert_row(self, section: str) -> int:
        """The cursor's row, unless the cursor is in a form part: then the end of the part
        the paragraph belongs to (its library section), else of 下步举措."""
        row = self.editor.cursor_location[0]
        span = self.part_at(row)
        if span is not None and span.kind not in FORM_PARTS:
            return row
        for kind in (section, "next_steps"):
            for candidate in self.spans:
                if candidate.kind == kind:
                    return candidate.last
        return row

    # --- draft model ------------------------------------------------------------------------

    def full_meta(self) -> ProposalMeta:
        """The form's metadata with the config's defaults and inferred kind/demands filled in
        (the form's own values while a field is half-typed, e.g. a date)."""
        meta = self.session.meta
        if self._full_meta is not None and self._full_meta[0] is meta:
            return self._full_meta[1]
        from replydraft.compose.skeleton import complete_meta

        try:
            full = complete_meta(meta, self.config)
        except ReplydraftError:
            full = meta
        self._full_meta = (meta, full)
        return full

    def previous_draft(self) -> Draft:
        """The last analysed draft with the form's metadata and the paragraphs inserted since."""
        return self.reused.previous(follow.with_meta(self.session.draft, self.full_meta()))

    def current_draft(self) -> Draft:
        """The draft as it stands: form metadata plus the editor's text parsed into parts."""
        return follow.parse(self.editor.text, self.previous_draft())

    def has_unsaved(self) -> bool:
        """True when quitting now would lose something (see `DraftSession.really_saved`)."""
        return not self.session.really_saved(self.editor.text)

    def update_title(self) -> None:
        session = self.session
        self.app.sub_title = str(session.path) if session.path else "（未保存的新草稿）"
        line = Text("草稿 ", style="bold")
        line.append(session.meta.title or "")
        if session.dirty:
            line.append("  ●未保存", style="yellow")
        if self.form_problem:
            line.append(f"  {self.form_problem}", style="red")
        self.query_one("#editor-title", Static).update(line)

    def load_recovered(
        self, text: str, draft: Draft, path: Path | None, file_sha256: str | None = None
    ) -> None:
        """Show an autosaved draft: `text` verbatim; `draft` (its model) keeps kinds and
        sources (a model of no parts: the text is read afresh)."""
        self.session.recovered(draft, path, file_sha256)
        self.form.load(draft.meta)
        self.editor.load_text(text)
        self.session.draft = follow.parse(text, draft)
        self.update_title()
        self.analyse_now()
        self.editor.focus()

    # --- actions (the app's bindings land here) -----------------------------------------

    def action_save(self) -> None:
        self.files.save()

    def action_save_as(self) -> None:
        self.files.save_as()

    def action_export(self) -> None:
        self.files.export()

    def action_focus_search(self) -> None:
        self.remove_class("hide-right")
        self.show_pane("search")
        self.search_panel.focus_query()

    def action_focus_form(self) -> None:
        self.remove_class("hide-left")
        self.show_pane("form")
        self.form.focus_title()

    def action_focus_editor(self) -> None:
        self.show_pane("editor")
        self.editor.focus()

    def action_focus_checks(self) -> None:
        self.show_pane("editor")
        self.query_one("#checks", ChecksPanel).focus()

    def action_focus_outline(self) -> None:
        self.remove_class("hide-left")
        self.show_pane("outline")
        self.query_one("#outline", Outline).focus()

    def action_toggle_left(self) -> None:
        if self.tabbed:
            (self.action_focus_editor if self.pane == "form" else self.action_focus_form)()
        else:
            self.toggle_class("hide-left")

    def action_toggle_right(self) -> None:
        if self.tabbed:
            (self.action_focus_editor if self.pane == "search" else self.action_focus_search)()
        else:
            self.toggle_class("hide-right")

    def action_renumber(self) -> None:
        self.editor.action_renumber()

    # --- marks to fill, find and replace ------------------------------------------------

    def action_next_mark(self) -> None:
        """Select the next `【待填：…】` or `【待核】` after the cursor (wrapping to the top)."""
        editor = self.editor
        row, column = editor.cursor_location
        span = editing.next_mark(editor.lines, row, column)
        if span is None:
            self.notify("没有待填或待核的地方了", timeout=3)
            return
        editor.select_span(span.row, span.start, span.end)

    def action_find_replace(self) -> None:
        """Ask what to find (and what to replace it with); then find next or replace all."""

        def done(request: FindRequest | None) -> None:
            if request is None:
                return
            self.last_find = request
            if request.action == "replace_all":
                self.replace_all(request.needle, request.replacement)
            else:
                self.find_next(request.needle)

        last = self.last_find
        self.app.push_screen(FindReplace(last.needle, last.replacement), done)

    def action_find_next(self) -> None:
        if not self.last_find.needle:
            self.action_find_replace()
            return
        self.find_next(self.last_find.needle)

    def find_next(self, needle: str) -> bool:
        """Select the next `needle` after the cursor; say so when there is none."""
        editor = self.editor
        row, column = editor.cursor_location
        span = editing.find_next(editor.lines, needle, row, column)
        if span is None:
            self.notify(f"草稿中没有「{needle}」", severity="warning", timeout=3)
            return False
        editor.select_span(span.row, span.start, span.end)
        return True

    def replace_all(self, needle: str, replacement: str) -> int:
        """Replace every `needle` in the draft (one undo step); returns how many."""
        text, count = editing.replace_all(self.editor.text, needle, replacement)
        if count:
            self.editor.set_text_undoable(text)
            self.notify(f"已替换 {count} 处", timeout=3)
        else:
            self.notify(f"草稿中没有「{needle}」", severity="warning", timeout=3)
        self.editor.focus()
        return count
