"""A UI killed with kill -9 whose parent has not reaped it yet (a zombie) has orphaned its draft:
the next start must offer it back, not take the zombie for a running UI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from replydraft.tui.autosave import Autosaver, orphans

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]


def test_draft_of_a_killed_unreaped_ui_is_offered(tmp_path, monkeypatch) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        saver = Autosaver()
        saver.save("被kill -9的草稿", {}, None)
        text = saver.path.read_text(encoding="utf-8")
        saver.path.write_text(text.replace(f"pid: {os.getpid()}", f"pid: {child.pid}"), "utf-8")
        assert orphans() == []  # running: not offered
        child.kill()  # not waited for: a zombie until child.wait()
        deadline = time.monotonic() + 5
        while _state(child.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _state(child.pid) == "Z"
        assert [item.text for item in orphans()] == ["被kill -9的草稿"]
    finally:
        child.kill()
        child.wait()
