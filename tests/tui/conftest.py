"""TUI tests: steady screens (no blinking cursor) and no debounce waits.

The debounce delays are set to zero (`replydraft.tui.app.DEFAULT_DELAYS`, what `make_app` uses
unless told otherwise) so a test waits on conditions (`pilot.settle`), not on the clock.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from replydraft.tui.draft_screen import Delays


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screens differ between frames."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture(autouse=True)
def no_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    """Form edits re-render the skeleton, and edits refresh outline and checks, at once."""
    monkeypatch.setattr("replydraft.tui.app.DEFAULT_DELAYS", Delays(skeleton=0.0, analyse=0.0))
