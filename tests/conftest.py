"""Every test runs sealed off from the real user: its own home, config, data and cache folders.

`files/locations.py` reads `REPLYDRAFT_HOME` first and platformdirs (HOME and the XDG variables)
otherwise; both point into the test's `tmp_path`, so no test can read an officer's settings or
write into the real cache folder, whichever of the two a code path consults.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's REPLYDRAFT_HOME (`tmp_path/home`, not created); HOME and XDG folders beside it."""
    folder = tmp_path / "home"
    monkeypatch.setenv("REPLYDRAFT_HOME", str(folder))
    user = tmp_path / "user"
    monkeypatch.setenv("HOME", str(user))
    for variable, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(variable, str(user / sub))
    return folder
