"""At 80x24 the panels are tabs: the editor keeps the width (>= 60 columns), F2/F3/F5/ctrl+f
switch the panel shown, a tab bar says which, and the footer keeps ^q 退出, ^s 保存, F1 帮助
whatever has focus. From 100 columns up the three panels stand side by side again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import settle

from replydraft.tui.app import ReplydraftApp, make_app


def painted(app: ReplydraftApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", [(80, 24), (90, 30)])
async def test_panels_become_tabs_and_the_editor_keeps_the_width(tmp_path: Path, size) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = app.draft_screen
        assert screen.has_class("tabs")
        assert screen.form.region.width >= size[0] - 2  # the form first, the whole width
        for key, pane, focused in [
            ("f3", "editor", "editor"),
            ("ctrl+f", "search", "query"),
            ("f5", "outline", "outline"),
            ("f4", "editor", "checks"),
            ("f2", "form", "title"),
            ("f3", "editor", "editor"),
        ]:
            await pilot.press(key)
            await settle(app, pilot)
            assert screen.pane == pane and app.focused is not None, key
            assert app.focused.id == focused, key
            rows = painted(app)
            tab_bar = rows[0]
            label = {"form": "表单", "editor": "草稿", "outline": "大纲", "search": "搜索"}[pane]
            assert label in tab_bar, tab_bar
            footer = rows[-1]
            for wanted in ("^q 退出", "^s 保存", "f1 帮助"):
                assert wanted in footer, f"{key}: {footer!r}"
        assert screen.editor.size.width >= 60
        assert screen.editor.region.width >= size[0] - 2


async def test_tab_follows_focus_into_a_hidden_panel(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.draft_screen.query_one("#query").focus()
        await settle(app, pilot)
        assert app.draft_screen.pane == "search"
        assert app.draft_screen.search_panel.region.width >= 78


async def test_wide_again_shows_three_panels(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.resize_terminal(120, 36)
        await settle(app, pilot)
        screen = app.draft_screen
        assert not screen.has_class("tabs")
        assert screen.form.region.width > 0 and screen.search_panel.region.width > 0
        assert screen.editor.region.width > 0
