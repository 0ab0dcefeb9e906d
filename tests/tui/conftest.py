"""TUI tests: steady screens (no blinking cursor) and no debounce waits.

The debounce delays are set to (next to) zero so a test waits on conditions (`pilot.settle`), not on the
clock. They are module constants of `replydraft.tui.app` today; when they move (the TUI split
makes them injectable), this fixture fails loudly instead of silently waiting 0.4 s again.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

DEBOUNCE = 0.001
"""Seconds: as good as none (Textual's timer divides by its interval, so not 0.0)."""


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screens differ between frames."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture(autouse=True)
def no_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    """Form edits re-render the skeleton, and edits refresh outline and checks, at once."""
    monkeypatch.setattr("replydraft.tui.app.SKELETON_DELAY", DEBOUNCE)
    monkeypatch.setattr("replydraft.tui.app.ANALYSE_DELAY", DEBOUNCE)
