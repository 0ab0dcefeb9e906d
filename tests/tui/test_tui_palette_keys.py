"""The palette and the help screen show the keys bound now (after a keymap remap), and
`make_app` takes the delays (tests run with no debounce)."""

from __future__ import annotations

from pathlib import Path

import pytest

from replydraft.tui.app import make_app
from replydraft.tui.draft_screen import Delays
from replydraft.tui.keymap import binding_ids, keys_for


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


async def test_palette_shows_remapped_keys(home: Path, tmp_path: Path) -> None:
    config = home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(
        "keymap:\n  app.save: f7\n  app.export: ctrl+e\n  editor.renumber: f6\n", encoding="utf-8"
    )
    app = make_app(offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        helps = {name: help_text for name, help_text, _cb in app.palette_commands()}
        assert helps["文件：保存草稿"] == "f7"
        assert helps["导出：导出对话框"] == "ctrl+e"
        assert helps["编辑：重排正文序号"] == "f6"
        assert helps["视图：表单"] == "f2"  # not remapped: the default
        assert ("f7", "保存", "app.save") in app.key_rows()


def test_every_palette_binding_id_exists() -> None:
    ids = binding_ids()
    assert {"app.save", "app.save_as", "choice_dialog.cancel", "editor.renumber"} <= ids
    assert keys_for({}, "app.save") == "ctrl+s"
    assert keys_for({"app.save": "f7"}, "app.save") == "f7"


def test_make_app_takes_the_delays() -> None:
    app = make_app(debounce=0.0, autosave=0.5)
    delays = app.draft_screen.delays
    assert (delays.skeleton, delays.analyse, delays.autosave) == (0.0, 0.0, 0.5)
    # The app's own defaults (the TUI tests' fixture zeroes the debounces in DEFAULT_DELAYS).
    assert (Delays().skeleton, Delays().analyse, Delays().autosave) == (0.25, 0.4, 2.0)
    default = make_app().draft_screen.delays
    assert default.autosave == 2.0
