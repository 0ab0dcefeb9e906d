"""The search panel: a live search box, the matching paragraphs, and a preview of one.

Every keystroke starts a search in an exclusive thread worker (the previous one is abandoned),
so typing never waits for the library. Results arrive tagged with the query's sequence number;
stale ones are dropped. With the box empty, the list shows the paragraphs suggested for the part
the cursor is in (the app sets `suggestion`: the query built from the proposal title and
demands, and the library section of that part). Enter on a result asks the app to insert it.

Offsets in `Match.spans` are characters of `entry.text`; highlighting uses them as such.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from replydraft.errors import ReplydraftError

if TYPE_CHECKING:
    from replydraft.library import Library
    from replydraft.matching import Match

SECTION_LABELS = {
    "status": "现状",
    "next_steps": "下步举措",
    "other": "其他",
    "thanks": "致谢",
    "handling": "办理过程",
    "closing": "结束语",
}


def source_label(match: Match) -> str:
    """`市科技局 2022 《关于…的建议》`: where a paragraph came from."""
    source = match.entry.source
    bits = [source.unit or "", str(source.year) if source.year else ""]
    if source.proposal_title:
        bits.append(f"《{source.proposal_title}》")
    return " ".join(bit for bit in bits if bit) or source.file


def highlighted(
    text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None
) -> Text:
    """`text[start:end]` as Rich Text with the matched character spans in bold reverse colour."""
    end = len(text) if end is None else end
    out = Text(text[start:end])
    for a, b in spans:
        a, b = max(a, start), min(b, end)
        if a < b:
            out.stylize("bold reverse", a - start, b - start)
    return out


def result_prompt(match: Match, width: int = 40) -> Text:
    """One line of score, section and source (clipped to `width` cells), then about two lines
    of the text around the first match."""
    entry = match.entry
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append(f"{match.score:5.1f} ", style="bold")
    head.append(f"[{SECTION_LABELS.get(entry.section, entry.section)}] ", style="italic")
    head.append(source_label(match), style="dim")
    head.truncate(max(10, width), overflow="ellipsis")
    chars = max(10, width - 2)  # about two lines of CJK (2 cells each)
    first = match.spans[0][0] if match.spans else 0
    start = max(0, min(first - 8, len(entry.text) - chars))
    end = min(len(entry.text), start + chars)
    body = highlighted(entry.text, match.spans, start, end)
    if start > 0:
        body = Text("…") + body
    if end < len(entry.text):
        body.append("…")
    return head + Text("\n") + body


class SearchInput(Input):
    """The search box; down arrow moves into the results."""

    BINDINGS = [Binding("down", "results", "Results", show=False, id="search.results")]

    def action_results(self) -> None:
        self.screen.query_one("#results", OptionList).focus()


class SearchPanel(Vertical):
    """Search box, result list and preview."""

    DEFAULT_CSS = """
    SearchPanel { height: 1fr; }
    SearchPanel > SearchInput { height: 1; border: none; margin: 0 0 1 0; }
    SearchPanel > #results { height: 1fr; border: none; }
    SearchPanel > #preview-box { height: 9; border-top: solid $primary-muted; }
    SearchPanel > #status { height: 1; color: $text-muted; }
    """

    class InsertRequested(Message):
        """The officer chose `match` to go into the draft."""

        def __init__(self, match: Match) -> None:
            super().__init__()
            self.match = match

    class ResultsShown(Message):
        """Results for `query` are on screen; `latency` is seconds since the keystroke."""

        def __init__(self, query: str, count: int, latency: float) -> None:
            super().__init__()
            self.query = query
            self.count = count
            self.latency = latency

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.library: Library | None = None
        self.suggestion: tuple[str, str | None] = ("", None)
        self.matches: list[Match] = []
        self.top = 30
        self._seq = 0
        self._started: dict[int, float] = {}
        self.last_latency: float | None = None

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder="搜索段落（空=当前部分的建议段落）", compact=True, id="query")
        yield Static("正在载入段落库…", id="status")
        yield OptionList(id="results")
        with VerticalScroll(id="preview-box"):
            yield Static("", id="preview")

    @property
    def query_text(self) -> str:
        return self.query_one("#query", SearchInput).value

    def set_library(self, library: Library) -> None:
        self.library = library
        self.refresh_results()

    def set_suggestion(self, query: str, section: str | None) -> None:
        """What the empty box searches for: refreshed only when the box is empty and it changed."""
        if (query, section) == self.suggestion:
            return
        self.suggestion = (query, section)
        if not self.query_text.strip():
            self.refresh_results()

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_results()

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#results", OptionList).focus()

    def refresh_results(self) -> None:
        """Start a search for the box's text (or the suggestion when it is empty)."""
        if self.library is None:
            return
        self._seq += 1
        self._started[self._seq] = time.perf_counter()
        query = self.query_text.strip()
        if query:
            self._search(self._seq, query, None, False)
        else:
            text, section = self.suggestion
            self._search(self._seq, text, section, True)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, seq: int, query: str, section: str | None, suggested: bool) -> None:
        library = self.library
        results: list[Match] = []
        if library is not None and query:
            try:
                results = library.search(query, top=self.top, section=section)
            except ReplydraftError as exc:
                self.app.call_from_thread(self.notify, exc.one_line(), severity="warning")
        self.app.call_from_thread(self._show, seq, query, results, suggested)

    def _show(self, seq: int, query: str, results: list[Match], suggested: bool) -> None:
        started = self._started.pop(seq, None)
        if seq != self._seq:
            return
        self._started.clear()
        self.matches = results
        options = self.query_one("#results", OptionList)
        options.set_options(
            Option(result_prompt(match, options.size.width - 2), id=f"r{index}")
            for index, match in enumerate(results)
        )
        if results:
            options.highlighted = 0
        status = self.query_one("#status", Static)
        if suggested:
            status.update(
                f"建议段落 {len(results)} 条（按标题与诉求匹配）"
                if query
                else "输入标题后显示建议段落"
            )
        else:
            status.update(f"“{query}” 共 {len(results)} 条；Enter 插入")
        self._preview(0 if results else None)
        latency = time.perf_counter() - started if started else 0.0
        self.last_latency = latency
        self.post_message(self.ResultsShown(query, len(results), latency))

    @on(OptionList.OptionHighlighted, "#results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._preview(event.option_index)

    def _preview(self, index: int | None) -> None:
        preview = self.query_one("#preview", Static)
        if index is None or index >= len(self.matches):
            preview.update("")
            return
        match = self.matches[index]
        text = highlighted(match.entry.text, match.spans)
        text.append(f"\n— {source_label(match)}", style="dim")
        if match.entry.versions:
            text.append(f"（另有 {len(match.entry.versions)} 个旧版本）", style="dim")
        preview.update(text)

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.matches):
            self.post_message(self.InsertRequested(self.matches[event.option_index]))

    def highlighted_match(self) -> Match | None:
        index = self.query_one("#results", OptionList).highlighted
        if index is None or index >= len(self.matches):
            return None
        return self.matches[index]

    def focus_query(self) -> None:
        box = self.query_one("#query", SearchInput)
        box.focus()
