"""The outline: the draft's parts in order; choosing one moves the editor's cursor there."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from replydraft.anatomy import PART_LABELS
from replydraft.compose.follow import PartSpan
from replydraft.text.normalize import cell_width
from replydraft.tui.messages import JumpToLine


def _clip(text: str, cells: int) -> str:
    """`text` cut to `cells` terminal cells (CJK = 2), with … when cut."""
    out, used = "", 0
    for char in text:
        width = cell_width(char)
        if used + width > cells - 1:
            return out + "…"
        out += char
        used += width
    return out


class Outline(OptionList):
    """One line per part: its Chinese name and how many paragraphs it holds."""

    DEFAULT_CSS = """
    Outline { height: 13; border: none; border-top: solid $primary-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.spans: list[PartSpan] = []
        self._shown: list[Text] = []
        self._editor_lines: list[str] = []

    def show(self, spans: list[PartSpan], lines: list[str]) -> None:
        """Replace the outline with `spans` of the editor text `lines`.

        Rebuilt whenever a row would read differently, not only when the parts moved: a form
        edit rewrites the title line (编号, 届次…) without moving any part.
        """
        self._editor_lines = lines
        width = max(4, self.size.width - 16 if self.size.width else 10)
        labels = []
        for span in spans:
            name = PART_LABELS.get(span.kind, span.kind)
            label = Text()
            label.append(name + " " * max(1, 9 - cell_width(name)), style="bold")
            label.append(f"{span.last - span.first + 1}段 ", style="dim")
            first = lines[span.first] if span.first < len(lines) else ""
            label.append(_clip(first, width))
            labels.append(label)
        if spans == self.spans and labels == self._shown and self.option_count:
            return
        keep = self.highlighted
        self.spans = spans
        self._shown = labels
        options = [Option(label, id=f"part{index}") for index, label in enumerate(labels)]
        self.set_options(options)
        if keep is not None and keep < len(options):
            self.highlighted = keep

    def on_resize(self) -> None:
        """Clip the rows again for the new width (a tab shown, a panel folded or unfolded)."""
        if self.spans:
            self.show(self.spans, self._editor_lines)

    def mark(self, row: int) -> None:
        """Highlight the part holding editor row `row` (without moving focus)."""
        for index, span in enumerate(self.spans):
            if span.first <= row <= span.last + 1:
                if self.highlighted != index:
                    self.highlighted = index
                return

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.spans):
            self.post_message(JumpToLine(self.spans[event.option_index].first))
