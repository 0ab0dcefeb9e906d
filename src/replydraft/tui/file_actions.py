"""What the draft screen does with files: save, save as, export, autosave, recovery, quit.

Nothing is written over a file without asking: a file this session did not load or save asks
替换 / 另存为副本 / 取消 (first save, save as, export); our draft file changed by someone else
since we loaded or saved it asks 另存为副本 / 覆盖 / 取消, with the differences shown. Quitting
removes the recovery file only when the draft is really saved (in our file, unchanged there),
or when the officer chose not to keep it. The autosave holds the draft model (parts, kinds,
sources) beside the text, so a recovered draft keeps them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from replydraft.compose import follow
from replydraft.draft.model import Draft, ProposalMeta
from replydraft.draft.session import copy_path
from replydraft.errors import ReplydraftError
from replydraft.tui.autosave import Autosaver, Recovered, orphans
from replydraft.tui.screens.choice_dialog import conflict_dialog, replace_dialog
from replydraft.tui.screens.confirm_quit import ConfirmQuit
from replydraft.tui.screens.export_dialog import ExportChoice, ExportDialog
from replydraft.tui.screens.path_prompt import PathPrompt
from replydraft.tui.screens.recovery_prompt import RecoveryPrompt

if TYPE_CHECKING:
    from replydraft.tui.draft_screen import DraftScreen

Then = Callable[[], None]
DIFF_LINES = 12
"""How many lines of differences the conflict dialog shows."""


def _nothing() -> None:
    pass


class FileActions:
    """Save, export, autosave and recovery for one draft screen (its session and editor)."""

    def __init__(self, screen: DraftScreen, autosaver: Autosaver | None = None) -> None:
        self.screen = screen
        self.autosaver = autosaver or Autosaver()
        self.autosave_pending = False

    @property
    def session(self):
        return self.screen.session

    # --- saving -------------------------------------------------------------------------

    def save(self, then: Then = _nothing) -> None:
        """Save to the draft file (asking for one the first time); `then` runs once written."""
        if self.session.path is None:
            self._ask_path("保存草稿到（首次保存）：", then)
        else:
            self.write_checked(self.session.path, then)

    def save_as(self) -> None:
        self._ask_path("另存为：", _nothing)

    def _ask_path(self, question: str, then: Then) -> None:
        default = self.session.path or self.session.default_path(self.screen.cwd)

        def chosen(path: str | None) -> None:
            if path:
                self.write_checked(Path(path).expanduser(), then)

        self.screen.app.push_screen(PathPrompt(question, str(default)), chosen)

    def write_checked(self, path: Path, then: Then = _nothing) -> None:
        """Save to `path`, first asking when that would replace a file or someone else's edits."""
        check = self.session.save_check(path)
        if check in ("free", "ours"):
            if self.save_to(path):
                then()
            return

        def chosen(choice: str | None) -> None:
            target = {"replace": path, "overwrite": path, "copy": copy_path(path)}.get(choice or "")
            if target is not None and self.save_to(target):
                then()

        dialog = (
            replace_dialog(path) if check == "replace" else conflict_dialog(path, self._diff(path))
        )
        self.screen.app.push_screen(dialog, chosen)

    def _diff(self, path: Path) -> str:
        """The first lines of difference between the file on disk and this window's draft."""
        from replydraft.draft.text_form import render_text

        try:
            theirs = render_text(Draft.load(path)).split("\n")
        except (ReplydraftError, OSError):
            return ""
        ours = self.screen.editor.text.split("\n")
        lines = [
            line
            for line in difflib.unified_diff(theirs, ours, lineterm="", n=0)
            if not line.startswith(("---", "+++", "@@"))
        ]
        if len(lines) > DIFF_LINES:
            lines = [*lines[:DIFF_LINES], f"……另有 {len(lines) - DIFF_LINES} 行不同"]
        return "\n".join(lines)

    def save_to(self, path: Path) -> bool:
        """Save the draft file atomically (no questions); True when written."""
        text = self.screen.editor.text
        try:
            self.screen.current_draft().save(path)
        except (ReplydraftError, OSError) as exc:
            self.screen.notify(f"保存失败：{exc}", severity="error", timeout=10)
            return False
        self.session.saved(path, text)
        self.autosave_pending = False
        self.autosave(force=True)
        self.screen.update_title()
        self.screen.notify(f"已保存 {path}", timeout=3)
        return True

    # --- export -------------------------------------------------------------------------

    def export_stem(self) -> Path:
        base = self.session.path or self.session.default_path(self.screen.cwd)
        return base.with_name(base.name.removesuffix(".yaml").removesuffix(".draft"))

    def export(self) -> None:
        self.screen.app.push_screen(ExportDialog(self.export_stem()), self.export_chosen)

    def export_chosen(self, choice: ExportChoice | None) -> None:
        if choice is None:
            return
        if choice.fmt == "copy":
            self.copy_body()
            return
        assert choice.path is not None
        self.export_checked(choice.fmt, choice.path)

    def export_default(self, fmt: str) -> None:
        from replydraft.export.naming import export_path

        self.export_checked(fmt, export_path(self.export_stem(), fmt))

    def export_checked(self, fmt: str, path: Path) -> None:
        """Export to `path`, asking first when a file is there already."""
        if not path.exists() and not path.is_symlink():
            self.export_to(fmt, path)
            return

        def chosen(choice: str | None) -> None:
            if choice == "replace":
                self.export_to(fmt, path)
            elif choice == "copy":
                self.export_to(fmt, copy_path(path))

        self.screen.app.push_screen(replace_dialog(path), chosen)

    def export_to(self, fmt: str, path: Path) -> bool:
        """Write the export; a failure is reported and leaves any earlier output as it was
        (the export is built in memory and written atomically)."""
        from replydraft.export import export_draft

        try:
            export_draft(self.screen.current_draft(), fmt, path)
        except (ReplydraftError, OSError) as exc:
            self.screen.notify(f"导出失败：{exc}", severity="error", timeout=10)
            return False
        except Exception as exc:  # e.g. python-docx refusing a control character: the UI stays
            self.screen.notify(
                f"导出失败：{type(exc).__name__}: {exc}（原文件未改动）",
                severity="error",
                timeout=10,
            )
            return False
        self.screen.notify(f"已导出 {fmt} 文件：{path}", timeout=4)
        return True

    def copy_body(self) -> None:
        from replydraft.export import body_text

        self.screen.app.copy_to_clipboard(body_text(self.screen.current_draft()))
        self.screen.notify("正文已复制到剪贴板", timeout=3)

    # --- autosave and recovery ----------------------------------------------------------

    def autosave(self, force: bool = False) -> None:
        """Write the recovery file if anything changed since the last autosave: the editor's
        text verbatim, and the draft model it was last analysed into (kinds, sources)."""
        if not (self.autosave_pending or force):
            return
        session = self.session
        model = follow.with_meta(self.screen.previous_draft(), session.meta)
        try:
            self.autosaver.save(
                self.screen.editor.text,
                model.to_dict()["meta"],
                str(session.path) if session.path else None,
                draft=model.to_dict(),
                file_sha256=session.stamp.sha256 if session.stamp else None,
            )
        except OSError as exc:
            self.screen.notify(f"自动保存失败：{exc}", severity="error")
            return
        self.autosave_pending = False

    def offer_recovery(self) -> None:
        found = [item for item in orphans() if item.path != self.autosaver.path]
        if not found:
            return
        newest = found[0]
        self.screen.app.push_screen(
            RecoveryPrompt(newest, others=len(found) - 1),
            lambda choice: self._recovery_chosen(newest, choice),
        )

    def _recovery_chosen(self, item: Recovered, choice: str | None) -> None:
        if choice == "recover":
            self.recover(item)
        elif choice == "discard":
            item.path.unlink(missing_ok=True)
        rest = [i for i in orphans() if i.path not in (item.path, self.autosaver.path)]
        if rest and not item.path.exists():
            self.offer_recovery()

    def recover(self, item: Recovered) -> None:
        """Load an autosaved draft: its text verbatim, its model (parts, kinds, sources) when the
        file holds one, its form and its draft file path."""
        draft = item.draft() or Draft(meta=ProposalMeta.from_dict(item.meta), parts=[])
        path = Path(item.draft_path) if item.draft_path else None
        self.screen.load_recovered(item.text, draft, path, item.file_sha256)
        self.autosave_pending = True
        self.autosave()
        item.path.unlink(missing_ok=True)
        self.screen.notify("已恢复自动保存的草稿", timeout=4)

    # --- quitting -----------------------------------------------------------------------

    def quit(self) -> None:
        """Leave at once when the draft is really saved; else ask to save, discard or stay."""
        if self.session.really_saved(self.screen.editor.text):
            self.autosaver.discard()
            self.screen.app.exit()
            return
        self.screen.app.push_screen(ConfirmQuit(), self._quit_chosen)

    def _quit_chosen(self, choice: str | None) -> None:
        if choice == "save":
            self.save(then=self._leave)
        elif choice == "discard":
            self._leave()

    def _leave(self) -> None:
        self.autosaver.discard()
        self.screen.app.exit()
