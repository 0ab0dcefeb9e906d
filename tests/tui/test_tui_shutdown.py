"""Late worker results and timers during shutdown do nothing instead of failing: workers post
messages to the draft screen, and a screen that is gone drops them (no widget guards)."""

from __future__ import annotations

import pytest
from textual import events

from replydraft.draft.model import Draft
from replydraft.tui.app import make_app
from replydraft.tui.messages import Analysed, SkeletonBuilt


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path))


async def test_work_started_at_exit_and_results_after_it_are_ignored() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.draft_screen
        for char in "关于加快人工智能产业发展的建议":
            app.focused.post_message(events.Key(char, char))
        await pilot.pause()
        # Debounce timers, a skeleton and an analysis are in flight as the app exits: each
        # used to need a `_widgets_gone()` guard against a missing #editor.
        screen.analyse_now()
        screen.render_skeleton()
        screen.files.autosave(force=True)
        app.exit()
    draft = Draft(meta=screen.session.meta, parts=[])
    assert not screen.post_message(Analysed(99, "x", draft, [], []))
    assert not screen.post_message(SkeletonBuilt(99, draft))
