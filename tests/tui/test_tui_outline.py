"""The outline follows the form: a form edit that rewrites the title line (编号, 届次, 领衔人)
shows in the outline without touching the body."""

from __future__ import annotations

from pathlib import Path

from pilot import settle
from textual import events
from textual.widgets import Input

from replydraft.tui.app import ReplydraftApp, make_app
from replydraft.tui.widgets.outline import Outline


async def type_into(app: ReplydraftApp, pilot, field: str, text: str) -> None:
    app.query_one(f"#{field}", Input).focus()
    await pilot.pause()
    for char in text:
        app.focused.post_message(events.Key(char, char))
    await settle(app, pilot)


def outline_rows(app: ReplydraftApp) -> list[str]:
    outline = app.query_one("#outline", Outline)
    return [outline.get_option_at_index(i).prompt.plain for i in range(outline.option_count)]


async def test_outline_follows_form_edits(tmp_path: Path, monkeypatch) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_into(app, pilot, "title", "关于加快人工智能产业发展的建议")
        before = outline_rows(app)
        assert before[0].startswith("标题") and "待填" in before[0]
        assert before[1].startswith("称谓") and "待填" in before[1]
        body = app.draft_screen.editor.text
        await type_into(app, pilot, "number", "12")
        await type_into(app, pilot, "session", "市十八届人大二次会议")
        await type_into(app, pilot, "proposer", "杜国强")
        assert app.draft_screen.editor.text != body  # the skeleton followed the form
        rows = outline_rows(app)
        title_line, salutation = app.draft_screen.editor.text.split("\n")[:2]
        assert rows[0].startswith("标题") and "待填" not in rows[0]
        assert title_line[:5] in rows[0]  # 对市十八届…
        assert rows[1].startswith("称谓") and "杜国强" in rows[1] and salutation[:3] in rows[1]
