"""The form shows the unit's derived voice (地方自称, 单位自称, 工作名称) as it is typed, and the
officer's own value wins in the skeleton (issue 9: voice from the unit's name)."""

from __future__ import annotations

from pathlib import Path

from pilot import wait_until
from textual import events
from textual.widgets import Input

from replydraft.tui.app import make_app


async def type_into(app, pilot, field: Input, text: str) -> None:
    field.focus()
    await pilot.pause()
    for char in text:
        app.focused.post_message(events.Key(char, char))
    await pilot.pause()


async def test_voice_fields_show_the_derived_voice_and_the_officers_value_wins(
    tmp_path: Path,
) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=(120, 36)) as pilot:
        form = app.draft_screen.form
        await type_into(
            app, pilot, form.query_one("#title", Input), "关于加强农村道路安全管理的建议"
        )
        await type_into(app, pilot, form.query_one("#unit", Input), "砚山县交通运输局")
        level = form.query_one("#level_ref", Input)
        unit_ref = form.query_one("#unit_ref", Input)
        work = form.query_one("#work_phrase", Input)
        assert level.placeholder.endswith("我县")
        assert unit_ref.placeholder.endswith("我局")
        assert work.placeholder.endswith("交通运输工作")
        editor = app.draft_screen.editor
        await wait_until(pilot, lambda: "我县交通运输工作" in editor.text, "derived voice")
        await type_into(app, pilot, work, "农村公路工作")
        await wait_until(pilot, lambda: "我县农村公路工作" in editor.text, "officer's phrase")
        assert "科技工作" not in editor.text and "我市" not in editor.text
