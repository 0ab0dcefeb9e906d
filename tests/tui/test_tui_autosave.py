"""Autosave files: atomic, verbatim text, orphans offered after a crash, removed on clean exit."""

from __future__ import annotations

import os
import subprocess
import sys

from replydraft.files import locations
from replydraft.tui.autosave import Autosaver, orphans


def test_autosave_keeps_text_verbatim_and_discard_removes_it() -> None:
    saver = Autosaver()
    text = "标题\n\n\n张三代表：  \n（一）半句没写完"
    saver.save(text, {"title": "关于加快人工智能产业发展的建议"}, None)
    assert saver.path.parent == locations.recovery_dir()
    found = orphans()  # same pid as ours: a UI of this process that is gone
    assert [item.text for item in found] == [text]
    assert found[0].title == "关于加快人工智能产业发展的建议"
    assert not list(saver.path.parent.glob(".*.tmp"))  # atomic: no temp file left
    saver.discard()
    assert orphans() == []


def test_file_of_a_live_process_is_not_offered(home) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        saver = Autosaver()
        saver.save("别人的草稿", {}, None)
        data = saver.path.read_text(encoding="utf-8").replace(
            f"pid: {os.getpid()}", f"pid: {child.pid}"
        )
        saver.path.write_text(data, encoding="utf-8")
        assert orphans() == []
    finally:
        child.kill()
        child.wait()
    assert [item.text for item in orphans()] == ["别人的草稿"]


def test_unreadable_recovery_files_are_skipped_not_deleted() -> None:
    folder = locations.recovery_dir()
    folder.mkdir(parents=True)
    bad = folder / "draft-bad.yaml"
    bad.write_text("text: [unclosed", encoding="utf-8")
    assert orphans() == []
    assert bad.exists()
