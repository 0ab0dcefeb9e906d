"""Reopening a saved draft in the UI is not an edit: no 未保存 mark, ctrl+q quits at once."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cli_in
from pilot import settle

from replydraft.tui.app import make_app

PROPOSAL = (
    "关于加快人工智能产业发展的建议\n为此建议：一是加大人工智能企业培育力度，设立专项资金。"
    "二是加快算力基础设施建设，建设公共算力服务平台。三是强化人工智能人才引育，完善人才政策。\n"
)


async def test_reopened_draft_with_demands_is_not_unsaved(tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("REPLYDRAFT_HOME", str(home))
    (home / "建议全文.txt").write_text(PROPOSAL, encoding="utf-8")
    made = run_cli_in(
        home,
        *("skeleton", "--title", "关于加快人工智能产业发展的建议", "--number", "12"),
        *("--date", "2026-05-20", "--proposal-text", "建议全文.txt", "--out", "draft.yaml"),
    )
    assert made.returncode == 0, made.stderr
    draft = home / "draft.yaml"
    assert "demands:" in draft.read_text(encoding="utf-8")

    app = make_app(draft, offer_recovery=False, cwd=home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert len(app.session.meta.demands) == 3
        assert not app.draft_screen.has_unsaved()
        assert not app.session.dirty


async def test_reopened_draft_without_a_date_stays_without_one(tmp_path: Path, monkeypatch) -> None:
    """The form used to fill today's date into an undated draft: 未保存 right after opening."""
    import datetime as dt

    from textual.widgets import Input

    from replydraft.draft.model import Draft

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("REPLYDRAFT_HOME", str(home))
    made = run_cli_in(
        home, "skeleton", "--title", "关于加快人工智能产业发展的建议", "--out", "draft.yaml"
    )
    assert made.returncode == 0, made.stderr
    path = home / "draft.yaml"
    draft = Draft.load(path)
    draft.meta.date = None
    draft.save(path)

    app = make_app(path, offer_recovery=False, cwd=home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        date = app.query_one("#date", Input)
        assert date.value == ""
        assert dt.date.today().isoformat() in str(date.placeholder)  # a hint, not a value
        assert app.session.meta.date is None
        assert not app.session.dirty and not app.draft_screen.has_unsaved()
        assert "未保存" not in str(app.query_one("#editor-title").render())

    fresh = make_app(offer_recovery=False, cwd=home)
    async with fresh.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert fresh.query_one("#date", Input).value == dt.date.today().isoformat()
