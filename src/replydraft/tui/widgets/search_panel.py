"""The search panel: a live search box, the matching paragraphs, and a preview of one.

Searches run on one long-lived background thread (`Searcher`), so typing never waits for the
library and no thread is started per keystroke. Each request carries a sequence number; the
thread only ever runs the newest request, and results that are stale by the time they come
back are dropped. With the box empty, the list shows the paragraphs suggested for the part
the cursor is in (the app sets `suggestion`: the query built from the proposal title and
demands, and the library section of that part). Enter on a result asks the app to insert it.

A refresh replaces the options of one OptionList (Rich Text prompts, one per result) and
repaints the status line and preview without a screen relayout: the widgets around the list
have fixed sizes, so a keystroke costs the search plus painting the visible rows.

Offsets in `Match.spans` are characters of `entry.text`; highlighting uses them as such.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from replydraft.errors import ReplydraftError
from replydraft.tui.line_breaking import broken_lines
from replydraft.tui.messages import SearchFound, SearchRequest

if TYPE_CHECKING:
    from replydraft.library.store import Library
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


class Searcher:
    """One daemon thread that runs the newest search request and hands back its results.

    `submit` never blocks: it replaces any request the thread has not started yet, so a burst
    of keystrokes costs one search per keystroke at most and usually fewer. `deliver` is
    called on the thread with (request, results, error) and must be thread-safe
    (`MessagePump.post_message` is).
    """

    def __init__(self, deliver: Callable[[SearchRequest, list, str | None], object]) -> None:
        self._deliver = deliver
        self._wake = threading.Condition()
        self._request: tuple[Library, SearchRequest] | None = None
        self._closed = False
        self._thread: threading.Thread | None = None

    def submit(self, library: Library, request: SearchRequest) -> None:
        """Queue `request` against `library` (replacing any request not started yet)."""
        with self._wake:
            self._request = (library, request)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="replydraft-search", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._request is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                pending = self._request
                self._request = None
            if pending is None:
                continue
            library, request = pending
            results: list[Match] = []
            error = None
            if request.query:
                try:
                    results = library.search(
                        request.query, top=request.top, section=request.section
                    )
                except ReplydraftError as exc:
                    error = exc.one_line()
            with self._wake:
                if self._closed:
                    return
                if self._request is not None:
                    continue  # a newer request is waiting: this one is stale already
            self._deliver(request, results, error)


class SearchInput(Input):
    """The search box; down arrow moves into the results.

    Input sets its virtual size on every keystroke, and Widget declares `virtual_size` with
    layout=True, so each key would relayout the whole screen (about 20 ms here). The box has a
    fixed size and scrolls its own text, so a repaint is enough.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    BINDINGS = [Binding("down", "results", "结果", show=False, id="search.results")]

    def action_results(self) -> None:
        self.screen.query_one("#results", OptionList).focus()


class SearchPanel(Vertical):
    """Search box, result list and preview."""

    DEFAULT_CSS = """
    SearchPanel { height: 1fr; }
    SearchPanel > SearchInput { height: 1; border: none; margin: 0 0 1 0; }
    SearchPanel > #results {
        height: 1fr; border: none; overflow-y: scroll; scrollbar-size-vertical: 1;
    }
    SearchPanel > #preview {
        height: 9; border-top: solid $primary-muted; overflow-y: scroll; overflow-x: hidden;
        scrollbar-size-vertical: 1; background: $surface;
    }
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
        self._laid_out_width = 0
        self._started: dict[int, float] = {}
        self.last_latency: float | None = None
        self.painted: tuple[str, float] | None = None
        """(query, perf_counter) of the last result list that reached the screen."""
        self._previewed: Match | None = None
        self._searcher = Searcher(
            lambda request, results, error: self.post_message(SearchFound(request, results, error))
        )

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder="搜索段落（空=当前部分的建议段落）", compact=True, id="query")
        yield Static("正在载入段落库…", id="status")
        yield OptionList(id="results")
        # A Static re-wraps at every paint: a RichLog wraps once, at write time, and when its
        # scrollbar then appeared the last character of each row went under it (设备之｜家).
        with VerticalScroll(id="preview"):
            yield Static(id="preview-text")

    def on_unmount(self) -> None:
        self._searcher.close()

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
        """Ask for a search of the box's text (or the suggestion when it is empty)."""
        if self.library is None:
            return
        self._seq += 1
        self._started[self._seq] = time.perf_counter()
        query = self.query_text.strip()
        if query:
            request = SearchRequest(self._seq, query, None, suggested=False, top=self.top)
        else:
            text, section = self.suggestion
            request = SearchRequest(self._seq, text, section, suggested=True, top=self.top)
        self._searcher.submit(self.library, request)

    @on(SearchFound)
    def _found(self, event: SearchFound) -> None:
        event.stop()
        request = event.request
        if event.error:
            self.notify(f"搜索出错：{event.error}", severity="warning")
        self._show(request.seq, request.query, event.results, request.suggested)

    def _show(self, seq: int, query: str, results: list[Match], suggested: bool) -> None:
        started = self._started.pop(seq, None)
        if seq != self._seq:
            return
        self._started.clear()
        self.matches = results
        options = self.query_one("#results", OptionList)
        width = options.scrollable_content_region.width
        # Build and measure only what fits on screen now; the rest follows after the paint.
        visible = max(4, options.scrollable_content_region.height // 2 + 2)
        options.set_options(self._options(results[:visible], width, 0))
        if len(results) > visible:
            self.call_later(self._show_rest, seq, visible, width)
        if results:
            options.highlighted = 0
        status = self.query_one("#status", Static)
        if suggested:
            line = (
                f"建议段落 {len(results)} 条（按标题与诉求匹配）"
                if query
                else "输入标题后显示建议段落"
            )
        else:
            line = f"“{query}” 共 {len(results)} 条；Enter 插入"
        status.update(line, layout=False)  # one fixed row: no relayout of the screen
        self._preview(0 if results else None)
        latency = time.perf_counter() - started if started else 0.0
        self.last_latency = latency
        self.post_message(self.ResultsShown(query, len(results), latency))
        self._paint_now()
        self.call_after_refresh(self._painted, query)

    def _options(self, matches: list[Match], width: int, first: int) -> list[Option]:
        self._laid_out_width = width
        return [
            Option(result_prompt(match, width), id=f"r{index}")
            for index, match in enumerate(matches, first)
        ]

    def on_resize(self) -> None:
        """Lay the results out again for the new width (the panel was hidden, or resized)."""
        options = self.query_one("#results", OptionList)
        width = options.scrollable_content_region.width
        if not self.matches or width <= 0 or width == self._laid_out_width:
            return
        keep = options.highlighted
        options.set_options(self._options(self.matches, width, 0))
        if keep is not None and keep < len(self.matches):
            options.highlighted = keep
        self._preview(keep, force=True)

    def _show_rest(self, seq: int, start: int, width: int) -> None:
        """Add the results below the visible ones (skipped when a newer search took over)."""
        if seq == self._seq:
            options = self.query_one("#results", OptionList)
            options.add_options(self._options(self.matches[start:], width, start))

    def _painted(self, query: str) -> None:
        self.painted = (query, time.perf_counter())

    def _paint_now(self) -> None:
        """Put the new results on screen now rather than at the screen's next frame tick.

        Textual paints on a 60 fps timer that, after an idle spell, waits for the second tick
        ahead, so new results sat 17-34 ms before reaching the terminal. The refreshed widgets
        report to the screen at once, and the screen paints after handling those reports (the
        same private hook Pilot.pause uses). Should Textual rename these, the results simply
        appear at the next frame tick as before.
        """
        screen = self.screen
        paint = getattr(screen, "_on_timer_update", None)
        widgets = [self, *self.query("#results, #status, #preview, #preview-text")]
        if paint is None or not all(hasattr(w, "_check_refresh") for w in widgets):
            return
        for widget in widgets:
            widget._check_refresh()
        screen.call_later(paint)

    @on(OptionList.OptionHighlighted, "#results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._preview(event.option_index)

    def _preview(self, index: int | None, force: bool = False) -> None:
        """Show the whole paragraph of result `index` (nothing when None)."""
        match = self.matches[index] if index is not None and index < len(self.matches) else None
        if match is self._previewed and not force:
            return
        self._previewed = match
        self.query_one("#preview", VerticalScroll).scroll_home(animate=False)
        preview = self.query_one("#preview-text", Static)
        if match is None:
            preview.update("")
            return
        text = highlighted(match.entry.text, match.spans)
        cuts = broken_lines(text.plain, preview.content_region.width - 1)  # room for a scrollbar
        if cuts:  # rows that keep 避头尾 and figures whole, broken here rather than by Rich
            text = Text("\n").join(text.divide(cuts))
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
