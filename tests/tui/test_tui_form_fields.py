"""The form's 类别, 公开属性 and 抄送 rows: filled in the form, saved in the draft, shown again
when it is reopened; and Tab from 标题 goes to 编号 (as the README's walkthrough says)."""

from __future__ import annotations

from pathlib import Path

from pilot import settle, wait_until
from textual import events
from textual.widgets import Input, Select

from replydraft.draft.model import Draft
from replydraft.tui.app import ReplydraftApp, make_app

TITLE = "关于加强农村道路交通安全的建议"


async def type_text(app: ReplydraftApp, text: str) -> None:
    assert app.focused is not None
    for char in text:
        app.focused.post_message(events.Key(char, char))


async def test_tab_from_title_goes_to_number(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.focused is not None and app.focused.id == "title"
        await type_text(app, TITLE)
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "number"
        await pilot.press("5", "6")
        await settle(app, pilot)
        assert app.query_one("#number", Input).value == "56"
        assert app.session.meta.number == 56


async def test_category_disclosure_and_cc_are_saved_and_reloaded(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await type_text(app, TITLE)
        app.query_one("#category", Select).value = "B"
        app.query_one("#disclosure", Select).value = "依申请公开"
        app.query_one("#cc", Input).focus()
        await wait_until(pilot, lambda: app.focused is app.query_one("#cc"), "focus on 抄送")
        await type_text(app, "市督查局、市政协提案委")
        await wait_until(pilot, lambda: len(app.session.meta.cc) == 2, "cc in the meta")
        await settle(app, pilot)
        meta = app.session.meta
        assert (meta.category, meta.disclosure) == ("B", "依申请公开")
        assert meta.cc == ["市督查局", "市政协提案委"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.session.path is not None, "the save")
        path = app.session.path
        assert path is not None
    saved = Draft.load(path)
    assert saved.meta.cc == ["市督查局", "市政协提案委"]
    assert (saved.meta.category, saved.meta.disclosure) == ("B", "依申请公开")

    again = make_app(path, offer_recovery=False, cwd=tmp_path)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.query_one("#cc", Input).value == "市督查局、市政协提案委"
        assert again.query_one("#disclosure", Select).value == "依申请公开"
        assert again.query_one("#category", Select).value == "B"
        assert not again.draft_screen.has_unsaved()
