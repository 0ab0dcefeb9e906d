"""The draft editor: a soft-wrapping TextArea holding the draft's text form.

Every structural edit (insert a library paragraph, move or delete a paragraph, renumber a part)
is computed on the lines by `draft.line_edits` and applied as ONE `replace` over the changed window, so
it is one undo step and the rest of the text (and its undo history) is untouched.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from replydraft.draft import line_edits
from replydraft.tui.line_breaking import keep_rules

try:  # Textual 8.2 (pinned) wraps TextArea rows with this module's compute_wrap_offsets
    from textual.document import _wrapped_document
except ImportError:  # pragma: no cover - a Textual without it wraps as it always did
    _wrapped_document = None  # type: ignore[assignment]


def _install_chinese_line_breaking() -> None:
    """Make soft-wrapped rows follow 避头尾 (`tui.line_breaking`): no row starts with ，。）》.

    Textual has no hook for it, so its wrap function is wrapped in place: every TextArea of
    the app (the editor, the pasted proposal text) holds Chinese. Tabs keep Textual's wrap.
    """
    if _wrapped_document is None or getattr(_wrapped_document, "_replydraft_rules", False):
        return
    plain = _wrapped_document.compute_wrap_offsets

    def wrap_offsets(
        text: str,
        width: int,
        tab_size: int,
        fold: bool = True,
        precomputed_tab_sections: list[tuple[str, int]] | None = None,
    ) -> list[int]:
        offsets = plain(text, width, tab_size, fold, precomputed_tab_sections)
        if "\t" in text:
            return offsets
        return keep_rules(text, offsets, lambda rest: plain(rest, width, tab_size, fold))

    _wrapped_document.compute_wrap_offsets = wrap_offsets
    _wrapped_document._replydraft_rules = True  # type: ignore[attr-defined]


_install_chinese_line_breaking()


class DraftEditor(TextArea):
    """The reply being written: one paragraph per line, one blank line between parts."""

    BINDINGS = [
        Binding("ctrl+up", "move_paragraph(-1)", "上移", show=False, id="editor.move_up"),
        Binding("ctrl+down", "move_paragraph(1)", "下移", show=False, id="editor.move_down"),
        Binding("f8", "delete_paragraph", "删除段落", show=False, id="editor.delete_paragraph"),
        Binding("ctrl+r", "renumber", "重新编号", show=False, id="editor.renumber"),
        Binding("ctrl+t", "fullwidth", "改全角标点", show=False, id="editor.fullwidth"),
        Binding("ctrl+g", "confirm_figures", "数字已核", show=False, id="editor.confirm_figures"),
    ]
    """Moves and deletes renumber; `ctrl+r` renumbers after hand edits; `ctrl+t` makes half-width
    punctuation in Chinese text full-width; `ctrl+g` removes the 【待核】 marks of the cursor's
    paragraph once its figures are checked. None shows in the footer: the app's keys (退出, 保存,
    帮助…) must stay there at 80 columns; F1 and the palette list these."""

    DEFAULT_CSS = """
    DraftEditor { height: 1fr; border: none; padding: 0 1; }
    DraftEditor:focus { border: none; }
    """
    """No border, focused or not. TextArea's own `:focus` rule adds one, and as the outer size
    stays the same that is no resize: the text stayed wrapped for the wider, unfocused width
    and the last character of some rows was painted under the border (the app marks focus on
    the title bar above instead)."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, language=None, soft_wrap=True, tab_behavior="focus", **kwargs)
        self.part_kinds: list[str] | None = None
        """Kinds of the text's parts in order (set by the app), so frame parts stay unnumbered."""

    def notify_style_update(self) -> None:
        """Re-wrap when a style change (border, padding, scrollbar size) moved the text's width.

        TextArea re-wraps only on Resize, which a style change of the same outer size never
        sends; a stale wrap paints rows wider than the text area and their ends are lost.
        """
        super().notify_style_update()
        self.rewrap_if_stale()

    def on_resize(self) -> None:
        """Repaint after TextArea's own Resize handler re-wraps.

        The compositor paints the new size before the Resize event arrives, i.e. with the old
        wrap, and TextArea re-wraps without a repaint: rows wrapped for the old width stayed on
        screen (cut short after a panel opened, ragged after one closed) until edited.
        """
        self.refresh()

    def rewrap_if_stale(self) -> bool:
        """Wrap again when the width the text was wrapped at is no longer the width it has."""
        if not (self.is_mounted and self.soft_wrap):
            return False
        # `_width` is the width of the last wrap (TextArea keeps no public record of it). Both
        # names are private to Textual 8.2 (pinned); without them, fall back to a public re-wrap.
        if getattr(self.wrapped_document, "_width", None) == self.wrap_width:
            return False
        rewrap = getattr(self, "_rewrap_and_refresh_virtual_size", None)
        if rewrap is not None:
            rewrap()
        else:
            self.wrapped_document.wrap(self.wrap_width, self.indent_width)
        self.refresh()
        return True

    @property
    def lines(self) -> list[str]:
        """The document's lines (a copy; cheap, no join)."""
        return list(self.document.lines)

    def apply_lines(self, new_lines: list[str], cursor_row: int | None = None) -> bool:
        """Turn the text into `new_lines` with one replace (one undo step); False if unchanged."""
        edit = line_edits.window_edit(self.lines, new_lines)
        if edit is None:
            return False
        text, start, end = edit
        kept_row, kept_column = self.cursor_location
        self.history.checkpoint()
        self.replace(text, start, end, maintain_selection_offset=False)
        self.history.checkpoint()
        last = self.document.line_count - 1
        if cursor_row is not None:
            self.move_cursor((max(0, min(cursor_row, last)), 0))
            self.scroll_cursor_visible(center=True)
        else:  # stay where the officer was
            row = min(kept_row, last)
            self.move_cursor((row, min(kept_column, len(self.document.get_line(row)))))
        return True

    def set_text_undoable(self, text: str) -> bool:
        """Replace the whole text as one undoable edit (keeps the cursor row when it can)."""
        row = self.cursor_location[0]
        changed = self.apply_lines(text.split("\n"))
        if changed:
            self.move_cursor((min(row, self.document.line_count - 1), 0))
        return changed

    def insert_paragraph(self, text: str, row: int | None = None) -> int:
        """Insert `text` as a paragraph of the part at `row` (default: the cursor's), renumbered.

        Returns the row it landed on.
        """
        at = self.cursor_location[0] if row is None else row
        result = line_edits.insert_paragraph(self.lines, at, text, self.part_kinds)
        self.apply_lines(result.lines, result.row)
        return result.row

    def action_move_paragraph(self, delta: int) -> None:
        row, column = self.cursor_location
        result = line_edits.move_paragraph(self.lines, row, delta, self.part_kinds)
        if result is None:
            self.app.bell()
            return
        self.apply_lines(result.lines, result.row)
        self.move_cursor((result.row, min(column, len(self.document.get_line(result.row)))))

    def action_delete_paragraph(self) -> None:
        row = self.cursor_location[0]
        result = line_edits.delete_paragraph(self.lines, row, self.part_kinds)
        if result is None:
            self.app.bell()
            return
        self.apply_lines(result.lines, result.row)

    def action_renumber(self) -> None:
        self.apply_lines(line_edits.renumber_lines(self.lines, self.part_kinds))

    def action_fullwidth(self) -> None:
        from replydraft.text.normalize import to_fullwidth_punct

        self.apply_lines([to_fullwidth_punct(line) for line in self.lines])

    def action_confirm_figures(self) -> None:
        from replydraft.text.staleness import strip_stale_marks

        row, column = self.cursor_location
        lines = self.lines
        lines[row] = strip_stale_marks(lines[row])
        if self.apply_lines(lines):
            self.move_cursor((row, min(column, len(lines[row]))))

    def select_span(self, row: int, start: int, end: int) -> None:
        """Select columns `start`..`end` of `row` (the cursor at the end), show it, focus."""
        self.selection = Selection((row, start), (row, end))
        self.scroll_cursor_visible(center=True)
        self.focus()

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of `line` and show it mid-screen; focus the editor."""
        row = max(0, min(line, self.document.line_count - 1))
        self.move_cursor((row, 0))
        self.scroll_cursor_visible(center=True)
        self.focus()
