"""Waiting in Pilot tests on conditions, never on fixed sleeps.

The TUI fixtures (tests/tui/conftest.py) set the debounce delays to zero, so a form edit or an
editor change schedules its re-render at once; `settle` then waits until no one-shot timer is
pending and no worker is running, twice in a row (a worker's callback may schedule the next step).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot

TIMEOUT = 30.0
"""Seconds before a wait gives up: generous, as a loaded CI machine is slow, never a sleep."""


def _one_shot_timer_pending(app: App[Any]) -> bool:
    """A `set_timer` (not an interval) anywhere in the app that has not fired yet."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    for node in nodes:
        for timer in list(node._timers):
            task = timer._task
            if timer._repeat == 0 and task is not None and not task.done():
                return True
    return False


def _busy(app: App[Any]) -> bool:
    return _one_shot_timer_pending(app) or any(
        worker.is_running or worker.state.name == "PENDING" for worker in app.workers
    )


async def settle(app: App[Any], pilot: Pilot[Any]) -> None:
    """Let debounce timers fire and workers finish, until the app is quiet."""
    deadline = time.monotonic() + TIMEOUT
    quiet = 0
    while quiet < 2:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        quiet = 0 if _busy(app) else quiet + 1
        if time.monotonic() > deadline:
            raise AssertionError(f"the app did not settle within {TIMEOUT} s")


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], what: str, timeout: float = TIMEOUT
) -> None:
    """Pause until `condition()` holds; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
