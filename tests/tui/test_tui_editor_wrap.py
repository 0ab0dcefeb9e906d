"""The draft editor shows every character of the document, in order, at every wrap: focused or
not, with the side panels toggled (F9/F10) and after a resize. It once wrapped for the
unfocused width and was then painted with a focus border two cells narrower, so the last
character of some wrapped rows (家 in “设备之家”, 绿 in 科技金融“绿色通道”) fell off screen."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from pilot import settle, wait_until
from rich.cells import cell_len
from textual import events
from textual.widgets import Input, TextArea

from replydraft.tui.app import ReplydraftApp, make_app
from replydraft.tui.line_breaking import NO_LINE_END, NO_LINE_START
from replydraft.tui.widgets.search_panel import source_label

SIZE = (120, 36)
# Paragraphs from a real reply's register, with curly quotes (one cell each) so that wrapped
# rows have odd and even cell widths; the variants shift every wrap point.
SENTENCE = (
    "一是打造“设备之家”服务品牌，开通科技金融“绿色通道”，依托“甬e贷”等平台，"
    "为科技型中小企业提供融资服务，全年累计发放贷款12.5亿元。"
)
PARAGRAPHS = [SENTENCE, "二是" + SENTENCE[2:] * 2, "（三）" + SENTENCE[:-1] + "等。"]


@pytest.fixture(autouse=True)
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


def shown_rows(app: ReplydraftApp) -> list[str]:
    """The editor's rows exactly as the screen paints them (text only: no border, no scrollbar)."""
    strips = app.screen._compositor.render_strips()
    region = app.draft_screen.editor.scrollable_content_region
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def assert_all_shown(app: ReplydraftApp, when: str) -> None:
    rows = shown_rows(app)
    screen = "\n".join(rows)
    # Every character of the document, in order: none cut off at the right edge. (When the
    # text is taller than the editor, the rows shown are a stretch of it.)
    document = "".join(app.draft_screen.editor.text.split())
    if app.draft_screen.editor.max_scroll_y:
        shown = "".join("".join(row.split()) for row in rows[:-1])
        assert shown in document, f"{when}: rows on screen:\n{screen}"
    else:
        shown = "".join("".join(row.split()) for row in rows)
        assert shown == document, f"{when}: rows on screen:\n{screen}"
    # And rows use the width: a row a paragraph continues on ends at most 3 cells short
    # (the cursor's cell, plus a wide character that did not fit), plus two cells for each
    # character 避头尾 took down with a closing mark (or with an opening one).
    starts = tuple(paragraph[:2] for paragraph in PARAGRAPHS)
    for row, below in pairwise(rows):
        if below.strip() and not below.startswith(starts):
            gap = cell_len(row) - cell_len(row.rstrip())
            text, moved = below.strip(), 0
            while moved + 1 < len(text) and (
                text[moved + 1] in NO_LINE_START or text[moved] in NO_LINE_END
            ):
                moved += 1
            assert gap <= 3 + 2 * moved, (
                f"{when}: {gap} empty cells at the end of {row!r}:\n{screen}"
            )


async def check_shown(app: ReplydraftApp, pilot, when: str) -> None:
    await pilot.pause()
    assert_all_shown(app, when)


async def test_every_character_is_on_screen_through_focus_toggles_and_resize(
    tmp_path: Path,
) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.draft_screen.editor.load_text("\n\n".join(PARAGRAPHS))
        await check_shown(app, pilot, "unfocused")
        app.draft_screen.editor.focus()
        await check_shown(app, pilot, "focused")
        for key in ("f9", "f10", "f9", "f10"):
            await pilot.press(key)
            await check_shown(app, pilot, f"after {key}")
        app.draft_screen.form.focus_title()
        await check_shown(app, pilot, "focus back in the form")
        await pilot.press("f9")
        await pilot.pause()
        app.draft_screen.editor.focus()
        await check_shown(app, pilot, "form panel hidden, then the editor focused")
        await pilot.press("f9")
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await check_shown(app, pilot, "resized to 100x30")
        await pilot.resize_terminal(*SIZE)
        await check_shown(app, pilot, "resized back")


async def test_rows_fit_when_the_scrollbar_appears(tmp_path: Path) -> None:
    """Typing past the editor's height brings a scrollbar, which narrows the text area."""
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.draft_screen.editor.load_text("\n\n".join(PARAGRAPHS))
        app.draft_screen.editor.focus()
        await pilot.pause()
        assert not app.draft_screen.editor.show_vertical_scrollbar
        app.draft_screen.editor.move_cursor(app.draft_screen.editor.document.end)
        for _ in range(4):
            app.draft_screen.editor.insert("\n\n" + "\n\n".join(PARAGRAPHS))
        await pilot.pause()
        app.draft_screen.editor.scroll_home(animate=False)
        await pilot.pause()
        assert app.draft_screen.editor.show_vertical_scrollbar
        assert_all_shown(app, "with a scrollbar")
        app.draft_screen.editor.scroll_to(y=7, animate=False)
        await check_shown(app, pilot, "scrolled")


async def test_focus_shows_on_the_title_bar_not_as_a_border(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = app.query_one("#editor-title")
        blurred = (title.styles.background, app.draft_screen.editor.content_region)
        app.draft_screen.editor.focus()
        # the colour change is animated: wait for it, not for a fixed time
        await wait_until(pilot, lambda: title.styles.background != blurred[0], "focus colour")
        assert app.draft_screen.editor.content_region == blurred[1]  # same room for the text


async def test_search_preview_shows_every_character(tmp_path: Path) -> None:
    """The preview wrapped once, when written; its scrollbar then hid each row's last
    character (“设备之” with 家 gone)."""
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        for char in "科技金融":
            app.focused.post_message(events.Key(char, char))
        await settle(app, pilot)
        preview = app.query_one("#preview")
        for index in range(3):  # a few results, long and short
            app.draft_screen.search_panel.query_one("#results").highlighted = index
            await pilot.pause()
            match = app.draft_screen.search_panel.matches[index]
            whole = "".join(f"{match.entry.text}— {source_label(match)}".split())
            strips = app.screen._compositor.render_strips()
            region = preview.scrollable_content_region
            rows = [
                strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)
            ]
            shown = "".join("".join(row.split()) for row in rows[:-1])
            assert shown and shown in whole, "\n".join(rows)
