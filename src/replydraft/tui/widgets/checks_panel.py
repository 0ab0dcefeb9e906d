"""The checks panel: the problems `replydraft check` reports, kept up to date as the officer types.

Choosing a problem moves the editor's cursor to its line (0-based in the draft text) and, for a
placeholder or a 【待核】, selects it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from replydraft.tui.line_breaking import broken_lines
from replydraft.tui.messages import JumpToLine

if TYPE_CHECKING:
    from replydraft.draft.checks import Problem

CODE_LABELS = {
    "placeholder": "待填",
    "salutation": "称谓",
    "title_mismatch": "标题",
    "numbering": "序号",
    "stale": "待核",
    "foreign": "他处",
    "halfwidth": "半角",
    "duplicate": "重复",
    "unanswered_demand": "诉求",
}


class ChecksPanel(OptionList):
    """One line per problem: code, line number, message."""

    DEFAULT_CSS = """
    ChecksPanel { height: 8; border: none; border-top: solid $primary-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.problems: list[Problem] = []

    def on_resize(self) -> None:
        """Break the messages again for the new width."""
        if self.problems:
            self.show(self.problems)

    def show(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        width = self.scrollable_content_region.width - 1
        self.border_title = f"检查 {len(problems)} 项" if problems else "检查：无问题"
        keep = self.highlighted
        options = []
        for index, problem in enumerate(problems):
            label = Text()
            label.append(f"{CODE_LABELS.get(problem.code, problem.code)} ", style="bold yellow")
            label.append(f"{problem.line + 1}行 ", style="dim")
            label.append(problem.message)
            cuts = broken_lines(label.plain, width)
            if cuts:  # rows that keep 避头尾 and figures whole, broken here rather than by Rich
                label = Text("\n").join(label.divide(cuts))
            options.append(Option(label, id=f"p{index}"))
        self.set_options(options)
        if keep is not None and keep < len(options):
            self.highlighted = keep

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.problems):
            problem = self.problems[event.option_index]
            self.post_message(JumpToLine(problem.line, problem.code))

    def on_focus(self) -> None:
        """Highlight the first problem, so the first Enter after F4 jumps to it."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
