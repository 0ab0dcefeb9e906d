"""Late timer and worker callbacks during shutdown do nothing instead of failing."""

from __future__ import annotations

from pilot import settle

from replydraft.tui.app import make_app


async def test_callbacks_after_widgets_are_gone_are_ignored() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert not app._widgets_gone()
        await app.screen.query_one("#editor").remove()
        assert app._widgets_gone()
        # Each of these used to raise NoMatches for #editor when fired during shutdown.
        app.analyse_now()
        app.autosave(force=True)
        app._render_skeleton()
        await settle(app, pilot)
